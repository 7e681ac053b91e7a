/**
 * Wire schemas shared by every route: errors, ids, paging. Schemas are values; types derive from
 * them (Static), and domain-facing ones are checked against solver/domain.ts at compile time with
 * `Agrees`, so the wire and the domain cannot drift apart.
 */
import { Type, type Static, type TSchema } from '@sinclair/typebox';

/** True when each type is assignable to the other and both have the same keys (readonly modifiers aside). */
export type Agrees<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false
    : false
  : false;
/** Compiles only when `T` is `true`. */
export type Assert<T extends true> = T;

export const ErrorReply = Type.Object(
  {
    statusCode: Type.Integer(),
    error: Type.String({ description: 'HTTP reason phrase' }),
    message: Type.String({ description: 'What was wrong, naming the field or file, line and column' }),
  },
  { $id: 'ErrorReply', additionalProperties: true },
);

/** One problem in imported data: file, line, column and value, as the loaders report it. */
export const InputProblemSchema = Type.Object({
  file: Type.String(),
  line: Type.Optional(Type.Integer()),
  column: Type.Optional(Type.String()),
  value: Type.Optional(Type.String()),
  message: Type.String(),
  code: Type.Optional(Type.String({ description: 'stable code of the problem, e.g. import.month (solver/dataset/problemCodes.ts)' })),
  params: Type.Optional(Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), { description: 'the values of the message, by name' })),
});

export const IdParams = Type.Object({ id: Type.String({ format: 'uuid', description: 'Identifier (UUID)' }) });

export const PageQuery = {
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 100, description: 'Most items returned' })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0, description: 'Items skipped' })),
};

/** Replies for the error statuses a route can give, by code. */
export const errors = (...codes: readonly number[]): Record<number, TSchema> =>
  Object.fromEntries(codes.map((code) => [code, Type.Ref(ErrorReply)]));

/** An array schema whose static type is readonly, so handlers can return the domain's readonly arrays. */
export const List = <S extends TSchema>(items: S, options: Parameters<typeof Type.Array>[1] = {}) =>
  Type.Unsafe<readonly Static<S>[]>(Type.Array(items, options));
