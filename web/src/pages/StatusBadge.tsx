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

export const StatusBadge = ({ status }: { readonly status: string }) => {
  const { t } = useI18n();
  const key = KEYS[status];
  return (
    <span className={`badge ${GOOD.has(status) ? 'badge-good' : status === 'queued' || status === 'running' ? 'badge-info' : 'badge-bad'}`}>
      {GOOD.has(status) ? '✓ ' : status === 'queued' || status === 'running' ? '… ' : '! '}
      {key ? t(key) : status}
    </span>
  );
};
