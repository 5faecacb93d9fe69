import type * as ExcelJS from 'exceljs';
import { mergedAreasOf, plainValue, type CellLike, type SheetLike } from './sheet-view';

/**
 * A sheet (an ExcelJS worksheet, or the workbench worker's SheetView: ./sheet-view.ts) as the read-only grid shows it: each cell's text as displayed (number
 * formats applied), its fill, font colour, weight and alignment, merged areas and notes. Reads the
 * ExcelJS objects without importing ExcelJS (type imports only), so that this stays out of the
 * ExcelJS chunk; only the rows on screen are ever turned into GridCells.
 */

export interface GridCell {
  text: string;
  /** Covered by a merged area whose top-left is elsewhere: not drawn. */
  covered?: boolean;
  rowSpan?: number;
  colSpan?: number;
  fill?: string;
  color?: string;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  /** Font size in points. */
  size?: number;
  borders?: { top?: boolean; right?: boolean; bottom?: boolean; left?: boolean };
  note?: string;
  numeric?: boolean;
}

export interface SheetLayout {
  rows: number;
  cols: number;
  /** Column widths in pixels, index 0 = column A. */
  widths: number[];
  merges: Map<string, { rows: number; cols: number }>;
  covered: Set<string>;
}

const key = (row: number, col: number) => `${row}:${col}`;

/** Column letters: 1 → A, 27 → AA. */
export function columnLetters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 'E12' → { row: 12, col: 5 }. */
export function parseCell(ref: string): { row: number; col: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]), col };
}

/** Pixels of an Excel column width (characters of the default font); Excel's default 8.43 → 64. */
export function columnPixels(width: number | undefined): number {
  return Math.round((width && width > 0 ? width : 8.43) * 7 + 5);
}

/** Pixels of a row height in points; Excel's default 15 pt → 20. */
export function rowPixels(height: number | undefined): number {
  return Math.round(((height && height > 0 ? height : 15) * 96) / 72);
}

export function layoutOf(worksheet: SheetLike): SheetLayout {
  const merges = new Map<string, { rows: number; cols: number }>();
  const covered = new Set<string>();
  let rows = worksheet.rowCount;
  let cols = worksheet.columnCount;
  for (const r of mergedAreasOf(worksheet)) {
    merges.set(key(r.top, r.left), { rows: r.bottom - r.top + 1, cols: r.right - r.left + 1 });
    for (let y = r.top; y <= r.bottom; y++) for (let x = r.left; x <= r.right; x++) if (y !== r.top || x !== r.left) covered.add(key(y, x));
    rows = Math.max(rows, r.bottom);
    cols = Math.max(cols, r.right);
  }
  const widths: number[] = [];
  // worksheet.columns, not getColumn: that would add columns to an ExcelJS sheet (the grid only reads it).
  const columns = worksheet.columns ?? [];
  for (let c = 1; c <= cols; c++) {
    const column = columns[c - 1];
    widths.push(column?.hidden ? 0 : columnPixels(column?.width));
  }
  return { rows, cols, widths, merges, covered };
}

/** One row's cells, 1..cols, as drawn. */
export function rowCells(worksheet: SheetLike, layout: SheetLayout, rowNumber: number, date1904: boolean, decimal: '.' | ',' = '.'): GridCell[] {
  const row = worksheet.findRow(rowNumber);
  const cells: GridCell[] = [];
  for (let c = 1; c <= layout.cols; c++) {
    if (layout.covered.has(key(rowNumber, c))) {
      cells.push({ text: '', covered: true });
      continue;
    }
    const cell = row?.findCell(c);
    const out: GridCell = cell ? cellOf(cell, date1904, decimal) : { text: '' };
    const span = layout.merges.get(key(rowNumber, c));
    if (span) {
      if (span.rows > 1) out.rowSpan = span.rows;
      if (span.cols > 1) out.colSpan = span.cols;
    }
    cells.push(out);
  }
  return cells;
}

/** A row's height in pixels (0 when hidden). */
export function rowHeight(worksheet: SheetLike, rowNumber: number): number {
  const row = worksheet.findRow(rowNumber);
  if (row?.hidden) return 0;
  return rowPixels(row?.height);
}

function cellOf(cell: CellLike, date1904: boolean, decimal: '.' | ','): GridCell {
  const out: GridCell = { text: '' };
  try {
    const value = valueOf(cell.value);
    out.numeric = typeof value === 'number' || value instanceof Date;
    out.text = displayText(value, typeof cell.numFmt === 'string' ? cell.numFmt : '', date1904, decimal);
  } catch {
    out.text = '';
  }
  const style = cell.style ?? {};
  const fill = style.fill as ExcelJS.FillPattern | undefined;
  if (fill && fill.type === 'pattern' && fill.pattern && fill.pattern !== 'none') {
    const colour = colourOf(fill.pattern === 'solid' ? fill.fgColor : (fill.fgColor ?? fill.bgColor));
    if (colour) out.fill = colour;
  }
  const font = style.font;
  if (font) {
    const colour = colourOf(font.color);
    if (colour) out.color = colour;
    if (font.bold) out.bold = true;
    if (font.italic) out.italic = true;
    if (font.underline) out.underline = true;
    if (typeof font.size === 'number') out.size = font.size;
  }
  const alignment = style.alignment;
  if (alignment) {
    const h = alignment.horizontal;
    if (h === 'center' || h === 'centerContinuous') out.align = 'center';
    else if (h === 'right') out.align = 'right';
    else if (h === 'left') out.align = 'left';
    const v = alignment.vertical;
    if (v === 'top') out.valign = 'top';
    else if (v === 'middle') out.valign = 'middle';
    if (alignment.wrapText) out.wrap = true;
  }
  const border = style.border;
  if (border) {
    const b = { top: Boolean(border.top?.style), right: Boolean(border.right?.style), bottom: Boolean(border.bottom?.style), left: Boolean(border.left?.style) };
    if (b.top || b.right || b.bottom || b.left) out.borders = b;
  }
  const note = noteText(cell.note as unknown);
  if (note) out.note = note;
  return out;
}

function noteText(note: unknown): string | undefined {
  if (!note) return undefined;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] }).texts;
  if (Array.isArray(texts)) return texts.map((t) => t.text ?? '').join('');
  return undefined;
}

/** '#RRGGBB' from an ExcelJS colour: ARGB, or the two theme colours every workbook has (white, black). */
function colourOf(colour: Partial<ExcelJS.Color> | undefined): string | undefined {
  if (!colour) return undefined;
  if (typeof colour.argb === 'string' && /^[0-9A-Fa-f]{8}$/.test(colour.argb)) return `#${colour.argb.slice(2).toUpperCase()}`;
  if (typeof colour.argb === 'string' && /^[0-9A-Fa-f]{6}$/.test(colour.argb)) return `#${colour.argb.toUpperCase()}`;
  if (colour.theme === 0) return '#FFFFFF';
  if (colour.theme === 1) return '#000000';
  return undefined;
}

type Plain = string | number | boolean | Date | null;

/** A cell's value as the grid shows it: an error as its text ('#DIV/0!'). */
function valueOf(v: unknown): Plain {
  const plain = plainValue(v);
  return plain !== null && typeof plain === 'object' && !(plain instanceof Date) ? plain.error : plain;
}

const DAY_MS = 86_400_000;

/**
 * Text of a value under an Excel number format, for the formats these workbooks use; `decimal` is
 * the separator of the user's language (Vietnamese: 88,89%; 1.234,50), as Excel shows it there.
 */
export function displayText(value: Plain, numFmt: string, date1904 = false, decimal: '.' | ',' = '.'): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const format = numFmt.split(';')[0] ?? '';
  if (value instanceof Date) return formatDate(value, format || 'dd/mm/yyyy');
  if (isDateFormat(format)) {
    const ms = (value - 25_569 + (date1904 ? 1_462 : 0)) * DAY_MS;
    return formatDate(new Date(Math.round(ms)), format);
  }
  if (format.includes('%')) {
    const decimals = /\.(0+)%/.exec(format)?.[1].length ?? 0;
    return `${localised((value * 100).toFixed(decimals), false, decimal)}%`;
  }
  const fixed = /0\.(0+)/.exec(format);
  if (fixed) return localised(value.toFixed(fixed[1].length), format.includes(','), decimal);
  if (/^#,##0$|^0$/.test(format)) return localised(value.toFixed(0), format.includes(','), decimal);
  return localised(String(Number(value.toPrecision(11))), false, decimal);
}

/** '1234.50' → '1,234.50' (grouped), with the separators of the language ('1.234,50'). */
function localised(text: string, group: boolean, decimal: '.' | ','): string {
  if (/e/i.test(text)) return text;
  const [int, frac] = text.split('.');
  const thousands = decimal === ',' ? '.' : ',';
  const whole = group ? int.replace(/\B(?=(\d{3})+(?!\d))/g, thousands) : int;
  return frac === undefined ? whole : `${whole}${decimal}${frac}`;
}

function isDateFormat(format: string): boolean {
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
  return /[dy]/i.test(bare) || /m{1,4}/i.test(bare.replace(/[^dmyhs]/gi, '')) && !/[0#]/.test(bare);
}

function formatDate(date: Date, format: string): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const d = date.getUTCDate();
  const m = date.getUTCMonth() + 1;
  const y = date.getUTCFullYear();
  const bare = format.replace(/"[^"]*"|\[[^\]]*\]|\\/g, '').toLowerCase();
  if (!/[dmy]/.test(bare)) return `${two(d)}/${two(m)}/${y}`;
  return bare.replace(/yyyy|yy|dd|d|mm|m/g, (t) => {
    switch (t) {
      case 'yyyy':
        return String(y);
      case 'yy':
        return two(y % 100);
      case 'dd':
        return two(d);
      case 'd':
        return String(d);
      case 'mm':
        return two(m);
      default:
        return String(m);
    }
  });
}
