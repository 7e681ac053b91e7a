/**
 * Typed readers for the cells of one CSV file. Each reader returns the value, or `undefined` after
 * recording one problem that names the file, line, column and the value as written, so a file's
 * every bad cell is listed in a single pass.
 */
import type { CsvRow } from '../csv.ts';
import type { InputProblem } from '../domain.ts';
import { paramsOf, type MessageParams } from '../messageCode.ts';
import type { CodedInputProblem, ImportProblemCode } from './problemCodes.ts';
import { isMonth } from '../forecast/months.ts';

/** Inclusive or exclusive bounds of a numeric cell, and how to say them to a user. */
export interface NumberRange {
  readonly min?: number;
  /** When true, `min` itself is refused (e.g. fte > 0). */
  readonly minExclusive?: boolean;
  readonly max?: number;
  /** Whole numbers only. */
  readonly integer?: boolean;
  /** The message when the value is missing, not a number or out of range, e.g. `must be a whole number >= 0`. */
  readonly message: string;
  /** The problem's code; default `import.number` (its params say min, max, integer, minExclusive, unit). */
  readonly code?: 'import.number' | 'import.latitude' | 'import.longitude';
  /** What the number counts, for a client's own sentence: `days` (working days) or `minutes`. */
  readonly unit?: 'days' | 'minutes';
}

export interface CellReader {
  /**
   * Records a problem on `row` with its English `message`, `code` and `params` (solver/dataset/problemCodes.ts);
   * `column` and `value` are omitted for whole-row problems.
   */
  readonly problem: (
    row: CsvRow,
    column: string | undefined,
    value: string | undefined,
    message: string,
    code: ImportProblemCode,
    params?: MessageParams,
  ) => void;
  /** How many problems this file has so far (to tell whether a row added any). */
  readonly problemCount: () => number;
  /** The cell as written, trimmed and in Unicode NFC (so `có` typed on any system compares equal). */
  readonly raw: (row: CsvRow, column: string) => string;
  /** A non-empty text. */
  readonly text: (row: CsvRow, column: string) => string | undefined;
  readonly number: (row: CsvRow, column: string, range: NumberRange) => number | undefined;
  readonly boolean: (row: CsvRow, column: string) => boolean | undefined;
  readonly oneOf: <T extends string>(row: CsvRow, column: string, allowed: readonly T[]) => T | undefined;
  /** A five-digit statistics-office unit code, kept as text. */
  readonly unitCode: (row: CsvRow, column: string) => string | undefined;
  readonly fieldId: (row: CsvRow, column: string) => string | undefined;
  /** A calendar month `YYYY-MM`. */
  readonly month: (row: CsvRow, column: string) => string | undefined;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** A decimal comma, as Excel writes numbers in a Vietnamese locale (together with `;` separators). */
const DECIMAL_COMMA = /^[+-]?\d+,\d+$/;
const UNIT_CODE = /^\d{5}$/;
const FIELD_ID = /^[a-z][a-z0-9]*(_[a-z0-9]+)*$/;
const NON_ASCII = /[^\x00-\x7f]/;

const TRUE_WORDS = new Set(['true', '1', 'yes', 'có']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'không']);

export const isUnitCode = (value: string): boolean => UNIT_CODE.test(value);
export const isFieldId = (value: string): boolean => FIELD_ID.test(value);

/** Whether `value` is `YYYY-MM` with a month 01 to 12 (one definition: forecast/months.ts). */
export { isMonth };

/** `true`/`false`, also `1`/`0`, `yes`/`no`, `có`/`không`, any case; `undefined` for anything else. */
export const parseBoolean = (value: string): boolean | undefined => {
  const word = value.normalize('NFC').toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
};

/** A decimal number as written in a CSV cell; `undefined` when it is not one. */
export const parseNumber = (value: string, decimalComma: boolean): number | undefined => {
  const text = decimalComma && DECIMAL_COMMA.test(value) ? value.replace(',', '.') : value;
  return NUMBER.test(text) ? Number(text) : undefined;
};

const inRange = (x: number, range: NumberRange): boolean =>
  Number.isFinite(x) &&
  (range.integer !== true || Number.isInteger(x)) &&
  (range.min === undefined || (range.minExclusive === true ? x > range.min : x >= range.min)) &&
  (range.max === undefined || x <= range.max);

/** The parameters of an `import.number` problem: the bounds, whether whole, whether `min` is refused, the unit. */
const numberParams = (range: NumberRange): MessageParams =>
  paramsOf({ min: range.min, max: range.max, integer: range.integer === true ? 1 : 0, minExclusive: range.minExclusive === true ? 1 : 0, unit: range.unit });

/**
 * Makes the cell readers of one file. Problems are appended to `problems`.
 * `decimalComma` also accepts `12,5` for 12.5 (sensible only when the file's separator is `;`).
 */
export const cellReader = (file: string, problems: InputProblem[], decimalComma: boolean): CellReader => {
  const problem: CellReader['problem'] = (row, column, value, message, code, params = {}) => {
    const coded: CodedInputProblem = {
      file,
      line: row.line,
      ...(column === undefined ? {} : { column }),
      ...(value === undefined ? {} : { value }),
      message,
      code,
      params,
    };
    problems.push(coded);
  };
  const raw = (row: CsvRow, column: string): string => {
    const value = (row.cells[column] ?? '').trim();
    // NFC only when needed: most cells are ASCII, and normalizing 10^6 cells costs more than reading them.
    return NON_ASCII.test(value) ? value.normalize('NFC') : value;
  };

  /** Reads a cell, or records `message` (or the message made for the bad value) when `parse` refuses it. */
  const checked = <T>(
    row: CsvRow,
    column: string,
    parse: (value: string) => T | undefined,
    code: ImportProblemCode,
    message: string | ((value: string) => { message: string; params: MessageParams }),
  ): T | undefined => {
    const value = raw(row, column);
    const parsed = parse(value);
    if (parsed === undefined) {
      const said = typeof message === 'string' ? { message, params: {} } : message(value);
      problem(row, column, value, said.message, code, said.params);
    }
    return parsed;
  };

  return {
    problem,
    problemCount: () => problems.length,
    raw,
    text: (row, column) => checked(row, column, (v) => (v === '' ? undefined : v), 'import.empty', 'must not be empty'),
    number: (row, column, range) => {
      const value = raw(row, column);
      const x = parseNumber(value, decimalComma);
      if (x !== undefined && inRange(x, range)) return x;
      problem(row, column, value, range.message, range.code ?? 'import.number', numberParams(range));
      return undefined;
    },
    boolean: (row, column) => checked(row, column, parseBoolean, 'import.boolean', 'must be true or false (also 1/0, yes/no, có/không)'),
    oneOf: <T extends string>(row: CsvRow, column: string, allowed: readonly T[]) =>
      checked(row, column, (v) => allowed.find((a) => a === v), 'import.one_of', () => ({
        message: `must be one of ${allowed.join(', ')}`,
        params: { allowed: allowed.join(', ') },
      })),
    unitCode: (row, column) =>
      checked(row, column, (v) => (isUnitCode(v) ? v : undefined), 'import.unit_code', (v) =>
        /^\d{1,4}$/.test(v)
          ? { message: 'must be a 5-digit unit code (were leading zeros lost by a spreadsheet?)', params: { short: 1 } }
          : { message: 'must be a 5-digit unit code', params: { short: 0 } },
      ),
    fieldId: (row, column) =>
      checked(row, column, (v) => (isFieldId(v) ? v : undefined), 'import.field_id', 'must be a field id in lower snake case, e.g. civil_status'),
    month: (row, column) => checked(row, column, (v) => (isMonth(v) ? v : undefined), 'import.month', 'must be a month as YYYY-MM, e.g. 2025-07'),
  };
};
