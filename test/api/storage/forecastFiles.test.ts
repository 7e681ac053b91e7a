import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { forecastFileName, forecastFiles } from '../../../api/storage/forecastFiles.ts';
import { cachedForecasts } from '../../../api/cli/cliForecasts.ts';
import { loadDatasetDir } from '../../../api/dataset-files.ts';
import { longHistoryDir } from '../server/testApp.ts';

const KEY = { datasetHash: 'a'.repeat(64), horizon: 12, breakMonth: '2025-07' };
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
    ['without its header (an old plain JSON file)', (text: string) => text.slice(text.indexOf('\n') + 1), 'of another dataset or format'],
    ['empty', () => '', 'damaged (its header is not JSON)'],
    ['of another dataset', (text: string) => text.replace(KEY.datasetHash, 'b'.repeat(64)), 'of another dataset or format'],
  ])('ignores a file %s, never trusts it', (_what, damage, reason) => {
    const { dir, file } = stored();
    writeFileSync(file, damage(readFileSync(file, 'utf8')));
    expect(forecastFiles(dir).read(KEY)).toEqual({ ok: false, reason, file });
  });

  it('names a file per dataset hash, horizon and break month', () => {
    const names = new Set([KEY, { ...KEY, datasetHash: 'b'.repeat(64) }, { ...KEY, horizon: 6 }, { ...KEY, breakMonth: '2024-01' }].map((k) => forecastFileName('/d', k)));
    expect(names.size).toBe(4);
  });

  it('a command finding a damaged file computes the forecasts again and replaces the file', async () => {
    const loaded = await loadDatasetDir(longHistoryDir());
    if (!loaded.ok || loaded.hash === undefined) throw new Error('the long-history test dataset does not load');
    const dir = mkdtempSync(join(tmpdir(), 'forecast-files-'));
    const key = { datasetHash: loaded.hash, horizon: 12, breakMonth: '2025-07' };
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
