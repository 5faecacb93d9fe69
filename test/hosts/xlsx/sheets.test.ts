// xlsx host: sheets the plan creates whole (PlanSheet), dropped sheets, and the cell formats
// italic / size / align (docs/ARCHITECTURE.md "apply"); the results read back through ExcelJS.
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { WritePlan } from '../../../src/workbook/plan';
import { applyXlsx, xlsxBytes } from '../../support/xlsx-run';

const SHEET = 'Danh sách rút gọn';
const MM = 1 / 25.4;

function plan(): WritePlan {
  return {
    clear: [],
    names: [{ name: 'QuyHoach_Trang_RutGon', sheet: SHEET, range: 'A1' }],
    dropSheets: [],
    sheets: [
      {
        name: SHEET,
        widths: [6, 28, 12, 12, 10, 10, 10, 18],
        merges: ['A1:H1', 'A2:H2'],
        font: { name: 'Times New Roman', size: 13 },
        page: {
          orientation: 'portrait',
          margins: { top: 20, bottom: 20, left: 30, right: 15 },
          repeatRows: { from: 1, to: 5 },
          printArea: 'A1:H20',
          footer: 'Trang &P/&N',
        },
        protect: true,
      },
    ],
    blocks: [
      {
        sheet: SHEET,
        row: 1,
        col: 1,
        cells: [
          [{ value: 'DANH SÁCH RÚT GỌN', bold: true, size: 14, align: 'center' }],
          [{ value: 'Nhiệm kỳ 2025–2030', italic: true, align: 'center' }],
        ],
      },
      {
        sheet: SHEET,
        row: 5,
        col: 1,
        cells: [
          [
            { value: 'STT', bold: true, wrap: true, border: true },
            { value: 'Họ và tên', bold: true, wrap: true, border: true, align: 'left' },
          ],
          [
            { value: 1, border: true, align: 'right' },
            { value: 'Nguyễn Văn An', border: true, color: 'C00000' },
          ],
        ],
      },
    ],
  };
}

/** A workbook (made with ExcelJS) with the plans applied by the xlsx host. */
async function apply(wb: ExcelJS.Workbook, ...plans: WritePlan[]): Promise<{ buffer: Buffer; workbook: ExcelJS.Workbook }> {
  if (!wb.worksheets.length) wb.addWorksheet('Trang trắng');
  return applyXlsx(await xlsxBytes(wb), ...plans);
}

/** A workbook with the user's own sheet, and the plan applied. */
async function applied(): Promise<{ buffer: Buffer; workbook: ExcelJS.Workbook }> {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Danh sách').getCell('A1').value = 'của người dùng';
  return apply(wb, plan());
}

function sheetNames(wb: ExcelJS.Workbook): string[] {
  return wb.worksheets.map((ws) => ws.name);
}

describe('PlanSheet: a sheet created whole', () => {
  test('page setup: A4, orientation, margins in inches, fit to one page wide, print titles and area, footer', async () => {
    const { workbook } = await applied();
    const ws = workbook.getWorksheet(SHEET)!;
    expect(ws).toBeDefined();
    const ps = ws.pageSetup;
    const margins = ps.margins!;
    expect(ps.paperSize).toBe(9);
    expect(ps.orientation).toBe('portrait');
    expect(margins.top).toBeCloseTo(20 * MM, 3);
    expect(margins.top).toBeCloseTo(0.7874, 3);
    expect(margins.bottom).toBeCloseTo(20 * MM, 3);
    expect(margins.left).toBeCloseTo(30 * MM, 3);
    expect(margins.right).toBeCloseTo(15 * MM, 3);
    expect(margins.header).toBeCloseTo(0.3, 3);
    expect(margins.footer).toBeCloseTo(0.3, 3);
    expect(ps.fitToPage).toBe(true);
    expect(ps.fitToWidth).toBe(1);
    expect(ps.fitToHeight).toBe(0);
    expect(ps.printTitlesRow).toBe('1:5');
    expect(ps.printArea).toBe('A1:H20');
    expect(ws.headerFooter.oddFooter).toBe('&C&"Times New Roman,Regular"&12Trang &P/&N');
  });

  test('the file holds the print area and titles as Excel names, and the sheet protection', async () => {
    const { buffer } = await applied();
    const zip = await JSZip.loadAsync(buffer);
    const book = await zip.file('xl/workbook.xml')!.async('string');
    // Absolute references, as Excel writes them (ExcelJS alone would write '$A1:$H20').
    expect(book).toContain(`name="_xlnm.Print_Area" localSheetId="1">'${SHEET}'!$A$1:$H$20<`);
    expect(book).toContain(`name="_xlnm.Print_Titles" localSheetId="1">'${SHEET}'!$1:$5<`);
    const sheetXml = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
    expect(sheetXml).toMatch(/<sheetProtection sheet="1"[^>]*objects="1"[^>]*scenarios="1"/);
    expect(sheetXml).not.toContain('hashValue');
    expect(sheetXml).toContain('<pageSetUpPr fitToPage="1"/>');
  });

  test('protection, merges, widths', async () => {
    const { workbook } = await applied();
    const ws = workbook.getWorksheet(SHEET)!;
    const protection = (ws as unknown as { sheetProtection: { sheet?: boolean } | null }).sheetProtection;
    expect(protection?.sheet).toBe(true);
    expect([...((ws.model as unknown as { merges: string[] }).merges)].sort()).toEqual(['A1:H1', 'A2:H2']);
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((c) => ws.getColumn(c).width)).toEqual([6, 28, 12, 12, 10, 10, 10, 18]);
  });

  test('cell fonts start from the sheet font; size, bold, italic, colour and align override', async () => {
    const { workbook } = await applied();
    const ws = workbook.getWorksheet(SHEET)!;
    const title = ws.getCell('A1');
    expect(title.value).toBe('DANH SÁCH RÚT GỌN');
    expect(title.font).toMatchObject({ name: 'Times New Roman', size: 14, bold: true });
    expect(title.alignment?.horizontal).toBe('center');
    const term = ws.getCell('A2');
    expect(term.font).toMatchObject({ name: 'Times New Roman', size: 13, italic: true });
    expect(term.alignment?.horizontal).toBe('center');
    // wrap keeps its vertical centring and wrapping; align changes only the horizontal.
    expect(ws.getCell('A5').alignment).toMatchObject({ wrapText: true, vertical: 'middle', horizontal: 'center' });
    expect(ws.getCell('B5').alignment).toMatchObject({ wrapText: true, vertical: 'middle', horizontal: 'left' });
    expect(ws.getCell('A6').value).toBe(1);
    expect(ws.getCell('A6').alignment?.horizontal).toBe('right');
    expect(ws.getCell('A6').font).toMatchObject({ name: 'Times New Roman', size: 13 });
    expect(ws.getCell('A6').font.italic).toBeFalsy();
    expect(ws.getCell('B6').font).toMatchObject({ name: 'Times New Roman', size: 13, color: { argb: 'FFC00000' } });
    expect(ws.getCell('B6').border?.left?.style).toBe('thin');
    // The user's sheet is untouched and comes first.
    expect(sheetNames(workbook)).toEqual(['Danh sách', SHEET]);
    expect(workbook.getWorksheet('Danh sách')!.getCell('A1').value).toBe('của người dùng');
  });

  test('a second apply replaces the sheet: no duplicate, same content', async () => {
    const first = await applied();
    const second = await applyXlsx(first.buffer, plan());
    expect(sheetNames(second.workbook)).toEqual(['Danh sách', SHEET]);
    const a = first.workbook.getWorksheet(SHEET)!;
    const b = second.workbook.getWorksheet(SHEET)!;
    const cells = (ws: ExcelJS.Worksheet): unknown[] => {
      const out: unknown[] = [];
      ws.eachRow((row, r) => row.eachCell((cell, c) => out.push([r, c, cell.value, cell.font, cell.alignment])));
      return out;
    };
    expect(cells(b)).toEqual(cells(a));
    expect(b.pageSetup.printArea).toBe('A1:H20');
    expect(b.pageSetup.printTitlesRow).toBe('1:5');
    expect([...((b.model as unknown as { merges: string[] }).merges)].sort()).toEqual(['A1:H1', 'A2:H2']);
    expect(second.workbook.definedNames.model.filter((n) => n.name === 'QuyHoach_Trang_RutGon')).toHaveLength(1);
  });

  test('row heights and page breaks as the plan gives them (measured by page-layout, not here); a header in the sheet\'s font', async () => {
    const base = plan();
    const sheet = { ...base.sheets![0], widths: [9, 28, 12, 12, 10, 10, 10, 18], heights: [{ row: 2, height: 33 }, { row: 6, height: 8 }], breaks: [5, 12] };
    sheet.page = { ...sheet.page, header: 'KHÔNG CÔNG BỐ TẠI HỘI NGHỊ' };
    const { buffer, workbook } = await apply(new ExcelJS.Workbook(), { ...base, sheets: [sheet] });
    const ws = workbook.getWorksheet(SHEET)!;
    expect(ws.getRow(2).height).toBe(33);
    expect(ws.getRow(6).height).toBe(8);
    // Nothing measured at apply time: a row the plan did not size keeps the default.
    expect(ws.getRow(1).height).toBeUndefined();
    expect(ws.headerFooter.oddHeader).toBe('&C&"Times New Roman,Regular"&12KHÔNG CÔNG BỐ TẠI HỘI NGHỊ');
    const xml = await (await JSZip.loadAsync(buffer)).file('xl/worksheets/sheet2.xml')!.async('string');
    // A page ends after rows 5 and 12, across every column (Excel's last is XFD, 16384).
    expect(xml).toContain('<rowBreaks count="2" manualBreakCount="2"><brk id="5" max="16383" man="1"/><brk id="12" max="16383" man="1"/></rowBreaks>');
    // A width of 9 is written (ExcelJS would leave it out as its default, and Excel print it at 8.43).
    expect(xml).toContain('<col min="1" max="1" width="9" customWidth="1"/>');
  });

  test('the sheet name matches case-insensitively when replacing', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet(SHEET.toUpperCase()).getCell('Z9').value = 'cũ';
    const { workbook } = await apply(wb, plan());
    expect(sheetNames(workbook)).toEqual([SHEET]);
    expect(workbook.getWorksheet(SHEET)!.getCell('Z9').value).toBeNull();
  });
});

describe('dropSheets', () => {
  test('removes the named sheets (if present) and names pointing into them', async () => {
    const first = await applied();
    const { workbook } = await applyXlsx(first.buffer, { clear: [], blocks: [], names: [], dropSheets: [SHEET, 'Không có'] });
    expect(sheetNames(workbook)).toEqual(['Danh sách']);
    expect(workbook.definedNames.model.map((n) => n.name)).toEqual([]);
    expect(workbook.getWorksheet('Danh sách')!.getCell('A1').value).toBe('của người dùng');
  });

  test('drop then create in one plan', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Danh sách');
    wb.addWorksheet('Trang cũ');
    const { workbook } = await apply(wb, { ...plan(), dropSheets: ['Trang cũ'] });
    expect(sheetNames(workbook)).toEqual(['Danh sách', SHEET]);
  });
});

function has(cmd: string): boolean {
  try {
    execFileSync('which', [cmd], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const PRINT_TOOLS = has('soffice') && has('pdfinfo');
if (!PRINT_TOOLS) {
  console.warn('sheets.test.ts: LibreOffice (soffice) or pdfinfo is missing: the PDF page-size test is skipped.');
}
const pdfTest = PRINT_TOOLS ? test : test.skip;

describe('printing (LibreOffice)', () => {
  pdfTest(
    'the created sheet prints on A4 (needs soffice and pdfinfo)',
    async () => {
      const { buffer } = await apply(new ExcelJS.Workbook(), plan());
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'quyhoach-pdf-'));
      try {
        const file = path.join(dir, 'rutgon.xlsx');
        fs.writeFileSync(file, buffer);
        execFileSync(
          'soffice',
          [`-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', dir, file],
          { timeout: 120_000, stdio: 'ignore' },
        );
        const info = execFileSync('pdfinfo', [path.join(dir, 'rutgon.pdf')], { encoding: 'utf8' });
        const m = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
        expect(m).not.toBeNull();
        expect(Math.abs(Number(m![1]) - 595)).toBeLessThanOrEqual(1);
        expect(Math.abs(Number(m![2]) - 842)).toBeLessThanOrEqual(1);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
    150_000,
  );
});
