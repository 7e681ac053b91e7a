/**
 * The solved plan as the planner shows it: the plan (solver/plan/plan.ts) and its explanation
 * (moves with reasons, before/after per center, KPIs, shadow prices, cross-training). The API's result
 * JSON is read through `readReport`, which accepts the plan at the top level or under `plan`, and
 * derives the moves from the assignments when the explanation does not list them.
 */
import type { NormsUsed } from '../../solver/workload/calibrationTypes.ts';
import type { Assignment, CenterFieldCoverage, Conflict, Hire, PlanStatus } from '../../solver/plan/plan.ts';

export interface Move {
  readonly staffId: string;
  readonly name: string;
  readonly fromCenter: string;
  readonly toCenter: string;
  /** Commute from the home unit to the new center, km. */
  readonly km: number | null;
  /** New minus today's commute, km (negative = shorter); null when unknown. */
  readonly addedKm: number | null;
  readonly fields: readonly string[];
  /** Hours at the new center by field. */
  readonly hours: Readonly<Record<string, number>>;
  /** The reason as a sentence (server's words), or '' when the server sent none. */
  readonly reason: string;
  /** Hours the center left behind would have covered had the person stayed; null when unknown. */
  readonly costToCenterLeft: number | null;
}

/** One center before the plan, as the plan's workload saw it. */
export interface CenterBefore {
  readonly centerCode: string;
  readonly requiredHours: number;
  readonly availableHours: number;
  readonly staffFte: number;
  readonly utilization: number | null;
  readonly uncoveredHours: number;
  readonly shortFields: readonly { readonly field: string; readonly uncoveredHours: number; readonly expertStaff: number }[];
}

export interface CenterBeforeAfter {
  readonly centerCode: string;
  readonly utilizationBefore: number | null;
  readonly utilizationAfter: number | null;
  readonly uncoveredBefore: number;
  readonly uncoveredAfter: number;
}

export interface ShadowPrice {
  readonly centerCode: string;
  readonly field: string;
  /** Uncovered hours saved by one more person. */
  readonly hours: number;
}

export interface CrossTraining {
  readonly staffId: string;
  readonly name: string;
  readonly centerCode: string;
  readonly field: string;
  readonly hours: number;
}

/** City figures before (today's staff) and after (the plan). */
export interface KpiPair {
  readonly key: string;
  readonly before: number | null;
  readonly after: number | null;
}

export interface PlanReport {
  readonly status: PlanStatus;
  /** The norms the workload was computed with; undefined for plans made before the norms lever (official norms). */
  readonly norms: NormsUsed | undefined;
  readonly message: string;
  readonly objective: number | null;
  readonly bound: number | null;
  readonly gap: number | null;
  readonly seconds: number;
  readonly assignments: readonly Assignment[];
  readonly hires: readonly Hire[];
  readonly coverage: readonly CenterFieldCoverage[];
  readonly conflicts: readonly Conflict[];
  readonly moves: readonly Move[];
  readonly centers: readonly CenterBeforeAfter[];
  readonly kpis: readonly KpiPair[];
  readonly shadowPrices: readonly ShadowPrice[];
  readonly crossTraining: readonly CrossTraining[];
  /** The centers before the plan (the result's workload); empty when the result has none. */
  readonly before: readonly CenterBefore[];
}

type Loose = Readonly<Record<string, unknown>>;

const isObject = (v: unknown): v is Loose => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): readonly Loose[] => (Array.isArray(v) ? v.filter(isObject) : []);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));
const pick = (o: Loose, ...keys: string[]): unknown => {
  for (const k of keys) if (o[k] !== undefined) return o[k];
  return undefined;
};

const readMove = (m: Loose): Move => {
  const fields = pick(m, 'fields');
  const hours = pick(m, 'hours', 'hoursAtNewCenter');
  const hoursRecord: Record<string, number> = {};
  if (isObject(hours)) for (const [k, v] of Object.entries(hours)) if (typeof v === 'number') hoursRecord[k] = v;
  return {
    staffId: str(pick(m, 'staffId')),
    name: str(pick(m, 'name', 'staffName')),
    fromCenter: str(pick(m, 'fromCenter', 'from')),
    toCenter: str(pick(m, 'toCenter', 'to')),
    km: num(pick(m, 'commuteKm', 'homeKm', 'km', 'distanceKm')),
    addedKm: num(pick(m, 'addedKm', 'addedCommuteKm')),
    fields: Array.isArray(fields) ? fields.map(str) : Object.keys(hoursRecord),
    hours: hoursRecord,
    reason: str(pick(m, 'sentence', 'reason', 'text')),
    costToCenterLeft: num(pick(m, 'costToCenterLeft')),
  };
};

const readBefore = (c: Loose): CenterBefore => ({
  centerCode: str(c['centerCode']),
  requiredHours: num(c['requiredHours']) ?? 0,
  availableHours: num(c['availableHours']) ?? 0,
  staffFte: num(c['staffFte']) ?? 0,
  utilization: num(c['utilization']),
  uncoveredHours: num(c['uncoveredHours']) ?? 0,
  shortFields: arr(c['shortFields']).map((f) => ({
    field: str(f['field']),
    uncoveredHours: num(f['uncoveredHours']) ?? 0,
    expertStaff: num(f['expertStaff']) ?? 0,
  })),
});

const readCenter = (c: Loose): CenterBeforeAfter => {
  const before = isObject(c['before']) ? c['before'] : c;
  const after = isObject(c['after']) ? c['after'] : c;
  return {
    centerCode: str(pick(c, 'centerCode', 'code')),
    utilizationBefore: num(pick(before, before === c ? 'utilizationBefore' : 'utilization')),
    utilizationAfter: num(pick(after, after === c ? 'utilizationAfter' : 'utilization')),
    uncoveredBefore: num(pick(before, before === c ? 'uncoveredBefore' : 'uncoveredHours', 'uncovered')) ?? 0,
    uncoveredAfter: num(pick(after, after === c ? 'uncoveredAfter' : 'uncoveredHours', 'uncovered')) ?? 0,
  };
};

/** KPI pairs from `{ before: {...}, after: {...} }`, a list of pairs, or flat `xBefore` / `xAfter` keys. */
const readKpis = (k: unknown): KpiPair[] => {
  if (Array.isArray(k)) return arr(k).map((p) => ({ key: str(pick(p, 'key', 'name')), before: num(p['before']), after: num(p['after']) }));
  if (!isObject(k)) return [];
  if (isObject(k['before']) || isObject(k['after'])) {
    const before = isObject(k['before']) ? k['before'] : {};
    const after = isObject(k['after']) ? k['after'] : {};
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.map((key) => ({ key, before: num(before[key]), after: num(after[key]) }));
  }
  return Object.keys(k)
    .filter((key) => key.endsWith('Before'))
    .map((key) => {
      const base = key.slice(0, -'Before'.length);
      return { key: base, before: num(k[key]), after: num(k[`${base}After`]) };
    });
};

/** Reads the result JSON of a solved plan; never throws on missing parts (they read as empty). */
export const readReport = (json: unknown): PlanReport => {
  const top = isObject(json) ? json : {};
  const plan = isObject(top['plan']) ? top['plan'] : top;
  const summary = isObject(top['summary']) ? top['summary'] : plan;
  const explanation = isObject(top['explanation']) ? top['explanation'] : top;
  const assignments = arr(plan['assignments']) as unknown as Assignment[];
  const explained = arr(explanation['moves']);
  const listed = explained.length ? explained : arr(top['moves']);
  const moves = listed.length
    ? listed.map(readMove)
    : assignments.filter((a) => a.fromCenter !== a.toCenter).map((a) => readMove(a as unknown as Loose));
  const kpiSource = isObject(explanation['before']) ? { before: explanation['before'], after: explanation['after'] } : (explanation['kpis'] ?? summary);
  const workload = isObject(top['workload']) ? top['workload'] : {};
  return {
    status: (str(pick(summary, 'status')) || str(plan['status']) || 'error') as PlanStatus,
    message: str(pick(summary, 'message') ?? plan['message']),
    objective: num(pick(summary, 'objective')),
    bound: num(pick(summary, 'bound')),
    gap: num(pick(summary, 'gap')),
    seconds: num(pick(summary, 'seconds')) ?? 0,
    norms: isObject(summary['norms']) ? (summary['norms'] as unknown as NormsUsed) : undefined,
    assignments,
    hires: arr(plan['hires']) as unknown as Hire[],
    coverage: arr(plan['coverage']) as unknown as CenterFieldCoverage[],
    conflicts: arr(plan['conflicts']) as unknown as Conflict[],
    moves,
    centers: arr(pick(explanation, 'centers', 'centerTable')).map(readCenter),
    kpis: readKpis(kpiSource),
    shadowPrices: arr(pick(explanation, 'shadowPrices')).map((s) => ({
      centerCode: str(pick(s, 'centerCode', 'center')),
      field: str(s['field']),
      hours: num(pick(s, 'hoursCovered', 'hours', 'value')) ?? 0,
    })),
    crossTraining: arr(pick(explanation, 'crossTraining')).map((c) => ({
      staffId: str(c['staffId']),
      name: str(c['name']),
      centerCode: str(pick(c, 'centerCode', 'center')),
      field: str(pick(c, 'field', 'newField')),
      hours: num(pick(c, 'hoursCovered', 'hours')) ?? 0,
    })),
    before: arr(workload['centers']).map(readBefore),
  };
};

/**
 * Before/after per center when the result carries no explanation table: before from the plan's
 * workload; after, available hours change by the FTE of the people who move in or out and of the
 * hires (hours per FTE = the center's available hours / its FTE before), uncovered hours from the
 * plan's coverage. The same arithmetic as the server's KPIs (api/jobs/planSummary.ts).
 */
export const centerRowsOf = (report: PlanReport, fteOf: ReadonlyMap<string, number>): CenterBeforeAfter[] => {
  if (report.centers.length > 0) return [...report.centers];
  const hpfs = report.before.filter((c) => c.staffFte > 0).map((c) => c.availableHours / c.staffFte);
  const hoursPerFte = hpfs.length ? hpfs.reduce((a, b) => a + b, 0) / hpfs.length : 0;
  const delta = new Map<string, number>();
  const add = (code: string, hours: number) => delta.set(code, (delta.get(code) ?? 0) + hours);
  for (const m of report.moves) {
    const fte = fteOf.get(m.staffId) ?? 0;
    add(m.toCenter, fte * hoursPerFte);
    add(m.fromCenter, -fte * hoursPerFte);
  }
  for (const h of report.hires) add(h.centerCode, h.count * hoursPerFte);
  const uncoveredAfter = new Map<string, number>();
  for (const c of report.coverage) uncoveredAfter.set(c.centerCode, (uncoveredAfter.get(c.centerCode) ?? 0) + c.uncovered);
  return report.before.map((c) => {
    const available = c.availableHours + (delta.get(c.centerCode) ?? 0);
    return {
      centerCode: c.centerCode,
      utilizationBefore: c.utilization,
      utilizationAfter: available > 1e-9 ? c.requiredHours / available : null,
      uncoveredBefore: c.uncoveredHours,
      uncoveredAfter: uncoveredAfter.get(c.centerCode) ?? 0,
    };
  });
};

/** Transfers grouped by pair of centers, for the map. */
export const flowsOf = (moves: readonly Move[]): { from: string; to: string; count: number }[] => {
  const m = new Map<string, { from: string; to: string; count: number }>();
  for (const mv of moves) {
    const key = `${mv.fromCenter}>${mv.toCenter}`;
    const f = m.get(key) ?? { from: mv.fromCenter, to: mv.toCenter, count: 0 };
    f.count += 1;
    m.set(key, f);
  }
  return [...m.values()];
};
