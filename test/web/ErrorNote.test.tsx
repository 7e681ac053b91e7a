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
