/**
 * Saved scenarios: create, list, read, update, delete, copy. Writes need the planner role.
 */
import { Type } from '@sinclair/typebox';
import { errors, IdParams, List } from '../schemas/common.ts';
import { CopyQuery, ScenarioBody, ScenarioRecordSchema } from '../schemas/scenarioSchemas.ts';
import type { Routes } from './context.ts';
import type { Dataset } from '../../solver/domain.ts';
import { validateScenario, type Scenario } from '../../solver/scenario.ts';
import { found, httpError, notFound } from './httpError.ts';

/**
 * The solver's own check of the levers, after the wire schema (which carries the same names and
 * ranges): whatever it refuses is a 400 naming the lever, so no saved scenario fails at solve time.
 */
const checked = <T extends { scenario: object }>(body: T, dataset: Dataset): T => {
  const result = validateScenario(body.scenario);
  if (!result.ok) {
    const first = result.problems[0];
    throw httpError(400, `body/scenario/${(first?.field ?? '').replaceAll('.', '/')} ${first?.message ?? 'is not valid'}`);
  }
  const unknown = unknownNames(result.scenario, dataset);
  if (unknown) throw httpError(400, `body/scenario/${unknown.lever} names ${unknown.what} not in the active dataset: ${unknown.values.join(', ')}`);
  return body;
};

/**
 * The first lever naming staff ids, field codes or center codes the active dataset lacks (a typo
 * would otherwise be saved and silently ignored, or fail only at solve time).
 */
const unknownNames = (scenario: Scenario, dataset: Dataset): { lever: string; what: string; values: string[] } | undefined => {
  const fields = new Set(dataset.fields.map((f) => f.field));
  const centers = new Set(dataset.centers.map((c) => c.code));
  const staff = new Set(dataset.staff.map((p) => p.staffId));
  const levers: [string, string, readonly string[], ReadonlySet<string>][] = [
    ['lockedStaffIds', 'staff ids', scenario.lockedStaffIds, staff],
    ['demandMultiplierByField', 'field codes', Object.keys(scenario.demandMultiplierByField), fields],
    ['normMultiplierByField', 'field codes', Object.keys(scenario.normMultiplierByField), fields],
    ['hiresAllowedByField', 'field codes', Object.keys(scenario.hiresAllowedByField), fields],
    ['demandMultiplierByCenter', 'center codes', Object.keys(scenario.demandMultiplierByCenter), centers],
    ['minStaffByCenter', 'center codes', Object.keys(scenario.minStaffByCenter), centers],
  ];
  for (const [lever, what, names, known] of levers) {
    const values = names.filter((n) => !known.has(n));
    if (values.length > 0) return { lever, what, values };
  }
  return undefined;
};

const Record = Type.Ref(ScenarioRecordSchema);

export const scenarioRoutes: Routes = (api, { storage: { scenarios }, datasets }) => {
  api.get('/scenarios', {
    config: { access: 'viewer' },
    schema: { tags: ['scenarios'], summary: 'Saved scenarios, most recently updated first', response: { 200: List(Record) } },
  }, async () => scenarios.list());

  api.post('/scenarios', {
    config: { access: 'planner' },
    schema: { tags: ['scenarios'], summary: 'Save a new scenario', body: ScenarioBody, response: { 201: Record, ...errors(400, 401, 403) } },
  }, async (request, reply) => reply.code(201).send(scenarios.create(checked(request.body, datasets.active().dataset), request.user.name)));

  api.get('/scenarios/:id', {
    config: { access: 'viewer' },
    schema: { tags: ['scenarios'], summary: 'One scenario', params: IdParams, response: { 200: Record, ...errors(400, 404) } },
  }, async (request) => found(scenarios.get(request.params.id), 'scenario', request.params.id));

  api.put('/scenarios/:id', {
    config: { access: 'planner' },
    schema: { tags: ['scenarios'], summary: 'Replace a scenario (its revision grows by one)', params: IdParams, body: ScenarioBody, response: { 200: Record, ...errors(400, 404) } },
  }, async (request) => found(scenarios.update(request.params.id, checked(request.body, datasets.active().dataset), request.user.name), 'scenario', request.params.id));

  api.delete('/scenarios/:id', {
    config: { access: 'planner' },
    schema: { tags: ['scenarios'], summary: 'Delete a scenario (its plans are kept)', params: IdParams, response: { 204: Type.Null(), ...errors(400, 404) } },
  }, async (request, reply) => {
    if (!scenarios.remove(request.params.id, request.user.name)) throw notFound('scenario', request.params.id);
    return reply.code(204).send(null);
  });

  api.post('/scenarios/:id/copy', {
    config: { access: 'planner' },
    schema: { tags: ['scenarios'], summary: 'Copy a scenario', params: IdParams, querystring: CopyQuery, response: { 201: Record, ...errors(400, 404) } },
  }, async (request, reply) =>
    reply.code(201).send(found(scenarios.copy(request.params.id, request.query.name, request.user.name), 'scenario', request.params.id)));
};
