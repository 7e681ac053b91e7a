/**
 * The cell-cover inequality of one demand cell (center c, field f; issue 14). A cell's covered
 * hours are at most its required hours, so each person of that field at the center, and each hire
 * in it, covers at most a_p = min(req, H fte_p) of it: u + sum a_p x[p,c] + a_hire n[c,f] >= req.
 * Its mixed-integer rounding (Marchand and Wolsey's MIR, dividing by H; x and n whole, u >= 0) is
 *
 *   u[c,f] + sum_{p at c with f} min(r, H fte_p) x[p,c] + min(r, H) n[c,f] >= r * ceil(req / H),
 *   r = req - H floor(req / H),
 *
 * valid for every whole plan. For a cell below one FTE (r = req) it says each person covers at most
 * the cell; for a larger one, that the last, partly needed person covers only the remainder r. In
 * the LP it removes the cheapest fractions: without it a cell of 40 h is "covered" by 0.3 of a
 * person moved there (42 of their 140 h), so splitting a person between centers covers each as if
 * they were whole. On random 4-center instances the rows raised the full LP bound from a median
 * 23.7% below the brute-force optimum to about 4% (boundHonesty.test.ts).
 */

export interface CellCover {
  /** The rounded remainder r (hours): each person's coefficient is at most it. */
  readonly remainder: number;
  /** Right-hand side r * ceil(req / H), in hours. */
  readonly rhs: number;
}

/** Remainders below this share of H are rounding noise: the cell's row would be implied. */
const MIN_REMAINDER_SHARE = 1e-6;

/** The cell's inequality, or null when req is a whole number of FTE (then the capacity rows imply it). */
export const cellCover = (required: number, hoursPerFte: number): CellCover | null => {
  const whole = Math.floor(required / hoursPerFte);
  const remainder = required - whole * hoursPerFte;
  if (!(remainder > MIN_REMAINDER_SHARE * hoursPerFte)) return null;
  return { remainder, rhs: remainder * (whole + 1) };
};

/** Coefficient of a person (or of one hire, fte 1) in a cell's inequality. */
export const cellCoverCoefficient = (cell: CellCover, hoursPerFte: number, fte: number): number => Math.min(cell.remainder, hoursPerFte * fte);
