/**
 * Builds the app for tests: a fresh temporary data directory and the small valid dataset of
 * test/cases/imports/good (4 centers) instead of the embedded one, so each test starts in ms.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../../api/app.ts';

export const GOOD_DIR = fileURLToPath(new URL('../../cases/imports/good/', import.meta.url));
export const BAD_DIR = fileURLToPath(new URL('../../cases/imports/bad/', import.meta.url));
export const DOSSIER_DIR = fileURLToPath(new URL('../../cases/imports/dossiers/', import.meta.url));

export const tempDataDir = (): string => mkdtempSync(join(tmpdir(), 'planner-api-test-'));

export const testApp = async (options: Partial<AppOptions> = {}): Promise<FastifyInstance> =>
  buildApp({ dataDir: tempDataDir(), mode: 'local', datasetDir: GOOD_DIR, webDir: join(tmpdir(), 'no-web-planner-here'), ...options });

/** The four good tables as the JSON import body expects them. */
export const goodTables = (): Record<'centers' | 'fields' | 'history' | 'staff', { name: string; text: string }> => {
  const file = (table: string) => ({ name: `${table}.csv`, text: readFileSync(join(GOOD_DIR, `${table}.csv`), 'utf8') });
  return { centers: file('centers'), fields: file('fields'), history: file('history'), staff: file('staff') };
};

export const json = (body: string): unknown => JSON.parse(body);
