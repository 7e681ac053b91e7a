/**
 * The active dataset's tables: centers, fields, staff (personal data: any signed-in role) and the
 * monthly history with filters and paging.
 */
import { Type } from '@sinclair/typebox';
import { errors, List } from '../schemas/common.ts';
import { CenterSchema, FieldSchema, HistoryQuery, HistoryRowSchema, StaffQuery, StaffSchema } from '../schemas/datasetSchemas.ts';
import { found } from './httpError.ts';
import type { Routes } from './context.ts';
import { historyPage, staffOf } from './queries.ts';

/**
 * The JSON text of a whole table, serialized once per dataset version: /api/centers is the read
 * every screen makes, and 114 centers are ~30 KB of JSON (milliseconds to serialize each time).
 */
const tableText = () => {
  const texts = new Map<string, string>();
  return (hash: string, table: 'centers' | 'fields', rows: readonly unknown[]): string => {
    const key = `${hash}:${table}`;
    let text = texts.get(key);
    if (text === undefined) {
      if (texts.size > 8) texts.clear();
      text = JSON.stringify(rows);
      texts.set(key, text);
    }
    return text;
  };
};

export const dataRoutes: Routes = (api, { datasets }) => {
  const cached = tableText();
  const sendText = (text: string) => (x: unknown) => (x === text ? text : JSON.stringify(x));

  api.get('/centers', {
    schema: { tags: ['data'], summary: 'Centers of the active dataset', response: { 200: List(Type.Ref(CenterSchema)) } },
  }, async (_request, reply) => {
    const { hash, dataset } = datasets.active();
    const text = cached(hash, 'centers', dataset.centers);
    return reply.type('application/json; charset=utf-8').serializer(sendText(text)).send(text as never);
  });

  api.get('/centers/:code', {
    schema: { tags: ['data'], summary: 'One center', params: Type.Object({ code: Type.String() }), response: { 200: Type.Ref(CenterSchema), ...errors(404) } },
  }, async (request) => found(datasets.active().dataset.centers.find((c) => c.code === request.params.code), 'center', request.params.code));

  api.get('/fields', {
    schema: { tags: ['data'], summary: 'Procedure fields and their norms', response: { 200: List(Type.Ref(FieldSchema)) } },
  }, async (_request, reply) => {
    const { hash, dataset } = datasets.active();
    const text = cached(hash, 'fields', dataset.fields);
    return reply.type('application/json; charset=utf-8').serializer(sendText(text)).send(text as never);
  });

  api.get('/staff', {
    schema: { tags: ['data'], summary: 'Civil servants (personal data)', querystring: StaffQuery, response: { 200: List(Type.Ref(StaffSchema)) } },
  }, async (request) => staffOf(datasets.active().dataset, request.query));

  api.get('/history', {
    schema: {
      tags: ['data'],
      summary: 'Monthly dossier history, filtered and paged',
      querystring: HistoryQuery,
      response: {
        200: Type.Object({ total: Type.Integer(), offset: Type.Integer(), limit: Type.Integer(), rows: List(Type.Ref(HistoryRowSchema)) }),
        ...errors(400),
      },
    },
  }, async (request) => historyPage(datasets.active().dataset, request.query));
};
