/**
 * The command line and the server compute the same figures for the same dataset and scenario:
 * the same forecasts (FORECAST_HORIZON months past the history, whatever month is asked), the same
 * workload, the same plan input. Dataset: the 4-center, 42-month history of testApp.ts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { loadDatasetDir } from '../../api/dataset-files.ts';
import { runOverview } from '../../api/cli/overview.ts';
import { planInputFor } from '../../api/cli/plan.ts';
import { FORECAST_HORIZON, forecastDataset, forecastNeed } from '../../api/cli/cliForecasts.ts';
import { FORECAST_HORIZON as SERVER_HORIZON } from '../../api/storage/forecastFiles.ts';
import type { Dataset } from '../../solver/domain.ts';
import { forecastHistory } from '../../solver/forecast/forecastHistory.ts';
import { validateScenario } from '../../solver/scenario.ts';
import { computeWorkload } from '../../solver/workload/computeWorkload.ts';
import { longHistoryDir, testApp } from './server/testApp.ts';

let app: FastifyInstance;
let dir: string;
let dataset: Dataset;
beforeAll(async () => {
  dir = longHistoryDir();
  app = await testApp({ datasetDir: dir });
  const loaded = await loadDatasetDir(dir);
  if (!loaded.ok) throw new Error('the long-history test dataset does not load');
  dataset = loaded.value;
}, 120_000);
afterAll(async () => { await app.close(); });

interface ServerWorkload {
  readonly fields: readonly { centerCode: string; field: string; requiredHours: number; uncoveredHours: number }[];
  readonly totals: { requiredHours: number; uncoveredHours: number; overloadedCenters: number };
}

const serverWorkload = async (period: string): Promise<ServerWorkload> => {
  const res = await app.inject({ url: `/api/workload?period=${period}&quantile=0.8` });
  expect(res.statusCode).toBe(200);
  return res.json() as ServerWorkload;
};

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

describe('the command line and the server agree', () => {
  it('both forecast the same number of months (one constant)', () => {
    expect(FORECAST_HORIZON).toBe(SERVER_HORIZON);
  });

  // The history ends 2026-06: 2026-07 is one month ahead, where a horizon-1 forecast would differ.
  it.each(['2026-07', '2026-09'])('npm run overview computes the server\'s workload for %s (P80)', async (period) => {
    const server = await serverWorkload(period);
    const run = await runOverview(['--period', period, '--json'], { loadDataset: () => loadDatasetDir(dir), forecast: (d) => forecastDataset(d) });
    expect(run.exitCode).toBe(0);
    const totals = run.overview?.totals;
    expect(round(totals?.requiredHours ?? NaN)).toBe(round(server.totals.requiredHours));
    expect(round(totals?.uncoveredHours ?? NaN)).toBe(round(server.totals.uncoveredHours));
    expect(totals?.overloadedCenters).toBe(server.totals.overloadedCenters);
  }, 120_000);

  it.each(['2026-07', '2026-09'])('npm run plan builds its plan input from the server\'s workload for %s (required hours per center and field)', async (period) => {
    const server = await serverWorkload(period);
    const checked = validateScenario({ period });
    if (!checked.ok) throw new Error('default scenario invalid');
    const cli = await planInputFor(checked.scenario, dir);
    if (!cli.ok) throw new Error(cli.message);
    const key = (r: { centerCode: string; field: string }) => `${r.centerCode}|${r.field}`;
    const serverHours = new Map(server.fields.filter((r) => r.requiredHours > 0).map((r) => [key(r), round(r.requiredHours)]));
    const cliHours = new Map(cli.input.requiredHours.filter((r) => r.hours > 0).map((r) => [key(r), round(r.hours)]));
    expect(cliHours).toEqual(serverHours);
  }, 120_000);

  it('the forecast of a month depends on the horizon asked for (why one constant matters)', () => {
    const period = '2026-07';
    const hours = (horizon: number) => computeWorkload(dataset, forecastHistory(dataset.history, { horizon, breakMonth: '2025-07' }), { period, quantile: 0.8 }).totals.requiredHours;
    expect(round(hours(1))).not.toBe(round(hours(FORECAST_HORIZON)));
  }, 120_000);

  it('a month past the forecast is refused, naming the last month forecast', () => {
    expect(forecastNeed(dataset, '2027-07')).toEqual({ ok: false, message: "period 2027-07 is past the forecast: it reaches 2027-06 (12 months after the history's last month 2026-06)" });
    expect(forecastNeed(dataset, '2027-06')).toEqual({ ok: true, forecast: true });
    expect(forecastNeed(dataset, '2026-06')).toEqual({ ok: true, forecast: false });
  });
});
