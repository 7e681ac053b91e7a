/**
 * The active dataset's tables: centers, fields, staff (personal data: any signed-in role) and the
 * monthly history with filters and paging.
 */
import { Type } from '@sinclair/typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { errors, List } from '../schemas/common.ts';
import { CenterSchema, FieldSchema, HistoryQuery, HistoryRowSchema, StaffQuery, StaffSchema } from '../schemas/datasetSchemas.ts';
import { found } from './httpError.ts';
import type { Routes } from './context.ts';
import { historyPage, staffOf } from './queries.ts';

/** A whole table as sent: its UTF-8 JSON bytes and their entity tag. */
interface TableBody {
  readonly bytes: Buffer;
  readonly etag: string;
}

/**
 * The JSON of a whole table, serialized and encoded once per dataset version: /api/centers is the
 * read every screen makes, and 114 centers are ~30 KB of JSON (serializing, then measuring and
 * encoding the text for each response, cost more than the rest of the request). The entity tag
 * names the dataset's content hash and the table, so a client holding it gets a 304.
 */
const tableBodies = () => {
  const bodies = new Map<string, TableBody>();
  return (hash: string, table: 'centers' | 'fields', rows: readonly unknown[]): TableBody => {
    const key = `${hash}:${table}`;
    let body = bodies.get(key);
    if (body === undefined) {
      if (bodies.size > 8) bodies.clear();
      body = { bytes: Buffer.from(JSON.stringify(rows), 'utf8'), etag: `"${table}-${hash.slice(0, 16)}"` };
      bodies.set(key, body);
    }
    return body;
  };
};

export const dataRoutes: Routes = (api, { datasets }) => {
  const bodyOf = tableBodies();
  /** Sends the stored bytes as they are (a Buffer skips serialization; the route's schema documents them), or a 304 when the client has them. */
  const sendTable = (request: FastifyRequest, reply: FastifyReply, body: TableBody) => {
    reply.header('etag', body.etag);
    if (request.headers['if-none-match'] === body.etag) return reply.code(304).send();
    return reply.type('application/json; charset=utf-8').send(body.bytes as never);
  };

  api.get('/centers', {
    config: { access: 'viewer' },
    schema: { tags: ['data'], summary: 'Centers of the active dataset', response: { 200: List(Type.Ref(CenterSchema)) } },
  }, async (request, reply) => {
    const { hash, dataset } = datasets.active();
    return sendTable(request, reply, bodyOf(hash, 'centers', dataset.centers));
  });

  api.get('/centers/:code', {
    config: { access: 'viewer' },
    schema: { tags: ['data'], summary: 'One center', params: Type.Object({ code: Type.String() }), response: { 200: Type.Ref(CenterSchema), ...errors(404) } },
  }, async (request) => found(datasets.active().dataset.centers.find((c) => c.code === request.params.code), 'center', request.params.code));

  api.get('/fields', {
    config: { access: 'viewer' },
    schema: { tags: ['data'], summary: 'Procedure fields and their norms', response: { 200: List(Type.Ref(FieldSchema)) } },
  }, async (request, reply) => {
    const { hash, dataset } = datasets.active();
    return sendTable(request, reply, bodyOf(hash, 'fields', dataset.fields));
  });

  api.get('/staff', {
    config: { access: 'viewer' },
    schema: { tags: ['data'], summary: 'Civil servants (personal data)', querystring: StaffQuery, response: { 200: List(Type.Ref(StaffSchema)) } },
  }, async (request) => staffOf(datasets.active().dataset, request.query));

  api.get('/history', {
    config: { access: 'viewer' },
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
