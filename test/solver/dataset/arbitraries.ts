/** fast-check generators of valid datasets, and their CSV text (test helper, not a test file). */
import fc from 'fast-check';
import { csvCell } from '../../../solver/csv.ts';
import type { Center, CivilServant, Dataset, Field, HistoryRow } from '../../../solver/domain.ts';
import type { CsvCells } from '../../../solver/dataset/datasetToCsv.ts';

/** Letters a Vietnamese table holds, the characters that need quoting in CSV, and formula starts. */
const CHARS = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyĐÂ ÁÀẢÃẠệữỹ0123456789-,;"\n=+@\''];

/** Starts a spreadsheet would evaluate (writeCsv neutralizes them), and apostrophes before them. */
const FORMULA_STARTS = ['', '', '', '=', '+', '-', '@', "'", "'=", "''-", '=HYPERLINK("http://x";"y")', '-2+3'];

/** Non-empty text without surrounding blanks, in NFC (what the loader gives back); it may start like a formula. */
export const textArb = fc
  .tuple(fc.constantFrom(...FORMULA_STARTS), fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 12 }))
  .map(([start, chars]) => (start + chars.join('')).normalize('NFC'))
  .filter((s) => s.trim() === s && s !== '');

const decimal = (min: number, max: number, scale: number) => fc.integer({ min: min * scale, max: max * scale }).map((n) => n / scale);
const whole = (max: number) => fc.integer({ min: 0, max });

export const fieldIdArb = fc.stringMatching(/^[a-z][a-z0-9]{0,6}(_[a-z0-9]{1,4}){0,2}$/);

const centerArb = (code: string): fc.Arbitrary<Center> =>
  fc.record({
    code: fc.constant(code),
    nameVi: textArb,
    nameAscii: textArb,
    type: fc.constantFrom('ward', 'commune', 'special_zone'),
    formerDistrict: textArb,
    areaKm2: decimal(0, 2000, 100),
    population: whole(500_000),
    lat: decimal(8, 24, 100_000),
    lon: decimal(102, 118, 100_000),
    desks: whole(30),
    maxStaff: whole(80),
    areaAdequate: fc.boolean(),
    meetingRooms: whole(4),
  });

const fieldArb = (field: string): fc.Arbitrary<Field> =>
  fc.record({
    field: fc.constant(field),
    nameVi: textArb,
    nameEn: textArb,
    timeLimitDays: whole(30),
    minDirect: decimal(0, 600, 10),
    minOnline: decimal(0, 600, 10),
    minProcessing: decimal(0, 600, 10),
    priority: decimal(0.1, 5, 10),
  });

const monthArb = fc.tuple(fc.integer({ min: 2000, max: 2099 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`);

const countsArb = fc
  .tuple(whole(5000), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }))
  .map(([received, a, b]) => {
    const resolvedOnTime = Math.floor(received * a);
    const resolvedLate = Math.floor((received - resolvedOnTime) * b);
    return { received, resolvedOnTime, resolvedLate, pending: received - resolvedOnTime - resolvedLate };
  });

/** A valid dataset: unique keys, and every reference to a center or field exists. */
export const datasetArb: fc.Arbitrary<Dataset> = fc
  .tuple(fc.uniqueArray(fc.stringMatching(/^\d{5}$/), { minLength: 1, maxLength: 4 }), fc.uniqueArray(fieldIdArb, { minLength: 1, maxLength: 4 }))
  .chain(([codes, fieldIds]) => {
    const historyArb: fc.Arbitrary<HistoryRow[]> = fc
      .uniqueArray(fc.tuple(fc.constantFrom(...codes), monthArb, fc.constantFrom(...fieldIds), fc.constantFrom('direct' as const, 'online' as const)), {
        minLength: 1,
        maxLength: 8,
        selector: (key) => key.join(' '),
      })
      .chain((keys) =>
        fc.tuple(...keys.map(() => countsArb)).map((counts) =>
          keys.map(([centerCode, month, field, channel], i) => ({ centerCode, month, field, channel, ...counts[i]! })),
        ),
      );
    // A departure, when there is one, after every month the history can have (monthArb).
    const servantArb = (staffId: string): fc.Arbitrary<CivilServant> =>
      fc.record({
        staffId: fc.constant(staffId),
        name: textArb,
        centerCode: fc.constantFrom(...codes),
        homeCode: fc.constantFrom(...codes),
        fields: fc.uniqueArray(fc.constantFrom(...fieldIds), { minLength: 1, maxLength: fieldIds.length }),
        grade: textArb,
        fte: decimal(0.01, 1, 100),
        locked: fc.boolean(),
        leavesOn: fc.constantFrom('2100-01', '2100-12'),
      }, { requiredKeys: ['staffId', 'name', 'centerCode', 'homeCode', 'fields', 'grade', 'fte', 'locked'] });
    const staffArb = fc
      .uniqueArray(textArb.filter((s) => !s.includes('\n')), { minLength: 1, maxLength: 5 })
      .chain((ids) => fc.tuple(...ids.map(servantArb)));
    return fc.record({
      centers: fc.tuple(...codes.map(centerArb)),
      fields: fc.tuple(...fieldIds.map(fieldArb)),
      history: historyArb,
      staff: staffArb,
    });
  });

/** How a spreadsheet might save a table. */
export interface CsvStyle {
  readonly delimiter: ',' | ';';
  readonly bom: boolean;
  readonly crlf: boolean;
}

export const styleArb: fc.Arbitrary<CsvStyle> = fc.record({ delimiter: fc.constantFrom(',' as const, ';' as const), bom: fc.boolean(), crlf: fc.boolean() });

/** CSV text of a table in `style` (writeCsv's quoting, any separator). */
export const toCsvText = (table: CsvCells, style: CsvStyle): string => {
  const eol = style.crlf ? '\r\n' : '\n';
  const lines = [table.header, ...table.rows].map((row) => row.map((cell) => csvCell(cell)).join(style.delimiter));
  return (style.bom ? '\uFEFF' : '') + lines.join(eol) + eol;
};
