/** The plan the overview reports on: its status and before/after figures, with a link back to the planner. */
import { api } from '../api.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { formatInt } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { readReport } from '../planReport.ts';
import { useReference } from '../reference.ts';
import { hrefOf } from '../route.ts';
import { useAsync } from '../useAsync.ts';
import { StatusBadge } from './StatusBadge.tsx';

export const ActivePlanSummary = () => {
  const { lang, t } = useI18n();
  const { activePlanId } = useReference();
  const result = useAsync(
    async () => (activePlanId ? { job: await api.plan(activePlanId), report: readReport(await api.planResult(activePlanId)) } : undefined),
    [activePlanId],
  );
  if (!activePlanId) return <p className="help active-plan">{t('noPlanYet')}</p>;
  if (result.error) return <ErrorNote error={result.error} />;
  const r = result.data?.report;
  if (!r) return null;
  const pair = r.kpis.find((k) => k.key === 'uncoveredHours');
  const uncoveredBefore = pair?.before ?? null;
  const uncoveredAfter = pair?.after ?? r.coverage.reduce((s, c) => s + c.uncovered, 0);
  return (
    <div className="active-plan panel">
      <strong>{t('activePlan')}:</strong> <StatusBadge status={r.status} /> · {t('transfers')}: {formatInt(lang, r.moves.length)} ·{' '}
      {t('uncoveredHours')}: {uncoveredBefore !== null && `${formatInt(lang, uncoveredBefore)} → `}
      {formatInt(lang, uncoveredAfter)} ·{' '}
      <a href={hrefOf('planner', result.data?.job.scenarioId ?? undefined)}>{t('open')}</a>
    </div>
  );
};
