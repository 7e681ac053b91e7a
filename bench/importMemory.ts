/**
 * Memory of the server while it takes a large import: `npm run bench:import`.
 *
 * Builds provinces of growing size from the embedded Hai Phong tables (the 114 centers copied
 * COPIES times under new unit codes, with their history and staff), starts the real server
 * (api/server.ts) as a child process with a fresh data directory for each, waits for its start-up
 * preparation to end, POSTs the four tables as the JSON import (`activate: false`, so no forecast
 * runs after it), and samples the server's resident memory (VmRSS of /proc/PID/status: the process
 * with its worker threads) every 50 ms while the import runs. Prints a table: body size, history
 * rows, answer, seconds, memory before and the peak during the import.
 * SIZES=1,4,7 chooses the copies (default 1,3,5,7: about 7, 20, 33 and 46 MB of JSON).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../', import.meta.url));
const dataset = join(repo, 'data/haiphong');
const COPIES = (process.env['SIZES'] ?? '1,3,5,7').split(',').map(Number);

const read = (table: string): string => readFileSync(join(dataset, `${table}.csv`), 'utf8');

/** The embedded tables with their centers copied `copies` times; copy k's unit codes start with 9-k. */
const province = (copies: number): Record<'centers' | 'fields' | 'history' | 'staff', { name: string; text: string }> => {
  const [centerHead, ...centerRows] = read('centers').trimEnd().split('\n');
  const [historyHead, ...historyRows] = read('history').trimEnd().split('\n');
  const [staffHead, ...staffRows] = read('staff').trimEnd().split('\n');
  const recode = (k: number) => (code: string) => (k === 0 ? code : `${9 - k}${code.slice(1)}`);
  const centers: string[] = [centerHead as string];
  const history: string[] = [historyHead as string];
  const staff: string[] = [staffHead as string];
  for (let k = 0; k < copies; k += 1) {
    const code = recode(k);
    for (const row of centerRows) centers.push(code(row.slice(0, 5)) + row.slice(5));
    for (const row of historyRows) history.push(code(row.slice(0, 5)) + row.slice(5));
    for (const row of staffRows) {
      // staff_id,name,center_code,home_code,...: new ids and both unit codes recoded.
      const cells = row.split(',');
      cells[0] = `${cells[0]}-${k}`;
      cells[2] = code(cells[2] as string);
      cells[3] = code(cells[3] as string);
      staff.push(cells.join(','));
    }
  }
  const file = (name: string, lines: string[]) => ({ name, text: `${lines.join('\n')}\n` });
  return { centers: file('centers.csv', centers), fields: { name: 'fields.csv', text: read('fields') }, history: file('history.csv', history), staff: file('staff.csv', staff) };
};

/** Resident memory of `pid` now, MB (VmRSS: the process with its worker threads). */
const rssMb = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
};

const startServer = (dataDir: string): Promise<{ url: string; pid: number; stop: () => void }> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'api/server.ts'], {
      cwd: repo,
      env: { ...process.env, HOST: '127.0.0.1', PORT: '0', DATA_DIR: dataDir, WEB_DIR: '/nonexistent-web-planner' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
      if (match !== null && child.pid !== undefined) resolve({ url: match[1] as string, pid: child.pid, stop: () => child.kill('SIGTERM') });
    });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)));
  });

/** Waits until the server's own start-up preparation is over, so its memory is not counted as the import's. */
const settled = async (url: string): Promise<void> => {
  for (let i = 0; i < 600; i += 1) {
    const status = (await (await fetch(`${url}/api/forecasts/status`)).json()) as { state: string };
    if (status.state === 'ready' || status.state === 'failed') return;
    await new Promise((r) => setTimeout(r, 500));
  }
};

console.log(`Import memory, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log('| copies | body MB | history rows | answer | seconds | RSS before, MB | peak RSS during, MB |');
console.log('|---:|---:|---:|---|---:|---:|---:|');
for (const copies of COPIES) {
  const tables = province(copies);
  const body = JSON.stringify({ name: `province x${copies}`, activate: false, ...tables });
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-import-'));
  const server = await startServer(dataDir);
  try {
    await settled(server.url);
    const before = rssMb(server.pid);
    let peak = before;
    const sampler = setInterval(() => { peak = Math.max(peak, rssMb(server.pid)); }, 50);
    const t0 = performance.now();
    const res = await fetch(`${server.url}/api/datasets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    clearInterval(sampler);
    const answer = res.status === 201 ? '201' : `${res.status} ${((await res.json()) as { message?: string }).message ?? ''}`;
    const seconds = (performance.now() - t0) / 1000;
    const after = Math.max(peak, rssMb(server.pid));
    const rows = tables.history.text.split('\n').length - 2;
    console.log(`| ${copies} | ${(Buffer.byteLength(body) / 1e6).toFixed(1)} | ${rows.toLocaleString('en-US')} | ${answer} | ${seconds.toFixed(1)} | ${before.toFixed(0)} | ${after.toFixed(0)} |`);
  } finally {
    server.stop();
    await new Promise((r) => setTimeout(r, 500));
    rmSync(dataDir, { recursive: true, force: true });
  }
}
