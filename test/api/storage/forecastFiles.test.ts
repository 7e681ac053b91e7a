import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORECAST_CODE_ENTRY, forecastCodeHash, forecastFileName, forecastFiles, forecastKeyOf } from '../../../api/storage/forecastFiles.ts';
import { sourceHash } from '../../../api/storage/sourceHash.ts';
import { REPO_ROOT } from '../../../api/repoPaths.ts';
import { cachedForecasts } from '../../../api/cli/cliForecasts.ts';
import { loadDatasetDir } from '../../../api/dataset-files.ts';
import { longHistoryDir } from '../server/testApp.ts';

const KEY = { datasetHash: 'a'.repeat(64), horizon: 12, breakMonth: '2025-07', code: 'c'.repeat(64) };
const BODY = JSON.stringify([{ centerCode: '11446', field: 'ho_tich', channel: 'direct', months: ['2026-11'], mean: [1] }]);
const stored = (): { dir: string; file: string } => {
  const dir = mkdtempSync(join(tmpdir(), 'forecast-files-'));
  return { dir, file: forecastFiles(dir).write(KEY, BODY) };
};

describe('forecast files: one per dataset hash, checked before use', () => {
  it('reads back exactly the text written for the same dataset, horizon and break month', () => {
    const { dir } = stored();
    expect(forecastFiles(dir).read(KEY)).toMatchObject({ ok: true, text: BODY });
  });

  it.each([
    ['cut short', (text: string) => text.slice(0, text.length - 10), 'damaged (its checksum does not match)'],
    ['with one value changed', (text: string) => text.replace('"mean":[1]', '"mean":[2]'), 'damaged (its checksum does not match)'],
    ['without its header (an old plain JSON file)', (text: string) => text.slice(text.indexOf('\n') + 1), 'of another dataset, code or format'],
    ['empty', () => '', 'damaged (its header is not JSON)'],
    ['of another dataset', (text: string) => text.replace(KEY.datasetHash, 'b'.repeat(64)), 'of another dataset, code or format'],
    ['computed by other forecasting code', (text: string) => text.replace(KEY.code, 'd'.repeat(64)), 'of another dataset, code or format'],
  ])('ignores a file %s, never trusts it', (_what, damage, reason) => {
    const { dir, file } = stored();
    writeFileSync(file, damage(readFileSync(file, 'utf8')));
    expect(forecastFiles(dir).read(KEY)).toEqual({ ok: false, reason, file });
  });

  it('names a file per dataset hash, horizon, break month and forecasting code', () => {
    const names = new Set([KEY, { ...KEY, datasetHash: 'b'.repeat(64) }, { ...KEY, horizon: 6 }, { ...KEY, breakMonth: '2024-01' }, { ...KEY, code: 'd'.repeat(64) }].map((k) => forecastFileName('/d', k)));
    expect(names.size).toBe(5);
  });

  it('the key of a dataset\'s forecasts carries the hash of the forecasting code (solver/forecast/forecastHistory.ts and what it imports)', () => {
    const key = forecastKeyOf('a'.repeat(64));
    expect(key.code).toBe(sourceHash(REPO_ROOT, [FORECAST_CODE_ENTRY]));
    expect(key.code).toBe(forecastCodeHash());
    expect(forecastFileName('/d', key)).not.toBe(forecastFileName('/d', forecastKeyOf('a'.repeat(64), 'e'.repeat(64))));
  });
});

describe('sourceHash: the hash of the code a cache entry was computed by', () => {
  /** A tiny tree of modules: entry.ts imports a.ts (statically) and b.ts (lazily); a.ts imports ./deep/c.ts; other.ts is imported by none. */
  const tree = () => {
    const root = mkdtempSync(join(tmpdir(), 'source-hash-'));
    mkdirSync(join(root, 'm', 'deep'), { recursive: true });
    const files: Record<string, string> = {
      'm/entry.ts': "import { a } from './a.ts';\nimport type { T } from './types.ts';\nexport const run = async () => (await import('./b.ts')).b + a;\n",
      'm/a.ts': "export { c as a } from './deep/c.ts';\n",
      'm/b.ts': 'export const b = 1;\n',
      'm/types.ts': 'export type T = number;\n',
      'm/deep/c.ts': "import { readFileSync } from 'node:fs';\nexport const c = 2;\n",
      'm/other.ts': 'export const other = 3;\n',
    };
    for (const [file, text] of Object.entries(files)) writeFileSync(join(root, file), text);
    return root;
  };

  it.each(['m/entry.ts', 'm/a.ts', 'm/b.ts', 'm/types.ts', 'm/deep/c.ts'])('changes when %s, reached from the entry, changes', (file) => {
    const root = tree();
    const before = sourceHash(root, ['m/entry.ts']);
    writeFileSync(join(root, file), `${readFileSync(join(root, file), 'utf8')}// changed\n`);
    expect(sourceHash(root, ['m/entry.ts'])).not.toBe(before);
  });

  it('does not change when a module the entry does not reach changes', () => {
    const root = tree();
    const before = sourceHash(root, ['m/entry.ts']);
    writeFileSync(join(root, 'm/other.ts'), 'export const other = 4;\n');
    expect(sourceHash(root, ['m/entry.ts'])).toBe(before);
  });

  it('names the module it cannot read', () => {
    const root = tree();
    writeFileSync(join(root, 'm/b.ts'), "export { z as b } from './gone.ts';\n");
    expect(() => sourceHash(root, ['m/entry.ts'])).toThrow('sourceHash: cannot read m/gone.ts, which the code hashed imports (ENOENT)');
  });

  it('a command finding a damaged file computes the forecasts again and replaces the file', async () => {
    const loaded = await loadDatasetDir(longHistoryDir());
    if (!loaded.ok || loaded.hash === undefined) throw new Error('the long-history test dataset does not load');
    const dir = mkdtempSync(join(tmpdir(), 'forecast-files-'));
    const key = forecastKeyOf(loaded.hash);
    const good = await cachedForecasts(loaded.value, loaded.hash, { cacheDir: dir });
    const file = forecastFileName(dir, key);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/"mean":\[[0-9.]+/, '"mean":[999999'));
    const lines: string[] = [];
    const again = await cachedForecasts(loaded.value, loaded.hash, { cacheDir: dir, log: (l) => lines.push(l) });
    expect(again).toEqual(good);
    expect(lines[0]).toBe(`the forecast file ${file} is damaged (its checksum does not match): not used, computed again`);
    expect(forecastFiles(dir).read(key)).toMatchObject({ ok: true });
  }, 120_000);
});
