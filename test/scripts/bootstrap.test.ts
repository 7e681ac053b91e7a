import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { buildState, ensureInstall, INPUTS_FILE, installState, replaceOutput, ROOT, type BuildTarget } from '../../scripts/bootstrap.mjs';

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'bootstrap-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

type Entry = { version: string; integrity?: string; optional?: boolean; dev?: boolean };
const LOCKED: Record<string, Entry> = {
  'node_modules/fastify': { version: '5.12.8', integrity: 'sha512-a' },
  'node_modules/esbuild': { version: '0.28.2', integrity: 'sha512-b', dev: true },
  // Another platform's binary: npm does not install it here, and leaves it out of its record.
  'node_modules/@esbuild/darwin-arm64': { version: '0.28.2', integrity: 'sha512-c', optional: true, dev: true },
};

/** A clone with package-lock.json (`locked`) and, unless `installed` is null, node_modules holding `installed`. */
const clone = (installed: Record<string, Entry> | null, locked: Record<string, Entry> = LOCKED, record = true): string => {
  const root = tempDir();
  writeFileSync(join(root, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: { '': { name: 'x' }, ...locked } }));
  if (installed === null) return root;
  mkdirSync(join(root, 'node_modules'));
  for (const path of Object.keys(installed)) mkdirSync(join(root, path), { recursive: true });
  if (record) writeFileSync(join(root, 'node_modules', '.package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: installed }));
  return root;
};
const { 'node_modules/@esbuild/darwin-arm64': _other, ...installedHere } = LOCKED;

describe('bootstrap: npm ci only when node_modules differs from package-lock.json', () => {
  it('installs a fresh clone, which has no node_modules', () => {
    expect(installState(clone(null))).toEqual({ install: true, reason: 'node_modules is missing' });
  });

  it('installs again when node_modules has no record of what npm installed (.package-lock.json)', () => {
    expect(installState(clone(installedHere, LOCKED, false)).reason).toMatch(/node_modules\/\.package-lock\.json is missing/);
  });

  it('installs again when a package has another version than the lock file says, naming it', () => {
    const state = installState(clone({ ...installedHere, 'node_modules/fastify': { version: '5.12.7', integrity: 'sha512-z' } }));
    expect(state).toEqual({ install: true, reason: 'node_modules/fastify is 5.12.7 in node_modules, 5.12.8 in package-lock.json' });
  });

  it('installs again when the lock file names a package that is not installed (a dependency added)', () => {
    const state = installState(clone(installedHere, { ...LOCKED, 'node_modules/ajv': { version: '8.20.0', integrity: 'sha512-d' } }));
    expect(state).toEqual({ install: true, reason: 'node_modules/ajv 8.20.0 is in package-lock.json but not installed' });
  });

  it('installs again when a package is installed that the lock file no longer has (a dependency removed)', () => {
    const { 'node_modules/esbuild': _removed, ...locked } = LOCKED;
    expect(installState(clone(installedHere, locked)).reason).toBe('node_modules/esbuild is installed but not in package-lock.json');
  });

  it('installs again when a recorded package folder was deleted', () => {
    const root = clone(installedHere);
    rmSync(join(root, 'node_modules', 'fastify'), { recursive: true });
    expect(installState(root).reason).toBe('node_modules/fastify is recorded as installed but its folder is gone');
  });

  it('leaves node_modules alone when it matches the lock file, optional packages of other platforms left out', () => {
    expect(installState(clone(installedHere))).toEqual({ install: false, reason: 'node_modules matches package-lock.json' });
  });

  it('leaves the checkout running these tests alone: its node_modules is current', () => {
    expect(installState(ROOT)).toEqual({ install: false, reason: 'node_modules matches package-lock.json' });
  });

  it('never reinstalls a node_modules that is a link to another checkout\'s, and says where to run npm ci', () => {
    const shared = clone({ 'node_modules/fastify': { version: '5.0.0' } });
    const root = clone(null);
    symlinkSync(join(shared, 'node_modules'), join(root, 'node_modules'));
    expect(() => ensureInstall(root)).toThrow(`it is a link to ${join(shared, 'node_modules')}, shared with another checkout: run npm ci there`);
    expect(JSON.parse(readFileSync(join(shared, 'node_modules', '.package-lock.json'), 'utf8'))).toEqual({ lockfileVersion: 3, packages: { 'node_modules/fastify': { version: '5.0.0' } } });
  });
});

describe('bootstrap: a build runs only when the hash of its inputs changed', () => {
  const TARGET: BuildTarget = { name: 'a test build', out: 'out', inputs: ['src', 'config.json'], skip: ['src/generated'] };
  /** A tree with inputs and an output built from them (its hash stored beside it). */
  const built = async (): Promise<string> => {
    const root = tempDir();
    mkdirSync(join(root, 'src', 'generated'), { recursive: true });
    writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 1;\n');
    writeFileSync(join(root, 'config.json'), '{}\n');
    const { hash } = buildState(root, TARGET);
    await replaceOutput(root, TARGET.out, hash, (tmp) => {
      mkdirSync(tmp);
      writeFileSync(join(tmp, 'a.js'), 'built');
    });
    return root;
  };

  it('builds an output that was never built', () => {
    const root = tempDir();
    writeFileSync(join(root, 'config.json'), '{}\n');
    expect(buildState(root, TARGET)).toMatchObject({ build: true, reason: 'out is not built' });
  });

  it('does not build again from the same inputs', async () => {
    expect(buildState(await built(), TARGET)).toMatchObject({ build: false, reason: 'out is current' });
  });

  it.each([
    ['an input file changed', (root: string) => writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 2;\n')],
    ['an input file added', (root: string) => writeFileSync(join(root, 'src', 'b.ts'), '')],
    ['an input file removed', (root: string) => rmSync(join(root, 'config.json'))],
    ['an input file renamed', (root: string) => {
      writeFileSync(join(root, 'src', 'c.ts'), readFileSync(join(root, 'src', 'a.ts')));
      rmSync(join(root, 'src', 'a.ts'));
    }],
  ])('builds again when %s', async (_what, change) => {
    const root = await built();
    change(root);
    expect(buildState(root, TARGET)).toMatchObject({ build: true, reason: 'its inputs changed (src, config.json)' });
  });

  it('does not count files in a skipped folder (a build\'s own output among its inputs)', async () => {
    const root = await built();
    writeFileSync(join(root, 'src', 'generated', 'x.js'), 'anything');
    expect(buildState(root, TARGET).build).toBe(false);
  });

  it('builds again when the stored hash is damaged', async () => {
    const root = await built();
    writeFileSync(join(root, 'out', INPUTS_FILE), 'not a hash\n');
    expect(buildState(root, TARGET).build).toBe(true);
  });

  it('keeps the previous output and its hash when a build fails, and leaves no half-made folder', async () => {
    const root = await built();
    const before = readFileSync(join(root, 'out', INPUTS_FILE), 'utf8');
    writeFileSync(join(root, 'src', 'a.ts'), 'export const a = 3;\n');
    const { hash } = buildState(root, TARGET);
    await expect(replaceOutput(root, TARGET.out, hash, (tmp) => {
      mkdirSync(tmp);
      writeFileSync(join(tmp, 'a.js'), 'half');
      throw new Error('the compiler failed');
    })).rejects.toThrow('the compiler failed');
    expect(readFileSync(join(root, 'out', 'a.js'), 'utf8')).toBe('built');
    expect(readFileSync(join(root, 'out', INPUTS_FILE), 'utf8')).toBe(before);
    expect(buildState(root, TARGET).build).toBe(true);
    expect(existsSync(join(root, `out.tmp-${process.pid}`))).toBe(false);
  });
});
