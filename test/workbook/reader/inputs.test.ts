/**
 * From parsed sheets to a step's input (src/workbook/reader/inputs.ts): each vote row matched to one
 * roster row — by code, else by name and birth, else by a unique name — with coded errors.
 */
import type { RosterPerson } from '../../../src/rules';
import { buildStepInput } from '../../../src/workbook/reader/inputs';
import { matcher } from '../../../src/workbook/reader/matching';
import { parseWorkbook } from '../../../src/workbook/reader/parse';
import type { VoteLine } from '../../../src/workbook/reader/votes';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/workbook/snapshot';

const sheet = (name: string, values: CellValue[][]): SheetSnapshot => ({ name, values, merges: [], tables: [] });
const book = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ sheets, names: [] });

const person = (id: string, name: string, extra: Partial<RosterPerson> = {}, row = 2): RosterPerson => ({
  id,
  name,
  titles: [],
  inPlanning: false,
  source: { sheet: 'DS', cell: `B${row}` },
  ...extra,
});
const line = (name: string, extra: Partial<VoteLine> = {}): VoteLine => ({ row: 9, name, title: 'Trưởng phòng', nameCell: { sheet: 'KP', cell: 'B9' }, ...extra });

describe('matcher', () => {
  const an1 = person('CB01', 'Nguyễn Văn An', { code: 'CB01', birth: '1966-02-15' }, 2);
  const an2 = person('CB02', 'Nguyễn Văn An', { code: 'CB02', birth: '1970-05-01' }, 3);
  const bich = person('DS!4', 'Trần Thị Bích', { birth: '1971' }, 4);
  const match = matcher([an1, an2, bich]);

  test('by code, whatever the name says', () => {
    expect(match(line('Nguyễn V. An', { code: 'CB02' })).person).toBe(an2);
  });

  test('an unknown code falls back to the name', () => {
    expect(match(line('Trần Thị Bích', { code: 'XX' })).person).toBe(bich);
  });

  test('by name and birth where two share a name', () => {
    expect(match(line('Nguyễn Văn An', { birth: '1970-05-01' })).person).toBe(an2);
    expect(match(line('Nguyễn Văn An', { birth: '1966-02-15' })).person).toBe(an1);
  });

  test("birth '1966' matches '1966-02-15' (as far as both are known)", () => {
    expect(match(line('Nguyễn Văn An', { birth: '1966' })).person).toBe(an1);
    expect(match(line('Nguyễn Văn An', { birth: '1966-02' })).person).toBe(an1);
    expect(match(line('Trần Thị Bích', { birth: '1971-08-30' })).person).toBe(bich);
  });

  test('by a unique name, with case, spacing and Unicode form ignored', () => {
    expect(match(line('TRẦN THỊ BÍCH')).person).toBe(bich);
    expect(match(line('  Trần   Thị\u00a0Bích ')).person).toBe(bich);
    expect(match(line('Trần Thị Bích'.normalize('NFD'))).person).toBe(bich);
  });

  test('E-NO-MATCH naming the vote cell', () => {
    const m = match(line('Phạm Đức Thắng'));
    expect(m.person).toBeUndefined();
    expect(m.diagnostic).toMatchObject({ code: 'E-NO-MATCH', severity: 'error', at: { sheet: 'KP', cell: 'B9' }, params: { name: 'Phạm Đức Thắng' } });
  });

  test('E-NO-MATCH when the birth date disagrees', () => {
    expect(match(line('Trần Thị Bích', { birth: '1972' })).diagnostic?.code).toBe('E-NO-MATCH');
  });

  test('E-AMBIGUOUS-MATCH naming both roster cells', () => {
    const m = match(line('Nguyễn Văn An'));
    expect(m.person).toBeUndefined();
    expect(m.diagnostic).toMatchObject({ code: 'E-AMBIGUOUS-MATCH', severity: 'error', at: { sheet: 'KP', cell: 'B9' }, params: { name: 'Nguyễn Văn An', cells: ['DS!B2', 'DS!B3'] } });
  });

  test("E-AMBIGUOUS-MATCH when the birth is only a year both share", () => {
    const m = matcher([person('a', 'Lê Văn Tám', { birth: '1980-01-01' }, 2), person('b', 'Lê Văn Tám', { birth: '1980-12-31' }, 3)]);
    expect(m(line('Lê Văn Tám', { birth: '1980' })).diagnostic?.code).toBe('E-AMBIGUOUS-MATCH');
  });

  test('two roster rows with the same code: falls back to name and birth', () => {
    const m = matcher([person('DS!2', 'Lê Văn Tám', { code: 'X' }, 2), person('DS!3', 'Lê Văn Tư', { code: 'X' }, 3)]);
    expect(m(line('Lê Văn Tư', { code: 'X' })).person?.id).toBe('DS!3');
  });
});

describe('buildStepInput from a parsed workbook', () => {
  const roster: CellValue[][] = [
    ['STT', 'Mã cán bộ', 'Họ và tên', 'Ngày sinh', 'Chức vụ hiện tại', 'Chức danh quy hoạch'],
    [1, 'CB01', 'Nguyễn Văn An', '15/02/1966', 'Phó phòng', 'Trưởng phòng'],
    [2, 'CB02', 'Nguyễn Văn An', '01/05/1970', 'Chuyên viên', 'Phó Trưởng phòng'],
    [3, 'CB03', 'Trần Thị Bích', '1971', 'Chuyên viên', 'Phó Trưởng phòng'],
  ];
  const votes = (rows: CellValue[][]): CellValue[][] => [
    ['Tổng số người được triệu tập: 25'],
    ['Số người có mặt: 20'],
    ['STT', 'Họ và tên', 'Năm sinh', 'Chức danh', 'Số phiếu đồng ý'],
    ...rows,
  ];

  test('every vote row matched: ids from the roster, conference from the sheet', () => {
    const parsed = parseWorkbook(
      book(
        sheet('DS', roster),
        sheet('KP', votes([
          [1, 'Nguyễn Văn An', 1966, 'Trưởng phòng', 15],
          [2, 'Nguyễn Văn An', '1970', 'Phó Trưởng phòng', 11],
          [3, 'Trần Thị Bích', null, 'Phó Trưởng phòng', 9],
        ])),
      ),
    );
    const built = buildStepInput(parsed, 'next-term', 2);
    expect(built.diagnostics).toEqual([]);
    expect(built.input.votes?.map((v) => [v.id, v.agree, v.birth, v.source?.cell])).toEqual([
      ['CB01', 15, '1966', 'E4'],
      ['CB02', 11, '1970', 'E5'],
      ['CB03', 9, '1971', 'E6'],
    ]);
    expect(built.input.conference).toMatchObject({ convened: 25, present: 20 });
  });

  test('overrides of the conference numbers and a quota for every title', () => {
    const parsed = parseWorkbook(book(sheet('DS', roster), sheet('KP', votes([[1, 'Trần Thị Bích', 1971, 'Phó Trưởng phòng', 9]]))));
    const built = buildStepInput(parsed, 'next-term', 2, { convened: 30, present: 29, quota: 2 });
    expect(built.input.conference).toMatchObject({ convened: 30, present: 29 });
    expect(built.input.quota).toEqual({ 'Trưởng phòng': 2, 'Phó Trưởng phòng': 2 });
  });

  test('E-NO-MATCH and E-AMBIGUOUS-MATCH from the sheets, naming the cells; unmatched rows left out', () => {
    const parsed = parseWorkbook(
      book(
        sheet('DS', roster),
        sheet('KP', votes([
          [1, 'Nguyễn Văn An', null, 'Trưởng phòng', 15],
          [2, 'Phạm Đức Thắng', 1980, 'Trưởng phòng', 3],
          [3, 'Trần Thị Bích', 1971, 'Phó Trưởng phòng', 9],
        ])),
      ),
    );
    const built = buildStepInput(parsed, 'next-term', 2);
    expect(built.diagnostics).toEqual([
      expect.objectContaining({ code: 'E-AMBIGUOUS-MATCH', at: { sheet: 'KP', cell: 'B4' }, params: expect.objectContaining({ cells: ['DS!C2', 'DS!C3'] }) }),
      expect.objectContaining({ code: 'E-NO-MATCH', at: { sheet: 'KP', cell: 'B5' } }),
    ]);
    expect(built.input.votes?.map((v) => v.id)).toEqual(['CB03']);
  });

  test('no roster: W-NO-ROSTER, the rows still given, each with its cell', () => {
    const parsed = parseWorkbook(book(sheet('KP', votes([[1, 'Trần Thị Bích', 1971, 'Phó Trưởng phòng', 9]]))));
    const built = buildStepInput(parsed, 'next-term', 2);
    expect(built.diagnostics.map((d) => d.code)).toEqual(['W-NO-ROSTER']);
    expect(built.input.votes).toEqual([expect.objectContaining({ name: 'Trần Thị Bích', agree: 9, source: { sheet: 'KP', cell: 'E4' } })]);
    expect(built.input.votes?.[0].id).toBeTruthy();
  });

  test('a voting step without a vote sheet: E-SHEET-NOT-FOUND', () => {
    const parsed = parseWorkbook(book(sheet('DS', roster)));
    expect(buildStepInput(parsed, 'next-term', 2).diagnostics.map((d) => d.code)).toEqual(['E-SHEET-NOT-FOUND']);
  });

  test('a removal count alone for a nomination step: E-NO-VOTE-COLUMN', () => {
    const parsed = parseWorkbook(
      book(sheet('DS', roster), sheet('KP', [['STT', 'Họ và tên', 'Năm sinh', 'Số phiếu đồng ý đưa ra khỏi quy hoạch'], [1, 'Trần Thị Bích', 1971, 2]])),
    );
    expect(buildStepInput(parsed, 'next-term', 2).diagnostics.map((d) => d.code)).toContain('E-NO-VOTE-COLUMN');
    const removal = buildStepInput(parsed, 'annual-local', 1);
    expect(removal.diagnostics.map((d) => d.code)).not.toContain('E-NO-VOTE-COLUMN');
    expect(removal.input.removals?.map((v) => [v.id, v.agree])).toEqual([['CB03', 2]]);
  });
});
