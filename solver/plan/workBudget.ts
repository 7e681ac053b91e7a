/**
 * The work a solve may do, counted in simplex iterations (every LP, and every LP inside a MIP):
 * unlike seconds, a count the same on a quiet machine and a loaded one, so a solve that keeps to
 * its work budget is a deterministic function of its input (issue 14). The clock stays a safety
 * net (deadline.ts); a solve stopped by it says so.
 *
 *   const work = workBudget(60_000);
 *   const lp = solveWithHighs(highs, model, { relax: true, iterationLimit: work.left() });
 *   work.charge(lp.iterations);
 */
export interface WorkBudget {
  /** Simplex iterations this budget allows. */
  readonly limit: number;
  /** Iterations charged so far. */
  readonly used: () => number;
  /** Iterations left; never below 0. */
  readonly left: () => number;
  /** Counts iterations a solve took. */
  readonly charge: (iterations: number) => void;
  /** A budget of at most `iterations` (at most what is left), charging this one too. */
  readonly within: (iterations: number) => WorkBudget;
}

const make = (limit: number, parent: WorkBudget | null): WorkBudget => {
  if (!(limit >= 0)) throw new Error(`workBudget: limit must be a number >= 0, got ${limit}`);
  let used = 0;
  const self: WorkBudget = {
    limit,
    used: () => used,
    left: () => Math.max(0, Math.min(limit - used, parent?.left() ?? Infinity)),
    charge: (iterations) => {
      used += iterations;
      parent?.charge(iterations);
    },
    within: (iterations) => make(Math.max(0, Math.min(iterations, self.left())), self),
  };
  return self;
};

export const workBudget = (limit: number): WorkBudget => make(limit, null);
