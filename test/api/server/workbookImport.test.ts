/**
 * The upload takes .xlsx where it takes CSV: one table's workbook alone replaces that table, a bad
 * workbook is a 422 naming workbook, sheet, row and column with nothing stored, a dossier-level
 * workbook is aggregated, and the template of each table downloads.
 */
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { buildWorkbook } from '../workbook/buildWorkbook.ts';
import { testApp } from './testApp.ts';
import { multipartBody as multipart } from './multipartBody.ts';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});


const staffWorkbook = (fte?: string) =>
  buildWorkbook({
    name: 'staff', file: 'staff.xlsx', tables: ['staff'], single: 'staff',
    sheets: [{ name: 'Công chức', from: 'good/staff.csv', vi: true, note: true, set: [{ row: 3, column: 'name', value: 'Nguyễn Văn Bình' }, ...(fte === undefined ? [] : [{ row: 4, column: 'fte', value: fte }])] }],
  });

describe('workbook uploads', () => {
  it('staff.xlsx alone makes a version with the new staff and the active other tables, and says it replaced staff', { timeout: 60_000 }, async () => {
    app = await testApp();
    const res = await app.inject({ method: 'POST', url: '/api/datasets/upload', ...multipart({ staff: { name: 'staff.xlsx', bytes: await staffWorkbook() } }, { name: 'staff from Excel', activate: 'true' }) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ ok: true, replaced: ['staff'], version: { version: 2, active: true, counts: { centers: 4, fields: 4, staff: 6 } } });
    const staff = (await app.inject({ url: '/api/staff' })).json() as { name: string }[];
    expect(staff.map((s) => s.name)).toContain('Nguyễn Văn Bình');
  });

  it('a bad cell in a workbook is a 422 naming workbook, sheet, row, column and value, and stores nothing', { timeout: 60_000 }, async () => {
    app = await testApp();
    const res = await app.inject({ method: 'POST', url: '/api/datasets/upload', ...multipart({ staff: { name: 'staff.xlsx', bytes: await staffWorkbook('1,5') } }, { name: 'bad' }) });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({ ok: false, problems: [{ file: 'staff.xlsx, sheet Công chức', line: 4, column: 'fte', value: '1,5', code: 'import.number' }] });
    expect((await app.inject({ url: '/api/datasets' })).json()).toHaveLength(1);
  });

  it('a workbook with macros is a 422 naming it, and stores nothing', { timeout: 60_000 }, async () => {
    app = await testApp();
    const bytes = await buildWorkbook({ name: 'm', file: 'staff.xlsm', tables: ['staff'], single: 'staff', sheets: [{ name: 'Công chức', from: 'good/staff.csv', vi: true }], zip: 'macros' });
    const res = await app.inject({ method: 'POST', url: '/api/datasets/upload', ...multipart({ staff: { name: 'staff.xlsm', bytes } }, { name: 'macros' }) });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({ ok: false, problems: [{ file: 'staff.xlsm', code: 'import.workbook_macros' }] });
    expect((await app.inject({ url: '/api/datasets' })).json()).toHaveLength(1);
  });

  it('one workbook part with a sheet per table replaces the tables it holds', { timeout: 60_000 }, async () => {
    app = await testApp();
    const bytes = await buildWorkbook({
      name: 'w', file: 'haiphong.xlsx', tables: ['centers', 'fields', 'history', 'staff'],
      sheets: [{ name: 'Lĩnh vực', from: 'good/fields.csv', vi: true, note: true }, { name: 'Công chức', from: 'good/staff.csv', vi: true, note: true }],
    });
    const res = await app.inject({ method: 'POST', url: '/api/datasets/upload', ...multipart({ workbook: { name: 'haiphong.xlsx', bytes } }, { name: 'two sheets' }) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ ok: true, replaced: ['fields', 'staff'] });
  });

  it('a dossier-level workbook alone (dates as text) is aggregated onto the active history', { timeout: 60_000 }, async () => {
    app = await testApp();
    const bytes = await buildWorkbook({ name: 'd', file: 'ho-so.xlsx', tables: ['dossiers'], single: 'dossiers', sheets: [{ name: 'Hồ sơ', from: 'dossiers/good.csv', vi: true, note: true }] });
    const res = await app.inject({ method: 'POST', url: '/api/datasets/upload', ...multipart({ dossiers: { name: 'ho-so.xlsx', bytes } }, { name: 'dossiers from Excel' }) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ ok: true, version: { version: 2, source: 'import-dossiers' } });
  });

  it('the staff template downloads with the active version\'s center codes in its list sheet', { timeout: 60_000 }, async () => {
    app = await testApp();
    const res = await app.inject({ url: '/api/datasets/templates/staff' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="staff.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(book.getWorksheet('Công chức')?.getCell('A1').value).toBe('Mã công chức');
    expect(book.getWorksheet('Danh mục')?.getColumn(1).values.slice(2)).toEqual(['11443', '11446', '11629', '11948']);
  });
});
