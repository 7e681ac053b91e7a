/**
 * The solved plan as the planner shows it: the plan (solver/plan/plan.ts) and its explanation
 * (moves with reasons, before/after per center, KPIs, shadow prices, cross-training). The API's result
 * JSON is read through `readReport`, which accepts the plan at the top level or under `plan`, and
 * derives the moves from the assignments when the explanation does not list them.
 */
import type { Assignment, CenterFieldCoverage, Conflict, Hire, PlanStatus } from '../../solver/plan/plan.ts';

export interface Move {
  readonly staffId: string;
  readonly name: string;
  readonly fromCenter: string;
  readonly toCenter: string;
  readonly km: number | null;
  readonly fields: readonly string[];
  /** The reason as a sentence (server's words), or '' when the server sent none. */
  readonly reason: string;
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
  return {
    staffId: str(pick(m, 'staffId')),
    name: str(pick(m, 'name', 'staffName')),
    fromCenter: str(pick(m, 'fromCenter', 'from')),
    toCenter: str(pick(m, 'toCenter', 'to')),
    km: num(pick(m, 'km', 'distanceKm', 'commuteKm')),
    fields: Array.isArray(fields) ? fields.map(str) : isObject(pick(m, 'hours')) ? Object.keys(pick(m, 'hours') as Loose) : [],
    reason: str(pick(m, 'reason', 'sentence', 'text')),
  };
};

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

const readKpis = (k: unknown): KpiPair[] => {
  if (Array.isArray(k)) return arr(k).map((p) => ({ key: str(pick(p, 'key', 'name')), before: num(p['before']), after: num(p['after']) }));
  if (!isObject(k)) return [];
  const before = isObject(k['before']) ? k['before'] : {};
  const after = isObject(k['after']) ? k['after'] : {};
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys.map((key) => ({ key, before: num(before[key]), after: num(after[key]) }));
};

/** Reads the result JSON of a solved plan; never throws on missing parts (they read as empty). */
export const readReport = (json: unknown): PlanReport => {
  const top = isObject(json) ? json : {};
  const plan = isObject(top['plan']) ? top['plan'] : top;
  const explanation = isObject(top['explanation']) ? top['explanation'] : top;
  const assignments = arr(plan['assignments']) as unknown as Assignment[];
  const listed = arr(pick(explanation, 'moves'));
  const moves = listed.length
    ? listed.map(readMove)
    : assignments.filter((a) => a.fromCenter !== a.toCenter).map((a) => readMove(a as unknown as Loose));
  return {
    status: (str(plan['status']) || 'error') as PlanStatus,
    message: str(plan['message']),
    objective: num(plan['objective']),
    bound: num(plan['bound']),
    gap: num(plan['gap']),
    seconds: num(plan['seconds']) ?? 0,
    assignments,
    hires: arr(plan['hires']) as unknown as Hire[],
    coverage: arr(plan['coverage']) as unknown as CenterFieldCoverage[],
    conflicts: arr(plan['conflicts']) as unknown as Conflict[],
    moves,
    centers: arr(pick(explanation, 'centers', 'centerTable')).map(readCenter),
    kpis: readKpis(pick(explanation, 'kpis')),
    shadowPrices: arr(pick(explanation, 'shadowPrices')).map((s) => ({
      centerCode: str(pick(s, 'centerCode', 'center')),
      field: str(s['field']),
      hours: num(pick(s, 'hours', 'value', 'hoursCovered')) ?? 0,
    })),
    crossTraining: arr(pick(explanation, 'crossTraining')).map((c) => ({
      staffId: str(c['staffId']),
      name: str(c['name']),
      centerCode: str(pick(c, 'centerCode', 'center')),
      field: str(pick(c, 'field', 'newField')),
      hours: num(pick(c, 'hours', 'hoursCovered')) ?? 0,
    })),
  };
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
