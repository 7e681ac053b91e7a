/**
 * The server's stored plans (GET /api/plans, newest first) read for a screen: the latest plan of a
 * scenario or of a period, when it was solved, and whether the levers changed since.
 */
import type { PlanJob } from '../api.ts';
import type { Lang } from '../i18n.ts';

/** A stored plan as GET /api/plans sends it: the job record, with when it finished (null while it runs). */
export type StoredPlan = PlanJob;

/**
 * The newest plan that exists (a finished job whose summary says `hasPlan`) and passes `match`; the
 * list is newest first. A solve that found no plan (infeasible, failed, none in time) is never "the
 * latest plan": it has no figures to show.
 */
export const latestPlan = (plans: readonly StoredPlan[], match: (plan: StoredPlan) => boolean = () => true): StoredPlan | undefined =>
  plans.find((p) => p.status === 'done' && p.summary?.hasPlan === true && match(p));

/** JSON with object keys sorted, so two lever objects compare by content, not by key order. */
const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(',')}]`
    : typeof value === 'object' && value !== null
      ? `{${Object.keys(value)
          .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
          .join(',')}}`
      : JSON.stringify(value);

/** Whether two lever objects say the same (key order and undefined keys aside). */
export const sameLevers = (a: unknown, b: unknown): boolean => canonical(a) === canonical(b);

/** When the plan was solved: its finish time, else its creation time (ISO). */
export const solvedAt = (plan: StoredPlan): string => plan.finishedAt ?? plan.createdAt;

/** A plan time to the second in the reader's language, e.g. "21:05:09 27/11/2026" (vi). */
export const formatPlanTime = (lang: Lang, iso: string): string => {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(d.getHours())}:${two(d.getMinutes())}:${two(d.getSeconds())}`;
  const date = `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()}`;
  return lang === 'vi' ? `${time} ${date}` : `${date} ${time}`;
};
