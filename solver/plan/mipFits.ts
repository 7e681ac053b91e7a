/**
 * Whether a MIP may start in the time left. HiGHS's MIP presolve looks at the clock only between its
 * passes, and one pass can outlast a short limit: on the generated 114-center city (15,000 columns)
 * it ran 0.8-1.0 s past a 0.5 s limit. Its time is judged from an LP solved on the same instance:
 * MIP presolve took 0.4-0.6 times a cold LP of the same model with HiGHS compiled up front (the
 * server's workers), 2-2.5 times with V8's lazy baseline tier (tests, the plan command), so a MIP
 * starts only with MIP_PRESOLVE_LPS such LP times left, scaled by its columns, and at least
 * MIP_MIN_SECONDS.
 */

/** Fewest seconds worth giving a MIP: less rarely improves the incumbent. */
export const MIP_MIN_SECONDS = 0.5;
/** LP times (of a model of the MIP's size) a MIP needs left before it starts. */
export const MIP_PRESOLVE_LPS = 3;

/** An LP solved on this instance: its seconds (by the deadline's measure) and its columns. */
export interface LpTiming {
  readonly seconds: number;
  readonly columns: number;
}

export const mipFits = (secondsLeft: number, columns: number, lp: LpTiming | null): boolean => {
  const presolve = lp === null || lp.columns <= 0 ? 0 : (MIP_PRESOLVE_LPS * lp.seconds * columns) / lp.columns;
  return secondsLeft > Math.max(MIP_MIN_SECONDS, presolve);
};
