/**
 * Users and their bearer tokens. A token is 32 random bytes (base64url) shown once at creation;
 * only its SHA-256 is stored, so a copy of the database gives no one a working token.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { AuditLog } from './auditLog.ts';
import type { Db } from './openDatabase.ts';

/** viewer: read everything (staff names included); planner: also scenarios and plans; admin: also datasets and users. */
export type Role = 'viewer' | 'planner' | 'admin';
export const ROLES: readonly Role[] = ['viewer', 'planner', 'admin'];

export interface User {
  readonly name: string;
  readonly role: Role;
  readonly createdAt: string;
}

export interface UserStore {
  /** Creates the user and returns the token, which is not stored and cannot be shown again. */
  readonly create: (name: string, role: Role, actor: string) => { readonly user: User; readonly token: string } | undefined;
  readonly byToken: (token: string) => User | undefined;
  readonly list: () => User[];
  readonly remove: (name: string, actor: string) => boolean;
}

export const hashToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');

export const userStore = (db: Db, audit: AuditLog, now: () => string): UserStore => {
  const insert = db.prepare('INSERT INTO users (name, role, token_hash, created_at) VALUES (?, ?, ?, ?)');
  const selectByName = db.prepare('SELECT name, role, created_at AS createdAt FROM users WHERE name = ?');
  const selectByHash = db.prepare('SELECT name, role, created_at AS createdAt FROM users WHERE token_hash = ?');
  const selectAll = db.prepare('SELECT name, role, created_at AS createdAt FROM users ORDER BY name');
  const deleteRow = db.prepare('DELETE FROM users WHERE name = ?');
  const create = db.transaction((name: string, role: Role, actor: string) => {
    if (selectByName.get(name) !== undefined) return undefined;
    const token = randomBytes(32).toString('base64url');
    insert.run(name, role, hashToken(token), now());
    audit.record(actor, 'user.create', name, role);
    return { user: selectByName.get(name) as User, token };
  });
  const remove = db.transaction((name: string, actor: string): boolean => {
    if (deleteRow.run(name).changes === 0) return false;
    audit.record(actor, 'user.delete', name);
    return true;
  });
  return {
    create,
    byToken: (token) => selectByHash.get(hashToken(token)) as User | undefined,
    list: () => selectAll.all() as User[],
    remove,
  };
};
