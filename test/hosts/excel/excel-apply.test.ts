/**
 * The Excel host's own promises (src/hosts/excel), through Microsoft's office.js over the Excel host
 * simulation: formats per rectangle of cells, borders once per rectangle, row heights per run; every
 * request measured from its real body, under the budget, and never more than the host counted;
 * the add-in's very hidden sheets rewritten in place, the undo record first; the read in blocks where
 * the answer would be too big (and merged areas in blocks no bigger than Excel answers); what a
 * missing requirement set — or a library older than the Excel — leaves out; text kept as text.
 */
import { applyPlan, asTyped, COST, rectangles, REQUEST_BUDGET, WorkbookChanged, WriteFailed } from '../../../src/hosts/excel/apply';
import { expectedAnswer, MERGE_CELLS, readWorkbook, SHEET_CHAIN } from '../../../src/hosts/excel/read';
import { abilities, missingCapabilities, missingText } from '../../../src/hosts/excel/requirements';
import { messages } from '../../../src/i18n';
import type { PlanCell, PlanSheet, WritePlan } from '../../../src/workbook/plan';
import { DSheet, DWorkbook, ExcelError, MERGED_AREAS_LIMIT } from '../../support/excel-model';
import type { ExcelHost } from '../../support/excel-host';
import { officeJs, settled, type OfficeJs, type Tier } from '../../support/office-js';

let office: OfficeJs;
let restore: () => void;
beforeAll(() => {
  office = officeJs(new DWorkbook());
  restore = office.install();
});
afterAll(async () => {
  await settled();
  restore();
});

function userBook(rows = 5): DWorkbook {
  const b = new DWorkbook();
  const s = new DSheet('KP');
  for (let r = 1; r <= rows; r++) s.cell(r, 1).value = `Người ${r}`;
  b.sheets.push(s);
  return b;
}

/** One Excel.run on `book` at a tier, as the session makes it; the host that answered. */
async function excel<T>(book: DWorkbook, work: (context: Excel.RequestContext) => Promise<T>, tier: Tier = 'all', limits: { requestLimit?: number; responseLimit?: number } = {}): Promise<{ result: T; host: ExcelHost }> {
  const host = office.reset(book, tier, limits);
  const result = await office.Excel.run({ delayForCellEdit: true }, (context) => work(context as unknown as Excel.RequestContext));
  return { result, host };
}

const column = (cells: PlanCell[]): PlanCell[][] => cells.map((c) => [c]);
const sent = (host: ExcelHost) => host.requests.filter((r) => !r.cleanup);
const count = (host: ExcelHost, name: string) => sent(host).reduce((n, r) => n + (r.names[name] ?? 0), 0);

describe('apply: few commands, every request within the budget', () => {
  test('formats go per rectangle of cells asking the same, borders once per rectangle', async () => {
    const b = userBook();
    const same: PlanCell = { value: 'Đạt', fill: 'C6EFCE', color: '006100', bold: true, border: true };
    const other: PlanCell = { value: 'Không đạt', fill: 'FFC7CE', color: '9C0006', border: true };
    const plan: WritePlan = { clear: [], names: [], blocks: [{ sheet: 'KP', row: 1, col: 2, cells: [same, same, same, other, other].map((c) => [c, { ...c, value: 'x' }]) }] };
    const { host } = await excel(b, (ctx) => applyPlan(ctx, plan));
    const cell = (r: number, c = 2) => b.sheets[0].peek(r, c);
    expect([1, 2, 3].map((r) => [cell(r)?.fill, cell(r, 3)?.fill])).toEqual([['C6EFCE', 'C6EFCE'], ['C6EFCE', 'C6EFCE'], ['C6EFCE', 'C6EFCE']]);
    expect([4, 5].map((r) => cell(r)?.fill)).toEqual(['FFC7CE', 'FFC7CE']);
    expect(cell(4)?.bold).toBeUndefined();
    expect([1, 3, 5].map((r) => cell(r)?.border)).toEqual([{ top: 'thin', bottom: 'thin', left: 'thin', right: 'thin' }, { top: 'thin', bottom: 'thin', left: 'thin', right: 'thin' }, { top: 'thin', bottom: 'thin', left: 'thin', right: 'thin' }]);
    // The values (1 range), the green and the red rectangles (2), the border rectangle (1): 4 ranges, 6 border edges.
    expect(count(host, 'GetRange')).toBe(4);
    expect(count(host, 'Style')).toBe(6);
    expect(count(host, '_KeepReference')).toBe(0); // written ranges are untracked
  });

  test('rectangles: runs along rows, stacked where the next row has the same run', () => {
    const grid = ['aab.', 'aab.', '.cc.', 'aab.'];
    const rects = rectangles(4, 4, (i, j) => (grid[i][j] === '.' ? undefined : grid[i][j]));
    expect(rects.map((r) => `${r.key}:${r.top},${r.left}-${r.bottom},${r.right}`)).toEqual(['a:0,0-1,1', 'b:0,2-1,2', 'c:2,1-2,2', 'a:3,0-3,1', 'b:3,2-3,2']);
  });

  test('a large plan goes in several requests, each measured under the budget, and everything is written', async () => {
    const rows = 400;
    const cells = Array.from({ length: rows }, (_, i) => [{ value: `Giải thích ${i}`, note: `Ghi chú dài ${'x'.repeat(200)} ${i}`, fill: i % 2 ? 'C6EFCE' : 'FFC7CE' }]);
    const plan: WritePlan = { clear: [], names: [], blocks: [{ sheet: 'KP', row: 1, col: 3, cells }] };
    const one = await excel(userBook(), (ctx) => applyPlan(ctx, plan));
    expect(one.result.syncs).toBe(1);
    const b = userBook();
    const budget = 20_000;
    const { result, host } = await excel(b, (ctx) => applyPlan(ctx, plan, { budget }));
    const requests = sent(host);
    expect(result.syncs).toBe(requests.length);
    expect(requests.length).toBeGreaterThan(3);
    // What the host counted for each request is never less than office.js sent.
    requests.forEach((r, i) => {
      expect(r.bytes).toBeLessThanOrEqual(budget);
      expect(r.bytes).toBeLessThanOrEqual(result.estimates[i]);
    });
    expect(b.sheets[0].peek(rows, 3)?.comment).toContain(`${rows - 1}`);
  });

  test('the cost per command is never below what office.js sends for it', async () => {
    // One command of each kind the host counts, a thousand times: the real body over the count.
    const b = userBook();
    const { host } = await excel(b, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('KP');
      for (let i = 0; i < 1000; i++) ws.getRange(`A${100000 + i}`).untrack().format.fill.color = '#C6EFCE';
      await ctx.sync();
    });
    const perCommand = sent(host)[0].bytes / 1000;
    expect(perCommand).toBeLessThanOrEqual(COST.range + 'A100000'.length + COST.nav * 2 + COST.set + 10);
    expect(REQUEST_BUDGET).toBeLessThan(5 * 1024 * 1024);
  });

  const sheet: PlanSheet = {
    name: 'KQ',
    widths: [6, 30],
    merges: ['A1:B1'],
    heights: [
      { row: 1, height: 30 },
      { row: 2, height: 18 },
      { row: 3, height: 18 },
      { row: 4, height: 18 },
    ],
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

  test('a created sheet: page layout with ExcelApi 1.9, none below (the rest is written); row heights per run', async () => {
    const b = userBook();
    const { host } = await excel(b, (ctx) => applyPlan(ctx, created));
    const kq = b.find('KQ')!;
    expect(kq.page).toMatchObject({ orientation: 'Portrait', paperSize: 'A4', printArea: 'A1:B3', printTitleRows: '2:2', zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 } });
    expect(kq.page.centerFooter).toBe('&"Times New Roman,Regular"&12Trang &P/&N');
    expect(kq.page.margins!.left).toBeCloseTo((30 / 25.4) * 72);
    expect(kq.protected).toBe(true);
    expect(kq.peek(2, 2)?.locked).toBe(false);
    expect([...kq.heights]).toEqual([[1, 30], [2, 18], [3, 18], [4, 18]]);
    expect(count(host, 'RowHeight')).toBe(2); // rows 1, then 2–4
    expect(b.names.get('QuyHoach_Trang_KQ')).toEqual({ sheet: 'KQ', range: 'A1' });

    const old = userBook();
    await excel(old, (ctx) => applyPlan(ctx, created), 'minimum');
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

describe('the add-in’s very hidden sheets', () => {
  const hidden: PlanSheet = { ...{ widths: [100], merges: [], font: { name: 'Times New Roman', size: 11 }, page: { orientation: 'portrait', margins: { top: 20, bottom: 20, left: 30, right: 15 }, printArea: 'A1:A2', footer: '' } }, name: 'QuyHoach_HoanTac', protect: true, hidden: true };
  const record = (text: string): WritePlan => ({
    clear: [],
    names: [{ name: 'QuyHoach_Trang_HoanTac', sheet: 'QuyHoach_HoanTac', range: 'A1' }],
    sheets: [hidden],
    blocks: [{ sheet: 'QuyHoach_HoanTac', row: 1, col: 1, cells: [[{ value: 'Bản ghi' }], [{ value: text }]] }],
  });

  test('are rewritten in place, never deleted (Excel refuses to delete a very hidden sheet)', async () => {
    const b = userBook();
    await excel(b, async (ctx) => applyPlan(ctx, record('~một'), { before: await readWorkbook(ctx) }));
    const sheetBefore = b.find('QuyHoach_HoanTac')!;
    expect(sheetBefore.visibility).toBe('VeryHidden');
    b.sheets.push(new DSheet('Sau'));
    const { host } = await excel(b, async (ctx) => applyPlan(ctx, record('~hai'), { before: await readWorkbook(ctx) }));
    expect(b.find('QuyHoach_HoanTac')).toBe(sheetBefore); // the same sheet, where it was
    expect(b.sheets.map((s) => s.name)).toEqual(['KP', 'QuyHoach_HoanTac', 'Sau']);
    expect(sheetBefore.peek(2, 1)?.value).toBe('~hai');
    expect(sheetBefore.protected).toBe(true);
    expect(count(host, 'Delete')).toBe(0); // neither the sheet nor its defined name
  });

  test('the undo record is written before anything else', async () => {
    const b = userBook();
    const plan: WritePlan = { ...record('~ba'), blocks: [{ sheet: 'KP', row: 1, col: 2, cells: [[{ value: 'Đạt' }]] }, ...record('~ba').blocks] };
    const seen: string[] = [];
    const { host } = await excel(b, async (ctx) => {
      const before = await readWorkbook(ctx);
      office.host.afterRequest = () => seen.push(String(b.find('KP')?.peek(1, 2)?.value ?? '') + '|' + String(b.find('QuyHoach_HoanTac')?.peek(2, 1)?.value ?? ''));
      // A budget so small every command is its own request: the order of requests is the order of commands.
      return applyPlan(ctx, plan, { before, budget: 1 });
    });
    expect(sent(host).length).toBeGreaterThan(5);
    const firstResult = seen.findIndex((s) => s.startsWith('Đạt'));
    expect(seen[firstResult]).toBe('Đạt|~ba'); // by the time the result is there, so is the record
    expect(seen.slice(0, firstResult)).toContain('|~ba');
  });
});

describe('the write checks first that the cells read are unchanged', () => {
  test('rows inserted between the read and the write: nothing is written', async () => {
    const b = userBook();
    const plan: WritePlan = { clear: [], names: [], blocks: [{ sheet: 'KP', row: 1, col: 2, cells: column([{ value: 'Đạt' }, { value: 'Không đạt' }]) }] };
    const error = await excel(b, async (ctx) => {
      const before = await readWorkbook(ctx);
      // The user inserts a row above the people (their names move down one row).
      const sheet = b.sheets[0];
      for (let r = 6; r >= 1; r--) sheet.cell(r + 1, 1).value = sheet.peek(r, 1)?.value ?? null;
      sheet.cell(1, 1).value = 'Tiêu đề mới';
      return applyPlan(ctx, plan, { before, check: true }).catch((e: unknown) => e);
    });
    expect(error.result).toBeInstanceOf(WorkbookChanged);
    expect(error.result).toMatchObject({ sheet: 'KP', cell: 'A1' });
    expect(b.sheets[0].peek(1, 2)).toBeUndefined();
  });

  test('a write that fails part way says where it wrote', async () => {
    const b = userBook();
    const plan: WritePlan = { clear: [], names: [], blocks: [{ sheet: 'KP', row: 1, col: 2, cells: column(Array.from({ length: 50 }, (_, i) => ({ value: `Đạt ${i}`, fill: i % 2 ? 'C6EFCE' : 'FFC7CE' }))) }] };
    const out = await excel(b, async (ctx) => {
      const before = await readWorkbook(ctx);
      office.host.failAt = { request: sent(office.host).length + 3, action: 0 };
      return applyPlan(ctx, plan, { before, check: true, budget: 2_000 }).catch((e: unknown) => e);
    }, 'minimum'); // no RangeAreas below 1.9: a request per run of fills
    expect(out.result).toBeInstanceOf(WriteFailed);
    expect((out.result as WriteFailed).written).toEqual(['KP']);
    expect(b.sheets[0].peek(1, 2)?.value).toBe('Đạt 0'); // the values went first
    expect(b.sheets[0].peek(50, 2)?.fill).toBeUndefined(); // the last fills never did
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
    const { result, host } = await excel(b, (ctx) => readWorkbook(ctx));
    expect(result.sheets.map((s) => s.values[0][0])).toEqual(b.sheets.map((_, i) => i + 1));
    expect(sent(host)).toHaveLength(2);
    expect(sent((await excel(userBook(), (ctx) => readWorkbook(ctx))).host)).toHaveLength(1);
  });

  /** A sheet of `rows` rows of long text, with a merged pair of cells every row. */
  function wide(rows: number): DWorkbook {
    const b = new DWorkbook();
    const s = new DSheet('Danh sách');
    for (let r = 1; r <= rows; r++) {
      s.cell(r, 1).value = r;
      s.cell(r, 2).value = `Nguyễn Văn ${'Ánh '.repeat(20)}${r}`;
      s.merges.push({ top: r, left: 3, bottom: r, right: 4 });
      s.cell(r, 3).value = 'gộp';
    }
    b.sheets.push(s);
    return b;
  }

  test('an answer Excel refuses as too big is read in blocks; the same snapshot', async () => {
    const whole = await excel(wide(600), (ctx) => readWorkbook(ctx));
    // 600 merged areas, more than one query answers: the whole is refused, then the outline and the blocks.
    expect(sent(whole.host).map((r) => r.error)).toEqual(['InvalidOperation', undefined, undefined]);
    const small = { requestLimit: 5_000_000, responseLimit: 60_000 };
    const blocks = await excel(wide(600), (ctx) => readWorkbook(ctx, { budget: 50_000 }), 'all', small);
    expect(blocks.result).toEqual(whole.result);
    expect(sent(blocks.host).length).toBeGreaterThan(3);
    expect(sent(blocks.host)[0].error).toBe('ResponsePayloadSizeLimitExceeded'); // the whole, tried first
    for (const r of sent(blocks.host).slice(1)) expect(r.responseBytes).toBeLessThanOrEqual(60_000);
    // The last read's size says the whole would not fit: straight to blocks.
    const again = await excel(wide(600), (ctx) => readWorkbook(ctx, { budget: 50_000, expected: expectedAnswer(whole.result) }), 'all', small);
    expect(again.result).toEqual(whole.result);
    expect(sent(again.host).filter((r) => r.error)).toEqual([]);
    expect(whole.result.sheets[0].merges).toHaveLength(600);
  });

  test('merged areas are asked in blocks Excel can answer (at most 512 areas each)', () => {
    expect(MERGE_CELLS).toBeLessThanOrEqual(MERGED_AREAS_LIMIT);
    const s = new DSheet('x');
    for (let r = 1; r <= 600; r++) s.merges.push({ top: r, left: 1, bottom: r, right: 2 });
    expect(() => s.mergedAreas({ top: 1, left: 1, bottom: 600, right: 2 })).toThrow(ExcelError);
  });
});

describe('requirements', () => {
  const upTo = (minor: number) => (name: string, version: string) => name === 'ExcelApi' && Number(version.split('.')[1]) <= minor;
  const every = () => true;
  test('what an Excel without ExcelApi 1.9 leaves out, said in Vietnamese', () => {
    expect(missingCapabilities(upTo(20), every)).toEqual([]);
    expect(missingCapabilities(upTo(8), every)).toEqual(['pageLayout', 'fonts', 'hidden', 'widths', 'merges', 'notes']);
    expect(missingCapabilities(upTo(12), every)).toEqual(['merges']); // notes as comments from 1.10
    const text = missingText(messages('vi'), missingCapabilities(upTo(8), every));
    expect(text[0]).toBe('Phiên bản Excel này chưa hỗ trợ đủ, nên lần chạy sẽ bỏ qua:');
    expect(text).toHaveLength(7);
    expect(missingText(messages('vi'), [])).toEqual([]);
  });

  test('a member newer than the library is not used: notes become comments where office.js has no Worksheet.notes', () => {
    expect('notes' in office.Excel.Worksheet.prototype).toBe(false); // @microsoft/office-js 1.1.110
    expect(abilities(every).noteKind).toBe('comments');
    expect(abilities(every, () => true).noteKind).toBe('notes');
    expect(abilities(upTo(9), () => true).noteKind).toBe('none');
    expect(abilities(upTo(6)).enough).toBe(false);
  });
});
