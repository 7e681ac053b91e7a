// Worker bootstrap: registers tsx's loader inside the worker thread, then imports the TypeScript
// entry named in workerData. (Node 20 does not apply `--import tsx` from execArgv to a worker's
// own entry module, so a .ts entry cannot be started directly.)
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
