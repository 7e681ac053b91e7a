/**
 * A fast starting plan: repeatedly make the single move (or move back) with the largest gain in
 * priority-weighted covered hours net of its disruption cost, pricing each center exactly with
 * centerCoverage, until no move gains or the transfer budget is spent. Evenness is left to the MIP
 * that starts from this plan. Returns the center position per person, or null when the greedy
 * cannot reach every center's minimum headcount (the MIP then decides). With `from`, the moves start
 * from that assignment instead of today's (its transfers count against the budget). At the
 * `deadline` it stops and returns the plan so far: every move made gained, so it is the best yet.
 *
 * Lazy evaluation: every (person, center) pair keeps its last computed gain, or an upper bound
 * (capacity x top priority, and the center's weighted remaining shortfall) before its first
 * evaluation; only the best-looking pair is re-priced until the best is current.
 */
import { centerCoverage, type CoveragePerson } from './centerCoverage.ts';
import type { Deadline } from './deadline.ts';
import { maxHeap } from './maxHeap.ts';
import { minStaffOf, type PlanInput } from './planInput.ts';
import { addedCommuteKm, type PlanIndex } from './planIndex.ts';

const GAIN_EPS = 1e-7;
/** Re-pricings between two looks at the deadline within one step (a step may re-price thousands). */
const PRICINGS_PER_LOOK = 32;

export interface GreedyOptions {
  /** Most moves. Default 5000. */
  readonly maxSteps?: number;
  /** Where the moves start (e.g. the greedy plan of a smaller budget); it must keep every rule. Default today's. */
  readonly from?: readonly number[];
  /** When to stop with the plan so far. Default none. */
  readonly deadline?: Deadline;
}

export const greedyPlan = (
  input: PlanInput,
  index: PlanIndex,
  candidates: readonly (readonly number[])[],
  options: GreedyOptions = {},
): number[] | null => {
  const { maxSteps = 5000, from, deadline } = options;
  const { rules, hoursPerFte } = input;
  const w = rules.weights;
  const nC = index.centerCodes.length;
  const nF = index.fieldIds.length;
  const at = (from ?? index.current).slice();
  const members: number[][] = Array.from({ length: nC }, () => []);
  at.forEach((c, p) => members[c]?.push(p));
  const people: CoveragePerson[] = input.staff.map((s, p) => ({ capacity: s.fte * hoursPerFte, fields: index.expertise[p] ?? [] }));
  const topPriority = Math.max(1, ...index.priority);
  const covered = index.centerCodes.map(() => new Float64Array(nF));
  const valueOf = (c: number, group: readonly number[], into?: Float64Array): number =>
    centerCoverage(index.required[c] ?? [], index.priority, group.map((p) => people[p] as CoveragePerson), into);
  const value = index.centerCodes.map((_, c) => valueOf(c, members[c] ?? [], covered[c]));
  const residual = index.centerCodes.map((_, c) =>
    (index.required[c] ?? []).reduce((s, req, f) => s + (index.priority[f] ?? 1) * Math.max(0, req - (covered[c]?.[f] ?? 0)), 0),
  );
  const version = new Int32Array(nC);
  let clock = 0;
  const moveCost = (p: number, c: number): number =>
    c === index.current[p] ? 0 : w.transfers + w.commuteKm * addedCommuteKm(index, p, c);

  // Pairs (p, b) flattened; key = last known (or bound on) net gain; fresh when versions match.
  const pairP: number[] = [];
  const pairB: number[] = [];
  candidates.forEach((list, p) => {
    if (index.locked[p]) return;
    for (const b of list) {
      pairP.push(p);
      pairB.push(b);
    }
  });
  const nPairs = pairP.length;
  const key = new Float64Array(nPairs).fill(Infinity);
  const seenA = new Int32Array(nPairs).fill(-1);
  const seenB = new Int32Array(nPairs).fill(-1);
  const lossOf = new Float64Array(input.staff.length);
  const lossVersion = new Int32Array(input.staff.length).fill(-1);
  const loss = (p: number): number => {
    const a = at[p] ?? 0;
    if (lossVersion[p] === version[a]) return lossOf[p] ?? 0;
    const v = (value[a] ?? 0) - valueOf(a, (members[a] ?? []).filter((q) => q !== p));
    lossOf[p] = v;
    lossVersion[p] = version[a] ?? 0;
    return v;
  };
  const price = (i: number): number => {
    const p = pairP[i] ?? 0;
    const b = pairB[i] ?? 0;
    const a = at[p] ?? 0;
    const gain = valueOf(b, [...(members[b] ?? []), p]) - (value[b] ?? 0);
    seenA[i] = version[a] ?? 0;
    seenB[i] = version[b] ?? 0;
    return gain - loss(p) - (moveCost(p, b) - moveCost(p, a));
  };
  for (let i = 0; i < nPairs; i += 1) {
    const p = pairP[i] ?? 0;
    const b = pairB[i] ?? 0;
    key[i] = Math.min((people[p]?.capacity ?? 0) * topPriority, residual[b] ?? 0) - (moveCost(p, b) - moveCost(p, at[p] ?? 0));
  }
  const min = index.centerCodes.map((code) => minStaffOf(rules, code));
  const maxStaff = input.centers.map((c) => c.maxStaff);
  let transfers = at.reduce((n, c, p) => n + (c !== index.current[p] ? 1 : 0), 0);
  const allowed = (i: number, repairing: boolean, short: Set<number>, over: Set<number>): boolean => {
    const p = pairP[i] ?? 0;
    const b = pairB[i] ?? 0;
    const a = at[p] ?? 0;
    if (b === a) return false;
    if ((members[a]?.length ?? 0) - 1 < (min[a] ?? 0) && !over.has(a)) return false;
    if ((members[b]?.length ?? 0) + 1 > (maxStaff[b] ?? 0)) return false;
    if (repairing && !short.has(b) && !over.has(a)) return false;
    const cur = index.current[p] ?? -1;
    const after = transfers + (b !== cur ? 1 : 0) - (a !== cur ? 1 : 0);
    return rules.maxTransfers === null || after <= rules.maxTransfers;
  };
  const apply = (p: number, b: number): void => {
    const a = at[p] ?? 0;
    members[a] = (members[a] ?? []).filter((q) => q !== p);
    members[b]?.push(p);
    at[p] = b;
    for (const c of [a, b]) {
      value[c] = valueOf(c, members[c] ?? [], covered[c]);
      clock += 1;
      version[c] = clock; // one clock for all centers: a stamp can never match another center's
    }
    transfers += (b !== index.current[p] ? 1 : 0) - (a !== index.current[p] ? 1 : 0);
  };
  const centersWhere = (test: (c: number) => boolean): Set<number> =>
    new Set(index.centerCodes.map((_, c) => c).filter(test));

  const stamp = new Int32Array(nPairs);
  const heap = maxHeap();
  const push = (i: number): void => {
    stamp[i] = (stamp[i] ?? 0) + 1;
    heap.push(key[i] ?? -Infinity, i * 64 + ((stamp[i] ?? 0) % 64));
  };
  for (let i = 0; i < nPairs; i += 1) push(i);
  let waiting: number[] = [];
  let outOfTime = false;
  for (let step = 0; step < maxSteps; step += 1) {
    if (deadline?.passed()) break;
    const short = centersWhere((c) => (members[c]?.length ?? 0) < (min[c] ?? 0));
    const over = centersWhere((c) => (members[c]?.length ?? 0) > (maxStaff[c] ?? 0));
    const repairing = short.size > 0 || over.size > 0;
    const parked: number[] = [];
    let chosen = -1;
    let pricings = 0;
    for (let top = heap.pop(); top !== null; top = heap.pop()) {
      const i = Math.floor(top.item / 64);
      if (top.item % 64 !== (stamp[i] ?? 0) % 64) continue;
      if (!allowed(i, repairing, short, over)) {
        const p = pairP[i] ?? 0;
        const addsTransfer = at[p] === index.current[p] && pairB[i] !== at[p];
        // Pairs blocked by a spent budget wait outside the heap until a move back frees a transfer.
        if (addsTransfer && rules.maxTransfers !== null && transfers >= rules.maxTransfers) waiting.push(i);
        else parked.push(i);
        continue;
      }
      if (!repairing && (key[i] ?? 0) <= GAIN_EPS) {
        parked.push(i);
        break;
      }
      const p = pairP[i] ?? 0;
      if (seenA[i] === version[at[p] ?? 0] && seenB[i] === version[pairB[i] ?? 0]) {
        chosen = i;
        break;
      }
      key[i] = price(i);
      push(i);
      pricings += 1;
      if (pricings % PRICINGS_PER_LOOK === 0 && deadline?.passed()) {
        outOfTime = true;
        break;
      }
    }
    for (const i of parked) push(i);
    if (outOfTime) break;
    if (chosen < 0) {
      if (repairing) return null;
      break;
    }
    apply(pairP[chosen] ?? 0, pairB[chosen] ?? 0);
    push(chosen);
    if (rules.maxTransfers !== null && transfers < rules.maxTransfers && waiting.length > 0) {
      for (const i of waiting) push(i);
      waiting = [];
    }
  }
  const done = index.centerCodes.every((_, c) => (members[c]?.length ?? 0) >= (min[c] ?? 0) && (members[c]?.length ?? 0) <= (maxStaff[c] ?? 0));
  return done ? at : null;
};
