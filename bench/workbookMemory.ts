/**
 * Memory of `check-data` reading a workbook: `npm run bench:workbook`.
 *
 * Builds workbooks of growing size from the embedded Hai Phong tables (the 114 centers copied
 * COPIES times under new unit codes, with their history and staff; one sheet per table, as the
 * template lays them out), runs `npm run check-data -- FILE.xlsx` on each as a child process, and
 * samples its resident memory (VmRSS of /proc/PID/status) every 50 ms. Prints a table: workbook
 * size, history rows, exit code, seconds, and the peak memory.
 * SIZES=1,4 chooses the copies (default 1,2,4,8: about 5, 10, 20 and 40 MB).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadDatasetDir } from '../api/dataset-files.ts';
import { writeTableWorkbook } from '../api/workbook/writeTableWorkbook.ts';
import type { Dataset } from '../solver/domain.ts';
import { datasetToCsv } from '../solver/dataset/datasetToCsv.ts';

const repo = fileURLToPath(new URL('../', import.meta.url));
const COPIES = (process.env['SIZES'] ?? '1,2,4,8').split(',').map(Number);

/** The embedded dataset with its centers copied `copies` times; copy k's unit codes start with 9-k. */
const province = (d: Dataset, copies: number): Dataset => {
  const parts = Array.from({ length: copies }, (_, k) => {
    const code = (c: string) => (k === 0 ? c : `${9 - k}${c.slice(1)}`);
    return {
      centers: d.centers.map((c) => ({ ...c, code: code(c.code) })),
      history: d.history.map((h) => ({ ...h, centerCode: code(h.centerCode) })),
      staff: d.staff.map((s) => ({ ...s, staffId: `${s.staffId}-${k}`, centerCode: code(s.centerCode), homeCode: code(s.homeCode) })),
    };
  });
  return { centers: parts.flatMap((p) => p.centers), fields: d.fields, history: parts.flatMap((p) => p.history), staff: parts.flatMap((p) => p.staff) };
};

const rssMb = (pid: number): number => Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

const run = (file: string): Promise<{ code: number | null; seconds: number; peakMb: number }> =>
  new Promise((resolve) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--import', 'tsx', 'api/cli/check-data.ts', file], { cwd: repo, stdio: ['ignore', 'ignore', 'ignore'] });
    let peak = 0;
    const timer = setInterval(() => {
      try {
        peak = Math.max(peak, rssMb(child.pid as number));
      } catch {
        // the process has ended between two samples
      }
    }, 50);
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ code, seconds: (performance.now() - start) / 1000, peakMb: peak });
    });
  });

const embedded = await loadDatasetDir();
if (!embedded.ok) throw new Error('the embedded dataset does not load');
const dir = mkdtempSync(join(tmpdir(), 'bench-workbook-'));
console.log(`load average ${loadavg().map((x) => x.toFixed(1)).join(' ')}`);
console.log('| copies | workbook MB | history rows | exit | seconds | peak RSS MB |');
console.log('|---:|---:|---:|---:|---:|---:|');
try {
  for (const copies of COPIES) {
    const dataset = province(embedded.value, copies);
    const cells = datasetToCsv(dataset);
    const file = join(dir, `province-${copies}.xlsx`);
    writeFileSync(file, await writeTableWorkbook((['centers', 'fields', 'history', 'staff'] as const).map((table) => ({ table, rows: cells[table].rows }))));
    const size = statSync(file).size / 1024 / 1024;
    const { code, seconds, peakMb } = await run(file);
    console.log(`| ${copies} | ${size.toFixed(1)} | ${dataset.history.length} | ${code} | ${seconds.toFixed(0)} | ${peakMb.toFixed(0)} |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
