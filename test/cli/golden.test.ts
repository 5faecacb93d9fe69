/**
 * Golden workbooks (test/fixtures, made by make-fixtures.ts) through `quy-hoach run`, in-process:
 * outcomes a user cares about, exit codes, diagnostics naming sheet and cell, and the promises
 * about files (input never modified, nothing written on error, user cells unchanged, idempotent).
 */
import { createHash } from 'crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { parseRange, type RangePos } from '../../src/workbook/address';
import { OWNED_PREFIX, OWNED_SHEET_PREFIX } from '../../src/workbook/plan';
import { AUDIT_NAME } from '../../src/workbook/bookkeeping/audit-log';
import { RECORD_NAME } from '../../src/workbook/bookkeeping/undo-record';
import type { CellValue, WorkbookSnapshot } from '../../src/workbook/snapshot';
import { nameText } from '../../src/workbook/reader/text';

jest.setTimeout(60_000);

const FIXTURES = join(__dirname, '..', 'fixtures');
const fixture = (name: string): string => join(FIXTURES, name);
let tmp: string;

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'quy-hoach-golden-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

interface Json {
  procedure: string;
  step: number;
  conference: { convened: number; present: number; quorate: boolean; announced: boolean } | null;
  results: { name: string; title: string; agree: number | null; base: number | null; baseKind: string | null; percent: number | null; outcome: string; rank: number | null; rule: string | null; explanation: string }[];
  titles: Record<string, unknown>[];
  consultations: { name: string; complete: boolean; missing: string[]; opinionAgrees?: boolean }[];
  diagnostics: { severity: string; code: string; sheet: string | null; cell: string | null; message: string }[];
  output: string | null;
}

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  json?: Json;
  out: string;
}

const sha = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

let counter = 0;
/** `quy-hoach run <file> --json --out <tmp>/…` in-process; the input's hash must not change. */
async function run(file: string, args: string[] = [], opts: { json?: boolean; out?: string } = {}): Promise<Run> {
  const out = opts.out ?? join(tmp, `out-${++counter}.xlsx`);
  const before = existsSync(file) ? sha(file) : undefined;
  let stdout = '';
  let stderr = '';
  const code = await main(['run', file, ...(opts.json === false ? [] : ['--json']), '--out', out, ...args], {
    out: (s) => (stdout += `${s}\n`),
    err: (s) => (stderr += `${s}\n`),
  });
  if (before !== undefined) expect(sha(file)).toBe(before);
  let json: Json | undefined;
  if (opts.json !== false && code !== 2) json = JSON.parse(stdout) as Json;
  return { code, stdout, stderr, json, out };
}

type Row = [name: string, outcome: string, percent?: number | null, rank?: number | null];
/** Results as [name, outcome, percent, rank], in the order the command gives them (shortlist order). */
const rows = (j: Json, withTitle = false): (Row | [string, ...Row])[] =>
  j.results.map((r) => {
    const row: Row = [r.name, r.outcome, r.percent, r.rank];
    return withTitle ? [r.title, ...row] : row;
  });
const codes = (j: Json) => j.diagnostics.map((d) => d.code);
const at = (j: Json) => j.diagnostics.map(({ code, sheet, cell }) => ({ code, sheet, cell }));

// ───────────────────────────── workbook comparison helpers ─────────────────────────────

/** Areas the add-in owns on the user's sheets (not the sheets it created). */
function ownedAreas(s: WorkbookSnapshot): { sheet: string; range: RangePos }[] {
  return s.names
    .filter((n) => n.name.startsWith(OWNED_PREFIX) && !n.name.startsWith(OWNED_SHEET_PREFIX))
    .map((n) => ({ sheet: n.sheet, range: parseRange(n.range) as RangePos }));
}

/** Sheets the add-in created for the run's results (the shortlist…), not its bookkeeping. */
function createdSheets(s: WorkbookSnapshot): string[] {
  return s.names.filter((n) => n.name.startsWith(OWNED_SHEET_PREFIX) && !BOOKKEEPING.includes(n.name)).map((n) => n.sheet);
}
/** The audit log and the undo record: every run that writes adds to them. */
const BOOKKEEPING = [AUDIT_NAME, RECORD_NAME];
function withoutBookkeeping(s: WorkbookSnapshot): WorkbookSnapshot {
  const kept = new Set(s.names.filter((n) => BOOKKEEPING.includes(n.name)).map((n) => n.sheet));
  return { ...s, sheets: s.sheets.filter((x) => !kept.has(x.name)) };
}

/** The snapshot without the sheets the add-in created. */
function userPart(s: WorkbookSnapshot): WorkbookSnapshot {
  const created = new Set(s.names.filter((n) => n.name.startsWith(OWNED_SHEET_PREFIX)).map((n) => n.sheet));
  return { ...s, sheets: s.sheets.filter((x) => !created.has(x.name)) };
}

function cellMap(s: WorkbookSnapshot, skip: { sheet: string; range: RangePos }[] = []): Map<string, CellValue> {
  const out = new Map<string, CellValue>();
  for (const sheet of s.sheets)
    sheet.values.forEach((row, r) =>
      row.forEach((v, c) => {
        if (v === null) return;
        const inOwned = skip.some((o) => o.sheet === sheet.name && r + 1 >= o.range.top && r + 1 <= o.range.bottom && c + 1 >= o.range.left && c + 1 <= o.range.right);
        if (!inOwned) out.set(`${sheet.name}!R${r + 1}C${c + 1}`, v);
      }),
    );
  return out;
}

async function snapshot(file: string): Promise<WorkbookSnapshot> {
  return (await readXlsx(readFileSync(file))).snapshot;
}

/** The result columns written beside a vote table: per person (column B), label → value. */
function writtenResults(s: WorkbookSnapshot, sheet: string): Map<string, Record<string, CellValue>> {
  const area = ownedAreas(s).find((o) => o.sheet === sheet);
  const sh = s.sheets.find((x) => x.name === sheet);
  const out = new Map<string, Record<string, CellValue>>();
  if (!area || !sh) return out;
  const { top, left, right, bottom } = area.range;
  for (let r = top + 1; r <= bottom; r++) {
    const raw = sh.values[r - 1]?.[1];
    if (typeof raw !== 'string') continue;
    const rec: Record<string, CellValue> = {};
    for (let c = left; c <= right; c++) rec[String(sh.values[top - 1][c - 1])] = sh.values[r - 1]?.[c - 1] ?? null;
    out.set(nameText(raw, sh.fonts?.[`B${r}`]), rec);
  }
  return out;
}

// ───────────────────────────── the procedures, step by step ─────────────────────────────

describe('next-term (I)', () => {
  test('step 1: roster with a two-row "Nam"/"Nữ" header, ELIG per person (age, training, ratings)', async () => {
    const r = await run(fixture('next-term-1-roster.xlsx'), ['--procedure', 'next-term', '--step', '1', '--term-start', '2026-01-01']);
    expect(r.code).toBe(0);
    const j = r.json!;
    expect(j.step).toBe(1);
    expect(j.conference).toBeNull();
    const outcome = Object.fromEntries(j.results.map((x) => [x.name, x.outcome]));
    expect(outcome).toEqual({
      'Nguyễn Văn An': 'eligible',
      'Trần Thị Bích': 'eligible',
      'Phạm Thị Dung': 'eligible', // birth typed as "02/09/1990" text
      'Vũ Thị Giang': 'eligible',
      'Bùi Thị Lan': 'eligible', // birth typed as the year 1992 alone
      'Lê Văn Cường': 'ineligible', // man born 05/1968 retires 31/05/2030, before the term ends
      'Hoàng Văn Em': 'ineligible', // training "Trung cấp"
      'Đặng Văn Hùng': 'ineligible', // rated "Hoàn thành nhiệm vụ" in 2024
    });
    const cuong = j.results.find((x) => x.name === 'Lê Văn Cường')!;
    expect(cuong.explanation).toContain('31/05/2030');
    expect(j.results.find((x) => x.name === 'Hoàng Văn Em')!.explanation).toContain('Trung cấp');
    expect(j.results.find((x) => x.name === 'Đặng Văn Hùng')!.explanation).toContain('Hoàn thành nhiệm vụ');
    expect(j.titles).toEqual([
      expect.objectContaining({ title: 'Trưởng phòng', quota: 3, count: 3, women: 2 }),
      expect.objectContaining({ title: 'Phó Trưởng phòng', quota: 3, count: 2, women: 2 }),
    ]);
    expect(codes(j).filter((c) => c.startsWith('E-'))).toEqual([]);
    expect(existsSync(r.out)).toBe(true);
  });

  test('step 1: the term start is read from the title ("giai đoạn 2026 - 2031") when not given', async () => {
    const r = await run(fixture('next-term-1-roster.xlsx'), ['--step', '1']);
    expect(r.code).toBe(0);
    expect(r.json!.results.filter((x) => x.outcome === 'ineligible').map((x) => x.name).sort()).toEqual(['Hoàng Văn Em', 'Lê Văn Cường', 'Đặng Văn Hùng'].sort());
  });

  test('step 2: staff vote, N30 on those present; exactly 30% fails; sections give the titles', async () => {
    const r = await run(fixture('next-term-2-staff.xlsx'), ['--step', '2']);
    expect(r.code).toBe(0);
    const j = r.json!;
    expect(j.conference).toEqual({ convened: 25, present: 20, quorate: true, announced: false });
    expect(rows(j, true)).toEqual([
      ['Trưởng phòng', 'Nguyễn Văn An', 'pass', 60, 1], // typed in TCVN3 with .VnTime
      ['Trưởng phòng', 'Lê Văn Cường', 'pass', 35, 2], // " 7 " as text, stray spaces in the name
      ['Trưởng phòng', 'Trần Thị Bích', 'fail', 30, 3], // exactly 30%: fails; NFD name
      ['Trưởng phòng', 'Phạm Thị Dung', 'fail', 15, 4],
      ['Phó Trưởng phòng', 'Vũ Thị Giang', 'pass', 70, 1],
      ['Phó Trưởng phòng', 'Đặng Văn Hùng', 'pass', 35, 2],
      ['Phó Trưởng phòng', 'Hoàng Văn Em', 'fail', 25, 3],
    ]);
    for (const x of j.results) {
      expect(x).toMatchObject({ base: 20, baseKind: 'present', rule: 'N30' });
    }
    expect(j.results.find((x) => x.name === 'Trần Thị Bích')!.explanation).toContain('6/20 = 30,00% ≤ 30%');
    expect(j.diagnostics).toEqual([]); // every vote row matched the roster
    // The result columns beside the table, in Vietnamese.
    const written = writtenResults(await snapshot(r.out), 'KP HN cán bộ');
    expect(written.get('Nguyễn Văn An')).toEqual({ 'Tỷ lệ (%)': 0.6, 'Kết quả': 'Đạt', 'Xếp hạng': 1 });
    expect(written.get('Trần Thị Bích')).toEqual({ 'Tỷ lệ (%)': 0.3, 'Kết quả': 'Không đạt', 'Xếp hạng': 3 });
  });

  test('step 2 is inferred from a staff vote sheet when --step is not given', async () => {
    const r = await run(fixture('next-term-2-staff.xlsx'));
    expect(r.code).toBe(0);
    expect(r.json!.step).toBe(2);
  });

  test('step 3: leadership vote, L50 on those convened, TOP; a tie across the quota line awaits the head', async () => {
    const r = await run(fixture('next-term-3-leadership.xlsx'), ['--step', '3']);
    expect(r.code).toBe(0);
    const j = r.json!;
    // "Tổng số người được triệu tập:" | 9 and "Số người có mặt:" | 8: the numbers in the next cell.
    expect(j.conference).toEqual({ convened: 9, present: 8, quorate: true, announced: true });
    expect(rows(j, true)).toEqual([
      ['Trưởng phòng', 'Nguyễn Văn An', 'selected', 88.89, 1],
      ['Trưởng phòng', 'Trần Thị Bích', 'selected', 77.78, 2],
      ['Trưởng phòng', 'Lê Văn Cường', 'awaiting-head', 66.67, 3],
      ['Trưởng phòng', 'Phạm Thị Dung', 'awaiting-head', 66.67, 3],
      ['Trưởng phòng', 'Hoàng Văn Em', 'fail', 44.44, 5],
      ['Phó Trưởng phòng', 'Vũ Thị Giang', 'selected', 77.78, 1],
      ['Phó Trưởng phòng', 'Đặng Văn Hùng', 'selected', 55.56, 2],
      ['Phó Trưởng phòng', 'Bùi Thị Lan', 'fail', 33.33, 3],
    ]);
    for (const x of j.results) expect(x).toMatchObject({ base: 9, baseKind: 'convened', rule: 'L50' });
    expect(j.results.find((x) => x.name === 'Phạm Thị Dung')!.explanation).toContain('TIE');
    expect(codes(j).filter((c) => c.startsWith('E-'))).toEqual([]);
    const written = writtenResults(await snapshot(r.out), 'KP lãnh đạo');
    expect(written.get('Lê Văn Cường')?.['Kết quả']).toBe('Chờ người đứng đầu quyết định');
    expect(written.get('Nguyễn Văn An')?.['Kết quả']).toBe('Được giới thiệu');
  });

  test('--quota overrides the profile: quota 4 takes the whole tie', async () => {
    const r = await run(fixture('next-term-3-leadership.xlsx'), ['--step', '3', '--quota', '4']);
    expect(r.code).toBe(0);
    const tp = r.json!.results.filter((x) => x.title === 'Trưởng phòng');
    expect(tp.map((x) => x.outcome)).toEqual(['selected', 'selected', 'selected', 'selected', 'fail']);
  });

  test('--convened / --present override the numbers in the sheet', async () => {
    const r = await run(fixture('next-term-2-staff.xlsx'), ['--step', '2', '--convened', '30', '--present', '24']);
    expect(r.code).toBe(0);
    expect(r.json!.conference).toEqual({ convened: 30, present: 24, quorate: true, announced: false });
    // 7/24 = 29.17% no longer passes.
    expect(r.json!.results.find((x) => x.name === 'Lê Văn Cường')!.outcome).toBe('fail');
  });
});

describe('annual-local (II.1)', () => {
  test('step 1: removal (RM50, base convened) and nomination (N30, base present) in two columns', async () => {
    const r = await run(fixture('annual-local-1-review.xlsx'), ['--procedure', 'annual-local', '--step', '1']);
    expect(r.code).toBe(0);
    const j = r.json!;
    expect(j.conference).toEqual({ convened: 25, present: 20, quorate: true, announced: false });
    expect(j.results.map((x) => [x.title, x.name, x.outcome, x.baseKind, x.percent, x.rule])).toEqual([
      ['Trưởng phòng', 'Phạm Thị Dung', 'pass', 'present', 35, 'N30'],
      ['Trưởng phòng', 'Nguyễn Văn An', 'removed', 'convened', 52, 'RM50'], // 13/25: 26 > 25
      ['Trưởng phòng', 'Trần Thị Bích', 'kept', 'convened', 48, 'RM50'], // 12/25
      ['Phó Trưởng phòng', 'Đặng Văn Hùng', 'pass', 'present', 50, 'N30'],
      ['Phó Trưởng phòng', 'Vũ Thị Giang', 'kept', 'convened', 8, 'RM50'],
      ['Phó Trưởng phòng', 'Bùi Thị Lan', 'fail', 'present', 30, 'N30'],
    ]);
    // The roster is an Excel Table; "x" in "Trong quy hoạch" was read (no E-REMOVAL-NOT-IN-PLANNING).
    expect(j.diagnostics).toEqual([]);
    const written = writtenResults(await snapshot(r.out), 'KP rà soát 2026');
    expect(written.get('Nguyễn Văn An')).toMatchObject({ 'Kết quả (đưa ra khỏi quy hoạch)': 'Đưa ra khỏi quy hoạch', 'Kết quả': null });
    expect(written.get('Phạm Thị Dung')).toMatchObject({ 'Kết quả': 'Đạt', 'Xếp hạng': 1, 'Kết quả (đưa ra khỏi quy hoạch)': null });
  });

  test('step 2: leadership vote; the title is written above the table ("Chức danh: Phó Trưởng phòng")', async () => {
    const r = await run(fixture('annual-local-2-leadership.xlsx'), ['--procedure', 'annual-local', '--step', '2']);
    expect(r.code).toBe(0);
    const j = r.json!;
    expect(j.conference).toEqual({ convened: 9, present: 9, quorate: true, announced: true });
    expect(rows(j, true)).toEqual([
      ['Phó Trưởng phòng', 'Vũ Thị Giang', 'selected', 100, 1],
      ['Phó Trưởng phòng', 'Đặng Văn Hùng', 'selected', 66.67, 2],
      ['Phó Trưởng phòng', 'Bùi Thị Lan', 'selected', 55.56, 3],
      ['Phó Trưởng phòng', 'Hoàng Văn Em', 'fail', 44.44, 4],
    ]);
    expect(j.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });
});

describe('annual-external (II.2)', () => {
  // At II.2 steps 1 and 2 no consultation has happened yet: the list has name, agency and title only.
  test('step 1: gap per title and ELIG of the external candidates', async () => {
    const r = await run(fixture('annual-external-1-gap.xlsx'), ['--procedure', 'annual-external', '--step', '1', '--term-start', '2026-01-01']);
    expect(r.code).toBe(0);
    const j = r.json!;
    expect(j.results.map((x) => [x.name, x.outcome])).toEqual([
      ['Lương Văn Khánh', 'eligible'],
      ['Mai Thị Phương', 'eligible'],
      ['Tạ Văn Sơn', 'ineligible'], // born 02/1966: retires in 2027
    ]);
    expect(j.titles).toEqual([
      expect.objectContaining({ title: 'Trưởng phòng', inPlanningEligible: 2, shortfall: 1 }),
      expect.objectContaining({ title: 'Phó Trưởng phòng', inPlanningEligible: 1, shortfall: 2 }),
    ]);
    const gaps = j.diagnostics.filter((d) => d.code === 'W-GAP-SHORTFALL').map((d) => d.message);
    expect(gaps).toEqual([expect.stringContaining('còn thiếu 1'), expect.stringContaining('còn thiếu 2')]);
  });

  test('step 2: the approval of the external list ("Ngày thông qua", "Biên bản số") is read', async () => {
    const r = await run(fixture('annual-external-2-approval.xlsx'), ['--procedure', 'annual-external', '--step', '2', '--convened', '9', '--present', '8']);
    expect(r.code).toBe(0);
    expect(r.json!.conference).toEqual(expect.objectContaining({ convened: 9, present: 8, quorate: true }));
    expect(codes(r.json!)).not.toContain('W-APPROVAL-MISSING');
    // The same list without the approval lines is flagged.
    const without = await run(fixture('annual-external-1-gap.xlsx'), ['--procedure', 'annual-external', '--step', '2', '--convened', '9', '--present', '8']);
    expect(codes(without.json!)).toContain('W-APPROVAL-MISSING');
  });

  test('step 2 without conference numbers: E-CONFERENCE-MISSING, nothing written', async () => {
    const r = await run(fixture('annual-external-2-approval.xlsx'), ['--procedure', 'annual-external', '--step', '2']);
    expect(r.code).toBe(1);
    expect(codes(r.json!)).toContain('E-CONFERENCE-MISSING');
    expect(existsSync(r.out)).toBe(false);
  });

  test('step 3: consultation facts per candidate; incomplete and disagreeing ones are flagged', async () => {
    const r = await run(fixture('annual-external-3-consult.xlsx'), ['--procedure', 'annual-external', '--step', '3']);
    expect(r.code).toBe(0);
    const j = r.json!;
    expect(j.consultations.map((c) => [c.name, c.complete, c.missing, c.opinionAgrees])).toEqual([
      ['Lương Văn Khánh', true, [], true],
      ['Mai Thị Phương', false, ['dossierReceivedOn'], true],
      ['Tạ Văn Sơn', true, [], false],
    ]);
    expect(at(j)).toEqual([
      { code: 'W-CONSULT-INCOMPLETE', sheet: 'Nguồn nơi khác', cell: 'B13' },
      { code: 'W-CONSULT-DISAGREE', sheet: 'Nguồn nơi khác', cell: 'B14' },
    ]);
    expect(j.diagnostics[0].message).toContain('nhận hồ sơ');
  });

  test('step 4: second leadership vote on external candidates, L50C on those convened', async () => {
    const r = await run(fixture('annual-external-4-leadership.xlsx'), ['--procedure', 'annual-external', '--step', '4']);
    expect(r.code).toBe(0);
    const j = r.json!;
    expect(j.conference).toEqual({ convened: 9, present: 9, quorate: true, announced: true });
    expect(rows(j, true)).toEqual([
      ['Trưởng phòng', 'Lương Văn Khánh', 'selected', 88.89, 1],
      ['Trưởng phòng', 'Mai Thị Phương', 'selected', 55.56, 2],
      ['Phó Trưởng phòng', 'Tạ Văn Sơn', 'fail', 44.44, 1],
    ]);
    for (const x of j.results) expect(x).toMatchObject({ baseKind: 'convened', rule: 'L50C' });
    expect(at(j)).toEqual([{ code: 'W-CONSULT-INCOMPLETE', sheet: 'Nguồn nơi khác', cell: 'B13' }]);
  });
});

// ───────────────────────────── one workbook per coded error ─────────────────────────────

const V = 'KP HN cán bộ';
const ERRORS: [file: string, args: string[], expected: { code: string; sheet: string | null; cell: string | null }, words: string][] = [
  ['error-not-a-number.xlsx', ['--step', '2'], { code: 'E-NOT-A-NUMBER', sheet: V, cell: 'E12' }, '“bảy” không phải là số'],
  ['error-agree-gt-present.xlsx', ['--step', '2'], { code: 'E-AGREE-GT-PRESENT', sheet: V, cell: 'E12' }, '21 phiếu đồng ý nhiều hơn số người có mặt (20)'],
  ['error-present-gt-convened.xlsx', ['--step', '2'], { code: 'E-PRESENT-GT-CONVENED', sheet: V, cell: 'A9' }, 'Số người có mặt (26) lớn hơn số người được triệu tập (25)'],
  ['error-quorum.xlsx', ['--step', '2'], { code: 'E-QUORUM', sheet: V, cell: 'A9' }, 'có mặt 16/25 người, cần ít nhất 17 người'],
  ['error-no-match.xlsx', ['--step', '2'], { code: 'E-NO-MATCH', sheet: V, cell: 'B12' }, 'Nguyễn Văn Ân (sinh 01/01/1981) không có trong danh sách trích ngang'],
  ['error-ambiguous-match.xlsx', ['--step', '2'], { code: 'E-AMBIGUOUS-MATCH', sheet: V, cell: 'B13' }, 'khớp với nhiều người'],
  ['error-duplicate-row.xlsx', ['--step', '2'], { code: 'E-DUPLICATE-ROW', sheet: V, cell: 'E14' }, 'Trần Thị Bích có hai dòng cho chức danh “Trưởng phòng”'],
  ['error-count-not-whole.xlsx', ['--step', '2'], { code: 'E-COUNT-NOT-WHOLE', sheet: V, cell: 'E13' }, '“-3” không phải số nguyên không âm'],
  ['error-target-not-empty.xlsx', ['--step', '2'], { code: 'E-TARGET-NOT-EMPTY', sheet: V, cell: 'F13' }, 'không ghi đè'],
  ['error-sheet-not-found.xlsx', ['--step', '2'], { code: 'E-SHEET-NOT-FOUND', sheet: null, cell: null }, 'Không tìm thấy trang tính kết quả kiểm phiếu'],
  ['error-sheet-not-found.xlsx', ['--step', '2', '--votes', 'KP hội nghị'], { code: 'E-SHEET-NOT-FOUND', sheet: null, cell: null }, 'Không có trang tính “KP hội nghị”'],
  ['error-sheet-not-found.xlsx', ['--step', '1', '--roster', 'Danh sách 2025'], { code: 'E-SHEET-NOT-FOUND', sheet: null, cell: null }, 'Không có trang tính “Danh sách 2025”'],
  ['error-removal-not-in-planning.xlsx', ['--procedure', 'annual-local', '--step', '1'], { code: 'E-REMOVAL-NOT-IN-PLANNING', sheet: 'KP rà soát 2026', cell: 'E13' }, 'Phạm Thị Dung không có trong quy hoạch'],
];

describe('coded errors: exit 1, the cell named in Vietnamese, nothing written', () => {
  test.each(ERRORS)('%s %j → %j', async (file, args, expected, words) => {
    const r = await run(fixture(file), args);
    expect(r.code).toBe(1);
    const j = r.json!;
    expect(at(j)).toContainEqual(expected);
    const d = j.diagnostics.find((x) => x.code === expected.code)!;
    expect(d.severity).toBe('error');
    expect(d.message).toContain(words);
    if (expected.cell) expect(d.message).toContain(`'${expected.sheet}'!${expected.cell}`);
    expect(j.output).toBeNull();
    expect(existsSync(r.out)).toBe(false);
  });

  test('the quorum error gives no pass/fail at all', async () => {
    const r = await run(fixture('error-quorum.xlsx'), ['--step', '2']);
    expect(r.json!.conference).toEqual({ convened: 25, present: 16, quorate: false, announced: false });
    expect(r.json!.results).toEqual([]);
  });

  test('text output: the error on stderr in Vietnamese, "Không ghi gì" on stdout', async () => {
    const r = await run(fixture('error-not-a-number.xlsx'), ['--step', '2'], { json: false });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Lỗi E-NOT-A-NUMBER: 'KP HN cán bộ'!E12: “bảy” không phải là số");
    expect(r.stdout).toContain('Không ghi gì vì sổ tính có lỗi.');
    expect(existsSync(r.out)).toBe(false);
  });

  test('--lang en gives the messages in English', async () => {
    const r = await run(fixture('error-quorum.xlsx'), ['--step', '2', '--lang', 'en']);
    expect(r.code).toBe(1);
    const d = r.json!.diagnostics.find((x) => x.code === 'E-QUORUM')!;
    expect(d.message).not.toContain('Hội nghị');
    expect(d.message).toMatch(/16/);
  });
});

// ───────────────────────────── usage ─────────────────────────────

describe('wrong usage: exit 2, usage in Vietnamese, nothing written', () => {
  const cases: [string, string[]][] = [
    ['--step x', ['run', fixture('next-term-2-staff.xlsx'), '--step', 'x']],
    ['an unknown option', ['run', fixture('next-term-2-staff.xlsx'), '--bogus']],
    ['a missing file', ['run', join(FIXTURES, 'khong-co-tep-nay.xlsx')]],
    ['no file', ['run']],
    ['an unknown command', ['chay', fixture('next-term-2-staff.xlsx')]],
    ['--procedure unknown', ['run', fixture('next-term-2-staff.xlsx'), '--procedure', 'yearly']],
    ['--term-start not a date', ['run', fixture('next-term-1-roster.xlsx'), '--term-start', '01/01/2026']],
    ['--lang fr', ['run', fixture('next-term-2-staff.xlsx'), '--lang', 'fr']],
    ['--convened -5', ['run', fixture('next-term-2-staff.xlsx'), '--convened', '-5']],
  ];
  test.each(cases)('%s', async (_label, argv) => {
    const out = join(tmp, `usage-${++counter}.xlsx`);
    let stdout = '';
    let stderr = '';
    const code = await main([...argv, '--out', out], { out: (s) => (stdout += s), err: (s) => (stderr += s) });
    expect(code).toBe(2);
    expect(stderr).toContain('Dùng sai lệnh');
    expect(stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  test('a workbook named where the command goes: the message says to write run (or undo) first', async () => {
    let stderr = '';
    const code = await main([fixture('next-term-2-staff.xlsx')], { out: () => undefined, err: (s) => (stderr += s) });
    expect(code).toBe(2);
    expect(stderr).toContain('không có lệnh “');
    expect(stderr).toContain('viết quy-hoach run <sổ-tính.xlsx> để chạy');
  });

  test('wrong usage in words of the product, never node’s English: an unknown option, an option without its value, a folder', async () => {
    const err = async (argv: string[]) => {
      let stderr = '';
      expect(await main(argv, { out: () => undefined, err: (s) => (stderr += s) })).toBe(2);
      return stderr;
    };
    expect(await err(['run', fixture('next-term-2-staff.xlsx'), '--bogus'])).toContain('Dùng sai lệnh: không có tuỳ chọn --bogus');
    expect(await err(['run', fixture('next-term-2-staff.xlsx'), '--out'])).toContain('Dùng sai lệnh: tuỳ chọn --out cần một giá trị');
    expect(await err(['run', FIXTURES])).toContain(`${FIXTURES} là một thư mục`);
    expect(await err(['run'])).toContain('Dùng sai lệnh: thiếu tên tệp sổ tính');
    expect(await err(['run', 'So', 'quy hoach.xlsx'])).toContain('thừa: quy hoach.xlsx (tên tệp có dấu cách thì đặt trong ngoặc kép)');
    expect(await err(['run', fixture('next-term-2-staff.xlsx'), '--bogus', '--lang', 'en'])).toContain('Wrong usage: there is no option --bogus');
  });

  test('--out of another kind than the input (.csv, no extension, .xlsx for an .xlsm) is refused, nothing written', async () => {
    for (const [input, name] of [['next-term-2-staff.xlsx', 'ket-qua.csv'], ['next-term-2-staff.xlsx', 'ket-qua'], ['excel-features.xlsm', 'ket-qua.xlsx']]) {
      const out = join(tmp, `${++counter}-${name}`);
      let stderr = '';
      expect(await main(['run', fixture(input), '--out', out], { out: () => undefined, err: (s) => (stderr += s) })).toBe(2);
      expect(stderr).toContain(`phải có đuôi ${input.endsWith('.xlsm') ? '.xlsm' : '.xlsx'}, như tệp gốc`);
      expect(existsSync(out)).toBe(false);
    }
  });

  test('with --json, wrong usage prints the run’s JSON with E-USAGE (a missing file, an unknown option given before --json is read)', async () => {
    for (const argv of [['run', join(FIXTURES, 'khong-co-tep-nay.xlsx'), '--json'], ['run', fixture('next-term-2-staff.xlsx'), '--bogus', '--json']]) {
      let stdout = '';
      expect(await main(argv, { out: (s) => (stdout += s), err: () => undefined })).toBe(2);
      const j = JSON.parse(stdout) as { diagnostics: { code: string; message: string }[]; output: null };
      expect(j.output).toBeNull();
      expect(j.diagnostics.map((d) => d.code)).toEqual(['E-USAGE']);
      expect(j.diagnostics[0].message).toMatch(/^Dùng sai lệnh: (không mở được tệp .*khong-co-tep-nay\.xlsx|không có tuỳ chọn --bogus)\. Không có gì được ghi/);
    }
  });

  test('undo --json prints one object: written, then nothing to undo', async () => {
    const ran = join(tmp, `undo-json-${++counter}.xlsx`);
    expect(await main(['run', fixture('next-term-2-staff.xlsx'), '--out', ran], { out: () => undefined, err: () => undefined })).toBe(0);
    const undo = async (input: string, out: string) => {
      let stdout = '';
      const code = await main(['undo', input, '--json', '--out', out], { out: (s) => (stdout += s), err: () => undefined });
      return { code, json: JSON.parse(stdout) as { command: string; ok: boolean; diagnostics: { code: string }[]; output: string | null } };
    };
    const first = await undo(ran, join(tmp, `undone-${counter}.xlsx`));
    expect(first).toMatchObject({ code: 0, json: { command: 'undo', ok: true, output: join(tmp, `undone-${counter}.xlsx`) } });
    const again = await undo(join(tmp, `undone-${counter}.xlsx`), join(tmp, `undone-again-${counter}.xlsx`));
    expect(again.code).toBe(1);
    expect(again.json.output).toBeNull();
    expect(again.json.diagnostics.map((d) => d.code)).toEqual(['E-NOTHING-TO-UNDO']);
    expect(existsSync(join(tmp, `undone-again-${counter}.xlsx`))).toBe(false);
  });

  test('--help prints the usage and exits 0', async () => {
    let stdout = '';
    const code = await main(['--help'], { out: (s) => (stdout += s), err: () => undefined });
    expect(code).toBe(0);
    expect(stdout).toContain('Cách dùng: quy-hoach run');
  });

  test('--step 9: a step the procedure does not have is an error in the workbook run (E-STEP-UNKNOWN), exit 1', async () => {
    const r = await run(fixture('next-term-2-staff.xlsx'), ['--step', '9']);
    expect(r.code).toBe(1);
    expect(codes(r.json!)).toContain('E-STEP-UNKNOWN');
  });
});

// ───────────────────────────── the files ─────────────────────────────

const WRITTEN: [file: string, args: string[], voteSheet: string | null][] = [
  ['next-term-1-roster.xlsx', ['--step', '1', '--term-start', '2026-01-01'], null],
  ['next-term-2-staff.xlsx', ['--step', '2'], 'KP HN cán bộ'],
  ['next-term-3-leadership.xlsx', ['--step', '3'], 'KP lãnh đạo'],
  ['annual-local-1-review.xlsx', ['--procedure', 'annual-local', '--step', '1'], 'KP rà soát 2026'],
  ['annual-local-2-leadership.xlsx', ['--procedure', 'annual-local', '--step', '2'], 'KP tập thể lãnh đạo'],
  ['annual-external-1-gap.xlsx', ['--procedure', 'annual-external', '--step', '1', '--term-start', '2026-01-01'], null],
  ['annual-external-2-approval.xlsx', ['--procedure', 'annual-external', '--step', '2', '--convened', '9', '--present', '8'], null],
  ['annual-external-3-consult.xlsx', ['--procedure', 'annual-external', '--step', '3'], null],
  ['annual-external-4-leadership.xlsx', ['--procedure', 'annual-external', '--step', '4'], 'KP lãnh đạo lần 2'],
];

/** ELIG / GAP steps (I.1, II.2(1)) write their result columns beside the roster and the external candidates. */
const REVIEWED: Record<string, string[]> = { 'next-term-1-roster.xlsx': ['Danh sách trích ngang'], 'annual-external-1-gap.xlsx': ['Danh sách trích ngang', 'Nguồn nơi khác'] };

describe('files: the user cells are kept, a second run gives the same result', () => {
  test.each(WRITTEN)('%s', async (file, args, voteSheet) => {
    const input = fixture(file);
    const first = await run(input, args);
    expect(first.code).toBe(0);
    expect(first.json!.output).toBe(first.out);
    const a = await snapshot(input);
    const whole = await snapshot(first.out);
    const b = userPart(whole);
    // A vote step adds its ranked shortlist on a sheet of its own, headed by whether the count is announced.
    const created = createdSheets(whole);
    const shortlists = created.filter((n) => n.startsWith('KQ '));
    if (voteSheet) {
      expect(shortlists).toHaveLength(1);
      const list = whole.sheets.find((x) => x.name === shortlists[0])!;
      expect(String(list.values[0][0])).toMatch(/^(DANH SÁCH KẾT QUẢ KIỂM PHIẾU|KẾT QUẢ KIỂM PHIẾU — KHÔNG CÔNG BỐ TẠI HỘI NGHỊ)$/);
    } else expect(shortlists).toEqual([]);

    // Every cell of the user's outside the result columns is unchanged, and so are the merges and tables.
    const owned = ownedAreas(b);
    if (voteSheet) expect(owned.map((o) => o.sheet)).toEqual([voteSheet]);
    else expect(owned.map((o) => o.sheet)).toEqual(REVIEWED[file] ?? []);
    const inputCells = cellMap(a);
    expect(cellMap(b, owned)).toEqual(inputCells);
    // The result columns were empty in the input (the run writes only where nothing was).
    for (const key of inputCells.keys()) expect(cellMap(a, owned).has(key)).toBe(true);
    expect(b.sheets.map((s) => [s.name, s.merges, s.tables])).toEqual(a.sheets.map((s) => [s.name, s.merges, s.tables]));
    expect(b.sheets.map((s) => s.fonts)).toEqual(a.sheets.map((s) => s.fonts));

    // Again on its own output: the same values everywhere, the same JSON.
    const second = await run(first.out, args);
    expect(second.code).toBe(0);
    expect({ ...second.json!, output: null }).toEqual({ ...first.json!, output: null });
    const c = await snapshot(second.out);
    // Bar the audit log's new row (and the undo record, which now holds the first run's parts).
    expect(cellMap(withoutBookkeeping(c))).toEqual(cellMap(withoutBookkeeping(whole)));
    const log = (s: WorkbookSnapshot) => s.sheets.find((x) => x.name === s.names.find((n) => n.name === AUDIT_NAME)?.sheet)?.values.slice(3).filter((r) => r.some((v) => v !== null)) ?? [];
    expect(log(c)).toHaveLength(log(whole).length + 1);
    expect(log(c).slice(0, -1)).toEqual(log(whole));
    expect(ownedAreas(c)).toEqual(owned);
    expect(createdSheets(c)).toEqual(created);
  });

  test('without --out the result goes beside the input; the input is never overwritten', async () => {
    const copy = join(tmp, 'Danh sach phong Noi vu.xlsx');
    writeFileSync(copy, readFileSync(fixture('next-term-2-staff.xlsx')));
    const hash = sha(copy);
    let stdout = '';
    const code = await main(['run', copy, '--step', '2'], { out: (s) => (stdout += s), err: () => undefined });
    expect(code).toBe(0);
    expect(sha(copy)).toBe(hash);
    const beside = join(tmp, 'Danh sach phong Noi vu.ket-qua.xlsx');
    expect(existsSync(beside)).toBe(true);
    expect(stdout).toContain(`Đã ghi kết quả vào ${beside}`);
  });

  test('--in-place writes into the input itself (and only when asked)', async () => {
    const copy = join(tmp, 'in-place.xlsx');
    writeFileSync(copy, readFileSync(fixture('next-term-2-staff.xlsx')));
    const hash = sha(copy);
    const code = await main(['run', copy, '--step', '2', '--in-place', '--json'], { out: () => undefined, err: () => undefined });
    expect(code).toBe(0);
    expect(sha(copy)).not.toBe(hash);
    expect(writtenResults(await snapshot(copy), 'KP HN cán bộ').get('Vũ Thị Giang')?.['Kết quả']).toBe('Đạt');
  });

  test('the output opens in ExcelJS with the user fonts and the merged titles intact', async () => {
    const r = await run(fixture('next-term-2-staff.xlsx'), ['--step', '2']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(r.out) as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('KP HN cán bộ')!;
    expect(ws.getCell('A1').font?.name).toBe('Times New Roman');
    expect(String(ws.getCell('A1').value)).toBe('ỦY BAN NHÂN DÂN HUYỆN THANH SƠN');
    const tcvn = [...Array(ws.rowCount).keys()].map((i) => ws.getCell(i + 1, 2)).find((c) => c.value === 'NguyÔn V¨n An');
    expect(tcvn?.font?.name).toBe('.VnTime');
  });
});

// ───────────────────────────── known reading problems (src bugs) ─────────────────────────────

describe('layouts offices also use', () => {
  test('a roster with "Đơn vị công tác" is read as the roster, not as the II.2 candidates sheet', async () => {
    const r = await run(fixture('layout-roster-don-vi-cong-tac.xlsx'), ['--step', '1', '--term-start', '2026-01-01']);
    expect(r.code).toBe(0);
    expect(r.json!.results).toHaveLength(8);
    expect(r.json!.results.filter((x) => x.outcome === 'ineligible')).toHaveLength(3);
  });

  test('a "Ghi chú" column beside the vote table is kept: the result columns go to its right', async () => {
    const r = await run(fixture('layout-vote-ghi-chu.xlsx'), ['--step', '2']);
    expect(r.code).toBe(0);
    const s = await snapshot(r.out);
    const area = ownedAreas(s).find((o) => o.sheet === V);
    const sheet = s.sheets.find((x) => x.name === V)!;
    const noteCol = sheet.values.findIndex((row) => row?.includes('Ghi chú'));
    expect(noteCol).toBeGreaterThan(-1);
    const col = sheet.values[noteCol].indexOf('Ghi chú') + 1;
    expect(area!.range.left).toBe(col + 1);
    expect(sheet.values.flat()).toContain('Nghỉ phép ngày hội nghị');
  });

  test('a candidates sheet with a "Cơ quan đồng ý" column is read as candidates', async () => {
    const r = await run(fixture('layout-candidates-co-quan-dong-y.xlsx'), ['--procedure', 'annual-external', '--step', '3']);
    expect(r.code).toBe(0);
    expect(r.json!.consultations.map((c) => [c.name, c.complete, c.opinionAgrees])).toEqual([
      ['Lương Văn Khánh', true, true],
      ['Mai Thị Phương', false, true],
      ['Tạ Văn Sơn', true, false],
    ]);
  });

  test('step 1 on a workbook without a roster is an error, not an empty success', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Trang tính 1').getCell('A1').value = 'DANH SÁCH CÁN BỘ (chưa nhập)';
    const file = join(tmp, 'no-roster.xlsx');
    writeFileSync(file, (await wb.xlsx.writeBuffer()) as unknown as Buffer);
    const r = await run(file, ['--step', '1', '--term-start', '2026-01-01']);
    expect(r.code).toBe(1);
    expect(codes(r.json!)).toContain('E-SHEET-NOT-FOUND');
  });
});
