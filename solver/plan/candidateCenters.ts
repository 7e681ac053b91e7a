/**
 * Which centers each person is offered in the model. Offering everyone every center within the
 * commute radius makes a MIP whose LP relaxation splits people across centers (slow to close);
 * offering each person their current center plus the k centers with the largest priority-weighted
 * deficit in their fields keeps the model small. Centers short of their minimum headcount today are
 * always offered to everyone in range, so the restriction cannot make a reachable minimum
 * unreachable. The restriction can exclude the true optimum; solvePlan bounds it with the full model.
 */
import { minStaffOf, type PlanInput } from './planInput.ts';
import { mayWorkAt, type PlanIndex } from './planIndex.ts';

/**
 * Today's estimated shortfall per center and field (hours): required minus the hours of the people
 * there with that expertise, each person's hours split evenly over their fields.
 */
export const deficitToday = (input: PlanInput, index: PlanIndex): number[][] => {
  const supply = index.required.map((row) => row.map(() => 0));
  input.staff.forEach((person, p) => {
    const fields = index.expertise[p] ?? [];
    const row = supply[index.current[p] ?? 0] as number[];
    for (const f of fields) row[f] = (row[f] ?? 0) + (person.fte * input.hoursPerFte) / fields.length;
  });
  return index.required.map((row, c) => row.map((req, f) => Math.max(0, req - (supply[c]?.[f] ?? 0))));
};

/**
 * Candidate centers per person (positions into index.centerCodes), current center first, then by
 * decreasing deficit, ties by position. `k = Infinity` offers every center within the radius.
 */
export const candidateCenters = (input: PlanInput, index: PlanIndex, k: number): number[][] => {
  const deficit = deficitToday(input, index);
  const radius = input.rules.maxCommuteKm;
  const shortOfMinimum = index.centerCodes
    .map((code, c) => ((index.headcountToday[c] ?? 0) < minStaffOf(input.rules, code) ? c : -1))
    .filter((c) => c >= 0);
  return index.current.map((home, p) => {
    if (index.locked[p]) return [home];
    const fields = index.expertise[p] ?? [];
    const scored: { c: number; score: number }[] = [];
    index.centerCodes.forEach((_, c) => {
      if (c === home || !mayWorkAt(index, radius, p, c)) return;
      const score = fields.reduce((s, f) => s + (index.priority[f] ?? 1) * (deficit[c]?.[f] ?? 0), 0);
      if (k === Infinity || score > 0) scored.push({ c, score });
    });
    scored.sort((a, b) => b.score - a.score || a.c - b.c);
    const chosen = new Set(scored.slice(0, k === Infinity ? scored.length : k).map((s) => s.c));
    for (const c of shortOfMinimum) if (c !== home && mayWorkAt(index, radius, p, c)) chosen.add(c);
    return [home, ...[...chosen].sort((a, b) => a - b)];
  });
};
