/**
 * The one module that talks to the API server (api/, issue 5). Every call returns the parsed JSON or
 * throws an `ApiError` whose message is the server's own words (Fastify's `{ message }`), so a screen
 * can show it next to the control that caused it. Paths are relative, so the same build works when
 * served by `npm start` and behind the dev server's proxy. Answers are typed with the server's own
 * types (`import type` from api/ and solver/): lists are bare arrays, as the routes' schemas declare.
 *
 * Token mode (api/auth/access.ts): once `authorize(token)` is called every request carries
 * `Authorization: Bearer TOKEN`; a 401 on any request (a revoked token) is told to the handler set
 * with `onUnauthorized` (the session returns to sign-in) before the call throws as usual.
 */
import type { PlanSummary } from '../../api/jobs/planSummary.ts';
import type { PlanRecord } from '../../api/storage/planStore.ts';
import type { Center, CivilServant, Field, HistoryRow, InputProblem, Month } from '../../solver/domain.ts';
import type { NormsChoice } from '../../solver/workload/calibrationTypes.ts';
import type { ModelCheck } from '../../solver/workload/modelCheck.ts';
import type { DossierForecast } from '../../solver/forecast/forecastHistory.ts';
import type { PlanResult } from '../../solver/plan/planResult.ts';
import type { TradeoffPoint } from '../../solver/plan/tradeoffCurve.ts';
import type { CityWorkload } from '../../solver/workload/workloadTypes.ts';
import type { Comparison } from './comparison.ts';
import type { ScenarioLevers } from './scenario.ts';

/** A failed call: HTTP status (0 = no answer) and the server's message. */
export class ApiError extends Error {
  readonly status: number;
  /** Server's validation details (`file`, `line`, `column`...) when it sent any. */
  readonly problems: readonly InputProblem[];
  constructor(status: number, message: string, problems: readonly InputProblem[] = []) {
    super(message);
    this.status = status;
    this.problems = problems;
  }
}

const BASE = 'api';

const errorFrom = async (response: Response): Promise<ApiError> => {
  const text = await response.text();
  try {
    const body = JSON.parse(text) as { message?: string; error?: string; problems?: InputProblem[] };
    return new ApiError(response.status, body.message ?? body.error ?? response.statusText, body.problems ?? []);
  } catch {
    return new ApiError(response.status, text.trim() || response.statusText);
  }
};

/** The bearer token every request carries (token mode), if any. */
let bearer: string | undefined;
let unauthorized: ((message: string) => void) | undefined;

/** Sends `token` with every later request; `undefined` stops sending one (signed out, local mode). */
export const authorize = (token: string | undefined): void => {
  bearer = token;
};

/** Calls `handler` with the server's message whenever a request is refused with 401. Returns the unsubscribe. */
export const onUnauthorized = (handler: (message: string) => void): (() => void) => {
  unauthorized = handler;
  return () => {
    if (unauthorized === handler) unauthorized = undefined;
  };
};

interface RequestOptions {
  readonly signal?: AbortSignal;
  /** Checks this token instead of the session's, and keeps its 401 from ending the session (sign-in). */
  readonly token?: string;
}

/** The raw answer of a call, or an `ApiError` with the server's words (a 401 is also told to `onUnauthorized`). */
const send = async (method: string, path: string, body: unknown, options: RequestOptions = {}): Promise<Response> => {
  let response: Response;
  try {
    const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
    const token = options.token ?? bearer;
    if (token !== undefined) headers['authorization'] = `Bearer ${token}`;
    const init: RequestInit = { method, headers };
    if (body !== undefined) init.body = JSON.stringify(body);
    if (options.signal) init.signal = options.signal;
    response = await fetch(`${BASE}/${path}`, init);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, error instanceof Error ? error.message : String(error));
  }
  if (response.ok) return response;
  const error = await errorFrom(response);
  if (error.status === 401 && options.token === undefined) unauthorized?.(error.message);
  throw error;
};

const request = async <T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> => {
  const response = await send(method, path, body, signal ? { signal } : {});
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
};

const query = (params: Readonly<Record<string, string | number | undefined>>): string => {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
};

export interface DatasetVersion {
  readonly version: number;
  readonly hash: string;
  readonly name: string;
  readonly source: string;
  readonly createdAt: string;
  readonly counts: { readonly centers: number; readonly fields: number; readonly historyRows: number; readonly staff: number };
  readonly active: boolean;
}

export type TableName = 'centers' | 'fields' | 'history' | 'staff';
export const TABLE_NAMES: readonly TableName[] = ['centers', 'fields', 'history', 'staff'];

/** Answer of an import: the new version, or every problem found (nothing imported). */
export interface ImportReply {
  readonly ok: boolean;
  readonly version?: DatasetVersion;
  readonly warnings?: readonly InputProblem[];
  readonly problems?: readonly InputProblem[];
}

export interface ScenarioRecord {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  /** The levers as they were saved: a lever left out takes its default (DEFAULT_LEVERS). */
  readonly scenario: Partial<ScenarioLevers>;
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export type JobStatus = PlanRecord['status'];

/**
 * A plan job as GET /api/plans and /api/plans/:id send it: the store's record, its scenario with
 * every lever and its summary typed as the wire schema declares them (api/schemas/planSchemas.ts).
 */
export type PlanJob = Omit<PlanRecord, 'scenario' | 'summary'> & {
  /** The levers as they were saved: a lever left out takes its default (DEFAULT_LEVERS), so read the period from `summary`. */
  readonly scenario: Partial<ScenarioLevers>;
  readonly summary: PlanSummary | null;
};

/** GET /api/health (open): the server is up, its access mode and the active dataset version. */
export interface Health {
  readonly ok: boolean;
  readonly mode: string;
  readonly datasetVersion: number;
  readonly datasetHash: string;
}

/** Forecast of one center x field x channel series, as the forecast module gives it. */
export type CenterSeriesForecast = DossierForecast;

/** Who the request acts as, and the server's access mode (GET /api/me). */
export interface Me {
  readonly name: string;
  readonly role: 'viewer' | 'planner' | 'admin';
  readonly mode: 'local' | 'tokens';
}

export const api = {
  health: (): Promise<Health> => request('GET', 'health'),
  /** Who am I; with `token`, checks that token (sign-in) without touching the session's. */
  me: async (token?: string): Promise<Me> => (await send('GET', 'me', undefined, token === undefined ? {} : { token })).json() as Promise<Me>,
  datasets: (): Promise<DatasetVersion[]> => request('GET', 'datasets'),
  activateDataset: (version: number): Promise<DatasetVersion> => request('POST', `datasets/${version}/activate`, {}),
  /** The four tables as named texts; the server validates them all or imports nothing. */
  importTables: (tables: Readonly<Record<TableName, { name: string; text: string }>>, name: string, activate: boolean): Promise<ImportReply> =>
    request('POST', 'datasets', { name, activate, ...tables }),
  /** Dossier-level rows, aggregated by the server onto the active version's history. */
  importDossiers: (dossiers: { name: string; text: string }, name: string, activate: boolean): Promise<ImportReply> =>
    request('POST', 'datasets/dossiers', { name, activate, dossiers }),
  centers: (): Promise<Center[]> => request('GET', 'centers'),
  fields: (): Promise<Field[]> => request('GET', 'fields'),
  /** Staff of one center, or of the whole city without `center` (personal data: signed-in roles only). */
  staff: (center?: string): Promise<CivilServant[]> => request('GET', `staff${query({ center })}`),
  /** Every history row of one center (a center has 12-14 fields x 2 channels x ~46 months, well under one page). */
  history: async (center: string): Promise<readonly HistoryRow[]> =>
    (await request<{ rows: readonly HistoryRow[] }>('GET', `history${query({ center, limit: 10_000 })}`)).rows,
  forecasts: (center: string): Promise<CenterSeriesForecast[]> => request('GET', `forecasts${query({ center })}`),
  workload: (period: Month, quantile: number, norms: NormsChoice = 'official'): Promise<CityWorkload> =>
    request('GET', `workload${query({ period, quantile, norms: norms === 'official' ? undefined : norms })}`),
  modelCheck: (norms: NormsChoice, rows: 'judged' | 'flagged' | 'all' = 'judged'): Promise<ModelCheck> => request('GET', `model-check${query({ norms, rows })}`),
  scenarios: (): Promise<ScenarioRecord[]> => request('GET', 'scenarios'),
  createScenario: (name: string, scenario: ScenarioLevers): Promise<ScenarioRecord> => request('POST', 'scenarios', { name, scenario }),
  updateScenario: (id: string, name: string, scenario: ScenarioLevers): Promise<ScenarioRecord> =>
    request('PUT', `scenarios/${id}`, { name, scenario }),
  deleteScenario: (id: string): Promise<void> => request('DELETE', `scenarios/${id}`),
  copyScenario: (id: string): Promise<ScenarioRecord> => request('POST', `scenarios/${id}/copy`, {}),
  solve: (scenarioId: string): Promise<PlanJob> => request('POST', 'plans', { scenarioId }),
  plans: (): Promise<PlanJob[]> => request('GET', 'plans'),
  plan: (id: string): Promise<PlanJob> => request('GET', `plans/${id}`),
  /** The plan result, version 2 (solver/plan/planResult.ts): `outcome` null when no plan exists. */
  planResult: (id: string): Promise<PlanResult> => request('GET', `plans/${id}/result`),
  cancelPlan: (id: string): Promise<PlanJob> => request('POST', `plans/${id}/cancel`, {}),
  compare: (planIds: readonly string[]): Promise<Comparison> => request('POST', 'comparisons', { planIds }),
  tradeoff: async (scenarioId: string): Promise<readonly TradeoffPoint[]> =>
    (await request<{ points: readonly TradeoffPoint[] }>('POST', 'tradeoffs', { scenarioId })).points,
};

export type ExportKind = 'csv' | 'xlsx' | 'lp' | 'memo';

/** Where an export lives; the links keep it so they read as links, but a click fetches it (`exportFile`). */
export const exportUrl = (planId: string, kind: ExportKind): string =>
  `${BASE}/plans/${planId}/export/${kind}`;

/** The file name in `content-disposition: attachment; filename="plan-1a2b3c4d.csv"`, if any. */
export const fileNameOf = (disposition: string | null): string | undefined =>
  /filename="?([^";]+)"?/.exec(disposition ?? '')?.[1];

/** One export of a plan, fetched with the session's token: its bytes and the server's file name. `search`: e.g. '?lang=en'. */
export const exportFile = async (planId: string, kind: ExportKind, search = ''): Promise<{ blob: Blob; fileName: string }> => {
  const response = await send('GET', `plans/${planId}/export/${kind}${search}`, undefined);
  const fileName = fileNameOf(response.headers.get('content-disposition')) ?? `plan-${planId.slice(0, 8)}.${kind === 'memo' ? 'html' : kind}`;
  return { blob: await response.blob(), fileName };
};
