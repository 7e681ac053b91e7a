// @vitest-environment happy-dom
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { loadHighs } from '../../solver/plan/loadHighs.ts';
import { calibrateNorms } from '../../solver/workload/calibrateNorms.ts';
import { modelCheck, type ModelCheck } from '../../solver/workload/modelCheck.ts';
import { I18nContext, translate } from '../../web/src/i18n.ts';
import { ModelCheckPage } from '../../web/src/pages/ModelCheckPage.tsx';
import { NormsLine } from '../../web/src/components/NormsLine.tsx';
import { makeReference, ReferenceContext } from '../../web/src/reference.ts';
import { calmCenters, outcomeCity } from '../solver/workload/outcomeCity.ts';

let checks: Record<'official' | 'calibrated', ModelCheck>;
let withoutOutcomes: ModelCheck;
const city = outcomeCity([...calmCenters(), { center: 'X', month: '2025-10', load: 2 }]);

beforeAll(async () => {
  const highs = await loadHighs();
  const calibration = calibrateNorms(highs, city);
  checks = { official: modelCheck(city, 'official', calibration), calibrated: modelCheck(city, 'calibrated', calibration) };
  const bare = outcomeCity(calmCenters(), { outcomes: false });
  withoutOutcomes = modelCheck(bare, 'official', calibrateNorms(highs, bare));
});

let answer: (url: string) => unknown;
beforeEach(() => {
  localStorage.clear();
  answer = (url) => (url.includes('norms=calibrated') ? checks.calibrated : checks.official);
  vi.stubGlobal('fetch', async (url: string) => new Response(JSON.stringify(answer(url)), { status: 200, headers: { 'content-type': 'application/json' } }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const i18n = (lang: 'vi' | 'en') => ({ lang, t: (k: Parameters<typeof translate>[1], v?: Readonly<Record<string, string | number>>) => translate(lang, k, v), setLang: () => undefined });
const show = (lang: 'vi' | 'en' = 'vi') =>
  render(
    <I18nContext.Provider value={i18n(lang)}>
      <ReferenceContext.Provider value={makeReference(city.centers, city.fields, undefined, () => undefined)}>
        <ModelCheckPage />
      </ReferenceContext.Provider>
    </I18nContext.Provider>,
  );

describe('the model check screen', () => {
  it('names the implausible month in Vietnamese with official norms: 200% but nothing late', async () => {
    show();
    expect(await screen.findByText('mô hình cho mức tải 200% nhưng không hồ sơ nào trễ hạn: định mức hoặc số công chức có thể sai')).toBeTruthy();
    expect(screen.getByText('Khối lượng công việc tính theo định mức chính thức.')).toBeTruthy();
  });

  it('with calibrated norms, says which months they were fitted on and shows the official count beside its own', async () => {
    show('en');
    await screen.findByText('Workload by official norms.');
    fireEvent.change(screen.getByLabelText(/^Norms/), { target: { value: 'calibrated' } });
    expect(await screen.findByText('Workload by calibrated norms, fitted on 2025-07..2025-10.')).toBeTruthy();
    expect(screen.getAllByText(`Official norms: ${checks.official.summary.flagged}`).length).toBeGreaterThan(0);
    expect(localStorage.getItem('norms')).toBe('calibrated');
  });

  it('says the check cannot be done when the history records no outcomes', async () => {
    answer = () => withoutOutcomes;
    show('en');
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('The history has no outcome columns (on time, late, pending): the model cannot be checked; the official norms are used.'));
  });
});

describe('NormsLine', () => {
  it('reads a plan stored before the norms lever (no norms) as official norms', () => {
    render(<I18nContext.Provider value={i18n('vi')}><NormsLine norms={undefined} link={false} /></I18nContext.Provider>);
    expect(screen.getByText('Khối lượng công việc tính theo định mức chính thức.')).toBeTruthy();
  });
});
