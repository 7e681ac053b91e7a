/**
 * Security headers (Helmet's set) computed once at start instead of per request: @fastify/helmet
 * rebuilds Helmet's middleware, and re-parses the Content-Security-Policy directives, for every
 * response (about 15% of the server's CPU per read of /api/centers, measured with --cpu-prof).
 * The headers do not depend on the request, so Helmet runs once against a recording response and
 * every reply gets the recorded set.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';

/** Helmet's options for this server. No upgrade-insecure-requests: on a city intranet the server is reached over plain HTTP. */
export const HELMET_OPTIONS: HelmetOptions = { contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } };

/** The headers Helmet sets with `options`, lower-case names. */
export const securityHeaders = (options: HelmetOptions = HELMET_OPTIONS): Readonly<Record<string, string>> => {
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  let finished = false;
  helmet(options)({} as IncomingMessage, recorder as unknown as ServerResponse, () => {
    finished = true;
  });
  if (!finished) throw new Error('securityHeaders: helmet did not finish synchronously');
  return headers;
};
