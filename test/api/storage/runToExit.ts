/**
 * Runs one of the repository's entry points (the server, the admin command) as a child process to
 * its exit, and collects what it printed. The server gets 127.0.0.1 and an OS-chosen port.
 */
import { spawn } from 'node:child_process';
import { REPO } from '../server/serverProcess.ts';

export interface Exit {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  readonly env?: Readonly<Record<string, string>>;
  /** Run as this user and group (the tests that need a user other than root). */
  readonly uid?: number;
  readonly gid?: number;
  /** Command and arguments put in front of node, e.g. `unshare ...`. */
  readonly prefix?: readonly string[];
  /** Killed (SIGKILL) after this long, ms; default 25 s, below the tests' 30 s, so no child outlives its test. */
  readonly timeoutMs?: number;
}

export const runToExit = (script: string, args: readonly string[], options: RunOptions = {}): Promise<Exit> =>
  new Promise((resolve, reject) => {
    const command = [...(options.prefix ?? []), process.execPath, '--import', 'tsx', script, ...args];
    const child = spawn(command[0] as string, command.slice(1), {
      cwd: REPO,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', WEB_DIR: '/nonexistent-web-planner', ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      ...(options.uid === undefined ? {} : { uid: options.uid }),
      ...(options.gid === undefined ? {} : { gid: options.gid }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
    child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not exit within ${options.timeoutMs ?? 25_000} ms:\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 25_000);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });

/** The server on `dataDir` with the small good dataset, run until it exits (a start that fails). */
export const serverToExit = (dataDir: string, datasetDir: string, options: RunOptions = {}): Promise<Exit> =>
  runToExit('api/server.ts', [], { ...options, env: { DATA_DIR: dataDir, DATASET_DIR: datasetDir, ...options.env } });

/** What a refused start must look like: one paragraph on stderr, no stack trace. */
export const isOnePlainParagraph = (text: string): boolean => {
  const trimmed = text.trim();
  return trimmed.length > 0 && !trimmed.includes('\n') && !/\n\s+at |    at /.test(text);
};
