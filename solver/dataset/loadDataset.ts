/**
 * Loads and validates the four tables of a dataset from their text. All or nothing: any problem in
 * any file means no dataset, and every problem of every file is listed (up to `PROBLEM_LIMIT`).
 * The same function reads the embedded Hai Phong tables and a user's own.
 */
import type { Dataset, InputProblem, LoadResult } from '../domain.ts';
import { parseCenters } from './parseCenters.ts';
import { parseFields } from './parseFields.ts';
import { parseHistory } from './parseHistory.ts';
import { parseStaff } from './parseStaff.ts';
import type { CodedInputProblem } from './problemCodes.ts';
import type { DatasetSources } from './types.ts';

/** Most problems listed; beyond it one last problem says how many more there were. */
export const PROBLEM_LIMIT = 1000;

/** Keeps the first `limit` problems and sums up the rest in one final problem naming their files. */
export const capProblems = (problems: readonly InputProblem[], limit: number = PROBLEM_LIMIT): readonly InputProblem[] => {
  if (problems.length <= limit) return problems;
  const rest = problems.slice(limit);
  const files = [...new Set(rest.map((p) => p.file))].join(', ');
  const more: CodedInputProblem = { file: files, message: `and ${rest.length} more problems not listed`, code: 'import.more_problems', params: { count: rest.length } };
  return [...problems.slice(0, limit), more];
};

/**
 * Reads centers and fields first, then history and staff, checking their center codes and field ids
 * against the first two (references are not checked against a file that could not be read at all).
 * Problems come in file order (centers, fields, history, staff), then line order.
 */
export const loadDataset = (files: DatasetSources): LoadResult<Dataset> => {
  const centers = parseCenters(files.centers);
  const fields = parseFields(files.fields);
  const known = {
    ...(centers.keys === undefined ? {} : { centers: centers.keys }),
    ...(fields.keys === undefined ? {} : { fields: fields.keys }),
  };
  const history = parseHistory(files.history, known);
  const firstMonth = history.rows.reduce<string | undefined>((m, r) => (m === undefined || r.month < m ? r.month : m), undefined);
  const staff = parseStaff(files.staff, { ...known, ...(firstMonth === undefined ? {} : { firstMonth }) });
  const tables = [centers, fields, history, staff];
  const problems = tables.flatMap((t) => t.problems);
  if (problems.length > 0) return { ok: false, problems: capProblems(problems) };
  return {
    ok: true,
    value: { centers: centers.rows, fields: fields.rows, history: history.rows, staff: staff.rows },
    warnings: tables.flatMap((t) => t.warnings),
  };
};
