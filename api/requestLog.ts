/**
 * Every request gets an id (a UUID, sent back as `x-request-id`), and every answer with a 5xx status
 * is written to the error log with that id, whatever the `LOG` setting: the 500 a user sees names
 * the id, and the log line under it says what failed (method, path, status, the error and its stack).
 * One JSON object per line, so the lines can be searched and kept by any log tool.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance, FastifyRequest } from 'fastify';

/** Receives one line (JSON, no line break) per 5xx answer. */
export type ErrorLog = (line: string) => void;

/** The default error log: standard error. */
export const stderrLog: ErrorLog = (line) => {
  process.stderr.write(`${line}\n`);
};

/** A new request id. */
export const newRequestId = (): string => randomUUID();

/** The error behind a request's answer, kept until the answer is logged. */
const failures = new WeakMap<FastifyRequest, Error>();

/** One line for a 5xx answer. */
export const errorLine = (entry: {
  readonly at: string;
  readonly requestId: string;
  readonly method: string;
  readonly url: string;
  readonly statusCode: number;
  readonly error?: Error;
}): string =>
  JSON.stringify({
    level: 'error',
    at: entry.at,
    requestId: entry.requestId,
    method: entry.method,
    url: entry.url,
    statusCode: entry.statusCode,
    ...(entry.error === undefined ? {} : { error: entry.error.message, stack: entry.error.stack }),
  });

/** Adds the request id header and the 5xx log to `app`. */
export const registerRequestLog = (app: FastifyInstance, log: ErrorLog): void => {
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  app.addHook('onError', (request, _reply, error: FastifyError, done) => {
    failures.set(request, error);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    if (reply.statusCode >= 500) {
      const error = failures.get(request);
      log(errorLine({ at: new Date().toISOString(), requestId: request.id, method: request.method, url: request.url, statusCode: reply.statusCode, ...(error === undefined ? {} : { error }) }));
    }
    done();
  });
};
