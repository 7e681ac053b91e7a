/** The solved plan: quality, key figures, utilization before/after, coverage, transfers, moves and their reasons. */
import { useEffect, useMemo, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import { NormsLine } from '../components/NormsLine.tsx';
import { api, exportUrl, type ExportKind } from '../api.ts';
import { CenterMap } from '../charts/CenterMap.tsx';
import { CoverageHeatmap } from '../charts/CoverageHeatmap.tsx';
import { TradeoffChart, type TradeoffPoint } from '../charts/TradeoffChart.tsx';
import { UtilizationDumbbell } from '../charts/UtilizationDumbbell.tsx';
import { ErrorNote, Loading } from '../components/ErrorNote.tsx';
import { ConflictList, PlanStatusText } from '../components/PlanVerdict.tsx';
import { Kpi } from '../components/Kpi.tsx';
import { formatInt, formatNumber, formatPercent } from '../format.ts';
import { useI18n, type MessageKey } from '../i18n.ts';
import { explainLocally } from '../explainLocal.ts';
import { describeMove } from '../moveSentence.ts';
import { centerRowsOf, flowsOf, type PlanReport } from '../planReport.ts';
import { useAsync } from '../useAsync.ts';
import { useReference } from '../reference.ts';
import { RoleNote } from '../session/RoleNote.tsx';
import { usePermission } from '../session/SessionProvider.tsx';
import { exportPlan } from '../session/saveExport.ts';
import { StatusBadge } from './StatusBadge.tsx';

export interface PlanResultsProps {
  readonly report: PlanReport;
  readonly planId: string;
  readonly scenarioId: string | undefined;
}

/** Reads a trade-off answer: a list of points, bare or under `points`. */
export const readTradeoff = (json: unknown): TradeoffPoint[] => {
  const list = Array.isArray(json) ? json : typeof json === 'object' && json !== null ? (json as { points?: unknown }).points : [];
  if (!Array.isArray(list)) return [];
  return list.flatMap((p: Record<string, unknown>) => {
    const u = p['uncoveredHours'] ?? p['uncovered'];
    const b = p['maxTransfers'] ?? p['budget'];
    return typeof u === 'number' ? [{ maxTransfers: typeof b === 'number' ? b : null, uncoveredHours: u, ...(typeof p['transfers'] === 'number' ? { transfers: p['transfers'] } : {}) }] : [];
  });
};

const EXPORTS: readonly [ExportKind, MessageKey][] = [
  ['csv', 'exportCsv'],
  ['xlsx', 'exportXlsx'],
  ['lp', 'exportLp'],
  ['memo', 'memo'],
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

/** How many of the centers with the largest uncovered hours before the plan the headline figure follows. */
export const WORST_CENTERS = 10;

/** Utilization above which a center counts as severely overloaded (a few transfers cannot bring it under 100%). */
export const SEVERE_UTILIZATION = 1.5;

/**
 * The figures that say what the plan achieved on its own goal (uncovered hours): the uncovered hours
 * of the WORST_CENTERS centers with the most before and after the plan, and the centers above
 * SEVERE_UTILIZATION before and after.
 */
export const planHeadline = (
  rows: readonly { readonly utilizationBefore: number | null; readonly utilizationAfter: number | null; readonly uncoveredBefore: number; readonly uncoveredAfter: number }[],
): { readonly worst: { readonly count: number; readonly before: number; readonly after: number }; readonly severeBefore: number; readonly severeAfter: number } => {
  const worst = [...rows].filter((r) => r.uncoveredBefore > 0).sort((a, b) => b.uncoveredBefore - a.uncoveredBefore).slice(0, WORST_CENTERS);
  return {
    worst: { count: worst.length, before: worst.reduce((s, r) => s + r.uncoveredBefore, 0), after: worst.reduce((s, r) => s + r.uncoveredAfter, 0) },
    severeBefore: rows.filter((r) => (r.utilizationBefore ?? 0) > SEVERE_UTILIZATION).length,
    severeAfter: rows.filter((r) => (r.utilizationAfter ?? 0) > SEVERE_UTILIZATION).length,
  };
};

export const PlanResults = ({ report, planId, scenarioId }: PlanResultsProps) => {
  const { lang, t } = useI18n();
  const ref = useReference();
  const [tradeoff, setTradeoff] = useState<TradeoffPoint[] | undefined>(undefined);
  const [tradeoffError, setTradeoffError] = useState<Error | undefined>(undefined);
  const [tradeoffBusy, setTradeoffBusy] = useState(false);
  const mayTradeoff = usePermission('tradeoff');
  const [exporting, setExporting] = useState<ExportKind | undefined>(undefined);
  const [exportError, setExportError] = useState<Error | undefined>(undefined);
  /** A click on an export link fetches the file with the session's token (see session/saveExport.ts). */
  const startExport = (kind: ExportKind) => (event: MouseEvent) => {
    event.preventDefault();
    setExportError(undefined);
    setExporting(kind);
    exportPlan(planId, kind, t('exportBusy')).then(
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
  const flows = useMemo(() => flowsOf(report.moves), [report.moves]);
  const volume = useMemo(() => {
    const m = new Map<string, number>();
    for (const c of report.coverage) m.set(c.centerCode, (m.get(c.centerCode) ?? 0) + c.required);
    return m;
  }, [report.coverage]);
  const staff = useAsync(() => api.staff(), []);
  const staffName = useMemo(() => new Map((staff.data ?? []).map((p) => [p.staffId, p.name])), [staff.data]);
  const rows = useMemo(
    () => centerRowsOf(report, new Map((staff.data ?? []).map((p) => [p.staffId, p.fte]))),
    [report, staff.data],
  );
  const utilAfter = useMemo(() => new Map(rows.map((c) => [c.centerCode, c.utilizationAfter])), [rows]);
  const beforeByCode = useMemo(() => new Map(report.before.map((c) => [c.centerCode, c])), [report.before]);
  const kpi = (key: string) => report.kpis.find((k) => k.key === key);
  const uncoveredAfter = report.coverage.reduce((s, c) => s + c.uncovered, 0);
  const uncoveredBefore = kpi('uncoveredHours')?.before ?? undefined;
  const addedKm = report.moves.reduce((s, m) => s + Math.max(0, m.addedKm ?? 0), 0);
  const overloaded = kpi('overloadedCenters');
  const headline = useMemo(() => planHeadline(rows), [rows]);
  const maxUtil = kpi('maxUtilization');
  const sentence = {
    lang,
    centerName: nameOf,
    fieldName,
    before: beforeByCode,
    uncoveredBefore: new Map(rows.map((c) => [c.centerCode, c.uncoveredBefore])),
  };
  const explained = useMemo(() => {
    if (report.shadowPrices.length > 0 || report.crossTraining.length > 0 || !staff.data) return { shadowPrices: report.shadowPrices, crossTraining: report.crossTraining };
    const local = explainLocally(report, staff.data, ref.fields);
    return { shadowPrices: local.shadowPrices, crossTraining: report.before.length > 0 ? local.crossTraining : [] };
  }, [report, staff.data, ref.fields]);
  const computeTradeoff = async () => {
    if (!scenarioId) return;
    setTradeoffBusy(true);
    setTradeoffError(undefined);
    try {
      setTradeoff(readTradeoff(await api.tradeoff(scenarioId)));
    } catch (error) {
      setTradeoffError(error instanceof Error ? error : new Error(String(error)));
    }
    setTradeoffBusy(false);
  };
  const top = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A new plan: bring its results into view (the Solve button sits at the bottom of a long form).
    top.current?.scrollIntoView?.({ block: 'start' });
  }, [planId]);
  return (
    <div className="plan-results" ref={top}>
      <div className="panel">
        <div className="panel-head">
          <h2>{t('results')}</h2>
          <div className="exports" role="group" aria-label={t('exports')}>
            <span className="help">{t('exports')}:</span>
            {EXPORTS.map(([kind, label]) => (
              <a
                key={kind}
                href={exportUrl(planId, kind)}
                {...(kind === 'memo' ? { target: '_blank', rel: 'noreferrer' } : { download: true })}
                aria-busy={exporting === kind}
                onClick={startExport(kind)}
                onAuxClick={(event) => event.button === 1 && startExport(kind)(event)}
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
        <p className="quality">
          <StatusBadge status={report.status} /> <PlanStatusText summary={report} />
          <span className="help">
            {' '}
            · {t('objective')} {report.objective !== null ? formatNumber(lang, report.objective) : '–'} · {t('bound')}{' '}
            {report.bound !== null ? formatNumber(lang, report.bound) : '–'} · {t('gap')} {formatPercent(lang, report.gap, 2)} · {t('seconds')}{' '}
            {formatNumber(lang, report.seconds, 1)} s
          </span>
        </p>
        <NormsLine norms={report.norms} />
        <p className="plan-goal">{t('planGoal')}</p>
        <div className="kpis">
          <Kpi
            label={t('uncoveredHours')}
            value={formatInt(lang, uncoveredAfter)}
            tone={uncoveredBefore !== undefined && uncoveredBefore !== null && uncoveredAfter < uncoveredBefore - 0.5 ? 'good' : undefined}
            before={
              uncoveredBefore !== undefined && uncoveredBefore !== null
                ? `${t('before')}: ${formatInt(lang, uncoveredBefore)}${
                    uncoveredBefore > 0
                      ? ` · ${t('uncoveredReduced', { hours: formatInt(lang, uncoveredBefore - uncoveredAfter), share: formatPercent(lang, (uncoveredBefore - uncoveredAfter) / uncoveredBefore, 1) })}`
                      : ''
                  }`
                : undefined
            }
          />
          {headline.worst.count > 0 && (
            <Kpi
              label={t('worstCentersUncovered', { n: headline.worst.count })}
              value={formatInt(lang, headline.worst.after)}
              before={`${t('before')}: ${formatInt(lang, headline.worst.before)}`}
            />
          )}
          {rows.length > 0 && (
            <Kpi label={t('severeCenters')} value={formatInt(lang, headline.severeAfter)} before={`${t('before')}: ${formatInt(lang, headline.severeBefore)}`} />
          )}
          {overloaded && (
            <Kpi label={t('overloadedCenters')} value={formatInt(lang, overloaded.after ?? 0)} before={`${t('before')}: ${formatInt(lang, overloaded.before ?? 0)}`} />
          )}
          {maxUtil && <Kpi label={t('maxUtilization')} value={formatPercent(lang, maxUtil.after)} before={`${t('before')}: ${formatPercent(lang, maxUtil.before)}`} />}
          <Kpi label={t('transfers')} value={formatInt(lang, report.moves.length)} />
          <Kpi label={t('addedCommute')} value={`${formatNumber(lang, addedKm)} km`} />
          <Kpi label={t('hires')} value={formatInt(lang, report.hires.reduce((s, h) => s + h.count, 0))} />
        </div>
        <ConflictList conflicts={report.conflicts} />
      </div>
      {rows.length > 0 && (
        <div className="panel">
          <h2>{t('utilBeforeAfter')}</h2>
          <UtilizationDumbbell
            width={820}
            height={220}
            title={t('utilBeforeAfter')}
            rows={rows.map((c) => ({ code: c.centerCode, name: nameOf(c.centerCode), before: c.utilizationBefore, after: c.utilizationAfter }))}
          />
        </div>
      )}
      <div className="two-col">
        <div className="panel">
          <h2>{t('transfersMap')}</h2>
          <CenterMap centers={ref.centers} volume={volume} utilization={utilAfter} flows={flows} width={560} height={440} labelCount={6} title={t('transfersMap')} />
        </div>
        <div className="panel">
          <h2>{t('coverageHeatmap')}</h2>
          <CoverageHeatmap coverage={report.coverage} fields={ref.fields} nameOf={nameOf} maxRows={18} />
        </div>
      </div>
      <div className="panel">
        <h2>
          {t('moves')} · {report.moves.length}
        </h2>
        {report.moves.length === 0 ? (
          <p className="help">{t('noMoves')}</p>
        ) : (
          <table className="table moves">
            <thead>
              <tr>
                <th scope="col">{t('name')}</th>
                <th scope="col">
                  {t('from')} → {t('to')}
                </th>
                <th scope="col" className="num">
                  {t('distance')}
                </th>
                <th scope="col">{t('reason')}</th>
              </tr>
            </thead>
            <tbody>
              {report.moves.map((m) => (
                <tr key={m.staffId}>
                  <td className="nowrap">
                    {m.name || m.staffId}
                    {m.name && <div className="sub mono">{m.staffId}</div>}
                  </td>
                  <td>
                    {nameOf(m.fromCenter)} → <strong>{nameOf(m.toCenter)}</strong>
                    <div>
                      {m.fields.map((f) => (
                        <span key={f} className="chip">
                          {fieldName(f)}
                        </span>
                      ))}
                    </div>
                  </td>
                  <td className="num">{m.km !== null ? `${formatNumber(lang, m.km)} km` : '–'}</td>
                  <td className="reason">{describeMove(m, sentence)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      <div className="three-col">
        <div className="panel">
          <h2>{t('shadowPrices')}</h2>
          <p className="help">{t('shadowHelp')}</p>
          <CompactTable
            head={[t('center'), t('field'), t('hoursCovered')]}
            rows={[...explained.shadowPrices].sort((a, b) => b.hours - a.hours).slice(0, 12)}
            rowKey={(s) => `${s.centerCode}-${s.field}`}
            cells={(s) => [nameOf(s.centerCode), fieldName(s.field), formatNumber(lang, s.hours)]}
            none={t('none')}
          />
        </div>
        <div className="panel">
          <h2>{t('hires')}</h2>
          <CompactTable
            head={[t('center'), t('field'), t('headcount')]}
            rows={report.hires}
            rowKey={(h) => `${h.centerCode}-${h.field}`}
            cells={(h) => [nameOf(h.centerCode), fieldName(h.field), h.count]}
            none={t('none')}
          />
          <h2>{t('crossTrainingSuggestions')}</h2>
          <CompactTable
            head={[t('name'), t('newField'), t('hoursCovered')]}
            rows={explained.crossTraining.slice(0, 12)}
            rowKey={(c) => `${c.staffId}-${c.field}`}
            cells={(c) => [
              <>
                {c.name || staffName.get(c.staffId) || c.staffId}
                <div className="sub">{nameOf(c.centerCode)}</div>
              </>,
              fieldName(c.field),
              formatNumber(lang, c.hours),
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
    </div>
  );
};
