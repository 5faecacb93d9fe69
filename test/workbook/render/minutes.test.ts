/**
 * The vote-count minutes ("biên bản kiểm phiếu", src/workbook/render/minutes.ts) made by the real
 * pipeline from the golden workbooks: what a head of department reads and signs — the unit and the
 * date, attendance and the quorum in words (QUORUM), ballots, the rule applied (N30, RM50, L50,
 * L50C, TOP, TIE) in the procedure's words with its clause, each person's result in the words of
 * the result columns, a tie left to the head, the counts of I.2 and II.1(1) headed as not
 * announced (ANNOUNCE), the signatures, the fingerprint; the same minutes after the head's decision;
 * and the page as Nghị định 30/2020 lays it out, applied to an .xlsx file by the xlsx host.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import * as ExcelJS from 'exceljs';
import { messages } from '../../../src/i18n';
import { applyPlan } from '../../../src/hosts/xlsx/apply';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { DEFAULT_PROFILE, type ProcedureId } from '../../../src/rules';
import type { PlanCell, PlanSheet } from '../../../src/workbook/plan';
import { runPipeline, type RunOutcome } from '../../../src/workbook/pipeline';
import { A4_MARGINS } from '../../../src/workbook/render/printed-sheet';
import { minutesName, renderMinutes } from '../../../src/workbook/render/minutes';
import type { CellValue, WorkbookSnapshot } from '../../../src/workbook/snapshot';

jest.setTimeout(30_000);

const vi = messages('vi');
const t = vi.minutes;
const FIXTURES = join(__dirname, '..', '..', 'fixtures');

async function snapshotOf(file: string): Promise<WorkbookSnapshot> {
  return (await readXlsx(readFileSync(join(FIXTURES, file)))).snapshot;
}

interface Minutes {
  run: RunOutcome;
  sheet: PlanSheet;
  cells: PlanCell[][];
  /** Each row's texts, empty cells left out. */
  lines: string[][];
  /** All the text, one row a line. */
  text: string;
  /** The results table's row of a person: [STT, name, votes, share, result]. */
  row: (name: string, from?: number) => PlanCell[];
}

function minutesOf(run: RunOutcome): Minutes | undefined {
  const sheet = run.plan?.sheets?.find((s) => s.name.startsWith('BB '));
  const block = run.plan?.blocks.find((b) => b.sheet === sheet?.name);
  if (!sheet || !block) return undefined;
  const cells = block.cells;
  const lines = cells.map((r) => r.filter((c) => c.value !== null && c.value !== '').map((c) => String(c.value)));
  const row = (name: string, from = 0) => {
    const r = cells.slice(from).find((x) => x[1]?.value === name && x.length === 5 && typeof x[0].value === 'number');
    if (!r) throw new Error(`no row for ${name}`);
    return r;
  };
  return { run, sheet, cells, lines, text: lines.map((l) => l.join(' | ')).join('\n'), row };
}

async function minutes(file: string, procedure: ProcedureId, step: number, lang: 'vi' | 'en' = 'vi'): Promise<Minutes> {
  const run = runPipeline(await snapshotOf(file), { procedure, step, lang });
  expect(run.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  const m = minutesOf(run);
  if (!m) throw new Error(`no minutes for ${file}`);
  return m;
}

/** [votes, share as printed (text, decimal comma), result in words] of a person. */
const result = (m: Minutes, name: string, from?: number) => {
  const [, , votes, share, outcome] = m.row(name, from);
  return [votes.value, share.value, outcome.value];
};

describe('I.2 staff conference (next-term step 2): counts not announced', () => {
  let m: Minutes;
  beforeAll(async () => {
    m = await minutes('next-term-2-staff.xlsx', 'next-term', 2);
  });

  test('the sheet: its name, the defined name that marks it as the add-in\'s', () => {
    expect(m.sheet.name).toBe('BB Kế tiếp B2');
    expect(m.run.plan?.names).toContainEqual({ name: 'QuyHoach_Trang_BienBan_next_term_2', sheet: 'BB Kế tiếp B2', range: 'A1' });
    expect(minutesName('annual-local', 1)).toBe('QuyHoach_Trang_BienBan_annual_local_1');
  });

  test('head: the unit of the workbook on the left, the national motto on the right, the title and the step', () => {
    // A unit line too long beside the motto goes on two lines where it reads best (not "… HUYỆN / THANH SƠN").
    expect(m.lines[0]).toEqual(['ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    expect(m.lines[1]).toEqual(['HUYỆN THANH SƠN', 'Độc lập - Tự do - Hạnh phúc']);
    // Nghị định 30/2020: the unit itself bold, the body above it not; a short rule under each.
    expect(m.lines[2][0]).toBe('PHÒNG NỘI VỤ');
    expect(m.lines[2][1]).toMatch(/^_{20,}$/);
    expect(m.lines[3]).toEqual([expect.stringMatching(/^_{4,}$/)]);
    expect([m.cells[0][0].bold, m.cells[1][0].bold, m.cells[2][0].bold]).toEqual([false, false, true]);
    // The unit's rule is a third to a half of the unit's name; the motto's as long as the motto.
    expect(m.lines[3][0].length).toBeLessThan(m.lines[2][1].length / 2);
    expect(m.sheet.merges).toEqual(expect.arrayContaining(['A1:B1', 'C1:E1', 'A4:B4', 'C4:E4']));
    expect(m.text).toContain('BIÊN BẢN KIỂM PHIẾU');
    expect(m.text).toContain('Xây dựng quy hoạch giai đoạn kế tiếp (nguồn tại chỗ)\nBước 2: Hội nghị cán bộ, công chức, viên chức');
  });

  test('ANNOUNCE: headed "không công bố tại hội nghị" with the note, and no announcing words anywhere', () => {
    const title = m.lines.findIndex((l) => l[0] === 'BIÊN BẢN KIỂM PHIẾU');
    const heading = m.lines.findIndex((l) => l[0] === 'KẾT QUẢ KIỂM PHIẾU — KHÔNG CÔNG BỐ TẠI HỘI NGHỊ');
    expect(heading).toBeGreaterThan(title);
    expect(m.lines[heading + 1]).toEqual([vi.sheets.notAnnouncedNote]);
    expect(m.text).not.toContain(vi.sheets.announced);
    for (const line of m.text.split('\n').filter((l) => /công bố/i.test(l))) expect(line).toMatch(/không công bố/i);
  });

  test('the date of the workbook ("Thanh Sơn, ngày 05 tháng 01 năm 2026"), the place left to fill in', () => {
    expect(m.text).toMatch(/^Hôm nay, ngày 05 tháng 01 năm 2026, tại …+, Tổ kiểm phiếu/m);
  });

  test('attendance, QUORUM in words with both numbers, ballots left blank (the sheet gives none)', () => {
    expect(m.text).toContain('1. Tổng số người được triệu tập: 25 người.');
    expect(m.text).toContain('2. Số người có mặt: 20 người; vắng mặt: 5 người.');
    expect(m.text).toContain('3. Có mặt 20/25 người, bảo đảm ít nhất 2/3 số người được triệu tập (cần ít nhất 17 người) — hội nghị hợp lệ (Lưu ý, Phụ lục 12).');
    expect(m.text).toContain('4. Số phiếu phát ra: …… phiếu; số phiếu thu vào: …… phiếu.');
    expect(m.text).toContain('5. Số phiếu hợp lệ: …… phiếu; số phiếu không hợp lệ: …… phiếu.');
  });

  test('N30 in the procedure’s words, with its clause and what it asks of 20 present: 7 votes', () => {
    const n30 = m.lines.find((l) => l[0]?.startsWith('- Giới thiệu tại hội nghị cán bộ'))?.[0];
    expect(n30).toBe('- Giới thiệu tại hội nghị cán bộ, công chức, viên chức: phải đạt trên 30% tổng số người có mặt (20 người), tức từ 7 phiếu trở lên (mục I.2, Phụ lục 12).');
    // Only the rule of this conference, and QUORUM said once, with this conference's numbers.
    expect(m.text).not.toMatch(/Biểu quyết của tập thể lãnh đạo|lấy từ trên xuống/);
    expect(m.text.match(/2\/3 số người được triệu tập/g)).toHaveLength(1);
  });

  test('the results per title, in the words of the result columns: 6/20 (exactly 30%) fails', () => {
    const header = m.lines.findIndex((l) => l[0] === 'STT');
    expect(m.lines[header]).toEqual(['STT', 'Họ và tên', 'Số phiếu\nđồng ý', 'Tỷ lệ (%)', 'Kết quả']);
    expect(m.lines[header + 1]).toEqual(['Chức danh: Trưởng phòng']);
    expect(result(m, 'Nguyễn Văn An')).toEqual([12, '60,00%', 'Đạt']);
    expect(result(m, 'Trần Thị Bích')).toEqual([6, '30,00%', 'Không đạt']);
    expect(result(m, 'Vũ Thị Giang')).toEqual([14, '70,00%', 'Đạt']);
    // The same cells as the result columns beside the vote table: words and colours.
    const [, , , , outcome] = m.row('Trần Thị Bích');
    expect(outcome).toMatchObject({ value: 'Không đạt', fill: 'FFC7CE', color: '9C0006', border: true });
    expect(outcome.note).toBeUndefined();
    // Numbered from 1 under each title; everyone counted is there.
    const people = m.run.result!.people;
    expect(m.cells.filter((r) => r.length === 5 && typeof r[0].value === 'number')).toHaveLength(people.length);
    for (const p of people) expect(result(m, p.name)[2]).toBe(vi.outcomes[p.outcome]);
  });

  test('signatures side by side, then the fingerprint of the data', () => {
    // The signers' titles line by line, so that the first lines are level.
    const signers = m.lines.findIndex((l) => l[0] === 'TỔ TRƯỞNG');
    expect(m.lines[signers]).toEqual(['TỔ TRƯỞNG', 'CHỦ TRÌ HỘI NGHỊ']);
    expect(m.lines[signers + 1]).toEqual(['TỔ KIỂM PHIẾU']);
    expect(m.lines[signers + 2]).toEqual(['(Ký, ghi rõ họ tên)', '(Ký, ghi rõ họ tên)']);
    // Room to sign.
    expect(m.lines.slice(signers + 3, signers + 7)).toEqual([[], [], [], []]);
    expect(m.run.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(m.lines[m.lines.length - 1]).toEqual([`Mã kiểm tra dữ liệu (SHA-256): ${m.run.fingerprint}`]);
  });

  test('the page: A4 portrait, margins 20/20/30/15 mm, Times New Roman 13, every row printed, page numbers, protected', () => {
    // "Trang x/y", y the sheet's own pages (a whole workbook printed at once numbers each sheet on its own).
    expect(m.sheet.page).toMatchObject({ orientation: 'portrait', margins: A4_MARGINS, printArea: `A1:E${m.cells.length}`, footer: `Trang &P/${(m.sheet.breaks?.length ?? 0) + 1}` });
    expect(A4_MARGINS).toEqual({ top: 20, bottom: 20, left: 30, right: 15 });
    expect(m.sheet.font).toEqual({ name: 'Times New Roman', size: 13 });
    expect(m.sheet.protect).toBe(true);
    expect(m.cells.every((r) => r.length === 5)).toBe(true);
    // Every row with text has the height it needs (page-layout.ts), blank lines and rules theirs.
    const heights = new Map(m.sheet.heights!.map((h) => [h.row, h.height]));
    m.lines.forEach((l, i) => {
      if (l.length && !l.every((x) => /^_+$/.test(x)) && !l[0].startsWith('Mã kiểm tra')) expect(heights.get(i + 1)).toBeGreaterThanOrEqual(17);
    });
    expect(heights.get(m.lines.findIndex((l) => l.length === 0) + 1)).toBe(18);
    // The closing sentence, the signatures and the fingerprint are kept on one page with the table's last rows.
    const closing = m.lines.findIndex((l) => l[0] === t.closing) + 1;
    expect(m.sheet.keep).toContainEqual({ from: closing - 3, to: m.cells.length });
  });
});

describe('II.1(1) staff conference (annual-local step 1): removal, then nomination', () => {
  let m: Minutes;
  beforeAll(async () => {
    m = await minutes('annual-local-1-review.xlsx', 'annual-local', 1);
  });

  test('the sheet and the not-announced heading (ANNOUNCE)', () => {
    expect(m.sheet.name).toBe('BB Hằng năm B1');
    expect(m.text).toContain(vi.sheets.notAnnounced);
    expect(m.text).not.toContain(vi.sheets.announced);
  });

  test('RM50 counted on those convened, N30 on those present', () => {
    expect(m.text).toContain('- Đưa ra khỏi quy hoạch: đề xuất đưa ra khỏi quy hoạch khi có trên 50% tổng số người được triệu tập (25 người) đồng ý, tức từ 13 phiếu trở lên (mục II.1(1), Phụ lục 12).');
    expect(m.text).toContain('trên 30% tổng số người có mặt (20 người), tức từ 7 phiếu trở lên (mục II.1(1), Phụ lục 12).');
  });

  test('two parts, removal first; 13/25 removed, 12/25 kept', () => {
    const removal = m.lines.findIndex((l) => l[0] === 'a) Đưa ra khỏi quy hoạch (tỷ lệ tính trên số người được triệu tập)');
    const nomination = m.lines.findIndex((l) => l[0] === 'b) Giới thiệu bổ sung quy hoạch (tỷ lệ tính trên số người có mặt)');
    expect(removal).toBeGreaterThan(0);
    expect(nomination).toBeGreaterThan(removal);
    expect(result(m, 'Nguyễn Văn An')).toEqual([13, '52,00%', 'Đưa ra khỏi quy hoạch']);
    expect(result(m, 'Trần Thị Bích')).toEqual([12, '48,00%', 'Giữ lại']);
    expect(result(m, 'Phạm Thị Dung', nomination)).toEqual([7, '35,00%', 'Đạt']);
    expect(result(m, 'Bùi Thị Lan', nomination)).toEqual([6, '30,00%', 'Không đạt']);
  });
});

describe('leadership conferences: announced, L50/L50C, TOP, TIE', () => {
  test('I.3 (next-term step 3): quota per title, the tie at the quota line awaits the head', async () => {
    const m = await minutes('next-term-3-leadership.xlsx', 'next-term', 3);
    expect(m.sheet.name).toBe('BB Kế tiếp B3');
    expect(m.text).not.toContain(vi.sheets.notAnnounced);
    expect(m.text).toContain('Bước 3: Hội nghị tập thể lãnh đạo');
    expect(m.text).toContain('Tổng số người được triệu tập: 9 người.');
    expect(m.text).toContain('3. Có mặt 8/9 người, bảo đảm ít nhất 2/3 số người được triệu tập (cần ít nhất 6 người) — hội nghị hợp lệ (Lưu ý, Phụ lục 12).');
    expect(m.text).toContain('- Biểu quyết của tập thể lãnh đạo: phải đạt trên 50% tổng số người được triệu tập (9 người), tức từ 5 phiếu trở lên (mục I.3, Phụ lục 12).');
    expect(m.text).toContain('Trưởng phòng 3 người; Phó Trưởng phòng 3 người (mục I.3, Phụ lục 12).');
    expect(m.text).toMatch(/người đứng đầu quyết định.* \(mục I\.3, Phụ lục 12\)\./);
    expect(m.text).toContain('Chức danh: Trưởng phòng (số lượng 3 người)');
    expect(result(m, 'Nguyễn Văn An')[2]).toBe('Được giới thiệu');
    expect(result(m, 'Lê Văn Cường')).toEqual([6, '66,67%', 'Chờ người đứng đầu quyết định']);
    expect(result(m, 'Phạm Thị Dung')).toEqual([6, '66,67%', 'Chờ người đứng đầu quyết định']);
    // What the count found at the quota line, left to the head, after the table and before the closing sentence.
    const tie = m.lines.findIndex((l) => l[0]?.startsWith('Chức danh Trưởng phòng: Lê Văn Cường và Phạm Thị Dung'));
    expect(m.lines[tie]).toEqual([
      'Chức danh Trưởng phòng: Lê Văn Cường và Phạm Thị Dung có số phiếu bằng nhau trên 50% (cùng 6 phiếu) cho 1 chỗ còn lại trong số lượng; đề nghị người đứng đầu xem xét, quyết định (mục I.3, Phụ lục 12).',
    ]);
    expect(tie).toBeGreaterThan(m.lines.findIndex((l) => l[1] === 'Bùi Thị Lan'));
    expect(tie).toBeLessThan(m.lines.findIndex((l) => l[0] === t.closing));
    // The signatures are the same for every conference.
    expect(m.text).toContain('TỔ TRƯỞNG | CHỦ TRÌ HỘI NGHỊ\nTỔ KIỂM PHIẾU');
  });

  test.each([
    ['annual-local-2-leadership.xlsx', 'annual-local', 2, 'BB Hằng năm B2', 'L50'],
    ['annual-external-4-leadership.xlsx', 'annual-external', 4, 'BB Nơi khác B4', 'L50C'],
  ] as [string, ProcedureId, number, string, string][])('%s (%s step %i): sheet "%s", rule %s', async (file, procedure, step, name, rule) => {
    const m = await minutes(file, procedure, step);
    expect(m.sheet.name).toBe(name);
    expect(m.text).toContain(`${vi.rules[rule as 'L50']}: phải đạt trên 50% tổng số người được triệu tập (9 người), tức từ 5 phiếu trở lên (mục ${procedure === 'annual-local' ? 'II.1(2)' : 'II.2(4)'}, Phụ lục 12).`);
    expect(m.text).not.toContain(vi.sheets.notAnnounced);
    for (const p of m.run.result!.people) expect(result(m, p.name)[2]).toBe(vi.outcomes[p.outcome]);
  });
});

describe('after the head’s decision: the minutes record the count, not the decision', () => {
  test('the same cells before and after the decision; the tie still left to the head', async () => {
    const { runXlsx } = await import('../../support/xlsx-run');
    const input = readFileSync(join(FIXTURES, 'next-term-3-leadership.xlsx'));
    const request = (overrides = {}) => ({ procedure: 'next-term' as const, step: 3, lang: 'vi' as const, overrides });
    const first = await runXlsx(input, request());
    const dung = first.run.result!.people.find((p) => p.name === 'Phạm Thị Dung')!;
    const decided = await runXlsx(first.buffer, request({ decisions: [{ title: 'Trưởng phòng', chosen: [dung.id], by: 'Nguyễn Văn Thủ', on: '2026-12-04' }] }));
    const after = await runXlsx(decided.buffer, request());
    expect(after.run.result!.people.find((p) => p.id === dung.id)?.outcome).toBe('selected');
    const [before, withDecision, later] = [first, decided, after].map((r) => minutesOf(r.run)!);
    expect(withDecision.cells).toEqual(before.cells);
    expect(later.cells).toEqual(before.cells);
    expect(result(later, 'Phạm Thị Dung')[2]).toBe('Chờ người đứng đầu quyết định');
    expect(later.text).toContain('đề nghị người đứng đầu xem xét, quyết định');
    expect(later.text).not.toMatch(/Nguyễn Văn Thủ|Được lựa chọn/);
  });
});

describe('when there are no minutes', () => {
  test.each([
    ['next-term-1-roster.xlsx', 'next-term', 1],
    ['annual-external-1-gap.xlsx', 'annual-external', 1],
    ['annual-external-3-consult.xlsx', 'annual-external', 3],
  ] as [string, ProcedureId, number][])('%s: a step without a vote count', async (file, procedure, step) => {
    const run = runPipeline(await snapshotOf(file), { procedure, step, lang: 'vi', overrides: { termStart: '2026-01-01' } });
    expect(minutesOf(run)).toBeUndefined();
  });

  test('II.2(2) (annual-external step 2): a conference, but no vote to count', async () => {
    const run = runPipeline(await snapshotOf('annual-external-2-approval.xlsx'), { procedure: 'annual-external', step: 2, lang: 'vi', overrides: { convened: 9, present: 8 } });
    expect(run.ok).toBe(true);
    expect(minutesOf(run)).toBeUndefined();
  });

  test('a conference without quorum: nothing is written at all (E-QUORUM)', async () => {
    const run = runPipeline(await snapshotOf('error-quorum.xlsx'), { procedure: 'next-term', step: 2, lang: 'vi' });
    expect(run.ok).toBe(false);
    expect(run.plan).toBeUndefined();
    expect(renderMinutes(run.result!, 'vi', DEFAULT_PROFILE, {}, 'x', (id) => id)).toBeUndefined();
  });
});

// ───────────────────────────── a workbook made by hand ─────────────────────────────

const sheet = (name: string, values: CellValue[][]) => ({ name, values, merges: [], tables: [] });
/** A staff vote count without unit or date; ballots written under the numbers; `n` people for one title. */
function handMade(n: number, ballots = true): WorkbookSnapshot {
  const people = Array.from({ length: n }, (_, i) => [i + 1, `Người Thứ ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26) || ''}`, 1980 + (i % 20), 'Trưởng phòng', (i * 7) % 21]);
  const rows: CellValue[][] = [
    ['KẾT QUẢ KIỂM PHIẾU — HỘI NGHỊ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC'],
    ['Tổng số người được triệu tập: 25'],
    ['Số người có mặt: 20'],
    ...(ballots ? [['Số phiếu phát ra: 20'], ['Số phiếu thu vào: 20'], ['Số phiếu hợp lệ: 19'], ['Số phiếu không hợp lệ: 1']] : []),
    [],
    ['STT', 'Họ và tên', 'Năm sinh', 'Chức danh', 'Số phiếu đồng ý'],
    ...people,
  ];
  return { sheets: [sheet('KP', rows)], names: [] };
}

describe('a workbook made by hand', () => {
  test('ballots as written; no unit or date: dots to fill in by hand', () => {
    const m = minutesOf(runPipeline(handMade(3), { procedure: 'next-term', step: 2, lang: 'vi' }))!;
    expect(m.text).toContain('4. Số phiếu phát ra: 20 phiếu; số phiếu thu vào: 20 phiếu.');
    expect(m.text).toContain('5. Số phiếu hợp lệ: 19 phiếu; số phiếu không hợp lệ: 1 phiếu.');
    expect(m.lines[0]).toEqual([t.unitBlank, t.nation]);
    expect(m.text).toContain('Hôm nay, ngày …… tháng …… năm ……, tại');
  });

  test('a list printed on one page repeats nothing (the signatures\' page must not carry empty headings)', () => {
    const m = minutesOf(runPipeline(handMade(2, false), { procedure: 'next-term', step: 2, lang: 'vi' }))!;
    const header = m.lines.findIndex((l) => l[0] === 'STT') + 1;
    const tableEnd = m.lines.findIndex((l, i) => i > header && l.length === 0);
    // The table is printed on one page (no page break within it).
    expect((m.sheet.breaks ?? []).filter((b) => b >= header && b < tableEnd)).toEqual([]);
    expect(m.sheet.page.repeatRows).toBeUndefined();
  });

  test('a list longer than a page repeats the column headings on every page', () => {
    const m = minutesOf(runPipeline(handMade(60), { procedure: 'next-term', step: 2, lang: 'vi' }))!;
    const header = m.lines.findIndex((l) => l[0] === 'STT') + 1;
    expect(m.sheet.page.repeatRows).toEqual({ from: header, to: header });
    expect(m.sheet.page.printArea).toBe(`A1:E${m.cells.length}`);
    // Every page end is a manual break; the last page has the closing sentence, the signatures and the table's last rows.
    const breaks = m.sheet.breaks!;
    expect(breaks.length).toBeGreaterThanOrEqual(1);
    const closing = m.lines.findIndex((l) => l[0] === t.closing) + 1;
    expect(breaks[breaks.length - 1]).toBeLessThan(closing - 3);
  });

  test('no fingerprint given: no line for it', () => {
    const run = runPipeline(handMade(3), { procedure: 'next-term', step: 2, lang: 'vi' });
    const made = renderMinutes(run.result!, 'vi', DEFAULT_PROFILE, {}, '', (id) => id)!;
    expect(made.block.cells.flat().some((c) => String(c.value ?? '').includes('SHA-256'))).toBe(false);
    expect(made.sheet.page.printArea).toBe(`A1:E${made.block.cells.length}`);
  });

  test('in English: the words are English, the sheet name stays Vietnamese', () => {
    const m = minutesOf(runPipeline(handMade(3), { procedure: 'next-term', step: 2, lang: 'en' }))!;
    expect(m.sheet.name).toBe('BB Kế tiếp B2');
    expect(m.text).toContain('VOTE-COUNT MINUTES');
    expect(m.text).toContain('VOTE COUNT RESULTS — NOT ANNOUNCED AT THE CONFERENCE');
    expect(m.text).toContain('Ballots issued: 20; returned: 20.');
    expect(m.text).toContain('- Nomination at the staff conference: must reach more than 30% of those present (20), that is 7 votes or more (clause I.2, Phụ lục 12).');
    expect(m.text).toContain('20 of 25 present, at least 2/3 of those convened (at least 17 needed) — the conference is valid (Note, Phụ lục 12).');
    expect(m.sheet.page.footer).toBe(`Page &P/${(m.sheet.breaks?.length ?? 0) + 1}`);
  });
});

describe('applied to an .xlsx file by the xlsx host', () => {
  test('the page setup, print area, protection and defined name as planned; the values read back', async () => {
    const input = readFileSync(join(FIXTURES, 'next-term-3-leadership.xlsx'));
    const { snapshot } = await readXlsx(input);
    const run = runPipeline(snapshot, { procedure: 'next-term', step: 3, lang: 'vi' });
    const m = minutesOf(run)!;
    const file = Buffer.from(await applyPlan(input, run.plan!));
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(file as unknown as ExcelJS.Buffer);
    const ws = back.getWorksheet('BB Kế tiếp B3')!;
    expect(ws).toBeDefined();
    const mm = (inches: number | undefined) => Math.round((inches ?? 0) * 25.4);
    const { margins, paperSize, orientation, printArea } = ws.pageSetup;
    expect([mm(margins?.top), mm(margins?.bottom), mm(margins?.left), mm(margins?.right)]).toEqual([20, 20, 30, 15]);
    expect([paperSize, orientation]).toEqual([9, 'portrait']);
    expect(printArea?.replace(/\$/g, '')).toBe(`A1:E${m.cells.length}`);
    expect(ws.getCell('A1').font?.name).toBe('Times New Roman');
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(back.definedNames.getRanges('QuyHoach_Trang_BienBan_next_term_3').ranges).toEqual(["'BB Kế tiếp B3'!$A$1"]);
    const read = (await readXlsx(file)).snapshot.sheets.find((s) => s.name === 'BB Kế tiếp B3')!;
    const texts = read.values.map((r) => (r ?? []).filter((v) => v !== null && v !== '').map(String));
    expect(texts.slice(0, m.lines.length).map((l) => l.join(' | '))).toEqual(m.lines.map((l) => l.join(' | ')));
  });
});
