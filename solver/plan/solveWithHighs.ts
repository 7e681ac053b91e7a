/**
 * Solves a LinearModel with HiGHS (WebAssembly). The caller loads HiGHS once and passes it in:
 * `const highs = await (await import('highs')).default()`; loading costs ~100 ms, a model far less.
 */
import type { Basis, BasisInput, Highs, ModelData } from 'highs';
import type { Deadline } from './deadline.ts';
import type { LinearModel } from './linearModel.ts';

/**
 * `work_limit`: stopped by `iterationLimit` (deterministic: the same model and options stop at the
 * same point on any machine); `time_limit`: stopped by the clock (the deadline or `timeLimitSeconds`).
 */
export type SolveStatus = 'optimal' | 'time_limit' | 'work_limit' | 'infeasible' | 'unbounded' | 'error';

export interface SolveOptions {
  /** Seconds before HiGHS stops and returns its best solution. Default 10 without a deadline. */
  readonly timeLimitSeconds?: number;
  /**
   * The solve's deadline: HiGHS gets at most what is left of it once the model is loaded (and is not
   * run when nothing is), and its run time is charged to it.
   */
  readonly deadline?: Deadline;
  /** MIP relative gap at which HiGHS stops. Default 0.002 (0.2%). */
  readonly relativeGap?: number;
  /** Solve the LP relaxation (integrality ignored). Default false. */
  readonly relax?: boolean;
  /**
   * A starting point for the MIP (e.g. today's assignment): values of some integer columns; HiGHS
   * completes the rest by an LP and keeps it as the first incumbent when feasible.
   */
  readonly start?: { readonly indices: readonly number[]; readonly values: readonly number[] } | Float64Array;
  /**
   * Use the primal simplex (default: HiGHS's choice, the dual). On the transfer-potential LP, a
   * transportation problem with seats and every cost -1, measured 3.0 s against 35.5 s for the dual
   * (70,112 columns, embedded Hai Phong data).
   */
  readonly primalSimplex?: boolean;
  /**
   * Most work, in simplex iterations (a deterministic measure): an LP stops at HiGHS's
   * `simplex_iteration_limit`; a MIP is interrupted at the first progress report after its work
   * (its LP iterations, plus MIP_REPORT_WORK per progress report) reaches it. Default none.
   */
  readonly iterationLimit?: number;
  /** An LP's starting basis (e.g. the last round's, mapBasis.ts); ignored for a MIP. */
  readonly basis?: BasisInput;
}

export interface SolveOutcome {
  readonly status: SolveStatus;
  /** Column values; present when a (possibly time-limited) solution exists. */
  readonly x: Float64Array | null;
  /** Row duals (LP only): d objective / d row bound. */
  readonly rowDual: Float64Array | null;
  /** Reduced costs (LP only): c_j - a_j . rowDual. */
  readonly colDual: Float64Array | null;
  readonly objective: number | null;
  /** Proven lower bound on this model's optimum (MIP dual bound; LP objective when optimal). */
  readonly bound: number | null;
  readonly seconds: number;
  /**
   * Work the solve did: its simplex iterations (every LP of a MIP included), plus MIP_REPORT_WORK
   * per progress report of a MIP; what a work budget is charged.
   */
  readonly iterations: number;
  /** An LP's final basis, when it ended optimal (to warm-start the next LP of a column generation). */
  readonly basis?: Basis;
}

/** Converts to HiGHS's structured input (CSR rows, names kept for export). */
export const toHighsModelData = (highs: Highs, model: LinearModel, relax = false, named = false): ModelData => {
  const starts: number[] = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of model.rows) {
    indices.push(...row.cols);
    values.push(...row.vals);
    starts.push(indices.length);
  }
  const bound = (v: number): number => (v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v);
  const anyInteger = !relax && model.columns.some((c) => c.integer);
  return {
    numCols: model.columns.length,
    numRows: model.rows.length,
    sense: highs.constants.objectiveSense.minimize,
    colCost: model.columns.map((c) => c.cost),
    colLower: model.columns.map((c) => bound(c.lower)),
    colUpper: model.columns.map((c) => bound(c.upper)),
    rowLower: model.rows.map((r) => bound(r.lower)),
    rowUpper: model.rows.map((r) => bound(r.upper)),
    matrix: {
      format: 'csr',
      numRows: model.rows.length,
      numCols: model.columns.length,
      starts: Int32Array.from(starts),
      indices: Int32Array.from(indices),
      values: Float64Array.from(values),
    },
    ...(anyInteger ? { integrality: model.columns.map((c) => (c.integer ? 1 : 0)) } : {}),
    // Names cost HiGHS ~1 s per 6,000 columns to load: only the export needs them.
    ...(named ? { colNames: model.columns.map((c) => c.name), rowNames: model.rows.map((r) => r.name) } : {}),
  };
};

/**
 * HiGHS writes short section keywords (`st`, `bin`, `gen`, an empty `semi`); CBC 2.10's LP reader
 * takes `bin` and `gen` for variable names and would drop integrality. The long CPLEX keywords are
 * read by every LP-format reader.
 */
const LONG_KEYWORDS: Readonly<Record<string, string>> = {
  min: 'Minimize',
  st: 'Subject To',
  bounds: 'Bounds',
  bin: 'Binaries',
  gen: 'Generals',
  end: 'End',
};

/** The exact model in CPLEX LP format (long section keywords), readable by CBC, GLPK, SCIP, Gurobi. */
export const exportLp = (highs: Highs, model: LinearModel): string => {
  const text = highs.withModel(toHighsModelData(highs, model, false, true), (m) => m.exportModel('lp'));
  const lines = text.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    const key = line.trim();
    if (key === 'semi' && (lines[i + 1] ?? '').trim() === 'end') continue;
    out.push(LONG_KEYWORDS[key] !== undefined && line === key ? (LONG_KEYWORDS[key] as string) : line);
  }
  return out.join('\n');
};

/**
 * Work charged per progress report of a MIP. Most of a MIP's time goes outside its LP iterations
 * (presolve, cut rounds, heuristics): on a generated 30-center city (2,087 columns) HiGHS reported
 * 63 times in 20 s with 11,149 LP iterations, and the root's cut rounds between two reports took
 * about 0.13 s, what ~1,600 iterations of our LPs take (12,600 per second on Hai Phong's); charged
 * 1,000, since a MIP stopped sooner rarely improves on the start it was given.
 */
export const MIP_REPORT_WORK = 1000;

/** The outcome of a solve the deadline left no time for. */
const outOfTime: SolveOutcome = { status: 'time_limit', x: null, rowDual: null, colDual: null, objective: null, bound: null, seconds: 0, iterations: 0 };

/** Runs HiGHS on `model`; expected outcomes (infeasible, time limit) are values, not exceptions. */
export const solveWithHighs = (highs: Highs, model: LinearModel, options: SolveOptions = {}): SolveOutcome => {
  const { deadline } = options;
  const relax = options.relax ?? false;
  const isMip = !relax && model.columns.some((c) => c.integer);
  if (deadline?.passed()) return outOfTime;
  const m = highs.createModel(toHighsModelData(highs, model, relax));
  try {
    // Asked after loading: converting and loading a large model takes time of its own.
    const limit = Math.min(options.timeLimitSeconds ?? (deadline ? Infinity : 10), deadline?.left() ?? Infinity);
    if (limit <= 0) return outOfTime;
    m.options.set({
      output_flag: false,
      ...(Number.isFinite(limit) ? { time_limit: limit } : {}),
      mip_rel_gap: options.relativeGap ?? 0.002,
      random_seed: 0,
      ...(options.primalSimplex === true ? { simplex_strategy: 4 } : {}),
      ...(options.iterationLimit !== undefined && !isMip ? { simplex_iteration_limit: Math.max(0, Math.floor(options.iterationLimit)) } : {}),
    });
    if (!isMip && options.basis !== undefined) m.setBasis(options.basis);
    const start = options.start;
    if (isMip && start instanceof Float64Array) m.setSolution({ colValue: start });
    else if (isMip && start && 'indices' in start && start.indices.length > 0) {
      m.setSolution({ indices: Int32Array.from(start.indices), values: Float64Array.from(start.values) });
    }
    const iterationLimit = options.iterationLimit;
    let interrupted = false;
    let reports = 0;
    // HiGHS calls this at fixed points of its search: stopping here is as deterministic as the search.
    const stopAtWork = (event: { readonly data: { readonly mip_total_lp_iterations?: bigint }; interrupt: () => void }): undefined => {
      reports += 1;
      if (iterationLimit !== undefined && Number(event.data.mip_total_lp_iterations ?? 0n) + MIP_REPORT_WORK * reports >= iterationLimit) {
        interrupted = true;
        event.interrupt();
      }
      return undefined;
    };
    m.run(isMip && iterationLimit !== undefined ? { [highs.constants.callbackType.mipInterrupt]: stopAtWork } : undefined);
    deadline?.charge(m.getRunTime());
    const code = m.getModelStatus();
    const s = highs.constants.modelStatus;
    const status: SolveStatus =
      code === s.optimal || code === s.empty
        ? 'optimal'
        : code === s.infeasible
          ? 'infeasible'
          : code === s.unbounded || code === s.unboundedOrInfeasible
            ? 'unbounded'
            : code === s.iterationLimit || (code === s.interrupted && interrupted)
              ? 'work_limit'
              : code === s.timeLimit || code === s.interrupted || code === s.solutionLimit
                ? 'time_limit'
                : 'error';
    const primalStatus = Number(m.info.get('primal_solution_status'));
    const hasSolution = status === 'optimal' || ((status === 'time_limit' || status === 'work_limit') && primalStatus === 2);
    const solution = hasSolution ? m.getSolution() : null;
    const objective = hasSolution ? m.getObjectiveValue() : null;
    const bound = isMip
      ? Number(m.info.get('mip_dual_bound'))
      : status === 'optimal'
        ? objective
        : null;
    return {
      status,
      x: solution ? Float64Array.from(solution.colValue) : null,
      rowDual: solution && !isMip ? Float64Array.from(solution.rowDual) : null,
      colDual: solution && !isMip ? Float64Array.from(solution.colDual) : null,
      objective,
      bound: bound !== null && Number.isFinite(bound) ? bound : null,
      seconds: m.getRunTime(),
      iterations: Number(m.info.get('simplex_iteration_count')) + MIP_REPORT_WORK * reports,
      ...(!isMip && status === 'optimal' ? { basis: m.getBasis() } : {}),
    };
  } finally {
    m.dispose();
  }
};
