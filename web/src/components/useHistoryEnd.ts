/**
 * The last month with actual history in the active dataset: months up to it are what happened (the
 * forecast level changes nothing there), later months are forecasts. Read from one center's history
 * (every center shares the dataset's months); undefined while unknown.
 */
import { api } from '../api.ts';
import { useReference } from '../reference.ts';
import { useAsync } from '../useAsync.ts';

export const useHistoryEnd = (): string | undefined => {
  const { centers } = useReference();
  const first = centers[0]?.code;
  const history = useAsync(async () => (first ? await api.history(first) : []), [first]);
  return (history.data ?? []).reduce<string | undefined>((m, r) => (m === undefined || r.month > m ? r.month : m), undefined);
};

/** Whether `period` is actual history or a forecast, given the last history month (undefined: unknown). */
export const sourceOf = (period: string, historyEnd: string | undefined): 'history' | 'forecast' | undefined =>
  historyEnd === undefined ? undefined : period <= historyEnd ? 'history' : 'forecast';
