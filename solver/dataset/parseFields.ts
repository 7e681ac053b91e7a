/**
 * Reads `fields.csv`: the procedure fields with their handling norms and statutory limits.
 */
import type { Field } from '../domain.ts';
import { duplicateChecker, readTable } from './readTable.ts';
import type { TableResult, TableSource } from './types.ts';

export const FIELD_COLUMNS = [
  'field',
  'name_vi',
  'name_en',
  'time_limit_days',
  'min_direct',
  'min_online',
  'min_processing',
  'priority',
] as const;

const DAYS = { min: 0, integer: true, unit: 'days', message: 'must be a whole number of working days >= 0' } as const;
const MINUTES = { min: 0, unit: 'minutes', message: 'must be a number of minutes >= 0' } as const;
const PRIORITY = { min: 0, minExclusive: true, message: 'must be a number > 0' } as const;

export const parseFields = (file: TableSource): TableResult<Field> => {
  const table = readTable(file, FIELD_COLUMNS);
  if (!table.ok) return { rows: [], problems: table.problems, warnings: [] };
  const { cells, problems } = table;
  const duplicate = duplicateChecker(cells, 'field id', 'field');
  const keys = new Set<string>();
  const rows: Field[] = [];
  for (const row of table.rows) {
    const before = problems.length;
    const id = cells.fieldId(row, 'field');
    if (id !== undefined) keys.add(id);
    duplicate(row, id, 'field');
    const field = {
      field: id,
      nameVi: cells.text(row, 'name_vi'),
      nameEn: cells.text(row, 'name_en'),
      timeLimitDays: cells.number(row, 'time_limit_days', DAYS),
      minDirect: cells.number(row, 'min_direct', MINUTES),
      minOnline: cells.number(row, 'min_online', MINUTES),
      minProcessing: cells.number(row, 'min_processing', MINUTES),
      priority: cells.number(row, 'priority', PRIORITY),
    };
    if (problems.length === before) rows.push(field as Field);
  }
  return { rows, problems, warnings: table.warnings, keys };
};
