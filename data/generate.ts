/**
 * `npm run data [-- --out DIR] [--seed N]`: writes the embedded Hai Phong dataset (centers.csv,
 * fields.csv, history.csv, staff.csv) from data/sources/haiphong_units.csv. Deterministic: the same
 * seed gives byte-identical files. Defaults: --out data/haiphong, --seed 20250701.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, generateTables } from './gen/generateTables.ts';

const here = dirname(fileURLToPath(import.meta.url));

const option = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

const out = resolve(option('out') ?? join(here, 'haiphong'));
const seedText = option('seed') ?? String(DEFAULT_SEED);
const seed = Number(seedText);
if (!Number.isInteger(seed)) {
  process.stderr.write(`generate: --seed must be an integer, got "${seedText}"\n`);
  process.exit(2);
}
const tables = generateTables(readFileSync(join(here, 'sources', 'haiphong_units.csv'), 'utf8'), seed);
mkdirSync(out, { recursive: true });
for (const [file, text] of Object.entries(tables)) {
  writeFileSync(join(out, file), text);
  process.stdout.write(`${join(out, file)}: ${text.split('\n').length - 2} rows\n`);
}
