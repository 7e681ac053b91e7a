/**
 * A solved plan, as the server's plan result says it (PlanResult v2, solver/plan/planResult.ts):
 * every sentence and figure is the server's, in the planner's language; nothing is recomputed here.
 * A plan that does not exist (`outcome` null) has no figures and no exports: it says why
 * (`infeasibility`: the key conflict, then the groups). A plan that exists shows its verdict and
 * headline, before (today's staff, no hire, no move) and after in hours and people, the shortage
 * split, the centers short of people, utilization, transfers on the map, the coverage heat map, the
 * moves with their reasons, the idle people, shadow prices, hires, cross-training and the trade-off.
 * A plan over several months shows its schedule first (YearPlan.tsx); the rest is its first month.
 */
import { useDeferredValue, useEffect, useMemo, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { NormsLine } from '../components/NormsLine.tsx';
import type { PlanOutcome, PlanResult } from '../../../solver/plan/planResult.ts';
import type { TradeoffPoint } from '../../../solver/plan/tradeoffCurve.ts';
import { api, exportUrl, type ExportKind } from '../api.ts';
import { CenterMap } from '../charts/CenterMap.tsx';
import { CoverageHeatmap } from '../charts/CoverageHeatmap.tsx';
import { mapFlows } from '../charts/mapFlows.ts';
import { TradeoffChart } from '../charts/TradeoffChart.tsx';
import { UtilizationDumbbell } from '../charts/UtilizationDumbbell.tsx';
import { DatasetNote } from '../components/DatasetNote.tsx';
import { ErrorNote, Loading } from '../components/ErrorNote.tsx';
import { Infeasibility } from '../components/Infeasibility.tsx';
import { Kpi } from '../components/Kpi.tsx';
import { formatInt, formatNumber, formatPercent } from '../format.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { useReference } from '../reference.ts';
import { RoleNote } from '../session/RoleNote.tsx';
import { useAsync } from '../useAsync.ts';
import { usePermission } from '../session/SessionProvider.tsx';
import { exportPlan } from '../session/saveExport.ts';
import { IdlePeople } from './IdlePeople.tsx';
import { MovesTable } from './MovesTable.tsx';
import { PeopleShort } from './PeopleShort.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { YearPlan } from './YearPlan.tsx';

export interface PlanResultsProps {
  readonly result: PlanResult;
  readonly planId: string;
  readonly scenarioId: string | undefined;
  /** The dataset version the plan was solved on (its record's); a version other than the active one is said. */
  readonly datasetVersion: number;
}

/** The exports: kind, label, and the query it is fetched with (`?locale=vi`: ";" and decimal commas for Excel in Vietnamese). */
const EXPORTS: readonly (readonly [ExportKind, MessageKey, string])[] = [
  ['csv', 'exportCsv', ''],
  ['csv', 'exportCsvVi', '?locale=vi'],
  ['xlsx', 'exportXlsx', ''],
  ['lp', 'exportLp', ''],
  ['memo', 'memo', ''],
];

interface CompactTableProps<R> {
  /** Column headings; the third column holds a number. */
  readonly head: readonly [string, string, string];
  readonly rows: readonly R[];
  readonly rowKey: (row: R) => string;
  readonly cells: (row: R) => readonly [ReactNode, ReactNode, ReactNode];
  /** Said instead of an empty table's rows. */
  readonly none: string;
}

/** The three small tables beside the moves (shadow prices, hires, cross-training): two labels and a number. */
const CompactTable = <R,>({ head, rows, rowKey, cells, none }: CompactTableProps<R>) => (
  <>
    <table className="table compact">
      <thead>
        <tr>
          <th scope="col">{head[0]}</th>
          <th scope="col">{head[1]}</th>
          <th scope="col" className="num">
            {head[2]}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const [first, second, value] = cells(row);
          return (
            <tr key={rowKey(row)}>
              <td>{first}</td>
              <td>{second}</td>
              <td className="num">{value}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
    {rows.length === 0 && <p className="help">{none}</p>}
  </>
);

/** The solver's verdict in words, with its status and figures (objective, bound, gap, seconds). */
const Quality = ({ result }: { readonly result: PlanResult }) => {
  const { lang, t } = useI18n();
  const q = result.quality;
  return (
    <p className="quality">
      <StatusBadge status={result.status} /> <span>{result.verdict[lang]}</span>
      <span className="help">
        {' '}
        {q.objective !== null && (
          <>
            · {t('objective')} {formatNumber(lang, q.objective)} · {t('bound')} {q.bound !== null ? formatNumber(lang, q.bound) : '–'} · {t('gap')} {formatPercent(lang, q.gap, 2)}{' '}
          </>
        )}
        · {t('seconds')} {formatNumber(lang, q.seconds, 1)} s
      </span>
    </p>
  );
};

export const PlanResults = ({ result, planId, scenarioId, datasetVersion }: PlanResultsProps) => {
  const { t } = useI18n();
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A new plan: bring its results into view (the Solve button sits at the bottom of a long form).
    top.current?.scrollIntoView?.({ block: 'start' });
  }, [planId]);
  if (result.outcome === null) {
    return (
      <div className="plan-results no-plan" ref={top}>
        <div className="panel">
          <h2>{t('results')}</h2>
          <Quality result={result} />
          <DatasetNote planVersion={datasetVersion} />
          <p className="help">{t('noPlanNoFigures')}</p>
          {result.infeasibility && <Infeasibility why={result.infeasibility} />}
        </div>
      </div>
    );
  }
  return (
    <div className="plan-results" ref={top}>
      <Outcome result={result} outcome={result.outcome} planId={planId} scenarioId={scenarioId} datasetVersion={datasetVersion} />
    </div>
  );
};

const Outcome = ({ result, outcome, planId, scenarioId, datasetVersion }: PlanResultsProps & { readonly outcome: PlanOutcome }) => {
  const { lang, t } = useI18n();
  const ref = useReference();
  const [tradeoff, setTradeoff] = useState<readonly TradeoffPoint[] | undefined>(undefined);
  const [tradeoffError, setTradeoffError] = useState<Error | undefined>(undefined);
  const [tradeoffBusy, setTradeoffBusy] = useState(false);
  const mayTradeoff = usePermission('tradeoff');
  const [exporting, setExporting] = useState<string | undefined>(undefined);
  const [exportError, setExportError] = useState<Error | undefined>(undefined);
  /** A click on an export link fetches the file with the session's token (see session/saveExport.ts). */
  const startExport = (kind: ExportKind, search: string) => (event: MouseEvent) => {
    event.preventDefault();
    setExportError(undefined);
    setExporting(kind + search);
    exportPlan(planId, kind, t('exportBusy'), search).then(
      () => setExporting(undefined),
      (error: unknown) => {
        setExportError(error instanceof Error ? error : new Error(String(error)));
        setExporting(undefined);
      },
    );
  };
  const nameOf = (code: string) => ref.centerByCode.get(code)?.nameVi ?? code;
  const fieldName = (id: string) => {
    const f = ref.fieldById.get(id);
    return f ? (lang === 'vi' ? f.nameVi : f.nameEn) : id;
  };
  const flows = useMemo(() => mapFlows(outcome.moves), [outcome.moves]);
  const volume = useMemo(() => new Map(outcome.centers.map((c) => [c.centerCode, c.requiredHours])), [outcome.centers]);
  const utilAfter = useMemo(() => new Map(outcome.centers.map((c) => [c.centerCode, c.utilizationAfter])), [outcome.centers]);
  // Cross-training suggestions carry staff ids only: their names come from the staff list.
  const staff = useAsync(() => api.staff(), []);
  const staffName = useMemo(() => new Map((staff.data ?? []).map((p) => [p.staffId, p.name])), [staff.data]);
  const { before, after, demand, shortage } = outcome;
  // The verdict, headline and key figures come first; the tables, charts and map (most of the
  // rendering work) follow in a background render, so the figures are read while they are drawn.
  const rest = useDeferredValue<PlanOutcome | null>(outcome, null);
  const computeTradeoff = async () => {
    if (!scenarioId) return;
    setTradeoffBusy(true);
    setTradeoffError(undefined);
    try {
      setTradeoff(await api.tradeoff(scenarioId));
    } catch (error) {
      setTradeoffError(error instanceof Error ? error : new Error(String(error)));
    }
    setTradeoffBusy(false);
  };
  const was = (text: string) => `${t('before')}: ${text}`;
  return (
    <>
      <div className="panel">
        <div className="panel-head">
          <h2>{t('results')}</h2>
          <div className="exports" role="group" aria-label={t('exports')}>
            <span className="help">{t('exports')}:</span>
            {EXPORTS.map(([kind, label, search]) => (
              <a
                key={label}
                href={`${exportUrl(planId, kind)}${search}`}
                {...(kind === 'memo' ? { target: '_blank', rel: 'noreferrer' } : { download: true })}
                aria-busy={exporting === kind + search}
                onClick={startExport(kind, search)}
                onAuxClick={(event) => event.button === 1 && startExport(kind, search)(event)}
              >
                {t(label)}
              </a>
            ))}
            <button type="button" onClick={() => window.print()}>
              {t('print')}
            </button>
          </div>
        </div>
        {exporting && (
          <p className="help" role="status">
            {t('exportBusy')}
          </p>
        )}
        <ErrorNote error={exportError} />
        <Quality result={result} />
        <NormsLine norms={result.norms} />
        <DatasetNote planVersion={datasetVersion} />
        <p className="plan-headline">{outcome.headline[lang]}</p>
        <p className="plan-goal">{t('planGoal')}</p>
        <div className="kpis">
          <Kpi label={t('uncoveredHours')} value={formatInt(lang, after.uncoveredHours)} before={was(formatInt(lang, before.uncoveredHours))} />
          <Kpi label={t('fteShort')} value={formatNumber(lang, after.fteShort)} before={was(formatNumber(lang, before.fteShort))} hint={t('fteHelp', { hours: formatNumber(lang, result.hoursPerFte) })} />
          <Kpi label={t('overloadedCenters')} value={formatInt(lang, after.overloadedCenters)} before={was(formatInt(lang, before.overloadedCenters))} />
          <Kpi label={t('maxUtilization')} value={formatPercent(lang, after.maxUtilization)} before={was(formatPercent(lang, before.maxUtilization))} />
          <Kpi label={t('staff')} value={formatInt(lang, after.staff)} before={was(formatInt(lang, before.staff))} />
          <Kpi label={t('transfers')} value={formatInt(lang, after.transfers)} />
          <Kpi label={t('addedCommute')} value={`${formatNumber(lang, after.addedCommuteKm, 1)} km`} />
          <Kpi label={t('hires')} value={formatInt(lang, after.hires)} />
        </div>
        {shortage && <p className="shortage">{shortage.sentence[lang]}</p>}
        {demand && (
          <p className="demand">
            {t('waveAdds', { fte: formatNumber(lang, demand.addedFte), from: formatInt(lang, demand.baselineRequiredHours), to: formatInt(lang, demand.requiredHours) })}
          </p>
        )}
      </div>
      {rest && (
        <>
          {result.schedule !== null && <YearPlan schedule={result.schedule} staffName={(id) => staffName.get(id) ?? id} />}
          <PeopleShort outcome={rest} />
          <div className="panel">
            <h2>{t('utilBeforeAfter')}</h2>
            <UtilizationDumbbell
              width={820}
              height={220}
              title={t('utilBeforeAfter')}
              rows={rest.centers.map((c) => ({ code: c.centerCode, name: c.name, before: c.utilizationBefore, after: c.utilizationAfter }))}
            />
          </div>
          <div className="two-col">
            <div className="panel">
              <h2>{t('transfersMap')}</h2>
              <CenterMap centers={ref.centers} volume={volume} utilization={utilAfter} flows={flows} width={560} height={440} labelCount={6} title={t('transfersMap')} />
            </div>
            <div className="panel">
              <h2>{t('coverageHeatmap')}</h2>
              <CoverageHeatmap centers={rest.centers} fields={ref.fields} maxRows={18} />
            </div>
          </div>
          <div className="panel">
            <h2>
              {t('moves')} · {formatInt(lang, rest.moves.length)}
            </h2>
            <MovesTable moves={rest.moves} />
          </div>
          <div className="panel">
            <h2>
              {t('idlePeople')} · {formatInt(lang, rest.idle.length)}
            </h2>
            <IdlePeople idle={rest.idle} />
          </div>
          <div className="three-col">
            <div className="panel">
              <h2>{t('shadowPrices')}</h2>
              <p className="help">{t('shadowHelp')}</p>
              <CompactTable
                head={[t('center'), t('field'), t('hoursCovered')]}
                rows={rest.shadowPrices.slice(0, 12)}
                rowKey={(s) => `${s.centerCode}-${s.field}`}
                cells={(s) => [nameOf(s.centerCode), fieldName(s.field), formatNumber(lang, s.hoursCovered)]}
                none={t('none')}
              />
            </div>
            <div className="panel">
              <h2>{t('hires')}</h2>
              <CompactTable
                head={[t('center'), t('field'), t('headcount')]}
                rows={rest.hires}
                rowKey={(h) => `${h.centerCode}-${h.field}`}
                cells={(h) => [nameOf(h.centerCode), fieldName(h.field), h.count]}
                none={t('none')}
              />
              <h2>{t('crossTrainingSuggestions')}</h2>
              <CompactTable
                head={[t('name'), t('newField'), t('hoursCovered')]}
                rows={rest.crossTraining.slice(0, 12)}
                rowKey={(c) => `${c.staffId}-${c.field}`}
                cells={(c) => [
                  <>
                    {staffName.get(c.staffId) ?? c.staffId}
                    <div className="sub">{nameOf(c.centerCode)}</div>
                  </>,
                  fieldName(c.field),
                  formatNumber(lang, c.hoursCovered),
                ]}
                none={t('none')}
              />
            </div>
            <div className="panel">
              <h2>{t('tradeoff')}</h2>
              {!tradeoff && (
                <button type="button" onClick={() => void computeTradeoff()} disabled={tradeoffBusy || !scenarioId || !mayTradeoff.allowed}>
                  {t('computeTradeoff')}
                </button>
              )}
              {!tradeoff && <RoleNote permission={mayTradeoff} />}
              {tradeoffBusy && <Loading />}
              <ErrorNote error={tradeoffError} />
              {tradeoff && <TradeoffChart points={tradeoff} title={t('tradeoff')} width={420} />}
            </div>
          </div>
        </>
      )}
    </>
  );
};
