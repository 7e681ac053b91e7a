/**
 * Saved scenarios: a name, a description and the scenario object (the levers of a plan), with a
 * revision number that grows on every update. Every write is one transaction with its audit line.
 */
import { randomUUID } from 'node:crypto';
import type { AuditLog } from './auditLog.ts';
import type { Db } from './openDatabase.ts';

export interface ScenarioInput {
  readonly name: string;
  readonly description?: string;
  /** The plan levers, validated by the caller. */
  readonly scenario: Readonly<Record<string, unknown>>;
}

export interface ScenarioRecord {
  readonly id: string;
  readonly name: string;
  readonly description: string;
  readonly scenario: Readonly<Record<string, unknown>>;
  readonly revision: number;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly createdBy: string;
}

export interface ScenarioStore {
  readonly create: (input: ScenarioInput, actor: string) => ScenarioRecord;
  readonly get: (id: string) => ScenarioRecord | undefined;
  /** Most recently updated first. */
  readonly list: () => ScenarioRecord[];
  /** Replaces name, description and levers; undefined when there is no such scenario. */
  readonly update: (id: string, input: ScenarioInput, actor: string) => ScenarioRecord | undefined;
  readonly remove: (id: string, actor: string) => boolean;
  /** A new scenario with the same levers, named `name` or "<name> (copy)". */
  readonly copy: (id: string, name: string | undefined, actor: string) => ScenarioRecord | undefined;
}

interface Row {
  id: string;
  name: string;
  description: string;
  body: string;
  revision: number;
  created_at: string;
  updated_at: string;
  created_by: string;
}

const toRecord = (row: Row): ScenarioRecord => ({
  id: row.id,
  name: row.name,
  description: row.description,
  scenario: JSON.parse(row.body) as Record<string, unknown>,
  revision: row.revision,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  createdBy: row.created_by,
});

export const scenarioStore = (db: Db, audit: AuditLog, now: () => string): ScenarioStore => {
  const insert = db.prepare(
    'INSERT INTO scenarios (id, name, description, body, revision, created_at, updated_at, created_by) VALUES (?, ?, ?, ?, 1, ?, ?, ?)',
  );
  const select = db.prepare('SELECT * FROM scenarios WHERE id = ?');
  const selectAll = db.prepare('SELECT * FROM scenarios ORDER BY updated_at DESC, id');
  const updateRow = db.prepare(
    'UPDATE scenarios SET name = ?, description = ?, body = ?, revision = revision + 1, updated_at = ? WHERE id = ?',
  );
  const deleteRow = db.prepare('DELETE FROM scenarios WHERE id = ?');
  const get = (id: string): ScenarioRecord | undefined => {
    const row = select.get(id) as Row | undefined;
    return row === undefined ? undefined : toRecord(row);
  };
  const create = db.transaction((input: ScenarioInput, actor: string): ScenarioRecord => {
    const id = randomUUID();
    const at = now();
    insert.run(id, input.name, input.description ?? '', JSON.stringify(input.scenario), at, at, actor);
    audit.record(actor, 'scenario.create', id, input.name);
    return get(id) as ScenarioRecord;
  });
  const update = db.transaction((id: string, input: ScenarioInput, actor: string): ScenarioRecord | undefined => {
    const changed = updateRow.run(input.name, input.description ?? '', JSON.stringify(input.scenario), now(), id).changes;
    if (changed === 0) return undefined;
    audit.record(actor, 'scenario.update', id, input.name);
    return get(id);
  });
  const remove = db.transaction((id: string, actor: string): boolean => {
    if (deleteRow.run(id).changes === 0) return false;
    audit.record(actor, 'scenario.delete', id);
    return true;
  });
  const copy = db.transaction((id: string, name: string | undefined, actor: string): ScenarioRecord | undefined => {
    const source = get(id);
    if (source === undefined) return undefined;
    const made = create({ name: name ?? `${source.name} (copy)`, description: source.description, scenario: source.scenario }, actor);
    audit.record(actor, 'scenario.copy', made.id, `from ${id}`);
    return made;
  });
  return { create, get, list: () => (selectAll.all() as Row[]).map(toRecord), update, remove, copy };
};
