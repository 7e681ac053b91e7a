/**
 * The value a plain record holds as its own property `key`; undefined otherwise. Levers are plain
 * JSON objects keyed by dataset codes, and bare indexing finds Object.prototype's members too:
 * `multipliers['constructor']` is a function when a dataset has a field named `constructor` (a
 * valid field code) that the scenario does not mention.
 */
export const ownValue = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;
