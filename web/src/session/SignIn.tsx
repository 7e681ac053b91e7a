/**
 * The sign-in screen of token mode: the user pastes the token an administrator printed for them
 * (`npm run admin -- create-user NAME --role ROLE`); it is checked with GET /api/me before it is kept,
 * so a wrong token is refused here, in words, and nothing is stored. As a dialog (`dialog`), it
 * covers the screens after a 401 without unmounting them.
 */
import { useId, useState, type FormEvent } from 'react';
import { api, ApiError } from '../api.ts';
import { useI18n, type Lang } from '../i18n.ts';
import { serverMessageText } from '../messages/serverMessageText.ts';
import { useSession } from './SessionProvider.tsx';
import { normalizeToken } from './session.ts';
import './session.css';

/** The server's reason for refusing a token, in the planner's language (the access check's English sentence in Vietnamese too). */
export const serverDetail = (lang: Lang, message: string): string =>
  lang === 'vi' && /^the bearer token is not valid$/.test(message) ? 'mã truy cập không hợp lệ' : serverMessageText(lang, message);

export interface SignInProps {
  /** Why the sign-in shows (a refused or revoked token, a sign-out), in words; the server's own words in `detail`. */
  readonly notice?: { readonly text: string; readonly detail?: string | undefined };
  /** Shown as a modal dialog over the screens (after a 401) instead of as the page. */
  readonly dialog?: boolean;
}

export const SignIn = ({ notice, dialog = false }: SignInProps) => {
  const { lang, t } = useI18n();
  const session = useSession();
  const id = useId();
  const [pasted, setPasted] = useState('');
  const [remember, setRemember] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const token = normalizeToken(pasted);
    if (pasted.trim() === '') return setProblem(t('tokenMissing'));
    if (token === undefined) return setProblem(t('tokenMalformed'));
    setBusy(true);
    setProblem(undefined);
    try {
      const me = await api.me(token);
      setPasted('');
      session?.signedIn(me, token, remember);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (error instanceof ApiError && error.status === 401) setProblem(`${t('tokenRefused')} (${t('serverSaid')}: ${serverDetail(lang, message)})`);
      else if (error instanceof ApiError && error.status === 0) setProblem(`${t('errorNetwork')}: ${message}`);
      else setProblem(`${t('errorServer')}${error instanceof ApiError ? ` (${error.status})` : ''}: ${message}`);
    }
    setBusy(false);
  };

  const form = (
    <form className="panel sign-in" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} noValidate>
      <h1 id={`${id}-title`}>{t('signInTitle')}</h1>
      {notice && (
        <p className="sign-in-notice" role={dialog ? 'alert' : 'status'}>
          {notice.text}
          {notice.detail && <span className="sub"> ({t('serverSaid')}: {serverDetail(lang, notice.detail)})</span>}
        </p>
      )}
      <p>{t('signInIntro')}</p>
      <label htmlFor={`${id}-token`} className="wide">
        {t('tokenLabel')}
        <input
          id={`${id}-token`}
          type="password"
          className="token-input"
          value={pasted}
          autoComplete="off"
          spellCheck={false}
          autoFocus
          aria-invalid={problem !== undefined}
          aria-describedby={problem ? `${id}-problem` : undefined}
          onChange={(e) => setPasted(e.target.value)}
        />
      </label>
      {problem && (
        <p id={`${id}-problem`} className="error-note" role="alert">
          {problem}
        </p>
      )}
      <label className="check">
        <input type="checkbox" checked={remember} onChange={(e) => setRemember(e.target.checked)} aria-describedby={`${id}-remember`} />
        {t('rememberMe')}
      </label>
      <p id={`${id}-remember`} className="help">
        {t('rememberHelp')}
      </p>
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('signingIn') : t('signIn')}
        </button>
      </div>
      <p className="help">
        {t('signInHowTo')} <code>npm run admin -- create-user … --role viewer|planner|admin</code>
      </p>
    </form>
  );
  if (!dialog) return <section className="sign-in-page">{form}</section>;
  return (
    <div className="sign-in-backdrop">
      <div role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} className="sign-in-dialog">
        {form}
      </div>
    </div>
  );
};
