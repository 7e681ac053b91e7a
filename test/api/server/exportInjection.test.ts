/**
 * No export of a plan holds a cell a spreadsheet would evaluate, even when the civil servants'
 * names are formulas (a hostile or careless import): the CSV route through writeCsv's
 * neutralization, the workbook because exceljs writes strings as strings.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { evaluatedCells, rawCells } from '../../spreadsheetCells.ts';
import { HOSTILE_NAMES, hostileNamesDir, testApp } from './testApp.ts';

let app: FastifyInstance;
let planId = '';
beforeAll(async () => {
  app = await testApp({ datasetDir: hostileNamesDir() });
  const start = await app.inject({ method: 'POST', url: '/api/plans', payload: { scenario: { period: '2026-06', maxTransfers: 4, maxCommuteKm: 30, timeLimitSeconds: 5 } } });
  planId = start.json().id;
  for (let i = 0; i < 600; i += 1) {
    const status = (await app.inject({ url: `/api/plans/${planId}` })).json().status as string;
    if (status !== 'queued' && status !== 'running') break;
    await new Promise((r) => setTimeout(r, 100));
  }
}, 120_000);
afterAll(async () => { await app.close(); });

describe('plan exports of civil servants named like formulas', () => {
  it('the CSV export has no cell a spreadsheet would evaluate, and every name reads back as given', async () => {
    const res = await app.inject({ url: `/api/plans/${planId}/export/csv` });
    expect(res.statusCode).toBe(200);
    expect(evaluatedCells(res.body)).toEqual([]);
    const [header, ...rows] = rawCells(res.body);
    const name = header?.indexOf('name') ?? -1;
    // A spreadsheet shows the text after the apostrophe it hides: the name as imported.
    expect(new Set(rows.map((r) => (r[name] ?? '').replace(/^'(?=[=+\-@'])/, '')))).toEqual(new Set(HOSTILE_NAMES));
  });

  it('the CSV export keeps numbers as numbers: hours are plain decimals, never behind an apostrophe', async () => {
    const res = await app.inject({ url: `/api/plans/${planId}/export/csv` });
    const [header, ...rows] = rawCells(res.body);
    const hours = header?.indexOf('hours') ?? -1;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row[hours]).toMatch(/^-?\d+(\.\d+)?$/);
  });

  it('the XLSX export holds no formula: names starting with "=" are text cells', async () => {
    const res = await app.inject({ url: `/api/plans/${planId}/export/xlsx` });
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const formulas: string[] = [];
    const names = new Set<unknown>();
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Formula || cell.formula !== undefined) formulas.push(`${sheet.name}!${cell.address}`);
      if (typeof cell.value === 'string' && HOSTILE_NAMES.includes(cell.value as (typeof HOSTILE_NAMES)[number])) names.add(cell.value);
    })));
    expect(formulas).toEqual([]);
    expect(names).toEqual(new Set(HOSTILE_NAMES));
  });
});
