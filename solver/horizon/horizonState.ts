/**
 * The search's working state of a plan over several months: its decisions, and for every center
 * and month who works there, the hires there, and the exact priority-weighted covered hours
 * (centerCoverage, the polymatroid greedy: the best split of hours for that group). Changing a
 * decision refreshes exactly the (center, month) cells it touches; `valueWith` prices a change
 * without making it. Members are kept in ascending position and hires by ascending field, as the
 * single-month allocation orders them (allocateHours.ts), so the same group gives the same split.
 */
import { centerCoverage, type CoveragePerson } from '../plan/centerCoverage.ts';
import { addedCommuteKm } from '../plan/planIndex.ts';
import { locationOf, noChange, SECONDMENT, STAY, TRANSFER, trainedFieldAt, type Decisions } from './horizonDecisions.ts';
import type { HorizonIndex } from './horizonIndex.ts';
import type { HorizonInput } from './horizonInput.ts';

export interface HireGroup {
  readonly field: number;
  count: number;
}

/** A change to price at one center and month: a person added or removed, a hire, a field gained. */
export interface CellChange {
  readonly add?: number;
  readonly remove?: number;
  readonly hireField?: number;
  /** Person `trainee` holds `trainField` as well. */
  readonly trainee?: number;
  readonly trainField?: number;
  /** Someone else working there too (hours and fields). */
  readonly extra?: CoveragePerson;
}

export interface HorizonState {
  readonly h: HorizonInput;
  readonly hi: HorizonIndex;
  readonly d: Decisions;
  readonly T: number;
  /** members[c * T + t]: people working at c in month t, ascending. */
  readonly members: number[][];
  readonly hireGroups: HireGroup[][];
  /** Priority-weighted covered hours, and covered hours, of each cell. */
  readonly weighted: Float64Array;
  readonly covered: Float64Array;
  /** Priority-weighted required hours of each cell. */
  readonly weightedRequired: Float64Array;
  /** Grows whenever a cell of the center changes. */
  readonly version: Int32Array;
  /** Headcount (people and hires) of each cell, and of the city per month. */
  readonly headcount: Int32Array;
  readonly cityHeadcount: Int32Array;
  /** People who leave each center over the horizon (transfers and secondments). */
  readonly leaving: Int32Array;
  readonly counts: { transfers: number; secondmentMonths: number; trainings: number; hiresByField: number[] };
  /** Priority-weighted covered hours of cell (c, t) with `change`. */
  readonly valueWith: (c: number, t: number, change: CellChange) => number;
  /** Covered hours per field of cell (c, t) as it is. */
  readonly coveredByField: (c: number, t: number) => Float64Array;
  /** Sets person p's plan (kind, center, first and last month); STAY clears it. */
  readonly setPerson: (p: number, kind: number, to: number, start: number, end: number) => void;
  /** Trains person p in field f from month `start` (f = -1: no training). */
  readonly setTraining: (p: number, f: number, start: number) => void;
  /** Adds `count` (may be negative) hires of field f at c from month `start`. */
  readonly addHires: (c: number, f: number, start: number, count: number) => void;
}

export const horizonState = (h: HorizonInput, hi: HorizonIndex, from?: Decisions): HorizonState => {
  const T = hi.T;
  const nC = h.centers.length;
  const base = hi.month[0];
  if (base === undefined) throw new Error('horizonState: no month');
  const d = noChange(h.staff.length);
  const D = h.horizon.trainingMonths;
  const members: number[][] = Array.from({ length: nC * T }, () => []);
  const hireGroups: HireGroup[][] = Array.from({ length: nC * T }, () => []);
  const weighted = new Float64Array(nC * T);
  const covered = new Float64Array(nC * T);
  const weightedRequired = new Float64Array(nC * T);
  const headcount = new Int32Array(nC * T);
  const cityHeadcount = new Int32Array(T);
  const version = new Int32Array(nC);
  const leaving = new Int32Array(nC);
  const counts = { transfers: 0, secondmentMonths: 0, trainings: 0, hiresByField: base.fieldIds.map(() => 0) };
  const nF = base.fieldIds.length;
  const into = new Float64Array(nF);

  // Each person's hours and fields per month, made once (a training changes them: setTraining).
  const people: CoveragePerson[] = new Array<CoveragePerson>(h.staff.length * T);
  const personAt = (p: number, t: number): CoveragePerson => {
    const k = p * T + t;
    const known = people[k];
    if (known !== undefined) return known;
    const own = base.expertise[p] ?? [];
    const trained = trainedFieldAt(d, D, p, t);
    const made = { capacity: (h.staff[p]?.fte ?? 0) * (hi.H[t] ?? 0), fields: trained >= 0 && !own.includes(trained) ? [...own, trained] : own };
    people[k] = made;
    return made;
  };
  const person = (p: number, t: number, extraField = -1): CoveragePerson => {
    const own = personAt(p, t);
    return extraField >= 0 && !own.fields.includes(extraField) ? { capacity: own.capacity, fields: [...own.fields, extraField] } : own;
  };
  const evaluate = (c: number, t: number, members: readonly number[], hires: readonly HireGroup[], trainee = -1, trainField = -1, totalInto?: Float64Array, extra?: CoveragePerson): number => {
    const group: CoveragePerson[] = members.map((p) => (p === trainee ? person(p, t, trainField) : personAt(p, t)));
    if (extra !== undefined) group.push(extra);
    for (const g of hires) if (g.count > 0) group.push({ capacity: g.count * (hi.H[t] ?? 0), fields: [g.field] });
    return centerCoverage(hi.month[t]?.required[c] ?? [], base.priority, group, totalInto);
  };
  const refresh = (c: number, t: number): void => {
    const k = c * T + t;
    weighted[k] = evaluate(c, t, members[k] ?? [], hireGroups[k] ?? [], -1, -1, into);
    let total = 0;
    for (let f = 0; f < nF; f += 1) total += into[f] ?? 0;
    covered[k] = total;
    version[c] = (version[c] ?? 0) + 1;
  };
  const insert = (list: number[], p: number): void => {
    let i = list.length;
    while (i > 0 && (list[i - 1] ?? 0) > p) i -= 1;
    list.splice(i, 0, p);
  };
  const remove = (list: number[], p: number): void => {
    const i = list.indexOf(p);
    if (i >= 0) list.splice(i, 1);
  };

  for (let t = 0; t < T; t += 1) {
    h.staff.forEach((_, p) => {
      if (!hi.present[p]?.[t]) return;
      const c = base.current[p] ?? 0;
      members[c * T + t]?.push(p);
      headcount[c * T + t] = (headcount[c * T + t] ?? 0) + 1;
      cityHeadcount[t] = (cityHeadcount[t] ?? 0) + 1;
    });
    for (let c = 0; c < nC; c += 1) {
      let w = 0;
      (hi.month[t]?.required[c] ?? []).forEach((r, f) => (w += r * (base.priority[f] ?? 1)));
      weightedRequired[c * T + t] = w;
      refresh(c, t);
    }
  }

  const move = (p: number, t: number, fromC: number, toC: number): void => {
    if (fromC === toC || !hi.present[p]?.[t]) return;
    remove(members[fromC * T + t] as number[], p);
    insert(members[toC * T + t] as number[], p);
    headcount[fromC * T + t] = (headcount[fromC * T + t] ?? 0) - 1;
    headcount[toC * T + t] = (headcount[toC * T + t] ?? 0) + 1;
    refresh(fromC, t);
    refresh(toC, t);
  };

  const setPerson: HorizonState['setPerson'] = (p, kind, to, start, end) => {
    const before = Array.from({ length: T }, (_, t) => locationOf(hi, d, p, t));
    const cur = base.current[p] ?? 0;
    const oldKind = d.kind[p] ?? STAY;
    if (oldKind === TRANSFER) counts.transfers -= 1;
    if (oldKind === SECONDMENT) counts.secondmentMonths -= (d.end[p] ?? 0) - (d.start[p] ?? 0) + 1;
    if (oldKind !== STAY) leaving[cur] = (leaving[cur] ?? 0) - 1;
    d.kind[p] = kind;
    d.to[p] = kind === STAY ? -1 : to;
    d.start[p] = kind === STAY ? 0 : start;
    d.end[p] = kind === STAY ? 0 : kind === TRANSFER ? T - 1 : end;
    if (kind === TRANSFER) counts.transfers += 1;
    if (kind === SECONDMENT) counts.secondmentMonths += end - start + 1;
    if (kind !== STAY) leaving[cur] = (leaving[cur] ?? 0) + 1;
    for (let t = 0; t < T; t += 1) move(p, t, before[t] ?? cur, locationOf(hi, d, p, t));
  };

  const setTraining: HorizonState['setTraining'] = (p, f, start) => {
    if ((d.trainField[p] ?? -1) >= 0) counts.trainings -= 1;
    d.trainField[p] = f;
    d.trainStart[p] = f >= 0 ? start : 0;
    if (f >= 0) counts.trainings += 1;
    for (let t = 0; t < T; t += 1) delete people[p * T + t];
    for (let t = 0; t < T; t += 1) if (hi.present[p]?.[t]) refresh(locationOf(hi, d, p, t), t);
  };

  const addHires: HorizonState['addHires'] = (c, f, start, count) => {
    if (count === 0) return;
    const known = d.hires.find((x) => x.c === c && x.f === f && x.start === start);
    const now = (known?.count ?? 0) + count;
    if (now < 0) throw new Error(`addHires: ${now} hires of field ${f} at center ${c} from month ${start}`);
    const others = d.hires.filter((x) => x !== known);
    d.hires.length = 0;
    d.hires.push(...others, ...(now > 0 ? [{ c, f, start, count: now }] : []));
    counts.hiresByField[f] = (counts.hiresByField[f] ?? 0) + count;
    for (let t = start; t < T; t += 1) {
      const k = c * T + t;
      const groups = hireGroups[k] as HireGroup[];
      const g = groups.find((x) => x.field === f);
      if (g) g.count += count;
      else groups.push({ field: f, count });
      groups.sort((a, b) => a.field - b.field);
      hireGroups[k] = groups.filter((x) => x.count > 0);
      headcount[k] = (headcount[k] ?? 0) + count;
      cityHeadcount[t] = (cityHeadcount[t] ?? 0) + count;
      refresh(c, t);
    }
  };

  const valueWith: HorizonState['valueWith'] = (c, t, change) => {
    const k = c * T + t;
    let people = members[k] ?? [];
    if (change.remove !== undefined) people = people.filter((q) => q !== change.remove);
    if (change.add !== undefined && hi.present[change.add]?.[t]) {
      people = [...people];
      insert(people, change.add);
    }
    let hires: readonly HireGroup[] = hireGroups[k] ?? [];
    if (change.hireField !== undefined) {
      const f = change.hireField;
      const known = hires.some((g) => g.field === f);
      hires = known ? hires.map((g) => (g.field === f ? { field: f, count: g.count + 1 } : g)) : [...hires, { field: f, count: 1 }].sort((a, b) => a.field - b.field);
    }
    return evaluate(c, t, people, hires, change.trainee ?? -1, change.trainField ?? -1, undefined, change.extra);
  };

  const coveredByField: HorizonState['coveredByField'] = (c, t) => {
    const out = new Float64Array(nF);
    evaluate(c, t, members[c * T + t] ?? [], hireGroups[c * T + t] ?? [], -1, -1, out);
    return out;
  };

  const state: HorizonState = {
    h, hi, d, T, members, hireGroups, weighted, covered, weightedRequired, version, headcount, cityHeadcount, leaving, counts,
    valueWith, coveredByField, setPerson, setTraining, addHires,
  };
  if (from !== undefined) {
    from.kind.forEach((k, p) => {
      if (k !== STAY) setPerson(p, k, from.to[p] ?? 0, from.start[p] ?? 0, from.end[p] ?? 0);
      if ((from.trainField[p] ?? -1) >= 0) setTraining(p, from.trainField[p] ?? -1, from.trainStart[p] ?? 0);
    });
    for (const x of from.hires) addHires(x.c, x.f, x.start, x.count);
  }
  return state;
};

/** Added commute of person p at center c, km (0 at the current center or nearer). */
export const addedKm = (hi: HorizonIndex, p: number, c: number): number => addedCommuteKm(hi.month[0] as HorizonIndex['month'][number], p, c);
