/**
 * Who may do what, decided on the matched route, never on the URL's spelling.
 *
 * Every route declares its access level in `config.access`: `public` (anyone, even in tokens mode:
 * the health check, the web planner's files, the API documentation) or the least role it needs
 * (viewer < planner < admin). The check is attached to each route when it is registered, so it runs
 * for whatever spelling of a path the router matched (`/%61pi/staff`, `/api//staff`, `/api/staff/`):
 * a handler is never reached without it. A route that declares no level is refused to everyone
 * (403), and an /api route without one stops the server from starting.
 *
 * In `local` mode (the server on loopback: one planner on a laptop) every request acts as the local
 * user with every role and no token. In `tokens` mode a non-public route needs
 * `Authorization: Bearer TOKEN` of a stored user (401 otherwise; the scheme name in any case) whose
 * role reaches the route's (403 otherwise). Reading staff (personal data) needs at least viewer;
 * there is no anonymous access to data in tokens mode.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Role, User, UserStore } from '../storage/userStore.ts';

/** `local`: loopback single-user mode; `tokens`: bearer tokens and roles. */
export type AccessMode = 'local' | 'tokens';

/** What a route needs: nothing (`public`) or at least this role. */
export type Access = 'public' | Role;

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is asking; set by the access check before any non-public handler runs. */
    user: User;
  }
  interface FastifyContextConfig {
    /** The route's access level. Required: a route without one is refused to everyone. */
    access?: Access;
  }
}

export const LOCAL_USER: User = { name: 'local', role: 'admin', createdAt: '1970-01-01T00:00:00.000Z' };

/** Who a public route's request acts as in tokens mode when it sends no valid token. */
const ANONYMOUS: User = { name: 'anonymous', role: 'viewer', createdAt: '1970-01-01T00:00:00.000Z' };

const RANK: Readonly<Record<Role, number>> = { viewer: 1, planner: 2, admin: 3 };

export const roleReaches = (has: Role, needs: Role): boolean => RANK[has] >= RANK[needs];

/** Whether binding `host` keeps the server on this machine only. */
export const isLoopback = (host: string): boolean =>
  host === 'localhost' || host === '::1' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);

/**
 * The token of an `Authorization` header, or undefined. The scheme name is case-insensitive
 * (RFC 9110 section 11.1); tokens are the URL-safe base64 `npm run admin` prints.
 */
export const bearerToken = (header: string | undefined): string | undefined =>
  /^bearer +([A-Za-z0-9_-]{20,200}) *$/i.exec(header ?? '')?.[1];

const deny = (reply: FastifyReply, statusCode: 401 | 403, message: string): FastifyReply => {
  if (statusCode === 401) reply.header('www-authenticate', 'Bearer');
  return reply.code(statusCode).send({ statusCode, error: statusCode === 401 ? 'Unauthorized' : 'Forbidden', message });
};

/**
 * The check of the matched route's access level in `mode` (read from the route's own config when the
 * request comes, so that levels given by a plugin scope's later hook count).
 */
const accessCheck = (mode: AccessMode, users: UserStore) =>
  async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    const access = request.routeOptions.config.access;
    if (access === undefined) return deny(reply, 403, `${request.method} ${request.routeOptions.url ?? ''} declares no access level, so it is closed to everyone`);
    if (mode === 'local') {
      request.user = LOCAL_USER;
      return undefined;
    }
    const token = bearerToken(request.headers.authorization);
    if (access === 'public') {
      request.user = (token === undefined ? undefined : users.byToken(token)) ?? ANONYMOUS;
      return undefined;
    }
    if (token === undefined) return deny(reply, 401, 'a bearer token is required: Authorization: Bearer TOKEN');
    const user = users.byToken(token);
    if (user === undefined) return deny(reply, 401, 'the bearer token is not valid');
    request.user = user;
    if (!roleReaches(user.role, access)) return deny(reply, 403, `this needs the ${access} role; ${user.name} is ${user.role}`);
    return undefined;
  };

const asList = <T>(hooks: T | readonly T[] | undefined): T[] => (hooks === undefined ? [] : Array.isArray(hooks) ? [...hooks] : [hooks as T]);

/**
 * Attaches the access check to every route registered on `app` from now on (call it before any
 * route): first of the route's own request hooks. Throws at registration for an /api route that
 * declares no access level.
 */
export const registerAccess = (app: FastifyInstance, mode: AccessMode, users: UserStore): void => {
  app.decorateRequest('user', null as unknown as User);
  const check = accessCheck(mode, users);
  app.addHook('onRoute', (route: RouteOptions) => {
    const access = route.config?.access;
    const name = `${Array.isArray(route.method) ? route.method.join(',') : route.method} ${route.url}`;
    if (access === undefined && route.url.startsWith('/api')) throw new Error(`registerAccess: route ${name} declares no access level (config.access)`);
    route.onRequest = [check, ...asList(route.onRequest)] as RouteOptions['onRequest'];
  });
};

/**
 * Marks every route registered on `scope` (a plugin's encapsulated context: the web planner's files,
 * the API documentation) as public. Its hook runs after registerAccess's, which reads the level only
 * when a request comes.
 */
export const openToEveryone = (scope: FastifyInstance): void => {
  scope.addHook('onRoute', (route: RouteOptions) => {
    route.config = { ...route.config, access: 'public' };
  });
};
