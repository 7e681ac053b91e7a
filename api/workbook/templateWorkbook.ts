/**
 * The template workbook of one table: its sheet with Vietnamese headings and the note row, no
 * data, and drop-down lists of the dataset's center codes and field ids (writeTableWorkbook.ts).
 * The same bytes for `npm run template` and the Data screen's download (GET /templates/:table).
 */
import type { Dataset } from '../../solver/domain.ts';
import type { WorkbookTable } from '../../solver/dataset/tableHeadings.ts';
import { writeTableWorkbook } from './writeTableWorkbook.ts';

export const templateFileName = (table: WorkbookTable): string => `${table}.xlsx`;

export const templateWorkbook = (table: WorkbookTable, dataset: Pick<Dataset, 'centers' | 'fields'>): Promise<Buffer> =>
  writeTableWorkbook([{ table, rows: [] }], { centerCodes: dataset.centers.map((c) => c.code), fieldIds: dataset.fields.map((f) => f.field) });
