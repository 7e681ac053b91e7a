/** Reading the named import fixtures of test/cases/imports (test helper, not a test file). */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DatasetFiles, NamedText } from '../../../solver/dataset/types.ts';

export const IMPORTS_DIR = fileURLToPath(new URL('../../cases/imports/', import.meta.url));

/** A fixture file as named text, reported under its own base name. */
export const fixture = (path: string): NamedText => ({
  name: path.split('/').at(-1) ?? path,
  text: readFileSync(IMPORTS_DIR + path, 'utf-8'),
});

export const TABLES = ['centers', 'fields', 'history', 'staff'] as const;
export type Table = (typeof TABLES)[number];

/** The four tables of one fixture directory (`good`, `good-excel`). */
export const fixtureDataset = (dir: string): DatasetFiles => ({
  centers: fixture(`${dir}/centers.csv`),
  fields: fixture(`${dir}/fields.csv`),
  history: fixture(`${dir}/history.csv`),
  staff: fixture(`${dir}/staff.csv`),
});
