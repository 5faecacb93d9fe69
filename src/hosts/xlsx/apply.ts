/**
 * xlsx host, apply step (shared/DESIGN.md "apply"): a WritePlan → an ExcelJS workbook, in the order
 * every host uses: clear the owned areas, reset the owned defined names, write the blocks.
 * Only cells in a clear range or a block are touched.
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
 */
import * as ExcelJS from 'exceljs';
import { OWNED_PREFIX, type PlanCell, type WritePlan } from '../../workbook/plan';
import { columnLetters, parseRange, type RangePos } from '../../workbook/address';

export function applyPlan(workbook: ExcelJS.Workbook, plan: WritePlan): void {
  for (const area of plan.clear) clearArea(workbook, area.sheet, area.range);
  applyNames(workbook, plan.names);
  for (const block of plan.blocks) {
    const worksheet = findSheet(workbook, block.sheet) ?? workbook.addWorksheet(block.sheet);
    block.cells.forEach((cells, i) => {
      cells.forEach((planCell, j) => writeCell(worksheet, block.row + i, block.col + j, planCell));
    });
  }
  for (const w of plan.widths ?? []) {
    const worksheet = findSheet(workbook, w.sheet);
    if (worksheet) worksheet.getColumn(w.col).width = w.width;
  }
}

const THIN = { style: 'thin' } as const;

export async function writeXlsx(workbook: ExcelJS.Workbook): Promise<Buffer> {
  // In Node, ExcelJS returns a Buffer already.
  return (await workbook.xlsx.writeBuffer()) as unknown as Buffer;
}

function findSheet(workbook: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
  // Excel sheet names are case-insensitive.
  return workbook.getWorksheet(name) ?? workbook.worksheets.find((ws) => ws.name.toLowerCase() === name.toLowerCase());
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

function absolute(r: RangePos): string {
  const from = `$${columnLetters(r.left)}$${r.top}`;
  const to = `$${columnLetters(r.right)}$${r.bottom}`;
  return from === to ? from : `${from}:${to}`;
}

function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
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
    definedNames.add(`${quoteSheet(n.sheet)}!${absolute(r)}`, n.name);
  }
}

function writeCell(worksheet: ExcelJS.Worksheet, row: number, col: number, planCell: PlanCell): void {
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
  if (planCell.color !== undefined || planCell.bold !== undefined) {
    // Merge into the cell's font (a copy), so its name and size stay unless the plan sets them.
    const font: Partial<ExcelJS.Font> = { ...(style.font ?? {}) };
    if (planCell.color !== undefined) font.color = { argb: argb(planCell.color) };
    if (planCell.bold !== undefined) font.bold = planCell.bold;
    style.font = font;
  }
  if (planCell.border) style.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
  if (planCell.wrap) style.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
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
