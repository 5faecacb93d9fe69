/** @jest-environment jsdom */
/**
 * The print view (src/workbench/PrintView.tsx) rendered as the workbench shows it (jsdom, React 19,
 * Fluent UI v9), on the minutes and the shortlist of real runs: as many A4 pages as LibreOffice
 * prints (test/print), the column headings repeated at the top of every page after the first,
 * "Trang i/n" at the foot of each, every cell's text on exactly one page, the summary line in
 * Vietnamese, and the print stylesheet that makes the browser's Print print these pages.
 */
import { act } from 'react';
import type * as ExcelJS from 'exceljs';
import { PrintView } from '../../src/workbench/PrintView';
import { cellText } from '../../src/workbench/print-pages';
import type { Lang } from '../../src/i18n';
import { RUNS, runInMemory } from './runs';
import { createPane, pane, render, usePaneDom } from '../support/pane-dom';

// No ResizeObserver: the print view then keeps the zoom of its first guess (jsdom has no layout).
usePaneDom({ resizeObserver: false });
jest.setTimeout(60_000);

beforeEach(() => {
  createPane();
});

async function show(workbook: ExcelJS.Workbook, sheet: string, lang: Lang = 'vi'): Promise<HTMLElement[]> {
  await render(<PrintView workbook={workbook} sheet={sheet} lang={lang} />);
  return [...pane().querySelectorAll<HTMLElement>('[data-testid="print-page"]')];
}

const flat = (s: string | null | undefined): string => (s ?? '').replace(/\s+/g, ' ').trim();

/** The texts of the cells of the print area but the title rows, by "row:col" (merged areas once, at their top-left cell). */
function sheetTexts(ws: ExcelJS.Worksheet, titleRows: number[]): Map<string, string> {
  const out = new Map<string, string>();
  const [, top, bottom] = /(\d+):[A-Z]+\$?(\d+)/.exec(ws.pageSetup.printArea!.replace(/\$/g, ''))!.map(Number);
  for (let r = top; r <= bottom; r++) {
    if (titleRows.includes(r)) continue;
    ws.findRow(r)?.eachCell((cell, c) => {
      if (cell.isMerged && cell.master !== cell) return;
      const text = cellText(cell, ',');
      if (text.trim()) out.set(`${r}:${c}`, text);
    });
  }
  return out;
}

const LONG = RUNS[RUNS.length - 1];
const STAFF = RUNS[2];

describe.each([
  [LONG.label, 'KQ Kế tiếp B2', 6, 'landscape', LONG],
  [LONG.label, 'BB Kế tiếp B2', 5, 'portrait', LONG],
  [STAFF.label, 'KQ Kế tiếp B3', 1, 'landscape', STAFF],
  [STAFF.label, 'BB Kế tiếp B3', 2, 'portrait', STAFF],
] as const)('%s: “%s”', (_label, sheet, pages, orientation, run) => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await runInMemory(run);
  });

  test(`${pages} A4 ${orientation} pages, as LibreOffice prints it; the summary says so`, async () => {
    const shown = await show(workbook, sheet);
    expect(shown.length).toBe(pages);
    expect(shown.length).toBe(run.pages[sheet]);
    for (const page of shown) {
      expect(page.dataset.orientation).toBe(orientation);
      expect([page.style.width, page.style.height]).toEqual(orientation === 'landscape' ? ['297mm', '210mm'] : ['210mm', '297mm']);
    }
    const summary = flat(pane().querySelector('[data-testid="print-summary"]')?.textContent);
    expect(summary).toMatch(new RegExp(`^${pages} trang A4 ${orientation === 'landscape' ? 'ngang' : 'dọc'}, tỷ lệ \\d+%`));
    // The badges number the pages.
    expect([...pane().querySelectorAll('[data-testid="print-page-badge"]')].map((b) => b.textContent)).toEqual(shown.map((_, i) => `Trang ${i + 1}/${pages}`));
  });

  test('“Trang i/n” at the foot of every page; the heading row at the top of every page after the first', async () => {
    const shown = await show(workbook, sheet);
    const ws = workbook.getWorksheet(sheet)!;
    const titleRow = Number(/^(\d+):/.exec(ws.pageSetup.printTitlesRow!)![1]);
    const headings = [...(ws.getRow(titleRow).values as unknown[])].filter((v): v is string => typeof v === 'string' && v.trim() !== '');
    expect(headings.length).toBeGreaterThan(2);
    shown.forEach((page, i) => {
      expect(flat(page.querySelector('[data-testid="print-footer"]')?.textContent)).toBe(`Trang ${i + 1}/${pages}`);
      const first = page.querySelector('tbody tr');
      if (i === 0) expect(page.querySelector('tr[data-title]')).toBeNull();
      else {
        // The first row of the page is the heading row, repeated.
        expect(first?.getAttribute('data-title')).toBe('true');
        expect(first?.getAttribute('data-row')).toBe(String(titleRow));
        for (const h of headings) expect(flat(first?.textContent)).toContain(flat(h));
      }
    });
  });

  test('every cell’s text on exactly one page, in its place (title rows excepted)', async () => {
    const shown = await show(workbook, sheet);
    const ws = workbook.getWorksheet(sheet)!;
    const titleRow = Number(/^(\d+):/.exec(ws.pageSetup.printTitlesRow!)![1]);
    const texts = sheetTexts(ws, []);
    expect(texts.size).toBeGreaterThan(10);
    // What each page shows, by cell.
    const onPage = shown.map((page) => new Map([...page.querySelectorAll('tr:not([data-title]) td')].map((td) => [td.getAttribute('data-cell')!, flat(td.textContent)] as const)));
    for (const [at, text] of texts) {
      const pagesWith = onPage.filter((cells) => cells.get(at) === flat(text)).length;
      expect({ at, text, pages: pagesWith }).toEqual({ at, text, pages: 1 });
    }
    // And nothing else: every non-empty cell shown is a cell of the sheet (or the repeated headings).
    const shownCells = shown.flatMap((page) => [...page.querySelectorAll('td')].filter((td) => flat(td.textContent) !== ''));
    for (const td of shownCells) {
      const at = td.getAttribute('data-cell')!;
      const row = Number(at.split(':')[0]);
      if (row === titleRow) continue;
      expect(texts.has(at)).toBe(true);
    }
  });
});

test('the shortlist of a count not announced says so at the top of every page', async () => {
  const workbook = await runInMemory(LONG);
  const shown = await show(workbook, 'KQ Kế tiếp B2');
  for (const page of shown) expect(flat(page.querySelector('[data-testid="print-header"]')?.textContent)).toBe('KẾT QUẢ KIỂM PHIẾU — KHÔNG CÔNG BỐ TẠI HỘI NGHỊ');
});

test('the sheet’s formats: fonts, bold, merged cells, column widths and row heights at the page’s scale', async () => {
  const workbook = await runInMemory(LONG);
  const ws = workbook.getWorksheet('BB Kế tiếp B2')!;
  const shown = await show(workbook, 'BB Kế tiếp B2');
  const scale = (ws.pageSetup.scale ?? 100) / 100;
  // The title of the minutes: a merged cell across the columns, bold, in Times New Roman.
  const title = [...shown[0].querySelectorAll('td')].find((td) => flat(td.textContent).startsWith('BIÊN BẢN'))!;
  expect(title).toBeDefined();
  const [r, c] = title.getAttribute('data-cell')!.split(':').map(Number);
  const cell = ws.getCell(r, c);
  expect(title.colSpan).toBe(cell.isMerged ? ws.model.merges.map((m) => /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(m)!).filter((m) => Number(m[2]) === r).map((m) => m[3].charCodeAt(0) - m[1].charCodeAt(0) + 1)[0] : 1);
  const inner = title.firstElementChild as HTMLElement;
  expect(inner.style.fontFamily).toContain('Times New Roman');
  expect(inner.style.fontWeight).toBe('700');
  expect(parseFloat(inner.style.fontSize)).toBeCloseTo((cell.font?.size ?? 11) * scale, 2);
  // Row heights at the scale.
  const tr = shown[0].querySelector(`tr[data-row="${r}"]`) as HTMLElement;
  expect(parseFloat(tr.style.height)).toBeCloseTo((ws.getRow(r).height ?? 15) * scale, 2);
});

test('a sheet that is not there, and the English words', async () => {
  const workbook = await runInMemory(STAFF);
  await show(workbook, 'Không có');
  expect(pane().textContent).toContain('Không có trang tính “Không có”.');
  await show(workbook, 'KQ Kế tiếp B3', 'en');
  expect(flat(pane().querySelector('[data-testid="print-summary"]')?.textContent)).toMatch(/^1 A4 page, landscape, at \d+%/);
});

test('the print stylesheet: A4 portrait and landscape pages, a page break after each, nothing else of the page printed', async () => {
  const workbook = await runInMemory(STAFF);
  await show(workbook, 'BB Kế tiếp B3');
  const css = [...pane().querySelectorAll('style')].map((s) => s.textContent).join('\n');
  expect(css).toMatch(/@page qh-pv-portrait \{ size: A4 portrait; margin: 0; \}/);
  expect(css).toMatch(/@page qh-pv-landscape \{ size: A4 landscape; margin: 0; \}/);
  expect(css).toMatch(/@media print[\s\S]*\.qh-pv-sheet \{ break-after: page; \}/);
  expect(css).toMatch(/\.qh-pv-noprint \{ display: none !important; \}/);
  const sheets = [...pane().querySelectorAll('.qh-pv-sheet')];
  expect(sheets.map((s) => s.getAttribute('data-orientation'))).toEqual(['portrait', 'portrait']);
});

test('the zoom: steps in and out from the zoom that fits the panel, and back to fitting it', async () => {
  const workbook = await runInMemory(STAFF);
  await show(workbook, 'KQ Kế tiếp B3');
  const zoom = () => pane().querySelector('[data-testid="print-zoom"]')!.textContent;
  const pages = () => (pane().querySelector('.qh-pv-pages') as HTMLElement).style.zoom;
  const click = (name: string) => act(async () => (pane().querySelector(`button[aria-label="${name}"]`) as HTMLButtonElement).click());
  // jsdom has no layout: the zoom that fits stays at its first guess, 75%.
  expect(zoom()).toBe('75%');
  await click('Phóng to');
  expect(zoom()).toBe('80%');
  expect(pages()).toBe('0.8');
  await click('Thu nhỏ');
  await click('Thu nhỏ');
  expect(zoom()).toBe('67%');
  await act(async () => ([...pane().querySelectorAll('button')].find((b) => b.textContent === 'Vừa khung') as HTMLButtonElement).click());
  expect(zoom()).toBe('75%');
});

test('an empty sheet has nothing to print', async () => {
  const workbook = await runInMemory(STAFF);
  workbook.addWorksheet('Trống');
  const shown = await show(workbook, 'Trống');
  expect(shown).toEqual([]);
  expect(pane().textContent).toContain('Trang tính này không có gì để in.');
});

test('showing the pages leaves the workbook as it was', async () => {
  const workbook = await runInMemory(STAFF);
  const ws = workbook.getWorksheet('BB Kế tiếp B3')!;
  // Every row and cell ExcelJS holds (getCell would have added cells: the view only reads).
  const rows = (): string => JSON.stringify((ws.model as unknown as { rows: unknown }).rows);
  const before = rows();
  await show(workbook, 'BB Kế tiếp B3');
  expect(rows()).toBe(before);
});
