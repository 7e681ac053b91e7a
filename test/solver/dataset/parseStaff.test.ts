import { describe, expect, it } from 'vitest';
import { parseStaff, splitFields } from '../../../solver/dataset/parseStaff.ts';

const HEADER = 'staff_id,name,center_code,home_code,fields,grade,fte,locked';
const known = { centers: new Set(['11443']), fields: new Set(['land', 'civil_status']) };

describe('parseStaff', () => {
  it('reads an expertise list separated by `;` or, as some spreadsheets rewrite it, by `,`', () => {
    const text = `${HEADER}\nA,Nguyễn Văn A,11443,11443,land;civil_status,chuyen_vien,1,true\nB,Trần Thị B,11443,11443,"land, civil_status",can_su,0.5,0\n`;
    const result = parseStaff({ name: 'staff.csv', text }, known);
    expect(result.problems).toEqual([]);
    expect(result.rows.map((s) => s.fields)).toEqual([
      ['land', 'civil_status'],
      ['land', 'civil_status'],
    ]);
  });

  it('refuses a field listed twice for one civil servant', () => {
    const text = `${HEADER}\nA,Nguyễn Văn A,11443,11443,land;land,chuyen_vien,1,true\n`;
    expect(parseStaff({ name: 'staff.csv', text }, known).problems).toEqual([
      { file: 'staff.csv', line: 2, column: 'fields', value: 'land', message: 'field listed twice', code: 'import.field_twice', params: {} },
    ]);
  });

  it('does not check references to a table that is absent', () => {
    const text = `${HEADER}\nA,Nguyễn Văn A,99999,99998,anything,chuyen_vien,1,true\n`;
    expect(parseStaff({ name: 'staff.csv', text }).problems).toEqual([]);
  });
});

describe('splitFields', () => {
  it('drops blanks and spaces around ids', () => {
    expect(splitFields(' land ; ;civil_status;')).toEqual(['land', 'civil_status']);
  });
});

describe('parseStaff: known departures (leaves_on)', () => {
  const withLeaves = `${HEADER},leaves_on`;

  it('reads a table without the leaves_on column as nobody leaving', () => {
    const text = `${HEADER}\nA,Nguyễn Văn A,11443,11443,land,chuyen_vien,1,false\n`;
    const result = parseStaff({ name: 'staff.csv', text }, known);
    expect(result.warnings).toEqual([]);
    expect(result.rows[0]?.leavesOn).toBeUndefined();
  });

  it('reads a month as the first month the person no longer works, and a blank as no departure', () => {
    const text = `${withLeaves}\nA,Nguyễn Văn A,11443,11443,land,chuyen_vien,1,false,2027-03\nB,Trần Thị B,11443,11443,land,chuyen_vien,1,false,\n`;
    const result = parseStaff({ name: 'staff.csv', text }, { ...known, firstMonth: '2023-01' });
    expect(result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.rows.map((s) => s.leavesOn)).toEqual(['2027-03', undefined]);
  });

  it('refuses a leaves_on before the history, naming the file, line, column and value', () => {
    const text = `${withLeaves}\nA,Nguyễn Văn A,11443,11443,land,chuyen_vien,1,false,2022-12\n`;
    expect(parseStaff({ name: 'staff.csv', text }, { ...known, firstMonth: '2023-01' }).problems).toEqual([
      { file: 'staff.csv', line: 2, column: 'leaves_on', value: '2022-12', message: "is before the history's first month 2023-01", code: 'import.before_history', params: { first: '2023-01' } },
    ]);
  });

  it('refuses a leaves_on that is not a month', () => {
    const text = `${withLeaves}\nA,Nguyễn Văn A,11443,11443,land,chuyen_vien,1,false,31/03/2027\n`;
    const problems = parseStaff({ name: 'staff.csv', text }, known).problems;
    expect(problems.map((p) => [p.column, p.value, (p as { code?: string }).code])).toEqual([['leaves_on', '31/03/2027', 'import.month']]);
  });
});
