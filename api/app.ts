/**
 * The API server as a factory that never listens (api/server.ts listens; tests call `inject`).
 *
 * Opens the data directory (SQLite, created on first use), stores the embedded dataset as a version
 * when its content hash is new, and registers: security headers, the write rate limit, the access
 * check, OpenAPI at /docs, every /api route, the built web planner at /, and one error handler.
 */
import { existsSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { join } from 'node:path';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { DEFAULT_DATASET_DIR } from './dataset-files.ts';
import { COMPUTE_WORKER_ENTRY, REPO_ROOT } from './repoPaths.ts';
import { bearerToken, openToEveryone, registerAccess, type AccessMode } from './auth/access.ts';
import { requestSourceCheck } from './auth/requestSource.ts';
import { newRequestId, registerRequestLog, stderrLog, type ErrorLog } from './requestLog.ts';
import { securityHeaders } from './securityHeaders.ts';
import { hashToken } from './storage/userStore.ts';
import { adminRoutes } from './routes/adminRoutes.ts';
import type { AppContext, Routes } from './routes/context.ts';
import { dataRoutes } from './routes/dataRoutes.ts';
import { datasetRoutes, IMPORT_BODY_LIMIT, IMPORT_TOO_LARGE } from './routes/datasetRoutes.ts';
import { scenarioRoutes } from './routes/scenarioRoutes.ts';
import { statusRoutes } from './routes/statusRoutes.ts';
import { computeService, overviewWorkloads, runTask, type Preparation } from './jobs/computeService.ts';
import type { ValidatedImport } from './jobs/importTasks.ts';
import { planJobs } from './jobs/planJobs.ts';
import { createWorkerPool } from './jobs/workerPool.ts';
import { planRoutes } from './routes/planRoutes.ts';
import { PlanRecordSchema, PlanSummarySchema } from './schemas/planSchemas.ts';
import { PlanResultSchema } from './schemas/planResultSchema.ts';
import { computeRoutes } from './routes/computeRoutes.ts';
import { ErrorReply } from './schemas/common.ts';
import { validatorCompiler } from './schemas/validators.ts';
import { CenterSchema, DatasetVersionSchema, FieldSchema, HistoryRowSchema, StaffSchema } from './schemas/datasetSchemas.ts';
import { ScenarioRecordSchema, ScenarioSchema } from './schemas/scenarioSchemas.ts';
import { datasetService } from './storage/datasetService.ts';
import { openStorage } from './storage/openStorage.ts';
import { DEFAULT_FORECAST_DIR, forecastFiles, forecastKeyOf } from './storage/forecastFiles.ts';

export interface AppOptions {
  /** Directory of the SQLite database; created when missing. */
  readonly dataDir: string;
  /** `local` (loopback, single user, no tokens) or `tokens` (bearer tokens and roles). */
  readonly mode: AccessMode;
  /**
   * Folder of the forecast files, one per dataset hash and forecasting code, shared with the
   * commands (api/storage/forecastFiles.ts). Default DEFAULT_FORECAST_DIR (node_modules/.cache/commune-planner).
   */
  readonly forecastDir?: string;
  /** Dataset stored as a version at start when its hash is new. Default: the embedded Hai Phong dataset. */
  readonly datasetDir?: string;
  /** Built web planner served at `/`. Default `web/dist`; skipped when it has no index.html. */
  readonly webDir?: string;
  /**
   * Writes (POST, PUT, DELETE) allowed per minute to each user (a request with a bearer token
   * counts against its token) or, without a token, to each client address. Default 600.
   */
  readonly writesPerMinute?: number;
  /**
   * Host names the server answers to besides the loopback names (the intranet name or address it is
   * reached by); any other Host header is refused (DNS rebinding). Default: none.
   */
  readonly allowedHosts?: readonly string[];
  /**
   * Fastify's `trustProxy`: the addresses (comma-separated, CIDR allowed) of reverse proxies whose
   * X-Forwarded-For, -Host and -Proto headers are believed (client address for the write limit, host
   * name, https), or true to believe any. Default false: no proxy is trusted.
   */
  readonly trustProxy?: boolean | string;
  /** Receives one JSON line per 5xx answer, whatever `logger` says. Default: standard error. */
  readonly errorLog?: ErrorLog;
  /** Worker threads for solves and forecasts. Default 1. */
  readonly workers?: number;
  /** Most tasks waiting for a worker; beyond it the API answers 503. Default 8. */
  readonly queueLimit?: number;
  /** Compile the solver (HiGHS) in each worker at start instead of at the first solve. Default false. */
  readonly warmSolver?: boolean;
  /**
   * Prepare the active dataset in the background as soon as the app is built, and every version
   * imported or activated later: forecasts (stored per content hash, so a restart finds them), the
   * overview's workload, and a worker ready to solve the default scenario. Default false.
   */
  readonly prepare?: boolean;
  /** Receives the server's own lines (preparation, each plan's stage times). Default: none. */
  readonly log?: (line: string) => void;
  /** Fastify's logger. Default off. */
  readonly logger?: boolean;
}

/** Largest request body outside imports, bytes. */
export const BODY_LIMIT = 1024 * 1024;

export const DEFAULT_WEB_DIR = join(REPO_ROOT, 'web', 'dist');

const SCHEMAS = [ErrorReply, CenterSchema, FieldSchema, StaffSchema, HistoryRowSchema, DatasetVersionSchema, ScenarioSchema, ScenarioRecordSchema, PlanSummarySchema, PlanRecordSchema, PlanResultSchema];
const ROUTES: readonly Routes[] = [statusRoutes, dataRoutes, datasetRoutes, computeRoutes, scenarioRoutes, planRoutes, adminRoutes];

const WORKER_ENTRY = COMPUTE_WORKER_ENTRY;
/** Longest an import's validation may run in its worker, ms. */
const IMPORT_LIMIT_MS = 300_000;

/**
 * One line naming the field: `body/name must NOT have fewer than 1 characters`,
 * `body/scenario must NOT have additional property "maxTransferz"`; the branches of a union are
 * joined with "or" (`body/scenario/maxTransfers must be null or must be >= 0`).
 */
const describe = (e: { message?: string; keyword: string; params: Record<string, unknown> }): string =>
  e.keyword === 'const' ? `must be ${JSON.stringify(e.params['allowedValue'])}` : e.message ?? 'is not valid';

const formatValidation = (errors: readonly { instancePath: string; message?: string; keyword: string; params: Record<string, unknown> }[], dataVar: string): Error => {
  const first = errors[0];
  if (first === undefined) return new Error(`${dataVar} is not valid`);
  const path = `${dataVar}${first.instancePath}`;
  if (first.keyword === 'additionalProperties') return new Error(`${path} must NOT have additional property "${String(first.params['additionalProperty'])}"`);
  const union = errors.some((e) => e.keyword === 'anyOf' && e.instancePath === first.instancePath);
  const messages = union
    ? [...new Set(errors.filter((e) => e.instancePath === first.instancePath && e.keyword !== 'anyOf').map(describe))]
    : [describe(first)];
  return new Error(`${path} ${messages.join(' or ')}`);
};

/** Sends client errors with their message and every other error as a fixed 500 (logged, never shown). */
const handleError = (error: FastifyError & { expose?: boolean }, request: Parameters<Parameters<FastifyInstance['setErrorHandler']>[0]>[1], reply: Parameters<Parameters<FastifyInstance['setErrorHandler']>[0]>[2]) => {
  if (error.validation !== undefined) {
    return reply.code(400).send({ statusCode: 400, error: 'Bad Request', message: error.message });
  }
  const status = error.statusCode ?? 500;
  if (error.expose === true && status === 503) {
    return reply.code(503).headers((error as { headers?: Record<string, string> }).headers ?? {}).send({ statusCode: 503, error: 'Service Unavailable', message: error.message });
  }
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' && request.url.includes('datasets')) {
    return reply.code(413).send({ statusCode: 413, error: 'Payload Too Large', message: IMPORT_TOO_LARGE });
  }
  if (status >= 400 && status < 500) {
    return reply.code(status).send({ statusCode: status, error: STATUS_CODES[status] ?? 'Error', message: error.message });
  }
  return reply.code(500).send({
    statusCode: 500,
    error: 'Internal Server Error',
    message: `the server could not answer this request; its error log has the details under request id ${request.id}`,
    requestId: request.id,
  });
};

export const buildApp = async (options: AppOptions): Promise<FastifyInstance> => {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT,
    schemaErrorFormatter: formatValidation,
    genReqId: newRequestId,
    requestIdHeader: false,
    trustProxy: options.trustProxy ?? false,
  }).withTypeProvider<TypeBoxTypeProvider>();
  // First of all hooks: the request id, then where the request comes from (host name, origin).
  registerRequestLog(app, options.errorLog ?? stderrLog);
  app.addHook('onRequest', requestSourceCheck({ allowedHosts: options.allowedHosts ?? [] }));

  const storage = openStorage(options.dataDir);
  app.addHook('onClose', async () => storage.close());
  storage.plans.failInterrupted();
  const forecastDir = options.forecastDir ?? DEFAULT_FORECAST_DIR;
  const pool = createWorkerPool({
    entry: WORKER_ENTRY,
    size: options.workers ?? 1,
    queueLimit: options.queueLimit ?? 8,
    workerOptions: { warm: options.warmSolver ?? false, forecastDir },
  });
  app.addHook('onClose', async () => pool.close());
  const datasets = datasetService(storage, options.dataDir, (kind, payload) => runTask(pool, kind, payload, IMPORT_LIMIT_MS) as Promise<ValidatedImport>);
  await datasets.seed(options.datasetDir ?? DEFAULT_DATASET_DIR, 'system');
  // With `prepare`, and forecasts of the active dataset not stored, a second worker shares the first
  // forecast (half the series each, on both cores), then stops. With them stored it would only load
  // its modules for nothing, on the cores the start needs.
  const helper = options.prepare === true && !forecastFiles(forecastDir).read(forecastKeyOf(datasets.active().hash)).ok
    ? createWorkerPool({ entry: WORKER_ENTRY, size: 1, queueLimit: 1, workerOptions: { forecastDir } })
    : undefined;
  if (helper !== undefined) app.addHook('onClose', async () => helper.close());
  const compute = computeService(pool, options.dataDir, forecastDir, helper);
  const jobs = planJobs(storage, datasets, pool, compute, options.dataDir, options.log);
  const prepare = (version: number): void => {
    if (options.prepare !== true) return;
    const loaded = datasets.load(version);
    if (loaded === undefined) return;
    const t0 = performance.now();
    options.log?.(`Preparing forecasts of dataset version ${version} in the background...`);
    const stages = (p: Preparation) => Object.entries(p.stages).map(([k, v]) => `${k} ${v} s`).join(', ');
    const warmed = (p: Preparation) =>
      options.log?.(`Warmed up for dataset version ${version} (${((performance.now() - t0) / 1000).toFixed(1)} s: ${stages(p)}; the overview's workloads and the default plan are prepared)`);
    void compute.prepare(loaded, overviewWorkloads(loaded.dataset), {}, warmed).then((p) => {
      const seconds = ((performance.now() - t0) / 1000).toFixed(1);
      options.log?.(p.state === 'ready'
        ? `Forecasts ready for dataset version ${version} (${seconds} s: ${stages(p)}); every request can be answered, the warm-up goes on`
        : `Preparing dataset version ${version} failed after ${seconds} s: ${p.error ?? ''} (forecasts are computed on first use)`);
    });
  };
  const context: AppContext = { mode: options.mode, storage, datasets, pool, compute, jobs, dataDir: options.dataDir, prepare };
  prepare(datasets.active().version);

  for (const schema of SCHEMAS) app.addSchema(schema);
  app.setValidatorCompiler(validatorCompiler(SCHEMAS));
  app.setErrorHandler(handleError);
  app.setNotFoundHandler((request, reply) =>
    reply.code(404).send({ statusCode: 404, error: 'Not Found', message: `no route ${request.method} ${request.url.split('?')[0]}` }));

  // HSTS only where the browser reached the server over https (plain HTTP on an intranet must not
  // tell browsers to insist on https for the name).
  const headers = securityHeaders();
  const plainHeaders = Object.fromEntries(Object.entries(headers).filter(([name]) => name !== 'strict-transport-security'));
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(request.protocol === 'https' ? headers : plainHeaders);
    done();
  });
  // Reads never count against the write limit: their routes skip the limiter's hook altogether
  // (an allowList would still run it, with the client address parsed, on every read).
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (methods.every((m) => m === 'GET' || m === 'HEAD' || m === 'OPTIONS')) route.config = { ...route.config, rateLimit: false };
  });
  await app.register(rateLimit, {
    global: true,
    max: options.writesPerMinute ?? 600,
    timeWindow: 60_000,
    allowList: (request) => request.method === 'GET' || request.method === 'HEAD' || request.method === 'OPTIONS',
    // Each user has their own budget (users behind one reverse proxy share an address); requests
    // without a token count against the client address (the proxy's client with trustProxy).
    keyGenerator: (request) => {
      const token = bearerToken(request.headers.authorization);
      return token === undefined ? `ip:${request.ip}` : `token:${hashToken(token)}`;
    },
  });
  await app.register(multipart, { limits: { fileSize: IMPORT_BODY_LIMIT, files: 5, fields: 10 } });
  registerAccess(app, options.mode, storage.users);

  await app.register(swagger, {
    openapi: {
      info: { title: 'Commune staffing planner API', version: '0.1.0', description: 'Workload, forecasts and staffing plans for commune-level public administration service centers.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
      security: options.mode === 'tokens' ? [{ bearer: [] }] : [],
    },
  });
  await app.register(async (api) => {
    for (const routes of ROUTES) routes(api as Parameters<Routes>[0], context);
  }, { prefix: '/api' });

  // The documentation and the web planner's files name no data: open to everyone.
  const webDir = options.webDir ?? DEFAULT_WEB_DIR;
  await app.register(async (open) => {
    openToEveryone(open);
    await open.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
    if (existsSync(join(webDir, 'index.html'))) await open.register(fastifyStatic, { root: webDir, prefix: '/' });
  });
  return app;
};
