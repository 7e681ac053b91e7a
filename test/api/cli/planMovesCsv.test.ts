/**
 * `npm run plan` writes moves.csv through writeCsv: civil servants named like formulas reach the
 * file as text a spreadsheet shows, never evaluates. A month of the history is planned, so the
 * command needs no forecast (and writes no forecast cache).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluatedCells, rawCells } from '../../spreadsheetCells.ts';
import { HOSTILE_NAMES, hostileNamesDir } from '../server/testApp.ts';

const root = join(import.meta.dirname, '../../..');

describe('npm run plan: moves.csv', () => {
  it('has no cell a spreadsheet would evaluate when the movers\' names are formulas, and its distances stay plain numbers', () => {
    const out = mkdtempSync(join(tmpdir(), 'plan-moves-'));
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'api/cli/plan.ts', '--data', hostileNamesDir(), '--period', '2026-06', '--max-transfers', '4', '--max-commute-km', '30', '--time-limit', '5', '--out', out], { cwd: root, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    const text = readFileSync(join(out, 'moves.csv'), 'utf8');
    const [header, ...rows] = rawCells(text);
    expect(rows.length).toBeGreaterThan(0);
    const name = header?.indexOf('name') ?? -1;
    expect(rows.every((r) => HOSTILE_NAMES.includes((r[name] ?? '').slice(1) as (typeof HOSTILE_NAMES)[number]))).toBe(true);
    expect(evaluatedCells(text)).toEqual([]);
    const km = header?.indexOf('home_km') ?? -1;
    for (const row of rows) expect(row[km]).toMatch(/^\d+\.\d$/);
  }, 60_000);
});
