/**
 * Starts the API server: `npm start` (scripts/bootstrap.mjs installs and builds what is missing, then
 * runs this module compiled, dist/server.js).
 *
 *   HOST      address to bind (default 127.0.0.1). Loopback = local single-user mode, no tokens;
 *             any other address requires bearer tokens (create them with `npm run admin`).
 *   ACCESS    `tokens` requires bearer tokens even on loopback (e.g. behind a reverse proxy on the
 *             same machine, and the browser tests of token mode). Default: decided by HOST.
 *   PORT      TCP port (default 8080; 0 = any free port).
 *   DATA_DIR  directory of the SQLite database (default ./.data), created on first start.
 *   DATASET_DIR  dataset stored as a version at start when new (default: the embedded data/haiphong).
 *   WRITES_PER_MINUTE  writes allowed per minute to each user (by token) or, without a token, to
 *             each client address (default 600).
 *   ALLOWED_HOSTS  host names (comma-separated) the server answers to besides the loopback names:
 *             the intranet name or address users type (default: when HOST is a specific address,
 *             that address; when it is 0.0.0.0 or ::, this machine's addresses and host name).
 *             Any other Host header is refused (DNS rebinding).
 *   TRUST_PROXY  addresses (comma-separated, CIDR allowed) of reverse proxies whose X-Forwarded-*
 *             headers are believed, or `true` (default: none).
 *   WEB_DIR   built web planner served at / (default web/dist, which `npm start` builds when its
 *             sources changed: scripts/bootstrap.mjs).
 *   FORECAST_DIR  folder of the forecast files shared with the commands (default
 *             node_modules/.cache/commune-planner, api/storage/forecastFiles.ts).
 *
 * Prints the address once listening. SIGINT/SIGTERM close it cleanly (running solves stop).
 */
import { existsSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { buildApp, DEFAULT_WEB_DIR } from './app.ts';
import { isLoopback } from './auth/access.ts';
import { startFailureMessage } from './storage/startFailureMessage.ts';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;
export const DEFAULT_DATA_DIR = '.data';

const env = process.env;
const host = env['HOST'] ?? DEFAULT_HOST;
const port = Number(env['PORT'] ?? DEFAULT_PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be an integer from 0 to 65535, got "${env['PORT']}"`);
  process.exit(2);
}
const dataDir = resolve(env['DATA_DIR'] ?? DEFAULT_DATA_DIR);
const access = env['ACCESS'];
if (access !== undefined && access !== 'tokens' && access !== 'local') {
  console.error(`ACCESS must be "tokens" or "local", got "${access}"`);
  process.exit(2);
}
if (access === 'local' && !isLoopback(host)) {
  console.error(`ACCESS=local is refused on ${host}: a server reachable from other machines needs tokens`);
  process.exit(2);
}
const mode = access ?? (isLoopback(host) ? 'local' : 'tokens');
const writes = env['WRITES_PER_MINUTE'] === undefined ? undefined : Number(env['WRITES_PER_MINUTE']);
if (writes !== undefined && (!Number.isInteger(writes) || writes < 1)) {
  console.error(`WRITES_PER_MINUTE must be a positive integer, got "${env['WRITES_PER_MINUTE']}"`);
  process.exit(2);
}

/** Host names answered besides loopback: ALLOWED_HOSTS, else what binding HOST implies. */
const allowedHosts = (): string[] => {
  const listed = (env['ALLOWED_HOSTS'] ?? '').split(',').map((h) => h.trim()).filter((h) => h !== '');
  if (listed.length > 0) return listed;
  if (isLoopback(host)) return [];
  if (host !== '0.0.0.0' && host !== '::') return [host];
  const addresses = Object.values(networkInterfaces()).flatMap((list) => (list ?? []).map((a) => a.address));
  return [hostname(), ...addresses];
};
const trustProxyOf = (value: string | undefined): boolean | string | undefined =>
  value === undefined || value === '' || value === 'false' ? undefined : value === 'true' ? true : value;
const trustProxy = trustProxyOf(env['TRUST_PROXY']);
const hosts = allowedHosts();

const webDir = env['WEB_DIR'];
// `npm start` builds the web planner first (scripts/bootstrap.mjs); started any other way, the API runs without it.
if (!existsSync(join(webDir ?? DEFAULT_WEB_DIR, 'index.html'))) console.log(`The web planner is not built in ${webDir ?? DEFAULT_WEB_DIR} (npm start builds it); the API starts without it.`);

/** Prints why the server cannot start as one plain paragraph (no stack) and exits with 1. */
const startFailed = (error: unknown): never => {
  console.error(startFailureMessage(error, dataDir));
  process.exit(1);
};

console.log(`Loading data (${dataDir})...`);
const datasetDir = env['DATASET_DIR'];
const forecastDir = env['FORECAST_DIR'];
const app = await buildApp({
  dataDir,
  mode,
  logger: env['LOG'] === '1',
  warmSolver: true,
  prepare: true,
  log: (line) => console.log(line),
  allowedHosts: hosts,
  ...(trustProxy === undefined ? {} : { trustProxy }),
  ...(writes === undefined ? {} : { writesPerMinute: writes }),
  ...(datasetDir === undefined ? {} : { datasetDir: resolve(datasetDir) }),
  ...(forecastDir === undefined ? {} : { forecastDir: resolve(forecastDir) }),
  ...(webDir === undefined ? {} : { webDir: resolve(webDir) }),
}).catch(startFailed);
const address = await app.listen({ host, port }).catch(startFailed);
console.log(`Commune staffing planner listening on ${address} (${mode === 'local' ? 'local single-user mode, no tokens' : 'bearer tokens required'})`);
console.log(`API docs: ${address}/docs`);
console.log(`Answers to the host names: localhost, 127.0.0.1, ::1${hosts.length > 0 ? `, ${hosts.join(', ')}` : ''} (ALLOWED_HOSTS adds others)`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void app.close().then(() => process.exit(0));
  });
}
