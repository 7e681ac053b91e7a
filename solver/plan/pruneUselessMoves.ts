/**
 * Sends back every moved person whose move covers nothing: a MIP stopped within its gap tolerance
 * (0.25% of ~30,000 is ~75, i.e. a dozen transfers at 4 + 0.2/km each) may keep moves that change no
 * coverage, and a council would rightly ask what such a move is for.
 *
 * A move of p from today's center a to b is undone when, with p back at a, (1) the priority-weighted
 * covered hours of a and b together do not fall (exact per-center optimum, centerCoverage), (2) no
 * uncovered share rises above the plan's largest one (evenness), and (3) a stays within max_staff
 * and b at or above its minimum. Each undo lowers the objective by the move's disruption cost; the
 * caller re-solves the hours of the pruned assignment and keeps it only if its objective is lower.
 * Moves are tried in decreasing disruption cost, each against the state left by the previous undos.
 */
import { centerCoverage, type CoveragePerson } from './centerCoverage.ts';
import { minStaffOf, type PlanInput } from './planInput.ts';
import { addedCommuteKm, type PlanIndex } from './planIndex.ts';

/** Covered hours below this count as no change (hours; solver tolerance on ~10^3-hour rows). */
const EPS_HOURS = 1e-4;

export const pruneUselessMoves = (input: PlanInput, index: PlanIndex, at: readonly number[]): number[] => {
  const out = at.slice();
  const nF = index.fieldIds.length;
  const people: CoveragePerson[] = input.staff.map((s, p) => ({ capacity: s.fte * input.hoursPerFte, fields: index.expertise[p] ?? [] }));
  const members: number[][] = index.centerCodes.map(() => []);
  out.forEach((c, p) => members[c]?.push(p));
  const covered = index.centerCodes.map(() => new Float64Array(nF));
  const state = (c: number, group: readonly number[], into: Float64Array): { weighted: number; share: number } => {
    const weighted = centerCoverage(index.required[c] ?? [], index.priority, group.map((p) => people[p] as CoveragePerson), into);
    const req = index.requiredByCenter[c] ?? 0;
    const coveredTotal = into.reduce((s, v) => s + v, 0);
    return { weighted, share: req > 0 ? (100 * Math.max(0, req - coveredTotal)) / req : 0 };
  };
  const now = index.centerCodes.map((_, c) => state(c, members[c] ?? [], covered[c] as Float64Array));
  let maxShare = Math.max(0, ...now.map((s) => s.share));
  const w = input.rules.weights;
  const moved = out
    .map((c, p) => ({ p, c, cost: w.transfers + w.commuteKm * addedCommuteKm(index, p, c) }))
    .filter((m) => m.c !== index.current[m.p])
    .sort((x, y) => y.cost - x.cost || x.p - y.p);
  const scratchA = new Float64Array(nF);
  const scratchB = new Float64Array(nF);
  for (const { p, c: b } of moved) {
    const a = index.current[p] ?? b;
    const backAt = [...(members[a] ?? []), p];
    const leftAt = (members[b] ?? []).filter((q) => q !== p);
    if (backAt.length > (input.centers[a]?.maxStaff ?? 0)) continue;
    if (leftAt.length < minStaffOf(input.rules, index.centerCodes[b] ?? '')) continue;
    const sa = state(a, backAt, scratchA);
    const sb = state(b, leftAt, scratchB);
    const before = (now[a]?.weighted ?? 0) + (now[b]?.weighted ?? 0);
    if (sa.weighted + sb.weighted < before - EPS_HOURS) continue;
    if (Math.max(sa.share, sb.share) > maxShare + 1e-9) continue;
    members[a] = backAt;
    members[b] = leftAt;
    out[p] = a;
    now[a] = sa;
    now[b] = sb;
    (covered[a] as Float64Array).set(scratchA);
    (covered[b] as Float64Array).set(scratchB);
    maxShare = Math.max(0, ...now.map((s) => s.share));
  }
  return out;
};
