/**
 * Validation of requests: bodies strictly (no type coercion: with it, Ajv turns a JSON `0` into
 * `null` for a `number | null` lever, and `null` into `0`), query strings and path parameters with
 * coercion (their values are text: `?limit=10` must become the integer 10). Unknown properties are
 * refused, never silently dropped. Shared schemas ($id) are registered with both.
 */
import type { TSchema } from '@sinclair/typebox';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { FastifySchemaCompiler } from 'fastify';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

const make = (coerceTypes: boolean | 'array', schemas: readonly TSchema[]): Ajv => {
  const ajv = new Ajv({ coerceTypes, useDefaults: true, removeAdditional: false, allErrors: false, strict: false });
  addFormats(ajv);
  for (const schema of schemas) ajv.addSchema(schema);
  return ajv;
};

/** A Fastify validator compiler: strict for bodies, coercing for everything else. */
export const validatorCompiler = (schemas: readonly TSchema[]): FastifySchemaCompiler<TSchema> => {
  const strict = make(false, schemas);
  const coercing = make('array', schemas);
  return ({ schema, httpPart }) => (httpPart === 'body' ? strict : coercing).compile(schema) as ReturnType<FastifySchemaCompiler<TSchema>>;
};
