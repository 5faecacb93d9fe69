/**
 * The layout families offices keep (issue 14), read from snapshots built in memory: column groups
 * per title, sections with blank rows between, counts in prose and fractions, two tables in a sheet,
 * several candidate vote columns, repeated headers, totals and names with a post after them.
 * Each: the lines read, and what was left out named (never a different outcome in silence).
 */
import { parseWorkbook, type ParseOptions } from '../../../src/workbook/reader/parse';
import { countFacts } from '../../../src/workbook/reader/counts-text';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/workbook/snapshot';

const sheet = (name: string, values: CellValue[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot => ({ name, values, merges: [], tables: [], ...extra });
const book = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ sheets, names: [] });
const parse = (s: SheetSnapshot, options: ParseOptions = {}) => parseWorkbook(book(s), options);
const lines = (p: ReturnType<typeof parseWorkbook>) => (p.votes?.lines ?? []).map((l) => [l.name, l.title, l.agree ?? null, l.removeAgree ?? null]);
const codes = (p: ReturnType<typeof parseWorkbook>) => p.diagnostics.map((d) => d.code);
const at = (p: ReturnType<typeof parseWorkbook>, code: string) => p.diagnostics.filter((d) => d.code === code).map((d) => d.at?.cell);

describe('1. column groups per title', () => {
  const rows: CellValue[][] = [
    ['KẾT QUẢ KIỂM PHIẾU GIỚI THIỆU NHÂN SỰ QUY HOẠCH'],
    ['Tổng số người được triệu tập: 25'],
    ['Số người có mặt: 20'],
    ['STT', 'Họ và tên', 'Chức danh Trưởng phòng', null, 'Chức danh Phó Trưởng phòng', null],
    [null, null, 'Số phiếu', 'Tỷ lệ %', 'Số phiếu', 'Tỷ lệ %'],
    [1, 'Nguyễn Văn An', 12, 60, null, null],
    [2, 'Trần Thị Bích', 7, 35, 9, 45],
    [3, 'Lê Văn Cường', null, null, 14, 70],
  ];
  const merges = ['A4:A5', 'B4:B5', 'C4:D4', 'E4:F4'];

  test('one row per person, a line per title counted; the deeper header wins over its lower row', () => {
    const p = parse(sheet('KP', rows, { merges }));
    expect(lines(p)).toEqual([
      ['Nguyễn Văn An', 'Trưởng phòng', 12, null],
      ['Trần Thị Bích', 'Trưởng phòng', 7, null],
      ['Trần Thị Bích', 'Phó Trưởng phòng', 9, null],
      ['Lê Văn Cường', 'Phó Trưởng phòng', 14, null],
    ]);
    expect(p.votes?.table.headerTop).toBe(4);
    expect(p.votes?.table.headerBottom).toBe(5);
    expect(p.votes?.lines.map((l) => l.agreeCell?.cell)).toEqual(['C6', 'C7', 'E7', 'E8']);
    expect(p.diagnostics).toEqual([]);
    // The report names the group's columns with their title, the percent columns as the sheet's own arithmetic.
    const t = p.read.sheets[0].tables[0];
    expect(t.columns.filter((c) => c.field === 'agree')).toEqual([
      { field: 'agree', col: 'C', header: 'Chức danh Trưởng phòng / Số phiếu', title: 'Chức danh Trưởng phòng' },
      { field: 'agree', col: 'E', header: 'Chức danh Phó Trưởng phòng / Số phiếu', title: 'Chức danh Phó Trưởng phòng' },
    ]);
    expect(t.skippedColumns.map((c) => [c.col, c.reason])).toEqual([
      ['D', 'computed'],
      ['F', 'computed'],
    ]);
  });

  test('"Giới thiệu quy hoạch chức danh" over the titles over "Số phiếu | Tỷ lệ" (three header rows)', () => {
    const three: CellValue[][] = [
      ['STT', 'Họ và tên', 'Giới thiệu quy hoạch chức danh', null, null, null],
      [null, null, 'Trưởng phòng', null, 'Phó Trưởng phòng', null],
      [null, null, 'Số phiếu', 'Tỷ lệ', 'Số phiếu', 'Tỷ lệ'],
      [1, 'Nguyễn Văn An', 12, 60, null, null],
      [2, 'Trần Thị Bích', null, null, 9, 45],
    ];
    const p = parse(sheet('KP', three, { merges: ['A1:A3', 'B1:B3', 'C1:F1', 'C2:D2', 'E2:F2'] }));
    expect(lines(p)).toEqual([
      ['Nguyễn Văn An', 'Trưởng phòng', 12, null],
      ['Trần Thị Bích', 'Phó Trưởng phòng', 9, null],
    ]);
  });

  test('removal votes in groups "Đồng ý đưa ra | Không đồng ý" over "Số phiếu | Tỷ lệ": the agree-to-remove count only', () => {
    const removal: CellValue[][] = [
      ['STT', 'Họ và tên', 'Chức danh quy hoạch', 'Đồng ý đưa ra khỏi quy hoạch', null, 'Không đồng ý', null],
      [null, null, null, 'Số phiếu', 'Tỷ lệ', 'Số phiếu', 'Tỷ lệ'],
      [1, 'Nguyễn Văn An', 'Trưởng phòng', 13, 52, 7, 28],
      [2, 'Vũ Thị Giang', 'Phó Trưởng phòng', 2, 8, 18, 72],
    ];
    const p = parse(sheet('KP rà soát', removal, { merges: ['A1:A2', 'B1:B2', 'C1:C2', 'D1:E1', 'F1:G1'] }));
    expect(lines(p)).toEqual([
      ['Nguyễn Văn An', 'Trưởng phòng', null, 13],
      ['Vũ Thị Giang', 'Phó Trưởng phòng', null, 2],
    ]);
    expect(p.votes?.hasRemoval).toBe(true);
    expect(p.votes?.hasAgree).toBe(false);
  });
});

describe('2. section rows with blank rows between; titles as a person compares them', () => {
  const rows: CellValue[][] = [
    ['STT', 'Họ và tên', 'Năm sinh', 'Số phiếu đồng ý'],
    ['I. CHỨC DANH TRƯỞNG PHÒNG'],
    [1, 'Nguyễn Văn An', 1980, 12],
    [2, 'Trần Thị Bích', 1985, 6],
    [],
    ['II. Chức danh Phó trưởng phòng'],
    [1, 'Vũ Thị Giang', 1983, 14],
    [],
    [],
    ['3. Phó Trưởng phòng:'],
    [2, 'Đặng Văn Hùng', 1979, 7],
    [],
    ['TỔ KIỂM PHIẾU'],
  ];

  test('every section is read; the blank rows are passed over and named; one spelling per title', () => {
    const p = parse(sheet('KP', rows), { titles: ['Phó Trưởng phòng'] });
    expect(lines(p)).toEqual([
      ['Nguyễn Văn An', 'Trưởng phòng', 12, null],
      ['Trần Thị Bích', 'Trưởng phòng', 6, null],
      ['Vũ Thị Giang', 'Phó Trưởng phòng', 14, null],
      ['Đặng Văn Hùng', 'Phó Trưởng phòng', 7, null],
    ]);
    const t = p.read.sheets[0].tables[0];
    expect(t.skippedRows).toEqual([
      { from: 2, to: 2, reason: 'section' },
      { from: 5, to: 5, reason: 'blank' },
      { from: 6, to: 6, reason: 'section' },
      { from: 8, to: 9, reason: 'blank' },
      { from: 10, to: 10, reason: 'section' },
    ]);
    expect(t.ended).toEqual({ row: 13, reason: 'signature' });
    expect(p.diagnostics).toEqual([]);
  });

  test('a title in capitals only is printed in one tidy form', () => {
    const p = parse(sheet('KP', [rows[0], ['I. CHỨC DANH PHÓ TRƯỞNG PHÒNG'], [1, 'Vũ Thị Giang', 1983, 14], ['II. phó trưởng phòng'], [2, 'Đặng Văn Hùng', 1979, 7]]));
    expect(p.votes?.lines.map((l) => l.title)).toEqual(['Phó Trưởng phòng', 'Phó Trưởng phòng']);
  });

  test('a section row typed in TCVN3 (.VnTimeH) is converted before it is read', () => {
    const p = parse(sheet('KP', [rows[0], ['I. Chøc danh Tr­ëng phßng'], [1, 'Nguyễn Văn An', 1980, 12]], { fonts: { A2: '.VnTime' } }));
    expect(p.votes?.lines.map((l) => l.title)).toEqual(['Trưởng phòng']);
  });
});

describe('3. counts written in prose or as fractions', () => {
  test.each([
    ['Có mặt: 20/25 đồng chí được triệu tập (vắng 05 đồng chí)', { present: 20, convened: 25, absent: 5 }],
    ['Tổng số đại biểu được triệu tập 25 đồng chí, có mặt 20 đồng chí', { convened: 25, present: 20 }],
    ['Số phiếu phát ra: 20; thu vào: 20; hợp lệ: 19; không hợp lệ: 1', { issued: 20, returned: 20, valid: 19, invalid: 1 }],
    ['Tổng số đảng viên của chi bộ 25 đồng chí; số đảng viên dự sinh hoạt 21 đồng chí; vắng mặt 04 đồng chí', { convened: 25, present: 21, absent: 4 }],
    ['25 đồng chí được triệu tập, có mặt 20, ngày 05/01/2026', { convened: 25, present: 20 }],
    ['Có mặt 20 đồng chí, trong đó nữ 8 đồng chí', { present: 20 }],
  ])('%s', (text, expected) => {
    expect(Object.fromEntries(countFacts(text).map((f) => [f.field, f.value]))).toEqual(expected);
  });

  const table: CellValue[][] = [
    ['STT', 'Họ và tên', 'Chức danh', 'Số phiếu đồng ý'],
    [1, 'Nguyễn Văn An', 'Trưởng phòng', '7/20'],
    [2, 'Trần Thị Bích', 'Trưởng phòng', '12/20 phiếu (60%)'],
  ];

  test('a fraction and a sentence are read; the conference numbers come from the sentence', () => {
    const p = parse(sheet('KP', [['Có mặt: 20/25 đồng chí được triệu tập (vắng 05 đồng chí)'], [], ...table]));
    expect(lines(p)).toEqual([
      ['Nguyễn Văn An', 'Trưởng phòng', 7, null],
      ['Trần Thị Bích', 'Trưởng phòng', 12, null],
    ]);
    expect(p.votes?.lines.map((l) => l.agreeOf)).toEqual([20, 20]);
    expect(p.votes?.conference).toMatchObject({ convened: 25, present: 20 });
    expect(p.diagnostics).toEqual([]);
  });

  test('present + absent ≠ convened stops with an error naming the cells', () => {
    const p = parse(sheet('KP', [['Tổng số người được triệu tập: 25'], ['Có mặt: 20 đồng chí, vắng 04 đồng chí'], [], ...table]));
    expect(codes(p)).toEqual(['E-ATTENDANCE-SUM']);
    expect(p.diagnostics[0].params).toMatchObject({ convenedCell: 'A1', presentCell: 'A2', absentCell: 'A2' });
  });

  test('a number stated twice, differently, is an error naming both cells', () => {
    const p = parse(sheet('KP', [['Tổng số người được triệu tập: 25'], ['Có mặt: 20/26 đồng chí được triệu tập'], [], ...table]));
    expect(codes(p)).toEqual(['E-COUNTS-DISAGREE']);
    expect(p.diagnostics[0].params).toMatchObject({ field: 'convened', first: 25, second: 26, firstCell: 'A1', secondCell: 'A2' });
  });

  test('a percent that does not agree with its fraction is an error at the cell', () => {
    const p = parse(sheet('KP', [table[0], [1, 'Nguyễn Văn An', 'Trưởng phòng', '7/20 phiếu (45%)']]));
    expect(at(p, 'E-VOTE-PERCENT-MISMATCH')).toEqual(['D2']);
  });
});

describe('4. two tables in one sheet', () => {
  const removal: CellValue[][] = [
    ['BIÊN BẢN KIỂM PHIẾU RÀ SOÁT QUY HOẠCH NĂM 2026'],
    ['Hội nghị cán bộ, công chức, viên chức'],
    ['Tổng số người được triệu tập: 25; có mặt: 20'],
    ['A. ĐƯA RA KHỎI QUY HOẠCH'],
    ['STT', 'Họ và tên', 'Chức danh', 'Số phiếu đồng ý đưa ra khỏi quy hoạch'],
    [1, 'Nguyễn Văn An', 'Trưởng phòng', 13],
    [2, 'Vũ Thị Giang', 'Phó Trưởng phòng', 2],
    [],
    ['B. GIỚI THIỆU BỔ SUNG QUY HOẠCH'],
    ['STT', 'Họ và tên', 'Chức danh', 'Số phiếu đồng ý'],
    [1, 'Phạm Thị Dung', 'Trưởng phòng', 7],
    [2, 'Bùi Thị Lan', 'Phó Trưởng phòng', 6],
    [],
    ['TỔ KIỂM PHIẾU'],
  ];

  test('the removal table and the nomination table of one conference are both read', () => {
    const p = parse(sheet('Biên bản', removal));
    expect(lines(p)).toEqual([
      ['Nguyễn Văn An', 'Trưởng phòng', null, 13],
      ['Vũ Thị Giang', 'Phó Trưởng phòng', null, 2],
      ['Phạm Thị Dung', 'Trưởng phòng', 7, null],
      ['Bùi Thị Lan', 'Phó Trưởng phòng', 6, null],
    ]);
    expect(p.votes?.tables.map((t) => t.headerTop)).toEqual([5, 10]);
    expect(p.read.sheets[0].tables.map((t) => t.ended?.reason)).toEqual(['next-table', 'signature']);
    expect(p.votes?.conference).toMatchObject({ convened: 25, present: 20 });
    expect(p.diagnostics).toEqual([]);
  });

  test('two conferences one under the other: the one asked for is read, the other named', () => {
    const two: CellValue[][] = [
      ['Hội nghị cán bộ, công chức, viên chức'],
      ['Tổng số người được triệu tập: 25; có mặt: 20'],
      ['STT', 'Họ và tên', 'Chức danh', 'Số phiếu đồng ý'],
      [1, 'Nguyễn Văn An', 'Trưởng phòng', 13],
      [],
      ['Hội nghị tập thể lãnh đạo'],
      ['Tổng số người được triệu tập: 9; có mặt: 9'],
      ['STT', 'Họ và tên', 'Chức danh', 'Số phiếu đồng ý'],
      [1, 'Nguyễn Văn An', 'Trưởng phòng', 8],
    ];
    const staff = parse(sheet('KP', two), { conferenceKind: 'staff' });
    expect(lines(staff)).toEqual([['Nguyễn Văn An', 'Trưởng phòng', 13, null]]);
    expect(staff.votes?.conference).toMatchObject({ convened: 25, present: 20 });
    expect(at(staff, 'W-TABLE-LEFT-OUT')).toEqual(['A8']);
    const leaders = parse(sheet('KP', two), { conferenceKind: 'leadership' });
    expect(lines(leaders)).toEqual([['Nguyễn Văn An', 'Trưởng phòng', 8, null]]);
    expect(leaders.votes?.conference).toMatchObject({ convened: 9, present: 9 });
    expect(at(leaders, 'W-TABLE-LEFT-OUT')).toEqual(['A3']);
  });
});

describe('5. several candidate vote columns: never silently the first', () => {
  const head = ['STT', 'Họ và tên', 'Số phiếu đồng ý năm 2025', 'Số phiếu đồng ý năm 2026'];
  const data: CellValue[][] = [
    [1, 'Nguyễn Văn An', 9, 12],
    [2, 'Trần Thị Bích', 4, 7],
  ];

  test('the column of this count’s year (the title says "năm 2026"); the other named', () => {
    const p = parse(sheet('KP', [['KẾT QUẢ KIỂM PHIẾU NĂM 2026'], head, ...data]));
    expect(lines(p).map((l) => l[2])).toEqual([12, 7]);
    expect(codes(p)).toEqual(['W-VOTE-COLUMN-UNUSED']);
    expect(p.diagnostics[0].params).toMatchObject({ column: 'C', chosen: 'D', why: 'year' });
  });

  test('unclear (no year said): an error naming the columns and the option that chooses; the user’s choice wins', () => {
    const p = parse(sheet('KP', [head, ...data]));
    expect(codes(p)).toEqual(['E-VOTE-COLUMN-AMBIGUOUS']);
    expect(p.diagnostics[0].params).toMatchObject({ letters: ['C', 'D'] });
    const chosen = parse(sheet('KP', [head, ...data]), { voteColumns: { agree: 'C' } });
    expect(lines(chosen).map((l) => l[2])).toEqual([9, 4]);
    expect(codes(chosen)).toEqual([]);
  });

  test('a hidden column gives way to the visible one, and is named', () => {
    const p = parse(sheet('KP', [['STT', 'Họ và tên', 'Số phiếu', 'Số phiếu đồng ý'], ...data], { hiddenColumns: [3] }));
    expect(lines(p).map((l) => l[2])).toEqual([12, 7]);
    expect(codes(p)).toEqual(['W-VOTE-COLUMN-UNUSED', 'W-HIDDEN-COLUMN']);
    expect(p.read.sheets[0].tables[0].skippedColumns).toEqual([{ col: 'C', header: 'Số phiếu', reason: 'hidden' }]);
  });

  test('"Đồng ý | Không đồng ý | Tỷ lệ": one vote column', () => {
    const p = parse(sheet('KP', [['STT', 'Họ và tên', 'Đồng ý', 'Không đồng ý', 'Tỷ lệ'], [1, 'Nguyễn Văn An', 12, 8, '60%']]));
    expect(lines(p)).toEqual([['Nguyễn Văn An', '', 12, null]]);
    expect(p.diagnostics).toEqual([]);
  });
});

describe('6. repeated headers, totals, notes, names with a post after them', () => {
  test('a header copied at each page, a totals row, "Ghi chú" below; "(Phó phòng)" and "- CVC" kept apart from the name', () => {
    const rows: CellValue[][] = [
      ['STT', 'Họ và tên', 'Chức danh', 'Số phiếu đồng ý'],
      [1, 'Ngô Quang Huy (Phó phòng)', 'Trưởng phòng', 12],
      [2, 'Đỗ Văn Long - CVC', 'Trưởng phòng', 8],
      ['STT', 'Họ và tên', 'Chức danh', 'Số phiếu đồng ý'],
      [3, 'Trần Thị Bích', 'Phó Trưởng phòng', 9],
      [null, 'Cộng', null, 29],
      ['Ghi chú: số phiếu tính trên 20 người có mặt'],
    ];
    const p = parse(sheet('KP', rows));
    expect(lines(p)).toEqual([
      ['Ngô Quang Huy', 'Trưởng phòng', 12, null],
      ['Đỗ Văn Long', 'Trưởng phòng', 8, null],
      ['Trần Thị Bích', 'Phó Trưởng phòng', 9, null],
    ]);
    expect(p.votes?.lines.map((l) => l.suffix)).toEqual(['Phó phòng', 'CVC', undefined]);
    const t = p.read.sheets[0].tables[0];
    expect(t.skippedRows).toEqual([
      { from: 4, to: 4, reason: 'repeated-header' },
      { from: 6, to: 6, reason: 'total' },
    ]);
    expect(t.ended).toEqual({ row: 7, reason: 'note' });
    expect(p.diagnostics).toEqual([]);
  });

  test('a row with a name and a count below the end of the table is an error naming it', () => {
    const rows: CellValue[][] = [
      ['STT', 'Họ và tên', 'Số phiếu đồng ý'],
      [1, 'Nguyễn Văn An', 12],
      ['TỔ KIỂM PHIẾU'],
      [2, 'Trần Thị Bích', 9],
    ];
    const p = parse(sheet('KP', rows));
    expect(lines(p)).toEqual([['Nguyễn Văn An', '', 12, null]]);
    expect(at(p, 'E-DATA-BELOW-TABLE')).toEqual(['B4']);
  });

  test('a hidden row with data inside the table is not read and stops the run', () => {
    const rows: CellValue[][] = [
      ['STT', 'Họ và tên', 'Số phiếu đồng ý'],
      [1, 'Nguyễn Văn An', 12],
      [2, 'Trần Thị Bích', 9],
      [3, 'Lê Văn Cường', 4],
    ];
    const p = parse(sheet('KP', rows, { hiddenRows: [3] }));
    expect(lines(p).map((l) => l[0])).toEqual(['Nguyễn Văn An', 'Lê Văn Cường']);
    expect(at(p, 'E-HIDDEN-ROWS')).toEqual(['B3']);
    expect(p.read.sheets[0].tables[0].skippedRows).toEqual([{ from: 3, to: 3, reason: 'hidden' }]);
  });
});
