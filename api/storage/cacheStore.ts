/**
 * A key-value cache of computed JSON (forecasts per dataset hash): keys always include the content
 * hash of what the value was computed from, so an entry can never be stale, only unused.
 */
import type { Db } from './openDatabase.ts';

export interface CacheStore {
  readonly get: (key: string) => string | undefined;
  /** Whether `key` is stored (its body is not read). */
  readonly has: (key: string) => boolean;
  readonly put: (key: string, body: string) => void;
}

export const cacheStore = (db: Db, now: () => string): CacheStore => {
  const select = db.prepare('SELECT body FROM cache WHERE key = ?');
  const exists = db.prepare('SELECT 1 FROM cache WHERE key = ?').pluck();
  const upsert = db.prepare('INSERT INTO cache (key, created_at, body) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET body = excluded.body, created_at = excluded.created_at');
  return {
    get: (key) => (select.get(key) as { body: string } | undefined)?.body,
    has: (key) => exists.get(key) !== undefined,
    put: (key, body) => {
      upsert.run(key, now(), body);
    },
  };
};
