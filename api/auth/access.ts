/**
 * Who may do what. In `local` mode (the server bound to loopback: one planner on a laptop) every
 * request acts as the local user with every role and no token. In `tokens` mode every /api request
 * needs `Authorization: Bearer TOKEN` of a stored user (401 otherwise) whose role reaches the
 * route's (403 otherwise). Roles are ordered: viewer < planner < admin. Reading staff (personal
 * data) needs a token and at least viewer; there is no anonymous access in tokens mode.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role, User, UserStore } from '../storage/userStore.ts';

/** `local`: loopback single-user mode; `tokens`: bearer tokens and roles. */
export type AccessMode = 'local' | 'tokens';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking; set before any /api handler runs. */
    user: User;
  }
  interface FastifyContextConfig {
    /** Least role the route needs. Default `viewer`. */
    role?: Role;
    /** Open to anyone, even in tokens mode (health check). */
    public?: boolean;
  }
}

export const LOCAL_USER: User = { name: 'local', role: 'admin', createdAt: '1970-01-01T00:00:00.000Z' };

const RANK: Readonly<Record<Role, number>> = { viewer: 1, planner: 2, admin: 3 };

export const roleReaches = (has: Role, needs: Role): boolean => RANK[has] >= RANK[needs];

/** Whether binding `host` keeps the server on this machine only. */
export const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);

const deny = (reply: FastifyReply, statusCode: 401 | 403, message: string): FastifyReply => {
  if (statusCode === 401) reply.header('www-authenticate', 'Bearer');
  return reply.code(statusCode).send({ statusCode, error: statusCode === 401 ? 'Unauthorized' : 'Forbidden', message });
};

/** Adds the access check to every /api route of `app`. */
export const registerAccess = (app: FastifyInstance, mode: AccessMode, users: UserStore): void => {
  app.decorateRequest('user', null as unknown as User);
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!request.url.startsWith('/api/')) return undefined;
    const config = request.routeOptions.config;
    if (mode === 'local') {
      request.user = LOCAL_USER;
      return undefined;
    }
    if (config.public === true) return undefined;
    const match = /^Bearer[ ]+([A-Za-z0-9_-]{20,200})$/.exec(request.headers.authorization ?? '');
    if (match === null) return deny(reply, 401, 'a bearer token is required: Authorization: Bearer TOKEN');
    const user = users.byToken(match[1] as string);
    if (user === undefined) return deny(reply, 401, 'the bearer token is not valid');
    request.user = user;
    const needs = config.role ?? 'viewer';
    if (!roleReaches(user.role, needs)) return deny(reply, 403, `this needs the ${needs} role; ${user.name} is ${user.role}`);
    return undefined;
  });
};
