/**
 * The best plan over several months the search finds: a greedy that repeatedly takes the measure
 * with the largest exact gain (priority-weighted covered hours over every month it touches, net of
 * its disruption cost), then passes that undo measures which no longer pay, re-time them, and
 * rebuild the weakest. Measures:
 * - a lasting transfer of p to center b, from the month that gains most (before it p stays);
 * - a secondment of p to center b for the run of months (shortest to longest) that gains most;
 * - a hire of field f at center c, from the earliest month it may start that gains most;
 * - a cross-training of p (who stays) in field f, from the first month.
 * Every measure is priced exactly per center and month (horizonState.ts) and kept within every
 * rule: budgets (transfers, secondment person-months, training, hires per field), seats and
 * minimum staff in every month, the staff quota, the most people leaving a center, and an
 * overloaded center giving no one away in a month unless the move lowers the city's weighted
 * uncovered hours that month by the margin. Lazy: each measure keeps its last gain (or a bound on
 * it) and is re-priced only when it reaches the top with a center changed since. Stops at the
 * deadline with the best plan so far (every measure it made gained).
 */
import type { Deadline } from '../plan/deadline.ts';
import { maxHeap } from '../plan/maxHeap.ts';
import { copyDecisions, SECONDMENT, STAY, TRANSFER, type Decisions } from './horizonDecisions.ts';
import type { HorizonIndex } from './horizonIndex.ts';
import type { HorizonInput } from './horizonInput.ts';
import { stateCost } from './horizonCost.ts';
import { addedKm, horizonState, type HorizonState } from './horizonState.ts';
import { moveCost } from './moveCost.ts';

const GAIN_EPS = 1e-6;
const KINDS = { transfer: 0, secondment: 1, hire: 2, training: 3 } as const;

/** A measure priced: its gain and the months it takes. */
interface Option {
  readonly gain: number;
  readonly start: number;
  readonly end: number;
}
const NONE: Option = { gain: -Infinity, start: 0, end: 0 };

export interface SearchOptions {
  readonly deadline: Deadline;
  /** Centers each person may be sent to (positions; their own is ignored). */
  readonly candidates: readonly (readonly number[])[];
  /** Where to start (default: no change). */
  readonly from?: Decisions;
}

/**
 * Person p at `to` instead of their current center, month by month: the city's change in
 * w.uncovered-weighted covered hours (`city`, what the overload rule measures) and net of the
 * month's commute cost (`net`). The loss at the current center does not depend on `to`: kept per
 * person until that center changes; the whole answer is kept until either center changes.
 */
const monthGains = (s: HorizonState) => {
  const { hi, T } = s;
  const w = s.h.rules.weights;
  const N = s.h.staff.length;
  const loss = new Float64Array(N * T);
  const lossSeen = new Int32Array(N).fill(-1);
  const known = new Map<number, { a: number; b: number; city: Float64Array; net: Float64Array }>();
  const nC = s.h.centers.length;
  return (p: number, to: number): { city: Float64Array; net: Float64Array } => {
    const a = hi.month[0]?.current[p] ?? 0;
    const va = s.version[a] ?? 0;
    const vb = s.version[to] ?? 0;
    const key = p * nC + to;
    const hit = known.get(key);
    if (hit !== undefined && hit.a === va && hit.b === vb) return hit;
    if (lossSeen[p] !== va) {
      for (let t = 0; t < T; t += 1) loss[p * T + t] = hi.present[p]?.[t] ? (s.weighted[a * T + t] ?? 0) - s.valueWith(a, t, { remove: p }) : 0;
      lossSeen[p] = va;
    }
    const city = new Float64Array(T);
    const net = new Float64Array(T);
    const commute = (w.commuteKm * addedKm(hi, p, to)) / T;
    for (let t = 0; t < T; t += 1) {
      if (!hi.present[p]?.[t]) continue;
      const gain = s.valueWith(to, t, { add: p }) - (s.weighted[to * T + t] ?? 0);
      city[t] = w.uncovered * (gain - (loss[p * T + t] ?? 0));
      net[t] = (city[t] ?? 0) - commute;
    }
    const made = { a: va, b: vb, city, net };
    known.set(key, made);
    return made;
  };
};

export const searchHorizon = (h: HorizonInput, hi: HorizonIndex, options: SearchOptions): Decisions => {
  const s = horizonState(h, hi, options.from);
  const { T } = s;
  const base = hi.month[0] as HorizonIndex['month'][number];
  const w = h.rules.weights;
  const r = h.horizon;
  const margin = r.overloadMarginHours;
  const move = moveCost(h);
  const nC = h.centers.length;
  const nF = base.fieldIds.length;
  const budget = h.rules.maxTransfers ?? Infinity;
  const topPriority = Math.max(1, ...base.priority);
  const cur = (p: number): number => base.current[p] ?? 0;
  const free = (p: number): boolean => (s.d.kind[p] ?? STAY) === STAY && (s.d.trainField[p] ?? -1) < 0;
  const seatAt = (c: number, t: number): boolean => (s.headcount[c * T + t] ?? 0) + 1 <= (hi.maxStaff[c] ?? 0);
  const spareAt = (c: number, t: number): boolean => (s.headcount[c * T + t] ?? 0) - 1 >= (hi.minStaff[c] ?? 0);
  const gainsOf = monthGains(s);
  const overloadOk = (a: number, t: number, city: number): boolean => margin === null || !hi.overloaded[t]?.[a] || city >= margin - 1e-9;

  const transferOption = (p: number, b: number): Option => {
    const a = cur(p);
    if (!free(p) || base.locked[p] || b === a || s.counts.transfers >= budget || (s.leaving[a] ?? 0) >= (hi.leavingCap[a] ?? Infinity)) return NONE;
    const g = gainsOf(p, b);
    const net = g.net;
    const startOk: boolean[] = [];
    const stayOk: boolean[] = [];
    for (let t = 0; t < T; t += 1) {
      const here = hi.present[p]?.[t] ?? false;
      startOk.push(here && overloadOk(a, t, g.city[t] ?? 0));
      stayOk.push(!here || (seatAt(b, t) && spareAt(a, t)));
    }
    let best = NONE;
    let suffix = 0;
    let feasible = true;
    for (let start = T - 1; start >= 0; start -= 1) {
      suffix += net[start] ?? 0;
      feasible = feasible && (stayOk[start] ?? false);
      if (feasible && startOk[start] && suffix - move.transfer > best.gain) best = { gain: suffix - move.transfer, start, end: T - 1 };
    }
    return best;
  };

  const secondmentOption = (p: number, b: number): Option => {
    const a = cur(p);
    const left = r.secondmentMonths - s.counts.secondmentMonths;
    if (!free(p) || base.locked[p] || b === a || left < r.secondmentMinMonths || (s.leaving[a] ?? 0) >= (hi.leavingCap[a] ?? Infinity)) return NONE;
    const g = gainsOf(p, b);
    const value: number[] = [];
    const ok: boolean[] = [];
    for (let t = 0; t < T; t += 1) {
      const fits = (hi.present[p]?.[t] ?? false) && seatAt(b, t) && spareAt(a, t);
      value.push(fits ? (g.net[t] ?? 0) - move.secondmentMonth : 0);
      ok.push(fits && overloadOk(a, t, g.city[t] ?? 0));
    }
    const longest = Math.min(r.secondmentMaxMonths, left, T);
    let best = NONE;
    for (let start = 0; start < T; start += 1) {
      let sum = 0;
      for (let len = 1; len <= longest && start + len - 1 < T; len += 1) {
        const t = start + len - 1;
        if (!ok[t]) break;
        sum += value[t] ?? 0;
        if (len >= r.secondmentMinMonths && sum - move.secondment > best.gain) best = { gain: sum - move.secondment, start, end: t };
      }
    }
    return best;
  };

  const hireOption = (c: number, f: number): Option => {
    if ((s.counts.hiresByField[f] ?? 0) >= (hi.hiresAllowed[f] ?? 0)) return NONE;
    let best = NONE;
    let suffix = 0;
    let feasible = true;
    for (let start = T - 1; start >= r.hireLeadMonths; start -= 1) {
      feasible = feasible && seatAt(c, start) && (s.cityHeadcount[start] ?? 0) + 1 <= hi.quota;
      if (!feasible) break;
      suffix += w.uncovered * (s.valueWith(c, start, { hireField: f }) - (s.weighted[c * T + start] ?? 0));
      if (suffix - w.hires > best.gain + GAIN_EPS) best = { gain: suffix - w.hires, start, end: T - 1 };
    }
    return best;
  };

  const trainingOption = (p: number, f: number): Option => {
    if (!free(p) || s.counts.trainings >= r.trainingBudget || (base.expertise[p] ?? []).includes(f)) return NONE;
    const c = cur(p);
    let sum = 0;
    for (let t = r.trainingMonths; t < T; t += 1) {
      if (!hi.present[p]?.[t]) continue;
      sum += w.uncovered * (s.valueWith(c, t, { trainee: p, trainField: f }) - (s.weighted[c * T + t] ?? 0));
    }
    return { gain: sum - w.training, start: 0, end: T - 1 };
  };

  // Measures: kind, two positions (person and center, center and field, person and field).
  const kind: number[] = [];
  const first: number[] = [];
  const second: number[] = [];
  const add = (k: number, a: number, b: number): void => {
    kind.push(k);
    first.push(a);
    second.push(b);
  };
  options.candidates.forEach((list, p) => {
    if (base.locked[p]) return;
    for (const b of list) {
      if (b === cur(p)) continue;
      if (budget > 0) add(KINDS.transfer, p, b);
      if (r.secondmentMonths >= r.secondmentMinMonths) add(KINDS.secondment, p, b);
    }
  });
  for (let f = 0; f < nF; f += 1) {
    if ((hi.hiresAllowed[f] ?? 0) <= 0) continue;
    for (let c = 0; c < nC; c += 1) if (hi.month.some((m, t) => t >= r.hireLeadMonths && (m.required[c]?.[f] ?? 0) > 0)) add(KINDS.hire, c, f);
  }
  // Hours each center lacks per field with today's staff, summed over the months.
  const lacking = new Float64Array(nC * nF);
  for (let c = 0; c < nC; c += 1) {
    for (let t = 0; t < T; t += 1) {
      const into = s.coveredByField(c, t);
      for (let f = 0; f < nF; f += 1) lacking[c * nF + f] = (lacking[c * nF + f] ?? 0) + Math.max(0, (hi.month[t]?.required[c]?.[f] ?? 0) - (into[f] ?? 0));
    }
  }
  if (r.trainingBudget > 0) {
    h.staff.forEach((_, p) => {
      const c = cur(p);
      for (let f = 0; f < nF; f += 1) {
        if ((base.expertise[p] ?? []).includes(f)) continue;
        if ((lacking[c * nF + f] ?? 0) > 1e-6) add(KINDS.training, p, f);
      }
    });
  }
  const optionOf = (i: number): Option => {
    const a = first[i] ?? 0;
    const b = second[i] ?? 0;
    switch (kind[i]) {
      case KINDS.transfer: return transferOption(a, b);
      case KINDS.secondment: return secondmentOption(a, b);
      case KINDS.hire: return hireOption(a, b);
      default: return trainingOption(a, b);
    }
  };
  const centersOf = (i: number): [number, number] => {
    const a = first[i] ?? 0;
    const b = second[i] ?? 0;
    return kind[i] === KINDS.transfer || kind[i] === KINDS.secondment ? [cur(a), b] : kind[i] === KINDS.hire ? [a, a] : [cur(a), cur(a)];
  };
  const apply = (i: number, o: Option): void => {
    const a = first[i] ?? 0;
    const b = second[i] ?? 0;
    if (kind[i] === KINDS.transfer) s.setPerson(a, TRANSFER, b, o.start, T - 1);
    else if (kind[i] === KINDS.secondment) s.setPerson(a, SECONDMENT, b, o.start, o.end);
    else if (kind[i] === KINDS.hire) s.addHires(a, b, o.start, 1);
    else s.setTraining(a, b, o.start);
  };
  // For the optimistic gains: what one more full-time person holding every field would add at each
  // center and month (no one adds more), and what each person's leaving costs their center.
  const allFields = base.fieldIds.map((_, f) => f);
  const mostAdded = new Float64Array(nC * T);
  for (let c = 0; c < nC; c += 1) for (let t = 0; t < T; t += 1) mostAdded[c * T + t] = s.valueWith(c, t, { extra: { capacity: hi.H[t] ?? 0, fields: allFields } }) - (s.weighted[c * T + t] ?? 0);
  const leavingCost = new Float64Array(h.staff.length * T);
  options.candidates.forEach((list, p) => {
    if (base.locked[p] || list.every((c) => c === cur(p))) return;
    for (let t = 0; t < T; t += 1) if (hi.present[p]?.[t]) leavingCost[p * T + t] = (s.weighted[cur(p) * T + t] ?? 0) - s.valueWith(cur(p), t, { remove: p });
  });

  /** Optimistic gain before a first pricing: what the measure could cover at most. */
  const upper = (i: number): number => {
    const a = first[i] ?? 0;
    const b = second[i] ?? 0;
    let sum = 0;
    for (let t = 0; t < T; t += 1) {
      if (kind[i] === KINDS.hire) {
        if (t >= r.hireLeadMonths) sum += Math.min((hi.H[t] ?? 0) * (base.priority[b] ?? 1), (s.weightedRequired[a * T + t] ?? 0) - (s.weighted[a * T + t] ?? 0));
        continue;
      }
      if (kind[i] === KINDS.training) {
        // At most the person's hours, and what the center lacks in the field over the year.
        if (t < r.trainingMonths) continue;
        sum += (h.staff[a]?.fte ?? 0) * (hi.H[t] ?? 0) * (base.priority[b] ?? 1);
        continue;
      }
      if (!hi.present[a]?.[t]) continue;
      const month = Math.min((h.staff[a]?.fte ?? 0) * (hi.H[t] ?? 0) * topPriority, mostAdded[b * T + t] ?? 0) - (leavingCost[a * T + t] ?? 0);
      // A transfer sums every month from its start; a secondment only the months that gain.
      sum += kind[i] === KINDS.transfer ? month : Math.max(0, month);
    }
    if (kind[i] === KINDS.training) sum = Math.min(sum, (lacking[cur(a) * nF + b] ?? 0) * (base.priority[b] ?? 1));
    return w.uncovered * (kind[i] === KINDS.transfer ? Math.max(0, sum) : sum);
  };

  // What each measure was last priced at, and the versions of its centers then (kept across rounds:
  // a later round starts from these, not from the optimistic bounds).
  const n = kind.length;
  const seenA = new Int32Array(n).fill(-1);
  const seenB = new Int32Array(n).fill(-1);
  const key = new Float64Array(n);
  for (let i = 0; i < n; i += 1) key[i] = upper(i);

  const greedy = (): void => {
    const heap = maxHeap();
    for (let i = 0; i < n; i += 1) if ((key[i] ?? 0) > GAIN_EPS) heap.push(key[i] ?? 0, i);
    let pricings = 0;
    for (let top = heap.pop(); top !== null; top = heap.pop()) {
      if (top.key <= GAIN_EPS) break;
      const i = top.item;
      if (top.key !== key[i]) continue; // an older entry of a measure priced since
      const [ca, cb] = centersOf(i);
      const fresh = seenA[i] === s.version[ca] && seenB[i] === s.version[cb];
      if ((pricings += 1) % 64 === 0 && options.deadline.passed()) return;
      const o = optionOf(i);
      seenA[i] = s.version[ca] ?? 0;
      seenB[i] = s.version[cb] ?? 0;
      // Priced afresh (budgets and free people change too): applied only if still the best known.
      if (!fresh || o.gain < (key[i] ?? 0) - 1e-9) {
        key[i] = o.gain;
        if (o.gain > GAIN_EPS) heap.push(o.gain, i);
        continue;
      }
      if (o.gain <= GAIN_EPS) {
        key[i] = o.gain;
        continue;
      }
      apply(i, o);
      seenA[i] = -1;
      if (kind[i] === KINDS.hire) heap.push(key[i] ?? 0, i); // a hire can be made again: priced afresh
    }
  };

  /** Undoes every measure whose removal lowers the objective; re-times transfers and secondments. */
  const tidy = (): void => {
    for (let p = 0; p < h.staff.length; p += 1) {
      if (options.deadline.passed()) return;
      const k = s.d.kind[p] ?? STAY;
      if (k === STAY) continue;
      const to = s.d.to[p] ?? 0;
      const before = { start: s.d.start[p] ?? 0, end: s.d.end[p] ?? 0 };
      const cost0 = stateCost(s).objective;
      s.setPerson(p, STAY, -1, 0, 0);
      const o = k === TRANSFER ? transferOption(p, to) : secondmentOption(p, to);
      const without = stateCost(s).objective;
      if (o.gain > GAIN_EPS) s.setPerson(p, k, to, o.start, o.end);
      if (stateCost(s).objective > Math.min(cost0, without) + 1e-9) {
        if (cost0 <= without) s.setPerson(p, k, to, before.start, before.end);
        else s.setPerson(p, STAY, -1, 0, 0);
      }
    }
    for (let p = 0; p < h.staff.length; p += 1) {
      const f = s.d.trainField[p] ?? -1;
      if (f < 0) continue;
      const cost0 = stateCost(s).objective;
      s.setTraining(p, -1, 0);
      if (stateCost(s).objective > cost0 + 1e-9) s.setTraining(p, f, 0);
    }
    for (const x of [...s.d.hires]) {
      const cost0 = stateCost(s).objective;
      s.addHires(x.c, x.f, x.start, -1);
      if (stateCost(s).objective > cost0 + 1e-9) s.addHires(x.c, x.f, x.start, 1);
    }
  };

  /** Moves breaking the overload rule in the plan as it ends (the others changed since they were made) are undone. */
  const overloadBreaks = (): number[] => {
    if (margin === null) return [];
    const out: number[] = [];
    s.d.kind.forEach((k, p) => {
      if (k === STAY) return;
      const a = cur(p);
      const months = k === TRANSFER ? [s.d.start[p] ?? 0] : Array.from({ length: (s.d.end[p] ?? 0) - (s.d.start[p] ?? 0) + 1 }, (_, i) => (s.d.start[p] ?? 0) + i);
      for (const t of months) {
        if (!hi.overloaded[t]?.[a]) continue;
        const to = s.d.to[p] ?? 0;
        const with_ = (s.weighted[to * T + t] ?? 0) + (s.weighted[a * T + t] ?? 0);
        const without = s.valueWith(to, t, { remove: p }) + s.valueWith(a, t, { add: p });
        if (w.uncovered * (with_ - without) < margin - 1e-9) {
          out.push(p);
          return;
        }
      }
    });
    return out;
  };

  greedy();
  let best = copyDecisions(s.d);
  let bestCost = stateCost(s).objective;
  // Rebuild from a tidier plan while time is left: undo what no longer pays, then the weakest moves.
  for (let round = 0; round < 6 && !options.deadline.passed(); round += 1) {
    tidy();
    for (let k = 0; k < 3; k += 1) {
      const broken = overloadBreaks();
      if (broken.length === 0) break;
      for (const p of broken) s.setPerson(p, STAY, -1, 0, 0);
    }
    greedy();
    const cost = stateCost(s).objective;
    if (overloadBreaks().length === 0 && cost < bestCost - 1e-6) {
      best = copyDecisions(s.d);
      bestCost = cost;
    } else if (round > 0) break;
  }
  return best;
};
