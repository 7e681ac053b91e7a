/**
 * What `npm start` prints when the server cannot start: one plain paragraph, never a stack. A
 * StorageProblem says itself; a file-system or SQLite error is put in words for the data
 * directory; anything else is the error's own message.
 */
import { join } from 'node:path';
import { environmentProblem } from './environmentProblem.ts';
import { DATABASE_FILE } from './openDatabase.ts';

export const startFailureMessage = (error: unknown, dataDir: string): string => {
  const problem = environmentProblem(error, dataDir, join(dataDir, DATABASE_FILE));
  if (problem !== undefined) return problem.message;
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return `The planner could not start: ${message}${code === 'EADDRINUSE' ? ' (another program listens on that port: stop it, or set PORT to another port)' : ''}`;
};
