/**
 * The objective of a plan over several months, from the search's state (horizonState.ts), term by
 * term. Goals in order, all in "priority-weighted uncovered hours" (PlanWeights):
 *   sum over months of  w.uncovered x priority-weighted uncovered hours  +  w.evenness x the month's
 *   largest uncovered share among centers (percentage points)
 *   + each lasting transfer and secondment at its cost (moveCost.ts: the lever moveHours per move,
 *     a secondment being two, or w.transfers per transfer without it) + w.secondmentMonths per
 *     person-month of secondment
 *   + w.commuteKm x added km, averaged over the horizon's months (a month away counts 1/T of it)
 *   + w.hires per hire + w.training per person trained.
 * One month with neutral rules is the single-month objective exactly (planObjective.ts).
 */
import { locationOf, SECONDMENT, STAY, TRANSFER } from './horizonDecisions.ts';
import { addedKm, type HorizonState } from './horizonState.ts';
import { moveCost, secondmentCost } from './moveCost.ts';

export interface HorizonCost {
  readonly objective: number;
  /** Summed over the months. */
  readonly weightedUncovered: number;
  readonly uncovered: number;
  /** Largest uncovered share among centers, per month, percentage points. */
  readonly maxShare: readonly number[];
  readonly disruption: number;
}

export const stateCost = (s: HorizonState): HorizonCost => {
  const { h, hi, d, T } = s;
  const w = h.rules.weights;
  const nC = h.centers.length;
  const move = moveCost(h);
  let weightedUncovered = 0;
  let uncovered = 0;
  const maxShare: number[] = [];
  for (let t = 0; t < T; t += 1) {
    let worst = 0;
    for (let c = 0; c < nC; c += 1) {
      const k = c * T + t;
      weightedUncovered += Math.max(0, (s.weightedRequired[k] ?? 0) - (s.weighted[k] ?? 0));
      const req = hi.month[t]?.requiredByCenter[c] ?? 0;
      const u = Math.max(0, req - (s.covered[k] ?? 0));
      uncovered += u;
      if (req > 0) worst = Math.max(worst, (100 * u) / req);
    }
    maxShare.push(worst);
  }
  let disruption = w.hires * d.hires.reduce((n, x) => n + x.count, 0);
  d.kind.forEach((kind, p) => {
    if ((d.trainField[p] ?? -1) >= 0) disruption += w.training;
    if (kind === STAY) return;
    if (kind === TRANSFER) disruption += move.transfer;
    if (kind === SECONDMENT) disruption += secondmentCost(move, (d.end[p] ?? 0) - (d.start[p] ?? 0) + 1);
    for (let t = 0; t < T; t += 1) if (hi.present[p]?.[t]) disruption += (w.commuteKm * addedKm(hi, p, locationOf(hi, d, p, t))) / T;
  });
  const objective = w.uncovered * weightedUncovered + w.evenness * maxShare.reduce((a, b) => a + b, 0) + disruption;
  return { objective, weightedUncovered, uncovered, maxShare, disruption };
};
