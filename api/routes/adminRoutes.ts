/**
 * Users and the audit log (admin role). Who am I: statusRoutes.ts.
 */
import { Type } from '@sinclair/typebox';
import { errors, List, PageQuery } from '../schemas/common.ts';
import { ROLES } from '../storage/userStore.ts';
import type { Routes } from './context.ts';
import { httpError, notFound } from './httpError.ts';

const RoleSchema = Type.Union(ROLES.map((r) => Type.Literal(r)));
const UserSchema = Type.Object({ name: Type.String(), role: RoleSchema, createdAt: Type.String() });
const UserName = Type.String({ pattern: '^[A-Za-z0-9._@-]{1,64}$', description: 'letters, digits, . _ @ -' });

export const adminRoutes: Routes = (api, { storage: { users, audit } }) => {
  api.get('/users', {
    config: { access: 'admin' },
    schema: { tags: ['access'], summary: 'Users (tokens are never shown)', response: { 200: List(UserSchema), ...errors(401, 403) } },
  }, async () => users.list());

  api.post('/users', {
    config: { access: 'admin' },
    schema: {
      tags: ['access'],
      summary: 'Create a user; the token is in this answer only',
      body: Type.Object({ name: UserName, role: RoleSchema }, { additionalProperties: false }),
      response: { 201: Type.Object({ name: Type.String(), role: RoleSchema, createdAt: Type.String(), token: Type.String() }), ...errors(400, 401, 403, 409) },
    },
  }, async (request, reply) => {
    const made = users.create(request.body.name, request.body.role, request.user.name);
    if (made === undefined) throw httpError(409, `a user named ${request.body.name} exists already`);
    return reply.code(201).send({ ...made.user, token: made.token });
  });

  api.delete('/users/:name', {
    config: { access: 'admin' },
    schema: { tags: ['access'], summary: 'Delete a user (their token stops working)', params: Type.Object({ name: UserName }), response: { 204: Type.Null(), ...errors(400, 401, 403, 404) } },
  }, async (request, reply) => {
    if (!users.remove(request.params.name, request.user.name)) throw notFound('user', request.params.name);
    return reply.code(204).send(null);
  });

  api.get('/audit', {
    config: { access: 'admin' },
    schema: {
      tags: ['access'],
      summary: 'Audit log: who changed what, when (newest first)',
      querystring: Type.Object(PageQuery, { additionalProperties: false }),
      response: {
        200: List(Type.Object({ id: Type.Integer(), at: Type.String(), actor: Type.String(), action: Type.String(), target: Type.String(), detail: Type.String() })),
        ...errors(400, 401, 403),
      },
    },
  }, async (request) => audit.list(request.query.limit ?? 100, request.query.offset ?? 0));
};
