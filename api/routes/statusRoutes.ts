/**
 * Whether the server is up, on what data, and who the request acts as.
 */
import { Type } from '@sinclair/typebox';
import { errors } from '../schemas/common.ts';
import { ROLES } from '../storage/userStore.ts';
import type { Routes } from './context.ts';

const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)), { description: 'viewer < planner < admin' });

/** Who am I: the answer the web planner's sign-in checks a pasted token with. */
export const MeSchema = Type.Object({
  name: Type.String({ description: 'user name (`local` in local single-user mode)' }),
  role: RoleSchema,
  mode: Type.Union([Type.Literal('local'), Type.Literal('tokens')], { description: '`local`: loopback single-user mode, no tokens; `tokens`: bearer tokens and roles' }),
});

export const statusRoutes: Routes = (api, { mode, datasets }) => {
  api.get('/health', {
    config: { access: 'public' },
    schema: {
      tags: ['status'],
      summary: 'Liveness, access mode and the active dataset version',
      response: { 200: Type.Object({ ok: Type.Boolean(), mode: Type.String(), datasetVersion: Type.Integer(), datasetHash: Type.String() }) },
    },
  }, async () => {
    const active = datasets.active();
    return { ok: true, mode, datasetVersion: active.version, datasetHash: active.hash };
  });

  api.get('/me', {
    config: { access: 'viewer' },
    schema: {
      tags: ['access'],
      summary: 'Who the request acts as (name, role) and the access mode; 401 in tokens mode without a valid bearer token',
      response: { 200: MeSchema, ...errors(401) },
    },
  }, async (request) => ({ name: request.user.name, role: request.user.role, mode }));
};
