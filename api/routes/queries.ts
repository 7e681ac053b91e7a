/**
 * Filters over the active dataset's tables, for the read routes.
 */
import type { CivilServant, Dataset, HistoryRow } from '../../solver/domain.ts';
import { httpError } from './httpError.ts';

export interface HistoryFilter {
  readonly center?: string;
  readonly field?: string;
  readonly channel?: 'direct' | 'online';
  readonly from?: string;
  readonly to?: string;
  readonly limit?: number;
  readonly offset?: number;
}

export interface HistoryPage {
  readonly total: number;
  readonly offset: number;
  readonly limit: number;
  readonly rows: readonly HistoryRow[];
}

/** Rows matching every given filter (months inclusive), in dataset order, one page of them. */
export const historyPage = (dataset: Dataset, q: HistoryFilter): HistoryPage => {
  if (q.from !== undefined && q.to !== undefined && q.from > q.to) {
    throw httpError(400, `querystring/from (${q.from}) must not be after querystring/to (${q.to})`);
  }
  const rows = dataset.history.filter((r) =>
    (q.center === undefined || r.centerCode === q.center)
    && (q.field === undefined || r.field === q.field)
    && (q.channel === undefined || r.channel === q.channel)
    && (q.from === undefined || r.month >= q.from)
    && (q.to === undefined || r.month <= q.to));
  const offset = q.offset ?? 0;
  const limit = q.limit ?? 100;
  return { total: rows.length, offset, limit, rows: rows.slice(offset, offset + limit) };
};

/** Staff of one center and/or with one expertise. */
export const staffOf = (dataset: Dataset, q: { readonly center?: string; readonly field?: string }): readonly CivilServant[] =>
  dataset.staff.filter((s) => (q.center === undefined || s.centerCode === q.center) && (q.field === undefined || s.fields.includes(q.field)));
