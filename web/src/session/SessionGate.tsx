/**
 * What `children` (the screens) need before they show: a session. Checking: a line saying so;
 * server unreachable: the error and Retry; token mode without a token: the sign-in screen; after a
 * 401: the sign-in dialog over the screens, which stay mounted (inert) so nothing typed is lost.
 */
import type { ReactNode } from 'react';
import { ErrorNote } from '../components/ErrorNote.tsx';
import { useI18n } from '../i18n.ts';
import { useSession } from './SessionProvider.tsx';
import { SignIn } from './SignIn.tsx';

export const SessionGate = ({ children }: { readonly children: ReactNode }) => {
  const { t } = useI18n();
  const session = useSession();
  if (!session) return children;
  const { phase } = session;
  switch (phase.kind) {
    case 'checking':
      return (
        <p className="loading" role="status">
          {t('checkingAccess')}
        </p>
      );
    case 'unreachable':
      return <ErrorNote error={phase.error} onRetry={session.retry} />;
    case 'signIn':
      return (
        <SignIn
          notice={phase.reason === 'stored' ? { text: t('reasonStored'), detail: phase.detail } : phase.reason === 'signedOut' ? { text: t('reasonSignedOut') } : undefined}
        />
      );
    default:
      // The same element in both phases, so React keeps the screens (and their unsaved state).
      return (
        <>
          <div className="session-workspace" inert={phase.kind === 'expired'} aria-hidden={phase.kind === 'expired' || undefined}>
            {children}
          </div>
          {phase.kind === 'expired' && <SignIn dialog notice={{ text: t('reasonExpired'), detail: phase.detail }} />}
        </>
      );
  }
};
