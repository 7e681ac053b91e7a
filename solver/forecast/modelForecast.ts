/**
 * What every forecasting method returns and receives, so that methods, combinations and the
 * backtest can treat them alike.
 */

/** Point forecasts and their model-based standard deviations, one per step ahead (1..h). */
export interface ModelForecast {
  readonly mean: Float64Array;
  readonly sd: Float64Array;
}

/**
 * What a method may use besides the series. Positions are absolute: position 0 is `y[0]`, and the
 * arrays below cover at least the training data and the horizon (a backtest passes a prefix of
 * the series with the same context).
 */
export interface MethodContext {
  /** Seasonal period (12 for monthly data; 1 = none). */
  readonly period: number;
  /**
   * Multiplicative seasonal indices given from outside (pooled over related series), by phase:
   * `season[t % period]` applies at position t. Absent when none were given.
   */
  readonly season?: Float64Array;
  /** Working days of the month at each position; absent without a calendar. */
  readonly workingDays?: Float64Array;
  /** 1 where the month holds the Tet break, else 0; absent without a calendar. */
  readonly tet?: Float64Array;
  /** Bound on Nelder-Mead evaluations per fit (speed vs fit); default per method. */
  readonly maxEvaluations?: number;
  /**
   * Parameters of each method's latest fit on this series, by method; a method fitted again (at a
   * later backtest origin, or on all the data) starts from them. Written by the methods.
   */
  readonly warmStart?: Map<string, readonly number[]>;
}

/** A forecasting method: fits on `y` (all of it) and forecasts `h` steps ahead. */
export type ForecastMethod = (y: Float64Array, h: number, context: MethodContext) => ModelForecast;
