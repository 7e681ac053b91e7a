/**
 * The server's start refuses a damaged or foreign database with its plain message: buildApp
 * rejects with the StorageProblem (so nothing is seeded over it), and `npm start` prints that one
 * paragraph without a stack and exits with 1.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../api/storage/openDatabase.ts';
import { StorageProblem } from '../../../api/storage/StorageProblem.ts';
import { GOOD_DIR, testApp } from '../server/testApp.ts';
import { DAMAGE, snapshot } from './plannerFiles.ts';
import { isOnePlainParagraph, serverToExit } from './runToExit.ts';

const refusal = async (dataDir: string): Promise<StorageProblem> => {
  let app;
  try {
    app = await testApp({ dataDir });
  } catch (error) {
    if (error instanceof StorageProblem) return error;
    throw error;
  }
  await app.close();
  throw new Error(`the server started on ${dataDir}`);
};

describe('the server refuses to start on a damaged or foreign database', () => {
  for (const damage of DAMAGE) {
    it(`buildApp refuses ${damage.name} with the plain message, and seeds nothing over it`, async () => {
      const dataDir = await damage.make();
      const before = snapshot(dataDir);
      const problem = await refusal(dataDir);
      expect(problem.code).toBe(damage.code);
      expect(problem.message).toMatch(damage.says);
      expect(snapshot(dataDir)).toEqual(before);
    });
  }

  it('an empty database file is refused at start, never re-seeded: npm start prints one plain paragraph and exits with 1, the file still 0 bytes', async () => {
    const damage = DAMAGE.find((d) => d.code === 'empty-database') as (typeof DAMAGE)[number];
    const dataDir = await damage.make();
    const exit = await serverToExit(dataDir, GOOD_DIR);
    expect(exit.code).toBe(1);
    expect(isOnePlainParagraph(exit.stderr)).toBe(true);
    expect(exit.stderr).toMatch(damage.says);
    expect(exit.stdout).not.toMatch(/listening/);
    expect(statSync(join(dataDir, DATABASE_FILE)).size).toBe(0);
  });

  it('a damaged WAL is refused by npm start with one plain paragraph, exit 1, and the log left as it was', async () => {
    const damage = DAMAGE.find((d) => d.code === 'damaged-wal') as (typeof DAMAGE)[number];
    const dataDir = await damage.make();
    const wal = readFileSync(join(dataDir, `${DATABASE_FILE}-wal`));
    const exit = await serverToExit(dataDir, GOOD_DIR);
    expect(exit.code).toBe(1);
    expect(isOnePlainParagraph(exit.stderr)).toBe(true);
    expect(exit.stderr).toMatch(damage.says);
    expect(readFileSync(join(dataDir, `${DATABASE_FILE}-wal`)).equals(wal)).toBe(true);
  });
});
