/**
 * How the sheets of a workbook reach exceljs's streaming reader. It needs the workbook's parts
 * (sheet names, shared strings) before a sheet; a sheet met earlier (exceljs and Excel write the
 * sheets first) it copies to a temporary file, reads back after, and deletes as it moves on. That
 * detour left three descriptors open for each read of the four-sheet case below, for as long as
 * the server ran, and under a busy thread pool lost sheets ("no sheet for the table fields") or met
 * exceljs's "reading 'sheets'" race. The reader is now given the parts first, and an empty shared
 * strings part when a workbook keeps its text in its cells, so no sheet takes the detour.
 */
import { pbkdf2 } from 'node:crypto';
import { readdirSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, expect, it, vi } from 'vitest';
import { readWorkbook } from '../../../api/workbook/readWorkbook.ts';
import { zipEntries } from '../../../api/workbook/zipEntries.ts';
import { buildWorkbook, type WorkbookCase } from './buildWorkbook.ts';

const fourSheets: WorkbookCase = {
  name: 'four tables, one asked for',
  file: 'city.xlsx',
  tables: ['fields'],
  sheets: ['centers', 'fields', 'history', 'staff'].map((name) => ({ name, from: `good/${name}.csv` })),
};
const inline: WorkbookCase = { ...fourSheets, name: 'four tables, inline strings', inlineStrings: true };

const openTemporaryFiles = (): number =>
  readdirSync('/proc/self/fd').filter((fd) => {
    try {
      return readlinkSync(`/proc/self/fd/${fd}`).startsWith(tmpdir());
    } catch {
      return false;
    }
  }).length;

/** Twenty reads of `c` for its fields table, node's thread pool kept busy as on a busy server. */
const readTwentyTimes = async (c: WorkbookCase): Promise<void> => {
  const bytes = await buildWorkbook(c);
  for (let i = 0; i < 20; i += 1) {
    const busy = Array.from({ length: 4 }, () => new Promise((resolve) => pbkdf2('x', 'y', 20_000, 32, 'sha256', resolve)));
    const read = await readWorkbook(c.file, bytes, { tables: ['fields'] });
    await Promise.all(busy);
    expect(read.ok ? Object.keys(read.value.tables) : read.problems).toEqual(['fields']);
  }
};

describe('sheets passed over while a workbook is read', () => {
  it('the cases\' sheets come before their shared strings, and the inline one has none', async () => {
    const names = (zipEntries(await buildWorkbook(fourSheets)) ?? []).map((e) => e.name);
    expect(names.indexOf('xl/worksheets/sheet4.xml')).toBeLessThan(names.indexOf('xl/sharedStrings.xml'));
    expect((zipEntries(await buildWorkbook(inline)) ?? []).map((e) => e.name)).not.toContain('xl/sharedStrings.xml');
  });

  it('the inline case reads the same rows as the shared one', async () => {
    const rowsOf = async (c: WorkbookCase) => {
      const read = await readWorkbook(c.file, await buildWorkbook(c), { tables: ['fields'] });
      return read.ok ? [...(read.value.tables.fields?.rows ?? [])] : read.problems;
    };
    const shared = await rowsOf(fourSheets);
    expect(shared.length).toBeGreaterThan(0);
    expect(await rowsOf(inline)).toEqual(shared);
  });

  it.each([fourSheets, inline].map((c) => [c.name, c] as const))('%s: twenty reads give the table each time and keep no temporary file open', async (_, c) => {
    await readTwentyTimes(c);
    // Closing is asynchronous: wait for it, not for ever.
    await vi.waitFor(() => expect(openTemporaryFiles()).toBe(0), { timeout: 3000, interval: 50 });
    // Let any late stream error surface inside this test.
    await new Promise((resolve) => setTimeout(resolve, 100));
  });
});
