/**
 * Why each lasting transfer and each secondment of a plan over several months is made, in months,
 * read off the schedule's own months (ScheduleMonth.centers): the field of the person's expertise
 * the destination lacks most over the months they work there, what that field asks in the first of
 * those months (against the plan's first month), what it would lack with no change, and what the
 * whole plan does to both centers over those months. Every figure of a sentence is one of the
 * schedule's figures or a sum of them over the months named, so a reason cannot contradict the
 * month table, the heat map or the workbook. Built once here, in Vietnamese and English.
 */
import type { CivilServant, Month } from '../domain.ts';
import { monthNumber } from '../forecast/months.ts';
import type { Bilingual } from '../plan/planResult.ts';
import { formatHours, fromTo, lowerFirst, type Lang, type Names } from '../words.ts';
import type { ScheduleCenter, ScheduleMonth } from './horizonPlan.ts';

/** Hours below this are not worth a phrase: a sentence shows tenths of an hour. */
const SHOWN = 0.05;

/** A move over a run of months: a lasting transfer runs to the end of the horizon. */
export interface ScheduledMove {
  readonly staffId: string;
  readonly fromCenter: string;
  readonly toCenter: string;
  readonly fromMonth: Month;
  /** Last month at the destination (inclusive); absent for a lasting transfer. */
  readonly untilMonth?: Month;
}

/** The figures a reason states, each one of the schedule's or a sum of them over `from`..`until`. */
export interface ReasonFigures {
  readonly from: Month;
  readonly until: Month;
  readonly months: number;
  /** The field of the person's expertise the destination lacks most over the run with no change; null when it lacks none of them. */
  readonly field: string | null;
  /** The field's (or, without one, the center's) required hours at the destination in the run's first month and in the plan's first month. */
  readonly firstMonth: Month;
  readonly requiredFirst: number;
  readonly requiredAtStart: number;
  /** The month of the run where the field (or center) asks most, and its required hours then. */
  readonly peakMonth: Month;
  readonly requiredAtPeak: number;
  /** The field's (or center's) uncovered hours at the destination summed over the run with no change. */
  readonly lackingBefore: number;
  /** Both centers' uncovered hours summed over the run, with no change and with the plan. */
  readonly destinationBefore: number;
  readonly destinationAfter: number;
  readonly originBefore: number;
  readonly originAfter: number;
}

const centerIn = (m: ScheduleMonth, code: string): ScheduleCenter | undefined => m.centers.find((c) => c.centerCode === code);

/** The figures of `move` from `months` (the schedule's), for a person holding `fields`. */
export const reasonFigures = (months: readonly ScheduleMonth[], move: ScheduledMove, fields: readonly string[]): ReasonFigures => {
  const first = months[0];
  const last = months[months.length - 1];
  if (first === undefined || last === undefined) throw new Error('reasonFigures: a schedule without months');
  const until = move.untilMonth ?? last.month;
  const run = months.filter((m) => m.month >= move.fromMonth && m.month <= until);
  const start = run[0];
  if (start === undefined) throw new Error(`reasonFigures: ${move.staffId}'s months ${move.fromMonth}..${until} are not in the schedule ${first.month}..${last.month}`);
  const fieldIn = (m: ScheduleMonth, f: string) => centerIn(m, move.toCenter)?.fields.find((x) => x.field === f);
  const sum = (get: (m: ScheduleMonth) => number): number => run.reduce((s, m) => s + get(m), 0);
  // Ties go to the person's first-listed field.
  let field: string | null = null;
  let lacking = SHOWN;
  for (const f of fields) {
    const u = sum((m) => fieldIn(m, f)?.uncoveredBefore ?? 0);
    if (u >= lacking + (field === null ? 0 : 1e-9)) {
      field = f;
      lacking = u;
    }
  }
  const required = (m: ScheduleMonth): number => (field === null ? centerIn(m, move.toCenter)?.required ?? 0 : fieldIn(m, field)?.required ?? 0);
  const peak = run.reduce((best, m) => (required(m) > required(best) ? m : best), start);
  return {
    from: start.month,
    until,
    months: run.length,
    field,
    firstMonth: first.month,
    requiredFirst: required(first),
    requiredAtStart: required(start),
    peakMonth: peak.month,
    requiredAtPeak: required(peak),
    lackingBefore: field === null ? sum((m) => centerIn(m, move.toCenter)?.uncoveredBefore ?? 0) : sum((m) => fieldIn(m, field)?.uncoveredBefore ?? 0),
    destinationBefore: sum((m) => centerIn(m, move.toCenter)?.uncoveredBefore ?? 0),
    destinationAfter: sum((m) => centerIn(m, move.toCenter)?.uncoveredAfter ?? 0),
    originBefore: sum((m) => centerIn(m, move.fromCenter)?.uncoveredBefore ?? 0),
    originAfter: sum((m) => centerIn(m, move.fromCenter)?.uncoveredAfter ?? 0),
  };
};

const EN_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** `tháng 3/2027` / `March 2027`. */
export const monthWords = (lang: Lang, month: Month): string => {
  const n = monthNumber(month);
  const year = Math.floor(n / 12);
  const m = n - 12 * year;
  return lang === 'vi' ? `tháng ${m + 1}/${year}` : `${EN_MONTHS[m] ?? ''} ${year}`;
};

/** The reason of a lasting transfer (no `untilMonth`) or a secondment, in `lang`. */
export const moveReasonInMonths = (f: ReasonFigures, move: ScheduledMove, person: Pick<CivilServant, 'name'>, names: Names, lang: Lang): string => {
  const vi = lang === 'vi';
  const h = (x: number) => formatHours(lang, x);
  const mw = (m: Month) => monthWords(lang, m);
  const to = `${names.center(move.toCenter)} (${move.toCenter})`;
  const from = `${names.center(move.fromCenter)} (${move.fromCenter})`;
  const seconded = move.untilMonth !== undefined;
  const what = f.field === null ? to : vi ? `lĩnh vực ${lowerFirst(names.field(f.field, lang))} ở ${to}` : `${lowerFirst(names.field(f.field, lang))} at ${to}`;
  const span = !seconded
    ? (vi ? `Từ ${mw(f.from)}` : `From ${mw(f.from)}`)
    : f.months === 1
      ? (vi ? `Trong ${mw(f.from)} (1 tháng)` : `In ${mw(f.from)} (1 month)`)
      : (vi ? `Từ ${mw(f.from)} đến hết ${mw(f.until)} (${f.months} tháng)` : `From ${mw(f.from)} to the end of ${mw(f.until)} (${f.months} months)`);
  // What the destination asks: a lasting transfer, in its first month against the plan's first; a secondment, at its peak.
  const asks = seconded
    ? (vi ? `cần nhiều nhất ${h(f.requiredAtPeak)} giờ/tháng (${mw(f.peakMonth)})` : `needs up to ${h(f.requiredAtPeak)} h a month (${mw(f.peakMonth)})`)
    : h(f.requiredAtStart) === h(f.requiredFirst) || f.requiredAtStart < f.requiredFirst
      ? (vi ? `cần ${h(f.requiredAtStart)} giờ/tháng` : `needs ${h(f.requiredAtStart)} h a month`)
      : (vi ? `tăng từ ${h(f.requiredFirst)} giờ/tháng (${mw(f.firstMonth)}) lên ${h(f.requiredAtStart)} giờ/tháng` : `rises from ${h(f.requiredFirst)} h a month (${mw(f.firstMonth)}) to ${h(f.requiredAtStart)}`);
  const months = vi
    ? (seconded ? 'trong các tháng đó' : `từ ${mw(f.from)} đến ${mw(f.until)}`)
    : (seconded ? 'over those months' : `from ${mw(f.from)} to ${mw(f.until)}`);
  const lack = f.lackingBefore >= SHOWN
    ? (vi ? ` và nếu giữ nguyên sẽ thiếu ${h(f.lackingBefore)} giờ ${months}` : ` and would lack ${h(f.lackingBefore)} h ${months} with no change`)
    : '';
  const act = vi
    ? (seconded ? `${person.name} (${move.staffId}) được biệt phái từ ${from} sang ${to} rồi trở về` : `${person.name} (${move.staffId}) được điều động hẳn từ ${from} đến ${to}`)
    : (seconded ? `${person.name} (${move.staffId}) is seconded from ${from} to ${to} and then returns` : `${person.name} (${move.staffId}) is transferred for good from ${from} to ${to}`);
  const d = (a: number, b: number) => fromTo(lang, h(a), h(b), a, b);
  const effect = vi
    ? `Cả phương án, ${months}: giờ thiếu của ${to} ${d(f.destinationBefore, f.destinationAfter)}; của ${from} ${d(f.originBefore, f.originAfter)}.`
    : `With the whole plan, ${months}, ${to}'s uncovered hours go ${d(f.destinationBefore, f.destinationAfter)} and ${from}'s ${d(f.originBefore, f.originAfter)}.`;
  return vi ? `${span}, khi ${what} ${asks}${lack}, ${act}. ${effect}` : `${span}, when ${what} ${asks}${lack}, ${act}. ${effect}`;
};

/** The reason of `move` in both languages, from the schedule's months. */
export const scheduleReason = (months: readonly ScheduleMonth[], move: ScheduledMove, person: Pick<CivilServant, 'name' | 'fields'>, names: Names): Bilingual => {
  const figures = reasonFigures(months, move, person.fields);
  return { vi: moveReasonInMonths(figures, move, person, names, 'vi'), en: moveReasonInMonths(figures, move, person, names, 'en') };
};
