/**
 * The audit log: who changed what, when. Stores write their audit line in the same transaction as
 * the change itself, so the log never claims a change that did not happen, nor misses one.
 */
import type { Db } from './openDatabase.ts';

export interface AuditEntry {
  readonly id: number;
  /** ISO 8601 UTC. */
  readonly at: string;
  /** User name (`local` in local single-user mode). */
  readonly actor: string;
  /** Verb and noun, e.g. `scenario.create`, `dataset.activate`. */
  readonly action: string;
  /** Id of what was changed. */
  readonly target: string;
  readonly detail: string;
}

export interface AuditLog {
  readonly record: (actor: string, action: string, target: string, detail?: string) => void;
  /** Newest first. */
  readonly list: (limit: number, offset: number) => AuditEntry[];
}

export const auditLog = (db: Db, now: () => string): AuditLog => {
  const insert = db.prepare('INSERT INTO audit (at, actor, action, target, detail) VALUES (?, ?, ?, ?, ?)');
  const select = db.prepare('SELECT id, at, actor, action, target, detail FROM audit ORDER BY id DESC LIMIT ? OFFSET ?');
  return {
    record: (actor, action, target, detail = '') => {
      insert.run(now(), actor, action, target, detail);
    },
    list: (limit, offset) => select.all(limit, offset) as AuditEntry[],
  };
};
