/**
 * Errors a handler throws on purpose, with the status and the words the client sees.
 * Everything else becomes a 500 with a fixed message (see app.ts's error handler).
 */
export interface HttpError extends Error {
  readonly statusCode: number;
  /** Marks the message as written for the client. */
  readonly expose: true;
}

export const httpError = (statusCode: number, message: string): HttpError =>
  Object.assign(new Error(message), { statusCode, expose: true as const });

/** 404 for an id that names nothing, e.g. `no scenario with id 3f2...`. */
export const notFound = (what: string, id: string | number): HttpError => httpError(404, `no ${what} with id ${id}`);

/** The value, or a 404 naming what was not found. */
export const found = <T>(value: T | undefined, what: string, id: string | number): T => {
  if (value === undefined) throw notFound(what, id);
  return value;
};
