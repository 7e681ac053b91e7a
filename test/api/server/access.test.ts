import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { isLoopback } from '../../../api/auth/access.ts';
import { openStorage } from '../../../api/storage/openStorage.ts';
import { goodTables, tempDataDir, testApp } from './testApp.ts';

const run = promisify(execFile);

let app: FastifyInstance;
let dataDir: string;
const tokens: Record<'viewer' | 'planner' | 'admin', string> = { viewer: '', planner: '', admin: '' };

beforeAll(async () => {
  dataDir = tempDataDir();
  const storage = openStorage(dataDir);
  for (const role of ['viewer', 'planner', 'admin'] as const) tokens[role] = storage.users.create(`${role}1`, role, 'test')?.token ?? '';
  storage.close();
  app = await testApp({ dataDir, mode: 'tokens' });
});
afterAll(async () => { await app.close(); });

const as = (role: keyof typeof tokens) => ({ authorization: `Bearer ${tokens[role]}` });
const scenario = { name: 'x', scenario: { period: '2026-03' } };

describe('tokens mode (any binding other than loopback)', () => {
  it('refuses a request without a token: 401 with a Bearer challenge', async () => {
    const res = await app.inject({ url: '/api/centers' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer');
    expect(res.json()).toEqual({ statusCode: 401, error: 'Unauthorized', message: 'a bearer token is required: Authorization: Bearer TOKEN' });
  });

  it('refuses an unknown token: 401', async () => {
    const res = await app.inject({ url: '/api/centers', headers: { authorization: `Bearer ${'x'.repeat(43)}` } });
    expect(res.statusCode).toBe(401);
    expect(res.json().message).toBe('the bearer token is not valid');
  });

  it('refuses a malformed Authorization header: 401', async () => {
    expect((await app.inject({ url: '/api/centers', headers: { authorization: `Basic ${tokens.admin}` } })).statusCode).toBe(401);
  });

  it('keeps staff (personal data) from anonymous readers and shows them to a viewer', async () => {
    expect((await app.inject({ url: '/api/staff' })).statusCode).toBe(401);
    const res = await app.inject({ url: '/api/staff', headers: as('viewer') });
    expect(res.statusCode).toBe(200);
    expect(res.json()[0].name).toBe('Nguyễn Văn An');
  });

  it('lets a viewer read but not save a scenario: 403 naming the role needed', async () => {
    expect((await app.inject({ url: '/api/scenarios', headers: as('viewer') })).statusCode).toBe(200);
    const res = await app.inject({ method: 'POST', url: '/api/scenarios', headers: as('viewer'), payload: scenario });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ statusCode: 403, error: 'Forbidden', message: 'this needs the planner role; viewer1 is viewer' });
  });

  it('lets a planner save scenarios but not import datasets or manage users', async () => {
    const saved = await app.inject({ method: 'POST', url: '/api/scenarios', headers: as('planner'), payload: scenario });
    expect(saved.statusCode).toBe(201);
    expect(saved.json().createdBy).toBe('planner1');
    const imported = await app.inject({ method: 'POST', url: '/api/datasets', headers: as('planner'), payload: { name: 'x', ...goodTables() } });
    expect(imported.statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: '/api/datasets/1/activate', headers: as('planner') })).statusCode).toBe(403);
    expect((await app.inject({ url: '/api/users', headers: as('planner') })).statusCode).toBe(403);
  });

  it('lets an admin import datasets, create users and read the audit log', async () => {
    expect((await app.inject({ method: 'POST', url: '/api/datasets', headers: as('admin'), payload: { name: 'x', ...goodTables() } })).statusCode).toBe(201);
    const made = await app.inject({ method: 'POST', url: '/api/users', headers: as('admin'), payload: { name: 'lan', role: 'viewer' } });
    expect(made.statusCode).toBe(201);
    const token = made.json().token as string;
    expect((await app.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } })).json()).toEqual({ name: 'lan', role: 'viewer', mode: 'tokens' });
    const audit = (await app.inject({ url: '/api/audit', headers: as('admin') })).json();
    expect(audit[0]).toMatchObject({ actor: 'admin1', action: 'user.create', target: 'lan', detail: 'viewer' });
    expect((await app.inject({ method: 'POST', url: '/api/users', headers: as('admin'), payload: { name: 'lan', role: 'viewer' } })).statusCode).toBe(409);
  });

  it('stores only the SHA-256 of a token, never the token', async () => {
    const storage = openStorage(dataDir);
    const rows = storage.db.prepare('SELECT token_hash FROM users').all() as { token_hash: string }[];
    storage.close();
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true);
    expect(rows.map((r) => r.token_hash)).not.toContain(tokens.admin);
  });

  it('a deleted user\'s token stops working', async () => {
    const made = (await app.inject({ method: 'POST', url: '/api/users', headers: as('admin'), payload: { name: 'temp', role: 'planner' } })).json();
    expect((await app.inject({ method: 'DELETE', url: '/api/users/temp', headers: as('admin') })).statusCode).toBe(204);
    expect((await app.inject({ url: '/api/centers', headers: { authorization: `Bearer ${made.token}` } })).statusCode).toBe(401);
  });

  it('leaves health and the API docs open', async () => {
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/docs/json' })).statusCode).toBe(200);
  });
});

describe('local single-user mode', () => {
  it('acts as the local admin without a token', async () => {
    const local = await testApp();
    expect((await local.inject({ url: '/api/me' })).json()).toEqual({ name: 'local', role: 'admin', mode: 'local' });
    expect((await local.inject({ method: 'POST', url: '/api/datasets', payload: { name: 'x', ...goodTables() } })).statusCode).toBe(201);
    await local.close();
  });

  it('is chosen only for loopback addresses', () => {
    expect(['127.0.0.1', '::1', 'localhost', '127.0.0.2'].map(isLoopback)).toEqual([true, true, true, true]);
    expect(['0.0.0.0', '::', '192.168.1.10', '10.0.0.1'].map(isLoopback)).toEqual([false, false, false, false]);
  });
});

describe('npm run admin', () => {
  it('create-user prints a token once that then opens the API with that role', async () => {
    const dir = tempDataDir();
    const { stdout } = await run('npx', ['tsx', 'api/cli/admin.ts', 'create-user', 'hoa', '--role', 'planner', '--data-dir', dir]);
    const token = stdout.trim().split('\n').at(-1) as string;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const server = await testApp({ dataDir: dir, mode: 'tokens' });
    expect((await server.inject({ url: '/api/me', headers: { authorization: `Bearer ${token}` } })).json()).toMatchObject({ name: 'hoa', role: 'planner' });
    await server.close();
    const listed = await run('npx', ['tsx', 'api/cli/admin.ts', 'list-users', '--data-dir', dir]);
    expect(listed.stdout).toContain('hoa\tplanner');
    expect(listed.stdout).not.toContain(token);
  });

  it('refuses an unknown role with exit code 2 and the usage', async () => {
    const failed = await run('npx', ['tsx', 'api/cli/admin.ts', 'create-user', 'x', '--role', 'boss', '--data-dir', tempDataDir()]).catch((e: { code: number; stderr: string }) => e);
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain('--role must be one of viewer, planner, admin, got "boss"');
  });
});
