/**
 * Who is signed in, where their token is kept, and what their role lets them do.
 *
 * Token mode (api/auth/access.ts): the token an administrator printed with `npm run admin --
 * create-user` is kept in sessionStorage (forgotten when the tab closes) unless the user ticks
 * "remember on this computer" (localStorage, until they sign out). Never both: storing in one
 * removes it from the other. Roles are ordered viewer < planner < admin, as on the server; the
 * role each action needs mirrors the server's route config, so a disabled button and a 403 agree.
 */
import type { Me } from '../api.ts';
import type { MessageKey } from '../i18n.ts';

export type Role = Me['role'];
export type Session = Me;

/** Storage key of the bearer token (in sessionStorage or localStorage). */
export const TOKEN_KEY = 'planner.token';

const RANK: Readonly<Record<Role, number>> = { viewer: 1, planner: 2, admin: 3 };

export const roleReaches = (has: Role, needs: Role): boolean => RANK[has] >= RANK[needs];

export const ROLE_LABEL: Readonly<Record<Role, MessageKey>> = { viewer: 'roleViewer', planner: 'rolePlanner', admin: 'roleAdmin' };

/**
 * Least role of each action the screens offer, as the server's routes require it
 * (api/routes/*.ts `config.access`): scenarios and solves need planner, datasets need admin.
 */
export const ACTION_ROLE = {
  /** Save, copy, delete a scenario (POST/PUT/DELETE /api/scenarios). */
  save: 'planner',
  /** Solve or cancel a plan (POST /api/plans, /api/plans/:id/cancel). */
  solve: 'planner',
  /** Trade-off curve (POST /api/tradeoffs). */
  tradeoff: 'planner',
  /** Import a dataset (POST /api/datasets, /api/datasets/dossiers). */
  import: 'admin',
  /** Make a dataset version the active one (POST /api/datasets/:version/activate). */
  activate: 'admin',
} as const satisfies Readonly<Record<string, Role>>;

export type Action = keyof typeof ACTION_ROLE;

/** Whether `session` may do `action`; without a session (not yet known) nothing is allowed. */
export const mayDo = (session: Session | undefined, action: Action): boolean =>
  session !== undefined && roleReaches(session.role, ACTION_ROLE[action]);

/**
 * A pasted token made ready to send: surrounding white space and a leading `Bearer ` dropped
 * (people paste whole header lines); `undefined` when what is left cannot be a token (the server
 * accepts 20-200 characters of A-Z a-z 0-9 _ -; `npm run admin` prints 43).
 */
export const normalizeToken = (pasted: string): string | undefined => {
  const token = pasted.trim().replace(/^(authorization:\s*)?bearer\s+/i, '').trim();
  return /^[A-Za-z0-9_-]{20,200}$/.test(token) ? token : undefined;
};

/** The token kept by an earlier sign-in, and whether it was remembered (localStorage). */
export const storedToken = (): { readonly token: string; readonly remembered: boolean } | undefined => {
  const inTab = sessionStorage.getItem(TOKEN_KEY);
  if (inTab) return { token: inTab, remembered: false };
  const remembered = localStorage.getItem(TOKEN_KEY);
  return remembered ? { token: remembered, remembered: true } : undefined;
};

/** Keeps `token` for this tab only, or on this computer when `remember`. */
export const keepToken = (token: string, remember: boolean): void => {
  (remember ? localStorage : sessionStorage).setItem(TOKEN_KEY, token);
  (remember ? sessionStorage : localStorage).removeItem(TOKEN_KEY);
};

export const forgetToken = (): void => {
  sessionStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(TOKEN_KEY);
};

/** Forms with changes not yet saved (see `useUnsavedWork`); signing out asks before discarding them. */
const unsaved = new Set<symbol>();

export const markUnsaved = (form: symbol, dirty: boolean): void => {
  if (dirty) unsaved.add(form);
  else unsaved.delete(form);
};

export const hasUnsavedWork = (): boolean => unsaved.size > 0;
