/**
 * Plans as jobs: each row keeps the scenario it solved (a copy, so later edits of the scenario do not
 * change what the plan claims), the dataset version and content hash, the job's status and progress,
 * a small summary (status, objective, bound, gap, KPIs) and the full result JSON.
 */
import { randomUUID } from 'node:crypto';
import type { AuditLog } from './auditLog.ts';
import type { Db } from './openDatabase.ts';

/** queued -> running -> done | failed | cancelled. */
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

export interface PlanRecord {
  readonly id: string;
  readonly scenarioId: string | null;
  readonly scenario: Readonly<Record<string, unknown>>;
  readonly datasetVersion: number;
  readonly datasetHash: string;
  readonly status: JobStatus;
  /** What the job is doing now, in words (e.g. `forecast`, `solve`). */
  readonly stage: string;
  /** 0..1, approximate. */
  readonly progress: number;
  /** Solver status, objective, bound, gap, seconds and KPIs once done; null before. */
  readonly summary: Readonly<Record<string, unknown>> | null;
  readonly error: string | null;
  readonly createdAt: string;
  readonly startedAt: string | null;
  readonly finishedAt: string | null;
  readonly createdBy: string;
}

export interface NewPlan {
  readonly scenarioId: string | null;
  readonly scenario: Readonly<Record<string, unknown>>;
  readonly datasetVersion: number;
  readonly datasetHash: string;
}

export interface PlanStore {
  readonly create: (input: NewPlan, actor: string) => PlanRecord;
  readonly get: (id: string) => PlanRecord | undefined;
  /** The full result JSON text; undefined when the plan is unknown or has none. */
  readonly resultText: (id: string) => string | undefined;
  /** Newest first. */
  readonly list: (limit: number, offset: number) => PlanRecord[];
  readonly started: (id: string) => void;
  readonly progress: (id: string, stage: string, progress: number) => void;
  readonly finished: (id: string, summary: Readonly<Record<string, unknown>>, resultText: string) => void;
  readonly failed: (id: string, error: string) => void;
  /** Marks a queued or running plan cancelled; false when it is unknown or already over. */
  readonly cancel: (id: string, actor: string) => boolean;
  /** Marks plans left queued or running by a previous process as failed; returns how many. */
  readonly failInterrupted: () => number;
}

interface Row {
  id: string;
  scenario_id: string | null;
  scenario: string;
  dataset_version: number;
  dataset_hash: string;
  status: JobStatus;
  stage: string;
  progress: number;
  summary: string | null;
  error: string | null;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  created_by: string;
}

const toRecord = (row: Row): PlanRecord => ({
  id: row.id,
  scenarioId: row.scenario_id,
  scenario: JSON.parse(row.scenario) as Record<string, unknown>,
  datasetVersion: row.dataset_version,
  datasetHash: row.dataset_hash,
  status: row.status,
  stage: row.stage,
  progress: row.progress,
  summary: row.summary === null ? null : (JSON.parse(row.summary) as Record<string, unknown>),
  error: row.error,
  createdAt: row.created_at,
  startedAt: row.started_at,
  finishedAt: row.finished_at,
  createdBy: row.created_by,
});

const COLUMNS = 'id, scenario_id, scenario, dataset_version, dataset_hash, status, stage, progress, summary, error, created_at, started_at, finished_at, created_by';

export const planStore = (db: Db, audit: AuditLog, now: () => string): PlanStore => {
  const insert = db.prepare(
    "INSERT INTO plans (id, scenario_id, scenario, dataset_version, dataset_hash, status, stage, progress, created_at, created_by) VALUES (?, ?, ?, ?, ?, 'queued', 'queued', 0, ?, ?)",
  );
  const select = db.prepare(`SELECT ${COLUMNS} FROM plans WHERE id = ?`);
  const selectResult = db.prepare('SELECT result FROM plans WHERE id = ?');
  const selectPage = db.prepare(`SELECT ${COLUMNS} FROM plans ORDER BY created_at DESC, id LIMIT ? OFFSET ?`);
  const setStarted = db.prepare("UPDATE plans SET status = 'running', stage = 'starting', started_at = ? WHERE id = ? AND status = 'queued'");
  const setProgress = db.prepare("UPDATE plans SET stage = ?, progress = ? WHERE id = ? AND status = 'running'");
  const setFinished = db.prepare(
    "UPDATE plans SET status = 'done', stage = 'done', progress = 1, summary = ?, result = ?, finished_at = ? WHERE id = ? AND status = 'running'",
  );
  const setFailed = db.prepare(
    "UPDATE plans SET status = 'failed', stage = 'failed', error = ?, finished_at = ? WHERE id = ? AND status IN ('queued', 'running')",
  );
  const setCancelled = db.prepare(
    "UPDATE plans SET status = 'cancelled', stage = 'cancelled', finished_at = ? WHERE id = ? AND status IN ('queued', 'running')",
  );
  const failAll = db.prepare(
    "UPDATE plans SET status = 'failed', stage = 'failed', error = 'the server stopped before the solve finished', finished_at = ? WHERE status IN ('queued', 'running')",
  );
  const get = (id: string): PlanRecord | undefined => {
    const row = select.get(id) as Row | undefined;
    return row === undefined ? undefined : toRecord(row);
  };
  const create = db.transaction((input: NewPlan, actor: string): PlanRecord => {
    const id = randomUUID();
    insert.run(id, input.scenarioId, JSON.stringify(input.scenario), input.datasetVersion, input.datasetHash, now(), actor);
    audit.record(actor, 'plan.create', id, input.scenarioId === null ? 'inline scenario' : `scenario ${input.scenarioId}`);
    return get(id) as PlanRecord;
  });
  const cancel = db.transaction((id: string, actor: string): boolean => {
    if (setCancelled.run(now(), id).changes === 0) return false;
    audit.record(actor, 'plan.cancel', id);
    return true;
  });
  return {
    create,
    get,
    resultText: (id) => (selectResult.get(id) as { result: string | null } | undefined)?.result ?? undefined,
    list: (limit, offset) => (selectPage.all(limit, offset) as Row[]).map(toRecord),
    started: (id) => {
      setStarted.run(now(), id);
    },
    progress: (id, stage, progress) => {
      setProgress.run(stage, progress, id);
    },
    finished: (id, summary, resultText) => {
      setFinished.run(JSON.stringify(summary), resultText, now(), id);
    },
    failed: (id, error) => {
      setFailed.run(error, now(), id);
    },
    cancel,
    failInterrupted: () => failAll.run(now()).changes,
  };
};
