/**
 * One table alone updates a dataset (issue 11: a staff list imported alone was taken for a dossier
 * export): the tables left out are the active version's, the whole goes through the loaders, and
 * the answer says which tables were replaced.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { goodTables, testApp } from './testApp.ts';
import { multipartBody as multipart } from './multipartBody.ts';

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});


/** The good staff table with one person renamed. */
const renamedStaff = () => {
  const staff = goodTables().staff;
  return { name: 'staff.csv', text: staff.text.replace('Nguyễn Văn An', 'Nguyễn Văn Bình') };
};

describe('importing one table alone', () => {
  it('staff.csv alone, uploaded, makes a version with the new staff and the active centers, fields and history', async () => {
    app = await testApp();
    const upload = multipart({ staff: renamedStaff() }, { name: 'staff update', activate: 'true' });
    const res = await app.inject({ method: 'POST', url: '/api/datasets/upload', ...upload });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ ok: true, replaced: ['staff'], version: { version: 2, active: true, counts: { centers: 4, fields: 4, staff: 6 } } });
    const staff = (await app.inject({ url: '/api/staff' })).json() as { name: string }[];
    expect(staff.map((s) => s.name)).toContain('Nguyễn Văn Bình');
    expect((await app.inject({ url: '/api/centers' })).json()).toHaveLength(4);
  });

  it('a staff table alone as JSON works the same way', async () => {
    app = await testApp();
    const res = await app.inject({ method: 'POST', url: '/api/datasets', payload: { name: 'staff update', staff: renamedStaff() } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().replaced).toEqual(['staff']);
  });

  it('a staff table naming a center the active version lacks is refused with its line, and stores nothing', async () => {
    app = await testApp();
    const staff = goodTables().staff;
    const lines = staff.text.split('\n');
    const bad = { name: 'staff.csv', text: [lines[0], lines[1]?.replace(/,(\d{5}),/, ',99999,'), ...lines.slice(2)].join('\n') };
    const res = await app.inject({ method: 'POST', url: '/api/datasets/upload', ...multipart({ staff: bad }, { name: 'bad' }) });
    expect(res.statusCode).toBe(422);
    expect(res.json().problems[0]).toMatchObject({ file: 'staff.csv', line: 2, value: '99999' });
    expect((await app.inject({ url: '/api/datasets' })).json()).toHaveLength(1);
  });

  it('a part named other than the four tables is a 400 naming it', async () => {
    app = await testApp();
    const res = await app.inject({ method: 'POST', url: '/api/datasets/upload', ...multipart({ people: renamedStaff() }) });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toBe('unknown file part "people": the parts are named centers, fields, history, staff, workbook (a workbook with a sheet per table) or dossiers');
  });

  it('a JSON import with no table at all is a 400', async () => {
    app = await testApp();
    const res = await app.inject({ method: 'POST', url: '/api/datasets', payload: { name: 'empty', activate: true } });
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toMatch(/^body must have one or more of the tables/);
  });
});
