/**
 * `npm run admin -- backup | restore | check`, run as the administrator runs them (child
 * processes), on real data directories, with a real server writing or holding the database.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../../api/storage/openDatabase.ts';
import { openStorage } from '../../../api/storage/openStorage.ts';
import { startServer, stopped } from '../server/serverProcess.ts';
import { GOOD_DIR, tempDataDir, testApp } from '../server/testApp.ts';
import { crashedDataDir, DAMAGE, plannerDataDir, scenarioNamed, snapshot } from './plannerFiles.ts';
import { isOnePlainParagraph, runToExit } from './runToExit.ts';

const admin = (...args: string[]) => runToExit('api/cli/admin.ts', args);

interface Saved { readonly id: string; readonly name: string; readonly scenario: Record<string, unknown> }

const scenariosIn = (dataDir: string): Saved[] => {
  const storage = openStorage(dataDir);
  try {
    return storage.scenarios.list().map((s) => ({ id: s.id, name: s.name, scenario: s.scenario as Record<string, unknown> }));
  } finally {
    storage.close();
  }
};


describe('npm run admin', () => {
  it('--help prints the usage, naming backup, restore and check, and exits 0', async () => {
    const exit = await admin('--help');
    expect(exit.code).toBe(0);
    expect(exit.stdout).toMatch(/^usage: npm run admin -- COMMAND/);
    for (const command of ['create-user NAME --role', 'backup FILE [--force]', 'restore FILE', 'check']) expect(exit.stdout).toContain(command);
    expect(exit.stderr).toBe('');
  });
});

describe('backup', () => {
  it('a backup taken while a server saves scenarios restores to the same scenarios: all saved before it, each as it was saved', async () => {
    const dataDir = tempDataDir();
    const server = await startServer({ DATA_DIR: dataDir, DATASET_DIR: GOOD_DIR, WRITES_PER_MINUTE: '100000' });
    const acknowledged = new Map<string, Saved>();
    let stop = false;
    let sent = 0;
    const writer = async (): Promise<void> => {
      while (!stop) {
        sent += 1;
        const res = await fetch(`${server.url}/api/scenarios`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(scenarioNamed(sent)) });
        if (res.status === 201) {
          const saved = await res.json() as Saved;
          acknowledged.set(saved.id, saved);
        }
      }
    };
    let backupExit;
    let before: Saved[] = [];
    try {
      const lanes = [writer(), writer(), writer()];
      while (acknowledged.size < 40) await new Promise((r) => setTimeout(r, 5));
      before = [...acknowledged.values()];
      const backup = join(tempDataDir(), 'backup.sqlite');
      backupExit = await admin('backup', backup, '--data-dir', dataDir);
      const during = acknowledged.size;
      while (acknowledged.size < during + 20) await new Promise((r) => setTimeout(r, 5)); // writes went on after it
      stop = true;
      await Promise.all(lanes);

      expect(backupExit.code).toBe(0);
      const printed = /quick_check ok, schema version 1; 1 dataset, (\d+) scenarios, 0 plans, 0 users$/m.exec(backupExit.stdout);
      expect(printed).not.toBeNull();
      const restoredDir = tempDataDir();
      const restored = await admin('restore', backup, '--data-dir', restoredDir);
      expect(restored.code).toBe(0);
      const inBackup = scenariosIn(restoredDir);
      expect(inBackup.length).toBe(Number(printed?.[1]));
      expect(inBackup.length).toBeGreaterThan(before.length); // saves acknowledged while the backup ran are in it
      expect(inBackup.length).toBeLessThan(acknowledged.size);
      const ids = new Set(inBackup.map((s) => s.id));
      expect(before.filter((s) => !ids.has(s.id))).toEqual([]); // every save acknowledged before the backup started
      server.child.kill('SIGTERM');
      await stopped(server.child);
      const stored = new Map(scenariosIn(dataDir).map((s) => [s.id, s]));
      expect(inBackup.filter((s) => !acknowledged.has(s.id))).toEqual([]); // only saves the server acknowledged
      expect(inBackup.filter((s) => JSON.stringify(stored.get(s.id)) !== JSON.stringify(s))).toEqual([]); // each as the server stored it
    } finally {
      stop = true;
      server.child.kill('SIGTERM');
      await stopped(server.child);
    }
  }, 90_000);

  it('refuses to overwrite an existing file unless --force, and then replaces it', async () => {
    const dataDir = await plannerDataDir(5);
    const target = join(tempDataDir(), 'backup.sqlite');
    writeFileSync(target, 'an older backup');
    const refused = await admin('backup', target, '--data-dir', dataDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr.trim()).toBe(`${target} exists already; the backup does not overwrite it. Choose another file name, or add --force to replace it.`);
    expect(readFileSync(target, 'utf8')).toBe('an older backup');
    const forced = await admin('backup', target, '--force', '--data-dir', dataDir);
    expect(forced.code).toBe(0);
    expect(forced.stdout).toContain(`to ${target} (`);
    expect(forced.stdout).toContain('quick_check ok, schema version 1; 1 dataset, 5 scenarios, 1 plan, 1 user');
    expect(readdirSync(join(target, '..'))).toEqual(['backup.sqlite']); // no partial file left
  });
});

describe('restore', () => {
  it('keeps the database that was there aside, byte-identical with its -wal, and puts the backup in its place', async () => {
    const { dataDir } = await crashedDataDir(6);
    const oldDb = readFileSync(join(dataDir, DATABASE_FILE));
    const oldWal = readFileSync(join(dataDir, `${DATABASE_FILE}-wal`));
    const backupDir = await plannerDataDir(4);
    const backup = join(tempDataDir(), 'b.sqlite');
    expect((await admin('backup', backup, '--data-dir', backupDir)).code).toBe(0);

    const exit = await admin('restore', backup, '--data-dir', dataDir);
    expect(exit.code).toBe(0);
    const aside = readdirSync(dataDir).filter((f) => f.startsWith(`${DATABASE_FILE}.before-restore-`));
    expect(aside).toHaveLength(2);
    const [asideDb, asideWal] = aside.sort();
    expect(asideDb).toMatch(/^planner\.sqlite\.before-restore-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ$/);
    expect(asideWal).toBe(`${asideDb}-wal`);
    expect(readFileSync(join(dataDir, asideDb as string)).equals(oldDb)).toBe(true);
    expect(readFileSync(join(dataDir, asideWal as string)).equals(oldWal)).toBe(true);
    expect(exit.stdout).toContain(`the database that was there is kept as ${join(dataDir, asideDb as string)}`);
    expect(existsSync(join(dataDir, `${DATABASE_FILE}-wal`))).toBe(false);
    expect(scenariosIn(dataDir).map((s) => s.name).sort()).toEqual(['scenario 1', 'scenario 2', 'scenario 3', 'scenario 4']);
  });

  it('brings back a data directory the server refuses (an empty database file), keeping the empty file aside', async () => {
    const dataDir = await (DAMAGE.find((d) => d.code === 'empty-database') as (typeof DAMAGE)[number]).make();
    const backupDir = await plannerDataDir(3);
    const backup = join(tempDataDir(), 'b.sqlite');
    expect((await admin('backup', backup, '--data-dir', backupDir)).code).toBe(0);
    expect((await admin('restore', backup, '--data-dir', dataDir)).code).toBe(0);
    const app = await testApp({ dataDir });
    try {
      expect((await app.inject({ url: '/api/scenarios' })).json()).toHaveLength(3);
    } finally {
      await app.close();
    }
    const aside = readdirSync(dataDir).filter((f) => f.includes('before-restore'));
    expect(aside).toHaveLength(1);
    expect(readFileSync(join(dataDir, aside[0] as string)).length).toBe(0);
  });

  for (const damage of DAMAGE.filter((d) => ['empty-database', 'not-a-database', 'damaged', 'damaged-wal', 'not-ours'].includes(d.code))) {
    it(`refuses a backup that is ${damage.name}, and leaves the current database as it was`, async () => {
      const damagedDir = await damage.make();
      const dataDir = await plannerDataDir(2);
      const before = snapshot(dataDir);
      const exit = await admin('restore', join(damagedDir, DATABASE_FILE), '--data-dir', dataDir);
      expect(exit.code).toBe(1);
      expect(isOnePlainParagraph(exit.stderr)).toBe(true);
      expect(exit.stderr).toContain(`The backup ${join(damagedDir, DATABASE_FILE)} `);
      expect(exit.stderr).toContain(`so it cannot be restored. Nothing was changed in ${dataDir}.`);
      expect(snapshot(dataDir)).toEqual(before);
    });
  }

  it('refuses while a server has the database open, and changes nothing', async () => {
    const dataDir = await plannerDataDir(2);
    const backupDir = await plannerDataDir(7);
    const backup = join(tempDataDir(), 'b.sqlite');
    expect((await admin('backup', backup, '--data-dir', backupDir)).code).toBe(0);
    const app = await testApp({ dataDir });
    try {
      const exit = await admin('restore', backup, '--data-dir', dataDir);
      expect(exit.code).toBe(1);
      expect(isOnePlainParagraph(exit.stderr)).toBe(true);
      expect(exit.stderr).toContain(`${join(dataDir, DATABASE_FILE)} is open in a running server`);
      expect(exit.stderr).toContain('Stop the server first');
      expect((await app.inject({ url: '/api/scenarios' })).json()).toHaveLength(2);
    } finally {
      await app.close();
    }
    expect(readdirSync(dataDir).filter((f) => f.includes('restor'))).toEqual([]);
    expect(scenariosIn(dataDir)).toHaveLength(2);
  });
});

describe('check', () => {
  it('says ok with what the database holds, exit 0', async () => {
    const dataDir = await plannerDataDir(4);
    const exit = await admin('check', '--data-dir', dataDir);
    expect(exit.code).toBe(0);
    expect(exit.stdout.trim()).toBe(`ok: ${join(dataDir, DATABASE_FILE)}: quick_check ok, the write-ahead log intact, schema version 1; 1 dataset, 4 scenarios, 1 plan, 1 user`);
  });

  for (const damage of DAMAGE) {
    it(`says what is wrong with ${damage.name}, exit 1, the files unchanged`, async () => {
      const dataDir = await damage.make();
      const before = snapshot(dataDir);
      const exit = await admin('check', '--data-dir', dataDir);
      expect(exit.code).toBe(1);
      expect(isOnePlainParagraph(exit.stderr)).toBe(true);
      expect(exit.stderr).toMatch(damage.says);
      expect(snapshot(dataDir)).toEqual(before);
    });
  }
});
