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

export const dataRoutes: Routes = (api, { datasets }) => {
  api.get('/centers', {
    schema: { tags: ['data'], summary: 'Centers of the active dataset', response: { 200: List(Type.Ref(CenterSchema)) } },
  }, async () => datasets.active().dataset.centers);

  api.get('/centers/:code', {
    schema: { tags: ['data'], summary: 'One center', params: Type.Object({ code: Type.String() }), response: { 200: Type.Ref(CenterSchema), ...errors(404) } },
  }, async (request) => found(datasets.active().dataset.centers.find((c) => c.code === request.params.code), 'center', request.params.code));

  api.get('/fields', {
    schema: { tags: ['data'], summary: 'Procedure fields and their norms', response: { 200: List(Type.Ref(FieldSchema)) } },
  }, async () => datasets.active().dataset.fields);

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
