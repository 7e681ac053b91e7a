/**
 * The one table of documented column names and their Vietnamese headings, per table, with the
 * Vietnamese sheet name and a short note (unit, allowed values) for each column. The template
 * workbooks are written from it and the workbook reader translates headings and sheet names with
 * it, so a template filled in and sent back always reads.
 */
import { CENTER_COLUMNS } from './parseCenters.ts';
import { DOSSIER_COLUMNS } from './aggregateDossiers.ts';
import { FIELD_COLUMNS } from './parseFields.ts';
import { HISTORY_COLUMNS } from './parseHistory.ts';
import { STAFF_COLUMNS } from './parseStaff.ts';

/** The four tables of a dataset and the dossier-level export. */
export type WorkbookTable = 'centers' | 'fields' | 'history' | 'staff' | 'dossiers';

export const WORKBOOK_TABLES: readonly WorkbookTable[] = ['centers', 'fields', 'history', 'staff', 'dossiers'];

export interface ColumnHeading {
  /** The documented name, as in the CSV header and data/README.md. */
  readonly column: string;
  /** The heading a Vietnamese template shows. */
  readonly vi: string;
  /** The template's note under the heading: unit and allowed values, in Vietnamese. */
  readonly note: string;
}

export interface TableHeadings {
  readonly table: WorkbookTable;
  /** The sheet's Vietnamese name (at most 31 characters, Excel's limit). */
  readonly sheet: string;
  readonly columns: readonly ColumnHeading[];
}

const headings = (table: WorkbookTable, sheet: string, columns: readonly string[], texts: Readonly<Record<string, readonly [string, string]>>): TableHeadings => ({
  table,
  sheet,
  columns: columns.map((column) => {
    const text = texts[column];
    if (text === undefined) throw new Error(`tableHeadings: no Vietnamese heading for ${table}.${column}`);
    return { column, vi: text[0], note: text[1] };
  }),
});

const CODE_NOTE = 'mã đơn vị 5 chữ số, dạng văn bản (giữ số 0 đầu)';

export const TABLE_HEADINGS: { readonly [K in WorkbookTable]: TableHeadings } = {
  centers: headings('centers', 'Trung tâm', CENTER_COLUMNS, {
    code: ['Mã đơn vị', CODE_NOTE],
    name_vi: ['Tên đơn vị', 'có dấu, ví dụ Phường Phù Liễn'],
    name_ascii: ['Tên không dấu', 'ví dụ Phuong Phu Lien'],
    type: ['Loại đơn vị', 'ward (phường), commune (xã) hoặc special_zone (đặc khu)'],
    former_district: ['Quận/huyện cũ', 'trước sáp nhập 2025'],
    area_km2: ['Diện tích (km²)', 'số ≥ 0'],
    population: ['Dân số', 'số nguyên ≥ 0'],
    lat: ['Vĩ độ', 'độ WGS84, từ 8 đến 24'],
    lon: ['Kinh độ', 'độ WGS84, từ 102 đến 118'],
    desks: ['Số quầy tiếp nhận', 'số nguyên ≥ 0'],
    max_staff: ['Số chỗ làm việc tối đa', 'số nguyên ≥ 0'],
    area_adequate: ['Diện tích đạt chuẩn', 'có hoặc không'],
    meeting_rooms: ['Số phòng họp trực tuyến', 'số nguyên ≥ 0'],
  }),
  fields: headings('fields', 'Lĩnh vực', FIELD_COLUMNS, {
    field: ['Mã lĩnh vực', 'chữ thường, gạch dưới, ví dụ civil_status'],
    name_vi: ['Tên lĩnh vực', 'tiếng Việt'],
    name_en: ['Tên tiếng Anh', 'English name'],
    time_limit_days: ['Thời hạn giải quyết (ngày)', 'ngày làm việc, số nguyên ≥ 0'],
    min_direct: ['Phút tiếp nhận trực tiếp', 'phút mỗi hồ sơ, ≥ 0'],
    min_online: ['Phút tiếp nhận trực tuyến', 'phút mỗi hồ sơ, ≥ 0'],
    min_processing: ['Phút xử lý', 'phút mỗi hồ sơ, ≥ 0'],
    priority: ['Hệ số ưu tiên', 'số > 0 (1 = thông thường)'],
  }),
  history: headings('history', 'Lịch sử hồ sơ', HISTORY_COLUMNS, {
    center_code: ['Mã trung tâm', CODE_NOTE],
    month: ['Tháng', 'YYYY-MM, ví dụ 2025-07'],
    field: ['Mã lĩnh vực', 'mã trong bảng Lĩnh vực'],
    channel: ['Kênh', 'direct (trực tiếp) hoặc online (trực tuyến)'],
    received: ['Số tiếp nhận', 'hồ sơ, số nguyên ≥ 0'],
    resolved_on_time: ['Giải quyết đúng hạn', 'hồ sơ, số nguyên ≥ 0'],
    resolved_late: ['Giải quyết quá hạn', 'hồ sơ, số nguyên ≥ 0'],
    pending: ['Đang giải quyết', 'hồ sơ; đúng hạn + quá hạn + đang giải quyết = tiếp nhận'],
  }),
  staff: headings('staff', 'Công chức', STAFF_COLUMNS, {
    staff_id: ['Mã công chức', 'không trùng, ví dụ CC0001'],
    name: ['Họ và tên', 'có dấu'],
    center_code: ['Mã trung tâm làm việc', CODE_NOTE],
    home_code: ['Mã đơn vị nơi ở', CODE_NOTE],
    fields: ['Lĩnh vực chuyên môn', 'các mã lĩnh vực, cách nhau bởi ;'],
    grade: ['Ngạch', 'ví dụ chuyen_vien'],
    fte: ['Tỷ lệ thời gian (FTE)', 'số > 0 và ≤ 1, ví dụ 0,5'],
    locked: ['Giữ nguyên vị trí', 'có hoặc không'],
  }),
  dossiers: headings('dossiers', 'Hồ sơ', DOSSIER_COLUMNS, {
    dossier_id: ['Mã hồ sơ', 'không trùng'],
    center_code: ['Mã trung tâm', CODE_NOTE],
    field: ['Mã lĩnh vực', 'mã trong bảng Lĩnh vực'],
    channel: ['Kênh', 'direct (trực tiếp) hoặc online (trực tuyến)'],
    received_date: ['Ngày tiếp nhận', 'ngày, YYYY-MM-DD hoặc DD/MM/YYYY'],
    due_date: ['Ngày hẹn trả', 'ngày, YYYY-MM-DD hoặc DD/MM/YYYY'],
    finished_date: ['Ngày hoàn thành', 'ngày; để trống nếu chưa xong'],
  }),
};

/** Heading text compared as a user may type it: trimmed, NFC, lower case, spaces collapsed. */
export const headingKey = (text: string): string => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** The documented column of `table` a heading names (its documented name or Vietnamese heading); undefined for none. */
export const columnOfHeading = (table: WorkbookTable, heading: string): string | undefined => {
  const key = headingKey(heading);
  return TABLE_HEADINGS[table].columns.find((c) => headingKey(c.column) === key || headingKey(c.vi) === key)?.column;
};

/** The table a sheet name means (the table's name, e.g. `staff`, or its Vietnamese sheet name); undefined for none. */
export const tableOfSheet = (sheet: string): WorkbookTable | undefined => {
  const key = headingKey(sheet);
  return WORKBOOK_TABLES.find((t) => headingKey(t) === key || headingKey(TABLE_HEADINGS[t].sheet) === key);
};
