/**
 * Random and hostile workbooks (issue 4): the reader and the whole run never throw; they answer
 * with diagnostics. Empty and zero sheets, huge sheets, everything merged, malformed merges, table
 * ranges and defined names, error values, NaN/Infinity, 10,000-character cells, random Unicode.
 */
import fc from 'fast-check';
import { parseWorkbook, type ParsedWorkbook } from '../../../src/workbook/reader/parse';
import { runPipeline, type RunOutcome } from '../../../src/workbook/pipeline';
import type { CellValue, DefinedName, SheetSnapshot, WorkbookSnapshot } from '../../../src/workbook/snapshot';
import { seeded } from '../../support/seeded';

jest.setTimeout(120_000);

const HEADER_WORDS = [
  'STT', 'TT', 'Họ và tên', 'HỌ VÀ\nTÊN', 'Ho ten', 'Mã cán bộ', 'Ngày sinh', 'Năm sinh', 'Ngày, tháng, năm sinh', 'Nam', 'Nữ',
  'Giới tính', 'Chức danh', 'Chức danh quy hoạch', 'Chức vụ hiện tại', 'Đơn vị công tác', 'Số phiếu đồng ý', 'Đồng ý',
  'Số phiếu đồng ý đưa ra khỏi quy hoạch', 'Không đồng ý', 'Tỷ lệ', 'Xếp loại năm 2024', 'Trình độ chuyên môn', 'LLCT',
  'Tổng số người được triệu tập: 25', 'Số người có mặt: 20', 'Số người có mặt', 'TỔ KIỂM PHIẾU', 'Người lập biểu', 'Cộng',
  'I. Chức danh Trưởng phòng', 'Chức danh: Trưởng phòng', 'Giai đoạn 2026 - 2031', '(1)', '(2)', 'Gặp gỡ trao đổi', 'Đã nhận',
  'Nhận hồ sơ', 'Cơ quan đang công tác', 'Ý kiến đồng ý', 'Thông qua ngày 01/02/2026', 'Biên bản số 12/BB',
];
const ERRORS = ['#N/A', '#REF!', '#DIV/0!', '#VALUE!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', ''];
const BAD_RANGES = ['ZZZZ1:A', 'A', ':', '', '!', 'A0:B0', 'A1:XFD1048576', 'XFD1048576', 'A1:A99999999', '$A$1:$C$3', 'Sheet1!A1:B2', 'B2:A1', 'a1:c3', 'A1:B2:C3', '1:3', 'A:C', '#REF!', 'A-1:B2', '\u0000', 'Ả1:B2'];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 4, arbitrary: fc.constantFrom(...HEADER_WORDS) },
  { weight: 3, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 3, arbitrary: fc.integer({ min: -5, max: 60_000 }) },
  { weight: 2, arbitrary: fc.double() },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, Number.MAX_VALUE, Number.MIN_VALUE, 2 ** 53) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom(...ERRORS).map((error) => ({ error })) },
  { weight: 1, arbitrary: fc.constantFrom('  7 ', '7,0', '-3', 'bảy', '15/02/1966', '31/02/1966', '02/1966', '1966', 'NguyÔn V¨n An', 'Nguyeãn Vaên An', 'x', 'Không') },
  { weight: 1, arbitrary: fc.nat(3).map((n) => 'Ạ'.repeat(10_000 - n)) },
);

const range = fc.oneof(
  fc.constantFrom(...BAD_RANGES),
  fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 15 })).map(
    ([r1, c1, r2, c2]) => `${String.fromCharCode(64 + c1)}${r1}:${String.fromCharCode(64 + c2)}${r2}`,
  ),
  fc.string({ maxLength: 10 }),
);

const sheetName = fc.oneof(fc.constantFrom('Sheet1', 'KP HN cán bộ', 'DS', "O'Brien", ''), fc.string({ maxLength: 8 }));

const sheet: fc.Arbitrary<SheetSnapshot> = fc.record({
  name: sheetName,
  values: fc.array(fc.oneof(fc.array(cell, { maxLength: 12 }), fc.constant<CellValue[]>([])), { maxLength: 40 }),
  merges: fc.array(range, { maxLength: 12 }),
  tables: fc.array(fc.record({ name: fc.string({ maxLength: 6 }), range }), { maxLength: 2 }),
  fonts: fc.option(fc.dictionary(fc.constantFrom('A1', 'B2', 'B3', 'C4', 'D5', 'nonsense'), fc.constantFrom('.VnTime', '.VnTimeH', 'VNI-Times', 'Arial', '')), { nil: undefined }),
  numberFormats: fc.constant(undefined),
});

const definedName: fc.Arbitrary<DefinedName> = fc.record({
  name: fc.oneof(fc.constantFrom('QuyHoach_KetQua_1', 'QuyHoach_', 'QuyHoach_X', '_xlnm.Print_Area'), fc.string({ maxLength: 12 })),
  sheet: sheetName,
  range,
});

const workbook: fc.Arbitrary<WorkbookSnapshot> = fc.record({
  sheets: fc.array(sheet, { maxLength: 4 }),
  names: fc.array(definedName, { maxLength: 4 }),
});

function expectParsed(p: ParsedWorkbook): void {
  expect(Array.isArray(p.diagnostics)).toBe(true);
  expect(Array.isArray(p.owned)).toBe(true);
  for (const d of p.diagnostics) expect(typeof d.code).toBe('string');
}

function expectRun(r: RunOutcome): void {
  expect(Array.isArray(r.diagnostics)).toBe(true);
  expect(typeof r.ok).toBe('boolean');
  for (const d of r.diagnostics) expect(['error', 'warning', 'info']).toContain(d.severity);
  if (r.diagnostics.some((d) => d.severity === 'error')) expect(r.plan).toBeUndefined();
}

const run = (snapshot: WorkbookSnapshot, step: number) => runPipeline(snapshot, { procedure: 'next-term', step, lang: 'vi' });

function randomValue(rand: () => number): CellValue {
  const k = rand();
  if (k < 0.3) return null;
  if (k < 0.45) return Math.floor(rand() * 100);
  if (k < 0.55) return HEADER_WORDS[Math.floor(rand() * HEADER_WORDS.length)];
  if (k < 0.65) return rand() * 1e6 - 5e5;
  if (k < 0.7) return { error: ERRORS[Math.floor(rand() * ERRORS.length)] };
  if (k < 0.75) return [NaN, Infinity, -Infinity][Math.floor(rand() * 3)];
  if (k < 0.8) return rand() < 0.5;
  return Array.from({ length: 1 + Math.floor(rand() * 12) }, () => String.fromCodePoint(32 + Math.floor(rand() * 0x2fff))).join('');
}

describe('random workbooks', () => {
  test('parseWorkbook never throws and answers with diagnostics', () => {
    fc.assert(
      fc.property(workbook, (snapshot) => {
        expectParsed(parseWorkbook(snapshot));
      }),
      { numRuns: 300 },
    );
  });

  test('parseWorkbook with the user naming sheets that may or may not exist', () => {
    fc.assert(
      fc.property(workbook, sheetName, sheetName, (snapshot, rosterSheet, votesSheet) => {
        expectParsed(parseWorkbook(snapshot, { rosterSheet, votesSheet, candidatesSheet: rosterSheet }));
      }),
      { numRuns: 100 },
    );
  });

  test('runPipeline (next-term, step 1–4) never throws and answers with diagnostics', () => {
    fc.assert(
      fc.property(workbook, fc.integer({ min: 1, max: 4 }), (snapshot, step) => {
        expectRun(run(snapshot, step));
      }),
      { numRuns: 200 },
    );
  });
});

describe('vote sheets perturbed at random', () => {
  // A well-formed vote sheet and roster whose cells are then replaced at random: reaches the row
  // reading, the matching and the rules, not just header detection.
  const roster: CellValue[][] = [
    ['STT', 'Họ và tên', 'Ngày sinh', 'Chức vụ hiện tại', 'Chức danh quy hoạch'],
    [1, 'Nguyễn Văn An', '15/02/1966', 'Phó phòng', 'Trưởng phòng'],
    [2, 'Trần Thị Bích', 26000, 'Chuyên viên', 'Phó Trưởng phòng'],
    [3, 'Lê Hồng Phúc', 1975, 'Chuyên viên', 'Phó Trưởng phòng'],
  ];
  const votes: CellValue[][] = [
    ['Tổng số người được triệu tập: 25'],
    ['Số người có mặt:', 20],
    ['STT', 'Họ và tên', 'Năm sinh', 'Chức danh', 'Số phiếu đồng ý', 'Số phiếu đồng ý đưa ra khỏi quy hoạch'],
    [1, 'Nguyễn Văn An', 1966, 'Trưởng phòng', 15, 1],
    [2, 'Trần Thị Bích', 1971, 'Phó Trưởng phòng', 12, 0],
    [3, 'Lê Hồng Phúc', 1975, 'Phó Trưởng phòng', 4, 2],
    [4, 'Nguyễn Văn An', 1966, 'Phó Trưởng phòng', 13, 1],
  ];
  const edit = fc.tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 6 }), cell);
  const perturb = (rows: CellValue[][], edits: [number, number, CellValue][]) => {
    const out = rows.map((r) => [...r]);
    for (const [r, c, v] of edits) {
      while (out.length <= r) out.push([]);
      out[r][c] = v;
    }
    return out;
  };

  test('parse and run (next-term 1–4, also annual-local) never throw', () => {
    fc.assert(
      fc.property(
        fc.array(edit, { maxLength: 8 }),
        fc.array(edit, { maxLength: 4 }),
        fc.array(range, { maxLength: 3 }),
        fc.integer({ min: 1, max: 4 }),
        fc.array(definedName, { maxLength: 2 }),
        (voteEdits, rosterEdits, merges, step, names) => {
          const snapshot: WorkbookSnapshot = {
            sheets: [
              { name: 'DS', values: perturb(roster, rosterEdits), merges: [], tables: [] },
              { name: 'KP HN cán bộ', values: perturb(votes, voteEdits), merges, tables: [] },
            ],
            names,
          };
          expectParsed(parseWorkbook(snapshot));
          expectRun(run(snapshot, step));
          expectRun(runPipeline(snapshot, { procedure: 'annual-local', step: (step % 2) + 1, lang: 'en' }));
          expectRun(runPipeline(snapshot, { procedure: 'next-term', lang: 'vi', overrides: { convened: 25, present: 20, quota: 1 } }));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('the unperturbed sheets run cleanly (the generator starts from a valid workbook)', () => {
    const snapshot: WorkbookSnapshot = {
      sheets: [
        { name: 'DS', values: roster, merges: [], tables: [] },
        { name: 'KP HN cán bộ', values: votes, merges: [], tables: [] },
      ],
      names: [],
    };
    const r = run(snapshot, 2);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.ok).toBe(true);
  });
});

describe('hostile shapes', () => {
  const one = (values: CellValue[][], extra: Partial<SheetSnapshot> = {}): WorkbookSnapshot => ({
    sheets: [{ name: 'S', values, merges: [], tables: [], ...extra }],
    names: [],
  });
  const both = (snapshot: WorkbookSnapshot) => {
    expectParsed(parseWorkbook(snapshot));
    for (const step of [1, 2, 3, 4]) expectRun(run(snapshot, step));
  };

  test('zero sheets', () => {
    both({ sheets: [], names: [] });
    expect(run({ sheets: [], names: [] }, 2).ok).toBe(false);
  });

  test('empty sheets, empty rows, rows of nothing but nulls', () => {
    both(one([]));
    both(one([[], [], []]));
    both(one(Array.from({ length: 100 }, () => Array(30).fill(null))));
    both({ sheets: [{ name: '', values: [], merges: [], tables: [] }, { name: '', values: [[]], merges: [], tables: [] }], names: [] });
  });

  test('sparse rows (holes in the arrays)', () => {
    const values: CellValue[][] = [];
    values[5] = [];
    values[5][3] = 'Họ và tên';
    values[5][7] = 'Số phiếu';
    values[6] = [];
    values[6][3] = 'Nguyễn Văn An';
    values[6][7] = 5;
    both(one(values));
  });

  test('malformed merges and table ranges', () => {
    const values: CellValue[][] = [
      ['STT', 'Họ và tên', 'Năm sinh', 'Số phiếu đồng ý'],
      [1, 'Nguyễn Văn An', 1966, 15],
    ];
    both(one(values, { merges: BAD_RANGES, tables: BAD_RANGES.map((range, i) => ({ name: `T${i}`, range })) }));
  });

  test('an Excel table whose range runs far past the sheet: read to completion, blank rows skipped', () => {
    const values: CellValue[][] = [
      ['STT', 'Họ và tên', 'Năm sinh', 'Số phiếu đồng ý'],
      [1, 'Nguyễn Văn An', 1966, 15],
    ];
    const snapshot = one(values, { tables: [{ name: 'T', range: 'A1:D1048576' }] });
    both(snapshot);
    expect(parseWorkbook(snapshot).votes?.lines.map((l) => l.name)).toEqual(['Nguyễn Văn An']);
  });

  test('everything merged: one giant merge, and every cell pair merged', () => {
    const values: CellValue[][] = Array.from({ length: 200 }, (_, r) => Array.from({ length: 20 }, (_, c) => (r === 0 ? HEADER_WORDS[c] : r * c)));
    both(one(values, { merges: ['A1:T200'] }));
    const pairs: string[] = [];
    for (let r = 1; r <= 200; r += 2) for (let c = 1; c <= 20; c++) pairs.push(`${String.fromCharCode(64 + c)}${r}:${String.fromCharCode(64 + c)}${r + 1}`);
    both(one(values, { merges: pairs }));
    const rows: string[] = [];
    for (let r = 1; r <= 200; r++) rows.push(`A${r}:T${r}`);
    both(one(values, { merges: rows }));
  });

  test('defined names with bad ranges, owned areas covering everything', () => {
    const values: CellValue[][] = [
      ['STT', 'Họ và tên', 'Năm sinh', 'Số phiếu đồng ý'],
      [1, 'Nguyễn Văn An', 1966, 15],
    ];
    const names: DefinedName[] = [
      ...BAD_RANGES.map((range, i) => ({ name: `QuyHoach_${i}`, sheet: 'S', range })),
      { name: 'QuyHoach_All', sheet: 'S', range: 'A1:XFD1048576' },
      { name: 'QuyHoach_Other', sheet: 'Không có', range: 'A1:B2' },
    ];
    both({ sheets: [{ name: 'S', values, merges: [], tables: [] }], names });
  });

  test('error values, NaN and Infinity everywhere in a vote table', () => {
    const bad: CellValue[] = [{ error: '#N/A' }, NaN, Infinity, -Infinity, { error: '' }, true, -0];
    const values: CellValue[][] = [
      ['Số người có mặt:', NaN],
      ['Tổng số người được triệu tập:', Infinity],
      ['STT', 'Họ và tên', 'Năm sinh', 'Giới tính', 'Số phiếu đồng ý', 'Số phiếu đồng ý đưa ra khỏi quy hoạch'],
      ...bad.map((v, i) => [i + 1, i % 2 ? v : `Người ${i}`, v, v, v, v]),
    ];
    both(one(values));
  });

  test('10,000-character cells in the header rows and the data', () => {
    const long = 'Họ và tên '.repeat(1000);
    const values: CellValue[][] = [
      Array(12).fill('Đ'.repeat(10_000)),
      ['STT', long, 'Năm sinh', 'Số phiếu đồng ý', long],
      ...Array.from({ length: 50 }, (_, i) => [i + 1, 'Nguyễn '.repeat(1500), 'x'.repeat(10_000), String(i).padStart(10_000, ' '), long]),
    ];
    both(one(values));
  });

  test('a 40 × 30 block of 10,000-character cells at the top of the sheet', () => {
    const values: CellValue[][] = Array.from({ length: 40 }, (_, r) => Array.from({ length: 30 }, (_, c) => `${r}${c}`.padEnd(10_000, 'ỹ Họ và tên ')));
    expectParsed(parseWorkbook(one(values)));
  });

  test('huge sheets: up to 5,000 rows × 30 columns of random values', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 5_000 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 4 }), (seed, rows, cols, step) => {
        const rand = seeded(seed);
        const values = Array.from({ length: rows }, () => Array.from({ length: cols }, () => randomValue(rand)));
        // Give some runs a real header somewhere in the first rows, so rows are read too.
        if (rand() < 0.7) values[Math.floor(rand() * Math.min(rows, 40))] = ['STT', 'Họ và tên', 'Năm sinh', 'Chức danh', 'Số phiếu đồng ý', ...Array(Math.max(0, cols - 5)).fill(null)].slice(0, Math.max(cols, 5));
        const merges = Array.from({ length: 20 }, () => {
          const r = 1 + Math.floor(rand() * rows);
          const c = 1 + Math.floor(rand() * Math.min(cols, 26));
          return `${String.fromCharCode(64 + c)}${r}:${String.fromCharCode(64 + Math.min(26, c + 2))}${r + Math.floor(rand() * 3)}`;
        });
        const snapshot: WorkbookSnapshot = { sheets: [{ name: 'Big', values, merges, tables: [] }], names: [] };
        expectParsed(parseWorkbook(snapshot));
        expectRun(run(snapshot, step));
      }),
      { numRuns: 6 },
    );
  });
});

describe('size', () => {
  test('a 50,000-row vote sheet (and a 50,000-row roster) parses and runs to completion', () => {
    const N = 50_000;
    const name = (i: number) => `Nguyễn Văn ${i.toString(36).toUpperCase()}`;
    const roster: CellValue[][] = [
      ['DANH SÁCH TRÍCH NGANG'],
      ['STT', 'Mã cán bộ', 'Họ và tên', 'Ngày sinh', 'Chức vụ hiện tại', 'Chức danh quy hoạch'],
      ...Array.from({ length: N }, (_, i) => [i + 1, `CB${i}`, name(i), 20000 + (i % 8000), 'Chuyên viên', 'Trưởng phòng']),
    ];
    const votes: CellValue[][] = [
      ['KẾT QUẢ KIỂM PHIẾU HỘI NGHỊ CÁN BỘ'],
      ['Tổng số người được triệu tập: 100'],
      ['Số người có mặt: 90'],
      ['STT', 'Họ và tên', 'Năm sinh', 'Chức danh', 'Số phiếu đồng ý'],
      ...Array.from({ length: N }, (_, i) => [i + 1, name(i), null, 'Trưởng phòng', i % 91]),
      [],
      [null, 'TỔ KIỂM PHIẾU'],
    ];
    const snapshot: WorkbookSnapshot = {
      sheets: [
        { name: 'DS', values: roster, merges: [], tables: [] },
        { name: 'KP', values: votes, merges: [], tables: [] },
      ],
      names: [],
    };
    const parsed = parseWorkbook(snapshot);
    expect(parsed.votes?.lines).toHaveLength(N);
    expect(parsed.roster?.people).toHaveLength(N);
    const r = run(snapshot, 2);
    expectRun(r);
  });
});
