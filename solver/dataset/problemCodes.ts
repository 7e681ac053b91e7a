/**
 * The codes of import problems (see solver/messageCode.ts): every problem the loaders report carries
 * one, with its parameters, next to the English `message`. The `file`, `line`, `column` and `value`
 * of the problem itself are not repeated in `params`.
 *
 * | code | params | English message |
 * |---|---|---|
 * | import.file_empty | | the file is empty |
 * | import.not_csv | detail | not readable as CSV: {detail} |
 * | import.column_twice | column | column "{column}" appears twice in the header |
 * | import.missing_column | column | missing column "{column}" |
 * | import.cell_count | expected, found | expected {expected} cells, found {found} |
 * | import.no_rows | | the file has a header but no data rows |
 * | import.unknown_column (a warning) | column | unknown column "{column}" is ignored |
 * | import.empty | | must not be empty |
 * | import.number | min?, max?, integer (0/1), minExclusive (0/1), unit? (days, minutes) | must be a whole number >= 0, ... |
 * | import.latitude, import.longitude | min, max (degrees) | must be a latitude in Vietnam, between 8 and 24 |
 * | import.boolean | | must be true or false (also 1/0, yes/no, có/không) |
 * | import.one_of | allowed (comma separated) | must be one of direct, online |
 * | import.unit_code | short (1 when 1-4 digits: leading zeros lost) | must be a 5-digit unit code |
 * | import.field_id | | must be a field id in lower snake case |
 * | import.month | | must be a month as YYYY-MM |
 * | import.date | | must be a real date as YYYY-MM-DD or DD/MM/YYYY |
 * | import.duplicate | what (center_code, field, history_row, staff_id, dossier_id), firstLine | duplicate ...: first on line {firstLine} |
 * | import.unknown_center, import.unknown_field | | unknown center code / field id |
 * | import.resolved_over_received | resolved | resolved more than received: ... = {resolved} |
 * | import.counts_unbalanced | sum, received | ... = {sum}, must equal received {received} |
 * | import.no_outcomes (a warning) | | no outcome columns (...): ... the official norms are used |
 * | import.outcomes_blank (a warning) | rows | outcome cells blank on {rows} rows (first on line ...): ... left out of the model check ... |
 * | import.no_fields | | must list at least one field id, separated by ; |
 * | import.field_twice | | field listed twice |
 * | import.before_received | received (YYYY-MM-DD) | is before the received_date {received} |
 * | import.after_export | asOf (YYYY-MM-DD) | is after the export date {asOf} |
 * | import.before_history | first (YYYY-MM) | is before the history's first month {first} |
 * | import.more_problems | count | and {count} more problems not listed |
 * | import.workbook_unreadable | detail | not a readable .xlsx workbook: {detail} |
 * | import.workbook_encrypted | | the workbook is password-protected: ... |
 * | import.workbook_macros | | the workbook contains macros: ... |
 * | import.sheet_empty | | the sheet is empty |
 * | import.sheet_missing | table, sheet | no sheet for the table {table}: ... |
 * | import.merged_header | range | merged header cells {range}: ... |
 * | import.formula (a warning) | cells, formula | {cells} cells hold formulas (first ... {formula}): their values as last calculated are used |
 * | import.formula_no_value | formula | formula {formula} has no calculated value: ... |
 */
import type { InputProblem } from '../domain.ts';
import type { Coded } from '../messageCode.ts';

export type ImportProblemCode =
  | 'import.file_empty'
  | 'import.not_csv'
  | 'import.column_twice'
  | 'import.missing_column'
  | 'import.cell_count'
  | 'import.no_rows'
  | 'import.unknown_column'
  | 'import.empty'
  | 'import.number'
  | 'import.latitude'
  | 'import.longitude'
  | 'import.boolean'
  | 'import.one_of'
  | 'import.unit_code'
  | 'import.field_id'
  | 'import.month'
  | 'import.date'
  | 'import.duplicate'
  | 'import.unknown_center'
  | 'import.unknown_field'
  | 'import.resolved_over_received'
  | 'import.counts_unbalanced'
  | 'import.no_outcomes'
  | 'import.outcomes_blank'
  | 'import.no_fields'
  | 'import.field_twice'
  | 'import.before_received'
  | 'import.after_export'
  | 'import.before_history'
  | 'import.more_problems'
  | 'import.workbook_unreadable'
  | 'import.workbook_encrypted'
  | 'import.workbook_macros'
  | 'import.sheet_empty'
  | 'import.sheet_missing'
  | 'import.merged_header'
  | 'import.formula'
  | 'import.formula_no_value';

/** An import problem with its code: what every loader in solver/dataset reports. */
export type CodedInputProblem = InputProblem & Coded<ImportProblemCode>;

/** The problem's code and parameters, when it has them (problems made outside the loaders may not). */
export const codeOfProblem = (p: InputProblem): Coded<ImportProblemCode> | undefined => {
  const { code, params } = p as Partial<CodedInputProblem>;
  return code === undefined ? undefined : { code, params: params ?? {} };
};

/**
 * Codes the problems of solver/csv.ts's `readCsv` (which writes the English only) by their sentence.
 * A sentence not recognized keeps no code, so a client shows its English text.
 */
export const codeCsvProblem = (p: InputProblem): InputProblem | CodedInputProblem => {
  const m = p.message;
  const coded = (code: ImportProblemCode, params: Coded['params'] = {}): CodedInputProblem => ({ ...p, code, params });
  if (m === 'the file is empty') return coded('import.file_empty');
  let match = /^not readable as CSV: (.*)$/s.exec(m);
  if (match) return coded('import.not_csv', { detail: match[1] ?? '' });
  match = /^column "(.*)" appears twice in the header$/.exec(m);
  if (match) return coded('import.column_twice', { column: match[1] ?? '' });
  match = /^missing column "(.*)"$/.exec(m);
  if (match) return coded('import.missing_column', { column: match[1] ?? '' });
  match = /^expected (\d+) cells, found (\d+)$/.exec(m);
  if (match) return coded('import.cell_count', { expected: Number(match[1]), found: Number(match[2]) });
  return p;
};
