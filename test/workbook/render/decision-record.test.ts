/**
 * TIE (I.3): the head's decision is a record of its own, never a rewrite of the count. On the golden
 * step 3 (Lê Văn Cường and Phạm Thị Dung tie at 6 votes for the last "Trưởng phòng" place):
 * - the decision record "QĐ Kế tiếp B3" — a form to decide and sign while awaited, the decision
 *   (who, when, whom) once recorded, with the data check code of the count; replaced, never left
 *   stale, when a later count has no tie;
 * - the shortlist: the decided selection, marked as the head's, and no instruction to mark "x" and
 *   run again once decided;
 * - the result columns and the JSON: the decided outcome marked as the head's, the count's own beside it.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { messages } from '../../../src/i18n';
import { runJson, type RunOutcome } from '../../../src/workbook/pipeline';
import { decisionRecordName } from '../../../src/workbook/render/decision-record';
import { TIE_DECISION, TIE_RUN } from '../../print/golden-runs';
import { runXlsx, xlsxBytes } from '../../support/xlsx-run';

jest.setTimeout(30_000);

const vi = messages('vi');
const RECORD = 'QĐ Kế tiếp B3';
const request = (overrides = {}) => ({ procedure: TIE_RUN.procedure, step: TIE_RUN.step, lang: 'vi' as const, now: '2026-12-04T10:00', overrides });
const input = readFileSync(join(__dirname, '..', '..', 'fixtures', TIE_RUN.fixture));

/** A created sheet's rows as texts (empty cells and repeats across merged cells left out). */
function lines(run: RunOutcome, sheet: string): string[][] {
  const block = run.plan!.blocks.find((b) => b.sheet === sheet);
  if (!block) throw new Error(`no sheet ${sheet}`);
  return block.cells.map((r) => r.map((c) => (c.value === null ? '' : String(c.value))).filter((v) => v !== ''));
}
const text = (run: RunOutcome, sheet: string) => lines(run, sheet).map((l) => l.join(' | ')).join('\n');

let first: Awaited<ReturnType<typeof runXlsx>>;
let decided: Awaited<ReturnType<typeof runXlsx>>;
let after: Awaited<ReturnType<typeof runXlsx>>;
beforeAll(async () => {
  first = await runXlsx(input, request());
  const chosen = first.run.result!.people.find((p) => p.name === TIE_DECISION.name)!;
  decided = await runXlsx(first.buffer, request({ decisions: [{ ...TIE_DECISION, chosen: [chosen.id] }] }));
  after = await runXlsx(decided.buffer, request());
});

describe('the decision record', () => {
  test('while awaited: a form to decide and sign — the tie, blank decisions, dots for the head and the date', () => {
    expect(first.run.plan!.names).toContainEqual({ name: decisionRecordName('next-term', 3), sheet: RECORD, range: 'A1' });
    const l = lines(first.run, RECORD);
    expect(l[0]).toEqual(['ỦY BAN NHÂN DÂN', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    const t = text(first.run, RECORD);
    expect(t).toContain('……, ngày …… tháng …… năm ……');
    expect(t).toContain('GHI NHẬN QUYẾT ĐỊNH CỦA NGƯỜI ĐỨNG ĐẦU');
    expect(t).toContain('Căn cứ Phụ lục 12, mục I.3: “Trường hợp có từ 02 người trở lên có số phiếu bằng nhau trên 50%');
    expect(t).toContain('Căn cứ Biên bản kiểm phiếu của hội nghị (trang “BB Kế tiếp B3”)');
    expect(t).toContain('1. Chức danh Trưởng phòng: 2 người cùng 6 phiếu cho 1 chỗ còn lại trong số lượng');
    expect(l).toContainEqual(['1', 'Lê Văn Cường', '10/05/1968', '6']);
    expect(l).toContainEqual(['2', 'Phạm Thị Dung', '02/09/1990', '6']);
    expect(t).toContain('Người đứng đầu: …………………………; ngày quyết định: …… / …… / …….');
    expect(t).toContain('NGƯỜI ĐỨNG ĐẦU\n(Ký, ghi rõ họ tên)');
    expect(t).toContain(`Mã kiểm tra dữ liệu của kết quả kiểm phiếu (SHA-256): ${first.run.fingerprint}`);
  });

  test('once decided: whom the head chose, who decided and when, signed; the code of the count it decided on', () => {
    for (const run of [decided.run, after.run]) {
      const l = lines(run, RECORD);
      const t = text(run, RECORD);
      expect(t).toContain('……, ngày 04 tháng 12 năm 2026');
      expect(t).toContain('Người đứng đầu đã xem xét, quyết định lựa chọn như sau:');
      expect(l).toContainEqual(['1', 'Lê Văn Cường', '10/05/1968', '6', 'Không lựa chọn']);
      expect(l).toContainEqual(['2', 'Phạm Thị Dung', '02/09/1990', '6', 'Được lựa chọn']);
      expect(t).toContain('Người đứng đầu: Nguyễn Văn Thủ; ngày quyết định: 04/12/2026.');
      // The head's name under the signature.
      expect(l[l.length - 3]).toEqual(['Nguyễn Văn Thủ']);
      expect(run.fingerprint).toBe(first.run.fingerprint);
      expect(l[l.length - 1]).toEqual([`Mã kiểm tra dữ liệu của kết quả kiểm phiếu (SHA-256): ${first.run.fingerprint}`]);
    }
    // Laid out to print: A4 portrait, every row.
    const sheet = after.run.plan!.sheets!.find((s) => s.name === RECORD)!;
    expect(sheet.page).toMatchObject({ orientation: 'portrait', printArea: `A1:E${lines(after.run, RECORD).length}` });
    expect(sheet.protect).toBe(true);
  });

  test('a later count with no tie replaces the record (never left stale); a step that never had one has none', async () => {
    const { workbook } = await readXlsx(after.buffer);
    // One more vote for Phạm Thị Dung: no tie at the quota line any more.
    const ws = workbook.getWorksheet('KP lãnh đạo')!;
    let row = 0;
    ws.eachRow((r, n) => {
      if (r.getCell(2).value === 'Phạm Thị Dung') row = n;
    });
    ws.getCell(row, 4).value = 7;
    // The decision on a tie that is no more is taken off the shortlist (else E-DECISION-NO-TIE stops the run).
    const list = workbook.getWorksheet('KQ Kế tiếp B3')!;
    list.eachRow((r) => {
      if (r.getCell(9).value === 'x') r.getCell(9).value = null;
      if (r.getCell(1).value === vi.sheets.decidedBy) [3, 8].forEach((c) => (r.getCell(c).value = null));
    });
    const recount = await runXlsx(await xlsxBytes(workbook), request());
    expect(recount.run.ok).toBe(true);
    expect(text(recount.run, RECORD)).toContain(vi.decisionRecord.none);
    expect(text(recount.run, RECORD)).not.toMatch(/Nguyễn Văn Thủ|Được lựa chọn/);
    const staff = await runXlsx(readFileSync(join(__dirname, '..', '..', 'fixtures', 'next-term-2-staff.xlsx')), { procedure: 'next-term', step: 2, lang: 'vi' });
    expect(staff.run.plan!.sheets!.map((s) => s.name)).not.toContain('QĐ Kế tiếp B2');
  });
});

describe('the shortlist and the result columns after the decision', () => {
  test('the decided selection, marked as the head’s; the decision stated, no instruction to mark “x” and run again', () => {
    const before = text(first.run, 'KQ Kế tiếp B3');
    expect(before).toContain(vi.sheets.decisionHint);
    for (const run of [decided.run, after.run]) {
      const t = text(run, 'KQ Kế tiếp B3');
      expect(t).not.toContain(vi.sheets.decisionHint);
      expect(t).not.toMatch(/chạy lại/);
      expect(t).toContain('Bằng phiếu ở ranh giới số lượng: ngày 04/12/2026, người đứng đầu (Nguyễn Văn Thủ) đã quyết định lựa chọn Phạm Thị Dung; ghi nhận tại trang “QĐ Kế tiếp B3”.');
      expect(t).toContain('Phạm Thị Dung | 02/09/1990 | Nữ | Chuyên viên | 6 | 66,67% | Được giới thiệu (người đứng đầu quyết định) | x');
      expect(t).toContain('Lê Văn Cường | 10/05/1968 | Nam | Phó Trưởng phòng | 6 | 66,67% | Đạt nhưng ngoài số lượng (người đứng đầu quyết định)');
      // The head's line stays, read back by the next run.
      expect(t).toContain('Người đứng đầu (họ tên): | Nguyễn Văn Thủ | Ngày quyết định: | 04/12/2026');
    }
  });

  test('result columns: the outcome marked as the head’s decision, the note keeps the count and the decision', () => {
    const block = after.run.plan!.blocks.find((b) => b.sheet === 'KP lãnh đạo')!;
    const cells = block.cells.flat();
    const dung = cells.find((c) => c.value === 'Được giới thiệu (người đứng đầu quyết định)')!;
    expect(dung.note).toMatch(/2 người bằng 6 phiếu tranh 1 chỗ còn lại; người đứng đầu \(Nguyễn Văn Thủ\) đã quyết định ngày 04\/12\/2026: Phạm Thị Dung/);
    expect(cells.some((c) => c.value === 'Đạt nhưng ngoài số lượng (người đứng đầu quyết định)')).toBe(true);
  });

  test('JSON: the decided outcome with the head’s decision, and the count’s own outcome', () => {
    const results = runJson(after.run, 'vi').results;
    expect(results.find((r) => r.name === 'Phạm Thị Dung')).toMatchObject({ outcome: 'selected', countOutcome: 'awaiting-head', decidedByHead: { by: 'Nguyễn Văn Thủ', on: '2026-12-04' } });
    expect(results.find((r) => r.name === 'Lê Văn Cường')).toMatchObject({ outcome: 'passed-not-selected', countOutcome: 'awaiting-head' });
    expect(results.find((r) => r.name === 'Nguyễn Văn An')).not.toHaveProperty('countOutcome');
  });
});
