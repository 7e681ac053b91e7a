/**
 * The latest finished plan for the period the overview shows, read from the server's stored plans
 * (so it survives a reload): its scenario, when it was solved, status and before/after figures, with
 * a link to the planner. Plans of another dataset version are not this data's plans and are skipped.
 */
import { api } from '../api.ts';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { formatPlanTime, latestDonePlan, solvedAt } from '../components/storedPlans.ts';
import { formatInt, formatMonth } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { readReport } from '../planReport.ts';
import { useReference } from '../reference.ts';
import { hrefOf } from '../route.ts';
import { useAsync } from '../useAsync.ts';
import { StatusBadge } from './StatusBadge.tsx';

export const ActivePlanSummary = ({ period }: { readonly period: string }) => {
  const { lang, t } = useI18n();
  const { activePlanId } = useReference();
  const found = useAsync(async () => {
    const [plans, datasets, scenarios] = await Promise.all([api.plans(), api.datasets(), api.scenarios()]);
    const active = datasets.find((d) => d.active)?.version;
    const plan = latestDonePlan(plans, (p) => p.scenario.period === period && (active === undefined || p.datasetVersion === active));
    if (!plan) return undefined;
    const name = scenarios.find((s) => s.id === plan.scenarioId)?.name ?? '';
    return { plan, name, report: readReport(await api.planResult(plan.id)) };
  }, [period, activePlanId]);
  if (found.error) return <ErrorNote error={found.error} onRetry={found.reload} />;
  if (found.loading && !found.data) return null;
  if (!found.data) return <p className="help active-plan">{t('noPlanForPeriod', { period: formatMonth(period) })}</p>;
  const { plan, name, report: r } = found.data;
  const pair = r.kpis.find((k) => k.key === 'uncoveredHours');
  const uncoveredBefore = pair?.before ?? null;
  const uncoveredAfter = pair?.after ?? r.coverage.reduce((s, c) => s + c.uncovered, 0);
  return (
    <div className="active-plan panel">
      <strong>{t('planOfPeriod', { period: formatMonth(period) })}:</strong> {name && <>«{name}» · </>}
      {t('solvedAtShort', { time: formatPlanTime(lang, solvedAt(plan)) })} · <StatusBadge status={r.status} /> · {t('transfers')}:{' '}
      {formatInt(lang, r.moves.length)} · {t('uncoveredHours')}: {uncoveredBefore !== null && `${formatInt(lang, uncoveredBefore)} → `}
      {formatInt(lang, uncoveredAfter)} · <a href={hrefOf('planner', plan.scenarioId ?? undefined)}>{t('open')}</a>
    </div>
  );
};
