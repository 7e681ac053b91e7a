/**
 * The answers of today's single-month model asked of a scenario over several months. The trade-off
 * curve (tradeoffCurve.ts) and the LP export solve or write one month's model: given a horizon of
 * 12 they would answer for its first month only, a silent single-month answer to a year question.
 * Each refuses a horizon above 1 with this problem, named on the lever and saying what to do.
 */

export type SingleMonthAnswer = 'trade-off curve' | 'LP export';

export interface SingleMonthProblem {
  /** The lever, `horizon`. */
  readonly field: 'horizon';
  readonly value: number;
  readonly message: string;
}

const instead: Readonly<Record<SingleMonthAnswer, string>> = {
  'trade-off curve': 'ask the curve of one month (horizon 1, the month in period), or solve the plan over the months and read its schedule',
  'LP export': 'export the model of a plan of one month (horizon 1); the plan over several months is not one model (solver/horizon)',
};

/** Null when the scenario plans one month; else why `answer` cannot be given for it. */
export const singleMonthOnly = (horizon: number, answer: SingleMonthAnswer): SingleMonthProblem | null =>
  horizon <= 1
    ? null
    : { field: 'horizon', value: horizon, message: `must be 1 for the ${answer}, which is of today's single-month model (this scenario plans ${horizon} months): ${instead[answer]}` };
