/**
 * A server or network error in words, shown next to the control or panel that caused it. The
 * server's words appear in the planner's language when known (web/src/messages/), else as sent.
 */
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n.ts';
import { importProblemText } from '../messages/importProblemText.ts';
import { serverMessageText } from '../messages/serverMessageText.ts';

export interface ErrorNoteProps {
  /** The error to show; nothing renders without one. */
  readonly error: Error | undefined;
  /** Offers a retry button when given. */
  readonly onRetry?: () => void;
}

export const ErrorNote = ({ error, onRetry }: ErrorNoteProps) => {
  const { lang, t } = useI18n();
  if (!error) return null;
  const lead =
    error instanceof ApiError ? (error.status === 0 ? t('errorNetwork') : `${t('errorServer')} (${error.status})`) : t('errorFailed');
  const problems = error instanceof ApiError ? error.problems : [];
  return (
    <div className="error-note" role="alert">
      <strong>{lead}:</strong> {serverMessageText(lang, error.message)}
      {problems.length > 0 && (
        <ul>
          {problems.slice(0, 20).map((p, i) => (
            <li key={i}>
              {[p.file, p.line !== undefined ? `${t('line')} ${p.line}` : '', p.column ?? ''].filter(Boolean).join(', ')}
              {p.value !== undefined && p.value !== '' ? ` "${p.value}"` : ''}: {importProblemText(lang, p)}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" className="link-button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
};

export const Loading = () => {
  const { t } = useI18n();
  return (
    <p className="loading" role="status">
      {t('loading')}
    </p>
  );
};
