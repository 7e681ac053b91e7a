/**
 * The optimum by enumeration, for tiny instances: every assignment of people to the centers they may
 * work at, kept when it obeys the budget and headcount rules; for each, the best hours found by a
 * per-person LP written here independently of buildPlanModel and solved by javascript-lp-solver.
 */
import jsLpSolver from 'javascript-lp-solver';
import { haversineKm } from '../../../solver/geo.ts';
import { minStaffOf, type PlanInput } from '../../../solver/plan/planInput.ts';
import { syntheticCity } from '../../../solver/plan/syntheticCity.ts';

/** A city small enough to enumerate (4 centers, about 6 people), with the transfer budget given (null: unlimited). */
export const tinyCity = (seed: number, budget: number | null): PlanInput =>
  syntheticCity({ seed, centers: 4, staffPerCenter: 1.6, fields: 4, areaKm: 14, rules: { maxCommuteKm: 12, maxTransfers: budget } });

const solve = (jsLpSolver as unknown as { Solve: (model: object) => Record<string, unknown> }).Solve.bind(jsLpSolver);

const hoursObjective = (input: PlanInput, at: readonly string[]): number | null => {
  const { weights } = input.rules;
  const variables: Record<string, Record<string, number>> = { z: { objective: weights.evenness } };
  const constraints: Record<string, { min?: number; max?: number }> = {};
  const requiredAt = new Map<string, number>();
  for (const r of input.requiredHours) requiredAt.set(`${r.centerCode}|${r.field}`, (requiredAt.get(`${r.centerCode}|${r.field}`) ?? 0) + r.hours);
  const totalAt = new Map<string, number>();
  for (const [key, h] of requiredAt) totalAt.set(key.split('|')[0] ?? '', (totalAt.get(key.split('|')[0] ?? '') ?? 0) + h);
  input.staff.forEach((person, p) => {
    constraints[`avail${p}`] = { max: person.fte * input.hoursPerFte };
    for (const field of person.fields) {
      variables[`h${p}_${field}`] = { objective: 0, [`avail${p}`]: 1, [`cover_${at[p]}_${field}`]: 1 };
    }
  });
  for (const [key, req] of requiredAt) {
    if (req <= 0) continue;
    const [center = '', field = ''] = key.split('|');
    const priority = input.fields.find((f) => f.field === field)?.priority ?? 1;
    constraints[`cover_${center}_${field}`] = { min: req };
    constraints[`even_${center}`] = { min: 0 };
    variables[`u_${center}_${field}`] = {
      objective: weights.uncovered * priority,
      [`cover_${center}_${field}`]: 1,
      [`even_${center}`]: -100 / (totalAt.get(center) ?? 1),
    };
    (variables['z'] as Record<string, number>)[`even_${center}`] = 1;
  }
  const result = solve({ optimize: 'objective', opType: 'min', constraints, variables });
  if (!result['feasible']) return null;
  let value = 0;
  for (const [name, coefficients] of Object.entries(variables)) {
    const v = result[name];
    if (typeof v === 'number') value += v * (coefficients['objective'] ?? 0);
  }
  return value;
};

export const bruteForceOptimum = (input: PlanInput): number | null => {
  const { rules } = input;
  const centers = new Map(input.centers.map((c) => [c.code, c]));
  const km = (a: string, b: string): number => {
    const x = centers.get(a);
    const y = centers.get(b);
    return x && y ? haversineKm(x.lat, x.lon, y.lat, y.lon) : Infinity;
  };
  const options = input.staff.map((person) =>
    person.locked || rules.lockedStaffIds.includes(person.staffId)
      ? [person.centerCode]
      : input.centers.map((c) => c.code).filter((code) => code === person.centerCode || km(person.homeCode, code) <= rules.maxCommuteKm),
  );
  let best: number | null = null;
  const at: string[] = [];
  const visit = (p: number): void => {
    if (p === input.staff.length) {
      const moves = input.staff.filter((person, i) => at[i] !== person.centerCode);
      if (rules.maxTransfers !== null && moves.length > rules.maxTransfers) return;
      for (const center of input.centers) {
        const n = at.filter((code) => code === center.code).length;
        if (n > center.maxStaff || n < minStaffOf(rules, center.code)) return;
      }
      const hours = hoursObjective(input, at);
      if (hours === null) return;
      const disruption = input.staff.reduce((sum, person, i) => {
        if (at[i] === person.centerCode) return sum;
        const added = Math.max(0, km(person.homeCode, at[i] ?? '') - km(person.homeCode, person.centerCode));
        return sum + rules.weights.transfers + rules.weights.commuteKm * added;
      }, 0);
      const total = hours + disruption;
      if (best === null || total < best) best = total;
      return;
    }
    for (const code of options[p] ?? []) {
      at[p] = code;
      visit(p + 1);
    }
    at.length = p;
  };
  visit(0);
  return best;
};
