// @vitest-environment happy-dom
/**
 * Sign-in in token mode, local mode without it, and what a 401 does later (web/src/session/),
 * against a fake server that refuses like api/auth/access.ts.
 */
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { api } from '../../web/src/api.ts';
import { I18nContext, translate, type Lang } from '../../web/src/i18n.ts';
import { SessionGate } from '../../web/src/session/SessionGate.tsx';
import { SessionProvider, useUnsavedWork } from '../../web/src/session/SessionProvider.tsx';
import { TOKEN_KEY } from '../../web/src/session/session.ts';
import { UserMenu } from '../../web/src/session/UserMenu.tsx';
import { fakeServer, tokenOf, type FakeServer } from './fakeServer.ts';

/** A screen with a form: a scenario name typed but not saved, and Save. */
const ScenarioForm = () => {
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  useUnsavedWork(name !== '');
  const save = () => api.createScenario(name, {} as never).then(() => setError(undefined), (e: Error) => setError(e.message));
  return (
    <form>
      <label>
        Tên phương án
        <input value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <button type="button" onClick={() => void save()}>
        Lưu
      </button>
      {error && <p role="note">{error}</p>}
    </form>
  );
};

const Shell = ({ lang = 'vi' }: { readonly lang?: Lang }) => (
  <I18nContext.Provider value={{ lang, t: (key, values) => translate(lang, key, values), setLang: () => undefined }}>
    <SessionProvider>
      <header className="app-header">
        <UserMenu />
      </header>
      <SessionGate>
        <ScenarioForm />
      </SessionGate>
    </SessionProvider>
  </I18nContext.Provider>
);

const LAN = tokenOf('L');
const paste = (token: string) => fireEvent.change(screen.getByLabelText('Mã truy cập'), { target: { value: token } });
const submit = () => fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }));

let server: FakeServer;
beforeEach(() => {
  sessionStorage.clear();
  localStorage.clear();
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('local single-user mode', () => {
  it('shows the screens at once, with no sign-in and no user menu', async () => {
    server = fakeServer('local');
    render(<Shell />);
    await screen.findByLabelText('Tên phương án');
    expect(screen.queryByRole('heading', { name: 'Đăng nhập' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Đăng xuất' })).toBeNull();
    expect(server.calls[0]).toEqual({ method: 'GET', path: 'me', query: '', token: undefined });
  });
});

describe('token mode: signing in', () => {
  beforeEach(() => {
    server = fakeServer('tokens');
    server.users.set(LAN, { name: 'lan', role: 'planner' });
  });

  it('shows the sign-in screen, not the screens, when no token is kept', async () => {
    render(<Shell />);
    await screen.findByRole('heading', { name: 'Đăng nhập' });
    expect(screen.queryByLabelText('Tên phương án')).toBeNull();
    expect((screen.getByLabelText('Ghi nhớ trên máy tính này') as HTMLInputElement).checked).toBe(false);
  });

  it('refuses a wrong token in words, with the server\'s reason, and keeps nothing', async () => {
    render(<Shell />);
    await screen.findByRole('heading', { name: 'Đăng nhập' });
    paste(tokenOf('W'));
    submit();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Máy chủ không nhận mã này: mã sai hoặc đã bị thu hồi. (máy chủ: mã truy cập không hợp lệ)');
    expect(screen.getByLabelText('Mã truy cập').getAttribute('aria-invalid')).toBe('true');
    expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull();
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
  });

  it('refuses text that cannot be a token without asking the server', async () => {
    render(<Shell />);
    await screen.findByRole('heading', { name: 'Đăng nhập' });
    const asked = server.calls.length;
    paste('mật khẩu của tôi');
    submit();
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Đây không giống một mã truy cập/);
    expect(server.calls.length).toBe(asked);
  });

  it('accepts a pasted "Bearer TOKEN" line, shows the name and role, and keeps the token for this tab only', async () => {
    render(<Shell />);
    await screen.findByRole('heading', { name: 'Đăng nhập' });
    paste(`  Bearer ${LAN}\n`);
    submit();
    await screen.findByLabelText('Tên phương án');
    expect(screen.getByRole('group', { name: 'Người dùng lan, vai trò Người lập kế hoạch' })).toBeTruthy();
    expect(screen.getByText('Người lập kế hoạch')).toBeTruthy();
    expect(sessionStorage.getItem(TOKEN_KEY)).toBe(LAN);
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
  });

  it('remembers the token on this computer (localStorage) only when asked', async () => {
    render(<Shell />);
    await screen.findByRole('heading', { name: 'Đăng nhập' });
    paste(LAN);
    fireEvent.click(screen.getByLabelText('Ghi nhớ trên máy tính này'));
    submit();
    await screen.findByLabelText('Tên phương án');
    expect(localStorage.getItem(TOKEN_KEY)).toBe(LAN);
    expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull();
  });

  it('sends the token with every later request', async () => {
    render(<Shell />);
    await screen.findByRole('heading', { name: 'Đăng nhập' });
    paste(LAN);
    submit();
    await screen.findByLabelText('Tên phương án');
    server.routes.set('POST scenarios', { status: 201, body: { id: 'x' }, role: 'planner' });
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    await waitFor(() => expect(server.calls.at(-1)).toEqual({ method: 'POST', path: 'scenarios', query: '', token: LAN }));
  });

  it('signs in with a remembered token at start, and explains when that token is refused', async () => {
    localStorage.setItem(TOKEN_KEY, LAN);
    const { unmount } = render(<Shell />);
    await screen.findByLabelText('Tên phương án');
    unmount();
    server.users.delete(LAN);
    render(<Shell />);
    const notice = await screen.findByText(/^Mã truy cập đã ghi nhớ/);
    expect(notice.textContent).toBe('Mã truy cập đã ghi nhớ trên máy này không còn được chấp nhận. Hãy dán mã mới. (máy chủ: mã truy cập không hợp lệ)');
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
  });

  it('speaks English when the language is switched', async () => {
    render(<Shell lang="en" />);
    await screen.findByRole('heading', { name: 'Sign in' });
    expect(screen.getByLabelText('Remember on this computer')).toBeTruthy();
    expect(screen.getByLabelText('Access token').getAttribute('type')).toBe('password');
  });
});

describe('token mode: signing out and a token revoked later', () => {
  const signIn = async () => {
    render(<Shell />);
    await screen.findByRole('heading', { name: 'Đăng nhập' });
    paste(LAN);
    submit();
    await screen.findByLabelText('Tên phương án');
  };
  beforeEach(() => {
    server = fakeServer('tokens');
    server.users.set(LAN, { name: 'lan', role: 'planner' });
  });

  it('signing out forgets the token and says so', async () => {
    await signIn();
    fireEvent.click(screen.getByRole('button', { name: 'Đăng xuất' }));
    expect((await screen.findByText('Bạn đã đăng xuất.')).getAttribute('role')).toBe('status');
    expect(screen.queryByLabelText('Tên phương án')).toBeNull();
    expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull();
  });

  it('signing out with unsaved work asks first, and staying keeps the work', async () => {
    await signIn();
    fireEvent.change(screen.getByLabelText('Tên phương án'), { target: { value: 'Sóng bảo trợ xã hội' } });
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    fireEvent.click(screen.getByRole('button', { name: 'Đăng xuất' }));
    expect(confirm).toHaveBeenCalledWith('Có thay đổi chưa lưu; đăng xuất sẽ bỏ chúng. Vẫn đăng xuất?');
    expect((screen.getByLabelText('Tên phương án') as HTMLInputElement).value).toBe('Sóng bảo trợ xã hội');
  });

  it('a 401 after signing in opens the sign-in dialog with the reason, over the screen and what was typed', async () => {
    await signIn();
    const input = screen.getByLabelText('Tên phương án');
    fireEvent.change(input, { target: { value: 'Sóng bảo trợ xã hội +60%' } });
    server.users.delete(LAN);
    fireEvent.click(screen.getByRole('button', { name: 'Lưu' }));
    const dialog = await screen.findByRole('dialog');
    expect(dialog.querySelector('[role="alert"]')?.textContent).toBe(
      'Máy chủ không còn chấp nhận mã truy cập của bạn (có thể quản trị viên đã thu hồi). Hãy đăng nhập lại: những gì bạn đang nhập vẫn được giữ nguyên phía sau. (máy chủ: mã truy cập không hợp lệ)',
    );
    expect(sessionStorage.getItem(TOKEN_KEY)).toBeNull();
    expect(input.closest('.session-workspace')?.hasAttribute('inert')).toBe(true);
    expect((input as HTMLInputElement).value).toBe('Sóng bảo trợ xã hội +60%');

    const renewed = tokenOf('N');
    server.users.set(renewed, { name: 'lan', role: 'planner' });
    paste(renewed);
    submit();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.getByLabelText('Tên phương án')).toBe(input);
    expect((input as HTMLInputElement).value).toBe('Sóng bảo trợ xã hội +60%');
    expect(input.closest('.session-workspace')?.hasAttribute('inert')).toBe(false);
    server.routes.set('POST scenarios', { status: 201, body: { id: 'x' }, role: 'planner' });
    await act(async () => fireEvent.click(screen.getByRole('button', { name: 'Lưu' })));
    expect(server.calls.at(-1)).toEqual({ method: 'POST', path: 'scenarios', query: '', token: renewed });
  });
});
