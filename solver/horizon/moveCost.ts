/**
 * What a lasting transfer and a secondment cost a plan over several months, in the objective's
 * unit (priority-weighted uncovered hours), from the rules. The one place the search, the
 * objective and the bound's relaxation read it from, so the three price a move alike.
 *
 * With the lever `moveHours` (HorizonRules) a move is charged what it disrupts, once, whatever
 * the horizon's length: a lasting transfer is one move, a secondment two (there and back), plus
 * w.secondmentMonths per person-month away. Without it (null, neutral) the single-month weight
 * w.transfers prices a transfer and a secondment costs its months only, as before the lever.
 */
import type { HorizonInput } from './horizonInput.ts';

export interface MoveCost {
  /** One lasting transfer, whatever its month. */
  readonly transfer: number;
  /** One secondment, whatever its length (going and coming back). */
  readonly secondment: number;
  /** Each person-month of a secondment. */
  readonly secondmentMonth: number;
}

export const moveCost = (h: Pick<HorizonInput, 'rules' | 'horizon'>): MoveCost => {
  const w = h.rules.weights;
  const hours = h.horizon.moveHours;
  return hours === null
    ? { transfer: w.transfers, secondment: 0, secondmentMonth: w.secondmentMonths }
    : { transfer: hours, secondment: 2 * hours, secondmentMonth: w.secondmentMonths };
};

/** A secondment of `months` months. */
export const secondmentCost = (cost: MoveCost, months: number): number => cost.secondment + cost.secondmentMonth * months;

/**
 * What the bound charges per month away (horizonBound.ts, monthRelaxation.ts), so that no plan pays
 * less over its months: a transfer is away at most T months, a secondment at most its longest run
 * (and T). `move` is what the month's relaxation charges any move (it cannot tell a transfer from a
 * secondment); `secondmentMonth` is what a person-month of secondment surely costs, at least `move`.
 */
export const monthlyMoveCharge = (h: Pick<HorizonInput, 'rules' | 'horizon' | 'months'>): { readonly move: number; readonly secondmentMonth: number } => {
  const T = h.months.length;
  const cost = moveCost(h);
  const r = h.horizon;
  const transfer = cost.transfer / T;
  if (r.secondmentMonths < r.secondmentMinMonths) return { move: transfer, secondmentMonth: transfer };
  const secondmentMonth = cost.secondmentMonth + cost.secondment / Math.max(1, Math.min(T, r.secondmentMaxMonths));
  return { move: Math.min(transfer, secondmentMonth), secondmentMonth };
};
