/**
 * The optimum of a tiny plan over several months by enumeration, written apart from the solver:
 * every person stays, is transferred to a center within reach from some month, or is seconded
 * there for a run of allowed length; at most one hire (if allowed, from the lead time on) and at
 * most one cross-training (a person who stays, from the first month). Each plan is kept when it
 * obeys every rule, and costed from the hours each center's people cover each month (the exact
 * priority-first split, centerCoverage) plus its disruption, term by term as the objective says.
 */
import { worksIn } from '../../../solver/domain.ts';
import { haversineKm } from '../../../solver/geo.ts';
import { centerCoverage, type CoveragePerson } from '../../../solver/plan/centerCoverage.ts';
import { minStaffOf } from '../../../solver/plan/planInput.ts';
import type { HorizonInput } from '../../../solver/horizon/horizonInput.ts';
import type { HorizonPlan } from '../../../solver/horizon/horizonPlan.ts';

interface Move {
  readonly to: number;
  /** First and last month away (a transfer's last is the horizon's). */
  readonly start: number;
  readonly end: number;
  readonly transfer: boolean;
}

export interface BruteForce {
  readonly optimum: number | null;
  /** Plans keeping every rule. */
  readonly plans: number;
  /** The cost of a plan's schedule by the same reckoning, or null when it breaks a rule enumerated here. */
  readonly costOf: (plan: Pick<HorizonPlan, 'transfers' | 'secondments' | 'hires' | 'trainings'>) => number | null;
}

export const bruteForceHorizon = (h: HorizonInput): BruteForce => {
  const T = h.months.length;
  const r = h.horizon;
  const w = h.rules.weights;
  const nC = h.centers.length;
  const fieldIds = h.fields.map((f) => f.field);
  const priority = h.fields.map((f) => f.priority);
  const centerPos = new Map(h.centers.map((c, i) => [c.code, i]));
  const km = (from: string, c: number): number => {
    const a = h.centers[centerPos.get(from) ?? -1];
    const b = h.centers[c];
    return a && b ? haversineKm(a.lat, a.lon, b.lat, b.lon) : Infinity;
  };
  const cur = h.staff.map((p) => centerPos.get(p.centerCode) ?? 0);
  const present = h.staff.map((p) => h.months.map((m) => worksIn(p, m.month)));
  const required = h.months.map((m) => h.centers.map((c) => fieldIds.map((f) => m.requiredHours.filter((x) => x.centerCode === c.code && x.field === f).reduce((s, x) => s + x.hours, 0))));
  const locked = h.staff.map((p) => p.locked || h.rules.lockedStaffIds.includes(p.staffId));
  const options: (Move | null)[][] = h.staff.map((p, i) => {
    const list: (Move | null)[] = [null];
    if (locked[i]) return list;
    for (let c = 0; c < nC; c += 1) {
      if (c === cur[i] || km(p.homeCode, c) > h.rules.maxCommuteKm + 1e-9) continue;
      if (h.rules.maxTransfers === null || h.rules.maxTransfers > 0) for (let s = 0; s < T; s += 1) list.push({ to: c, start: s, end: T - 1, transfer: true });
      if (r.secondmentMonths >= r.secondmentMinMonths) {
        for (let s = 0; s < T; s += 1) for (let len = r.secondmentMinMonths; len <= r.secondmentMaxMonths && s + len <= T; len += 1) list.push({ to: c, start: s, end: s + len - 1, transfer: false });
      }
    }
    return list;
  });
  const hireField = fieldIds.findIndex((f) => (h.rules.hiresAllowedByField[f] ?? 0) > 0);
  const hireOptions: ({ c: number; start: number } | null)[] = [null];
  if (hireField >= 0) for (let c = 0; c < nC; c += 1) for (let s = r.hireLeadMonths; s < T; s += 1) hireOptions.push({ c, start: s });
  const trainOptions: ({ p: number; f: number } | null)[] = [null];
  if (r.trainingBudget > 0 && r.trainingMonths < T) h.staff.forEach((p, i) => fieldIds.forEach((f, k) => (p.fields.includes(f) ? null : trainOptions.push({ p: i, f: k }))));
  const leavingCap = h.centers.map((c) => {
    const today = h.staff.filter((p) => p.centerCode === c.code).length;
    return Math.min(r.maxLeavingPerCenter ?? Infinity, r.maxLeavingShare === null ? Infinity : Math.floor(r.maxLeavingShare * today + 1e-9));
  });

  let best: number | null = null;
  let plans = 0;
  const choice: (Move | null)[] = [];
  /** The cost of the plan in `choice` with `hire` and `train`, or null when it breaks a rule. */
  const cost = (hire: { c: number; start: number } | null, train: { p: number; f: number } | null): number | null => {
    if (train !== null && choice[train.p] !== null) return null; // a trainee stays
    const moves = choice.filter((m): m is Move => m !== null);
    if (h.rules.maxTransfers !== null && moves.filter((m) => m.transfer).length > h.rules.maxTransfers) return null;
    if (moves.filter((m) => !m.transfer).reduce((s, m) => s + m.end - m.start + 1, 0) > r.secondmentMonths) return null;
    const leaving = new Array<number>(nC).fill(0);
    choice.forEach((m, i) => (m !== null ? (leaving[cur[i] ?? 0] = (leaving[cur[i] ?? 0] ?? 0) + 1) : 0));
    if (leaving.some((n, c) => n > (leavingCap[c] ?? Infinity))) return null;
    const at = (i: number, t: number): number => {
      const m = choice[i];
      return m && t >= m.start && t <= m.end ? m.to : (cur[i] ?? 0);
    };
    let total = 0;
    for (let t = 0; t < T; t += 1) {
      const H = h.months[t]?.hoursPerFte ?? 0;
      const group = (c: number, without = -1, plus = -1): CoveragePerson[] => {
        const out: CoveragePerson[] = [];
        h.staff.forEach((p, i) => {
          if (!present[i]?.[t] || i === without || (at(i, t) !== c && i !== plus)) return;
          const fields = p.fields.map((f) => fieldIds.indexOf(f));
          if (train !== null && train.p === i && t >= r.trainingMonths && !fields.includes(train.f)) fields.push(train.f);
          out.push({ capacity: p.fte * H, fields });
        });
        if (hire !== null && hire.c === c && t >= hire.start) out.push({ capacity: H, fields: [hireField] });
        return out;
      };
      const cover = (c: number, without = -1, plus = -1): number => centerCoverage(required[t]?.[c] ?? [], priority, group(c, without, plus));
      let people = 0;
      let worst = 0;
      for (let c = 0; c < nC; c += 1) {
        const n = group(c).length;
        people += n;
        if (n > (h.centers[c]?.maxStaff ?? 0) || n < minStaffOf(h.rules, h.centers[c]?.code ?? '')) return null;
        const req = required[t]?.[c] ?? [];
        const weightedReq = req.reduce((s, v, f) => s + v * (priority[f] ?? 1), 0);
        total += w.uncovered * Math.max(0, weightedReq - cover(c));
        const covered = new Float64Array(fieldIds.length);
        centerCoverage(req, priority, group(c), covered);
        const reqAll = req.reduce((s, v) => s + v, 0);
        if (reqAll > 0) worst = Math.max(worst, (100 * req.reduce((s, v, f) => s + Math.max(0, v - (covered[f] ?? 0)), 0)) / reqAll);
      }
      total += w.evenness * worst;
      // The quota limits hires only: a quota below the people working dismisses no one.
      if (r.staffQuota !== null && hire !== null && t >= hire.start && people > r.staffQuota) return null;
      if (r.overloadMarginHours !== null) {
        for (let i = 0; i < h.staff.length; i += 1) {
          const m = choice[i];
          const a = cur[i] ?? 0;
          if (!m || !present[i]?.[t] || !(m.transfer ? t === m.start : t >= m.start && t <= m.end)) continue;
          const availableToday = h.staff.reduce((s, p, j) => s + (cur[j] === a && present[j]?.[t] ? p.fte * H : 0), 0);
          if (!((required[t]?.[a] ?? []).reduce((s, v) => s + v, 0) > availableToday + 1e-9)) continue;
          const gain = w.uncovered * (cover(m.to) + cover(a) - cover(m.to, i) - cover(a, -1, i));
          if (gain < r.overloadMarginHours - 1e-4) return null;
        }
      }
    }
    choice.forEach((m, i) => {
      if (m === null) return;
      // With moveHours a move costs it (a secondment is two: there and back), else w.transfers a transfer.
      const perMove = r.moveHours;
      total += m.transfer ? (perMove ?? w.transfers) : (perMove === null ? 0 : 2 * perMove) + w.secondmentMonths * (m.end - m.start + 1);
      const added = Math.max(0, km(h.staff[i]?.homeCode ?? '', m.to) - km(h.staff[i]?.homeCode ?? '', cur[i] ?? 0));
      for (let t = m.start; t <= m.end; t += 1) if (present[i]?.[t]) total += (w.commuteKm * added) / T;
    });
    if (hire !== null) total += w.hires;
    if (train !== null) total += w.training;
    return total;
  };
  const evaluate = (hire: { c: number; start: number } | null, train: { p: number; f: number } | null): void => {
    const total = cost(hire, train);
    if (total === null) return;
    plans += 1;
    if (best === null || total < best) best = total;
  };
  const visit = (i: number): void => {
    if (i === h.staff.length) {
      for (const hire of hireOptions) for (const train of trainOptions) evaluate(hire, train);
      return;
    }
    for (const m of options[i] ?? []) {
      choice[i] = m;
      visit(i + 1);
    }
    choice.length = i;
  };
  visit(0);
  const monthIndex = (m: string): number => h.months.findIndex((x) => x.month === m);
  const staffPos = new Map(h.staff.map((p, i) => [p.staffId, i]));
  const costOf: BruteForce['costOf'] = (plan) => {
    choice.length = 0;
    h.staff.forEach(() => choice.push(null));
    for (const x of plan.transfers) choice[staffPos.get(x.staffId) ?? -1] = { to: centerPos.get(x.toCenter) ?? -1, start: monthIndex(x.fromMonth), end: T - 1, transfer: true };
    for (const x of plan.secondments) choice[staffPos.get(x.staffId) ?? -1] = { to: centerPos.get(x.toCenter) ?? -1, start: monthIndex(x.fromMonth), end: monthIndex(x.untilMonth), transfer: false };
    if (plan.hires.length > 1 || (plan.hires[0]?.count ?? 1) > 1 || plan.trainings.length > 1) return null;
    const x = plan.hires[0];
    const y = plan.trainings[0];
    return cost(
      x === undefined ? null : { c: centerPos.get(x.centerCode) ?? -1, start: monthIndex(x.startMonth) },
      y === undefined ? null : { p: staffPos.get(y.staffId) ?? -1, f: fieldIds.indexOf(y.field) },
    );
  };
  return { optimum: best, plans, costOf };
};
