/**
 * The layout families offices keep (issue 14; test/fixtures/make-layout-families.ts, README.md there
 * names the real form each is laid out after), each run through `quy-hoach run <file>` with no
 * options beyond the file: the procedure and step inferred and why, the outcomes, the diagnostics
 * naming their cells, and the `read` report (which column fed each field, what was passed over).
 */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../src/cli/main';

jest.setTimeout(60_000);

const fixture = (name: string): string => join(__dirname, '..', 'fixtures', name);
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'quy-hoach-families-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Json {
  procedure: string;
  step: number;
  inferred: { procedure?: string; step?: number; because?: { kind: string; sheet?: string; column?: string; cell?: string }; text?: string };
  results: { name: string; title: string; agree: number | null; outcome: string }[];
  diagnostics: { severity: string; code: string; sheet: string | null; cell: string | null; message: string }[];
  read: { sheets: { sheet: string; role: string; tables: { header: { top: number; bottom: number }; columns: { field: string; col: string; header: string; title?: string }[]; rows: { count: number; first?: number; last?: number }; skippedRows: { from: number; to: number; reason: string }[]; skippedColumns: { col: string; reason: string }[]; ended?: { row: number; reason: string } }[] }[] };
  output: string | null;
}

let n = 0;
async function run(file: string, args: string[] = [], json = true): Promise<{ code: number; stdout: string; stderr: string; json?: Json }> {
  let stdout = '';
  let stderr = '';
  const code = await main(['run', fixture(file), ...(json ? ['--json'] : []), '--out', join(tmp, `out-${++n}.xlsx`), ...args], { out: (s) => (stdout += `${s}\n`), err: (s) => (stderr += `${s}\n`) });
  return { code, stdout, stderr, json: json ? (JSON.parse(stdout) as Json) : undefined };
}

const outcomes = (j: Json) => j.results.map((r) => [r.title, r.name, r.agree, r.outcome]);
const codes = (j: Json) => j.diagnostics.map((d) => `${d.code}@${d.cell ?? ''}`);
const votesRead = (j: Json) => j.read.sheets.find((s) => s.role === 'votes')!;
const sorted = (rows: unknown[][]) => [...rows].sort((a, b) => String(a).localeCompare(String(b)));

describe('1. column groups per title', () => {
  test('"Chức danh Trưởng phòng" / "Chức danh Phó Trưởng phòng" over "Số phiếu | Tỷ lệ %": a result per title counted, beside the table', async () => {
    const r = await run('family-1-title-groups.xlsx');
    expect(r.code).toBe(0);
    const j = r.json!;
    expect([j.procedure, j.step, j.inferred.because?.kind]).toEqual(['next-term', 2, 'staff-count']);
    expect(sorted(outcomes(j))).toEqual(
      sorted([
        ['Trưởng phòng', 'Nguyễn Văn An', 12, 'pass'],
        ['Trưởng phòng', 'Lê Văn Cường', 7, 'pass'],
        ['Trưởng phòng', 'Trần Thị Bích', 6, 'fail'], // 6/20 = 30%, not more
        ['Trưởng phòng', 'Bùi Thị Lan', 3, 'fail'],
        ['Phó Trưởng phòng', 'Vũ Thị Giang', 14, 'pass'],
        ['Phó Trưởng phòng', 'Trần Thị Bích', 9, 'pass'],
        ['Phó Trưởng phòng', 'Bùi Thị Lan', 8, 'pass'],
        ['Phó Trưởng phòng', 'Đặng Văn Hùng', 5, 'fail'],
      ]),
    );
    expect(j.diagnostics).toEqual([]);
    const t = votesRead(j).tables[0];
    expect(t.header).toEqual({ top: 11, bottom: 12 });
    expect(t.columns.filter((c) => c.field === 'agree').map((c) => [c.col, c.title])).toEqual([
      ['C', 'Chức danh Trưởng phòng'],
      ['E', 'Chức danh Phó Trưởng phòng'],
    ]);
    expect(t.skippedColumns).toEqual([
      { col: 'D', header: 'Chức danh Trưởng phòng / Tỷ lệ %', reason: 'computed' },
      { col: 'F', header: 'Chức danh Phó Trưởng phòng / Tỷ lệ %', reason: 'computed' },
    ]);
  });

  test('removal votes in groups "Đồng ý đưa ra | Không đồng ý": the annual review, inferred from the removal column', async () => {
    const j = (await run('family-1-removal-groups.xlsx')).json!;
    expect([j.procedure, j.step]).toEqual(['annual-local', 1]);
    expect(j.inferred).toMatchObject({ procedure: 'annual-local', step: 1, because: { kind: 'removal-column', sheet: 'KP rà soát 2026', column: 'D' } });
    expect(outcomes(j)).toEqual([
      ['Trưởng phòng', 'Nguyễn Văn An', 13, 'removed'], // 2 × 13 > 25 convened
      ['Trưởng phòng', 'Trần Thị Bích', 12, 'kept'],
      ['Phó Trưởng phòng', 'Vũ Thị Giang', 2, 'kept'],
    ]);
    expect(votesRead(j).tables[0].columns.map((c) => `${c.field}:${c.col}`)).toContain('removeAgree:D');
  });
});

describe('2. section rows with blank rows between; titles as a person compares them', () => {
  test('every section read across the blank rows, each title in one tidy spelling', async () => {
    const j = (await run('family-2-sections-blank-rows.xlsx')).json!;
    expect(j.results.map((r) => [r.title, r.name, r.outcome])).toEqual([
      ['Trưởng phòng', 'Nguyễn Văn An', 'pass'],
      ['Trưởng phòng', 'Lê Văn Cường', 'pass'],
      ['Trưởng phòng', 'Trần Thị Bích', 'fail'],
      ['Phó Trưởng phòng', 'Vũ Thị Giang', 'pass'],
      ['Phó Trưởng phòng', 'Đặng Văn Hùng', 'pass'],
      ['Phó Trưởng phòng', 'Bùi Thị Lan', 'fail'],
    ]);
    expect(votesRead(j).tables[0].skippedRows.map((s) => `${s.from}:${s.reason}`)).toEqual(['12:section', '16:blank', '17:section', '20:blank', '21:section']);
    expect(j.diagnostics).toEqual([]);
  });
});

describe('3. counts in prose and fractions; titles and names typed in TCVN3', () => {
  test('"Có mặt: 20/25 … (vắng 05 …)", the ballots on one line, "7/20" and "12/20 phiếu (60%)", TCVN3 names read', async () => {
    const r = await run('family-3-prose-fractions.xlsx');
    expect(r.code).toBe(0);
    const j = r.json!;
    expect(outcomes(j)).toEqual([
      ['Trưởng phòng', 'Nguyễn Văn An', 12, 'pass'],
      ['Trưởng phòng', 'Trần Thị Bích', 6, 'fail'],
      ['Phó Trưởng phòng', 'Vũ Thị Giang', 14, 'pass'],
      ['Phó Trưởng phòng', 'Đặng Văn Hùng', 7, 'pass'],
    ]);
    expect(j.diagnostics).toEqual([]);
  });

  test('present + absent ≠ convened: an error naming the cell, nothing written', async () => {
    const r = await run('family-3-attendance-disagrees.xlsx');
    expect(r.code).toBe(1);
    expect(codes(r.json!)).toEqual(['E-ATTENDANCE-SUM@A7']);
    expect(r.json!.output).toBeNull();
  });

  test('a fraction whose base is not those present: an error at each count, naming the cell of those present', async () => {
    const r = await run('family-3-base-not-present.xlsx');
    expect(r.code).toBe(1);
    expect(codes(r.json!)).toEqual(['E-VOTE-BASE-MISMATCH@D11', 'E-VOTE-BASE-MISMATCH@D12', 'E-VOTE-BASE-MISMATCH@D13', 'E-VOTE-BASE-MISMATCH@D14']);
    expect(r.json!.diagnostics[0].message).toMatch(/12\/21.*20 \(ô A7\)/);
  });
});

describe('4. two tables in one sheet', () => {
  test('the removal table and the nomination table of one minutes sheet: both read, results beside each', async () => {
    const j = (await run('family-4-two-tables.xlsx')).json!;
    expect([j.procedure, j.step]).toEqual(['annual-local', 1]);
    expect(sorted(j.results.map((r) => [r.name, r.outcome]))).toEqual(
      sorted([
        ['Nguyễn Văn An', 'removed'],
        ['Trần Thị Bích', 'kept'],
        ['Vũ Thị Giang', 'kept'],
        ['Phạm Thị Dung', 'pass'],
        ['Đặng Văn Hùng', 'pass'],
        ['Bùi Thị Lan', 'fail'],
      ]),
    );
    expect(votesRead(j).tables.map((t) => [t.header.top, t.ended?.reason])).toEqual([
      [11, 'next-table'],
      [17, 'signature'],
    ]);
    expect(j.diagnostics).toEqual([]);
  });

  test('two conferences one under the other: the staff conference (step 2) read, the leadership one named', async () => {
    const r = await run('family-4-two-conferences.xlsx');
    expect(r.code).toBe(0);
    expect(outcomes(r.json!).map((o) => o[1])).toEqual(['Nguyễn Văn An', 'Trần Thị Bích', 'Vũ Thị Giang']);
    expect(codes(r.json!)).toEqual(['W-TABLE-LEFT-OUT@A16']);
    const leaders = await run('family-4-two-conferences.xlsx', ['--step', '3']);
    expect(leaders.code).toBe(0);
    expect(leaders.json!.results.map((x) => [x.name, x.agree])).toEqual([
      ['Nguyễn Văn An', 8],
      ['Vũ Thị Giang', 7],
    ]);
    expect(codes(leaders.json!)).toContain('W-TABLE-LEFT-OUT@A9');
  });
});

describe('5. several candidate vote columns: never silently the first', () => {
  test("this year's column beside last year's: the year of the count chooses, the other is named", async () => {
    const j = (await run('family-5-vote-columns-years.xlsx')).json!;
    expect(j.results.map((r) => [r.name, r.agree])).toEqual(expect.arrayContaining([['Nguyễn Văn An', 12], ['Vũ Thị Giang', 14]]));
    expect(codes(j)).toEqual(['W-VOTE-COLUMN-UNUSED@D11']);
    expect(votesRead(j).tables[0].skippedColumns).toEqual([{ col: 'D', header: 'Số phiếu đồng ý năm 2025', reason: 'other-vote-column' }]);
  });

  test('a hidden draft column beside the count: the visible one, both named', async () => {
    const j = (await run('family-5-vote-column-hidden.xlsx')).json!;
    expect(j.results.find((r) => r.name === 'Nguyễn Văn An')?.agree).toBe(12);
    expect(codes(j)).toEqual(['W-VOTE-COLUMN-UNUSED@D11', 'W-HIDDEN-COLUMN@D11']);
  });

  test('a count and a recount, neither saying which stands: stop, name the columns and the option; --column chooses', async () => {
    const r = await run('family-5-vote-columns-recount.xlsx');
    expect(r.code).toBe(1);
    expect(codes(r.json!)).toEqual(['E-VOTE-COLUMN-AMBIGUOUS@D11']);
    expect(r.json!.diagnostics[0].message).toMatch(/D “Số phiếu đồng ý”, E “Số phiếu đồng ý \(kiểm lại\)”.*--column votes=E/);
    const chosen = await run('family-5-vote-columns-recount.xlsx', ['--column', 'votes=E']);
    expect(chosen.code).toBe(0);
    expect(chosen.json!.results.find((x) => x.name === 'Nguyễn Văn An')?.agree).toBe(12);
    // The user said which: no warning, the other column named in the report.
    expect(codes(chosen.json!)).toEqual([]);
    expect(votesRead(chosen.json!).tables[0].skippedColumns).toEqual([{ col: 'D', header: 'Số phiếu đồng ý', reason: 'other-vote-column' }]);
    const first = await run('family-5-vote-columns-recount.xlsx', ['--column', 'votes=D']);
    expect(first.json!.results.find((x) => x.name === 'Nguyễn Văn An')?.agree).toBe(9);
  });

  test('--column with something that is no column is wrong usage (exit 2)', async () => {
    const r = await run('family-5-vote-columns-recount.xlsx', ['--column', 'votes'], false);
    expect(r.code).toBe(2);
  });
});

describe('6. repeated headers, totals, notes; names with a post after them', () => {
  test('the header copied at the second page and the totals row passed over; "(Phó phòng)", "- CVC" kept apart from the name', async () => {
    const j = (await run('family-6-repeated-header-posts.xlsx')).json!;
    expect(j.results.map((r) => r.name).sort()).toEqual(['Đặng Văn Hùng', 'Lê Văn Cường', 'Nguyễn Văn An', 'Trần Thị Bích', 'Vũ Thị Giang'].sort());
    const t = votesRead(j).tables[0];
    expect(t.skippedRows.map((s) => `${s.from}:${s.reason}`)).toEqual(['15:repeated-header', '18:total']);
    expect(t.ended).toEqual({ row: 19, reason: 'note' });
    expect(j.diagnostics).toEqual([]);
  });

  test('a person typed below the signatures: an error naming the cell, nothing written', async () => {
    const r = await run('family-6-row-below-signatures.xlsx');
    expect(r.code).toBe(1);
    expect(codes(r.json!)).toEqual(['E-DATA-BELOW-TABLE@B28']);
  });
});

describe('7. the roster’s vocabulary', () => {
  test('degrees, "Cao cấp LLCT", ratings written HTXSNV/HTTNV/HTNV read as the profile says (I.1, inferred: a roster alone)', async () => {
    const j = (await run('family-7-roster-vocabulary.xlsx')).json!;
    expect([j.procedure, j.step, j.inferred.because?.kind]).toEqual(['next-term', 1, 'roster']);
    expect(Object.fromEntries(j.results.map((r) => [r.name, r.outcome]))).toEqual({
      'Nguyễn Văn An': 'eligible', // Thạc sỹ, Cao cấp LLCT, HTTNV + HTXSNV
      'Trần Thị Bích': 'eligible', // Cử nhân Luật, HTT NV + Hoàn thành tốt
      'Phạm Thị Dung': 'eligible', // Kỹ sư xây dựng, Cử nhân chính trị, Xuất sắc
      'Hoàng Văn Em': 'ineligible', // Cao đẳng, Sơ cấp
      'Vũ Thị Giang': 'eligible', // Tiến sĩ, Cao cấp lý luận chính trị
      'Đặng Văn Hùng': 'ineligible', // HTNV in 2024
    });
  });
});

describe('8. the procedure and step from the workbook', () => {
  test("the head's marks on a results sheet: step 3 run again, the decision applied", async () => {
    const j = (await run('family-8-head-marks.xlsx')).json!;
    expect([j.procedure, j.step]).toEqual(['next-term', 3]);
    expect(j.inferred.because).toMatchObject({ kind: 'head-marks', sheet: 'KQ Kế tiếp B3' });
    expect(Object.fromEntries(j.results.filter((r) => r.title === 'Trưởng phòng').map((r) => [r.name, r.outcome]))).toEqual({
      'Nguyễn Văn An': 'selected',
      'Trần Thị Bích': 'selected',
      'Phạm Thị Dung': 'selected',
      'Lê Văn Cường': 'passed-not-selected',
    });
  });

  test('external candidates with the consultation facts: II.2 step 3', async () => {
    const j = (await run('annual-external-3-consult.xlsx')).json!;
    expect([j.procedure, j.step]).toEqual(['annual-external', 3]);
    expect(j.inferred.because).toMatchObject({ kind: 'consultation', sheet: 'Nguồn nơi khác' });
  });

  test('the user’s choice wins, and removal votes left unused by it are a warning', async () => {
    const j = (await run('family-4-two-tables.xlsx', ['--procedure', 'next-term', '--step', '2'])).json!;
    expect([j.procedure, j.step]).toEqual(['next-term', 2]);
    expect(j.inferred).toEqual({});
    expect(codes(j)).toContain('W-LEFT-UNUSED@D11');
    expect(j.results.every((r) => r.outcome === 'pass' || r.outcome === 'fail')).toBe(true);
  });
});

describe('what the command prints', () => {
  test('what was inferred and why, then a line per sheet read: header rows, field ← column, rows, what was passed over', async () => {
    const r = await run('family-2-sections-blank-rows.xlsx', [], false);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^Suy ra từ sổ tính: .*Bước 2.*vì trang “KP chi bộ” là kết quả kiểm phiếu/);
    expect(lines).toContainEqual(expect.stringMatching(/^Đã đọc “KP chi bộ” \(kết quả kiểm phiếu\): tiêu đề dòng 11; .*Họ và tên ← B “Họ và tên”.*Số phiếu đồng ý ← D “Số phiếu đồng ý”; 6 dòng \(13–22\); bỏ qua 12 \(dòng mục\), 16 \(dòng trống\), 17 \(dòng mục\)/));
    expect(lines.filter((l) => l.startsWith('Đã đọc'))).toHaveLength(2);
  });

  test('a step the user chose is said as chosen, and the procedure’s reason is the sheet that step reads', async () => {
    // The sample holds the staff count and the leadership count; --step 3 reads the leadership's.
    const r = await run(join('..', '..', 'samples', 'quy-hoach-nhiem-ky-toi.xlsx'), ['--step', '3'], false);
    const first = r.stdout.split('\n')[0];
    expect(first).toMatch(/^Suy ra từ sổ tính: Xây dựng quy hoạch giai đoạn kế tiếp \(nguồn tại chỗ\) — Bước 3: .* — bước do người dùng chọn, vì trang “KP lãnh đạo” là kết quả kiểm phiếu của hội nghị tập thể lãnh đạo/);
    const missing = await run('family-2-sections-blank-rows.xlsx', ['--votes', 'Không có'], false);
    expect(missing.stdout).not.toMatch(/Suy ra từ sổ tính/);
    expect(missing.stderr).toMatch(/E-SHEET-NOT-FOUND/);
    const unknown = await run('family-2-sections-blank-rows.xlsx', ['--step', '9'], false);
    expect(unknown.stdout.split('\n')[0]).toMatch(/— bước 9 — bước do người dùng chọn, vì/);
    expect(unknown.stdout).not.toMatch(/next-term|annual-local/);
  });

  test('in English with --lang en', async () => {
    const r = await run('family-2-sections-blank-rows.xlsx', ['--lang', 'en'], false);
    expect(r.stdout).toMatch(/^Inferred from the workbook: .*because sheet “KP chi bộ” is the staff conference’s vote count/m);
    expect(r.stdout).toMatch(/^Read “KP chi bộ” \(vote count\): header row 11; .*passed over 12 \(section heading\), 16 \(blank\)/m);
  });
});
