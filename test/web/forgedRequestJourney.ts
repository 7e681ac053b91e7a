/**
 * Browser check of forged requests and DNS rebinding (security review, classes 2 and 3), in Debian's
 * Chromium through playwright-core: a page of another origin tries what a real attack page did
 * (plant and activate a dataset with a multipart POST, activate a version with an empty POST, copy a
 * scenario with a plain form), all requests a browser sends without a preflight; nothing may change.
 * Then a page reached by a rebound name (evil.example resolved to 127.0.0.1 by Chromium's resolver
 * rules) tries to read the staff list; the server must refuse the name. Finally the planner's own
 * page still saves a scenario (same origin).
 *
 * Run: `npx tsx test/web/forgedRequestJourney.ts` after `npm run web:build`. Starts the planner on
 * a free port (local mode, a fresh DATA_DIR) and a foreign page server on another free port.
 * Ends with "N passed, N failed"; exit 1 on a failure.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { checkPrerequisites, CHROMIUM, CHROMIUM_ARGS, exitWith, freePort, ROOT, runChecks, startServer, type Check } from './browserHarness.ts';

const table = (name: string): string => readFileSync(join(ROOT, 'test', 'cases', 'imports', 'good', `${name}.csv`), 'utf8');

/** The attack page: three requests that need no preflight, sent when the page loads. */
const attackPage = (target: string, scenarioId: string): string => `<!doctype html>
<html><head><meta charset="utf-8"><title>Quà tặng</title></head><body>
<p id="state">sending</p>
<form id="copy" method="POST" action="${target}/api/scenarios/${scenarioId}/copy?name=planted" target="sink"></form>
<iframe name="sink"></iframe>
<script>
const tables = ${JSON.stringify({ centers: table('centers'), fields: table('fields'), history: table('history'), staff: table('staff').replace('Nguyễn Văn An', 'Kẻ Gian') })};
const form = new FormData();
for (const [name, text] of Object.entries(tables)) form.append(name, new Blob([text], { type: 'text/csv' }), name + '.csv');
form.append('name', 'planted');
form.append('activate', 'true');
Promise.allSettled([
  fetch('${target}/api/datasets/upload', { method: 'POST', mode: 'no-cors', body: form }),
  fetch('${target}/api/datasets/1/activate', { method: 'POST', mode: 'no-cors' }),
]).then(() => {
  document.getElementById('copy').submit();
  setTimeout(() => { document.getElementById('state').textContent = 'sent'; }, 1500);
});
</script></body></html>`;

const listen = (server: Server, port: number): Promise<void> => new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve()));

const main = async (): Promise<number> => {
  checkPrerequisites();
  const dataDir = mkdtempSync(join(tmpdir(), 'planner-forged-journey-'));
  const port = await freePort();
  const target = `http://127.0.0.1:${port}`;
  const server = await startServer(port, { DATA_DIR: dataDir, DATASET_DIR: join(ROOT, 'test', 'cases', 'imports', 'good') }, async (base) => (await fetch(`${base}/api/health`)).ok);
  // A scenario to copy, saved by a program (no Origin): allowed.
  const saved = (await (await fetch(`${target}/api/scenarios`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Kịch bản gốc', scenario: { period: '2026-03' } }) })).json()) as { id: string };
  const state = async () => JSON.stringify({
    datasets: await (await fetch(`${target}/api/datasets`)).json(),
    scenarios: ((await (await fetch(`${target}/api/scenarios`)).json()) as { name: string }[]).map((s) => s.name),
  });
  const before = await state();
  const foreignPort = await freePort();
  const foreign = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(attackPage(target, saved.id));
  });
  await listen(foreign, foreignPort);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...CHROMIUM_ARGS, '--host-resolver-rules=MAP evil.example 127.0.0.1'] });
  const page = await browser.newPage();
  const checks: Check[] = [
    {
      name: 'a page of another origin sends a multipart import with activate=true, an empty activation and a form copy: nothing changes',
      run: async (p) => {
        await p.goto(`http://127.0.0.1:${foreignPort}/`);
        await p.waitForFunction(() => document.getElementById('state')?.textContent === 'sent', undefined, { timeout: 30_000 });
        const after = await state();
        if (after !== before) throw new Error(`the server's data changed:\nbefore ${before}\nafter  ${after}`);
        const refused = (server.log().match(/"statusCode":403/g) ?? []).length;
        return `datasets and scenarios unchanged after the attack page ran${refused > 0 ? ` (${refused} refusals logged)` : ''}`;
      },
    },
    {
      name: 'a page reached by a rebound name (evil.example -> 127.0.0.1) cannot read the staff list',
      run: async (p) => {
        const res = await p.goto(`http://evil.example:${port}/api/staff`);
        const body = (await res?.text()) ?? '';
        if (res?.status() !== 400) throw new Error(`answered ${res?.status()}: ${body.slice(0, 120)}`);
        if (body.includes('staffId')) throw new Error('the answer holds staff');
        return `400: ${JSON.parse(body).message}`;
      },
    },
    {
      name: 'the planner\'s own page still saves a scenario (same origin)',
      run: async (p) => {
        await p.goto(`${target}/`);
        const status = await p.evaluate(async () => (await fetch('./api/scenarios', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'Từ trang của mình', scenario: { period: '2026-03' } }) })).status);
        if (status !== 201) throw new Error(`answered ${status}`);
      },
    },
  ];
  try {
    const { passed, failed } = await runChecks(checks, page, 'forged-');
    console.log(`${passed} passed, ${failed} failed`);
    return failed === 0 ? 0 : 1;
  } finally {
    await browser.close();
    foreign.close();
    server.child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
};

exitWith(main);
