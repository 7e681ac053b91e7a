/**
 * Builds the plan result (planResult.ts) from the solver's plan: hours by the one allocation
 * (allocateHours.ts), the ledger of every center (planLedger.ts), move reasons (moveReasons.ts),
 * people figures, idle people, shadow prices and cross-training, the headline, or, without a plan,
 * why not. Pure; every surface renders what it returns.
 */
import type { CivilServant } from '../domain.ts';
import type { Scenario } from '../scenario.ts';
import type { NormsUsed } from '../workload/calibrationTypes.ts';
import { normsSentences } from '../workload/normsSentence.ts';
import { formatNumber, formatPercent, fromTo, lowerFirst, type Lang, type Names } from '../words.ts';
import { allocateHours } from './allocateHours.ts';
import { centerCoverage, type CoveragePerson } from './centerCoverage.ts';
import { infeasibilityOf } from './conflictSentence.ts';
import { bilingual, moveReason } from './moveReasons.ts';
import type { Plan } from './plan.ts';
import type { PlanSchedule } from '../horizon/horizonPlan.ts';
import { minStaffOf, type PlanInput } from './planInput.ts';
import { buildPlanIndex, mayWorkAt, type PlanIndex } from './planIndex.ts';
import { planLedger, type CenterLedger } from './planLedger.ts';
import {
  PLAN_RESULT_VERSION,
  type Bilingual,
  type CenterResult,
  type CityFigures,
  type CrossTraining,
  type FieldFigures,
  type IdlePerson,
  type MoveReason,
  type PlanOutcome,
  type PlanResult,
  type ShadowPrice,
  type ShortageSplit,
} from './planResult.ts';
import type { TransferPotential } from './transferPotential.ts';

export interface PlanResultInput {
  readonly input: PlanInput;
  readonly plan: Plan;
  readonly scenario: Scenario;
  /** `forecast` or `history` (the workload's source). */
  readonly demandSource: string;
  /** The norms the workload was computed with (official when not given). */
  readonly norms?: NormsUsed;
  readonly names: Names;
  /** Required hours of the same period without the scenario's demand levers (null: no such lever). */
  readonly baselineRequiredHours?: number | null;
  /** Bounds on what moving people can close (transferPotential.ts); null when not computed. */
  readonly potential?: TransferPotential | null;
  /** The schedule of a plan over several months (then `plan` is its first month); null or absent for one month. */
  readonly schedule?: PlanSchedule | null;
  /** Most shadow prices and cross-training suggestions kept. Default 15. */
  readonly top?: number;
}

const OFFICIAL_NORMS: NormsUsed = { requested: 'official', used: 'official', fittedFrom: null, fittedTo: null, fallback: null };

/** A person works "nearly not at all" below this share of their available hours. */
const IDLE_SHARE = 0.1;

const statusWords: Readonly<Record<Plan['status'], Bilingual>> = {
  optimal: { vi: 'tối ưu', en: 'optimal' },
  feasible: { vi: 'khả thi, chưa chứng minh tối ưu', en: 'feasible, not proved optimal' },
  time_limit: { vi: 'dừng ở giới hạn thời gian', en: 'stopped at the time limit' },
  infeasible: { vi: 'không có phương án nào giữ được mọi quy tắc', en: 'no plan keeps every rule' },
  error: { vi: 'bộ giải gặp lỗi', en: 'the solver failed' },
};

const verdictOf = (plan: Plan): Bilingual => bilingual((lang) => {
  const words = statusWords[plan.status][lang];
  if (plan.objective === null) {
    if (plan.status === 'infeasible' || plan.status === 'error') return `${words.charAt(0).toUpperCase()}${words.slice(1)}.`;
    return lang === 'vi' ? 'Không tìm được phương án trong giới hạn thời gian.' : 'No plan was found within the time limit.';
  }
  const gap = plan.gap === null ? null : formatNumber(lang, plan.gap * 100, 2);
  const sure = gap === null
    ? (lang === 'vi' ? 'chưa có cận dưới để đánh giá' : 'no bound to judge it by')
    : (lang === 'vi' ? `cách phương án tốt nhất có thể không quá ${gap}%` : `within ${gap}% of the best possible`);
  return lang === 'vi' ? `Kết quả giải: ${words}, ${sure}.` : `Solver: ${words}, ${sure}.`;
});

const cityFigures = (input: PlanInput, ledgers: readonly CenterLedger[], side: 'before' | 'after', transfers: number, hires: number, addedKm: number): CityFigures => {
  const H = input.hoursPerFte;
  const priority = new Map(input.fields.map((f) => [f.field, f.priority]));
  let required = 0;
  let uncovered = 0;
  let weighted = 0;
  let staff = 0;
  const byField: Record<string, number> = {};
  const utils: number[] = [];
  for (const l of ledgers) {
    const s = l[side];
    required += l.requiredHours;
    staff += s.staff;
    if (s.utilization !== null) utils.push(s.utilization);
    for (const [f, req] of Object.entries(l.required)) {
      const u = Math.max(0, req - (s.covered[f] ?? 0));
      uncovered += u;
      weighted += u * (priority.get(f) ?? 1);
      if (u > 0) byField[f] = (byField[f] ?? 0) + u / H;
    }
  }
  const mean = utils.reduce((a, b) => a + b, 0) / Math.max(1, utils.length);
  return {
    requiredHours: required,
    uncoveredHours: uncovered,
    weightedUncoveredHours: weighted,
    overloadedCenters: utils.filter((u) => u > 1).length,
    maxUtilization: Math.max(0, ...utils),
    utilizationSpread: Math.sqrt(utils.reduce((s, u) => s + (u - mean) ** 2, 0) / Math.max(1, utils.length)),
    staff,
    fteNeeded: required / H,
    fteShort: uncovered / H,
    fteShortByField: byField,
    transfers: side === 'before' ? 0 : transfers,
    hires: side === 'before' ? 0 : hires,
    addedCommuteKm: side === 'before' ? 0 : addedKm,
  };
};

/** Whole people for a sentence: FTE rounded up, so "needs 21 more people" never understates. */
const people = (fte: number): number => Math.ceil(fte - 1e-9);

const shortSentenceOf = (name: string, shortFte: number, byField: readonly { field: string; fte: number }[], names: Names): Bilingual | null => {
  if (shortFte < 0.05) return null;
  const main = byField.filter((f) => f.fte >= 0.5).sort((a, b) => b.fte - a.fte).slice(0, 3);
  return bilingual((lang) => {
    const parts = main.map((f) => `${people(f.fte)} ${lowerFirst(names.field(f.field, lang))}`).join(', ');
    return lang === 'vi'
      ? `${name} cần thêm ${people(shortFte)} người${parts === '' ? '' : `, trong đó ${parts}`}.`
      : `${name} needs ${people(shortFte)} more people${parts === '' ? '' : `, of whom ${parts}`}.`;
  });
};

const centerResult = (input: PlanInput, l: CenterLedger, name: string, names: Names): CenterResult => {
  const H = input.hoursPerFte;
  const fields: FieldFigures[] = Object.entries(l.required).map(([field, req]) => {
    const cb = l.before.covered[field] ?? 0;
    const ca = l.after.covered[field] ?? 0;
    return {
      field,
      requiredHours: req,
      coveredBefore: cb,
      coveredAfter: ca,
      uncoveredBefore: Math.max(0, req - cb),
      uncoveredAfter: Math.max(0, req - ca),
      fteNeeded: req / H,
      fteBefore: cb / H,
      fteAfter: ca / H,
      fteShortBefore: Math.max(0, req - cb) / H,
      fteShortAfter: Math.max(0, req - ca) / H,
    };
  });
  return {
    centerCode: l.centerCode,
    name,
    requiredHours: l.requiredHours,
    staffBefore: l.before.staff,
    staffAfter: l.after.staff,
    availableBefore: l.before.availableHours,
    availableAfter: l.after.availableHours,
    utilizationBefore: l.before.utilization,
    utilizationAfter: l.after.utilization,
    uncoveredBefore: l.before.uncoveredHours,
    uncoveredAfter: l.after.uncoveredHours,
    fteNeeded: l.requiredHours / H,
    fteBefore: l.before.availableHours / H,
    fteAfter: l.after.availableHours / H,
    fteShortBefore: l.before.uncoveredHours / H,
    fteShortAfter: l.after.uncoveredHours / H,
    fields,
    steps: l.steps,
    shortSentence: shortSentenceOf(name, l.before.uncoveredHours / H, fields.map((f) => ({ field: f.field, fte: f.fteShortBefore })), names),
  };
};

/** Shadow prices (one more 1-FTE expert) and cross-training gains at each center, priced exactly. */
const marginalValues = (input: PlanInput, index: PlanIndex, at: readonly number[], ledgers: readonly CenterLedger[], top: number): { shadowPrices: ShadowPrice[]; crossTraining: CrossTraining[] } => {
  const H = input.hoursPerFte;
  const members: number[][] = index.centerCodes.map(() => []);
  at.forEach((c, p) => members[c]?.push(p));
  const asPerson = (p: number, extra?: number): CoveragePerson => ({
    capacity: (input.staff[p]?.fte ?? 0) * H,
    fields: extra === undefined ? index.expertise[p] ?? [] : [...new Set([...(index.expertise[p] ?? []), extra])],
  });
  const covered = (c: number, people: readonly CoveragePerson[]): number => {
    const into = new Float64Array(index.fieldIds.length);
    centerCoverage(index.required[c] ?? [], index.priority, people, into);
    return into.reduce((s, v) => s + v, 0);
  };
  const shadowPrices: ShadowPrice[] = [];
  const crossTraining: CrossTraining[] = [];
  index.centerCodes.forEach((code, c) => {
    const group = [...(members[c] ?? [])].sort((a, b) => a - b);
    const people = group.map((p) => asPerson(p));
    const base = covered(c, people);
    const ledger = ledgers[c] as CenterLedger;
    for (const [field, req] of Object.entries(ledger.required)) {
      if (req - (ledger.after.covered[field] ?? 0) <= 1e-6) continue;
      const f = index.fieldOf.get(field) ?? 0;
      const extra = covered(c, [...people, { capacity: H, fields: [f] }]) - base;
      if (extra > 1e-6) shadowPrices.push({ centerCode: code, field, hoursCovered: extra });
      if (!input.rules.crossTraining) continue;
      let best: CrossTraining | null = null;
      group.forEach((p, i) => {
        if ((index.expertise[p] ?? []).includes(f)) return;
        const gain = covered(c, people.map((q, j) => (j === i ? asPerson(p, f) : q))) - base;
        if (gain > 1e-6 && (best === null || gain > best.hoursCovered)) best = { staffId: input.staff[p]?.staffId ?? '', centerCode: code, field, hoursCovered: gain };
      });
      if (best !== null) crossTraining.push(best);
    }
  });
  const byHours = <T extends { hoursCovered: number; centerCode: string; field: string }>(a: T, b: T): number =>
    b.hoursCovered - a.hoursCovered || a.centerCode.localeCompare(b.centerCode) || a.field.localeCompare(b.field);
  return { shadowPrices: shadowPrices.sort(byHours).slice(0, top), crossTraining: crossTraining.sort(byHours).slice(0, top) };
};

const shortageOf = (input: PlanInput, before: CityFigures, after: CityFigures, potential: TransferPotential, names: Names): ShortageSplit => {
  const H = input.hoursPerFte;
  const fteShort = before.fteShort;
  const atMost = Math.max(0, (before.uncoveredHours - potential.uncoveredAtBest) / H);
  const found = Math.max(0, (before.uncoveredHours - after.uncoveredHours) / H);
  const remainingByField = Object.fromEntries(Object.entries(potential.remainingByField).map(([f, h]) => [f, h / H]));
  const remaining = Object.entries(remainingByField).filter(([, fte]) => fte >= 0.5).sort((a, b) => b[1] - a[1]);
  const km = formatNumber('vi', input.rules.maxCommuteKm, Number.isInteger(input.rules.maxCommuteKm) ? 0 : 1);
  const kmEn = formatNumber('en', input.rules.maxCommuteKm, Number.isInteger(input.rules.maxCommuteKm) ? 0 : 1);
  const sentence = bilingual((lang: Lang) => {
    const n = (x: number) => formatNumber(lang, x, 1);
    const list = remaining.map(([f, fte]) => `${lowerFirst(names.field(f, lang))} ${n(fte)}`).join(', ');
    const rest = Math.max(0, fteShort - atMost);
    return lang === 'vi'
      ? `Thiếu ${n(fteShort)} người (quy đổi toàn thời gian). Điều động trong bán kính ${km} km bù được nhiều nhất ${n(atMost)} người; phương án này bù ${n(found)} người. Ít nhất ${n(rest)} người chỉ tuyển dụng hoặc đào tạo thêm chuyên môn mới bù được${list === '' ? '' : `; theo lĩnh vực, ít nhất: ${list}`}.`
      : `${n(fteShort)} FTE short. Transfers within ${kmEn} km can close at most ${n(atMost)} FTE; this plan closes ${n(found)}. At least ${n(rest)} FTE can only be closed by hiring or cross-training${list === '' ? '' : `; by field, at least: ${list}`}.`;
  });
  return { fteShort, transfersCanCloseAtMost: atMost, transfersCloseFound: found, remainingByField, sentence };
};

const headlineOf = (before: CityFigures, after: CityFigures): Bilingual => bilingual((lang) => {
  const n = (x: number) => formatNumber(lang, x, 0);
  const cut = before.uncoveredHours - after.uncoveredHours;
  const share = before.uncoveredHours > 0 ? cut / before.uncoveredHours : 0;
  const pct = formatNumber(lang, share * 100, 1);
  const measures = lang === 'vi'
    ? [`${n(after.transfers)} lượt điều động`, ...(after.hires > 0 ? [`${n(after.hires)} người tuyển mới`] : [])].join(' và ')
    : [`${n(after.transfers)} transfer${after.transfers === 1 ? '' : 's'}`, ...(after.hires > 0 ? [`${n(after.hires)} hire${after.hires === 1 ? '' : 's'}`] : [])].join(' and ');
  return lang === 'vi'
    ? `Giờ việc thiếu người làm giảm từ ${n(before.uncoveredHours)} xuống ${n(after.uncoveredHours)} giờ (−${pct}%) nhờ ${measures}; số trung tâm quá tải ${fromTo(lang, n(before.overloadedCenters), n(after.overloadedCenters), before.overloadedCenters, after.overloadedCenters)}, mức sử dụng cao nhất ${fromTo(lang, formatPercent(lang, before.maxUtilization), formatPercent(lang, after.maxUtilization), before.maxUtilization, after.maxUtilization)}.`
    : `Uncovered hours fall from ${n(before.uncoveredHours)} to ${n(after.uncoveredHours)} (−${pct}%) with ${measures}; overloaded centers ${fromTo(lang, n(before.overloadedCenters), n(after.overloadedCenters), before.overloadedCenters, after.overloadedCenters)}, highest utilization ${fromTo(lang, formatPercent(lang, before.maxUtilization), formatPercent(lang, after.maxUtilization), before.maxUtilization, after.maxUtilization)}.`;
});

export const buildPlanResult = (r: PlanResultInput): PlanResult => {
  const { input, plan, names } = r;
  const base = {
    version: PLAN_RESULT_VERSION,
    status: plan.status,
    verdict: verdictOf(plan),
    quality: { objective: plan.objective, bound: plan.bound, boundKind: plan.boundKind, gap: plan.gap, seconds: plan.seconds, modelSize: plan.modelSize, message: plan.message },
    scenario: r.scenario,
    period: r.scenario.period,
    quantile: r.scenario.quantile,
    hoursPerFte: input.hoursPerFte,
    demandSource: r.demandSource,
    norms: r.norms ?? OFFICIAL_NORMS,
    normsSentence: normsSentences(r.norms ?? OFFICIAL_NORMS),
    schedule: r.schedule ?? null,
  } as const;
  if (plan.objective === null || plan.assignments.length !== input.staff.length) {
    return { ...base, outcome: null, infeasibility: infeasibilityOf(plan.conflicts, names) };
  }
  const index = buildPlanIndex(input);
  const byId = new Map(plan.assignments.map((a) => [a.staffId, a]));
  const at = input.staff.map((p, i) => index.centerOf.get(byId.get(p.staffId)?.toCenter ?? '') ?? index.current[i] ?? 0);
  const allocated = allocateHours(input, index, at, plan.hires);
  const ledgers = planLedger(input, index, at, allocated.hires);
  const centerAt = (c: number) => input.centers[c] as PlanInput['centers'][number];
  const km = (p: number, c: number) => index.homeKm(p, c);
  const moves: MoveReason[] = [];
  let addedKm = 0;
  input.staff.forEach((person: CivilServant, p) => {
    const to = at[p] ?? 0;
    const from = index.current[p] ?? 0;
    if (to === from) return;
    const change = km(p, to) - km(p, from);
    addedKm += Math.max(0, change);
    moves.push(moveReason({
      person,
      from: ledgers[from] as CenterLedger,
      to: ledgers[to] as CenterLedger,
      homeKm: km(p, to),
      commuteChangeKm: change,
      hours: allocated.assignments[p]?.hours ?? {},
      minimumAtDestination: minStaffOf(input.rules, centerAt(to).code),
    }, names));
  });
  moves.sort((a, b) => b.atDestination.change + b.atOrigin.change - (a.atDestination.change + a.atOrigin.change) || a.staffId.localeCompare(b.staffId));
  const hires = allocated.hires.reduce((s, h) => s + h.count, 0);
  const before = cityFigures(input, ledgers, 'before', 0, 0, 0);
  const after = cityFigures(input, ledgers, 'after', moves.length, hires, addedKm);
  const centers = ledgers.map((l, c) => centerResult(input, l, centerAt(c).nameVi, names));
  const H = input.hoursPerFte;
  const idle: IdlePerson[] = [];
  input.staff.forEach((person, p) => {
    const available = person.fte * H;
    const worked = Object.values(allocated.assignments[p]?.hours ?? {}).reduce((s, v) => s + v, 0);
    if (worked > IDLE_SHARE * available) return;
    const couldHelp = centers
      .flatMap((c, ci) => (mayWorkAt(index, input.rules.maxCommuteKm, p, ci) ? c.fields.filter((f) => person.fields.includes(f.field) && f.uncoveredAfter > 0.5).map((f) => ({ centerCode: c.centerCode, field: f.field, uncoveredHours: f.uncoveredAfter })) : []))
      .sort((a, b) => b.uncoveredHours - a.uncoveredHours || a.centerCode.localeCompare(b.centerCode))
      .slice(0, 3);
    idle.push({ staffId: person.staffId, name: person.name, centerCode: centerAt(at[p] ?? 0).code, expertise: person.fields, availableHours: available, idleHours: available - worked, couldHelp });
  });
  const { shadowPrices, crossTraining } = marginalValues(input, index, at, ledgers, r.top ?? 15);
  const baseline = r.baselineRequiredHours ?? null;
  const outcome: PlanOutcome = {
    before,
    after,
    centers,
    moves,
    hires: allocated.hires,
    assignments: allocated.assignments,
    idle,
    shadowPrices,
    crossTraining,
    demand: baseline === null ? null : { requiredHours: before.requiredHours, baselineRequiredHours: baseline, addedFte: (before.requiredHours - baseline) / H },
    shortage: r.potential === undefined || r.potential === null ? null : shortageOf(input, before, after, r.potential, names),
    headline: headlineOf(before, after),
  };
  return { ...base, outcome, infeasibility: null };
};
