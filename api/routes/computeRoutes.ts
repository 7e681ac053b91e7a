/**
 * Forecasts and workload of the active dataset, computed in the worker pool and cached per
 * dataset content hash. The server prepares them in the background at start and after an import
 * (GET /api/forecasts/status says how far); a request that comes first waits for them.
 */
import { Type } from '@sinclair/typebox';
import { errors, List } from '../schemas/common.ts';
import { ModelCheckQuery, ModelCheckSchema } from '../schemas/modelCheckSchemas.ts';
import { NormsUsedSchema } from '../schemas/planSchemas.ts';
import type { Routes } from './context.ts';
import { MONTH_PATTERN } from '../../solver/forecast/months.ts';
import { found } from './httpError.ts';

const Month = Type.String({ pattern: MONTH_PATTERN, description: 'YYYY-MM' });
const Numbers = List(Type.Number());

const ForecastSchema = Type.Object({
  centerCode: Type.String(),
  field: Type.String(),
  channel: Type.String(),
  months: List(Type.String()),
  mean: Numbers,
  lo80: Numbers,
  hi80: Numbers,
  lo95: Numbers,
  hi95: Numbers,
  method: Type.String({ description: 'method chosen by rolling-origin backtest (MASE)' }),
  backtest: List(Type.Object({}, { additionalProperties: true })),
});

const AnyObject = Type.Object({}, { additionalProperties: true });

const PreparationSchema = Type.Object({
  datasetVersion: Type.Integer(),
  datasetHash: Type.String(),
  state: Type.Union([Type.Literal('pending'), Type.Literal('preparing'), Type.Literal('ready'), Type.Literal('failed')], {
    description: 'pending: nothing prepares the forecasts yet (the first request computes them); preparing: the server computes them in the background; ready; failed (error says why)',
  }),
  stage: Type.String({ description: 'what runs now: workload (the overview\'s), forecasts, solver; done once ready' }),
  startedAt: Type.Union([Type.Null(), Type.String()]),
  seconds: Type.Union([Type.Null(), Type.Number()], { description: 'how long the preparation took, once over' }),
  stages: Type.Record(Type.String(), Type.Number(), { description: 'seconds of each stage done so far (workload, forecasts, solver)' }),
  error: Type.Union([Type.Null(), Type.String()]),
});

export const computeRoutes: Routes = (api, { datasets, compute }) => {
  api.get('/forecasts/status', {
    config: { access: 'public' },
    schema: {
      tags: ['forecast'],
      summary: 'Whether the forecasts of the active dataset are ready, or being prepared in the background (open: it names no data)',
      response: { 200: PreparationSchema },
    },
  }, async () => {
    const active = datasets.active();
    return { datasetVersion: active.version, ...compute.preparation(active) };
  });

  api.get('/forecasts', {
    config: { access: 'viewer' },
    schema: {
      tags: ['forecast'],
      summary: 'Monthly dossier forecasts (mean, 80% and 95% intervals) per center x field x channel',
      querystring: Type.Object({
        center: Type.Optional(Type.String()),
        field: Type.Optional(Type.String()),
        channel: Type.Optional(Type.Union([Type.Literal('direct'), Type.Literal('online')])),
      }, { additionalProperties: false }),
      response: { 200: List(ForecastSchema), ...errors(400, 503) },
    },
  }, async (request) => {
    const { center, field, channel } = request.query;
    const all = await compute.forecasts(datasets.active());
    return all.filter((f) => (center === undefined || f.centerCode === center) && (field === undefined || f.field === field) && (channel === undefined || f.channel === channel));
  });

  api.get('/workload', {
    config: { access: 'viewer' },
    schema: {
      tags: ['forecast'],
      summary: 'Workload of every center and field in one month with today\'s staff: required hours, utilization, shortfall, counters',
      querystring: Type.Object({
        period: Month,
        quantile: Type.Optional(Type.Union([Type.Literal(0.5), Type.Literal(0.8), Type.Literal(0.95)], { default: 0.8 })),
        norms: Type.Optional(Type.Union([Type.Literal('official'), Type.Literal('calibrated')], { default: 'official', description: 'official norms, or those calibrated on the history\'s outcomes (official when it has none: `norms` in the answer says which)' })),
      }, { additionalProperties: false }),
      response: {
        200: Type.Object({
          period: Type.String(),
          quantile: Type.Number(),
          source: Type.String(),
          workingDays: Type.Number(),
          hoursPerFte: Type.Number(),
          options: AnyObject,
          norms: NormsUsedSchema,
          fields: List(AnyObject),
          centers: List(AnyObject),
          totals: AnyObject,
        }),
        ...errors(400, 503),
      },
    },
  }, async (request) => {
    const { period, quantile, norms } = request.query;
    // Official norms leave `norms` out of the options, so the overview's workloads prepared at start are found.
    return compute.workload(datasets.active(), { period, quantile: quantile ?? 0.8, ...(norms === 'calibrated' ? { norms } : {}) });
  });

  api.get('/model-check', {
    config: { access: 'viewer' },
    schema: {
      tags: ['forecast'],
      summary: 'The model check: for every center and month of the history, the load the norms give next to what happened (on time, late, pending), the months where they disagree in words, and the calibration of the norms',
      querystring: ModelCheckQuery,
      response: { 200: ModelCheckSchema, ...errors(400, 404, 422, 503) },
    },
  }, async (request) => {
    const { norms, rows, center } = request.query;
    const active = datasets.active();
    // An unknown center is a mistake to name, not an empty list of months.
    if (center !== undefined) found(active.dataset.centers.find((c) => c.code === center), 'center', center);
    const check = await compute.modelCheck(active, norms ?? 'official');
    const wanted = rows ?? 'judged';
    return {
      ...check,
      rows: check.rows.filter((r) =>
        (center === undefined || r.centerCode === center) &&
        (wanted === 'all' || center !== undefined || (wanted === 'judged' ? r.verdict !== 'not_judged' : r.verdict === 'overloaded_unseen' || r.verdict === 'late_unexplained'))),
    };
  });
};
