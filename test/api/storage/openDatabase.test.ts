/**
 * What the server's storage opens and what it refuses. A refusal is a StorageProblem with a
 * plain message naming the file, and leaves every file in the data directory as it was.
 */
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../../api/storage/openDatabase.ts';
import { openStorage } from '../../../api/storage/openStorage.ts';
import { StorageProblem } from '../../../api/storage/StorageProblem.ts';
import { tempDataDir } from '../server/testApp.ts';
import { crashedDataDir, DAMAGE, overwritePages, pagesOf, plannerDataDir, snapshot } from './plannerFiles.ts';
import { FRAME_BYTES } from './walFiles.ts';

const problemOpening = (dataDir: string): StorageProblem => {
  try {
    openDatabase(dataDir).close();
  } catch (error) {
    if (error instanceof StorageProblem) return error;
    throw error;
  }
  throw new Error(`${dataDir} opened`);
};

describe('openDatabase refuses a database it must not use, and changes nothing', () => {
  for (const damage of DAMAGE) {
    it(`${damage.name} is refused (${damage.code}) and every file is left byte-identical`, async () => {
      const dataDir = await damage.make();
      const before = snapshot(dataDir);
      const problem = problemOpening(dataDir);
      expect(problem.code).toBe(damage.code);
      expect(problem.message).toContain(join(dataDir, DATABASE_FILE));
      expect(problem.message).toMatch(damage.says);
      expect(snapshot(dataDir)).toEqual(before);
    });
  }

  it('whole pages overwritten with random bytes anywhere after the first page are refused by quick_check, the file unchanged', async () => {
    const source = await plannerDataDir(60);
    const { pages, free } = pagesOf(join(source, DATABASE_FILE));
    expect(free).toBe(0); // every page holds data, so every overwrite is damage
    fc.assert(fc.property(fc.integer({ min: 2, max: pages }), fc.integer({ min: 1, max: 3 }), fc.integer(), (first, count, seed) => {
      const dataDir = tempDataDir();
      copyFileSync(join(source, DATABASE_FILE), join(dataDir, DATABASE_FILE));
      overwritePages(join(dataDir, DATABASE_FILE), Array.from({ length: Math.min(count, pages - first + 1) }, (_, i) => first + i), seed);
      const before = snapshot(dataDir);
      expect(problemOpening(dataDir).code).toBe('damaged');
      expect(snapshot(dataDir)).toEqual(before);
    }), { numRuns: 40 });
  });
});

describe('openDatabase opens what a crash or a first start leaves', () => {
  it('a WAL left by a SIGKILL, intact, opens with every save in it', async () => {
    const { dataDir } = await crashedDataDir(12);
    const storage = openStorage(dataDir);
    try {
      expect(storage.scenarios.list().map((s) => s.name).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `scenario ${i + 1}`).sort());
    } finally {
      storage.close();
    }
  });

  it('a WAL whose last transaction was torn by the crash opens with every acknowledged save', async () => {
    const { dataDir, commits } = await crashedDataDir(12);
    const wal = join(dataDir, `${DATABASE_FILE}-wal`);
    const bytes = readFileSync(wal);
    // The crash came while the 12th save was being written: its last frame is half there.
    writeFileSync(wal, bytes.subarray(0, 32 + ((commits[commits.length - 1] as number) - 1) * FRAME_BYTES + FRAME_BYTES / 2));
    const storage = openStorage(dataDir);
    try {
      expect(storage.scenarios.list().map((s) => s.name).sort()).toEqual(Array.from({ length: 11 }, (_, i) => `scenario ${i + 1}`).sort());
    } finally {
      storage.close();
    }
  });

  it('a data directory that does not exist is created, with a new database', () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'planner-fresh-')), 'nested', 'data');
    const storage = openStorage(dataDir);
    try {
      expect(storage.scenarios.list()).toEqual([]);
      expect(storage.db.pragma('user_version', { simple: true })).toBe(1);
    } finally {
      storage.close();
    }
    expect(readdirSync(dataDir)).toEqual([DATABASE_FILE]);
  });

  it('a new database is created whole beside a stray temporary file of an earlier crashed creation, and leaves no file of its own behind', () => {
    const dataDir = tempDataDir();
    writeFileSync(join(dataDir, `${DATABASE_FILE}.creating-1`), 'left by a crash');
    openDatabase(dataDir).close();
    expect(readdirSync(dataDir).sort()).toEqual([DATABASE_FILE, `${DATABASE_FILE}.creating-1`]);
    expect(existsSync(join(dataDir, DATABASE_FILE))).toBe(true);
    openDatabase(dataDir).close(); // and it opens again
  });
});
