/**
 * A data directory the server cannot write: `npm start` says so in one plain paragraph naming the
 * directory (or file) and what to do, and exits with 1, instead of a stack trace.
 *
 * Read-only: as an ordinary user, chmod; as root (whom chmod does not stop), the server runs as
 * the user `nobody` (uid 65534) on root's files. Full: a 16 KiB tmpfs mounted in a private user
 * and mount namespace (`unshare --user --map-root-user --mount`, no privileges needed where user
 * namespaces are enabled); skipped, saying why, where they are not.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE, openDatabase } from '../../../api/storage/openDatabase.ts';
import { StorageProblem } from '../../../api/storage/StorageProblem.ts';
import { GOOD_DIR, tempDataDir } from '../server/testApp.ts';
import { plannerDataDir, snapshot } from './plannerFiles.ts';
import { isOnePlainParagraph, serverToExit, type RunOptions } from './runToExit.ts';

const isRoot = process.getuid?.() === 0;
/** Who runs the server in the read-only tests: `nobody` when the tests run as root. */
const notRoot: RunOptions = isRoot ? { uid: 65534, gid: 65534 } : {};

/** Makes `path` read-only for the user in `notRoot` (root's 0755 is read-only for nobody). */
const readOnlyFor = (path: string, mode: 'dir' | 'file'): void => chmodSync(path, mode === 'dir' ? (isRoot ? 0o755 : 0o555) : 0o444);

const unshareWorks = spawnSync('unshare', ['--user', '--map-root-user', '--mount', 'true']).status === 0;
/** Runs the server with a tmpfs of `size` mounted on `dataDir` first, after `setup` (shell) in it. */
const onTmpfs = (size: string, setup = ''): RunOptions => ({
  prefix: ['unshare', '--user', '--map-root-user', '--mount', 'sh', '-c', `mount -t tmpfs -o size=${size} tmpfs "$DATA_DIR" && cd "$DATA_DIR" && ${setup || 'true'} && cd - >/dev/null && exec "$@"`, 'sh'],
});

describe('a read-only data directory', () => {
  it('a fresh read-only data directory is refused at start with one plain paragraph naming it, and exit 1', async () => {
    const dataDir = tempDataDir();
    readOnlyFor(dataDir, 'dir');
    const exit = await serverToExit(dataDir, GOOD_DIR, notRoot);
    expect(exit.code).toBe(1);
    expect(isOnePlainParagraph(exit.stderr)).toBe(true);
    expect(exit.stderr).toContain(`The data directory ${dataDir} is read-only for this process`);
    expect(exit.stderr).toMatch(/write permission .* or set DATA_DIR to a writable directory/);
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('a database file the server may only read is refused at start, naming the file, with nothing created beside it', async () => {
    const dataDir = await plannerDataDir(2);
    chmodSync(dataDir, 0o777);
    readOnlyFor(join(dataDir, DATABASE_FILE), 'file');
    const before = snapshot(dataDir);
    const exit = await serverToExit(dataDir, GOOD_DIR, notRoot);
    expect(exit.code).toBe(1);
    expect(isOnePlainParagraph(exit.stderr)).toBe(true);
    expect(exit.stderr).toContain(`The database file ${join(dataDir, DATABASE_FILE)} is read-only for this process`);
    expect(snapshot(dataDir)).toEqual(before);
  });

  it('a file where the data directory should be is refused with a plain message', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'planner-notdir-')), 'data');
    writeFileSync(file, 'not a directory');
    for (const dataDir of [file, join(file, 'nested')]) {
      let problem: unknown;
      try {
        openDatabase(dataDir).close();
      } catch (error) {
        problem = error;
      }
      expect(problem).toBeInstanceOf(StorageProblem);
      expect(problem).toMatchObject({ code: 'not-a-directory', message: expect.stringContaining(`The data directory ${dataDir} is not a directory`) });
    }
  });
});

describe.skipIf(!unshareWorks)('a full disk (skipped where unprivileged user namespaces are disabled: unshare --user fails)', () => {
  it('a fresh data directory on a full disk is refused at start with one plain paragraph, and exit 1', async () => {
    const dataDir = tempDataDir();
    const exit = await serverToExit(dataDir, GOOD_DIR, onTmpfs('16k'));
    expect(exit.code).toBe(1);
    expect(isOnePlainParagraph(exit.stderr)).toBe(true);
    expect(exit.stderr).toContain(`The disk that holds the data directory ${dataDir} is full`);
    expect(exit.stderr).toMatch(/Free some space on that disk, or set DATA_DIR/);
  });

  it('a database on a disk that filled up is refused at start, not at the first save', async () => {
    const source = await plannerDataDir(2);
    const dataDir = tempDataDir();
    const exit = await serverToExit(dataDir, GOOD_DIR, onTmpfs('2m', `cp "${join(source, DATABASE_FILE)}" . && (dd if=/dev/zero of=filler bs=4k 2>/dev/null || true)`));
    expect(exit.code).toBe(1);
    expect(isOnePlainParagraph(exit.stderr)).toBe(true);
    expect(exit.stderr).toContain(`The disk that holds the data directory ${dataDir} is full`);
  });
});
