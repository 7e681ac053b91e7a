/** A plan's or job's status in words, with a shape cue besides the color. */
import type { MessageKey } from '../i18n.ts';
import { useI18n } from '../i18n.ts';

const KEYS: Readonly<Record<string, MessageKey>> = {
  optimal: 'statusOptimal',
  feasible: 'statusFeasible',
  time_limit: 'statusTimeLimit',
  infeasible: 'statusInfeasible',
  error: 'statusError',
  failed: 'statusError',
  queued: 'statusQueued',
  running: 'statusRunning',
  cancelled: 'statusCancelled',
};

const GOOD = new Set(['optimal', 'feasible', 'done']);

/** Statuses that are neither a success nor a failure: a job under way, or a plan stopped by its time limit. */
const INFO = new Set(['queued', 'running', 'time_limit']);

export const StatusBadge = ({ status }: { readonly status: string }) => {
  const { t } = useI18n();
  const key = KEYS[status];
  const kind = GOOD.has(status) ? 'good' : INFO.has(status) ? 'info' : 'bad';
  return (
    <span className={`badge badge-${kind}`}>
      {kind === 'good' ? '✓ ' : status === 'time_limit' ? '◷ ' : kind === 'info' ? '… ' : '! '}
      {key ? t(key) : status}
    </span>
  );
};
