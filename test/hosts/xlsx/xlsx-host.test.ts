// xlsx host: read → WorkbookSnapshot (ExcelJS) and apply WritePlan (the package patched) (docs/ARCHITECTURE.md "read", "apply").
import * as ExcelJS from 'exceljs';
import fc from 'fast-check';
import JSZip from 'jszip';
import { xmlText } from '../../../src/hosts/xlsx/apply';
import { dateToSerial, readXlsx, snapshotOf } from '../../../src/hosts/xlsx/read';
import { parseSheetRange } from '../../../src/workbook/address';
import { a1 } from '../../../src/workbook/address';
import type { WritePlan } from '../../../src/workbook/plan';
import type { CellValue, WorkbookSnapshot } from '../../../src/workbook/snapshot';
import { applyXlsx, xlsxBytes } from '../../support/xlsx-run';

const SHEET = 'Danh sách';
const TIMES = { name: 'Times New Roman', size: 13 };

const toBuffer = xlsxBytes;

/** A planning sheet as offices keep it, with an earlier run's owned area in H4:I7. */
async function sampleWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET);
  ws.getCell('A1').value = 'DANH SÁCH QUY HOẠCH CÁN BỘ';
  ws.getCell('A1').font = { name: 'Times New Roman', size: 14, bold: true };
  ws.mergeCells('A1:F1');
  ws.getCell('A2').value = 'Nhiệm kỳ 2025–2030';
  ws.getRow(4).values = ['STT', 'Họ và tên', 'Ngày sinh', 'Mã số', 'Số phiếu', 'Ghi chú'];
  ws.getRow(5).values = [1, 'Nguyễn Văn An', new Date(Date.UTC(1966, 1, 15)), '007', 7, { richText: [{ text: 'Đạt ' }, { font: { bold: true }, text: 'chuẩn' }] }];
  ws.getRow(6).values = [2, 'NguyÔn V¨n B×nh', null, '012', 8, { error: '#N/A' }];
  ws.getRow(7).values = [3, { text: 'Trần Thị Cúc', hyperlink: 'https://example.org/cuc' }, null, '100', 6, true];
  ws.getCell('C5').numFmt = 'dd/mm/yyyy';
  ws.getCell('B6').font = { name: '.VnTime', size: 13 };
  for (const ref of ['E5', 'E6', 'E7']) {
    ws.getCell(ref).numFmt = '0';
    ws.getCell(ref).font = TIMES;
  }
  ws.getCell('D8').value = { formula: 'COUNTIF(E5:E7,">10")', result: 0 };
  ws.getCell('E8').value = { formula: 'SUM(E5:E7)', result: 21 };
  // An earlier run's owned area (H4:H7 still owned, I4:I7 owned by a name this run drops).
  for (let r = 4; r <= 7; r++) {
    for (const col of ['H', 'I']) {
      const cell = ws.getCell(`${col}${r}`);
      cell.value = `cũ ${col}${r}`;
      cell.numFmt = '0';
      cell.font = TIMES; // the same style as E5:E7: ExcelJS shares one style object between them on load
      cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
    }
  }
  ws.getCell('H5').note = 'ghi chú cũ';
  // J5: not owned, but a block writes there; same style as E5:E7.
  ws.getCell('J5').value = 5;
  ws.getCell('J5').numFmt = '0';
  ws.getCell('J5').font = TIMES;
  wb.definedNames.add(`'${SHEET}'!$A$4:$F$7`, 'DanhSach');
  wb.definedNames.add(`'${SHEET}'!$H$4:$H$7`, 'QuyHoach_TyLe');
  wb.definedNames.add(`'${SHEET}'!$I$4:$I$7`, 'QuyHoach_Cu');

  const tables = wb.addWorksheet('Bảng');
  tables.getCell('A1').value = 'Tiêu đề';
  tables.addTable({ name: 'BangPhieu', ref: 'A3', columns: [{ name: 'Mã' }, { name: 'Phiếu' }], rows: [['A', 5], ['B', 3]] });
  wb.addWorksheet('Trống');
  return toBuffer(wb);
}

const PLAN: WritePlan = {
  clear: [{ sheet: SHEET, range: 'H4:I7' }],
  blocks: [
    {
      sheet: SHEET,
      row: 4,
      col: 8,
      cells: [
        [{ value: 'Tỷ lệ', bold: true, fill: 'D9E1F2' }],
        [{ value: 0.875, numberFormat: '0.00%', fill: 'C6EFCE', color: '006100', note: 'Đạt: 7/8 phiếu > 50%' }],
        [{ value: 1, numberFormat: '0.00%' }],
        [{ value: 0.75, numberFormat: '0.00%', bold: true }],
      ],
    },
    { sheet: SHEET, row: 5, col: 10, cells: [[{ value: 'x', bold: true }]] },
    { sheet: 'Kết quả', row: 2, col: 2, cells: [[{ value: 'Kết quả', bold: true }, { value: 42 }]] },
  ],
  names: [
    { name: 'QuyHoach_TyLe', sheet: SHEET, range: 'H4:H7' },
    { name: 'QuyHoach_KetQua', sheet: 'Kết quả', range: 'B2:C2' },
  ],
};

const WRITTEN = new Set([`${SHEET}!H4`, `${SHEET}!H5`, `${SHEET}!H6`, `${SHEET}!H7`, `${SHEET}!J5`]);
const CLEARED = new Set([4, 5, 6, 7].map((r) => `${SHEET}!I${r}`));

const applyAndReload = applyXlsx;

function sheetValues(snapshot: WorkbookSnapshot, name: string): CellValue[][] {
  const sheet = snapshot.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet.values;
}

function at(snapshot: WorkbookSnapshot, sheet: string, ref: string): CellValue {
  const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
  const col = m[1].split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return sheetValues(snapshot, sheet)[Number(m[2]) - 1]?.[col - 1] ?? null;
}

const styleOf = (cell: ExcelJS.Cell | undefined) =>
  JSON.stringify({ font: cell?.font ?? null, fill: cell?.fill ?? null, numFmt: cell?.numFmt ?? null, note: cell?.note ?? null });
const valueOf = (cell: ExcelJS.Cell | undefined) => JSON.stringify(cell ? (cell.type === ExcelJS.ValueType.Formula ? [cell.formula, cell.result] : cell.value) : null);

describe('readXlsx: snapshot of a planning workbook', () => {
  let snapshot: WorkbookSnapshot;
  beforeAll(async () => {
    ({ snapshot } = await readXlsx(await sampleWorkbook()));
  });

  test('values as Excel holds them: dates as serials, formulas as cached results, rich text and links as text, errors, merged cells null', () => {
    expect(sheetValues(snapshot, SHEET)).toEqual([
      ['DANH SÁCH QUY HOẠCH CÁN BỘ', null, null, null, null, null, null, null, null, null],
      ['Nhiệm kỳ 2025–2030', null, null, null, null, null, null, null, null, null],
      [null, null, null, null, null, null, null, null, null, null],
      ['STT', 'Họ và tên', 'Ngày sinh', 'Mã số', 'Số phiếu', 'Ghi chú', null, 'cũ H4', 'cũ I4', null],
      [1, 'Nguyễn Văn An', 24153, '007', 7, 'Đạt chuẩn', null, 'cũ H5', 'cũ I5', 5],
      [2, 'NguyÔn V¨n B×nh', null, '012', 8, { error: '#N/A' }, null, 'cũ H6', 'cũ I6', null],
      [3, 'Trần Thị Cúc', null, '100', 6, true, null, 'cũ H7', 'cũ I7', null],
      [null, null, null, 0, 21, null, null, null, null, null],
    ]);
  });

  test('number formats where set, null elsewhere', () => {
    const formats = snapshot.sheets[0].numberFormats!;
    expect(formats).toHaveLength(8);
    expect(formats.every((row) => row.length === 10)).toBe(true);
    const set: Record<string, string> = {};
    formats.forEach((row, r) => row.forEach((f, c) => f !== null && (set[a1(r + 1, c + 1)] = f)));
    expect(set).toEqual({ C5: 'dd/mm/yyyy', E5: '0', E6: '0', E7: '0', H4: '0', H5: '0', H6: '0', H7: '0', I4: '0', I5: '0', I6: '0', I7: '0', J5: '0' });
  });

  test('legacy Vietnamese fonts by address, merges, tables with their header row, defined names', () => {
    const [main, tables, empty] = snapshot.sheets;
    expect(main.fonts).toEqual({ B6: '.VnTime' });
    expect(main.merges).toEqual(['A1:F1']);
    expect(main.tables).toEqual([]);
    expect(tables).toEqual({
      name: 'Bảng',
      values: [['Tiêu đề', null], [null, null], ['Mã', 'Phiếu'], ['A', 5], ['B', 3]],
      numberFormats: [[null, null], [null, null], [null, null], [null, null], [null, null]],
      merges: [],
      tables: [{ name: 'BangPhieu', range: 'A3:B5' }],
    });
    expect(empty).toEqual({ name: 'Trống', values: [], numberFormats: [], merges: [], tables: [] });
    expect(snapshot.names).toEqual([
      { name: 'DanhSach', sheet: SHEET, range: 'A4:F7' },
      { name: 'QuyHoach_TyLe', sheet: SHEET, range: 'H4:H7' },
      { name: 'QuyHoach_Cu', sheet: SHEET, range: 'I4:I7' },
    ]);
  });

  test('snapshotOf reads an in-memory workbook the same as its file', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await sampleWorkbook()) as unknown as ExcelJS.Buffer);
    expect(snapshotOf(wb)).toEqual(snapshot);
  });
});

describe('read helpers', () => {
  test('dates → serials in the 1900 and 1904 systems', () => {
    expect(dateToSerial(new Date(Date.UTC(1966, 1, 15)))).toBe(24153);
    expect(dateToSerial(new Date(Date.UTC(1900, 0, 1)))).toBe(2);
    expect(dateToSerial(new Date(Date.UTC(1966, 1, 15, 12)))).toBe(24153.5);
    expect(dateToSerial(new Date(Date.UTC(1966, 1, 15)), true)).toBe(24153 - 1462);
    expect(dateToSerial(new Date(NaN))).toBeNull();
  });

  test('a 1904 workbook reads its dates as 1904 serials', async () => {
    const wb = new ExcelJS.Workbook();
    wb.properties.date1904 = true;
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 22691; // 1966-02-15 in the 1904 system
    ws.getCell('A1').numFmt = 'dd/mm/yyyy';
    const { snapshot } = await readXlsx(await toBuffer(wb));
    expect(snapshot.sheets[0].values).toEqual([[22691]]);
  });

  test("sheet-qualified ranges: quoted names, '' escapes, $ stripped", () => {
    expect(parseSheetRange("'Sheet 1'!$A$1:$B$2")).toEqual({ sheet: 'Sheet 1', range: 'A1:B2' });
    expect(parseSheetRange("'O''Brien'!$C$3")).toEqual({ sheet: "O'Brien", range: 'C3' });
    expect(parseSheetRange('Data!$B$9:$A$1')).toEqual({ sheet: 'Data', range: 'A1:B9' });
    expect(parseSheetRange('#REF!')).toBeUndefined();
  });

  test('accepts an ArrayBuffer and a Uint8Array', async () => {
    const buffer = await sampleWorkbook();
    const u8 = Uint8Array.from(buffer);
    const ab = u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength);
    const expected = (await readXlsx(buffer)).snapshot;
    expect((await readXlsx(u8)).snapshot).toEqual(expected);
    expect((await readXlsx(ab)).snapshot).toEqual(expected);
  });

  test('a table saved by Excel (headerRowCount and filterColumn omitted as defaults) keeps its header row and buttons: its part is not rewritten', async () => {
    const zip = await JSZip.loadAsync(await sampleWorkbook());
    const path = Object.keys(zip.files).find((p) => /^xl\/tables\/table\d+\.xml$/.test(p))!;
    const xml = (await zip.file(path)!.async('string')).replace(/ headerRowCount="1"/, '').replace(/<filterColumn [^>]*\/>/g, '');
    expect(xml).not.toMatch(/headerRowCount|filterColumn/);
    zip.file(path, xml);
    const { snapshot } = await readXlsx(await zip.generateAsync({ type: 'nodebuffer' }));
    expect(snapshot.sheets[1].tables).toEqual([{ name: 'BangPhieu', range: 'A3:B5' }]);
    const written = await applyXlsx(await zip.generateAsync({ type: 'nodebuffer' }), PLAN);
    expect(await (await JSZip.loadAsync(written.buffer)).file(path)!.async('string')).toBe(xml);
    expect(written.snapshot.sheets[1].tables).toEqual([{ name: 'BangPhieu', range: 'A3:B5' }]);
  });
});

describe('applyPlan', () => {
  let original: Buffer;
  let before: ExcelJS.Workbook;
  let after: { workbook: ExcelJS.Workbook; snapshot: WorkbookSnapshot };
  beforeAll(async () => {
    original = await sampleWorkbook();
    before = (await readXlsx(original)).workbook;
    after = await applyAndReload(original, PLAN);
  });

  test('writes the blocks: values, number formats, fills, font colour and bold (font name kept), notes', () => {
    const s = after.snapshot;
    expect([at(s, SHEET, 'H4'), at(s, SHEET, 'H5'), at(s, SHEET, 'H6'), at(s, SHEET, 'H7'), at(s, SHEET, 'J5')]).toEqual(['Tỷ lệ', 0.875, 1, 0.75, 'x']);
    const ws = after.workbook.getWorksheet(SHEET)!;
    const h4 = ws.getCell('H4');
    const h5 = ws.getCell('H5');
    // Cleared first, then bold: the workbook's default font, bold.
    expect(h4.font).toMatchObject({ bold: true, name: 'Calibri', size: 11 });
    expect(h4.fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
    expect(h4.numFmt).toBeUndefined();
    expect(h5.numFmt).toBe('0.00%');
    expect(h5.fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC6EFCE' } });
    expect(h5.font.color).toEqual({ argb: 'FF006100' });
    expect(h5.note).toBe('Đạt: 7/8 phiếu > 50%');
    expect(ws.getCell('H6').note).toBeUndefined();
    expect(ws.getCell('H7').font).toMatchObject({ bold: true, name: 'Calibri' });
    // J5 was not cleared: its font and format stay, bold added.
    expect(ws.getCell('J5').font).toMatchObject({ ...TIMES, bold: true });
    expect(ws.getCell('J5').numFmt).toBe('0');
    expect(sheetValues(s, 'Kết quả')).toEqual([
      [null, null, null],
      [null, 'Kết quả', 42],
    ]);
  });

  test('clears the old owned area (values, formats, notes) and resets owned names, keeping the others', () => {
    const ws = after.workbook.getWorksheet(SHEET)!;
    for (let r = 4; r <= 7; r++) {
      const cell = ws.getCell(`I${r}`);
      expect(cell.value).toBeNull();
      expect(styleOf(cell)).toBe(JSON.stringify({ font: null, fill: null, numFmt: null, note: null }));
    }
    expect(after.snapshot.names).toEqual([
      { name: 'DanhSach', sheet: SHEET, range: 'A4:F7' },
      { name: 'QuyHoach_TyLe', sheet: SHEET, range: 'H4:H7' },
      { name: 'QuyHoach_KetQua', sheet: 'Kết quả', range: 'B2:C2' },
    ]);
  });

  test('ExcelJS shares one style object between cells with the same style (the trap the next test guards)', async () => {
    const ws = (await readXlsx(original)).workbook.getWorksheet(SHEET)!;
    expect(ws.getCell('J5').style).toBe(ws.getCell('E5').style);
  });

  test('every other cell keeps its value and style, and every merge stays (cell by cell over the used range)', () => {
    let compared = 0;
    for (const ws of before.worksheets) {
      const ws2 = after.workbook.getWorksheet(ws.name)!;
      expect(ws2.model.merges).toEqual(ws.model.merges);
      const rows = Math.max(ws.rowCount, ws2.rowCount);
      const cols = Math.max(ws.columnCount, ws2.columnCount);
      for (let r = 1; r <= rows; r++) {
        for (let c = 1; c <= cols; c++) {
          const key = `${ws.name}!${a1(r, c)}`;
          if (WRITTEN.has(key) || CLEARED.has(key)) continue;
          expect([key, valueOf(ws2.findCell(r, c))]).toEqual([key, valueOf(ws.findCell(r, c))]);
          expect([key, styleOf(ws2.findCell(r, c))]).toEqual([key, styleOf(ws.findCell(r, c))]);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(80);
    // The tables survive too.
    expect(after.snapshot.sheets.find((s) => s.name === 'Bảng')!.tables).toEqual([{ name: 'BangPhieu', range: 'A3:B5' }]);
  });

  test('applying the same plan twice gives the same workbook as applying it once', async () => {
    const twice = await applyAndReload(original, PLAN, PLAN);
    expect(twice.snapshot).toEqual(after.snapshot);
    const ws1 = after.workbook.getWorksheet(SHEET)!;
    const ws2 = twice.workbook.getWorksheet(SHEET)!;
    for (let r = 1; r <= ws1.rowCount; r++) {
      for (let c = 1; c <= ws1.columnCount; c++) expect(styleOf(ws2.findCell(r, c))).toBe(styleOf(ws1.findCell(r, c)));
    }
  });

  test('a second run that clears the first run area and writes a smaller block leaves nothing stale', async () => {
    const second: WritePlan = {
      clear: [{ sheet: SHEET, range: 'H4:H7' }, { sheet: 'Kết quả', range: 'B2:C2' }],
      blocks: [{ sheet: SHEET, row: 4, col: 8, cells: [[{ value: 'Tỷ lệ mới' }], [{ value: 0.5, numberFormat: '0%' }]] }],
      names: [{ name: 'QuyHoach_TyLe', sheet: SHEET, range: 'H4:H5' }],
    };
    const { workbook, snapshot } = await applyAndReload(original, PLAN, second);
    expect([4, 5, 6, 7].map((r) => at(snapshot, SHEET, `H${r}`))).toEqual(['Tỷ lệ mới', 0.5, null, null]);
    const ws = workbook.getWorksheet(SHEET)!;
    expect(ws.getCell('H5').note).toBeUndefined();
    expect(ws.getCell('H5').numFmt).toBe('0%');
    // No fill; ExcelJS reads a style's default fill back as a 'none' pattern.
    expect([undefined, JSON.stringify({ type: 'pattern', pattern: 'none' })]).toContain(ws.getCell('H5').fill && JSON.stringify(ws.getCell('H5').fill));
    for (const ref of ['H6', 'H7']) expect(styleOf(ws.getCell(ref))).toBe(JSON.stringify({ font: null, fill: null, numFmt: null, note: null }));
    expect(sheetValues(snapshot, 'Kết quả')).toEqual([]);
    expect(snapshot.names).toEqual([
      { name: 'DanhSach', sheet: SHEET, range: 'A4:F7' },
      { name: 'QuyHoach_TyLe', sheet: SHEET, range: 'H4:H5' },
    ]);
  });

  test('never writes the master through a merged cell; names on quoted sheet names; text cleaned for XML', async () => {
    const { workbook } = await readXlsx(original);
    const sheet = "Bà O'Brien";
    workbook.addWorksheet(sheet);
    const { snapshot } = await applyXlsx(await xlsxBytes(workbook), {
      clear: [{ sheet: SHEET, range: 'B1:C1' }],
      blocks: [
        { sheet: SHEET, row: 1, col: 2, cells: [[{ value: 'lọt vào ô gộp' }]] },
        { sheet, row: 1, col: 1, cells: [[{ value: 'a\uFFFEb\u0001c', note: 'n\uFFFF' }]] },
      ],
      names: [{ name: 'QuyHoach_X', sheet, range: 'A1' }],
    });
    expect(at(snapshot, SHEET, 'A1')).toBe('DANH SÁCH QUY HOẠCH CÁN BỘ');
    expect(at(snapshot, sheet, 'A1')).toBe('abc');
    expect(snapshot.names).toContainEqual({ name: 'QuyHoach_X', sheet, range: 'A1' });
    expect(xmlText('x\uD800y😀')).toBe('xy😀');
  });
});

describe('property: values written with ExcelJS read back the same', () => {
  const VIETNAMESE = 'aăâbdđeêioôơuưyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵĐĂÂÊÔƠƯỆỮ';
  const ALPHABET = [...VIETNAMESE, ...' \t\nAZaz09.,-/()%', '\u0300', '\u0301', '\u0323', '😀'];
  const text = fc
    .array(fc.constantFrom(...ALPHABET), { maxLength: 12 })
    .map((chars) => chars.join(''));
  const value: fc.Arbitrary<CellValue> = fc.oneof(
    fc.integer({ min: -1e9, max: 1e9 }),
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    text,
    fc.boolean(),
    fc.constant(null),
  );
  const norm = (v: CellValue): CellValue => {
    if (typeof v === 'string') return v === '' ? null : v.normalize('NFC');
    if (typeof v === 'number' && Object.is(v, -0)) return 0;
    return v;
  };

  test('random small grids', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(value, { maxLength: 6 }), { maxLength: 6 }), async (grid) => {
        const wb = new ExcelJS.Workbook();
        const ws = wb.addWorksheet('Lưới');
        grid.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue)));
        const { snapshot } = await readXlsx(await toBuffer(wb));
        const values = snapshot.sheets[0].values;
        const rows = Math.max(grid.length, values.length);
        for (let r = 0; r < rows; r++) {
          const cols = Math.max(grid[r]?.length ?? 0, values[r]?.length ?? 0);
          for (let c = 0; c < cols; c++) {
            const got = values[r]?.[c] ?? null;
            expect(typeof got === 'string' ? got.normalize('NFC') : got).toEqual(norm(grid[r]?.[c] ?? null));
          }
        }
        // Rectangular, trimmed to the last value.
        expect(values.every((row) => row.length === (values[0]?.length ?? 0))).toBe(true);
      }),
      { numRuns: 60 },
    );
  });
});

describe('manual page breaks survive a second run', () => {
  const breaksOf = (wb: ExcelJS.Workbook) =>
    Object.fromEntries(
      wb.worksheets
        .map((ws) => [ws.name, ((ws as unknown as { rowBreaks: { id: number; man: number }[] }).rowBreaks ?? []).map((b) => `${b.id}${b.man ? '' : '?'}`)] as const)
        .filter(([, b]) => b.length),
    );

  test('the 120-person staff conference: the shortlist and minutes keep their breaks through read → write → read', async () => {
    const { longWorkbook } = await import('../../print/long-roster');
    const { runXlsx } = await import('../../support/xlsx-run');
    const first = await runXlsx(await longWorkbook(), { procedure: 'next-term', step: 2, lang: 'vi', now: '2026-11-25T10:00' });
    const written = breaksOf(first.workbook);
    // The 6-page shortlist and 5-page minutes break their own pages (src/workbook/render/page-layout.ts).
    expect(Object.keys(written).length).toBeGreaterThanOrEqual(2);
    expect(Object.values(written).flat().length).toBeGreaterThanOrEqual(9);
    const again = await runXlsx(first.buffer, { procedure: 'next-term', step: 2, lang: 'vi', now: '2026-11-25T10:05' });
    expect(breaksOf(again.workbook)).toEqual(written);
  }, 30_000);
});
