/**
 * What route modules are given: the stores and services they call. Handlers stay thin: they pick
 * request values, call one of these, and return the result.
 */
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AccessMode } from '../auth/access.ts';
import type { ComputeService } from '../jobs/computeService.ts';
import type { PlanJobs } from '../jobs/planJobs.ts';
import type { WorkerPool } from '../jobs/workerPool.ts';
import type { DatasetService } from '../storage/datasetService.ts';
import type { Storage } from '../storage/openStorage.ts';

export interface AppContext {
  readonly mode: AccessMode;
  readonly storage: Storage;
  readonly datasets: DatasetService;
  readonly pool: WorkerPool;
  readonly compute: ComputeService;
  readonly jobs: PlanJobs;
  /** The data directory, which worker threads open read-only. */
  readonly dataDir: string;
  /**
   * Starts preparing a dataset version in the background (forecasts, the overview's workload, a
   * worker ready to solve); does nothing when the app was built without `prepare`.
   */
  readonly prepare: (version: number) => void;
}

/** A Fastify instance whose route schemas type the handlers (TypeBox). */
export type Api = FastifyInstance<RawServerDefault, RawRequestDefaultExpression, RawReplyDefaultExpression, FastifyBaseLogger, TypeBoxTypeProvider>;

export type Routes = (api: Api, context: AppContext) => void;
