/**
 * No lost work: SIGKILL the real server while it saves scenarios, restart it on the same data
 * directory, and find every scenario that was acknowledged with a 2xx, intact.
 */
import { describe, expect, it } from 'vitest';
import { startServer, stopped } from './serverProcess.ts';
import { GOOD_DIR, tempDataDir } from './testApp.ts';

interface Saved { readonly id: string; readonly name: string; readonly scenario: Record<string, unknown> }

describe('durability', () => {
  it('every scenario acknowledged before a SIGKILL is there, intact, after a restart', async () => {
    const dataDir = tempDataDir();
    const env = { DATA_DIR: dataDir, DATASET_DIR: GOOD_DIR, WRITES_PER_MINUTE: '100000' };
    const first = await startServer(env);
    const acknowledged: Saved[] = [];
    let sent = 0;
    let killed = false;
    const writer = async (lane: number): Promise<void> => {
      while (!killed) {
        sent += 1;
        // Levers that fit the dataset (6 civil servants, plannable 2025-07 to 2026-08): others are refused.
        const body = { name: `lane ${lane} save ${sent}`, scenario: { period: '2026-03', maxTransfers: sent % 7, demandMultiplierByField: { certification: 1 + (sent % 7) / 10 }, lockedStaffIds: [`HP-00000${1 + (sent % 6)}`] } };
        try {
          const res = await fetch(`${first.url}/api/scenarios`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
          if (res.status === 201) acknowledged.push(await res.json() as Saved);
        } catch {
          return; // the connection died with the server: this save was never acknowledged
        }
      }
    };
    const lanes = Array.from({ length: 8 }, (_, i) => writer(i));
    while (acknowledged.length < 150) await new Promise((r) => setTimeout(r, 5));
    first.child.kill('SIGKILL');
    killed = true;
    await Promise.all(lanes);
    await stopped(first.child);
    expect(first.child.signalCode).toBe('SIGKILL');

    const second = await startServer(env);
    try {
      const stored = await (await fetch(`${second.url}/api/scenarios`)).json() as Saved[];
      const byId = new Map(stored.map((s) => [s.id, s]));
      const missing = acknowledged.filter((a) => byId.get(a.id) === undefined);
      const changed = acknowledged.filter((a) => {
        const s = byId.get(a.id);
        return s !== undefined && (s.name !== a.name || JSON.stringify(s.scenario) !== JSON.stringify(a.scenario));
      });
      expect(acknowledged.length).toBeGreaterThanOrEqual(150);
      expect(missing).toEqual([]);
      expect(changed).toEqual([]);
    } finally {
      second.child.kill('SIGTERM');
      await stopped(second.child);
    }
  }, 120_000);
});
