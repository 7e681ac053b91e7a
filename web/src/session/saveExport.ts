/**
 * Plan exports (CSV, XLSX, LP, the printable memo) in both access modes.
 *
 * Choice: the browser fetches the file with the session's bearer token (`exportFile` in api.ts) and
 * saves it from a Blob; the memo opens in a new tab as a `blob:` page the user prints. The other
 * way, short-lived signed download links (HMAC of plan, format, user and expiry under a server
 * secret), was not taken, because:
 * - it would add a second credential to the server (a secret to create, keep and rotate, and a
 *   query-string signature the access check must accept beside bearer tokens), while fetching needs
 *   no server change: the export routes already take the bearer token like every other route;
 * - a link is a credential in a URL: for its minutes of life it sits in the browser history, proxy
 *   and server logs, and can be forwarded; a fetched file leaves no such trace;
 * - a failed export (403, a plan still solving 409, a busy worker 503) comes back as an error the
 *   planner shows in words next to the export buttons; a link the browser follows would show a
 *   bare JSON page instead;
 * - local and token mode take the same path, so the one tested path is the one used.
 * Costs: the file passes through the page's memory (the Hai Phong plan's exports are at most a
 * few MB: LP largest); the memo tab's address is a `blob:` URL, valid while the planner's tab is
 * open, not a link to share. A left or middle click and Enter fetch the file; the browser's own
 * "open link in new tab" or "save link as" asks the server without the token (401 in token mode).
 */
import { exportFile, type ExportKind } from '../api.ts';

/** How long a download's object URL lives after its click, ms (the browser has copied it by then). */
const REVOKE_AFTER_MS = 60_000;

/** Saves `blob` as a download named `fileName`. */
export const saveBlob = (blob: Blob, fileName: string): void => {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
};

/** The planner's language (App.tsx sets it on <html lang>): the memo is printed in it. */
const memoLang = (): 'vi' | 'en' => (document.documentElement.lang === 'en' ? 'en' : 'vi');

/**
 * Fetches one export of `planId` and saves it; the memo opens in a new tab. Call it inside the
 * click handler: the memo's tab is opened before the fetch (browsers allow a new tab only during a
 * click) and shows `waiting` until the memo arrives; if the tab was blocked, the memo is saved as
 * an .html file instead. `search` is the export's own query (`?locale=vi` for the CSV Excel reads
 * in a Vietnamese locale); the memo is asked in `lang`. Rejects with the ApiError of a refused
 * fetch (the tab, if any, closes).
 */
export const exportPlan = (planId: string, kind: ExportKind, waiting: string, search = '', lang = memoLang()): Promise<void> => {
  const tab = kind === 'memo' ? window.open('', '_blank') : null;
  if (tab) {
    tab.opener = null;
    tab.document.title = waiting;
    tab.document.body.textContent = waiting;
  }
  return exportFile(planId, kind, kind === 'memo' ? `?lang=${lang}` : search).then(
    ({ blob, fileName }) => {
      if (tab) tab.location.replace(URL.createObjectURL(new Blob([blob], { type: 'text/html;charset=utf-8' })));
      else saveBlob(blob, fileName);
    },
    (error: unknown) => {
      tab?.close();
      throw error;
    },
  );
};
