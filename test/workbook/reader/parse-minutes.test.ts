/**
 * parseWorkbook (src/workbook/reader/parse.ts): what the minutes take from around a vote table — the unit
 * named top left ("ỦY BAN NHÂN DÂN HUYỆN THANH SƠN" / "PHÒNG NỘI VỤ") and the date of a line
 * "Thanh Sơn, ngày 05 tháng 01 năm 2026". Conservative: what is not plainly a unit or a date is left out.
 */
import { parseWorkbook } from '../../../src/workbook/reader/parse';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/workbook/snapshot';

const sheet = (values: CellValue[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot => ({ name: 'KP', values, merges: [], tables: [], ...extra });
const book = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ sheets, names: [] });
const votes = (s: SheetSnapshot) => {
  const v = parseWorkbook(book(s)).votes;
  if (!v || v.lines.length !== 2) throw new Error('the vote table was not read');
  return v;
};

const TABLE: CellValue[][] = [
  ['STT', 'Họ và tên', 'Chức danh', 'Số phiếu đồng ý', null, null],
  [1, 'Nguyễn Văn An', 'Trưởng phòng', 15, null, null],
  [2, 'Trần Thị Bích', 'Phó Trưởng phòng', 12, null, null],
];
/** A vote sheet: `above` rows, then the table. */
const votesWith = (above: CellValue[][], extra: Partial<SheetSnapshot> = {}, below: CellValue[][] = []) => votes(sheet([...above, ...TABLE, ...below], extra));

describe('the unit, top left above the table', () => {
  test('two lines in merged cells beside the national motto, as a district office lays it out', () => {
    const v = votesWith(
      [
        ['ỦY BAN NHÂN DÂN HUYỆN THANH SƠN', null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', null, null, null],
        ['PHÒNG NỘI VỤ', null, 'Độc lập - Tự do - Hạnh phúc', null, null, null],
        [null, null, 'Thanh Sơn, ngày 05 tháng 01 năm 2026', null, null, null],
        [],
        ['KẾT QUẢ KIỂM PHIẾU GIỚI THIỆU NHÂN SỰ QUY HOẠCH', null, null, null, null, null],
        ['Hội nghị cán bộ, công chức, viên chức Phòng Nội vụ'],
        [],
      ],
      { merges: ['A1:B1', 'C1:F1', 'A2:B2', 'C2:F2', 'C3:F3', 'A5:F5', 'A6:F6'] },
    );
    expect(v.unit).toBe('ỦY BAN NHÂN DÂN HUYỆN THANH SƠN\nPHÒNG NỘI VỤ');
    expect(v.date).toBe('2026-01-05');
  });

  test('one line, unmerged, the motto further right', () => {
    const v = votesWith([['CỤC THUẾ TỈNH X', null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'], [], ['BIÊN BẢN KIỂM PHIẾU'], []]);
    expect(v.unit).toBe('CỤC THUẾ TỈNH X');
  });

  test('two lines in one cell (a line break), after a blank first row', () => {
    expect(votesWith([[], ['BỘ TÀI CHÍNH\nCỤC THUẾ TỈNH X'], [], ['DANH SÁCH KẾT QUẢ KIỂM PHIẾU'], []]).unit).toBe('BỘ TÀI CHÍNH\nCỤC THUẾ TỈNH X');
  });

  test('typed in .VnTimeH (TCVN3 capitals): read in Unicode', () => {
    expect(votesWith([['phßng néi vô'], [], ['KẾT QUẢ KIỂM PHIẾU'], []], { fonts: { A1: '.VnTimeH' } }).unit).toBe('PHÒNG NỘI VỤ');
  });

  test('the title right under the unit (no blank row between) is not part of it', () => {
    expect(votesWith([['PHÒNG NỘI VỤ'], ['KẾT QUẢ KIỂM PHIẾU'], []]).unit).toBe('PHÒNG NỘI VỤ');
  });

  test.each([
    ['a title first, merged across the page', [['KẾT QUẢ KIỂM PHIẾU GIỚI THIỆU NHÂN SỰ', null, null, null, null, null], []], ['A1:F1']],
    ['a title first, unmerged', [['BIÊN BẢN KIỂM PHIẾU'], []], []],
    ['the national motto alone, on the right', [[null, null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'], [null, null, null, 'Độc lập - Tự do - Hạnh phúc'], []], []],
    ['a unit in mixed case (not plainly a unit)', [['Phòng Nội vụ'], ['KẾT QUẢ KIỂM PHIẾU'], []], []],
    ['an upper-case text across the page', [['HỘI NGHỊ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC', null, null, null, null, null], []], ['A1:F1']],
    ['nothing above the table', [], []],
  ] as [string, CellValue[][], string[]][])('no unit: %s', (_label, above, merges) => {
    expect(votesWith(above, { merges }).unit).toBeUndefined();
  });
});

describe('the date, from a "…, ngày … tháng … năm …" line', () => {
  test.each([
    ['Thanh Sơn, ngày 05 tháng 01 năm 2026', '2026-01-05'],
    ['Hà Nội, ngày 12 tháng 3 năm 2026', '2026-03-12'],
    ['Hà Nội, ngày 12  tháng 03  năm 2026', '2026-03-12'],
    ['HÀ NỘI, NGÀY 12 THÁNG 3 NĂM 2026', '2026-03-12'],
    ['Hà Nội, 12/03/2026', '2026-03-12'],
    ['Hội nghị ngày 12/3/2026', '2026-03-12'],
    ['Hà Nội, ngày 12-03-2026', '2026-03-12'],
  ])('%s → %s', (text, iso) => {
    expect(votesWith([['PHÒNG NỘI VỤ', null, null, text], [], ['KẾT QUẢ KIỂM PHIẾU'], []]).date).toBe(iso);
  });

  test('below the table, above the signatures, when there is none above', () => {
    expect(votesWith([['KẾT QUẢ KIỂM PHIẾU'], []], {}, [[], [null, null, null, 'Thanh Sơn, ngày 5 tháng 1 năm 2026'], [null, null, null, 'TM. HỘI NGHỊ']]).date).toBe('2026-01-05');
  });

  test('the line above wins over one below', () => {
    expect(votesWith([[null, null, null, 'Thanh Sơn, ngày 05 tháng 01 năm 2026'], []], {}, [[], [null, null, null, 'Thanh Sơn, ngày 06 tháng 01 năm 2026']]).date).toBe('2026-01-05');
  });

  test.each([
    ['left blank to fill in by hand', 'Thanh Sơn, ngày …… tháng …… năm 2026'],
    ['a date that does not exist', 'Thanh Sơn, ngày 31 tháng 02 năm 2026'],
    ['a birth date', 'Ngày sinh: 12/03/1980'],
    ['a year alone in the title', 'KẾT QUẢ KIỂM PHIẾU NĂM 2026'],
    ['a term', 'Giai đoạn 2026 - 2031'],
    ['an approval date that is not the line of the place and date', 'Thông qua: 15/01/2026'],
  ])('no date: %s', (_label, text) => {
    expect(votesWith([[text], []]).date).toBeUndefined();
  });
});

test('a sheet without either gives neither (the fields are left out, not undefined)', () => {
  const v = votesWith([['Tổng số người được triệu tập: 25'], ['Số người có mặt: 20'], []]);
  expect('unit' in v || 'date' in v).toBe(false);
  expect(v.conference).toMatchObject({ convened: 25, present: 20 });
});
