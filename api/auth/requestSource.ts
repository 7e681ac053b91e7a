/**
 * Where a request comes from, checked before anything else runs (every route, every mode):
 *
 * - **Host names** (against DNS rebinding): a page on `evil.example`, whose name the attacker points
 *   at 127.0.0.1, would otherwise read the local server as its own origin. Only the configured host
 *   names are answered: the loopback names always, plus `allowedHosts` (the intranet name the
 *   server is reached by). Anything else is a 400 before routing.
 * - **Origin of changes** (against forged requests from other sites): a page elsewhere can make the
 *   browser POST a form, a multipart body or an empty body without any preflight. A request that
 *   changes state (any method but GET, HEAD, OPTIONS) is refused (403) when the browser says it
 *   comes from another site (`Sec-Fetch-Site`), or when its `Origin` (or, without one, its
 *   `Referer`) is not this server's own origin, or is `null`. A request with neither header comes
 *   from a program (curl, a script), not from a page, and passes to the access check.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { isLoopback } from './access.ts';

/** Methods that never change state here. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A host name as compared: lower case, without the brackets of an IPv6 literal or a final dot. */
const normalHost = (name: string): string => name.toLowerCase().replace(/^\[(.*)\]$/, '$1').replace(/\.$/, '');

/** `host[:port]` of a Host header, or undefined when it is not one. */
const authorityOf = (header: string): { host: string; authority: string } | undefined => {
  if (header === '' || /[\s/?#@\\]/.test(header)) return undefined;
  try {
    const url = new URL(`http://${header}`);
    return { host: normalHost(url.hostname), authority: url.host.toLowerCase() };
  } catch {
    return undefined;
  }
};

/** The `host[:port]` of an origin or URL as a browser sends it, default ports left out; undefined when it is none. */
const originAuthority = (value: string): string | undefined => {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.host.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
};

export interface RequestSourceOptions {
  /** Host names besides the loopback ones the server answers to (e.g. `planner.haiphong.gov.vn`, `10.0.4.12`). */
  readonly allowedHosts?: readonly string[];
}

const refuse = (reply: FastifyReply, statusCode: 400 | 403, message: string): FastifyReply =>
  reply.code(statusCode).send({ statusCode, error: statusCode === 400 ? 'Bad Request' : 'Forbidden', message });

/**
 * The Host header the request names this server by: the proxy's `X-Forwarded-Host` when a trusted
 * proxy sent it (Fastify's `request.host` honours `trustProxy`), else `Host`.
 */
const hostHeader = (request: FastifyRequest): string => request.host ?? '';

/** An onRequest hook refusing unknown host names and cross-site changes. */
export const requestSourceCheck = (options: RequestSourceOptions = {}) => {
  const allowed = new Set((options.allowedHosts ?? []).map(normalHost));
  const hostAllowed = (host: string): boolean => isLoopback(host) || allowed.has(host);
  return async (request: FastifyRequest, reply: FastifyReply): Promise<unknown> => {
    const host = authorityOf(hostHeader(request));
    if (host === undefined) return refuse(reply, 400, 'the request has no valid Host header');
    if (!hostAllowed(host.host)) {
      return refuse(reply, 400, `this server does not answer to the host name "${host.host}" (its administrator can add the name to ALLOWED_HOSTS)`);
    }
    if (SAFE_METHODS.has(request.method)) return undefined;
    const site = request.headers['sec-fetch-site'];
    if (site !== undefined && site !== 'same-origin' && site !== 'none') {
      return refuse(reply, 403, `a change sent by a page of another site is refused (Sec-Fetch-Site: ${String(site)})`);
    }
    const origin = request.headers.origin;
    const referer = request.headers.referer;
    const claimed = origin ?? referer;
    if (claimed === undefined) return undefined;
    const from = originAuthority(claimed);
    if (from === undefined || from !== host.authority) {
      return refuse(reply, 403, `a change sent by a page of another site is refused (${origin === undefined ? 'Referer' : 'Origin'} ${JSON.stringify(claimed)} is not this server, ${host.authority})`);
    }
    return undefined;
  };
};
