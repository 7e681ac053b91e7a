// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import type { Center } from '../../solver/domain.ts';
import { ConflictList, PlanStatusText } from '../../web/src/components/PlanVerdict.tsx';
import { I18nContext, translate } from '../../web/src/i18n.ts';
import { makeReference, ReferenceContext } from '../../web/src/reference.ts';

afterEach(cleanup);

const phuLien = { code: '11311', nameVi: 'Phường Phù Liễn', nameAscii: 'Phuong Phu Lien', type: 'ward', formerDistrict: 'Kiến An', areaKm2: 10, population: 50000, lat: 20.8, lon: 106.6, desks: 5, maxStaff: 8, areaAdequate: false, meetingRooms: 1 } as Center;
const english = { lang: 'en' as const, t: (k: Parameters<typeof translate>[1], v?: Readonly<Record<string, string | number>>) => translate('en', k, v), setLang: () => undefined };
const conflict = {
  rules: ['headcount at or above the minimum', 'headcount within max_staff'],
  centers: ['11311'],
  message: 'Phuong Phu Lien (11311): the minimum of 12 staff exceeds its max_staff of 8.',
  code: 'conflict.min_above_max_staff',
  params: { center: '11311', centerName: 'Phu Lien', min: 12, maxStaff: 8 },
};
const withData = (node: React.ReactNode, lang: 'vi' | 'en' = 'vi') => {
  const inner = <ReferenceContext.Provider value={makeReference([phuLien], [], undefined, () => undefined)}>{node}</ReferenceContext.Provider>;
  return lang === 'en' ? <I18nContext.Provider value={english}>{inner}</I18nContext.Provider> : inner;
};

describe('ConflictList', () => {
  it('says each conflict in Vietnamese, the center named from the data with its diacritics, and its rules', () => {
    render(withData(<ConflictList conflicts={[conflict]} />));
    expect(screen.getByRole('listitem').textContent).toBe(
      'Phường Phù Liễn (11311): mức tối thiểu 12 người vượt quá số người tối đa 8 của trung tâm. (số người không dưới mức tối thiểu; số người không vượt quá mức tối đa (max_staff))',
    );
  });

  it('says the same in English, and an uncoded conflict in the server\'s words', () => {
    render(withData(<ConflictList conflicts={[conflict, { message: 'A newer check failed.' }]} />, 'en'));
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Phường Phù Liễn (11311): the minimum of 12 staff exceeds its max_staff of 8. (headcount at or above the minimum; headcount within max_staff)',
      'A newer check failed.',
    ]);
  });

  it('renders nothing without conflicts', () => {
    const { container } = render(withData(<ConflictList conflicts={[]} />));
    expect(container.innerHTML).toBe('');
  });
});

describe('PlanStatusText', () => {
  it('states an infeasible plan in Vietnamese from its status', () => {
    render(withData(<PlanStatusText summary={{ status: 'infeasible', message: 'No plan keeps every rule: ...', gap: null, objective: null }} />));
    expect(screen.getByText('Không có phương án nào giữ được mọi quy tắc.')).toBeTruthy();
  });
});
