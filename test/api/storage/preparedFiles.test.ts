import { chmodSync, copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDatasetDir } from '../../../api/dataset-files.ts';
import { loadPreparedDatasetDir } from '../../../api/storage/preparedDataset.ts';
import { preparedFileName, readPrepared, writePrepared } from '../../../api/storage/preparedFiles.ts';
import { keepPotential, preparedPotential } from '../../../api/storage/preparedPotential.ts';
import { loadHighs } from '../../../solver/plan/loadHighs.ts';
import { syntheticCity } from '../../../solver/plan/syntheticCity.ts';
import { potentialInputKey, transferPotential } from '../../../solver/plan/transferPotential.ts';
import { potentialThread } from '../../../api/cli/potentialThread.ts';
import { GOOD_DIR } from '../server/testApp.ts';

const KEY = { kind: 'test', key: 'a'.repeat(64), code: 'c'.repeat(64), format: 1 };
const BODY = Buffer.from('{"x":[1,2,3]}');
const temp = (prefix: string): string => mkdtempSync(join(tmpdir(), prefix));

describe('prepared files: one per kind, input hash, code and format, checked before use', () => {
  it('reads back exactly the bytes written for the same key', () => {
    const dir = temp('prepared-');
    writePrepared(dir, KEY, BODY);
    const read = readPrepared(dir, KEY);
    expect(read.ok && read.body.equals(BODY)).toBe(true);
  });

  it.each([
    ['cut short', (b: Buffer) => b.subarray(0, b.length - 3), 'damaged (its checksum does not match)'],
    ['with one byte of its body changed', (b: Buffer) => Buffer.from(b.toString('utf8').replace('[1,2,3]', '[1,2,4]')), 'damaged (its checksum does not match)'],
    ['empty', () => Buffer.alloc(0), 'damaged (its header is not JSON)'],
    ['of another input', (b: Buffer) => Buffer.from(b.toString('utf8').replace(KEY.key, 'b'.repeat(64))), 'of another input, code or format'],
    ['computed by other code', (b: Buffer) => Buffer.from(b.toString('utf8').replace(KEY.code, 'd'.repeat(64))), 'of another input, code or format'],
  ])('ignores a file %s, never trusts it', (_what, damage, reason) => {
    const dir = temp('prepared-');
    writePrepared(dir, KEY, BODY);
    const file = preparedFileName(dir, KEY);
    writeFileSync(file, damage(readFileSync(file)));
    expect(readPrepared(dir, KEY)).toEqual({ ok: false, reason, file });
  });

  it('names a file per kind, input, code and format', () => {
    const keys = [KEY, { ...KEY, kind: 'other' }, { ...KEY, key: 'b'.repeat(64) }, { ...KEY, code: 'd' }, { ...KEY, format: 2 }];
    expect(new Set(keys.map((k) => preparedFileName('/d', k))).size).toBe(5);
  });

  it('says why a folder cannot be written instead of throwing, and leaves no temporary file', () => {
    const dir = temp('prepared-ro-');
    chmodSync(dir, 0o500);
    const out = writePrepared(join(dir, 'inner'), KEY, BODY);
    chmodSync(dir, 0o700);
    // root ignores the mode bits: then the write succeeds, which is also an answer without a throw.
    if (!out.ok) expect(out.reason).toMatch(/^E[A-Z]+$/);
    expect(readdirSync(dir).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});

describe('the prepared dataset: loadDatasetDir\'s answer, read back on the next run', () => {
  it('gives the same dataset, warnings and hash from the prepared file as from checking the CSVs', async () => {
    const preparedDir = temp('prepared-dataset-');
    const fresh = await loadDatasetDir(GOOD_DIR);
    const messages: string[] = [];
    const first = await loadPreparedDatasetDir(GOOD_DIR, { preparedDir, log: (m) => messages.push(m) });
    const second = await loadPreparedDatasetDir(GOOD_DIR, { preparedDir, log: (m) => messages.push(m) });
    expect(first).toEqual(fresh);
    expect(second).toEqual(fresh);
    expect(messages).toEqual([expect.stringMatching(/^dataset checked before \(prepared file /)]);
  });

  it('checks an edited table again: the edit is a new content hash, never the old dataset', async () => {
    const preparedDir = temp('prepared-dataset-');
    const dir = temp('prepared-dataset-data-');
    for (const f of ['centers.csv', 'fields.csv', 'history.csv', 'staff.csv']) copyFileSync(join(GOOD_DIR, f), join(dir, f));
    await loadPreparedDatasetDir(dir, { preparedDir });
    const staff = readFileSync(join(dir, 'staff.csv'), 'utf8').split('\n');
    writeFileSync(join(dir, 'staff.csv'), [...staff.slice(0, 1), ...staff.slice(2)].join('\n'));
    const edited = await loadPreparedDatasetDir(dir, { preparedDir });
    expect(edited).toEqual(await loadDatasetDir(dir));
  });

  it('keeps no dataset with problems: its problems are found afresh each time', async () => {
    const preparedDir = temp('prepared-dataset-');
    const dir = temp('prepared-dataset-bad-');
    for (const f of ['centers.csv', 'fields.csv', 'history.csv', 'staff.csv']) copyFileSync(join(GOOD_DIR, f), join(dir, f));
    writeFileSync(join(dir, 'staff.csv'), `${readFileSync(join(dir, 'staff.csv'), 'utf8').trimEnd()}\nCC9999,Nguyễn Văn A,99999,99999,ho_tich,chuyen_vien,1.5\n`);
    const bad = await loadPreparedDatasetDir(dir, { preparedDir });
    expect(bad.ok).toBe(false);
    expect(readdirSync(preparedDir)).toEqual([]);
  });

  it('checks the CSVs again when the prepared file is damaged, and replaces it', async () => {
    const preparedDir = temp('prepared-dataset-');
    await loadPreparedDatasetDir(GOOD_DIR, { preparedDir });
    const [name] = readdirSync(preparedDir);
    const file = join(preparedDir, name as string);
    const bytes = readFileSync(file);
    writeFileSync(file, bytes.subarray(0, bytes.length - 100));
    const messages: string[] = [];
    expect(await loadPreparedDatasetDir(GOOD_DIR, { preparedDir, log: (m) => messages.push(m) })).toEqual(await loadDatasetDir(GOOD_DIR));
    expect(messages).toEqual([expect.stringMatching(/is damaged \(its checksum does not match\): checked again$/)]);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});

describe('the prepared transfer potential: kept under exactly what it reads', () => {
  let highs: Highs;
  beforeAll(async () => {
    highs = await loadHighs();
  });
  const city = syntheticCity({ seed: 5, centers: 12, staffPerCenter: 6 });

  it('reads only the workload, staff, centers, radius and locks: other levers change neither its key nor its figures', () => {
    const levers = { ...city, rules: { ...city.rules, maxTransfers: 3, minStaffPerCenter: 4, hiresAllowedByField: { [city.fields[0]?.field ?? '']: 2 }, crossTraining: true } };
    expect(potentialInputKey(levers)).toBe(potentialInputKey(city));
    expect(transferPotential(highs, levers)).toEqual({ ...transferPotential(highs, city), seconds: expect.any(Number) });
  });

  it('has another key when the radius, a lock or the work changes', () => {
    const keys = [
      city,
      { ...city, rules: { ...city.rules, maxCommuteKm: city.rules.maxCommuteKm + 5 } },
      { ...city, rules: { ...city.rules, lockedStaffIds: [city.staff[0]?.staffId ?? ''] } },
      { ...city, requiredHours: city.requiredHours.map((r, i) => (i === 0 ? { ...r, hours: r.hours + 1 } : r)) },
    ].map(potentialInputKey);
    expect(new Set(keys).size).toBe(4);
  });

  it('reads back the potential kept for an input, and none for another input', () => {
    const preparedDir = temp('prepared-potential-');
    const potential = transferPotential(highs, city);
    expect(preparedPotential(city, { preparedDir })).toBeNull();
    keepPotential(city, potential, { preparedDir });
    expect(preparedPotential({ ...city, rules: { ...city.rules, maxTransfers: 1 } }, { preparedDir })).toEqual(potential);
    expect(preparedPotential({ ...city, rules: { ...city.rules, maxCommuteKm: 1 } }, { preparedDir })).toBeNull();
  });

  it('computes it again when the kept file holds something other than a potential', () => {
    const preparedDir = temp('prepared-potential-');
    keepPotential(city, { uncoveredAtBest: Number.NaN, remainingByField: {}, seconds: 0 }, { preparedDir });
    const messages: string[] = [];
    expect(preparedPotential(city, { preparedDir, log: (m) => messages.push(m) })).toBeNull();
    expect(messages).toEqual([expect.stringMatching(/is not a potential: computed again$/)]);
  });

  it('gives on a second thread the figures the main thread computes', async () => {
    const failures: string[] = [];
    const run = potentialThread(city, (reason) => failures.push(reason));
    const there = await run.potential;
    expect(failures).toEqual([]);
    expect(there).toEqual({ ...transferPotential(highs, city), seconds: expect.any(Number) });
  });
});
