/**
 * Checks a dataset directory, or turns a per-dossier export into the monthly history table.
 *
 *   npm run check-data                       # the embedded dataset, data/haiphong
 *   npm run check-data -- DIR                # a user's dataset: centers.csv, fields.csv, history.csv, staff.csv
 *   npm run check-data -- --dossiers FILE.csv [--out history.csv] [--data DIR] [--as-of YYYY-MM-DD]
 *
 * Prints one line per problem (`file:line column C value "V": message`) and exits 1 on any problem;
 * otherwise prints what was loaded and exits 0. Warnings go to stderr. With --dossiers, center codes
 * and field ids are checked against the centers and fields tables of --data (default: embedded);
 * without --out the history table is written to stdout.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { formatProblem, writeCsv } from '../../solver/csv.ts';
import type { InputProblem } from '../../solver/domain.ts';
import { aggregateDossiers } from '../../solver/dataset/aggregateDossiers.ts';
import { historyCells } from '../../solver/dataset/datasetToCsv.ts';
import { parseDate } from '../../solver/dataset/parseDate.ts';
import { parseCenters } from '../../solver/dataset/parseCenters.ts';
import { parseFields } from '../../solver/dataset/parseFields.ts';
import { HISTORY_COLUMNS } from '../../solver/dataset/parseHistory.ts';
import { DATASET_FILE_NAMES, DEFAULT_DATASET_DIR, loadDatasetDir, readNamedText } from '../dataset-files.ts';
import { endParse, parseCommandLine } from './commandLine.ts';

const TEXT = {
  usage: 'usage: npm run check-data -- [DIR] | --dossiers FILE.csv [--out history.csv] [--data DIR] [--as-of YYYY-MM-DD]',
  help: `Checks a city's four tables, or turns a one-stop-shop export (one row per dossier) into the monthly
history table, with every problem named by file, line, column and value; nothing is loaded when any
problem is found.

  DIR                    a directory with centers.csv, fields.csv, history.csv, staff.csv
                         (default: the embedded Hai Phong data); the columns are in data/README.md
  --dossiers FILE.csv    one row per dossier: dossier_id, center_code, field, channel,
                         received_date, due_date, finished_date (dates YYYY-MM-DD or DD/MM/YYYY)
  --out FILE             where the history table goes (default: standard output)
  --data DIR             the centers and fields the dossiers are checked against (default: embedded)
  --as-of YYYY-MM-DD     the export's date: dossiers finished after it count as pending

Files may be UTF-8 with or without BOM, separated by "," or ";" (Excel in a Vietnamese locale).
Exit codes: 0 valid, 1 problems found (one line each), 2 bad options.`,
};

/** Prints every problem and the total (the capped list ends with "and N more problems not listed"). */
const fail = (problems: readonly InputProblem[]): number => {
  for (const p of problems) console.log(formatProblem(p));
  const more = /^and (\d+) more problems not listed$/.exec(problems.at(-1)?.message ?? '');
  const total = more === null ? problems.length : problems.length - 1 + Number(more[1]);
  console.log(`${total} problem${total === 1 ? '' : 's'} found; nothing was loaded.`);
  return 1;
};

const warn = (warnings: readonly InputProblem[]): void => {
  for (const w of warnings) console.error(`warning: ${formatProblem(w)}`);
};

const checkDir = async (dir: string): Promise<number> => {
  const loaded = await loadDatasetDir(dir);
  if (!loaded.ok) return fail(loaded.problems);
  warn(loaded.warnings);
  const { centers, fields, history, staff } = loaded.value;
  console.log(
    `OK: ${centers.length} centers, ${fields.length} fields, ${history.length} history rows, ` +
      `${staff.length} civil servants (hash ${loaded.hash ?? '?'})`,
  );
  return 0;
};

const importDossiers = async (dossiers: string, dataDir: string, out: string | undefined, asOf: string | undefined): Promise<number> => {
  const [centersText, fieldsText, dossierText] = await Promise.all([
    readNamedText(join(dataDir, DATASET_FILE_NAMES.centers)),
    readNamedText(join(dataDir, DATASET_FILE_NAMES.fields)),
    readNamedText(dossiers),
  ]);
  const readProblems = [centersText, fieldsText, dossierText].flatMap((r) => (r.ok ? [] : r.problems));
  if (!centersText.ok || !fieldsText.ok || !dossierText.ok) return fail(readProblems);
  const centers = parseCenters(centersText.value);
  const fields = parseFields(fieldsText.value);
  if (centers.problems.length + fields.problems.length > 0) return fail([...centers.problems, ...fields.problems]);
  const known = { centers: new Set(centers.rows.map((c) => c.code)), fields: new Set(fields.rows.map((f) => f.field)) };
  const result = aggregateDossiers(dossierText.value, known, asOf === undefined ? {} : { asOf });
  if (!result.ok) return fail(result.problems);
  warn(result.warnings);
  const csv = writeCsv(HISTORY_COLUMNS, result.value.map(historyCells));
  const count = result.value.reduce((sum, row) => sum + row.received, 0);
  if (out === undefined) process.stdout.write(csv);
  else await writeFile(out, csv);
  console.error(`OK: ${count} dossiers -> ${result.value.length} history rows${out === undefined ? '' : ` written to ${out}`}`);
  return 0;
};

const main = async (): Promise<number> => {
  const parsed = parseCommandLine(process.argv.slice(2), {
    dossiers: { type: 'string' },
    out: { type: 'string' },
    data: { type: 'string' },
    'as-of': { type: 'string' },
  }, TEXT, true);
  if (!parsed.ok) return endParse(parsed);
  const { values, positionals } = parsed;
  if (values.dossiers !== undefined) {
    const asOf = values['as-of'];
    if (asOf !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || parseDate(asOf) === undefined)) {
      console.log(`--as-of must be a date as YYYY-MM-DD, got "${asOf}"`);
      return 2;
    }
    return importDossiers(values.dossiers, values.data ?? positionals[0] ?? DEFAULT_DATASET_DIR, values.out, asOf);
  }
  return checkDir(positionals[0] ?? DEFAULT_DATASET_DIR);
};

process.exitCode = await main();
