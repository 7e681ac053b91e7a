/**
 * Saved scenarios: create, list, read, update, delete, copy. Writes need the planner role.
 */
import { Type } from '@sinclair/typebox';
import { errors, IdParams, List } from '../schemas/common.ts';
import { CopyQuery, ScenarioBody, ScenarioRecordSchema } from '../schemas/scenarioSchemas.ts';
import type { Routes } from './context.ts';
import type { Dataset } from '../../solver/domain.ts';
import type { Levers } from '../jobs/planPipeline.ts';
import { found, notFound } from './httpError.ts';
import { checkedLevers } from './scenarioCheck.ts';

/** The body when its levers fit the active dataset (scenarioCheck.ts); a 400 naming the lever otherwise. */
const checked = <T extends { scenario: Levers }>(body: T, dataset: Dataset): T => {
  checkedLevers(body.scenario, dataset);
  return body;
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
    schema: { tags: ['scenarios'], summary: 'Copy a scenario (refused, naming the lever, when it no longer fits the active dataset)', params: IdParams, querystring: CopyQuery, response: { 201: Record, ...errors(400, 404) } },
  }, async (request, reply) => {
    // A copy is a new save: its levers must fit the dataset active now, as on create.
    checkedLevers(found(scenarios.get(request.params.id), 'scenario', request.params.id).scenario as Levers, datasets.active().dataset);
    return reply.code(201).send(found(scenarios.copy(request.params.id, request.query.name, request.user.name), 'scenario', request.params.id));
  });
};
