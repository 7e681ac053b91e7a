/**
 * The session: asks the server who we are (GET /api/me) with the kept token, if any, and holds the
 * answer for every screen. Local mode (loopback): the server answers for the local user and no
 * sign-in is ever shown. Token mode: without a valid token the sign-in screen shows; a 401 later
 * (a revoked token) turns the session `expired`: the screens stay mounted under the sign-in dialog,
 * so nothing typed into them is lost, and signing in again carries on where the user was.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { api, ApiError, authorize, onUnauthorized } from '../api.ts';
import { useI18n } from '../i18n.ts';
import { ACTION_ROLE, forgetToken, hasUnsavedWork, keepToken, markUnsaved, mayDo, ROLE_LABEL, storedToken, type Action, type Session } from './session.ts';

export type Phase =
  | { readonly kind: 'checking' }
  /** The server did not answer (network) or failed. */
  | { readonly kind: 'unreachable'; readonly error: Error }
  /** Token mode and no accepted token: `stored` = the kept one was refused (`detail`: the server's words). */
  | { readonly kind: 'signIn'; readonly reason?: 'stored' | 'signedOut'; readonly detail?: string }
  | { readonly kind: 'active'; readonly session: Session }
  /** A request was refused with 401 while signed in; `detail`: the server's words. */
  | { readonly kind: 'expired'; readonly session: Session; readonly detail: string };

export interface SessionValue {
  readonly phase: Phase;
  /** Who is signed in (also while `expired`); undefined before the first answer or when signed out. */
  readonly session: Session | undefined;
  /** A token the server accepted (`session` is its /api/me answer): keep it and carry on. */
  readonly signedIn: (session: Session, token: string, remember: boolean) => void;
  /** Forget the token (asks first when a form has unsaved changes). */
  readonly signOut: () => void;
  /** Ask the server again (after `unreachable`). */
  readonly retry: () => void;
}

const SessionContext = createContext<SessionValue | undefined>(undefined);

export const SessionProvider = ({ children }: { readonly children: ReactNode }) => {
  const { t } = useI18n();
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' });
  const current = useRef(phase);
  current.current = phase;
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    const kept = storedToken();
    authorize(undefined);
    api.me(kept?.token).then(
      (me) => {
        if (!live) return;
        authorize(me.mode === 'tokens' ? kept?.token : undefined);
        setPhase({ kind: 'active', session: me });
      },
      (error: unknown) => {
        if (!live) return;
        if (error instanceof ApiError && error.status === 401) {
          if (kept) forgetToken();
          setPhase(kept ? { kind: 'signIn', reason: 'stored', detail: error.message } : { kind: 'signIn' });
        } else setPhase({ kind: 'unreachable', error: error instanceof Error ? error : new Error(String(error)) });
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  useEffect(
    () =>
      onUnauthorized((message) => {
        const now = current.current;
        if (now.kind !== 'active' || now.session.mode !== 'tokens') return;
        forgetToken();
        authorize(undefined);
        setPhase({ kind: 'expired', session: now.session, detail: message });
      }),
    [],
  );

  const signedIn = useCallback((session: Session, token: string, remember: boolean) => {
    if (session.mode === 'tokens') {
      keepToken(token, remember);
      authorize(token);
    }
    setPhase({ kind: 'active', session });
  }, []);

  const signOut = useCallback(() => {
    if (hasUnsavedWork() && !window.confirm(t('signOutUnsaved'))) return;
    forgetToken();
    authorize(undefined);
    setPhase({ kind: 'signIn', reason: 'signedOut' });
  }, [t]);

  const retry = useCallback(() => {
    setPhase({ kind: 'checking' });
    setAttempt((n) => n + 1);
  }, []);

  const value = useMemo<SessionValue>(
    () => ({ phase, session: phase.kind === 'active' || phase.kind === 'expired' ? phase.session : undefined, signedIn, signOut, retry }),
    [phase, signedIn, signOut, retry],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
};

/** The session; outside a provider (component tests of single screens) it acts as local mode. */
export const useSession = (): SessionValue | undefined => useContext(SessionContext);

/** Whether the signed-in role may do `action`, and if not, why, in words ("Needs the role Planner; yours is Viewer."). */
export interface Permission {
  readonly allowed: boolean;
  readonly reason: string | undefined;
}

export const usePermission = (action: Action): Permission => {
  const session = useSession()?.session;
  const { t } = useI18n();
  if (session === undefined || mayDo(session, action)) return { allowed: true, reason: undefined };
  return { allowed: false, reason: t('roleNeeded', { needs: t(ROLE_LABEL[ACTION_ROLE[action]]), role: t(ROLE_LABEL[session.role]) }) };
};

/** Tells the session a form has unsaved changes while `dirty`, so signing out asks before discarding them. */
export const useUnsavedWork = (dirty: boolean): void => {
  const form = useRef(Symbol('form'));
  useEffect(() => {
    const id = form.current;
    markUnsaved(id, dirty);
    return () => markUnsaved(id, false);
  }, [dirty]);
};
