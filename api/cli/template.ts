/**
 * Writes the template workbooks: one per table (centers, fields, history, staff, and the
 * dossier-level export), Vietnamese headings with a note row, drop-down lists of the center codes
 * and field ids of a dataset (default: the embedded Hai Phong one).
 *
 *   npm run template                      # into ./templates
 *   npm run template -- --out DIR [--data DIR]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatProblem } from '../../solver/csv.ts';
import { WORKBOOK_TABLES } from '../../solver/dataset/tableHeadings.ts';
import { DEFAULT_DATASET_DIR, loadDatasetDir } from '../dataset-files.ts';
import { templateWorkbook, templateFileName } from '../workbook/templateWorkbook.ts';
import { endParse, parseCommandLine } from './commandLine.ts';

const TEXT = {
  usage: 'usage: npm run template -- [--out DIR] [--data DIR]',
  help: `Writes one template workbook per table (centers, fields, history, staff, dossiers) into DIR:
Vietnamese headings in row 1 (the documented column names are read as well), a note row under
them (unit and allowed values), data from row 3, and drop-down lists of the center codes and
field ids of --data on the columns that take them. Fill one in and import it on the Data screen
or check it with npm run check-data -- FILE.xlsx.

  --out DIR     where the workbooks go (default: ./templates)
  --data DIR    the dataset whose codes the lists offer (default: the embedded Hai Phong data)

Exit codes: 0 written, 1 the dataset does not load, 2 bad options.`,
};

const main = async (): Promise<number> => {
  const parsed = parseCommandLine(process.argv.slice(2), { out: { type: 'string' }, data: { type: 'string' } }, TEXT);
  if (!parsed.ok) return endParse(parsed);
  const out = parsed.values.out ?? 'templates';
  const loaded = await loadDatasetDir(parsed.values.data ?? DEFAULT_DATASET_DIR);
  if (!loaded.ok) {
    for (const p of loaded.problems) console.log(formatProblem(p));
    return 1;
  }
  await mkdir(out, { recursive: true });
  for (const table of WORKBOOK_TABLES) {
    const path = join(out, templateFileName(table));
    await writeFile(path, await templateWorkbook(table, loaded.value));
    console.log(`wrote ${path}`);
  }
  return 0;
};

process.exitCode = await main();
