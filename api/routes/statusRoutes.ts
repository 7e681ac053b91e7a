/**
 * Whether the server is up, and on what data.
 */
import { Type } from '@sinclair/typebox';
import type { Routes } from './context.ts';

export const statusRoutes: Routes = (api, { mode, datasets }) => {
  api.get('/health', {
    config: { public: true },
    schema: {
      tags: ['status'],
      summary: 'Liveness, access mode and the active dataset version',
      response: { 200: Type.Object({ ok: Type.Boolean(), mode: Type.String(), datasetVersion: Type.Integer(), datasetHash: Type.String() }) },
    },
  }, async () => {
    const active = datasets.active();
    return { ok: true, mode, datasetVersion: active.version, datasetHash: active.hash };
  });
};
