/**
 * The Excel host's own promises (src/hosts/excel): formats per run of equal cells, syncs split only
 * past the payload limit, what a missing requirement set leaves out (and the words that say so),
 * text kept as text, a long chain of sheets read.
 */
import { applyPlan, asTyped } from '../../../src/hosts/excel/apply';
import { readWorkbook, SHEET_CHAIN } from '../../../src/hosts/excel/read';
import { missingCapabilities, missingText } from '../../../src/hosts/excel/requirements';
import { messages } from '../../../src/i18n';
import type { PlanCell, PlanSheet, WritePlan } from '../../../src/workbook/plan';
import { DoubleContext, DSheet, DWorkbook } from '../../support/office-double';

const ctxOf = (b: DWorkbook) => new DoubleContext(b);
const asExcel = (c: DoubleContext) => c as unknown as Excel.RequestContext;

function userBook(): DWorkbook {
  const b = new DWorkbook();
  const s = new DSheet('KP');
  for (let r = 1; r <= 5; r++) s.cell(r, 1).value = `Người ${r}`;
  b.sheets.push(s);
  return b;
}

const column = (cells: PlanCell[]): PlanCell[][] => cells.map((c) => [c]);

describe('apply', () => {
  test('formats go per run of equal cells down a column, not per cell (II: one call per run)', async () => {
    const b = userBook();
    const same: PlanCell = { value: 'Đạt', fill: 'C6EFCE', color: '006100', bold: true };
    const other: PlanCell = { value: 'Không đạt', fill: 'FFC7CE', color: '9C0006' };
    const plan: WritePlan = { clear: [], names: [], blocks: [{ sheet: 'KP', row: 1, col: 2, cells: column([same, same, same, other, other]) }] };
    const perRun = ctxOf(b);
    await applyPlan(asExcel(perRun), plan);
    // 1 values block + 2 runs × (fill, colour, bold for the first / fill, colour for the second).
    const ranCommands = perRun.commands;
    expect(ranCommands).toBe(1 + 3 + 2);
    const cell = (r: number) => b.sheets[0].peek(r, 2);
    expect([1, 2, 3].map((r) => cell(r)?.fill)).toEqual(['C6EFCE', 'C6EFCE', 'C6EFCE']);
    expect([4, 5].map((r) => cell(r)?.fill)).toEqual(['FFC7CE', 'FFC7CE']);
    expect(cell(4)?.bold).toBeUndefined();
  });

  test('one sync for the whole plan; more only past the payload limit', async () => {
    const rows = 200;
    const cells = Array.from({ length: rows }, (_, i) => [{ value: `Giải thích ${i}`, note: `Ghi chú dài ${'x'.repeat(200)} ${i}` }]);
    const plan: WritePlan = { clear: [], names: [], blocks: [{ sheet: 'KP', row: 1, col: 3, cells }] };
    const one = ctxOf(userBook());
    expect(await applyPlan(asExcel(one), plan)).toEqual({ syncs: 1 });
    const limit = 10_000;
    const b = userBook();
    const split = ctxOf(b);
    const { syncs } = await applyPlan(asExcel(split), plan, { payloadLimit: limit });
    expect(syncs).toBe(split.syncs);
    expect(syncs).toBeGreaterThan(1);
    // Every batch under the limit (bar a single command bigger than it), and everything written.
    for (const p of split.payloads) expect(p).toBeLessThanOrEqual(limit + 300);
    expect(b.sheets[0].peek(rows, 3)?.note).toContain(`${rows - 1}`);
  });

  const sheet: PlanSheet = {
    name: 'KQ',
    widths: [6, 30],
    merges: ['A1:B1'],
    font: { name: 'Times New Roman', size: 13 },
    page: { orientation: 'portrait', margins: { top: 20, bottom: 20, left: 30, right: 15 }, printArea: 'A1:B3', footer: 'Trang &P/&N', repeatRows: { from: 2, to: 2 } },
    protect: true,
  };
  const created: WritePlan = {
    clear: [],
    names: [{ name: 'QuyHoach_Trang_KQ', sheet: 'KQ', range: 'A1' }],
    sheets: [sheet],
    blocks: [{ sheet: 'KQ', row: 1, col: 1, cells: [[{ value: 'DANH SÁCH' }, { value: null }], [{ value: 'STT' }, { value: 'Họ tên', unlocked: true }]] }],
  };

  test('a created sheet: page layout with ExcelApi 1.9, none below (the rest is written)', async () => {
    const b = userBook();
    await applyPlan(asExcel(ctxOf(b)), created);
    const kq = b.find('KQ')!;
    expect(kq.page).toMatchObject({ orientation: 'Portrait', paperSize: 'A4', printArea: 'A1:B3', printTitleRows: '2:2', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(kq.page.centerFooter).toBe('&"Times New Roman,Regular"&12Trang &P/&N');
    expect(kq.page.margins!.left).toBeCloseTo((30 / 25.4) * 72);
    expect(kq.protected).toBe(true);
    expect(kq.peek(2, 2)?.locked).toBe(false);
    expect(b.names.get('QuyHoach_Trang_KQ')).toEqual({ sheet: 'KQ', range: 'A1' });

    const old = userBook();
    const below = (name: string, version: string) => name === 'ExcelApi' && Number(version.split('.')[1]) < 9;
    await applyPlan(asExcel(ctxOf(old)), created, { isSetSupported: below });
    const plain = old.find('KQ')!;
    expect(plain.page).toEqual({ breaks: [] });
    expect(plain.peek(1, 1)?.value).toBe('DANH SÁCH');
    expect(plain.merges).toHaveLength(1);
  });

  test('text Excel would read as something else is written with an apostrophe', () => {
    expect(['007', '02/09/1990', '=SUM(A1)', '-3', 'TRUE', '30%', '(5)', 'Nguyễn Văn An', 'I. Chức danh', '6/20'].map(asTyped)).toEqual([
      "'007",
      "'02/09/1990",
      "'=SUM(A1)",
      "'-3",
      "'TRUE",
      "'30%",
      "'(5)",
      'Nguyễn Văn An',
      'I. Chức danh',
      "'6/20",
    ]);
    expect([null, 0.6, Number.NaN].map(asTyped)).toEqual(['', 0.6, '']);
  });
});

describe('read', () => {
  test('one sync; more sheets than the chain cost one more per SHEET_CHAIN sheets', async () => {
    const b = new DWorkbook();
    for (let i = 1; i <= SHEET_CHAIN + 5; i++) {
      const s = new DSheet(`Trang ${i}`);
      s.cell(1, 1).value = i;
      b.sheets.push(s);
    }
    const ctx = ctxOf(b);
    const snapshot = await readWorkbook(asExcel(ctx));
    expect(snapshot.sheets.map((s) => s.values[0][0])).toEqual(b.sheets.map((_, i) => i + 1));
    expect(ctx.syncs).toBe(2);
    const small = ctxOf(userBook());
    await readWorkbook(asExcel(small));
    expect(small.syncs).toBe(1);
  });
});

describe('requirements', () => {
  test('what an Excel without ExcelApi 1.9 leaves out, said in Vietnamese', () => {
    const upTo = (minor: number) => (name: string, version: string) => name === 'ExcelApi' && Number(version.split('.')[1]) <= minor;
    expect(missingCapabilities(upTo(20))).toEqual([]);
    expect(missingCapabilities(upTo(8))).toEqual(['pageLayout', 'fonts', 'merges', 'notes']);
    expect(missingCapabilities(upTo(12))).toEqual(['merges']); // notes as comments from 1.10
    const text = missingText(messages('vi'), missingCapabilities(upTo(8)));
    expect(text[0]).toBe('Phiên bản Excel này chưa hỗ trợ đủ, nên lần chạy sẽ bỏ qua:');
    expect(text).toHaveLength(5);
    expect(missingText(messages('en'), ['notes'])).toEqual(['This version of Excel lacks some features, so the run will leave out:', 'explanatory notes on the result cells']);
    expect(missingText(messages('vi'), [])).toEqual([]);
  });
});
