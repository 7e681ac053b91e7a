/**
 * The standard normal scores the forecasts' intervals are built and read with, once: the 80% and
 * 95% central intervals end at z = Phi^-1(0.9) and Phi^-1(0.975). Exact to double precision
 * (simple-statistics' probit is an approximation 4e-4 off here: 1.28105 for 1.28155).
 */

/** Phi^-1(0.9): the 80% central interval is mean +- Z80 x sd. */
export const Z80 = 1.2815515655446004;

/** Phi^-1(0.975): the 95% central interval is mean +- Z95 x sd. */
export const Z95 = 1.959963984540054;
