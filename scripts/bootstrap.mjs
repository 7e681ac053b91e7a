// The first step of `npm start`, `npm test` and every command: brings a clone to the state it needs,
// doing only what is not done yet, then (with `run`) starts the compiled entry in this same process.
//
//   node scripts/bootstrap.mjs start            install, build the web planner and dist/, start the server
//   node scripts/bootstrap.mjs test             install, build dist/ (the tests of the compiled server use it)
//   node scripts/bootstrap.mjs web              install, build the web planner (the browser journeys)
//   node scripts/bootstrap.mjs run cli/plan ... install, build dist/, run dist/cli/plan.js with the arguments
//
// Written with Node's standard library only: it runs before node_modules exists. Steps:
// 1. `npm ci` when node_modules is missing or its record of what is installed
//    (node_modules/.package-lock.json, written by npm) differs from package-lock.json.
// 2. Each build when the SHA-256 of its inputs differs from the one stored beside its output
//    (OUTPUT/.inputs-sha256); a build is written to a temporary folder and moved into place whole.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/** File beside a build's output holding the SHA-256 of the inputs it was built from. */
export const INPUTS_FILE = '.inputs-sha256';

const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

/**
 * Whether node_modules under `root` holds exactly what package-lock.json says.
 * Returns `{ install: boolean, reason: string }`; the reason names what differs.
 */
export const installState = (root) => {
  const modules = join(root, 'node_modules');
  if (!existsSync(modules)) return { install: true, reason: 'node_modules is missing' };
  const record = join(modules, '.package-lock.json');
  if (!existsSync(record)) return { install: true, reason: 'node_modules/.package-lock.json is missing (not installed by npm ci or npm install)' };
  let locked;
  let installed;
  try {
    locked = readJson(join(root, 'package-lock.json')).packages ?? {};
    installed = readJson(record).packages ?? {};
  } catch (error) {
    return { install: true, reason: `cannot read the lock file or node_modules/.package-lock.json: ${error.message}` };
  }
  for (const [path, entry] of Object.entries(locked)) {
    if (path === '') continue;
    const have = installed[path];
    // npm leaves out optional packages of other platforms (e.g. @esbuild/darwin-arm64).
    if (have === undefined) {
      if (entry.optional === true || entry.devOptional === true) continue;
      return { install: true, reason: `${path} ${entry.version ?? ''} is in package-lock.json but not installed` };
    }
    if (have.version !== entry.version || (have.integrity ?? null) !== (entry.integrity ?? null) || (have.resolved ?? null) !== (entry.resolved ?? null)) {
      return { install: true, reason: `${path} is ${have.version} in node_modules, ${entry.version} in package-lock.json` };
    }
    if (!existsSync(join(root, path))) return { install: true, reason: `${path} is recorded as installed but its folder is gone` };
  }
  for (const path of Object.keys(installed)) {
    if (!(path in locked)) return { install: true, reason: `${path} is installed but not in package-lock.json` };
  }
  return { install: false, reason: 'node_modules matches package-lock.json' };
};

/** Every file under `path` (a file or a folder), relative to `root`, except the folders in `skip`. */
const filesUnder = (root, path, skip) => {
  const full = join(root, path);
  if (!existsSync(full)) return [];
  if (!lstatSync(full).isDirectory()) return [path];
  const out = [];
  for (const entry of readdirSync(full, { withFileTypes: true })) {
    const child = path === '' ? entry.name : `${path}/${entry.name}`;
    if (skip.includes(child)) continue;
    if (entry.isDirectory()) out.push(...filesUnder(root, child, skip));
    else if (entry.isFile()) out.push(child);
  }
  return out;
};

/** SHA-256 of the inputs' paths and contents (`inputs`: files or folders relative to `root`). */
export const inputsHash = (root, inputs, skip = []) => {
  const hash = createHash('sha256');
  const files = [...new Set(inputs.flatMap((p) => filesUnder(root, p, skip)))].sort();
  for (const file of files) {
    hash.update(`${file}\0`);
    hash.update(readFileSync(join(root, file)));
    hash.update('\0');
  }
  return hash.digest('hex');
};

/**
 * Whether `target` ({ name, out, inputs, skip }) must be built: its output folder `out` lacks the
 * inputs' hash or holds another one. Returns `{ build, hash, reason }`.
 */
export const buildState = (root, target) => {
  const hash = inputsHash(root, target.inputs, target.skip ?? []);
  const file = join(root, target.out, INPUTS_FILE);
  if (!existsSync(file)) return { build: true, hash, reason: `${target.out} is not built` };
  const stored = readFileSync(file, 'utf8').trim();
  if (stored !== hash) return { build: true, hash, reason: `its inputs changed (${target.inputs.join(', ')})` };
  return { build: false, hash, reason: `${target.out} is current` };
};

/**
 * Runs `make(tmp)` to write a build into a fresh temporary folder, stores `hash` in it, then puts
 * it in place of `out` (the old output is removed only once the new one is complete).
 */
export const replaceOutput = async (root, out, hash, make) => {
  const target = join(root, out);
  const tmp = `${target}.tmp-${process.pid}`;
  const old = `${target}.old-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(dirname(target), { recursive: true });
  try {
    await make(tmp);
    writeFileSync(join(tmp, INPUTS_FILE), `${hash}\n`);
    if (existsSync(target)) renameSync(target, old);
    renameSync(tmp, target);
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    rmSync(old, { recursive: true, force: true });
  }
};

/** The compiled server, commands and worker thread (esbuild, one bundle each, source maps beside). */
export const DIST = {
  name: 'the server and commands',
  out: 'dist',
  inputs: ['api', 'solver', 'package-lock.json', 'tsconfig.json', 'scripts/bootstrap.mjs'],
  entries: {
    server: 'api/server.ts',
    'jobs/computeWorker': 'api/jobs/computeWorker.ts',
    'cli/plan': 'api/cli/plan.ts',
    'cli/potentialWorker': 'api/cli/potentialWorker.ts',
    'cli/overview': 'api/cli/overview.ts',
    'cli/forecast': 'api/cli/forecast.ts',
    'cli/check-data': 'api/cli/check-data.ts',
    'cli/model-check': 'api/cli/model-check.ts',
    'cli/admin': 'api/cli/admin.ts',
    'cli/template': 'api/cli/template.ts',
  },
};

/** The web planner (vite); it imports solver/ and types from api/. */
export const WEB = {
  name: 'the web planner',
  out: 'web/dist',
  inputs: ['web', 'solver', 'api', 'package-lock.json', 'tsconfig.json'],
  skip: ['web/dist', 'web/docs'],
};

/** File in dist/ holding esbuild's metafile: every output's imports (static or dynamic) and inputs. */
export const DIST_METAFILE = 'metafile.json';

const buildDist = async (root, tmp) => {
  const { build } = await import(pathToFileURL(join(root, 'node_modules', 'esbuild', 'lib', 'main.js')).href);
  const result = await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(DIST.entries).map(([name, file]) => [name, join(root, file)])),
    outdir: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Packages stay in node_modules (native better-sqlite3, HiGHS's WebAssembly found beside its module).
    packages: 'external',
    // Code shared by entries goes into chunks, and a dynamic import() stays a separate chunk loaded when
    // reached: without splitting, esbuild inlines what a module imports lazily and hoists the packages
    // it needs to the top of the entry, so every command loaded them all at start (exceljs alone:
    // 1.4 s in the server and 2.9 s in each worker thread, measured with --cpu-prof at load 6).
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    // What each output imports, statically or lazily (test/scripts/compiled.test.ts reads it).
    metafile: true,
    sourcemap: 'linked',
    // Stack traces name the .ts files and lines (in worker threads too: each entry turns it on).
    banner: { js: 'process.setSourceMapsEnabled(true);' },
    logLevel: 'warning',
  });
  // Outputs named as in dist/ (esbuild names them under the temporary folder).
  const prefix = `${relative(root, tmp).split(sep).join('/')}/`;
  const local = (path) => (path.startsWith(prefix) ? path.slice(prefix.length) : path);
  const outputs = Object.fromEntries(Object.entries(result.metafile.outputs).map(([file, output]) => [
    local(file),
    { ...output, imports: output.imports.map((i) => ({ ...i, path: local(i.path) })) },
  ]));
  writeFileSync(join(tmp, DIST_METAFILE), JSON.stringify({ outputs }));
};

const buildWeb = (root, tmp) => {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const run = spawnSync(process.execPath, [vite, 'build', '--config', join(root, 'web', 'vite.config.ts'), '--outDir', tmp, '--emptyOutDir', '--logLevel', 'warn'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) throw new Error(`vite build failed (exit ${run.status ?? run.signal})`);
};

const say = (line) => process.stderr.write(`[bootstrap] ${line}\n`);
const seconds = (t0) => `${((performance.now() - t0) / 1000).toFixed(1)} s`;

/** Step 1: `npm ci` when needed. A node_modules that is a link (shared with another checkout) is never reinstalled from here. */
export const ensureInstall = (root) => {
  const state = installState(root);
  if (!state.install) return false;
  const modules = join(root, 'node_modules');
  if (existsSync(modules) && lstatSync(modules).isSymbolicLink()) {
    throw new Error(`node_modules must be reinstalled (${state.reason}), but it is a link to ${realpathSync(modules)}, shared with another checkout: run npm ci there`);
  }
  const t0 = performance.now();
  say(`installing the dependencies with npm ci: ${state.reason}`);
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (run.status !== 0) throw new Error(`npm ci failed (exit ${run.status ?? run.signal})`);
  say(`installed in ${seconds(t0)}`);
  return true;
};

/** Step 2: one build when its inputs changed. */
const ensureBuild = async (root, target, make) => {
  const state = buildState(root, target);
  if (!state.build) return false;
  const t0 = performance.now();
  say(`building ${target.name} into ${target.out}: ${state.reason}`);
  await replaceOutput(root, target.out, state.hash, (tmp) => make(root, tmp));
  say(`built ${target.out} in ${seconds(t0)}`);
  return true;
};

const USAGE = 'usage: node scripts/bootstrap.mjs start | test | web | run ENTRY [ARGS...]   (ENTRY: server, cli/plan, cli/overview, ...)';

/** Installs and builds what `argv` (start | test | web | run ENTRY ...) needs; gives the entry to start, if any. */
const prepare = async (argv) => {
  const [mode, entry, ...rest] = argv;
  if (mode === undefined || !['start', 'test', 'web', 'run'].includes(mode) || (mode === 'run' && (entry === undefined || !(entry in DIST.entries)))) {
    throw Object.assign(new Error(USAGE), { exitCode: 2 });
  }
  const t0 = performance.now();
  const installed = ensureInstall(ROOT);
  const web = mode === 'start' || mode === 'web' ? await ensureBuild(ROOT, WEB, buildWeb) : false;
  const dist = mode === 'web' ? false : await ensureBuild(ROOT, DIST, buildDist);
  if (installed || web || dist) say(`ready in ${seconds(t0)}`);
  if (mode !== 'start' && mode !== 'run') return undefined;
  return { file: join(ROOT, DIST.out, `${mode === 'start' ? 'server' : entry}.js`), args: mode === 'start' ? [] : rest };
};

if (process.argv[1] !== undefined && realpathSync(process.argv[1]).split(sep).join('/') === fileURLToPath(import.meta.url).split(sep).join('/')) {
  const started = await prepare(process.argv.slice(2)).catch((error) => {
    process.stderr.write(`[bootstrap] ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(error.exitCode ?? 1);
  });
  if (started !== undefined) {
    // The entry sees its arguments as if started as `node dist/ENTRY.js ARGS` (its own path in argv[1]);
    // its errors are its own (not caught here).
    process.argv = [process.argv[0] ?? process.execPath, started.file, ...started.args];
    await import(pathToFileURL(started.file).href);
  }
}
