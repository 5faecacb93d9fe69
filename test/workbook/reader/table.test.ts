/**
 * Finding a table the way a person would (src/workbook/reader/table.ts): header below title rows,
 * header text in any spelling, two-row headers under merges, numbering rows, the table's end,
 * Excel tables, section rows, and areas an earlier run owns.
 */
import { parseRange } from '../../../src/workbook/address';
import { ROSTER, VOTES } from '../../../src/workbook/reader/layouts';
import type { CellValue, SheetSnapshot } from '../../../src/workbook/snapshot';
import { cellsOf, findTable } from '../../../src/workbook/reader/rows';
import { SheetView } from '../../../src/workbook/reader/sheet-view';

const sheet = (values: CellValue[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot => ({ name: 'Sheet1', values, merges: [], tables: [], ...extra });
const view = (values: CellValue[][], extra: Partial<SheetSnapshot> = {}, hidden: string[] = []) =>
  new SheetView(sheet(values, extra), hidden.map((r) => parseRange(r)!));
const names = (t: ReturnType<typeof findTable>) => t!.rows.map((r) => cellsOf(t!, r).name.value);

const TITLES: CellValue[][] = [
  ['ĐẢNG ỦY XÃ AN BÌNH', null, null, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'],
  [null, null, null, 'Độc lập - Tự do - Hạnh phúc'],
  [],
  ['DANH SÁCH TRÍCH NGANG'],
  ['Kết quả kiểm phiếu giới thiệu quy hoạch giai đoạn 2026 - 2031'],
  [null],
];

describe('header row', () => {
  test('found below title rows and blank lines', () => {
    const t = findTable(view([...TITLES, ['STT', 'Họ và tên', 'Ngày sinh', 'Số phiếu đồng ý'], [1, 'Nguyễn Văn An', '15/02/1966', 20], [2, 'Trần Thị Bích', '1970', 18]]), VOTES);
    expect(t).toBeDefined();
    expect(t!.headerTop).toBe(7);
    expect(t!.headerBottom).toBe(7);
    expect(t!.columns).toMatchObject({ name: 2, birth: 3, agree: 4 });
    expect(names(t)).toEqual(['Nguyễn Văn An', 'Trần Thị Bích']);
    expect(t!.rows.map((r) => r.row)).toEqual([8, 9]);
    expect(t!.end).toBe(10);
  });

  test.each([
    'Họ và tên',
    'Họ tên',
    'Họ, tên',
    'HỌ VÀ\nTÊN',
    'Ho va ten',
    'HO VA TEN',
    'Họ  và   tên',
    ' Họ và tên ',
    'Họ và tên'.normalize('NFD'),
    'Họ và\r\ntên cán bộ',
    'Họ và tên (1)',
  ])('name header spelled %j', (label) => {
    const t = findTable(view([['STT', label, 'Năm sinh', 'Số phiếu'], [1, 'Lê Hồng Phúc', 1970, 12]]), VOTES);
    expect(t?.columns.name).toBe(2);
    expect(names(t)).toEqual(['Lê Hồng Phúc']);
  });

  test.each(['Số phiếu', 'Số phiếu đồng ý', 'Đồng ý', 'SỐ PHIẾU\nĐỒNG Ý', 'So phieu dong y', 'Số phiếu tán thành', 'Phiếu đồng ý'])('agree header spelled %j', (label) => {
    const t = findTable(view([['STT', 'Họ và tên', label], [1, 'Lê Hồng Phúc', 12]]), VOTES);
    expect(t?.columns.agree).toBe(3);
  });

  test('"Không đồng ý" and "Tỷ lệ đồng ý" are not the agree column', () => {
    const t = findTable(view([['STT', 'Họ và tên', 'Không đồng ý', 'Tỷ lệ đồng ý (%)', 'Đồng ý'], [1, 'Lê Hồng Phúc', 3, '80%', 12]]), VOTES);
    expect(t?.columns.agree).toBe(5);
  });

  test('no header: no table', () => {
    expect(findTable(view([['Tên', 'Tuổi'], ['An', 3]]), VOTES)).toBeUndefined();
    expect(findTable(view([]), VOTES)).toBeUndefined();
    expect(findTable(view([[], [], []]), VOTES)).toBeUndefined();
  });

  test('a header further down than 40 rows is not looked for', () => {
    const pad: CellValue[][] = Array.from({ length: 45 }, (_, i) => [`Ghi chú ${i}`]);
    expect(findTable(view([...pad, ['STT', 'Họ và tên', 'Số phiếu'], [1, 'An', 3]]), VOTES)).toBeUndefined();
  });
});

describe('two-row header under merged cells', () => {
  const values: CellValue[][] = [
    ['KẾT QUẢ KIỂM PHIẾU'],
    [],
    ['STT', 'Họ và tên', 'Ngày, tháng, năm sinh', null, 'Chức danh', 'Số phiếu đồng ý'],
    [null, null, 'Nam', 'Nữ', null, null],
    [1, 'Nguyễn Văn An', '15/02/1966', null, 'Trưởng phòng', 20],
    [2, 'Trần Thị Bích', null, '03/04/1972', 'Phó Trưởng phòng', 18],
  ];
  const merges = ['A3:A4', 'B3:B4', 'C3:D3', 'E3:E4', 'F3:F4'];

  test('"Nam"/"Nữ" under "Ngày, tháng, năm sinh" are birth columns that give the gender', () => {
    const t = findTable(view(values, { merges }), VOTES);
    expect(t).toBeDefined();
    expect(t!.headerTop).toBe(3);
    expect(t!.headerBottom).toBe(4);
    expect(t!.columns).toMatchObject({ name: 2, birthMale: 3, birthFemale: 4, title: 5, agree: 6 });
    expect(t!.rows.map((r) => r.row)).toEqual([5, 6]);
  });

  test('the same for a roster', () => {
    const roster: CellValue[][] = [
      ['DANH SÁCH TRÍCH NGANG'],
      ['TT', 'Họ và tên', 'Ngày tháng năm sinh', null, 'Chức vụ hiện tại', 'Đơn vị công tác'],
      [null, null, 'Nam', 'Nữ'],
      [1, 'Nguyễn Văn An', '15/02/1966', null, 'Phó phòng', 'Phòng Tổ chức'],
    ];
    const t = findTable(view(roster, { merges: ['A2:A3', 'B2:B3', 'C2:D2', 'E2:E3', 'F2:F3'] }), ROSTER);
    expect(t?.columns).toMatchObject({ name: 2, birthMale: 3, birthFemale: 4, post: 5, unit: 6 });
    expect(t?.rows.map((r) => r.row)).toEqual([4]);
  });

  test('a title row above a one-row header, separated by a blank row, is not read as part of it', () => {
    const t = findTable(view([['Danh sách cán bộ được giới thiệu', null, null], [], ['STT', 'Họ và tên', 'Số phiếu'], [1, 'Nguyễn Văn An', 3]], { merges: ['A1:C1'] }), VOTES);
    expect(t?.headerTop).toBe(3);
    expect(t?.headerBottom).toBe(3);
  });

  test('a merged title directly above a one-row header is not part of it', () => {
    const t = findTable(view([['Danh sách cán bộ được giới thiệu', null, null], ['STT', 'Họ và tên', 'Số phiếu'], [1, 'Nguyễn Văn An', 3]], { merges: ['A1:C1'] }), VOTES);
    expect(t?.headerTop).toBe(2);
    expect(t?.headerBottom).toBe(2);
  });

  test('a merged removal title does not turn a column into removal votes', () => {
    const t = findTable(
      view(
        [
          ['KẾT QUẢ KIỂM PHIẾU ĐƯA RA KHỎI QUY HOẠCH', null, null, null],
          ['STT', 'Họ và tên', 'Năm sinh', 'Số phiếu đồng ý'],
          [1, 'Nguyễn Văn An', 1966, 3],
        ],
        { merges: ['A1:D1'] },
      ),
      VOTES,
    );
    expect(t?.headerTop).toBe(2);
    expect(t?.columns.removeAgree).toBeUndefined();
    expect(t?.columns).toMatchObject({ name: 2, birth: 3, agree: 4 });
  });

  test('a merged title naming the post does not make "Ghi chú" the title column', () => {
    const t = findTable(
      view(
        [
          ['KẾT QUẢ KIỂM PHIẾU GIỚI THIỆU QUY HOẠCH CHỨC DANH TRƯỞNG PHÒNG', null, null, null, null],
          ['STT', 'Họ và tên', 'Năm sinh', 'Số phiếu đồng ý', 'Ghi chú'],
          [1, 'Nguyễn Văn An', 1966, 3, null],
        ],
        { merges: ['A1:E1'] },
      ),
      VOTES,
    );
    expect(t?.headerTop).toBe(2);
    expect(t?.columns.title).toBeUndefined();
  });
});

describe('numbering row', () => {
  test.each([
    [['(1)', '(2)', '(3)', '(4)']],
    [[1, 2, 3, 4]],
    [['A', 'B', 'C', 'D']],
    [['1', '2', '3', '4=2+3']],
  ])('a row of column numbers %j under the header is skipped', (numbers) => {
    const t = findTable(view([['STT', 'Họ và tên', 'Ngày sinh', 'Số phiếu'], numbers, [1, 'Nguyễn Văn An', '1966', 20]]), VOTES);
    expect(t?.rows.map((r) => r.row)).toEqual([3]);
    expect(names(t)).toEqual(['Nguyễn Văn An']);
  });
});

describe('end of the table', () => {
  const head: CellValue[][] = [['STT', 'Họ và tên', 'Số phiếu đồng ý'], [1, 'Nguyễn Văn An', 20], [2, 'Trần Thị Bích', 18]];

  test('a blank row where the table goes on after it is passed over (and named), not the end', () => {
    const t = findTable(view([...head, [], [3, 'Lê Hồng Phúc', 7], ['Tổng số người được triệu tập: 25']]), VOTES);
    expect(names(t)).toEqual(['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Hồng Phúc']);
    expect(t!.skipped).toEqual([{ from: 4, to: 4, reason: 'blank' }]);
    expect(t!.ended).toEqual({ row: 6, reason: 'text' });
    expect(t!.end).toBe(6);
  });

  test('at a blank row followed by anything but a person (a line of conference numbers)', () => {
    const t = findTable(view([...head, [], ['Tổng số người được triệu tập: 25'], [3, 'Lê Hồng Phúc', 7]]), VOTES);
    expect(names(t)).toEqual(['Nguyễn Văn An', 'Trần Thị Bích']);
    expect(t!.ended).toEqual({ row: 5, reason: 'blank' });
    expect(t!.end).toBe(4);
  });

  test('a row blank inside the table columns (text only outside them) is a blank row', () => {
    const t = findTable(view([...head, [null, null, null, 'ghi chú ngoài bảng'], [3, 'Lê Hồng Phúc', 7]]), VOTES);
    expect(names(t)).toEqual(['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Hồng Phúc']);
  });

  test.each(['TỔ KIỂM PHIẾU', 'Tổ kiểm phiếu', 'TM. TỔ KIỂM PHIẾU', 'Người lập biểu', 'NGƯỜI LẬP BIỂU', 'Tổng cộng', 'Thư ký'])('at a signature or total row %j', (ender) => {
    const t = findTable(view([...head, [null, ender, null], [null, 'Nguyễn Văn Cường', null], [3, 'Lê Hồng Phúc', 7]]), VOTES);
    expect(names(t)).toEqual(['Nguyễn Văn An', 'Trần Thị Bích']);
    // A totals row is the table's own (passed over); a signature is not.
    expect(t!.end).toBe(ender === 'Tổng cộng' ? 5 : 4);
  });

  test('a signature block in the first column ends the table too', () => {
    const t = findTable(view([...head, ['TỔ KIỂM PHIẾU', null, 'CHỦ TRÌ HỘI NGHỊ'], [null, 'Nguyễn Văn Cường', 5]]), VOTES);
    expect(names(t)).toEqual(['Nguyễn Văn An', 'Trần Thị Bích']);
  });

  test('a name that contains an ender word further in is data', () => {
    const t = findTable(view([...head, [3, 'Nguyễn Công Tâm', 9], [4, 'Lê Thư Ký', 4]]), VOTES);
    expect(names(t)).toEqual(['Nguyễn Văn An', 'Trần Thị Bích', 'Nguyễn Công Tâm', 'Lê Thư Ký']);
  });

  test('"T/M TỔ KIỂM PHIẾU" ends the table', () => {
    const t = findTable(view([...head, [null, 'T/M TỔ KIỂM PHIẾU', null], [null, 'Nguyễn Văn Cường', null]]), VOTES);
    expect(names(t)).toEqual(['Nguyễn Văn An', 'Trần Thị Bích']);
  });

  // "cong" (meant for "Cộng") and "thu ky" are enders; a row that starts with its STT number is data
  // even when the name starts with such a word (a person whose surname is Công).
  test('a person whose surname is Công is data, not a total row', () => {
    const t = findTable(view([...head, [3, 'Công Văn Tâm', 9], [4, 'Lê Hồng Phúc', 4]]), VOTES);
    expect(names(t)).toEqual(['Nguyễn Văn An', 'Trần Thị Bích', 'Công Văn Tâm', 'Lê Hồng Phúc']);
  });
});

describe('Excel tables (ListObjects)', () => {
  test('read within the table range; blank rows inside do not end it; rows below are not read', () => {
    const values: CellValue[][] = [
      ['Bảng kiểm phiếu'],
      [],
      [null, 'TT', 'Họ và tên', 'Năm sinh', 'Đồng ý'],
      [null, 1, 'Nguyễn Văn An', 1966, 20],
      [null, null, null, null, null],
      [null, 3, 'Lê Hồng Phúc', 1970, 7],
      [null, 4, 'Phạm Đức Thắng', 1975, 9],
    ];
    const t = findTable(view(values, { tables: [{ name: 'KiemPhieu', range: 'B3:E6' }] }), VOTES);
    expect(t?.headerTop).toBe(3);
    expect(t?.columns).toMatchObject({ name: 3, birth: 4, agree: 5 });
    expect(names(t)).toEqual(['Nguyễn Văn An', 'Lê Hồng Phúc']);
  });

  test('an Excel table whose header names nothing is passed over for the sheet header', () => {
    const values: CellValue[][] = [
      ['Cột1', 'Cột2'],
      ['a', 'b'],
      [],
      ['STT', 'Họ và tên', 'Số phiếu'],
      [1, 'Nguyễn Văn An', 3],
    ];
    const t = findTable(view(values, { tables: [{ name: 'T', range: 'A1:B2' }] }), VOTES);
    expect(t?.headerTop).toBe(4);
    expect(names(t)).toEqual(['Nguyễn Văn An']);
  });

  test('a table range that is not A1 is ignored', () => {
    const t = findTable(view([['STT', 'Họ và tên', 'Số phiếu'], [1, 'Nguyễn Văn An', 3]], { tables: [{ name: 'T', range: 'nonsense' }] }), VOTES);
    expect(names(t)).toEqual(['Nguyễn Văn An']);
  });

  test('a first data row with a two-letter name is a person, not the row of column numbers', () => {
    const t = findTable(view([['STT', 'Họ và tên', 'Số phiếu'], [1, 'An', 3], [2, 'Nguyễn Văn Bình', 4]]), VOTES);
    expect(names(t)).toEqual(['An', 'Nguyễn Văn Bình']);
  });
});

describe('section rows', () => {
  const rows = (t: ReturnType<typeof findTable>) => t?.rows.map((r) => [cellsOf(t!, r).name.value, r.section]);
  const expected = [
    ['Nguyễn Văn An', 'I. Chức danh Trưởng phòng'],
    ['Trần Thị Bích', 'I. Chức danh Trưởng phòng'],
    ['Lê Hồng Phúc', 'II. Chức danh Phó Trưởng phòng'],
  ];

  test('a heading in the STT column merged across the table is a section, recorded on the rows below', () => {
    const values: CellValue[][] = [
      ['STT', 'Họ và tên', 'Năm sinh', 'Số phiếu đồng ý'],
      ['I. Chức danh Trưởng phòng', null, null, null],
      [1, 'Nguyễn Văn An', 1966, 20],
      [2, 'Trần Thị Bích', 1970, 18],
      ['II. Chức danh Phó Trưởng phòng', null, null, null],
      [1, 'Lê Hồng Phúc', 1975, 9],
    ];
    expect(rows(findTable(view(values, { merges: ['A2:D2', 'A5:D5'] }), VOTES))).toEqual(expected);
  });

  test('unmerged, a lone heading in the STT column is a section too', () => {
    const values: CellValue[][] = [
      ['STT', 'Họ và tên', 'Năm sinh', 'Số phiếu đồng ý'],
      ['I. Chức danh Trưởng phòng'],
      [1, 'Nguyễn Văn An', 1966, 20],
      [2, 'Trần Thị Bích', 1970, 18],
      ['II. Chức danh Phó Trưởng phòng'],
      [1, 'Lê Hồng Phúc', 1975, 9],
    ];
    expect(rows(findTable(view(values), VOTES))).toEqual(expected);
  });

  test('a heading merged across the table from the name column is a section', () => {
    const values: CellValue[][] = [
      ['STT', 'Họ và tên', 'Năm sinh', 'Số phiếu đồng ý'],
      [null, 'I. Chức danh Trưởng phòng', null, null],
      [1, 'Nguyễn Văn An', 1966, 20],
      [2, 'Trần Thị Bích', 1970, 18],
      [null, 'II. Chức danh Phó Trưởng phòng', null, null],
      [1, 'Lê Hồng Phúc', 1975, 9],
    ];
    expect(rows(findTable(view(values, { merges: ['B2:D2', 'B5:D5'] }), VOTES))).toEqual(expected);
  });

  test('a lone, unmerged "I. Chức danh …" in the name column is a section heading', () => {
    const values: CellValue[][] = [
      ['STT', 'Họ và tên', 'Năm sinh', 'Số phiếu đồng ý'],
      [null, 'I. Chức danh Trưởng phòng'],
      [1, 'Nguyễn Văn An', 1966, 20],
      [2, 'Trần Thị Bích', 1970, 18],
      [null, 'II. Chức danh Phó Trưởng phòng'],
      [1, 'Lê Hồng Phúc', 1975, 9],
    ];
    expect(rows(findTable(view(values), VOTES))).toEqual(expected);
  });

  test('"I" in STT and "Chức danh Trưởng phòng" in the name column is a section heading', () => {
    const values: CellValue[][] = [
      ['STT', 'Họ và tên', 'Năm sinh', 'Số phiếu đồng ý'],
      ['I', 'Chức danh Trưởng phòng'],
      [1, 'Nguyễn Văn An', 1966, 20],
    ];
    const t = findTable(view(values), VOTES);
    expect(t?.rows.map((r) => cellsOf(t!, r).name.value)).toEqual(['Nguyễn Văn An']);
    expect(t?.rows[0].section).toMatch(/Trưởng phòng/);
  });
});

describe('owned areas of an earlier run', () => {
  // The user's vote column is headed "Đồng ý"; an earlier run wrote its result columns beside it,
  // one headed "Số phiếu đồng ý" (a longer, better match) — it must not be read.
  const values: CellValue[][] = [
    ['STT', 'Họ và tên', 'Đồng ý', 'Số phiếu đồng ý', 'Kết quả'],
    [1, 'Nguyễn Văn An', 20, 99, 'Đạt'],
    [2, 'Trần Thị Bích', 18, 98, 'Đạt'],
    [null, null, null, 'x', 'x'],
    [null, null, null, 'x', 'x'],
  ];

  test('without hiding, the result column would be taken (the reason owned areas are hidden)', () => {
    expect(findTable(view(values), VOTES)?.columns.agree).toBe(4);
  });

  test('hidden: the user columns are read, and the owned cells below the table do not extend it', () => {
    const t = findTable(view(values, {}, ['D1:E5']), VOTES);
    expect(t?.columns.agree).toBe(3);
    expect(t?.rows.map((r) => cellsOf(t!, r).agree.value)).toEqual([20, 18]);
    expect(t?.right).toBe(3);
  });

  test('SheetView: hidden cells read as empty, other cells as stored; merges show their origin', () => {
    const v = view([['a', 'b'], ['c', 'd']], { merges: ['A1:B1'] }, ['B2']);
    expect(v.value(2, 2)).toBeNull();
    expect(v.value(2, 1)).toBe('c');
    expect(v.shown(1, 2)).toBe('a');
    expect(v.value(1, 2)).toBe('b');
    expect(v.value(99, 99)).toBeNull();
  });
});

describe('rating columns', () => {
  test('"Xếp loại năm 2023", "Đánh giá 2024" are rating years', () => {
    const t = findTable(
      view([['STT', 'Họ và tên', 'Năm sinh', 'Chức vụ', 'Xếp loại năm 2023', 'Đánh giá, xếp loại 2024'], [1, 'An', 1970, 'Phó phòng', 'HTTNV', 'HTXSNV']]),
      ROSTER,
    );
    expect(t?.ratingYears).toEqual([
      { year: 2023, col: 5 },
      { year: 2024, col: 6 },
    ]);
    expect(cellsOf(t!, t!.rows[0])['rating:2024'].value).toBe('HTXSNV');
  });
});
