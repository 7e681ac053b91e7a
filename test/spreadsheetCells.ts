/** What a spreadsheet does with a CSV cell (test helper, not a test file). */
import { parse } from 'csv-parse/sync';

/** Text a spreadsheet reads as a number (it evaluates to itself: no injection). */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** Whether a spreadsheet opening the file would evaluate this raw cell: a formula start (OWASP's list) that is not a plain number. */
export const spreadsheetEvaluates = (cell: string): boolean => /^[=+\-@\t\r]/.test(cell) && !NUMBER.test(cell);

/** Every cell of CSV text as a spreadsheet reads it: the full grammar, cells untrimmed, a BOM dropped. */
export const rawCells = (text: string): string[][] => parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true }) as string[][];

/** The cells of `text` a spreadsheet would evaluate as formulas (none, in a safe file). */
export const evaluatedCells = (text: string): string[] => rawCells(text).flat().filter(spreadsheetEvaluates);
