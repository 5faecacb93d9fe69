/**
 * The print view's pages (src/workbench/print-pages.ts) on the sheets the real pipeline creates:
 * as many pages as LibreOffice prints of each (test/print), the column headings repeated at the
 * top of every page after the first, "Trang i/n" at the foot of each, every row of the print area
 * on exactly one page and no merged area cut; and the header/footer codes, the scale and the
 * pagination of sheets made here.
 */
import * as ExcelJS from 'exceljs';
import { headerFooterLine, lineText, printPages, type PrintLayout } from '../../src/workbench/print-pages';
import { runXlsx } from '../support/xlsx-run';
import { inputOf, RUNS, runInMemory } from './runs';

jest.setTimeout(60_000);

/** Every row of the print area with a height, once, in order, across the pages (title rows aside). */
function bodyRows(layout: PrintLayout): number[] {
  return layout.pages.flatMap((p) => p.rows);
}

function expectPrintsAsPlanned(layout: PrintLayout, pages: number): void {
  expect({ sheet: layout.sheet, pages: layout.pages.length }).toEqual({ sheet: layout.sheet, pages });
  // Every row on exactly one page, in order, none left out.
  const all: number[] = [];
  for (let r = layout.area.top; r <= layout.area.bottom; r++) if ((layout.rowPoints.get(r) ?? 0) > 0) all.push(r);
  expect(bodyRows(layout)).toEqual(all);
  layout.pages.forEach((page, i) => {
    expect(page.number).toBe(i + 1);
    expect(lineText(page.footer)).toBe(`Trang ${i + 1}/${pages}`);
    // What the page holds fits its body at the scale.
    const height = [...page.titleRows, ...page.rows].reduce((sum, r) => sum + (layout.rowPoints.get(r) ?? 0), 0) * page.scale;
    expect(height).toBeLessThanOrEqual((page.box.body.height * 72) / 25.4);
    const width = page.columns.reduce((sum, c) => sum + (layout.columnPoints.get(c) ?? 0), 0) * page.scale;
    expect(width).toBeLessThanOrEqual((page.box.body.width * 72) / 25.4 + 0.01);
  });
  // No merged area across a page end.
  for (const m of layout.merges) {
    const on = new Set(layout.pages.filter((p) => p.rows.some((r) => r >= m.top && r <= m.bottom)).map((p) => p.number));
    expect({ merge: m, pages: on.size }).toEqual({ merge: m, pages: 1 });
  }
}

describe.each(RUNS.map((c) => [c.label, c] as const))('%s', (_label, c) => {
  let book: ExcelJS.Workbook;
  beforeAll(async () => {
    book = await runInMemory(c);
  });

  test.each(Object.entries(c.pages))('“%s”: %i pages, as LibreOffice prints it; headings repeated; “Trang i/n”; every row once', (name, pages) => {
    const ws = book.getWorksheet(name)!;
    expect(ws).toBeDefined();
    const layout = printPages(ws);
    expectPrintsAsPlanned(layout, pages);
    expect(layout.merges.length).toBe(ws.model.merges.length);
    // The page ends are the plan's (the manual breaks the run wrote).
    expect(layout.pages.slice(1).map((p) => p.rows[0] - 1)).toEqual(layout.manualBreaks);
    // The heading row repeated on every page after the first, and only there.
    const titles = /^(\d+):(\d+)$/.exec(ws.pageSetup.printTitlesRow ?? '');
    if (pages > 1) expect(titles).not.toBeNull();
    layout.pages.forEach((p, i) => expect(p.titleRows).toEqual(i === 0 || !titles ? [] : [Number(titles[1])]));
    expect(layout.pages.every((p) => p.orientation === (ws.pageSetup.orientation ?? 'portrait'))).toBe(true);
    // The page box: A4 in the sheet's orientation, the Nghị định 30/2020 margins.
    const box = layout.pages[0].box;
    expect([box.width, box.height]).toEqual(layout.orientation === 'landscape' ? [297, 210] : [210, 297]);
    expect(box.margins.left).toBeCloseTo(30, 6);
    expect(box.margins.right).toBeCloseTo(15, 6);
  });

  test('read back from the written file (src/hosts/xlsx/read.ts restores the breaks ExcelJS drops) the sheets keep their breaks and pages', async () => {
    const { workbook } = await runXlsx(await inputOf(c), c.request);
    for (const [name, pages] of Object.entries(c.pages)) {
      const layout = printPages(workbook.getWorksheet(name)!);
      expect(layout.manualBreaks).toEqual(printPages(book.getWorksheet(name)!).manualBreaks);
      expectPrintsAsPlanned(layout, pages);
    }
  });
});

test('the shortlist of a run not announced carries the header on every page; a run announced carries none', async () => {
  const long = await runInMemory(RUNS[RUNS.length - 1]);
  const layout = printPages(long.getWorksheet('KQ Kế tiếp B2')!);
  for (const p of layout.pages) expect(lineText(p.header)).toBe('KẾT QUẢ KIỂM PHIẾU — KHÔNG CÔNG BỐ TẠI HỘI NGHỊ');
  const announced = await runInMemory(RUNS[2]);
  expect(printPages(announced.getWorksheet('KQ Kế tiếp B3')!).pages[0].header).toBeUndefined();
});

describe('header and footer codes', () => {
  const values = { page: 2, pages: 5, sheet: 'KQ Kế tiếp B2', now: new Date(2026, 10, 25, 9, 5), fileName: 'so-lieu.xlsx' };
  test.each([
    ['&C&"Times New Roman,Regular"&12Trang &P/&N', { center: 'Trang 2/5' }],
    ['Trang &P/&N', { center: 'Trang 2/5' }],
    ['&LTrang &P&RTổng &N trang', { left: 'Trang 2', right: 'Tổng 5 trang' }],
    ['&C&"Times New Roman,Regular"&12 2026 — &A', { center: ' 2026 — KQ Kế tiếp B2' }],
    ['&LNgày &D lúc &T&C&F', { left: 'Ngày 25/11/2026 lúc 09:05', center: 'so-lieu.xlsx' }],
    ['&CTrang &P+1 (&&)', { center: 'Trang 3 (&)' }],
    ['&C&KFF0000&BMật&B', { center: 'Mật' }],
    ['&C&"Times New Roman,Regular"&12', {}],
  ])('%s', (code, sections) => {
    const line = headerFooterLine(code, values);
    const texts = Object.fromEntries(Object.entries(line ?? {}).map(([k, v]) => [k, (v as { text: string }).text]));
    // A size code keeps a text starting with a digit apart with one space (apply.ts): not shown.
    expect(texts).toEqual(Object.fromEntries(Object.entries(sections).map(([k, v]) => [k, v.trim()])));
  });

  test('the font of a section: name, style and size', () => {
    expect(headerFooterLine('&C&"Times New Roman,Bold Italic"&14Mật', values)?.center).toEqual({ text: 'Mật', font: { name: 'Times New Roman', bold: true, italic: true, size: 14 } });
  });
});

describe('sheets made here', () => {
  function sheet(rows: number, setup: Partial<ExcelJS.PageSetup>, widths = [10, 30, 20]): ExcelJS.Worksheet {
    const ws = new ExcelJS.Workbook().addWorksheet('Trang tính', { pageSetup: { paperSize: 9, margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 }, ...setup } });
    widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
    for (let r = 1; r <= rows; r++) ws.getRow(r).values = [r, `Dòng ${r}`, r * 2];
    ws.headerFooter.oddFooter = '&CTrang &P/&N';
    return ws;
  }

  test.each([
    // rows, row height (pt), pages at 100%: A4 portrait less 0.75 in margins is 734 pt, 723 pt less
    // page-layout's 1.5% spare: 48 rows of 15 pt, 17 of 40 pt (40.5 pt: rows print in whole pixels).
    [10, 15, 1],
    [48, 15, 1],
    [49, 15, 2],
    [100, 15, 3],
    [200, 15, 5],
    [34, 40, 2],
    [35, 40, 3],
  ])('%i rows of %i pt at 100%% print on %i pages, filled from the top', (rows, height, pages) => {
    const ws = sheet(rows, { scale: 100, fitToPage: false });
    for (let r = 1; r <= rows; r++) ws.getRow(r).height = height;
    const layout = printPages(ws);
    expect(layout.scale).toBe(1);
    expect(layout.pages.length).toBe(pages);
    expect(bodyRows(layout)).toEqual(Array.from({ length: rows }, (_, i) => i + 1));
    expect(layout.pages.map((p) => lineText(p.footer))).toEqual(Array.from({ length: pages }, (_, i) => `Trang ${i + 1}/${pages}`));
  });

  test('at 50% a page holds twice the rows', () => {
    expect(printPages(sheet(96, { scale: 100, fitToPage: false })).pages.length).toBe(2);
    expect(printPages(sheet(96, { scale: 50, fitToPage: false })).pages.length).toBe(1);
    expect(printPages(sheet(97, { scale: 50, fitToPage: false })).pages.length).toBe(2);
  });

  test('fit to one page wide: the scale the columns fit at, whole percent, never above 100%', () => {
    const wide = printPages(sheet(5, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }, [40, 40, 40]));
    expect(wide.fit).toBe(true);
    const widthPt = [...wide.columnPoints.values()].reduce((a, b) => a + b, 0);
    const room = (wide.pages[0].box.body.width * 72) / 25.4;
    expect(wide.scale * 100).toBe(Math.floor((100 * room) / widthPt));
    expect(printPages(sheet(5, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 })).scale).toBe(1);
  });

  test('columns wider than the page at a fixed scale print on further pages, down then over', () => {
    const layout = printPages(sheet(60, { scale: 100, fitToPage: false }, [40, 40, 40]));
    expect(layout.pages.map((p) => p.columns)).toEqual([[1, 2], [1, 2], [3], [3]]);
    expect(layout.pages.map((p) => p.rows[0])).toEqual([1, 51, 1, 51].map((r) => (r === 51 ? layout.pages[1].rows[0] : r)));
  });

  test('hidden rows and columns are not printed; the print area and title rows are', () => {
    const ws = sheet(120, { scale: 100, fitToPage: false, printArea: 'B3:C110', printTitlesRow: '3:3' } as Partial<ExcelJS.PageSetup>);
    ws.getRow(7).hidden = true;
    ws.getColumn(3).hidden = true;
    const layout = printPages(ws);
    expect(layout.pages.every((p) => p.columns.join() === '2')).toBe(true);
    const rows = bodyRows(layout);
    expect(rows[0]).toBe(3);
    expect(rows[rows.length - 1]).toBe(110);
    expect(rows).not.toContain(7);
    expect(layout.pages[0].titleRows).toEqual([]);
    for (const p of layout.pages.slice(1)) expect(p.titleRows).toEqual([3]);
  });

  test('a sheet fit to pages ignores its manual breaks, as Excel does', () => {
    const ws = sheet(20, { fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    ws.getRow(10).addPageBreak();
    expect(printPages(ws).pages.length).toBe(1);
    expect(printPages(ws, { breaks: [10] }).pages.length).toBe(2);
  });

  test('manual breaks end pages; rows merged down are never cut', () => {
    const ws = sheet(100, { scale: 100, fitToPage: false });
    ws.getRow(10).addPageBreak();
    ws.mergeCells('B45:B60');
    const layout = printPages(ws);
    expect(layout.pages[0].rows).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));
    const withMerge = layout.pages.filter((p) => p.rows.some((r) => r >= 45 && r <= 60));
    expect(withMerge.length).toBe(1);
    expect(withMerge[0].rows).toEqual(expect.arrayContaining(Array.from({ length: 16 }, (_, i) => 45 + i)));
  });
});
