/**
 * Starts api/server.ts (through tsx, or compiled: dist/server.js) as a real child process on
 * 127.0.0.1 and an OS-chosen port, and reads the address it prints.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
}

/** How the server is started: its TypeScript source through tsx, or the compiled bundle `npm start` runs. */
export const SERVER_SOURCE = ['--import', 'tsx', 'api/server.ts'];
export const SERVER_COMPILED = ['dist/server.js'];

export const startServer = (env: Record<string, string>, timeoutMs = 60_000, command: readonly string[] = SERVER_SOURCE): Promise<ServerProcess> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...command], {
      cwd: REPO,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', WEB_DIR: '/nonexistent-web-planner', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match !== null) {
        clearTimeout(timer);
        resolve({ child, url: match[1] as string });
      }
    };
    child.stdout?.on('data', read);
    child.stderr?.on('data', read);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code}:\n${output}`));
    });
  });

export const stopped = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
