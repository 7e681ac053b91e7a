/**
 * A plan result (solver/plan/planResult.ts) as files, each rendering the one object, never computing
 * a figure of its own: CSV (one row per civil servant and field; `,` and `.` for tools, or `;` and
 * decimal commas for Excel in a Vietnamese locale), XLSX (Vietnamese sheets and headers, names,
 * rounded numbers, the reasons), and the memo (Tờ trình) in the layout of Decree 30/2020/ND-CP.
 * Only a plan that exists has files: the routes refuse the rest (409).
 */
import type ExcelJS from 'exceljs';
import { writeCsv } from '../../solver/csv.ts';
import type { PlanOutcome, PlanResult } from '../../solver/plan/planResult.ts';
import { formatNumber, formatPercent, lowerFirst, type Lang, type Names } from '../../solver/words.ts';
import type { PlanRecord } from '../storage/planStore.ts';
import { monthSlash, scheduleMemo, scheduleSheets } from './scheduleExports.ts';

/** What the files need besides the result: names of people, centers and fields, the record, the scenario's name. */
export interface ExportContext {
  readonly names: Names;
  readonly staffName: (staffId: string) => string;
  readonly record: PlanRecord;
  readonly scenarioName: string;
}

/** Byte order mark: Excel in a Vietnamese locale reads a CSV as UTF-8 (diacritics intact) only with it. */
export const UTF8_BOM = '\uFEFF';

export const CSV_COLUMNS = ['staff_id', 'name', 'from_center', 'from_center_name', 'to_center', 'to_center_name', 'moved', 'field', 'field_name', 'hours'] as const;

/** `en`: `,` between cells and `.` for decimals (tools); `vi`: `;` and decimal commas (Excel in a Vietnamese locale). */
export type CsvLocale = 'en' | 'vi';

const outcomeOf = (result: PlanResult): PlanOutcome => {
  if (result.outcome === null) throw new Error(`planExports: a ${result.status} plan has no files`);
  return result.outcome;
};

/** One row per civil servant and field (a person with no hours: one row, empty field), UTF-8 with BOM. */
export const planCsv = (result: PlanResult, context: ExportContext, locale: CsvLocale = 'en'): string => {
  const outcome = outcomeOf(result);
  const hours = (x: number): string => (locale === 'vi' ? formatNumber('vi', x, 2).replaceAll('.', '') : (Math.round(x * 100) / 100).toFixed(2));
  const center = (code: string) => context.names.center(code);
  const rows = outcome.assignments.flatMap((a) => {
    const base = [a.staffId, context.staffName(a.staffId), a.fromCenter, center(a.fromCenter), a.toCenter, center(a.toCenter), a.fromCenter !== a.toCenter ? 'true' : 'false'];
    const fields = Object.entries(a.hours).sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
    return fields.length === 0 ? [[...base, '', '', hours(0)]] : fields.map(([f, h]) => [...base, f, context.names.field(f, 'vi'), hours(h)]);
  });
  return UTF8_BOM + writeCsv(CSV_COLUMNS, rows, locale === 'vi' ? ';' : ',');
};

/** Header row in bold, widths to fit, numbers rounded in display (values keep their precision). */
const sheet = (book: ExcelJS.Workbook, name: string, columns: readonly { header: string; width: number; numFmt?: string }[]) => {
  const ws = book.addWorksheet(name);
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width, ...(c.numFmt === undefined ? {} : { style: { numFmt: c.numFmt } }) }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  return ws;
};

const ONE = '#,##0.0';
const WHOLE = '#,##0';
const PERCENT = '0%';

/** The plan as a workbook, in Vietnamese: summary, moves with reasons, centers, assignments, hires, idle people. */
export const planXlsx = async (result: PlanResult, context: ExportContext): Promise<Buffer> => {
  const outcome = outcomeOf(result);
  const { names } = context;
  // Loaded here: exceljs takes 1.4 s to load, which a start should not wait for.
  const { default: excel } = await import('exceljs');
  const book = new excel.Workbook();
  book.creator = 'Kế hoạch nhân sự Trung tâm Phục vụ hành chính công';
  const summary = sheet(book, 'Tóm tắt', [{ header: 'Chỉ tiêu', width: 52 }, { header: 'Hiện nay', width: 16 }, { header: 'Theo phương án', width: 16 }]);
  const b = outcome.before;
  const a = outcome.after;
  const kpi = (label: string, before: number, after: number, numFmt: string) => {
    const row = summary.addRow([label, before, after]);
    row.getCell(2).numFmt = numFmt;
    row.getCell(3).numFmt = numFmt;
  };
  kpi('Giờ việc cần làm', b.requiredHours, a.requiredHours, WHOLE);
  kpi('Giờ việc chưa có người làm', b.uncoveredHours, a.uncoveredHours, WHOLE);
  kpi('Số người còn thiếu (quy đổi toàn thời gian)', b.fteShort, a.fteShort, ONE);
  kpi('Số công chức (kể cả tuyển mới)', b.staff, a.staff, WHOLE);
  kpi('Số trung tâm quá tải (trên 100%)', b.overloadedCenters, a.overloadedCenters, WHOLE);
  kpi('Mức sử dụng cao nhất', b.maxUtilization, a.maxUtilization, PERCENT);
  kpi('Số lượt điều động', b.transfers, a.transfers, WHOLE);
  kpi('Số người tuyển mới', b.hires, a.hires, WHOLE);
  kpi('Quãng đường đi làm tăng thêm (km, tổng)', b.addedCommuteKm, a.addedCommuteKm, ONE);
  summary.addRow([]);
  summary.addRow(['Kết luận', outcome.headline.vi]);
  summary.addRow(['Kết quả giải', result.verdict.vi]);
  summary.addRow(['Định mức', result.normsSentence.vi]);
  if (outcome.shortage !== null) summary.addRow(['Thiếu người', outcome.shortage.sentence.vi]);
  if (outcome.demand !== null) summary.addRow(['Nhu cầu tăng thêm so với không có kịch bản (người)', outcome.demand.addedFte]);
  const schedule = result.schedule;
  if (schedule !== null) {
    summary.addRow(['Kỳ kế hoạch', `${monthSlash(schedule.from)} – ${monthSlash(schedule.until)} (${schedule.horizon} tháng)`]);
    summary.addRow(['Số người điều động hẳn (cả kỳ)', schedule.transfers.length]);
    summary.addRow(['Số người biệt phái (cả kỳ)', schedule.secondments.length]);
    summary.addRow(['Số tháng-người biệt phái', schedule.secondments.reduce((n, x) => n + x.months, 0)]);
    summary.addRow(['Số người tuyển mới (cả kỳ)', schedule.hires.reduce((n, x) => n + x.count, 0)]);
    summary.addRow(['Số người được đào tạo thêm chuyên môn', schedule.trainings.length]);
    summary.addRow(['Các chỉ tiêu ở trên', 'của tháng đầu tiên; các tháng khác: trang Theo tháng']);
    scheduleSheets(book, sheet, schedule, context);
  }
  summary.addRow(['Kỳ', result.period]);
  summary.addRow(['Mức dự báo', `P${Math.round(result.quantile * 100)}`]);
  summary.addRow(['Kịch bản', context.scenarioName]);
  summary.addRow(['Bộ dữ liệu (phiên bản)', context.record.datasetVersion]);

  const moves = sheet(book, 'Điều động', [
    { header: 'STT', width: 6 }, { header: 'Mã công chức', width: 13 }, { header: 'Họ và tên', width: 24 },
    { header: 'Từ trung tâm', width: 26 }, { header: 'Đến trung tâm', width: 26 }, { header: 'Cách nơi ở (km)', width: 14, numFmt: ONE },
    { header: 'Giờ làm ở nơi đến', width: 15, numFmt: ONE }, { header: 'Nơi đến làm thêm được (giờ)', width: 18, numFmt: ONE },
    { header: 'Nơi đi làm ít đi (giờ)', width: 16, numFmt: ONE }, { header: 'Lý do', width: 120 },
  ]);
  outcome.moves.forEach((m, i) => {
    const row = moves.addRow([i + 1, m.staffId, m.name, names.center(m.from), names.center(m.to), m.homeKm, Object.values(m.hours).reduce((s, v) => s + v, 0), m.atDestination.change, -m.atOrigin.change, m.sentence.vi]);
    row.getCell(10).alignment = { wrapText: true, vertical: 'top' };
  });

  const centers = sheet(book, 'Trung tâm', [
    { header: 'Mã', width: 8 }, { header: 'Trung tâm', width: 28 },
    { header: 'Người hiện nay', width: 10, numFmt: WHOLE }, { header: 'Người theo phương án', width: 12, numFmt: WHOLE },
    { header: 'Người cần (quy đổi)', width: 12, numFmt: ONE }, { header: 'Thiếu hiện nay (người)', width: 12, numFmt: ONE }, { header: 'Thiếu theo phương án (người)', width: 14, numFmt: ONE },
    { header: 'Giờ thiếu hiện nay', width: 12, numFmt: ONE }, { header: 'Giờ thiếu theo phương án', width: 14, numFmt: ONE },
    { header: 'Mức sử dụng hiện nay', width: 12, numFmt: PERCENT }, { header: 'Mức sử dụng theo phương án', width: 14, numFmt: PERCENT },
  ]);
  for (const c of outcome.centers) {
    centers.addRow([c.centerCode, c.name, c.staffBefore, c.staffAfter, c.fteNeeded, c.fteShortBefore, c.fteShortAfter, c.uncoveredBefore, c.uncoveredAfter, c.utilizationBefore ?? '', c.utilizationAfter ?? '']);
  }

  const fields = sheet(book, 'Lĩnh vực', [
    { header: 'Mã trung tâm', width: 10 }, { header: 'Trung tâm', width: 28 }, { header: 'Lĩnh vực', width: 34 },
    { header: 'Giờ cần', width: 10, numFmt: ONE }, { header: 'Giờ thiếu hiện nay', width: 12, numFmt: ONE }, { header: 'Giờ thiếu theo phương án', width: 14, numFmt: ONE },
    { header: 'Người cần', width: 10, numFmt: ONE }, { header: 'Người thiếu hiện nay', width: 12, numFmt: ONE }, { header: 'Người thiếu theo phương án', width: 14, numFmt: ONE },
  ]);
  for (const c of outcome.centers) {
    for (const f of c.fields) fields.addRow([c.centerCode, c.name, names.field(f.field, 'vi'), f.requiredHours, f.uncoveredBefore, f.uncoveredAfter, f.fteNeeded, f.fteShortBefore, f.fteShortAfter]);
  }

  const assignments = sheet(book, 'Phân công', [
    { header: 'Mã công chức', width: 13 }, { header: 'Họ và tên', width: 24 }, { header: 'Trung tâm hiện nay', width: 26 }, { header: 'Trung tâm theo phương án', width: 26 },
    { header: 'Điều động', width: 10 }, { header: 'Lĩnh vực', width: 34 }, { header: 'Giờ', width: 10, numFmt: ONE },
  ]);
  for (const x of outcome.assignments) {
    const entries = Object.entries(x.hours).sort((p, q) => q[1] - p[1]);
    const base = [x.staffId, context.staffName(x.staffId), names.center(x.fromCenter), names.center(x.toCenter), x.fromCenter !== x.toCenter ? 'Có' : 'Không'];
    if (entries.length === 0) assignments.addRow([...base, '', 0]);
    for (const [f, h] of entries) assignments.addRow([...base, names.field(f, 'vi'), h]);
  }
  if (outcome.hires.length > 0) {
    const hires = sheet(book, 'Tuyển mới', [{ header: 'Trung tâm', width: 28 }, { header: 'Lĩnh vực', width: 34 }, { header: 'Số người', width: 10, numFmt: WHOLE }, { header: 'Giờ', width: 10, numFmt: ONE }]);
    for (const h of outcome.hires) hires.addRow([names.center(h.centerCode), names.field(h.field, 'vi'), h.count, h.hours]);
  }
  if (outcome.idle.length > 0) {
    const idle = sheet(book, 'Chưa có việc', [
      { header: 'Mã công chức', width: 13 }, { header: 'Họ và tên', width: 24 }, { header: 'Trung tâm', width: 26 }, { header: 'Chuyên môn', width: 40 },
      { header: 'Giờ chưa có việc', width: 14, numFmt: ONE }, { header: 'Có thể hỗ trợ', width: 70 },
    ]);
    for (const p of outcome.idle) {
      idle.addRow([p.staffId, p.name, names.center(p.centerCode), p.expertise.map((f) => names.field(f, 'vi')).join(', '), p.idleHours,
        p.couldHelp.map((h) => `${names.center(h.centerCode)}: ${lowerFirst(names.field(h.field, 'vi'))} (thiếu ${formatNumber('vi', h.uncoveredHours, 1)} giờ)`).join('; ')]);
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
};

const escape = (text: unknown): string =>
  String(text).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string);

/** Languages of the memo: Vietnamese (the default: what an official prints) or English. */
export type MemoLang = Lang;

/** Who issues the memo and to whom (Decree 30 heading and recipients); Hai Phong's Department of Home Affairs by default. */
export interface MemoParties {
  /** The issuing body's superior, upper line of the heading. */
  readonly parent: string;
  readonly issuer: string;
  /** The issuer as a sentence names it (`Sở Nội vụ`). */
  readonly issuerName: string;
  /** Number symbol after "Số: ..../": TTr = tờ trình, then the issuer's abbreviation. */
  readonly symbol: string;
  readonly place: string;
  readonly to: string;
  readonly signerTitle: string;
}

export const HAI_PHONG_PARTIES: MemoParties = {
  parent: 'UBND THÀNH PHỐ HẢI PHÒNG',
  issuer: 'SỞ NỘI VỤ',
  issuerName: 'Sở Nội vụ',
  symbol: 'TTr-SNV',
  place: 'Hải Phòng',
  to: 'Ủy ban nhân dân thành phố Hải Phòng',
  signerTitle: 'GIÁM ĐỐC',
};

/** `11/2026` from `2026-11`. */
const monthWords = (period: string): string => `${period.slice(5, 7)}/${period.slice(0, 4)}`;

/**
 * The memo (Tờ trình) as a printable HTML page in the layout of Decree 30/2020/ND-CP: heading
 * (issuing body left, national heading right), number and place-and-date line (left blank to fill in
 * at signing), document type and subject, recipient, body (grounds, the plan's effect, the impact per
 * center in people and hours, the moves with their reasons, hires, what remains short, the request),
 * recipients' list and signature block. Provenance (plan, dataset version and hash, solver) goes in a
 * footer under a line, never in the body.
 */
export const planMemo = (result: PlanResult, context: ExportContext, lang: MemoLang = 'vi', parties: MemoParties = HAI_PHONG_PARTIES): string => {
  const outcome = outcomeOf(result);
  const vi = lang === 'vi';
  const { names } = context;
  const n0 = (x: number) => formatNumber(lang, x, 0);
  const n1 = (x: number) => formatNumber(lang, x, 1);
  const pct = (x: number | null) => (x === null ? '–' : formatPercent(lang, x));
  const b = outcome.before;
  const a = outcome.after;
  const month = monthWords(result.period);
  const schedule = result.schedule === null ? null : scheduleMemo(result.schedule, context, lang);
  const span = result.schedule === null ? month : `${monthWords(result.schedule.from)} – ${monthWords(result.schedule.until)}`;
  const lasting = result.schedule?.transfers.length ?? a.transfers;
  const seconded = result.schedule?.secondments.length ?? 0;
  const hired = result.schedule === null ? a.hires : result.schedule.hires.reduce((n, x) => n + x.count, 0);
  const changed = outcome.centers
    .filter((c) => c.staffBefore !== c.staffAfter || Math.abs(c.uncoveredBefore - c.uncoveredAfter) >= 0.05)
    .sort((x, y) => y.uncoveredBefore - y.uncoveredAfter - (x.uncoveredBefore - x.uncoveredAfter) || x.centerCode.localeCompare(y.centerCode));
  const w = vi
    ? {
        type: 'TỜ TRÌNH',
        subject: `Về việc điều động, bố trí công chức tại các Trung tâm Phục vụ hành chính công cấp xã ${result.schedule === null ? 'tháng' : 'các tháng'} ${span}`,
        dear: 'Kính gửi',
        grounds: `Căn cứ số liệu hồ sơ thủ tục hành chính đã tiếp nhận và dự báo nhu cầu tháng ${month} (mức P${Math.round(result.quantile * 100)}), ${parties.issuerName} đã rà soát khối lượng công việc và việc bố trí công chức tại các Trung tâm Phục vụ hành chính công cấp xã, như sau:`,
        s1: 'I. HIỆN TRẠNG VÀ HIỆU QUẢ CỦA PHƯƠNG ÁN', s2: 'II. TÁC ĐỘNG ĐẾN TỪNG TRUNG TÂM', s3: 'III. DANH SÁCH ĐIỀU ĐỘNG VÀ LÝ DO', s4: 'IV. TUYỂN DỤNG, ĐÀO TẠO VÀ PHẦN CÒN THIẾU', s5: 'V. ĐỀ NGHỊ',
        kpiHead: ['Chỉ tiêu', 'Hiện nay', 'Theo phương án'],
        kpis: [
          ['Giờ việc cần làm trong tháng', n0(b.requiredHours), n0(a.requiredHours)],
          ['Giờ việc chưa có người làm', n0(b.uncoveredHours), n0(a.uncoveredHours)],
          ['Số người còn thiếu (quy đổi toàn thời gian)', n1(b.fteShort), n1(a.fteShort)],
          ['Số trung tâm quá tải (mức sử dụng trên 100%)', n0(b.overloadedCenters), n0(a.overloadedCenters)],
          ['Mức sử dụng cao nhất', pct(b.maxUtilization), pct(a.maxUtilization)],
          ['Số lượt điều động', '0', n0(a.transfers)],
          ['Số người tuyển mới', '0', n0(a.hires)],
        ],
        centerHead: ['Trung tâm', 'Số người (hiện nay / theo phương án)', 'Người còn thiếu (hiện nay / theo phương án)', 'Giờ thiếu (hiện nay / theo phương án)', 'Mức sử dụng (hiện nay / theo phương án)'],
        noCenter: 'Không trung tâm nào thay đổi.',
        moveHead: ['STT', 'Họ và tên', 'Từ', 'Đến', 'Lý do'],
        nobody: 'Không có công chức nào phải điều động.',
        hireLine: (count: string, field: string, center: string) => `Tuyển mới ${count} công chức ${field} cho ${center}.`,
        noHire: 'Phương án không tuyển mới.',
        request: `Kính đề nghị ${parties.to} xem xét, phê duyệt phương án điều động ${n0(lasting)} công chức${seconded > 0 ? `, biệt phái ${n0(seconded)} công chức` : ''}${hired > 0 ? ` và tuyển mới ${n0(hired)} công chức` : ''} nêu trên.`,
        recipients: ['Như trên;', 'Lưu: VT.'],
        signature: '(Ký, ghi rõ họ tên, đóng dấu)',
        provenance: 'Thông tin truy xuất',
      }
    : {
        type: 'PROPOSAL',
        subject: `On the transfer and assignment of civil servants at the commune-level Public Administration Service Centers, ${span}`,
        dear: 'To',
        grounds: `On the dossiers received and the forecast demand of ${month} (P${Math.round(result.quantile * 100)}), the workload and the staffing of the commune-level Public Administration Service Centers were reviewed as follows:`,
        s1: 'I. TODAY AND WITH THE PLAN', s2: 'II. EFFECT ON EACH CENTER', s3: 'III. TRANSFERS AND THEIR REASONS', s4: 'IV. HIRING, TRAINING AND WHAT REMAINS SHORT', s5: 'V. REQUEST',
        kpiHead: ['Figure', 'Today', 'With the plan'],
        kpis: [
          ['Hours of work needed in the month', n0(b.requiredHours), n0(a.requiredHours)],
          ['Hours of work nobody covers', n0(b.uncoveredHours), n0(a.uncoveredHours)],
          ['People short (full-time equivalent)', n1(b.fteShort), n1(a.fteShort)],
          ['Overloaded centers (utilization above 100%)', n0(b.overloadedCenters), n0(a.overloadedCenters)],
          ['Highest utilization', pct(b.maxUtilization), pct(a.maxUtilization)],
          ['Transfers', '0', n0(a.transfers)],
          ['New hires', '0', n0(a.hires)],
        ],
        centerHead: ['Center', 'Staff (today / with the plan)', 'People short (today / with the plan)', 'Uncovered hours (today / with the plan)', 'Utilization (today / with the plan)'],
        noCenter: 'No center changes.',
        moveHead: ['No.', 'Name', 'From', 'To', 'Reason'],
        nobody: 'No civil servant moves.',
        hireLine: (count: string, field: string, center: string) => `Hire ${count} ${field} civil servant(s) for ${center}.`,
        noHire: 'The plan hires no one.',
        request: `We ask ${parties.to} to approve the transfer of ${n0(lasting)} civil servant(s)${seconded > 0 ? `, the secondment of ${n0(seconded)}` : ''}${hired > 0 ? ` and the hiring of ${n0(hired)}` : ''} above.`,
        recipients: ['As above;', 'Archive.'],
        signature: '(Signature, full name, seal)',
        provenance: 'Provenance',
      };
  const pair = (x: string, y: string) => `${escape(x)} / ${escape(y)}`;
  const centerRows = changed.map((c) => `<tr><td>${escape(c.name)}</td><td class="n">${pair(n0(c.staffBefore), n0(c.staffAfter))}</td><td class="n">${pair(n1(c.fteShortBefore), n1(c.fteShortAfter))}</td><td class="n">${pair(n1(c.uncoveredBefore), n1(c.uncoveredAfter))}</td><td class="n">${pair(pct(c.utilizationBefore), pct(c.utilizationAfter))}</td></tr>`).join('\n');
  const moveRows = outcome.moves.map((m, i) => `<tr><td class="n">${i + 1}</td><td>${escape(m.name)}</td><td>${escape(names.center(m.from))}</td><td>${escape(names.center(m.to))}</td><td>${escape(m.sentence[lang])}</td></tr>`).join('\n');
  const hireLines = outcome.hires.map((h) => `<p>${escape(w.hireLine(n0(h.count), lowerFirst(names.field(h.field, lang)), names.center(h.centerCode)))}</p>`).join('\n');
  const table = (head: readonly string[], rows: string) => `<table><thead><tr>${head.map((x) => `<th>${escape(x)}</th>`).join('')}</tr></thead><tbody>\n${rows}\n</tbody></table>`;
  const r = context.record;
  const provenance = [
    `${vi ? 'Phương án' : 'Plan'} ${r.id}, ${r.finishedAt ?? ''}`,
    `${vi ? 'Bộ dữ liệu phiên bản' : 'Dataset version'} ${r.datasetVersion} (SHA-256 ${r.datasetHash})`,
    `${vi ? 'Kịch bản' : 'Scenario'}: ${context.scenarioName}`,
    `${result.verdict[lang]} ${vi ? 'Mục tiêu' : 'Objective'} ${n1(result.quality.objective ?? 0)}, ${vi ? 'cận dưới' : 'bound'} ${result.quality.bound === null ? '–' : n1(result.quality.bound)}, ${n1(result.quality.seconds)} s.`,
  ];
  return `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><title>${escape(w.type)}: ${escape(w.subject)}</title>
<style>
@page{size:A4;margin:20mm 15mm 20mm 30mm}
body{font:13pt/1.35 "Times New Roman","Noto Serif",serif;max-width:165mm;margin:10mm auto;color:#000}
.heading{display:grid;grid-template-columns:38% 62%;text-align:center;font-size:12pt}.heading p{white-space:nowrap}
.heading p,.lines p{margin:0;text-indent:0;text-align:center}.up{text-transform:uppercase}.b{font-weight:bold}.u{display:inline-block;border-bottom:1px solid #000;padding-bottom:1pt}
.lines{display:grid;grid-template-columns:38% 62%;margin-top:6pt;font-size:12pt}.i{font-style:italic}
h1{font-size:14pt;text-align:center;margin:18pt 0 0}.subject{text-align:center;font-weight:bold;margin:0 0 12pt}
.to{text-align:center;margin:6pt 0 12pt}
h2{font-size:13pt;margin:12pt 0 4pt}p{text-align:justify;margin:0 0 6pt;text-indent:10mm}td p,th p{text-indent:0}
table{border-collapse:collapse;width:100%;margin:4pt 0 8pt;font-size:11pt}th,td{border:1px solid #000;padding:2pt 4pt;vertical-align:top;text-align:left}
th{font-weight:bold;text-align:center}td:first-child{min-width:30mm}.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.end{display:grid;grid-template-columns:1fr 1fr;margin-top:14pt}.end ul{margin:0;padding-left:5mm;font-size:11pt}
.sign{text-align:center}.sign .space{height:28mm}
footer{margin-top:18mm;border-top:1px solid #888;padding-top:3pt;font:8.5pt/1.3 Arial,sans-serif;color:#444}footer p{text-indent:0;margin:0}
@media print{body{margin:0}h2{break-after:avoid}tr{break-inside:avoid}}
</style></head><body>
<div class="heading">
  <div><p class="up">${escape(parties.parent)}</p><p class="up b"><span class="u">${escape(parties.issuer)}</span></p></div>
  <div><p class="b">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</p><p class="b"><span class="u">Độc lập - Tự do - Hạnh phúc</span></p></div>
</div>
<div class="lines">
  <div><p>Số: &nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;/${escape(parties.symbol)}</p></div>
  <div><p class="i">${escape(parties.place)}, ngày &nbsp;&nbsp;&nbsp; tháng &nbsp;&nbsp;&nbsp; năm ${escape((context.record.finishedAt ?? context.record.createdAt).slice(0, 4))}</p></div>
</div>
<h1>${escape(w.type)}</h1>
<p class="subject">${escape(w.subject)}</p>
<p class="to">${escape(w.dear)}: ${escape(parties.to)}.</p>
<p>${escape(w.grounds)} ${escape(result.normsSentence[lang])}</p>
<h2>${escape(w.s1)}</h2>
<p>${escape(outcome.headline[lang])}</p>
${table(w.kpiHead, w.kpis.map((k) => `<tr><td>${escape(k[0])}</td><td class="n">${escape(k[1])}</td><td class="n">${escape(k[2])}</td></tr>`).join('\n'))}
${schedule?.months ?? ''}
<h2>${escape(w.s2)}</h2>
${schedule === null ? '' : `<p>${escape(vi ? `Tháng ${month}, tháng đầu tiên của kế hoạch:` : `${month}, the plan's first month:`)}</p>`}
${changed.length === 0 ? `<p>${escape(w.noCenter)}</p>` : table(w.centerHead, centerRows)}
<h2>${escape(w.s3)}</h2>
${schedule !== null ? schedule.moves : outcome.moves.length === 0 ? `<p>${escape(w.nobody)}</p>` : table(w.moveHead, moveRows)}
<h2>${escape(w.s4)}</h2>
${schedule !== null ? schedule.hiresAndTraining : outcome.hires.length === 0 ? `<p>${escape(w.noHire)}</p>` : hireLines}
${outcome.shortage === null ? '' : `<p>${escape(outcome.shortage.sentence[lang])}</p>`}
${outcome.demand === null ? '' : `<p>${escape(vi ? `Kịch bản làm nhu cầu tăng thêm ${n1(outcome.demand.addedFte)} người (quy đổi toàn thời gian) so với tháng đó khi không có kịch bản.` : `The scenario adds ${n1(outcome.demand.addedFte)} FTE of demand to the same month without it.`)}</p>`}
<h2>${escape(w.s5)}</h2>
<p>${escape(w.request)}</p>
<div class="end">
  <div><p class="b i" style="text-indent:0">${vi ? 'Nơi nhận:' : 'Recipients:'}</p><ul>${w.recipients.map((x) => `<li>${escape(x)}</li>`).join('')}</ul></div>
  <div class="sign"><p class="b" style="text-indent:0">${escape(parties.signerTitle)}</p><p class="i" style="text-indent:0">${escape(w.signature)}</p><div class="space"></div></div>
</div>
<footer><p class="b">${escape(w.provenance)}</p>${provenance.map((x) => `<p>${escape(x)}</p>`).join('')}</footer>
</body></html>
`;
};
