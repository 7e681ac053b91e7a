/**
 * Where the repository's files are, the same whether this code runs as TypeScript sources (api/,
 * through tsx) or compiled into dist/ by scripts/bootstrap.mjs: a path written relative to one
 * module's own URL would point elsewhere once the module is bundled into dist/, so every such path
 * is taken from here.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The nearest folder at or above `from` that holds package.json. */
export const packageRoot = (from: string): string => {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no package.json above ${from}`);
  }
};

export const REPO_ROOT = packageRoot(dirname(fileURLToPath(import.meta.url)));

/** Whether this module runs compiled (a .js file in dist/) rather than from its TypeScript source. */
export const COMPILED = import.meta.url.endsWith('.js');

/** The compiled server, commands and worker (scripts/bootstrap.mjs writes it). */
export const DIST_DIR = join(REPO_ROOT, 'dist');

/** The compute worker's entry: the compiled one beside the compiled server, else the TypeScript source. */
export const COMPUTE_WORKER_ENTRY: URL = pathToFileURL(COMPILED ? join(DIST_DIR, 'jobs', 'computeWorker.js') : join(REPO_ROOT, 'api', 'jobs', 'computeWorker.ts'));

/** The plan command's transfer-potential worker (api/cli/potentialWorker.ts), compiled or the TypeScript source. */
export const POTENTIAL_WORKER_ENTRY: URL = pathToFileURL(COMPILED ? join(DIST_DIR, 'cli', 'potentialWorker.js') : join(REPO_ROOT, 'api', 'cli', 'potentialWorker.ts'));

/** Starts a TypeScript worker entry through tsx (api/jobs/tsWorker.mjs reads `workerData.entry`). */
export const TS_WORKER_BOOTSTRAP: URL = pathToFileURL(join(REPO_ROOT, 'api', 'jobs', 'tsWorker.mjs'));
