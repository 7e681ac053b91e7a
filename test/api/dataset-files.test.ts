import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DATASET_DIR, datasetHash, loadDatasetDir, readDatasetDir } from '../../api/dataset-files.ts';

const REPO = fileURLToPath(new URL('../../', import.meta.url));
const GOOD = join(REPO, 'test/cases/imports/good');
const TABLE_FILES = ['centers.csv', 'fields.csv', 'history.csv', 'staff.csv'];
const temps: string[] = [];

/** A temporary copy of the good fixture dataset, minus `omit`. */
const copyOfGood = (omit: readonly string[] = []): string => {
  const dir = mkdtempSync(join(tmpdir(), 'dataset-'));
  temps.push(dir);
  for (const f of TABLE_FILES.filter((f) => !omit.includes(f))) copyFileSync(join(GOOD, f), join(dir, f));
  return dir;
};

afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('loadDatasetDir', () => {
  it('loads a valid directory with its content hash', async () => {
    const loaded = await loadDatasetDir(GOOD);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    expect(loaded.value.centers).toHaveLength(4);
    expect(loaded.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives equal files the same hash wherever they lie, and another hash when one byte changes', async () => {
    const a = await readDatasetDir(GOOD);
    const copy = copyOfGood();
    const b = await readDatasetDir(copy);
    const history = join(copy, 'history.csv');
    writeFileSync(history, readFileSync(history, 'utf-8').replace('2998,2998', '2998,2997'));
    const c = await readDatasetDir(copy);
    expect(a.ok && b.ok && c.ok).toBe(true);
    if (!a.ok || !b.ok || !c.ok) return;
    expect(b.value.hash).toBe(a.value.hash);
    expect(c.value.hash).not.toBe(a.value.hash);
  });

  it('hashes the text it returns exactly like the bytes on disk, BOM included', async () => {
    const dir = copyOfGood();
    const centers = join(dir, 'centers.csv');
    writeFileSync(centers, '\uFEFF' + readFileSync(centers, 'utf-8'));
    const read = await readDatasetDir(dir);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    const { files } = read.value;
    const fromText = datasetHash([files.centers, files.fields, files.history, files.staff].map((f) => ({ name: f.name, bytes: Buffer.from(f.text, 'utf8') })));
    expect(files.centers.text.startsWith('\uFEFF')).toBe(true);
    expect(fromText).toBe(read.value.hash);
    expect((await loadDatasetDir(dir)).ok).toBe(true);
  });

  it('reports every missing file by name instead of throwing', async () => {
    const loaded = await loadDatasetDir(copyOfGood(['fields.csv', 'staff.csv']));
    expect(loaded).toEqual({
      ok: false,
      problems: [
        { file: 'fields.csv', message: 'the file does not exist' },
        { file: 'staff.csv', message: 'the file does not exist' },
      ],
    });
  });

  it('reports a file that is not UTF-8 (a Windows-1258 export) instead of reading mojibake', async () => {
    const dir = copyOfGood();
    writeFileSync(join(dir, 'fields.csv'), Buffer.from([0x66, 0x69, 0x65, 0x6c, 0x64, 0x0a, 0xd0, 0xe2, 0x74, 0x0a]));
    const loaded = await loadDatasetDir(dir);
    expect(loaded).toEqual({ ok: false, problems: [{ file: 'fields.csv', message: 'the file is not UTF-8 text (save it as "CSV UTF-8")' }] });
  });

  it('keeps the hash when the files are read but invalid', async () => {
    const dir = copyOfGood();
    copyFileSync(join(REPO, 'test/cases/imports/bad/staff-duplicate-id.csv'), join(dir, 'staff.csv'));
    const loaded = await loadDatasetDir(dir);
    expect(loaded.ok).toBe(false);
    expect(loaded.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('defaults to the absolute path of data/haiphong in this repository', () => {
    expect(isAbsolute(DEFAULT_DATASET_DIR)).toBe(true);
    expect(DEFAULT_DATASET_DIR).toBe(join(REPO, 'data', 'haiphong'));
  });

  const embedded = TABLE_FILES.every((f) => existsSync(join(DEFAULT_DATASET_DIR, f)));
  // Skipped only while the generator has not yet written data/haiphong (it is committed once generated).
  it.skipIf(!embedded)('loads the embedded Hai Phong dataset without a problem', async () => {
    const loaded = await loadDatasetDir();
    if (!loaded.ok) throw new Error(loaded.problems.slice(0, 10).map((p) => JSON.stringify(p)).join('\n'));
    expect(loaded.value.centers).toHaveLength(114);
    expect(loaded.warnings).toEqual([]);
  });
});

describe('npm run check-data', () => {
  const run = promisify(execFile);
  const checkData = async (args: readonly string[]) => {
    try {
      const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', join(REPO, 'api/cli/check-data.ts'), ...args], { cwd: REPO });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, stdout: e.stdout, stderr: e.stderr };
    }
  };

  it('prints what it loaded and exits 0 on a valid directory', async () => {
    const { code, stdout } = await checkData([GOOD]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^OK: 4 centers, 4 fields, 11 history rows, 6 civil servants \(hash [0-9a-f]{64}\)\n$/);
  });

  it('prints one line per problem and exits 1', async () => {
    const dir = copyOfGood();
    copyFileSync(join(REPO, 'test/cases/imports/bad/history-negative-count.csv'), join(dir, 'history.csv'));
    const { code, stdout } = await checkData([dir]);
    expect(code).toBe(1);
    expect(stdout).toBe('history.csv:5 column received value "-3": must be a whole number >= 0\n1 problem found; nothing was loaded.\n');
  });

  it('turns a per-dossier export into the history table', async () => {
    const out = join(copyOfGood(), 'imported.csv');
    const dossiers = join(REPO, 'test/cases/imports/dossiers/good.csv');
    const { code, stderr } = await checkData(['--dossiers', dossiers, '--data', GOOD, '--out', out]);
    expect(code).toBe(0);
    expect(stderr).toContain('OK: 8 dossiers -> 5 history rows');
    expect(readFileSync(out, 'utf-8')).toBe(readFileSync(join(REPO, 'test/cases/imports/dossiers/good.expected.csv'), 'utf-8'));
  });
});
