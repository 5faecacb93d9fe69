/**
 * xlsx host, apply step (docs/ARCHITECTURE.md "apply"): a WritePlan → an ExcelJS workbook, in the order
 * every host uses: drop the owned sheets of an earlier run, clear the owned areas, reset the owned
 * defined names, create the plan's sheets (page laid out for printing: row heights and page breaks
 * as the plan gives them, measured in pure code by src/workbook/render/page-layout.ts), write the blocks,
 * set widths.
 * Only cells in a clear range or a block (and sheets the plan drops or creates) are touched.
 *
 * ExcelJS traps handled here:
 * - cells loaded with the same style share one style object (and font/fill objects): changing
 *   `cell.font.bold` or `cell.numFmt` in place would restyle every cell sharing it. Every style
 *   change here builds a new style object for the one cell.
 * - setting the value of a merged cell other than the top-left one sets the master's value:
 *   such cells are left alone.
 * - ExcelJS writes U+FFFE / U+FFFF and lone surrogates as they are, and then cannot read its own
 *   file back ("disallowed character"): text is cleaned of characters XML 1.0 forbids.
 * - `cell.note = undefined` makes an empty note that breaks the file: a note is removed by
 *   dropping the cell's comment.
 * - `worksheet.protect()` returns a Promise (its body runs at once; it only hashes when given a
 *   password): the protection model is set directly, so applying stays synchronous.
 * - a removed worksheet's id is reused by the next added one, but the new sheet still goes last
 *   (ExcelJS orders sheets by orderNo): replacing a sheet moves it to the end.
 * - ExcelJS margins are inches, not millimetres; a print area 'A1:H20' is written half-relative
 *   ('$A1:$H20'): it is handed over as 'A$1:H$20' (see printAreaOf).
 * - ExcelJS leaves out a column whose width is exactly 9 (its own default), which Excel then prints
 *   at its default 8.43: such a width is handed over a hair wider (see columnWidth).
 * - `row.addPageBreak()` alone writes max="16838", past Excel's last column: the columns are given.
 */
import * as ExcelJS from 'exceljs';
import { OWNED_PREFIX, type PlanCell, type PlanSheet, type WritePlan } from '../../workbook/plan';
import { absoluteA1, columnLetters, parseRange, quotedSheet } from '../../workbook/address';
import { HEADER_FOOTER_INCHES, HEADER_FOOTER_SIZE } from '../../workbook/render/page-layout';

export function applyPlan(workbook: ExcelJS.Workbook, plan: WritePlan): void {
  for (const name of plan.dropSheets ?? []) dropSheet(workbook, name);
  for (const area of plan.clear) clearArea(workbook, area.sheet, area.range);
  applyNames(workbook, plan.names);
  /** The font of every cell written on a sheet the plan creates, by sheet name (lower case). */
  const sheetFonts = new Map<string, PlanSheet['font']>();
  for (const sheet of plan.sheets ?? []) {
    createSheet(workbook, sheet);
    sheetFonts.set(sheet.name.toLowerCase(), sheet.font);
  }
  for (const block of plan.blocks) {
    const worksheet = findSheet(workbook, block.sheet) ?? workbook.addWorksheet(block.sheet);
    const font = sheetFonts.get(worksheet.name.toLowerCase());
    block.cells.forEach((cells, i) => {
      if (block.formatsFrom !== undefined) copyFormats(worksheet, block.row + i, block.formatsFrom, block.col, cells.length);
      cells.forEach((planCell, j) => writeCell(worksheet, block.row + i, block.col + j, planCell, font));
    });
  }
  for (const w of plan.widths ?? []) {
    const worksheet = findSheet(workbook, w.sheet);
    if (worksheet) worksheet.getColumn(w.col).width = columnWidth(w.width);
  }
}

const MM_PER_INCH = 25.4;
/** A4 in the OOXML paperSize enumeration. */
const PAPER_A4 = 9;

function dropSheet(workbook: ExcelJS.Workbook, name: string): void {
  const worksheet = findSheet(workbook, name);
  if (!worksheet) return;
  const sheetName = worksheet.name;
  workbook.removeWorksheet(worksheet.id);
  // Defined names pointing into the dropped sheet would point nowhere: drop those ranges (and a
  // name left with none).
  const prefix = `${quotedSheet(sheetName)}!`.toLowerCase();
  const bare = `${sheetName}!`.toLowerCase();
  const intoSheet = (range: string): boolean => {
    const r = range.toLowerCase();
    return r.startsWith(prefix) || r.startsWith(bare);
  };
  const model = workbook.definedNames.model;
  if (model.some((n) => n.ranges.some(intoSheet))) {
    workbook.definedNames.model = model
      .map((n) => ({ ...n, ranges: n.ranges.filter((r) => !intoSheet(r)) }))
      .filter((n) => n.ranges.length > 0);
  }
}

/**
 * An A1 range as ExcelJS wants a print area: it writes '$' + each end, so 'A1:H20' would become
 * the half-relative '$A1:$H20'; 'A$1:H$20' becomes the absolute '$A$1:$H$20' Excel writes.
 */
function printAreaOf(range: string): string | undefined {
  const r = parseRange(range);
  if (!r) return undefined;
  return `${columnLetters(r.left)}$${r.top}:${columnLetters(r.right)}$${r.bottom}`;
}

/** A sheet created whole (an earlier one of that name is replaced): widths, merges, print layout, protection. */
function createSheet(workbook: ExcelJS.Workbook, sheet: PlanSheet): void {
  const old = findSheet(workbook, sheet.name);
  if (old) workbook.removeWorksheet(old.id);
  const { page } = sheet;
  const worksheet = workbook.addWorksheet(sheet.name, {
    pageSetup: {
      paperSize: PAPER_A4,
      orientation: page.orientation,
      margins: {
        top: page.margins.top / MM_PER_INCH,
        bottom: page.margins.bottom / MM_PER_INCH,
        left: page.margins.left / MM_PER_INCH,
        right: page.margins.right / MM_PER_INCH,
        header: HEADER_FOOTER_INCHES,
        footer: HEADER_FOOTER_INCHES,
      },
      // At the plan's scale where it breaks the pages itself (Excel ignores manual breaks on a sheet
      // fit to pages); else one page wide, as many pages high as it takes.
      ...(page.scale ? { scale: page.scale, fitToPage: false } : { fitToPage: true, fitToWidth: 1, fitToHeight: 0 }),
      // Each sheet numbers its own pages from 1, also when the whole workbook is printed at once.
      firstPageNumber: 1,
      // A hidden sheet has no print area or titles: LibreOffice prints a hidden sheet that has
      // a print area (Excel never does), so the undo record would come out with the results.
      ...(page.repeatRows && !sheet.hidden ? { printTitlesRow: `${page.repeatRows.from}:${page.repeatRows.to}` } : {}),
      ...(printAreaOf(page.printArea) && !sheet.hidden ? { printArea: printAreaOf(page.printArea) } : {}),
    },
    // In the sheet's font: without one, LibreOffice prints them in its default (Carlito).
    headerFooter: {
      oddFooter: headerFooterText(sheet, page.footer),
      ...(page.header ? { oddHeader: headerFooterText(sheet, page.header) } : {}),
    },
  });
  sheet.widths.forEach((width, i) => {
    worksheet.getColumn(i + 1).width = columnWidth(width);
  });
  for (const range of sheet.merges) worksheet.mergeCells(range);
  for (const h of sheet.heights ?? []) worksheet.getRow(h.row).height = h.height;
  // The page ends the plan worked out (every one, so every host prints the same pages).
  if (!sheet.hidden) for (const row of sheet.breaks ?? []) worksheet.getRow(row).addPageBreak(1, LAST_COLUMN);
  if (sheet.hidden) worksheet.state = 'veryHidden';
  if (sheet.protect) {
    // What worksheet.protect('') sets, without its Promise; objects/scenarios locked as Excel does.
    (worksheet as unknown as { sheetProtection: unknown }).sheetProtection = { sheet: true, objects: false, scenarios: false };
  }
}

/** Excel's last column (XFD): a page break runs across every column. */
const LAST_COLUMN = 16384;

/**
 * A header or footer, centred, in the sheet's font (regular, at the size page-layout counts with):
 * '&C&"Times New Roman,Regular"&12Trang &P/&N'. A text starting with a digit is kept apart from the size.
 */
function headerFooterText(sheet: PlanSheet, text: string): string {
  const clean = xmlText(text);
  return `&C&"${sheet.font.name.replace(/"/g, '')},Regular"&${HEADER_FOOTER_SIZE}${/^\d/.test(clean) ? ' ' : ''}${clean}`;
}

/** A column width as ExcelJS must be given it: 9 (ExcelJS's default, which it leaves out of the file) a hair wider. */
function columnWidth(width: number): number {
  return width === 9 ? 9 + 1e-9 : width;
}

const THIN = { style: 'thin' } as const;

export async function writeXlsx(workbook: ExcelJS.Workbook): Promise<Buffer> {
  // In Node, ExcelJS returns a Buffer already.
  return (await workbook.xlsx.writeBuffer()) as unknown as Buffer;
}

/** The workbook as .xlsx bytes anywhere: in the browser (the workbench's download) there is no Node Buffer. */
export async function writeXlsxBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  // A Buffer in Node, ExcelJS's Buffer polyfill (a Uint8Array) in its browser build.
  const out: unknown = await workbook.xlsx.writeBuffer();
  return out instanceof Uint8Array ? out : new Uint8Array(out as ArrayBuffer);
}

function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  // Excel sheet names are case-insensitive.
  return workbook.getWorksheet(name) ?? workbook.worksheets.find((ws) => ws.name.toLowerCase() === name.toLowerCase());
}

/** The formats of one cell of a row onto `count` cells from `col` (a copy each: ExcelJS shares style objects). */
function copyFormats(worksheet: ExcelJS.Worksheet, row: number, from: number, col: number, count: number): void {
  const source = worksheet.findRow(row)?.findCell(from)?.style;
  if (!source) return;
  for (let j = 0; j < count; j++) {
    const cell = worksheet.getCell(row, col + j);
    if (!isMergeSlave(cell)) cell.style = { ...source, ...(source.font ? { font: { ...source.font } } : {}) };
  }
}

/** A merged cell other than the top-left one: its value belongs to the master. */
function isMergeSlave(cell: ExcelJS.Cell): boolean {
  return cell.type === ExcelJS.ValueType.Merge;
}

function removeNote(cell: ExcelJS.Cell): void {
  delete (cell as unknown as { _comment?: unknown })._comment;
}

function clearArea(workbook: ExcelJS.Workbook, sheet: string, range: string): void {
  const worksheet = findSheet(workbook, sheet);
  const r = parseRange(range);
  if (!worksheet || !r) return;
  // Only cells that exist (findRow/findCell never create one): a cell ExcelJS never created has
  // no value, format or note to clear.
  for (let rowNumber = r.top; rowNumber <= Math.min(r.bottom, worksheet.rowCount); rowNumber++) {
    const row = worksheet.findRow(rowNumber);
    if (!row) continue;
    for (let col = r.left; col <= Math.min(r.right, row.cellCount); col++) {
      const cell = row.findCell(col);
      if (!cell) continue;
      if (!isMergeSlave(cell)) cell.value = null;
      // A new style object for this cell only (styles are shared between cells; see above).
      const rest: Partial<ExcelJS.Style> = { ...(cell.style ?? {}) };
      delete rest.fill;
      delete rest.font;
      delete rest.numFmt;
      delete rest.border;
      delete rest.alignment;
      cell.style = rest;
      removeNote(cell);
    }
  }
}



function applyNames(workbook: ExcelJS.Workbook, names: WritePlan['names']): void {
  const wanted = new Set(names.map((n) => n.name));
  const definedNames = workbook.definedNames;
  // The public way to delete a name: rebuild the model without it (ExcelJS's loader uses the same setter).
  const kept = definedNames.model.filter((n) => !n.name.startsWith(OWNED_PREFIX) && !wanted.has(n.name));
  if (kept.length !== definedNames.model.length) definedNames.model = kept;
  for (const n of names) {
    const r = parseRange(n.range);
    if (!r) continue;
    definedNames.add(`${quotedSheet(n.sheet)}!${absoluteA1(r)}`, n.name);
  }
}

function writeCell(worksheet: ExcelJS.Worksheet, row: number, col: number, planCell: PlanCell, sheetFont?: PlanSheet['font']): void {
  const cell = worksheet.getCell(row, col);
  if (!isMergeSlave(cell)) {
    const v = planCell.value;
    if (typeof v === 'number') cell.value = Number.isFinite(v) ? v : { error: '#NUM!' };
    else cell.value = typeof v === 'string' ? xmlText(v) : null;
  }

  const style: Partial<ExcelJS.Style> = { ...(cell.style ?? {}) };
  if (planCell.numberFormat !== undefined) style.numFmt = planCell.numberFormat;
  if (planCell.fill !== undefined) {
    style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(planCell.fill) } };
  }
  if (
    sheetFont !== undefined ||
    planCell.color !== undefined ||
    planCell.bold !== undefined ||
    planCell.italic !== undefined ||
    planCell.size !== undefined
  ) {
    // Merge into the cell's font (a copy), so its name and size stay unless the plan sets them;
    // on a sheet the plan creates, the sheet's font comes first.
    const font: Partial<ExcelJS.Font> = { ...(sheetFont ?? {}), ...(style.font ?? {}) };
    if (planCell.color !== undefined) font.color = { argb: argb(planCell.color) };
    if (planCell.bold !== undefined) font.bold = planCell.bold;
    if (planCell.italic !== undefined) font.italic = planCell.italic;
    if (planCell.size !== undefined) font.size = planCell.size;
    style.font = font;
  }
  if (planCell.border) style.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (planCell.wrap) style.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  if (planCell.align !== undefined) style.alignment = { ...(style.alignment ?? {}), horizontal: planCell.align };
  // On a sheet the plan creates every cell is centred in its row, as the wrapped ones are: a row
  // made taller by one wrapped cell keeps its texts on one level.
  if (sheetFont !== undefined && !style.alignment?.vertical) style.alignment = { ...(style.alignment ?? {}), vertical: 'middle' };
  if (planCell.unlocked) style.protection = { locked: false };
  cell.style = style;

  if (planCell.note !== undefined) {
    if (planCell.note === '') removeNote(cell);
    else cell.note = xmlText(planCell.note);
  }
}

/** Text without the characters XML 1.0 cannot hold (C0 controls but tab and line breaks, U+FFFE/U+FFFF, lone surrogates). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '');
}

/** 'RRGGBB' (or '#RRGGBB') → ExcelJS ARGB, opaque. */
function argb(hex: string): string {
  const h = hex.replace(/^#/, '').toUpperCase();
  return h.length === 8 ? h : `FF${h}`;
}
