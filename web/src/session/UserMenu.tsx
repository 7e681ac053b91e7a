/** In the header, token mode only: who is signed in, with which role, and Sign out. */
import { useI18n } from '../i18n.ts';
import { useSession } from './SessionProvider.tsx';
import { ROLE_LABEL } from './session.ts';
import './session.css';

export const UserMenu = () => {
  const { t } = useI18n();
  const value = useSession();
  const session = value?.session;
  if (!value || !session || session.mode !== 'tokens') return null;
  const role = t(ROLE_LABEL[session.role]);
  return (
    <div className="session-user" role="group" aria-label={t('signedInAs', { name: session.name, role })}>
      <div className="session-who">
        <span className="session-name">{session.name}</span>
        <span className={`session-role role-${session.role}`}>{role}</span>
      </div>
      <button type="button" className="session-signout" onClick={value.signOut}>
        {t('signOut')}
      </button>
    </div>
  );
};
