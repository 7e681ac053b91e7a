/**
 * The schedule of a plan over several months (the plan result's `schedule`, issue 13) in the
 * workbook and the memo: the month table with uncovered hours under P50/P80/P95 before and after,
 * lasting transfers by month, secondments, hires with their start month, cross-trainings; each
 * transfer and secondment with the reason the solver wrote (scheduleReasons.ts), never one of its
 * own. planExports.ts calls these only when the result has a schedule.
 */
import type ExcelJS from 'exceljs';
import type { PlanSchedule } from '../../solver/horizon/horizonPlan.ts';
import { formatNumber, lowerFirst, type Lang } from '../../solver/words.ts';
import type { ExportContext } from './planExports.ts';

/** `03/2027` from `2027-03`, as the memo writes a month. */
export const monthSlash = (month: string): string => `${month.slice(5, 7)}/${month.slice(0, 4)}`;

type Sheet = (book: ExcelJS.Workbook, name: string, columns: readonly { header: string; width: number; numFmt?: string }[]) => ExcelJS.Worksheet;

const ONE = '#,##0.0';
const WHOLE = '#,##0';

/** `P80` from 0.8. */
const quantileName = (q: number): string => `P${Math.round(q * 100)}`;

/** The schedule's sheets: Theo tháng, Điều động theo tháng, Biệt phái, Tuyển mới theo tháng, Đào tạo. */
export const scheduleSheets = (book: ExcelJS.Workbook, sheet: Sheet, s: PlanSchedule, context: ExportContext): void => {
  const { names } = context;
  const quantiles = s.months[0]?.uncovered.map((u) => u.quantile) ?? [];
  const months = sheet(book, 'Theo tháng', [
    { header: 'Tháng', width: 10 }, { header: 'Giờ làm của 1 người', width: 12, numFmt: ONE }, { header: 'Người làm nơi khác', width: 12, numFmt: WHOLE },
    { header: 'Giờ thiếu có trọng số hiện nay', width: 14, numFmt: ONE }, { header: 'Giờ thiếu có trọng số theo phương án', width: 16, numFmt: ONE },
    ...quantiles.flatMap((q) => [
      { header: `Giờ thiếu ${quantileName(q)} hiện nay`, width: 13, numFmt: ONE },
      { header: `Giờ thiếu ${quantileName(q)} theo phương án`, width: 15, numFmt: ONE },
    ]),
  ]);
  for (const m of s.months) {
    months.addRow([monthSlash(m.month), m.hoursPerFte, m.away, m.weightedUncoveredBefore, m.weightedUncoveredAfter, ...m.uncovered.flatMap((u) => [u.before, u.after])]);
  }
  const reasonCell = (row: ExcelJS.Row, column: number) => {
    row.getCell(column).alignment = { wrapText: true, vertical: 'top' };
  };
  const transfers = sheet(book, 'Điều động theo tháng', [
    { header: 'STT', width: 6 }, { header: 'Mã công chức', width: 13 }, { header: 'Họ và tên', width: 24 },
    { header: 'Từ trung tâm', width: 26 }, { header: 'Đến trung tâm', width: 26 }, { header: 'Từ tháng', width: 10 }, { header: 'Lý do', width: 120 },
  ]);
  s.transfers.forEach((x, i) => reasonCell(transfers.addRow([i + 1, x.staffId, context.staffName(x.staffId), names.center(x.fromCenter), names.center(x.toCenter), monthSlash(x.fromMonth), x.reason.vi]), 7));
  const secondments = sheet(book, 'Biệt phái', [
    { header: 'STT', width: 6 }, { header: 'Mã công chức', width: 13 }, { header: 'Họ và tên', width: 24 },
    { header: 'Từ trung tâm', width: 26 }, { header: 'Đến trung tâm', width: 26 }, { header: 'Từ tháng', width: 10 }, { header: 'Đến hết tháng', width: 12 },
    { header: 'Số tháng', width: 9, numFmt: WHOLE }, { header: 'Lý do', width: 120 },
  ]);
  s.secondments.forEach((x, i) => reasonCell(secondments.addRow([i + 1, x.staffId, context.staffName(x.staffId), names.center(x.fromCenter), names.center(x.toCenter), monthSlash(x.fromMonth), monthSlash(x.untilMonth), x.months, x.reason.vi]), 9));
  const hires = sheet(book, 'Tuyển mới theo tháng', [{ header: 'Trung tâm', width: 28 }, { header: 'Lĩnh vực', width: 34 }, { header: 'Số người', width: 10, numFmt: WHOLE }, { header: 'Bắt đầu làm từ tháng', width: 14 }]);
  for (const x of s.hires) hires.addRow([names.center(x.centerCode), names.field(x.field, 'vi'), x.count, monthSlash(x.startMonth)]);
  const trainings = sheet(book, 'Đào tạo', [
    { header: 'Mã công chức', width: 13 }, { header: 'Họ và tên', width: 24 }, { header: 'Trung tâm', width: 26 }, { header: 'Lĩnh vực', width: 34 },
    { header: 'Bắt đầu đào tạo', width: 12 }, { header: 'Đảm nhận được từ tháng', width: 14 },
  ]);
  for (const x of s.trainings) trainings.addRow([x.staffId, context.staffName(x.staffId), names.center(x.centerCode), names.field(x.field, 'vi'), monthSlash(x.startMonth), monthSlash(x.readyMonth)]);
};

const escape = (text: unknown): string =>
  String(text).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);

const table = (head: readonly string[], rows: readonly (readonly string[])[], numeric: readonly number[] = []): string =>
  `<table><thead><tr>${head.map((x) => `<th>${escape(x)}</th>`).join('')}</tr></thead><tbody>\n${rows
    .map((r) => `<tr>${r.map((x, i) => `<td${numeric.includes(i) ? ' class="n"' : ''}>${escape(x)}</td>`).join('')}</tr>`)
    .join('\n')}\n</tbody></table>`;

/** What the memo says of a schedule, section by section (HTML, escaped). */
export interface ScheduleMemo {
  /** Under section I: the month table, uncovered hours under each quantile today / with the plan. */
  readonly months: string;
  /** Section III: transfers by month and secondments, each with its reason. */
  readonly moves: string;
  /** Section IV: hires by start month and cross-trainings. */
  readonly hiresAndTraining: string;
}

export const scheduleMemo = (s: PlanSchedule, context: ExportContext, lang: Lang): ScheduleMemo => {
  const vi = lang === 'vi';
  const { names } = context;
  const n0 = (x: number) => formatNumber(lang, x, 0);
  const quantiles = s.months[0]?.uncovered.map((u) => u.quantile) ?? [];
  const caption = vi
    ? `<p>Giờ việc chưa có người làm theo từng tháng từ tháng ${escape(monthSlash(s.from))} đến tháng ${escape(monthSlash(s.until))} (hiện nay / theo phương án), nếu nhu cầu ở mức dự báo ${escape(quantiles.map(quantileName).join(', '))}; các chỉ tiêu trên là của tháng đầu tiên:</p>`
    : `<p>Hours of work nobody covers, month by month from ${escape(monthSlash(s.from))} to ${escape(monthSlash(s.until))} (today / with the plan), with demand at the forecast's ${escape(quantiles.map(quantileName).join(', '))}; the figures above are of the first month:</p>`;
  const total = (q: number, side: 'before' | 'after') => s.months.reduce((sum, m) => sum + (m.uncovered.find((u) => u.quantile === q)?.[side] ?? 0), 0);
  const monthRows = [
    ...s.months.map((m) => [monthSlash(m.month), ...m.uncovered.map((u) => `${n0(u.before)} / ${n0(u.after)}`), n0(m.away)]),
    [vi ? 'Cả kỳ' : 'Whole horizon', ...quantiles.map((q) => `${n0(total(q, 'before'))} / ${n0(total(q, 'after'))}`), ''],
  ];
  const months = caption + table([vi ? 'Tháng' : 'Month', ...quantiles.map(quantileName), vi ? 'Người làm nơi khác' : 'People working elsewhere'], monthRows, quantiles.map((_, i) => i + 1).concat(quantiles.length + 1));

  const name = (id: string) => context.staffName(id);
  const transfers = s.transfers.length === 0
    ? `<p>${vi ? 'Không có công chức nào được điều động hẳn.' : 'No civil servant is transferred for good.'}</p>`
    : table(vi ? ['STT', 'Họ và tên', 'Từ', 'Đến', 'Từ tháng', 'Lý do'] : ['No.', 'Name', 'From', 'To', 'From month', 'Reason'],
      s.transfers.map((x, i) => [String(i + 1), name(x.staffId), names.center(x.fromCenter), names.center(x.toCenter), monthSlash(x.fromMonth), x.reason[lang]]), [0]);
  const secondments = s.secondments.length === 0
    ? `<p>${vi ? 'Không có công chức nào được biệt phái.' : 'No civil servant is seconded.'}</p>`
    : table(vi ? ['STT', 'Họ và tên', 'Từ', 'Đến', 'Từ tháng', 'Đến hết tháng', 'Lý do'] : ['No.', 'Name', 'From', 'To', 'From', 'Until', 'Reason'],
      s.secondments.map((x, i) => [String(i + 1), name(x.staffId), names.center(x.fromCenter), names.center(x.toCenter), monthSlash(x.fromMonth), monthSlash(x.untilMonth), x.reason[lang]]), [0]);
  const moves = `<h3>${vi ? '1. Điều động theo tháng' : '1. Transfers by month'}</h3>\n${transfers}\n<h3>${vi ? '2. Biệt phái' : '2. Secondments'}</h3>\n${secondments}`;

  const hires = s.hires.length === 0
    ? `<p>${vi ? 'Phương án không tuyển mới.' : 'The plan hires no one.'}</p>`
    : s.hires.map((x) => `<p>${escape(vi
      ? `Tuyển mới ${n0(x.count)} công chức ${lowerFirst(names.field(x.field, lang))} cho ${names.center(x.centerCode)}, làm việc từ tháng ${monthSlash(x.startMonth)}.`
      : `Hire ${n0(x.count)} ${lowerFirst(names.field(x.field, lang))} civil servant(s) for ${names.center(x.centerCode)}, working from ${monthSlash(x.startMonth)}.`)}</p>`).join('\n');
  const trainings = s.trainings.length === 0
    ? ''
    : table(vi ? ['Họ và tên', 'Trung tâm', 'Lĩnh vực đào tạo', 'Bắt đầu', 'Đảm nhận được từ'] : ['Name', 'Center', 'Field trained', 'Starts', 'Holds it from'],
      s.trainings.map((x) => [name(x.staffId), names.center(x.centerCode), names.field(x.field, lang), monthSlash(x.startMonth), monthSlash(x.readyMonth)]));
  return { months, moves, hiresAndTraining: `${hires}\n${trainings}` };
};
