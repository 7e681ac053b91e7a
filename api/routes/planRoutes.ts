/**
 * Plans as jobs (POST 202 with the job; GET status and progress; result; cancel), exports,
 * comparison of 2 to 4 plans, and the trade-off curve of a scenario.
 */
import { Type } from '@sinclair/typebox';
import { runTask } from '../jobs/computeService.ts';
import { resolveScenario, type Levers } from '../jobs/planPipeline.ts';
import { errors, IdParams, PageQuery } from '../schemas/common.ts';
import { CompareBody, ExportParams, PlanRecordSchema, PlanSummarySchema, SolveBody, TradeoffPoint } from '../schemas/planSchemas.ts';
import type { PlanRecord } from '../storage/planStore.ts';
import type { AppContext, Routes } from './context.ts';
import { found, httpError } from './httpError.ts';
import { planSummary } from '../jobs/planSummary.ts';
import { PLAN_RESULT_VERSION, type PlanResult } from '../../solver/plan/planResult.ts';
import { namesOf } from '../../solver/words.ts';
import { singleMonthOnly } from '../../solver/plan/singleMonthOnly.ts';
import { PlanResultSchema } from '../schemas/planResultSchema.ts';
import { planCsv, planMemo, planXlsx, type ExportContext } from './planExports.ts';
import { checkedLevers } from './scenarioCheck.ts';

/** Typed as the store's record (scenario and summary are checked by the schema on the way out). */
const Record = Type.Unsafe<PlanRecord>(Type.Ref(PlanRecordSchema));

/**
 * The levers to solve: a saved scenario's (404 when unknown) or those sent inline, checked against
 * the active dataset as a save is (scenarioCheck.ts): a 400 naming the lever before anything is
 * stored or queued. A saved scenario is checked again because the active dataset may have changed.
 */
const leversOf = (context: AppContext, body: { scenarioId: string } | { scenario: Levers }): { scenarioId: string | null; levers: Levers } => {
  const dataset = context.datasets.active().dataset;
  if (Object.hasOwn(body, 'scenario')) return { scenarioId: null, levers: checkedLevers((body as { scenario: Levers }).scenario, dataset) };
  const { scenarioId } = body as { scenarioId: string };
  const saved = found(context.storage.scenarios.get(scenarioId), 'scenario', scenarioId);
  return { scenarioId: saved.id, levers: checkedLevers(saved.scenario as Levers, dataset) };
};

/**
 * A finished plan's stored result; 404 when unknown, 409 while it has none, and 409 for a result an
 * earlier version of the planner stored in another shape (solve it again).
 */
const resultOf = (context: AppContext, id: string): { record: PlanRecord; result: PlanResult; text: string } => {
  const record = found(context.jobs.get(id), 'plan', id);
  const text = context.storage.plans.resultText(id);
  if (record.status !== 'done' || text === undefined) throw httpError(409, `plan ${id} is ${record.status}: it has no result${record.error === null ? '' : ` (${record.error})`}`);
  const result = JSON.parse(text) as PlanResult;
  if (result.version !== PLAN_RESULT_VERSION) throw httpError(409, `plan ${id} was stored by an earlier version of the planner, in a form this one does not read: solve its scenario again`);
  return { record, result, text };
};

/** The result of a plan that exists; 409 naming why for an infeasible or failed one (it has no files, no figures). */
const outcomeOf = (context: AppContext, id: string): { record: PlanRecord; result: PlanResult } => {
  const { record, result } = resultOf(context, id);
  if (result.outcome === null) {
    throw httpError(409, `plan ${id} has no plan to export: ${result.verdict.en}${result.infeasibility === null ? '' : ` ${result.infeasibility.lead.text.en}`}`);
  }
  return { record, result };
};

/**
 * Plan records are sent with JSON.stringify: they come from the store in the schema's shape, and
 * the schema's serializer compiles a validator for each nullable reference (the summary) on its
 * first use, which held the event loop ~200 ms on the first POST and ~60 ms on the first poll
 * (measured with --cpu-prof). The schema still documents the answer.
 */
const asJson = (x: unknown): string => JSON.stringify(x);

const scenarioName = (context: AppContext, record: PlanRecord): string =>
  (record.scenarioId === null ? undefined : context.storage.scenarios.get(record.scenarioId)?.name) ?? 'unsaved scenario';

export const planRoutes: Routes = (api, context) => {
  const { storage, jobs, datasets, pool, dataDir } = context;

  api.post('/plans', {
    config: { access: 'planner' },
    schema: {
      tags: ['plans'],
      summary: 'Solve a scenario as a job: 202 with the queued plan; 503 with Retry-After when the queue is full',
      body: SolveBody,
      response: { 202: Record, ...errors(400, 401, 403, 404, 503) },
    },
  }, async (request, reply) => {
    const { scenarioId, levers } = leversOf(context, request.body);
    const record = jobs.start(scenarioId, levers, request.user.name);
    return reply.code(202).header('location', `/api/plans/${record.id}`).serializer(asJson).send(record);
  });

  api.get('/plans', {
    config: { access: 'viewer' },
    schema: { tags: ['plans'], summary: 'Plans, newest first', querystring: Type.Object(PageQuery, { additionalProperties: false }), response: { 200: Type.Array(Record), ...errors(400) } },
  }, async (request, reply) => reply.serializer(asJson).send(storage.plans.list(request.query.limit ?? 100, request.query.offset ?? 0).map((p) => jobs.get(p.id) ?? p)));

  api.get('/plans/:id', {
    config: { access: 'viewer' },
    schema: { tags: ['plans'], summary: 'A plan job: status, stage, progress (0-1) and, once done, its summary', params: IdParams, response: { 200: Record, ...errors(400, 404) } },
  }, async (request, reply) => reply.serializer(asJson).send(found(jobs.get(request.params.id), 'plan', request.params.id)));

  api.get('/plans/:id/result', {
    config: { access: 'viewer' },
    schema: {
      tags: ['plans'],
      summary: 'The plan result (version 2): verdict, before/after in hours and people, every center with the steps that add up to its change, moves with their reasons, hires, idle people; or, without a plan, why not',
      params: IdParams,
      response: { 200: Type.Unsafe<string>(Type.Ref(PlanResultSchema)), ...errors(400, 404, 409) },
    },
  }, async (request, reply) => {
    const { text } = resultOf(context, request.params.id);
    return reply.type('application/json; charset=utf-8').serializer((x) => x as string).send(text);
  });

  api.post('/plans/:id/cancel', {
    config: { access: 'planner' },
    schema: { tags: ['plans'], summary: 'Cancel a queued or running plan (its worker thread is stopped)', params: IdParams, response: { 200: Record, ...errors(400, 401, 403, 404, 409) } },
  }, async (request, reply) => reply.serializer(asJson).send(jobs.cancel(request.params.id, request.user.name)));

  api.get('/plans/:id/export/:kind', {
    config: { access: 'viewer' },
    schema: {
      tags: ['plans'],
      summary: 'Export a plan: csv (assignments), xlsx (summary, moves, assignments, coverage), lp (the model, CPLEX LP), memo (printable HTML)',
      params: ExportParams,
      querystring: Type.Object({
        lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')], { description: 'language of the memo; default vi' })),
        locale: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('vi')], { description: 'CSV only: en = "," and decimal points (default); vi = ";" and decimal commas, as Excel in a Vietnamese locale reads them' })),
      }, { additionalProperties: false }),
      produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'text/plain', 'text/html'],
      response: { 200: Type.Unknown(), ...errors(400, 404, 409, 503) },
    },
  }, async (request, reply) => {
    const { record, result } = outcomeOf(context, request.params.id);
    const dataset = found(datasets.load(record.datasetVersion), 'dataset version', record.datasetVersion).dataset;
    const people = new Map(dataset.staff.map((s) => [s.staffId, s.name]));
    const exportContext: ExportContext = { names: namesOf(dataset), staffName: (id) => people.get(id) ?? '', record, scenarioName: scenarioName(context, record) };
    const file = `plan-${record.id.slice(0, 8)}`;
    switch (request.params.kind) {
      case 'csv':
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file}${request.query.locale === 'vi' ? '-vi' : ''}.csv"`).send(planCsv(result, exportContext, request.query.locale ?? 'en'));
      case 'xlsx':
        return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename="${file}.xlsx"`).send(await planXlsx(result, exportContext));
      case 'lp': {
        const year = singleMonthOnly(resolveScenario(record.scenario).horizon, 'LP export');
        if (year !== null) throw httpError(400, `plan ${record.id}: scenario/${year.field} ${year.message}`);
        const lp = await runTask(pool, 'lp', { dataDir, hash: record.datasetHash, scenario: record.scenario });
        return reply.type('text/plain; charset=utf-8').header('content-disposition', `attachment; filename="${file}.lp"`).send(lp as string);
      }
      default:
        return reply.type('text/html; charset=utf-8').send(planMemo(result, exportContext, request.query.lang));
    }
  });

  api.post('/comparisons', {
    config: { access: 'viewer' },
    schema: {
      tags: ['plans'],
      summary: 'Compare 2 to 4 finished plans: KPI table and the civil servants whose destination differs',
      body: CompareBody,
      response: {
        200: Type.Object({
          plans: Type.Array(Type.Object({ id: Type.String(), scenarioId: Type.Union([Type.Null(), Type.String()]), scenarioName: Type.String(), datasetVersion: Type.Integer(), summary: Type.Ref(PlanSummarySchema) })),
          moves: Type.Array(Type.Object({ staffId: Type.String(), name: Type.String(), fromCenter: Type.String(), toCenters: Type.Array(Type.String(), { description: 'destination in each plan, in the order of plans' }) })),
        }),
        ...errors(400, 404, 409),
      },
    },
  }, async (request) => {
    const finished = request.body.planIds.map((id) => outcomeOf(context, id));
    const people = new Map<string, { staffId: string; name: string; fromCenter: string }>();
    for (const { result } of finished) for (const m of result.outcome?.moves ?? []) people.set(m.staffId, { staffId: m.staffId, name: m.name, fromCenter: m.from });
    const moves = [...people.values()]
      .map((p) => ({ ...p, toCenters: finished.map(({ result }) => result.outcome?.moves.find((m) => m.staffId === p.staffId)?.to ?? p.fromCenter) }))
      .filter((p) => new Set(p.toCenters).size > 1)
      .sort((a, b) => a.staffId.localeCompare(b.staffId));
    return {
      plans: finished.map(({ record, result }) => ({ id: record.id, scenarioId: record.scenarioId, scenarioName: scenarioName(context, record), datasetVersion: record.datasetVersion, summary: planSummary(result) })),
      moves,
    };
  });

  api.post('/tradeoffs', {
    config: { access: 'planner' },
    schema: {
      tags: ['plans'],
      summary: 'Trade-off curve of a scenario: uncovered hours against transfer budgets 0, 5, 10, 20, 40 and unlimited',
      body: SolveBody,
      response: { 200: Type.Object({ points: Type.Array(TradeoffPoint) }), ...errors(400, 401, 403, 404, 503) },
    },
  }, async (request) => {
    const { levers } = leversOf(context, request.body);
    const year = singleMonthOnly(resolveScenario(levers).horizon, 'trade-off curve');
    if (year !== null) throw httpError(400, `body/scenario/${year.field} ${year.message}`);
    const active = datasets.active();
    // Six solves of at most 5 s each, their bounds, and the forecasts if not cached yet.
    return { points: await runTask(pool, 'tradeoff', { dataDir, hash: active.hash, scenario: levers }, 300_000) as never };
  });
};
