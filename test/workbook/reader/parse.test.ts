/**
 * parseWorkbook (src/workbook/reader/parse.ts): sheets found by content, the user's choice of sheet,
 * conference numbers and titles above the table, nomination vs removal columns, coded diagnostics
 * naming sheet and cell, legacy-font text.
 */
import { parseWorkbook } from '../../../src/workbook/reader/parse';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/workbook/snapshot';

const sheet = (name: string, values: CellValue[][], extra: Partial<SheetSnapshot> = {}): SheetSnapshot => ({ name, values, merges: [], tables: [], ...extra });
const book = (...sheets: SheetSnapshot[]): WorkbookSnapshot => ({ sheets, names: [] });
const codes = (p: ReturnType<typeof parseWorkbook>) => p.diagnostics.map((d) => d.code);

const ROSTER_ROWS: CellValue[][] = [
  ['DANH SÁCH TRÍCH NGANG CÁN BỘ'],
  ['Giai đoạn 2026 - 2031'],
  [],
  ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Chức vụ hiện tại', 'Đơn vị', 'Chức danh quy hoạch'],
  [1, 'Nguyễn Văn An', '15/02/1966', 'Nam', 'Phó Trưởng phòng', 'Phòng Tổ chức', 'Trưởng phòng'],
  [2, 'Trần Thị Bích', 26000, 'Nữ', 'Chuyên viên', 'Phòng Tổ chức', 'Phó Trưởng phòng'],
  [3, 'Lê Hồng Phúc', '1975', 'Nam', 'Chuyên viên', 'Văn phòng', 'Phó Trưởng phòng; Trưởng phòng'],
];

const VOTE_ROWS: CellValue[][] = [
  ['KẾT QUẢ KIỂM PHIẾU GIỚI THIỆU NHÂN SỰ QUY HOẠCH'],
  ['Tổng số người được triệu tập: 25'],
  ['Số người có mặt: 20'],
  [],
  ['STT', 'Họ và tên', 'Năm sinh', 'Chức danh', 'Số phiếu đồng ý'],
  [1, 'Nguyễn Văn An', 1966, 'Trưởng phòng', 15],
  [2, 'Trần Thị Bích', 1971, 'Phó Trưởng phòng', ' 12 '],
  [3, 'Lê Hồng Phúc', 1975, 'Phó Trưởng phòng', 4],
];

describe('sheets found by content', () => {
  test.each([
    ['roster first', () => book(sheet('Sheet1', ROSTER_ROWS), sheet('Sheet2', VOTE_ROWS))],
    ['votes first', () => book(sheet('Sheet2', VOTE_ROWS), sheet('Sheet1', ROSTER_ROWS))],
    ['misleading names', () => book(sheet('Kiểm phiếu', ROSTER_ROWS), sheet('Danh sách', VOTE_ROWS))],
    ['among other sheets', () => book(sheet('Ghi chú', [['Hướng dẫn'], ['Điền số phiếu']]), sheet('Trống', []), sheet('B', VOTE_ROWS), sheet('A', ROSTER_ROWS))],
  ])('%s', (_label, make) => {
    const p = parseWorkbook(make());
    expect(p.roster?.people.map((x) => x.name)).toEqual(['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Hồng Phúc']);
    expect(p.votes?.lines.map((l) => [l.name, l.title, l.agree])).toEqual([
      ['Nguyễn Văn An', 'Trưởng phòng', 15],
      ['Trần Thị Bích', 'Phó Trưởng phòng', 12],
      ['Lê Hồng Phúc', 'Phó Trưởng phòng', 4],
    ]);
    expect(p.diagnostics).toEqual([]);
  });

  test('roster fields are read: birth (text, serial, year), gender, post, unit, titles, term start', () => {
    const p = parseWorkbook(book(sheet('DS', ROSTER_ROWS)));
    const [an, bich, phuc] = p.roster!.people;
    expect(an).toMatchObject({ name: 'Nguyễn Văn An', birth: '1966-02-15', gender: 'male', post: 'Phó Trưởng phòng', unit: 'Phòng Tổ chức', titles: ['Trưởng phòng'], inPlanning: true });
    expect(an.source).toEqual({ sheet: 'DS', cell: 'B5' });
    expect(bich).toMatchObject({ birth: '1971-03-08', gender: 'female' });
    expect(phuc).toMatchObject({ birth: '1975', titles: ['Phó Trưởng phòng', 'Trưởng phòng'] });
    expect(p.termStart).toBe('2026-01-01');
  });

  test('a roster with "Đơn vị công tác" and "Chức danh quy hoạch" is the roster', () => {
    const rows = ROSTER_ROWS.map((r, i) => (i === 3 ? r.map((c) => (c === 'Đơn vị' ? 'Đơn vị công tác' : c)) : r));
    const p = parseWorkbook(book(sheet('DS', rows), sheet('KP', VOTE_ROWS)));
    expect(p.roster?.people.map((x) => x.name)).toEqual(['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Hồng Phúc']);
    expect(p.candidates).toBeUndefined();
  });

  test('no recognisable sheet: nothing found, no throw', () => {
    const p = parseWorkbook(book(sheet('Sheet1', [['a', 'b'], [1, 2]])));
    expect(p.roster).toBeUndefined();
    expect(p.votes).toBeUndefined();
    expect(p.diagnostics).toEqual([]);
  });
});

describe("the user's choice of sheet wins", () => {
  const other: CellValue[][] = [
    ['STT', 'Họ và tên', 'Năm sinh', 'Chức danh', 'Số phiếu đồng ý'],
    [1, 'Phạm Đức Thắng', 1980, 'Trưởng phòng', 9],
  ];

  test('two equal vote sheets: ambiguous without a choice', () => {
    const p = parseWorkbook(book(sheet('Phiếu 1', VOTE_ROWS), sheet('Phiếu 2', other)));
    expect(p.votes).toBeUndefined();
    expect(codes(p)).toContain('E-SHEET-AMBIGUOUS');
  });

  test.each(['Phiếu 2', 'phiếu 2', ' Phiếu  2 '])('votesSheet %j picks it', (name) => {
    const p = parseWorkbook(book(sheet('Phiếu 1', VOTE_ROWS), sheet('Phiếu 2', other)), { votesSheet: name });
    expect(p.votes?.table.sheet).toBe('Phiếu 2');
    expect(p.votes?.lines.map((l) => l.name)).toEqual(['Phạm Đức Thắng']);
    expect(codes(p)).not.toContain('E-SHEET-AMBIGUOUS');
  });

  test('rosterSheet picks among two rosters', () => {
    const roster2 = ROSTER_ROWS.map((r) => (r[1] === 'Nguyễn Văn An' ? [1, 'Đỗ Quốc Việt', ...r.slice(2)] : r));
    const p = parseWorkbook(book(sheet('DS cũ', ROSTER_ROWS), sheet('DS mới', roster2)), { rosterSheet: 'DS mới' });
    expect(p.roster?.table.sheet).toBe('DS mới');
    expect(p.roster?.people[0].name).toBe('Đỗ Quốc Việt');
  });

  test('a sheet that does not exist: E-SHEET-NOT-FOUND', () => {
    const p = parseWorkbook(book(sheet('Phiếu', VOTE_ROWS)), { votesSheet: 'Không có' });
    expect(p.votes).toBeUndefined();
    expect(p.diagnostics).toEqual([expect.objectContaining({ code: 'E-SHEET-NOT-FOUND', severity: 'error' })]);
  });

  test('a named sheet without a vote table: E-NO-TABLE naming the sheet', () => {
    const p = parseWorkbook(book(sheet('Phiếu', VOTE_ROWS), sheet('Ghi chú', [['x']])), { votesSheet: 'Ghi chú' });
    expect(p.votes).toBeUndefined();
    expect(p.diagnostics).toEqual([expect.objectContaining({ code: 'E-NO-TABLE', at: { sheet: 'Ghi chú' } })]);
  });
});

describe('conference numbers above the table', () => {
  test('"Tổng số người được triệu tập: 25" / "Số người có mặt: 20" in a cell', () => {
    const p = parseWorkbook(book(sheet('KP', VOTE_ROWS)));
    expect(p.votes?.conference).toMatchObject({ convened: 25, present: 20 });
    expect(p.votes?.conference.source).toEqual({ convened: { sheet: 'KP', cell: 'A2' }, present: { sheet: 'KP', cell: 'A3' } });
  });

  test('a label with the number in a cell to its right', () => {
    const rows: CellValue[][] = [
      ['KẾT QUẢ KIỂM PHIẾU'],
      ['Tổng số người được triệu tập:', null, 25],
      ['Số người có mặt', ' 20 '],
      ['STT', 'Họ và tên', 'Năm sinh', 'Chức danh', 'Số phiếu đồng ý'],
      [1, 'Nguyễn Văn An', 1966, 'Trưởng phòng', 15],
    ];
    const p = parseWorkbook(book(sheet('KP', rows)));
    expect(p.votes?.conference).toMatchObject({ convened: 25, present: 20 });
    expect(p.votes?.conference.source).toEqual({ convened: { sheet: 'KP', cell: 'C2' }, present: { sheet: 'KP', cell: 'B3' } });
  });

  test('variants: upper case, no diacritics, both in one cell', () => {
    const rows: CellValue[][] = [
      ['TONG SO NGUOI DUOC TRIEU TAP 30, SO NGUOI CO MAT 28'],
      ['STT', 'Họ và tên', 'Năm sinh', 'Chức danh', 'Số phiếu đồng ý'],
      [1, 'Nguyễn Văn An', 1966, 'Trưởng phòng', 15],
    ];
    expect(parseWorkbook(book(sheet('KP', rows))).votes?.conference).toMatchObject({ convened: 30, present: 28 });
  });

  test('ballot counts below the table', () => {
    const rows: CellValue[][] = [
      ['STT', 'Họ và tên', 'Năm sinh', 'Chức danh', 'Số phiếu đồng ý'],
      [1, 'Nguyễn Văn An', 1966, 'Trưởng phòng', 15],
      [],
      ['Số phiếu phát ra: 20'],
      ['Số phiếu thu vào: 20'],
      ['Số phiếu hợp lệ: 19'],
      ['Số phiếu không hợp lệ: 1'],
    ];
    expect(parseWorkbook(book(sheet('KP', rows))).votes?.conference.ballots).toEqual({ issued: 20, returned: 20, valid: 19, invalid: 1 });
  });

  test('no numbers written: none invented', () => {
    const p = parseWorkbook(book(sheet('KP', VOTE_ROWS.slice(3))));
    expect(p.votes?.conference).toEqual({});
  });
});

describe('titles', () => {
  test('"Chức danh: X" above a table without a title column', () => {
    const rows: CellValue[][] = [
      ['KẾT QUẢ KIỂM PHIẾU'],
      ['Chức danh: Trưởng phòng Tổ chức'],
      [],
      ['STT', 'Họ và tên', 'Năm sinh', 'Số phiếu đồng ý'],
      [1, 'Nguyễn Văn An', 1966, 15],
      [2, 'Lê Hồng Phúc', 1975, 4],
    ];
    const p = parseWorkbook(book(sheet('KP', rows)));
    expect(p.votes?.lines.map((l) => l.title)).toEqual(['Trưởng phòng Tổ chức', 'Trưởng phòng Tổ chức']);
  });

  test('a section heading gives the title of the rows below it', () => {
    const rows: CellValue[][] = [
      ['STT', 'Họ và tên', 'Năm sinh', 'Số phiếu đồng ý'],
      ['I. Chức danh Trưởng phòng', null, null, null],
      [1, 'Nguyễn Văn An', 1966, 15],
      ['II. Chức danh Phó Trưởng phòng', null, null, null],
      [1, 'Lê Hồng Phúc', 1975, 4],
    ];
    const p = parseWorkbook(book(sheet('KP', rows, { merges: ['A2:D2', 'A4:D4'] })));
    expect(p.votes?.lines.map((l) => [l.name, l.title])).toEqual([
      ['Nguyễn Văn An', 'Trưởng phòng'],
      ['Lê Hồng Phúc', 'Phó Trưởng phòng'],
    ]);
  });
});

describe('nomination and removal columns', () => {
  const make = (header: CellValue[], row: CellValue[]) => book(sheet('KP', [['STT', 'Họ và tên', 'Năm sinh', 'Chức danh', ...header], [1, 'Nguyễn Văn An', 1966, 'Trưởng phòng', ...row]]));

  test('"Số phiếu đồng ý" is nomination', () => {
    const v = parseWorkbook(make(['Số phiếu đồng ý'], [15])).votes!;
    expect([v.hasAgree, v.hasRemoval]).toEqual([true, false]);
    expect(v.lines[0]).toMatchObject({ agree: 15, agreeCell: { sheet: 'KP', cell: 'E2' } });
    expect(v.lines[0].removeAgree).toBeUndefined();
  });

  test.each(['Số phiếu đồng ý đưa ra khỏi quy hoạch', 'Đồng ý đưa ra khỏi QH'.replace('QH', 'quy hoạch'), 'SỐ PHIẾU ĐỒNG Ý\nĐƯA RA KHỎI\nQUY HOẠCH'])('%j is removal', (label) => {
    const v = parseWorkbook(make([label], [3])).votes!;
    expect([v.hasAgree, v.hasRemoval]).toEqual([false, true]);
    expect(v.lines[0]).toMatchObject({ removeAgree: 3, removeCell: { sheet: 'KP', cell: 'E2' } });
    expect(v.lines[0].agree).toBeUndefined();
  });

  test('both, in two columns, in either order', () => {
    for (const [header, row, agreeCell, removeCell] of [
      [['Số phiếu đồng ý', 'Số phiếu đồng ý đưa ra khỏi quy hoạch'], [15, 3], 'E2', 'F2'],
      [['Số phiếu đồng ý đưa ra khỏi quy hoạch', 'Số phiếu đồng ý'], [3, 15], 'F2', 'E2'],
    ] as const) {
      const v = parseWorkbook(make([...header], [...row])).votes!;
      expect([v.hasAgree, v.hasRemoval]).toEqual([true, true]);
      expect(v.lines[0]).toMatchObject({ agree: 15, removeAgree: 3, agreeCell: { cell: agreeCell }, removeCell: { cell: removeCell } });
    }
  });

  test('"Không đồng ý đưa ra khỏi quy hoạch" is not the removal count', () => {
    const v = parseWorkbook(make(['Số phiếu đồng ý đưa ra khỏi quy hoạch', 'Không đồng ý đưa ra khỏi quy hoạch'], [3, 17])).votes!;
    expect(v.lines[0].removeAgree).toBe(3);
    expect(v.lines[0].removeCell?.cell).toBe('E2');
  });
});

describe('diagnostics naming sheet and cell', () => {
  const KP = 'KP HN cán bộ';
  const rows: CellValue[][] = [
    ['KẾT QUẢ KIỂM PHIẾU HỘI NGHỊ CÁN BỘ'],
    ['Tổng số người được triệu tập: 25'],
    ['Số người có mặt: 20'],
    [],
    [],
    [],
    ['STT', 'Họ và tên', 'Năm sinh', 'Số phiếu đồng ý'],
    [1, 'Nguyễn Văn An', 1966, 15],
    [2, 'Trần Thị Bích', 1971, 'cán bộ'],
    [3, 'Lê Hồng Phúc', 1975, { error: '#N/A' }],
    [4, '   ', 1980, 7],
    [5, 'Phạm Đức Thắng', '31/02/1966', 8],
    [6, 'Đỗ Quốc Việt', 1982, '  '],
  ];
  const p = parseWorkbook(book(sheet(KP, rows)));
  const find = (code: string) => p.diagnostics.filter((d) => d.code === code);

  test('E-NOT-A-NUMBER for a word in a count cell, at its cell', () => {
    expect(find('E-NOT-A-NUMBER')[0]).toMatchObject({ severity: 'error', at: { sheet: KP, cell: 'D9' }, params: { value: 'cán bộ', name: 'Trần Thị Bích' } });
  });

  test('E-NOT-A-NUMBER for an error value, with the error in the message', () => {
    expect(find('E-NOT-A-NUMBER')[1]).toMatchObject({ at: { sheet: KP, cell: 'D10' }, params: { value: '#N/A' } });
  });

  test('E-NAME-MISSING for a count with no name, at the name cell', () => {
    expect(find('E-NAME-MISSING')).toEqual([expect.objectContaining({ severity: 'error', at: { sheet: KP, cell: 'B11' } })]);
  });

  test('W-BAD-DATE for 31/02/1966, the row still read', () => {
    expect(find('W-BAD-DATE')).toEqual([expect.objectContaining({ severity: 'warning', at: { sheet: KP, cell: 'C12' }, params: expect.objectContaining({ value: '31/02/1966' }) })]);
    const line = p.votes!.lines.find((l) => l.name === 'Phạm Đức Thắng');
    expect(line).toMatchObject({ agree: 8 });
    expect(line?.birth).toBeUndefined();
  });

  test('W-COUNT-BLANK for a name with a blank count', () => {
    expect(find('W-COUNT-BLANK')).toEqual([expect.objectContaining({ severity: 'warning', at: { sheet: KP, cell: 'D13' } })]);
  });

  test('W-COUNT-BLANK for a name whose count cell is empty (null)', () => {
    const q = parseWorkbook(book(sheet(KP, [['STT', 'Họ và tên', 'Năm sinh', 'Số phiếu đồng ý'], [1, 'Đỗ Quốc Việt', 1982, null]])));
    expect(q.diagnostics).toEqual([expect.objectContaining({ code: 'W-COUNT-BLANK', at: { sheet: KP, cell: 'D2' } })]);
  });

  test('nothing else; the staff conference recognised by the title', () => {
    expect(p.diagnostics).toHaveLength(5);
    expect(p.votes?.conferenceKind).toBe('staff');
  });

  test('E-NAME-MISSING in the roster for a row with data but no name', () => {
    const r = parseWorkbook(book(sheet('DS', [...ROSTER_ROWS, [4, null, '1980', 'Nam', 'Chuyên viên', 'Văn phòng', '']])));
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'E-NAME-MISSING', at: { sheet: 'DS', cell: 'B8' } })]);
    expect(r.roster?.people).toHaveLength(3);
  });
});

describe('legacy fonts (TCVN3)', () => {
  test('names in .VnTime converted by the cell font', () => {
    const rows: CellValue[][] = [
      ['STT', 'Họ và tên', 'Năm sinh', 'Chức danh', 'Số phiếu đồng ý'],
      [1, 'NguyÔn V¨n An', 1966, 'Tr\u00adëng phßng', 15],
      [2, 'TrÇn ThÞ BÝch', 1971, 'Phã Tr\u00adëng phßng', 12],
    ];
    const fonts = { B2: '.VnTime', D2: '.VnTime', B3: '.VnTime', D3: '.VnTime' };
    const p = parseWorkbook(book(sheet('KP', rows, { fonts })));
    expect(p.votes?.lines.map((l) => [l.name, l.title])).toEqual([
      ['Nguyễn Văn An', 'Trưởng phòng'],
      ['Trần Thị Bích', 'Phó Trưởng phòng'],
    ]);
  });

  test('roster names in .VnTime match Unicode names in the vote sheet', () => {
    const roster: CellValue[][] = [
      ['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ hiện tại'],
      [1, 'NguyÔn V¨n An', '15/02/1966', 'Phã phßng'],
    ];
    const p = parseWorkbook(book(sheet('DS', roster, { fonts: { B2: '.VnTime', D2: '.VnTime' } })));
    expect(p.roster?.people[0]).toMatchObject({ name: 'Nguyễn Văn An', post: 'Phó phòng' });
  });

  test('a header typed in .VnTime is recognised', () => {
    const rows: CellValue[][] = [
      ['STT', 'Hä vµ tªn', 'N¨m sinh', 'Sè phiÕu ®ång ý'],
      [1, 'NguyÔn V¨n An', 1966, 15],
    ];
    const fonts = { A1: '.VnTime', B1: '.VnTime', C1: '.VnTime', D1: '.VnTime', B2: '.VnTime' };
    const p = parseWorkbook(book(sheet('KP', rows, { fonts })));
    expect(p.votes?.lines.map((l) => [l.name, l.agree])).toEqual([['Nguyễn Văn An', 15]]);
  });
});

describe('owned areas', () => {
  test('result columns of an earlier run (defined names QuyHoach_…) are not read', () => {
    const rows: CellValue[][] = [
      ['STT', 'Họ và tên', 'Năm sinh', 'Đồng ý', 'Số phiếu đồng ý', 'Kết quả'],
      [1, 'Nguyễn Văn An', 1966, 15, 99, 'Đạt'],
      [2, 'Lê Hồng Phúc', 1975, 4, 98, 'Không đạt'],
    ];
    const snapshot: WorkbookSnapshot = {
      sheets: [sheet('KP', rows)],
      names: [
        { name: 'QuyHoach_KetQua_1', sheet: 'KP', range: 'E1:F3' },
        { name: 'Other_Name', sheet: 'KP', range: 'D1:D3' },
      ],
    };
    const p = parseWorkbook(snapshot);
    expect(p.owned).toEqual([{ sheet: 'KP', name: 'QuyHoach_KetQua_1', range: { top: 1, left: 5, bottom: 3, right: 6 } }]);
    expect(p.votes?.lines.map((l) => [l.agree, l.agreeCell?.cell])).toEqual([
      [15, 'D2'],
      [4, 'D3'],
    ]);
  });
});
