/**
 * The latest plan for the period the overview shows, read from the server's stored plans (so it
 * survives a reload): its scenario, when it was solved, status, and its record's summary (before =
 * today's staff, no hire, no move; after = the plan), in hours and people. A solve that found no
 * plan is never this "latest plan" (storedPlans.ts). A plan of another dataset version than the
 * active one says so.
 */
import { api } from '../api.ts';
import { DatasetNote } from '../components/DatasetNote.tsx';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { formatPlanTime, latestPlan, solvedAt } from '../components/storedPlans.ts';
import { formatInt, formatMonth, formatNumber } from '../format.ts';
import { useI18n } from '../i18n.ts';
import { useReference } from '../reference.ts';
import { hrefOf } from '../route.ts';
import { useAsync } from '../useAsync.ts';
import { StatusBadge } from './StatusBadge.tsx';

export const ActivePlanSummary = ({ period }: { readonly period: string }) => {
  const { lang, t } = useI18n();
  const { activePlanId } = useReference();
  const found = useAsync(async () => {
    const [plans, scenarios] = await Promise.all([api.plans(), api.scenarios()]);
    // The period solved is the summary's: a scenario saved without one took the default.
    const plan = latestPlan(plans, (p) => p.summary?.period === period);
    if (!plan) return undefined;
    return { plan, name: scenarios.find((s) => s.id === plan.scenarioId)?.name ?? '' };
  }, [period, activePlanId]);
  if (found.error) return <ErrorNote error={found.error} onRetry={found.reload} />;
  if (found.loading && !found.data) return null;
  const plan = found.data?.plan;
  const s = plan?.summary;
  if (!plan || !s || !s.before || !s.after) return <p className="help active-plan">{t('noPlanForPeriod', { period: formatMonth(period) })}</p>;
  return (
    <div className="active-plan panel">
      <p>
        <strong>{t('planOfPeriod', { period: formatMonth(period) })}:</strong> {found.data?.name && <>«{found.data.name}» · </>}
        {t('solvedAtShort', { time: formatPlanTime(lang, solvedAt(plan)) })} · <StatusBadge status={s.status} /> · {t('transfers')}: {formatInt(lang, s.transfers ?? 0)} ·{' '}
        {t('uncoveredHours')}: {formatInt(lang, s.before.uncoveredHours)} → {formatInt(lang, s.after.uncoveredHours)} · {t('fteShort')}: {formatNumber(lang, s.before.fteShort)} →{' '}
        {formatNumber(lang, s.after.fteShort)} · <a href={hrefOf('planner', plan.scenarioId ?? undefined)}>{t('open')}</a>
      </p>
      <DatasetNote planVersion={plan.datasetVersion} />
    </div>
  );
};
