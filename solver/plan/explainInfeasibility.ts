/**
 * Sound reasons why no plan can keep every rule: each conflict found here is a proof of
 * infeasibility in words (naming rules, centers and numbers), checked before any solve.
 * An empty list does not prove feasibility; solvePlan then relies on the solver's verdict.
 *
 * Each conflict carries a code and its params (solver/messageCode.ts) next to its English message;
 * `center` is the unit code, `centerName` its Vietnamese name with diacritics, people are counts:
 * - `conflict.min_above_max_staff` {center, centerName, min, maxStaff}
 * - `conflict.locked_above_max_staff` {center, centerName, locked, maxStaff}
 * - `conflict.min_out_of_reach` {center, centerName, min, reachable, maxCommuteKm (km), hires}
 * - `conflict.budget_below_newcomers` {needed, budget, hires} (people to move in, after hires)
 * - `conflict.budget_below_leavers` {needed, budget} (people to move out)
 * - `conflict.minimums_above_staff` {minTotal, staff, hires}
 */
import type { Coded } from '../messageCode.ts';
import type { Conflict } from './plan.ts';
import { minStaffOf, type PlanInput } from './planInput.ts';
import { mayWorkAt, type PlanIndex } from './planIndex.ts';

export type ConflictCode =
  | 'conflict.min_above_max_staff'
  | 'conflict.locked_above_max_staff'
  | 'conflict.min_out_of_reach'
  | 'conflict.budget_below_newcomers'
  | 'conflict.budget_below_leavers'
  | 'conflict.minimums_above_staff';

/** A conflict with its code: what explainInfeasibility finds. */
export type CodedConflict = Conflict & Coded<ConflictCode>;

export const explainInfeasibility = (input: PlanInput, index: PlanIndex): CodedConflict[] => {
  const { rules } = input;
  const conflicts: CodedConflict[] = [];
  const totalHires = Object.values(rules.hiresAllowedByField).reduce((s, n) => s + n, 0);
  const nC = index.centerCodes.length;
  const lockedAt = new Array<number>(nC).fill(0);
  const reachable = new Array<number>(nC).fill(0);
  index.current.forEach((home, p) => {
    if (index.locked[p]) lockedAt[home] = (lockedAt[home] ?? 0) + 1;
    for (let c = 0; c < nC; c += 1) if (mayWorkAt(index, rules.maxCommuteKm, p, c)) reachable[c] = (reachable[c] ?? 0) + 1;
  });
  let newcomersNeeded = 0;
  let leaversNeeded = 0;
  input.centers.forEach((center, c) => {
    const min = minStaffOf(rules, center.code);
    const today = index.headcountToday[c] ?? 0;
    const name = `${center.nameVi} (${center.code})`;
    const at = { center: center.code, centerName: center.nameVi };
    if (min > center.maxStaff) {
      conflicts.push({
        rules: ['min_staff', 'max_staff'],
        centers: [center.code],
        message: `${name}: the minimum of ${min} staff exceeds its max_staff of ${center.maxStaff}.`,
        code: 'conflict.min_above_max_staff',
        params: { ...at, min, maxStaff: center.maxStaff },
      });
    }
    if (lockedAt[c]! > center.maxStaff) {
      conflicts.push({
        rules: ['locked_stay', 'max_staff'],
        centers: [center.code],
        message: `${name}: ${lockedAt[c]} locked people work there, above its max_staff of ${center.maxStaff}.`,
        code: 'conflict.locked_above_max_staff',
        params: { ...at, locked: lockedAt[c] ?? 0, maxStaff: center.maxStaff },
      });
    }
    if ((reachable[c] ?? 0) + totalHires < min) {
      conflicts.push({
        rules: ['min_staff', 'commute_radius', 'locked_stay'],
        centers: [center.code],
        message:
          `${name}: the minimum is ${min} staff, but only ${reachable[c]} people work there or live within ` +
          `${rules.maxCommuteKm} km and are not locked elsewhere` +
          (totalHires > 0 ? `, plus ${totalHires} allowed hires.` : '.'),
        code: 'conflict.min_out_of_reach',
        params: { ...at, min, reachable: reachable[c] ?? 0, maxCommuteKm: rules.maxCommuteKm, hires: totalHires },
      });
    }
    newcomersNeeded += Math.max(0, min - today);
    leaversNeeded += Math.max(0, today - center.maxStaff);
  });
  const budget = rules.maxTransfers;
  if (budget !== null && Math.max(newcomersNeeded - totalHires, leaversNeeded) > budget) {
    const short = input.centers
      .filter((center, c) => (index.headcountToday[c] ?? 0) < minStaffOf(rules, center.code) || (index.headcountToday[c] ?? 0) > center.maxStaff)
      .map((center) => center.code);
    const rulesAndCenters = {
      rules: ['transfer_budget', 'min_staff', 'max_staff'] as const,
      centers: short,
    };
    const newcomers = newcomersNeeded - totalHires;
    conflicts.push(
      newcomers > budget
        ? {
            ...rulesAndCenters,
            message:
              `Reaching every center's minimum needs at least ${newcomers} people to move in` +
              `${totalHires > 0 ? ' (after allowed hires)' : ''}, above the transfer budget of ${budget}.`,
            code: 'conflict.budget_below_newcomers',
            params: { needed: newcomers, budget, hires: totalHires },
          }
        : {
            ...rulesAndCenters,
            message: `Bringing every center within max_staff needs at least ${leaversNeeded} people to move out, above the transfer budget of ${budget}.`,
            code: 'conflict.budget_below_leavers',
            params: { needed: leaversNeeded, budget },
          },
    );
  }
  const minTotal = input.centers.reduce((s, center) => s + minStaffOf(rules, center.code), 0);
  if (minTotal > input.staff.length + totalHires) {
    conflicts.push({
      rules: ['min_staff'],
      centers: [],
      message: `The minimums add up to ${minTotal} staff, but the city has ${input.staff.length} people and ${totalHires} allowed hires.`,
      code: 'conflict.minimums_above_staff',
      params: { minTotal, staff: input.staff.length, hires: totalHires },
    });
  }
  return conflicts;
};
