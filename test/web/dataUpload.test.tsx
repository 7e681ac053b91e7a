// @vitest-environment happy-dom
/**
 * The Data screen imports one table alone (CSV or .xlsx) through the upload, and says which tables
 * it replaced; a refused workbook's problems show with workbook and sheet in the file column.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { I18nContext, translate } from '../../web/src/i18n.ts';
import { DataPage } from '../../web/src/pages/DataPage.tsx';
import { makeReference, ReferenceContext } from '../../web/src/reference.ts';
import { SessionProvider } from '../../web/src/session/SessionProvider.tsx';

const reference = makeReference([], [], undefined, () => undefined);
const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

let uploads: FormData[];
let answer: { status: number; body: unknown };

beforeEach(() => {
  uploads = [];
  vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
    const path = String(input).replace(/^api\//, '');
    if (path === 'me') return json(200, { name: 'local', role: 'admin', mode: 'local' });
    if (path === 'datasets') return json(200, []);
    if (path === 'datasets/upload' && init.method === 'POST') {
      uploads.push(init.body as FormData);
      return json(answer.status, answer.body);
    }
    return json(404, { statusCode: 404, message: `no route ${path}` });
  });
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const renderPage = () =>
  render(
    <I18nContext.Provider value={{ lang: 'en', t: (key, values) => translate('en', key, values), setLang: () => undefined }}>
      <SessionProvider>
        <ReferenceContext.Provider value={reference}>
          <DataPage />
        </ReferenceContext.Provider>
      </SessionProvider>
    </I18nContext.Provider>,
  );

const choose = (files: File[]) => {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  fireEvent.change(input);
};

describe('the Data screen\'s upload', () => {
  it('staff.xlsx alone is uploaded as the staff part, and the answer says only staff was replaced', async () => {
    answer = { status: 201, body: { ok: true, replaced: ['staff'], version: { version: 3 }, warnings: [] } };
    renderPage();
    choose([new File([new Uint8Array([0x50, 0x4b, 3, 4])], 'staff.xlsx')]);
    const button = await screen.findByRole('button', { name: 'Check and import' });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);
    expect(await screen.findByText("Imported version 3. Replaced: staff; the other tables are the active version's")).toBeTruthy();
    expect(uploads).toHaveLength(1);
    const parts = [...(uploads[0] as FormData).keys()];
    expect(parts).toEqual(['staff', 'name', 'activate']);
    expect(((uploads[0] as FormData).get('staff') as File).name).toBe('staff.xlsx');
  });

  it('a refused workbook lists each problem with its workbook and sheet, row and column', async () => {
    answer = { status: 422, body: { ok: false, problems: [{ file: 'staff.xlsx, sheet Công chức', line: 4, column: 'fte', value: '1,5', message: 'must be a number > 0 and <= 1', code: 'import.number', params: { min: 0, max: 1, integer: 0, minExclusive: 1 } }] } };
    renderPage();
    choose([new File(['x'], 'staff.xlsx')]);
    const button = await screen.findByRole('button', { name: 'Check and import' });
    await waitFor(() => expect((button as HTMLButtonElement).disabled).toBe(false));
    fireEvent.click(button);
    expect(await screen.findByText('staff.xlsx, sheet Công chức')).toBeTruthy();
    expect(screen.getByText('1,5')).toBeTruthy();
  });
});
