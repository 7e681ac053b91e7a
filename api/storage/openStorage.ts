/**
 * Everything the server keeps, opened together over one database in the data directory.
 */
import { auditLog, type AuditLog } from './auditLog.ts';
import { cacheStore, type CacheStore } from './cacheStore.ts';
import { datasetStore, type DatasetStore } from './datasetStore.ts';
import { openDatabase, type Db } from './openDatabase.ts';
import { planStore, type PlanStore } from './planStore.ts';
import { scenarioStore, type ScenarioStore } from './scenarioStore.ts';
import { userStore, type UserStore } from './userStore.ts';

export interface Storage {
  readonly db: Db;
  readonly audit: AuditLog;
  readonly cache: CacheStore;
  readonly datasets: DatasetStore;
  readonly plans: PlanStore;
  readonly scenarios: ScenarioStore;
  readonly users: UserStore;
  readonly close: () => void;
}

/** Opens the stores in `dataDir`; `now` gives ISO 8601 UTC timestamps (default: the clock). */
export const openStorage = (dataDir: string, now: () => string = () => new Date().toISOString()): Storage => {
  const db = openDatabase(dataDir);
  const audit = auditLog(db, now);
  return {
    db,
    audit,
    cache: cacheStore(db, now),
    datasets: datasetStore(db, audit, now),
    plans: planStore(db, audit, now),
    scenarios: scenarioStore(db, audit, now),
    users: userStore(db, audit, now),
    close: () => db.close(),
  };
};
