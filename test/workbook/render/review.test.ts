/**
 * ELIG / GAP steps written to the workbook (I.1: next-term step 1; II.2(1): annual-external step 1):
 * the real pipeline on the golden workbooks through the xlsx host — the review sheet (who is not
 * eligible and why, counts per title, women and young against the targets, the shortfall), the
 * result columns beside the roster and the external candidates, a second run that changes nothing,
 * the user's cells untouched. Then the pure pieces: the reasons in words and the sheet's layout.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type * as ExcelJS from 'exceljs';
import { readXlsx, snapshotOf } from '../../../src/hosts/xlsx/read';
import {
  DEFAULT_PROFILE,
  diagnostic,
  type AgeFinding,
  type CriterionFinding,
  type PersonResult,
  type ProcedureId,
  type RosterPerson,
  type StepResult,
} from '../../../src/rules';
import { parseRange, type RangePos } from '../../../src/workbook/address';
import { eligibilityReasons } from '../../../src/workbook/render/eligibility-reasons';
import { layoutSheet } from '../../../src/workbook/render/page-layout';
import { runPipeline, type RunOutcome, type RunRequest } from '../../../src/workbook/pipeline';
import { OWNED_PREFIX, OWNED_SHEET_PREFIX } from '../../../src/workbook/plan';
import { eligibilityName, renderEligibility } from '../../../src/workbook/render/review';
import { A4_MARGINS } from '../../../src/workbook/render/printed-sheet';
import type { CellValue, SheetSnapshot, WorkbookSnapshot } from '../../../src/workbook/snapshot';
import { runXlsx, type Applied as AppliedRun } from '../../support/xlsx-run';

type Applied = AppliedRun<RunOutcome>;

jest.setTimeout(60_000);

const fixture = (name: string): Buffer => readFileSync(join(__dirname, '..', '..', 'fixtures', name));
const ROSTER = 'Danh sách trích ngang';
const CANDIDATES = 'Nguồn nơi khác';

/** One run as the command does it: read, pipeline, apply, write; the written file read back. */
function runOn(buffer: Buffer, request: Partial<RunRequest> & { procedure: ProcedureId }): Promise<Applied> {
  return runXlsx(buffer, { lang: 'vi', step: 1, now: '2026-11-25T10:00', overrides: { termStart: '2026-01-01' }, ...request });
}

const sheetOf = (s: WorkbookSnapshot, name: string): SheetSnapshot => {
  const sheet = s.sheets.find((x) => x.name === name);
  if (!sheet) throw new Error(`no sheet ${name} in ${s.sheets.map((x) => x.name).join(', ')}`);
  return sheet;
};
const text = (v: CellValue | undefined): string => (v === null || v === undefined ? '' : String(v));

/** The review sheet read as a user reads it: heading lines, the summary table, section II, section III. */
function readReview(sheet: SheetSnapshot) {
  const rows = sheet.values.map((r) => r.map(text));
  const at = (prefix: string): number => rows.findIndex((r) => r[0].startsWith(prefix));
  const summaryAt = at('I.');
  const ineligibleAt = at('II.');
  const eligibleAt = at('III.');
  const numbered = (r: string[]): boolean => /^\d+$/.test(r[0]);
  // I: title (A:B merged), quota (C), eligible or in planning (D:E merged), not eligible or shortfall (F), women (G), young (H).
  const summary = rows.slice(summaryAt + 2, ineligibleAt).filter((r) => r[0] && r[2] !== '').map((r) => [r[0], Number(r[2]), Number(r[3]), Number(r[5]), r[6], r[7]]);
  // II: name → reasons (column H), under the group they are listed in; the outcome in words (G).
  const ineligible: [group: string, name: string, reasons: string][] = [];
  const outcomes = new Set<string>();
  let group = '';
  for (const r of rows.slice(ineligibleAt + 2, eligibleAt)) {
    if (numbered(r)) ineligible.push([group, r[1], r[7]]);
    if (numbered(r)) outcomes.add(r[6]);
    else group = r[0];
  }
  // III: title → [name, note].
  const eligible: Record<string, [string, string][]> = {};
  let title = '';
  for (const r of rows.slice(eligibleAt + 1)) {
    const heading = /^\d+\. Chức danh (.+?):/.exec(r[0]);
    if (heading) eligible[(title = heading[1])] = [];
    else if (numbered(r) && title) eligible[title].push([r[1], r[7]]);
    else if (r[0] && !numbered(r) && r[0] !== '(Không có)') title = '';
  }
  return { rows, summary, ineligible, outcomes, eligible };
}

/** The result columns beside a table: per person (column B), label → value. */
function besideTable(s: WorkbookSnapshot, sheetName: string): { area: RangePos; labels: string[]; byName: Map<string, string[]>; sheet: SheetSnapshot } {
  const owned = s.names.find((n) => n.sheet === sheetName && n.name.startsWith(`${OWNED_PREFIX}KetQua_`));
  if (!owned) throw new Error(`no result columns on ${sheetName}`);
  const area = parseRange(owned.range)!;
  const sheet = sheetOf(s, sheetName);
  const cols = Array.from({ length: area.right - area.left + 1 }, (_, i) => area.left + i);
  const labels = cols.map((c) => text(sheet.values[area.top - 1][c - 1]));
  const byName = new Map<string, string[]>();
  for (let r = area.top + 1; r <= area.bottom; r++) {
    const name = text(sheet.values[r - 1]?.[1]);
    if (name) byName.set(name, cols.map((c) => text(sheet.values[r - 1]?.[c - 1])));
  }
  return { area, labels, byName, sheet };
}

/** Every cell of the user's sheets (the add-in's own sheets left out), optionally outside some areas. */
function userCells(s: WorkbookSnapshot, skip: { sheet: string; range: RangePos }[] = []): Map<string, CellValue> {
  const created = new Set(s.names.filter((n) => n.name.startsWith(OWNED_SHEET_PREFIX)).map((n) => n.sheet));
  const out = new Map<string, CellValue>();
  for (const sheet of s.sheets.filter((x) => !created.has(x.name)))
    sheet.values.forEach((row, r) =>
      row.forEach((v, c) => {
        const inSkip = skip.some((o) => o.sheet === sheet.name && r + 1 >= o.range.top && r + 1 <= o.range.bottom && c + 1 >= o.range.left && c + 1 <= o.range.right);
        if (v !== null && !inSkip) out.set(`${sheet.name}!R${r + 1}C${c + 1}`, v);
      }),
    );
  return out;
}
const resultAreas = (s: WorkbookSnapshot) => s.names.filter((n) => n.name.startsWith(`${OWNED_PREFIX}KetQua_`)).map((n) => ({ sheet: n.sheet, range: parseRange(n.range)! }));

// ───────────────────────────── the golden workbooks, end to end ─────────────────────────────

interface Case {
  file: string;
  procedure: ProcedureId;
  sheet: string;
  /** I: [title, quota, eligible | in planning still eligible, not eligible | shortfall, women, young]. */
  summary: (string | number)[][];
  /** II: [group ('' when not grouped), name, reasons] — every one not eligible, with the reasons in words (ELIG). */
  ineligible: [string, string, string][];
  /** III: per title, [name, note]. */
  eligible: Record<string, [string, string][]>;
  /** Beside each table: name → [outcome, reason]. */
  beside: Record<string, Record<string, [string, string]>>;
}

const I1_SUMMARY = [
  // STRUCT (I.1): women 2/3, young 1/3 and 2/2, 1/2: all at or above 25% and 15%, no warning.
  ['Trưởng phòng', 3, 3, 1, '2 (66,67%)', '1 (33,33%)'],
  ['Phó Trưởng phòng', 3, 2, 2, '2 (100,00%)', '1 (50,00%)'],
];
const I1_INELIGIBLE: Case['ineligible'] = [
  // A man born 05/1968 retires 31/05/2030, 7 months before the term ends on 31/12/2030.
  ['', 'Lê Văn Cường', 'Nghỉ hưu 31/05/2030, thiếu 7 tháng'],
  ['', 'Hoàng Văn Em', 'Trình độ chuyên môn: Trung cấp (yêu cầu từ Đại học trở lên)\nLý luận chính trị: Sơ cấp (yêu cầu từ Trung cấp trở lên)'],
  ['', 'Đặng Văn Hùng', 'Xếp loại 2024: Hoàn thành nhiệm vụ'],
];
const I1_ELIGIBLE: Case['eligible'] = {
  'Trưởng phòng': [
    ['Nguyễn Văn An', 'Đang trong quy hoạch'],
    ['Trần Thị Bích', 'Đang trong quy hoạch'],
    ['Phạm Thị Dung', ''],
  ],
  'Phó Trưởng phòng': [
    ['Vũ Thị Giang', 'Đang trong quy hoạch'],
    ['Bùi Thị Lan', ''],
  ],
};
const I1_BESIDE: Case['beside'] = {
  [ROSTER]: {
    'Nguyễn Văn An': ['Đủ điều kiện', ''],
    'Lê Văn Cường': ['Không đủ điều kiện', 'Nghỉ hưu 31/05/2030, thiếu 7 tháng'],
    // One line beside the user's row: the requirement is in the note.
    'Hoàng Văn Em': ['Không đủ điều kiện', 'Trình độ chuyên môn: Trung cấp; Lý luận chính trị: Sơ cấp'],
    'Đặng Văn Hùng': ['Không đủ điều kiện', 'Xếp loại 2024: Hoàn thành nhiệm vụ'],
    'Bùi Thị Lan': ['Đủ điều kiện', ''],
  },
};

const CASES: Case[] = [
  { file: 'next-term-1-roster.xlsx', procedure: 'next-term', sheet: 'Rà soát Kế tiếp B1', summary: I1_SUMMARY, ineligible: I1_INELIGIBLE, eligible: I1_ELIGIBLE, beside: I1_BESIDE },
  // The same roster with "Đơn vị công tác": read as the roster, not as external candidates.
  { file: 'layout-roster-don-vi-cong-tac.xlsx', procedure: 'next-term', sheet: 'Rà soát Kế tiếp B1', summary: I1_SUMMARY, ineligible: I1_INELIGIBLE, eligible: I1_ELIGIBLE, beside: I1_BESIDE },
  {
    file: 'annual-external-1-gap.xlsx',
    procedure: 'annual-external',
    sheet: 'Thiếu hụt Nơi khác B1',
    // GAP (II.2(1)): quota 3 − in planning still eligible = shortfall; young needed on the quota (15% of 3 → 1).
    summary: [
      ['Trưởng phòng', 3, 2, 1, '1 (50,00%)', '0 (0,00%)\ncần thêm 1'],
      ['Phó Trưởng phòng', 3, 1, 2, '1 (100,00%)', '0 (0,00%)\ncần thêm 1'],
    ],
    // Everyone in planning still meets the standards; the external candidate born 02/1966 retires 30/11/2027.
    ineligible: [['b) Nguồn từ nơi khác', 'Tạ Văn Sơn', 'Nghỉ hưu 30/11/2027, thiếu 37 tháng']],
    eligible: {
      'Trưởng phòng': [
        ['Nguyễn Văn An', 'Đang trong quy hoạch'],
        ['Trần Thị Bích', 'Đang trong quy hoạch'],
        ['Lương Văn Khánh', 'Nguồn từ nơi khác'],
        ['Mai Thị Phương', 'Nguồn từ nơi khác'],
      ],
      'Phó Trưởng phòng': [['Vũ Thị Giang', 'Đang trong quy hoạch']],
    },
    beside: {
      // Only those in planning are judged at II.2(1): the others' rows stay empty.
      [ROSTER]: { 'Nguyễn Văn An': ['Đủ điều kiện', ''], 'Vũ Thị Giang': ['Đủ điều kiện', ''], 'Lê Văn Cường': ['', ''], 'Hoàng Văn Em': ['', ''] },
      [CANDIDATES]: { 'Lương Văn Khánh': ['Đủ điều kiện', ''], 'Tạ Văn Sơn': ['Không đủ điều kiện', 'Nghỉ hưu 30/11/2027, thiếu 37 tháng'] },
    },
  },
];

describe.each(CASES)('$file: step 1 writes its review', (c) => {
  let first: Applied;
  let input: WorkbookSnapshot;
  beforeAll(async () => {
    input = (await readXlsx(fixture(c.file))).snapshot;
    first = await runOn(fixture(c.file), { procedure: c.procedure });
  });

  test('the run succeeds; the JSON people are the step’s own (unchanged shape)', () => {
    expect(first.run.ok).toBe(true);
    expect(first.run.result?.people.every((p) => p.outcome === 'eligible' || p.outcome === 'ineligible')).toBe(true);
  });

  test('a review sheet of its own, Vietnamese name, marked by its defined name on A1', () => {
    expect(first.snapshot.names).toContainEqual({ name: eligibilityName(c.procedure, 1), sheet: c.sheet, range: 'A1' });
    expect(c.sheet.length).toBeLessThanOrEqual(31);
  });

  test('heading: the step in the words of the text and the term the age is counted on', () => {
    const { rows } = readReview(sheetOf(first.snapshot, c.sheet));
    expect(rows[1][0]).toContain('Bước 1:');
    expect(rows[2][0]).toContain('01/01/2026');
    expect(rows[2][0]).toContain('31/12/2030');
  });

  test('I. per title: quota, counts, women and young shares (STRUCT), the shortfall (GAP)', () => {
    expect(readReview(sheetOf(first.snapshot, c.sheet)).summary).toEqual(c.summary);
  });

  test('II. everyone not eligible is listed with the reasons, never dropped (ELIG)', () => {
    const { ineligible, outcomes } = readReview(sheetOf(first.snapshot, c.sheet));
    expect(ineligible).toEqual(c.ineligible);
    expect([...outcomes]).toEqual(['Không đủ điều kiện']);
    const notEligible = first.run.result!.people.filter((p) => p.outcome === 'ineligible').map((p) => p.name);
    expect(ineligible.map(([, name]) => name)).toEqual(expect.arrayContaining(notEligible));
  });

  test('III. the eligible, per title', () => {
    expect(readReview(sheetOf(first.snapshot, c.sheet)).eligible).toEqual(c.eligible);
  });

  test('the signature block closes the sheet', () => {
    const flat = sheetOf(first.snapshot, c.sheet).values.flat().map(text);
    const at = (s: string) => flat.lastIndexOf(s);
    expect(at('NGƯỜI LẬP BIỂU')).toBeGreaterThan(flat.findIndex((v) => v.startsWith('III.')));
    expect(at('THỦ TRƯỞNG ĐƠN VỊ')).toBe(at('NGƯỜI LẬP BIỂU') + 4);
    expect(flat.filter((v) => v === '(Ký, ghi rõ họ tên)')).toHaveLength(2);
  });

  test('result columns beside the roster (and the candidates): outcome in words, the reason, a note', () => {
    for (const [sheet, expected] of Object.entries(c.beside)) {
      const { labels, byName, area } = besideTable(first.snapshot, sheet);
      expect(labels).toEqual(['Kết quả rà soát', 'Lý do không đủ điều kiện']);
      for (const [name, values] of Object.entries(expected)) expect([name, byName.get(name)]).toEqual([name, values]);
      // Colour-coded (green / grey) with the explanation as the note.
      const ws = first.workbook.getWorksheet(sheet)!;
      for (let r = area.top + 1; r <= area.bottom; r++) {
        const cell = ws.getCell(r, area.left);
        if (cell.value === 'Đủ điều kiện' || cell.value === 'Không đủ điều kiện') {
          const fill = (cell.fill as ExcelJS.FillPattern).fgColor?.argb;
          expect(fill).toBe(cell.value === 'Đủ điều kiện' ? 'FFC6EFCE' : 'FFD9D9D9');
          expect(String(cell.note)).toMatch(/quy tắc ELIG, mục (I\.1|II\.2\(1\))/);
        }
      }
    }
  });

  test('a second run on its own output changes nothing', async () => {
    const second = await runOn(first.buffer, { procedure: c.procedure });
    expect(second.run.ok).toBe(true);
    const mine = [...Object.keys(c.beside)];
    const values = (s: WorkbookSnapshot) => [...mine, c.sheet].map((n) => sheetOf(s, n).values);
    expect(values(second.snapshot)).toEqual(values(first.snapshot));
    expect(resultAreas(second.snapshot)).toEqual(resultAreas(first.snapshot));
    expect(second.snapshot.names.filter((n) => n.name === eligibilityName(c.procedure, 1))).toHaveLength(1);
  });

  test('the user’s cells, merges and fonts are untouched; the result columns were empty', () => {
    const owned = resultAreas(first.snapshot);
    expect(owned.map((o) => o.sheet)).toEqual(Object.keys(c.beside));
    expect(userCells(first.snapshot, owned)).toEqual(userCells(input));
    expect(userCells(input, owned)).toEqual(userCells(input));
    const userSheets = (s: WorkbookSnapshot) => s.sheets.filter((x) => input.sheets.some((i) => i.name === x.name)).map((x) => [x.name, x.merges, x.tables, x.fonts]);
    expect(userSheets(first.snapshot)).toEqual(userSheets(input));
  });
});

describe('beside the roster', () => {
  test('the column numbers under the header carry on: (14), (15)', async () => {
    const { snapshot } = await runOn(fixture('next-term-1-roster.xlsx'), { procedure: 'next-term' });
    const { sheet, area } = besideTable(snapshot, ROSTER);
    expect(sheet.values[9].slice(area.left - 1, area.right)).toEqual(['(14)', '(15)']);
  });

  test('a value right of the roster stops the run: E-TARGET-NOT-EMPTY at that cell, nothing written', async () => {
    const { workbook } = await readXlsx(fixture('next-term-1-roster.xlsx'));
    workbook.getWorksheet(ROSTER)!.getCell('O12').value = 'ghi chú của người dùng';
    const run = runPipeline(snapshotOf(workbook), { procedure: 'next-term', step: 1, lang: 'vi', overrides: { termStart: '2026-01-01' } });
    expect(run.ok).toBe(false);
    expect(run.plan).toBeUndefined();
    expect(run.diagnostics.map((d) => [d.code, d.at])).toContainEqual(['E-TARGET-NOT-EMPTY', { sheet: ROSTER, cell: 'O12' }]);
  });

  test('English: the words in English, the sheet name still Vietnamese', async () => {
    const { snapshot } = await runOn(fixture('next-term-1-roster.xlsx'), { procedure: 'next-term', lang: 'en' });
    const review = sheetOf(snapshot, 'Rà soát Kế tiếp B1');
    expect(review.values[0][0]).toBe('REVIEW OF CADRES MEETING THE PLANNING STANDARDS');
    const { labels, byName } = besideTable(snapshot, ROSTER);
    expect(labels).toEqual(['Review result', 'Why not eligible']);
    expect(byName.get('Lê Văn Cường')).toEqual(['Not eligible', 'Retires 31 May 2030, 7 months short']);
  });
});

// ───────────────────────────── the pure pieces ─────────────────────────────

const age = (over: Partial<AgeFinding>): AgeFinding => ({
  rule: 'ELIG',
  clause: 'I.1',
  criterion: 'age',
  retirementDate: '2027-11-30',
  termStart: '2026-01-01',
  termEnd: '2030-12-31',
  monthsRemaining: 23,
  requiredMonths: 60,
  met: false,
  ...over,
});
const criterion = (over: Partial<CriterionFinding>): CriterionFinding => ({ rule: 'ELIG', clause: 'I.1', criterion: 'training', field: 'training', required: '≥ Đại học', met: false, ...over });
const person = (explanation: PersonResult['explanation'], over: Partial<PersonResult> = {}): PersonResult => ({
  id: 'p',
  name: 'Nguyễn Văn A',
  titles: ['Trưởng phòng'],
  outcome: explanation.every((f) => !('met' in f) || f.met) ? 'eligible' : 'ineligible',
  explanation,
  ...over,
});

describe('eligibilityReasons: an unmet standard in a few words (ELIG)', () => {
  const ratings: RosterPerson = {
    id: 'p',
    name: 'Nguyễn Văn A',
    titles: [],
    inPlanning: false,
    ratings: [
      { year: 2023, value: 'Không hoàn thành nhiệm vụ' },
      { year: 2024, value: 'Hoàn thành nhiệm vụ' },
      { year: 2025, value: 'Hoàn thành xuất sắc nhiệm vụ' },
    ],
  };
  const cases: [label: string, explanation: PersonResult['explanation'], who: RosterPerson | undefined, brief: boolean, expected: string[]][] = [
    // RULES.md ELIG: a man born 02/1966 retires 30/11/2027, 23 months into a 60-month term: 37 short.
    ['age: retires during the term', [age({})], undefined, false, ['Nghỉ hưu 30/11/2027, thiếu 37 tháng']],
    ['age: retired before the term starts', [age({ retirementDate: '2025-06-30', monthsRemaining: -6 })], undefined, false, ['Nghỉ hưu 30/06/2025, trước nhiệm kỳ']],
    ['no birth date', [{ rule: 'ELIG', clause: 'I.1', criterion: 'age', field: 'birth', required: '60', met: false, missing: true }], undefined, false, ['Chưa có ngày sinh']],
    ['no gender', [{ rule: 'ELIG', clause: 'I.1', criterion: 'age', field: 'gender', required: '60', met: false, missing: true }], undefined, false, ['Chưa có giới tính']],
    ['a level below the minimum', [criterion({ value: 'Trung cấp' })], undefined, false, ['Trình độ chuyên môn: Trung cấp (yêu cầu từ Đại học trở lên)']],
    ['the same, brief (beside the roster)', [criterion({ value: 'Trung cấp' })], undefined, true, ['Trình độ chuyên môn: Trung cấp']],
    ['a value not given', [criterion({ criterion: 'politicalTheory', field: 'politicalTheory', missing: true })], undefined, false, ['Lý luận chính trị: chưa có']],
    ['discipline', [criterion({ criterion: 'discipline', field: 'discipline', value: 'Khiển trách', required: '— / Không' })], undefined, false, ['Kỷ luật: Khiển trách']],
    // Only the rating years below the standard, of the last two years the profile reads.
    ['ratings: the years below', [criterion({ criterion: 'ratings', field: 'ratings', value: '2025: …; 2024: …', required: 'Hoàn thành tốt nhiệm vụ × 2' })], ratings, false, ['Xếp loại 2024: Hoàn thành nhiệm vụ']],
    ['standards met are not reasons', [age({ met: true, monthsRemaining: 195 }), criterion({ value: 'Thạc sĩ', met: true })], undefined, false, []],
    ['several reasons, in order', [age({}), criterion({ value: 'Trung cấp' })], undefined, true, ['Nghỉ hưu 30/11/2027, thiếu 37 tháng', 'Trình độ chuyên môn: Trung cấp']],
  ];
  test.each(cases)('%s', (_label, explanation, who, brief, expected) => {
    expect(eligibilityReasons(person(explanation), 'vi', who, DEFAULT_PROFILE, brief)).toEqual(expected);
  });
});

describe('renderEligibility: the sheet itself', () => {
  const roster: RosterPerson[] = [
    { id: 'a', name: 'Nguyễn Văn An', birth: '1980-03-12', gender: 'male', post: 'Phó Trưởng phòng', titles: ['Trưởng phòng'], inPlanning: true },
    { id: 'b', name: 'Lê Văn Bình', birth: '1975-01-01', gender: 'male', post: 'Chuyên viên', titles: ['Trưởng phòng'], inPlanning: false },
    { id: 'c', name: 'Trần Văn Cường', birth: '1966-02-01', gender: 'male', post: 'Chuyên viên', titles: ['Trưởng phòng'], inPlanning: false },
    { id: 'd', name: 'Phạm Văn Dũng', birth: '1990-05-05', gender: 'male', post: 'Chuyên viên', titles: [], inPlanning: false },
  ];
  const people = new Map(roster.map((p) => [p.id, p]));
  const ok = age({ met: true, monthsRemaining: 195, retirementDate: '2042-03-31' });
  const result: StepResult = {
    procedure: 'next-term',
    step: 1,
    rules: ['ELIG', 'STRUCT'],
    blocked: false,
    people: [
      person([ok], { id: 'a', name: 'Nguyễn Văn An' }),
      person([ok], { id: 'b', name: 'Lê Văn Bình' }),
      person([ok], { id: 'd', name: 'Phạm Văn Dũng', titles: [] }),
      person([age({})], { id: 'c', name: 'Trần Văn Cường' }),
    ],
    titles: [{ title: 'Trưởng phòng', quota: 3, count: 2, women: 0, young: 0 }],
    // STRUCT: the rulebook's warnings, shown as such ("phấn đấu"), never blocking.
    diagnostics: [
      diagnostic('W-STRUCT-WOMEN', { title: 'Trưởng phòng', women: 0, count: 2, num: 25, den: 100 }),
      diagnostic('W-STRUCT-YOUNG', { title: 'Trưởng phòng', young: 0, count: 2, num: 15, den: 100, age: 40 }),
    ],
  };
  const sheet = renderEligibility(result, 'vi', people, DEFAULT_PROFILE)!;
  const values = sheet.block.cells.map((r) => r.map((c) => text(c.value)));

  test('laid out like the shortlist (landscape: its eight columns print at 13 pt, not shrunk): Nghị định 30/2020 margins, Times New Roman 13, protected', () => {
    expect(sheet.sheet.name).toBe('Rà soát Kế tiếp B1');
    expect(sheet.name).toEqual({ name: 'QuyHoach_Trang_RaSoat_next_term_1', sheet: 'Rà soát Kế tiếp B1', range: 'A1' });
    expect(sheet.sheet.font).toEqual({ name: 'Times New Roman', size: 13 });
    expect(sheet.sheet.page).toMatchObject({ orientation: 'landscape', margins: A4_MARGINS, footer: 'Trang &P/&N', printArea: `A1:H${values.length}` });
    expect(sheet.sheet.protect).toBe(true);
    // The people's header row repeats on every printed page.
    const { from, to } = sheet.sheet.page.repeatRows!;
    expect(from).toBe(to);
    expect(values[from - 1].slice(0, 2)).toEqual(['STT', 'Họ và tên']);
  });

  test('a share below its target is shown as a warning (STRUCT), the list is not cut', () => {
    const row = values.find((r) => r[0] === 'Trưởng phòng')!;
    expect(row.slice(2)).toEqual(['3', '2', '', '1', '0 (0,00%)\nchưa đạt 25%', '0 (0,00%)\nchưa đạt 15%']);
    const cell = sheet.block.cells[values.indexOf(row)][6];
    expect(cell.fill).toBeDefined();
  });

  test('an eligible person without a planned title is listed too, never dropped', () => {
    const at = values.findIndex((r) => r[0].endsWith('Chưa ghi chức danh quy hoạch'));
    expect(at).toBeGreaterThan(-1);
    expect(values[at + 1][1]).toBe('Phạm Văn Dũng');
  });

  test('every row with text has a height for its lines, from page-layout (merged cells never grow by themselves)', () => {
    const heights = new Map(layoutSheet(sheet.sheet, sheet.block).heights.map((h) => [h.row, h.height]));
    values.forEach((r, i) => {
      if (r.some((v) => v)) expect(heights.get(i + 1)).toBeGreaterThan(15);
    });
    const reasonRow = values.findIndex((r) => r[1] === 'Trần Văn Cường') + 1;
    expect(values[reasonRow - 1].slice(6)).toEqual(['Không đủ điều kiện', 'Nghỉ hưu 30/11/2027, thiếu 37 tháng']);
  });

  test('what stays on one page: each title with its first people, the signatures with the list\'s last rows', () => {
    const keep = sheet.sheet.keep ?? [];
    const title = values.findIndex((r) => r[0].startsWith('1. ')) + 1;
    expect(keep).toContainEqual({ from: title, to: title + 2 });
    const signers = values.findIndex((r) => r[0] === 'NGƯỜI LẬP BIỂU') + 1;
    const last = keep.find((g) => g.to === values.length)!;
    expect(last.from).toBeLessThan(signers - 2);
    // From the list's last two rows (a title and its one person here).
    const lastPerson = values.findIndex((r) => r[1] === 'Phạm Văn Dũng') + 1;
    expect(last.from).toBe(lastPerson - 1);
    // Landscape holds the rows up to the last title: the page ends before it, the signatures come with it.
    expect(layoutSheet(sheet.sheet, sheet.block).breaks).toEqual([last.from - 1]);
  });

  test('nothing for a vote step, or a blocked one', () => {
    expect(renderEligibility({ ...result, rules: ['QUORUM', 'N30', 'ANNOUNCE'] }, 'vi', people, DEFAULT_PROFILE)).toBeUndefined();
    expect(renderEligibility({ ...result, blocked: true }, 'vi', people, DEFAULT_PROFILE)).toBeUndefined();
  });
});
