// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { ApiError } from '../../web/src/api.ts';
import { ErrorNote } from '../../web/src/components/ErrorNote.tsx';
import { I18nContext, translate } from '../../web/src/i18n.ts';
import { leverOfMessage } from '../../web/src/pages/Planner.tsx';

afterEach(cleanup);

const english = { lang: 'en' as const, t: (k: Parameters<typeof translate>[1], v?: Readonly<Record<string, string | number>>) => translate('en', k, v), setLang: () => undefined };

describe('ErrorNote', () => {
  it('shows the server status and its words as an alert', () => {
    render(
      <I18nContext.Provider value={english}>
        <ErrorNote error={new ApiError(404, 'no scenario with id 42')} />
      </I18nContext.Provider>,
    );
    expect(screen.getByRole('alert').textContent).toContain('The server reported an error (404): no scenario with id 42');
  });

  it('says when the server cannot be reached at all', () => {
    render(<ErrorNote error={new ApiError(0, 'Failed to fetch')} />);
    expect(screen.getByRole('alert').textContent).toContain('Không kết nối được máy chủ');
  });

  it('says a known server error in Vietnamese', () => {
    render(<ErrorNote error={new ApiError(404, 'no scenario with id 42')} />);
    expect(screen.getByRole('alert').textContent).toContain('Máy chủ báo lỗi (404): không có phương án với mã 42');
  });

  it('keeps an unknown server message in its own words', () => {
    render(<ErrorNote error={new ApiError(418, 'a teapot answered')} />);
    expect(screen.getByRole('alert').textContent).toContain('a teapot answered');
  });

  it('lists import problems with file, line, column, value and the problem in the chosen language', () => {
    const problems = [
      { file: 'history.csv', line: 5, column: 'received', value: '-3', message: 'must be a whole number >= 0', code: 'import.number', params: { min: 0, integer: 1, minExclusive: 0 } },
      { file: 'staff.csv', line: 9, column: 'fte', value: '2', message: 'a sentence from a newer server', code: 'import.newer', params: {} },
    ];
    const error = new ApiError(422, 'import refused', problems);
    const { unmount } = render(<ErrorNote error={error} />);
    expect(screen.getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'history.csv, Dòng 5, received "-3": phải là số nguyên ≥ 0',
      'staff.csv, Dòng 9, fte "2": a sentence from a newer server',
    ]);
    unmount();
    render(
      <I18nContext.Provider value={english}>
        <ErrorNote error={error} />
      </I18nContext.Provider>,
    );
    expect(screen.getAllByRole('listitem')[0]?.textContent).toBe('history.csv, Line 5, received "-3": must be a whole number >= 0');
  });

  it('renders nothing without an error', () => {
    const { container } = render(<ErrorNote error={undefined} />);
    expect(container.innerHTML).toBe('');
  });
});

describe('leverOfMessage', () => {
  it('finds the lever a validation message names', () => {
    expect(leverOfMessage('body/scenario/maxCommuteKm must be <= 500')).toBe('maxCommuteKm');
    expect(leverOfMessage('something else')).toBeUndefined();
  });
});
