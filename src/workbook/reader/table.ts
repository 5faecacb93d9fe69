import { a1, parseRange, type RangePos } from '../address';
import type { CellValue, SheetSnapshot } from '../snapshot';
import { cellText, fold, hasPhrase, unicodeText } from './text';

/**
 * Finding a table in a sheet the way a person would: below any title rows, a header row (or two rows
 * under merged cells) whose labels name the columns, then data rows down to the first blank row or
 * signature block. Excel Tables (ListObjects) are read as tables.
 */

export interface FieldSpec {
  key: string;
  /** Folded phrases that name the column ("ho va ten"); the longest match wins. */
  phrases: string[];
  /** Folded phrases that rule a label out ("khong dong y" is not "dong y"). */
  exclude?: string[];
}

export interface TableSpec {
  fields: FieldSpec[];
  /** Keys that must all be found for a header to count. */
  required: string[][];
}

export interface TableCell {
  value: CellValue;
  col: number;
  font?: string;
}

/** A data row: its values in the order of the table's `keys` (kept lean: long lists hold many). */
export interface TableRow {
  /** 1-based sheet row. */
  row: number;
  values: CellValue[];
  /** Font names in the same order, where the sheet records any. */
  fonts?: (string | undefined)[];
  /** The section heading above this row, if the table is split into sections ("I. Trưởng phòng"). */
  section?: string;
}

export interface FoundTable {
  sheet: string;
  headerTop: number;
  headerBottom: number;
  left: number;
  right: number;
  columns: Record<string, number>;
  /** Annual rating columns ("Xếp loại năm 2024"): year → column. */
  ratingYears: { year: number; col: number }[];
  /** Field keys of the columns read, and their sheet columns (same order as each row's values). */
  keys: string[];
  keyCols: number[];
  rows: TableRow[];
  /** Row after the last data row. */
  end: number;
  /** Last row of an Excel table (ListObject), where the table is one. */
  tableBottom?: number;
  /** The table's last column, counting headed columns the spec does not read ("Ghi chú"). */
  lastCol: number;
  /** How many fields matched (to compare candidate sheets). */
  score: number;
}

/** A read-only view of a sheet: values by position, merged areas resolved, owned areas hidden. */
export class SheetView {
  readonly rowCount: number;
  readonly colCount: number;
  private readonly mergeOrigin = new Map<string, { row: number; col: number }>();
  private readonly merged: RangePos[] = [];
  private readonly labels = new Map<string, string>();
  private readonly fonts: Record<string, string> | undefined;

  constructor(
    readonly sheet: SheetSnapshot,
    private readonly hidden: RangePos[] = [],
  ) {
    this.rowCount = sheet.values.length;
    this.fonts = sheet.fonts && Object.keys(sheet.fonts).length ? sheet.fonts : undefined;
    this.colCount = sheet.values.reduce((m, r) => Math.max(m, r?.length ?? 0), 0);
    for (const ref of sheet.merges) {
      const r = parseRange(ref);
      if (!r || (r.bottom - r.top + 1) * (r.right - r.left + 1) > 10_000) continue;
      this.merged.push(r);
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) if (row !== r.top || col !== r.left) this.mergeOrigin.set(`${row},${col}`, { row: r.top, col: r.left });
    }
  }

  get name(): string {
    return this.sheet.name;
  }

  isHidden(row: number, col: number): boolean {
    return this.hidden.length > 0 && this.hidden.some((h) => row >= h.top && row <= h.bottom && col >= h.left && col <= h.right);
  }

  /** The value as stored (null inside owned areas). */
  value(row: number, col: number): CellValue {
    if (this.isHidden(row, col)) return null;
    return this.sheet.values[row - 1]?.[col - 1] ?? null;
  }

  /** The value shown: a cell covered by a merge shows its merge's top-left value. */
  shown(row: number, col: number): CellValue {
    const origin = this.mergeOrigin.get(`${row},${col}`);
    return origin ? this.value(origin.row, origin.col) : this.value(row, col);
  }

  /** A header label: the shown text (legacy fonts converted), folded; long texts are not labels. */
  label(row: number, col: number): string {
    const key = `${row},${col}`;
    let out = this.labels.get(key);
    if (out === undefined) {
      const origin = this.mergeOrigin.get(key) ?? { row, col };
      const text = cellText(this.value(origin.row, origin.col));
      out = text.length > 200 ? '' : fold(unicodeText(text, this.font(origin.row, origin.col)));
      this.labels.set(key, out);
    }
    return out;
  }

  font(row: number, col: number): string | undefined {
    return this.fonts ? this.fonts[a1(row, col)] : undefined;
  }

  /** The merged area a cell lies in (top-left or covered), if any. */
  mergeCovering(row: number, col: number): RangePos | undefined {
    return this.merged.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }

  /** The merged area a cell is the top-left of, if any. */
  mergeAt(row: number, col: number): RangePos | undefined {
    return this.merged.find((m) => m.top === row && m.left === col);
  }

  rowIsEmpty(row: number, left = 1, right = this.colCount): boolean {
    for (let c = left; c <= right; c++) if (cellText(this.value(row, c)).trim() !== '') return false;
    return true;
  }

  /** Folded text of a row's non-empty cells, left to right. */
  rowText(row: number, left = 1, right = this.colCount): string {
    const parts: string[] = [];
    for (let c = left; c <= right; c++) {
      const t = cellText(this.value(row, c)).trim();
      if (t) parts.push(t);
    }
    return fold(parts.join(' '));
  }
}

/** Rows that end a table: signature blocks, totals, notes. */
const ENDERS = ['to kiem phieu', 'to truong', 'nguoi lap bieu', 'nguoi lap', 'chu tri hoi nghi', 'thu ky', 'xac nhan', 'tm', 't m', 'tong cong', 'ghi chu', 'noi nhan'];

function isEnder(text: string): boolean {
  return ENDERS.some((e) => `${text} `.startsWith(`${e} `));
}

/** "(1)", "1", "A", "2=3+4": the row of column numbers printed under many official headers. */
function isNumberingRow(view: SheetView, row: number, left: number, right: number): boolean {
  let seen = 0;
  for (let c = left; c <= right; c++) {
    const t = cellText(view.value(row, c)).trim();
    if (!t) continue;
    if (!/^\(?(\d{1,2}|[A-Z])\)?$|^\(?\d+\s*[=+x×-][\d\s=+x×/()-]*\)?$/.test(t)) return false;
    seen++;
  }
  return seen >= 2;
}

function labelFor(view: SheetView, top: number, bottom: number, col: number): string {
  const parts: string[] = [];
  for (let r = top; r <= bottom; r++) {
    const t = view.label(r, col);
    if (t && parts[parts.length - 1] !== t) parts.push(t);
  }
  return parts.join(' ');
}

/** Phrases padded with spaces once, so "is this phrase in the label" is one substring search. */
const PADDED = new WeakMap<FieldSpec, { phrases: string[]; exclude: string[] }>();
function padded(field: FieldSpec): { phrases: string[]; exclude: string[] } {
  let p = PADDED.get(field);
  if (!p) PADDED.set(field, (p = { phrases: field.phrases.map((x) => ` ${x} `), exclude: (field.exclude ?? []).map((x) => ` ${x} `) }));
  return p;
}

function matchFields(labels: Map<number, string>, spec: TableSpec): { columns: Record<string, number>; ratingYears: { year: number; col: number }[]; score: number } {
  const used = new Set<number>();
  const columns: Record<string, number> = {};
  const cols = [...labels.keys()];
  const spaced = [...labels.values()].map((label) => ` ${label} `);
  for (const field of spec.fields) {
    const { phrases, exclude } = padded(field);
    let bestCol = -1;
    let bestLen = 0;
    for (let i = 0; i < cols.length; i++) {
      const label = spaced[i];
      if (used.has(cols[i]) || exclude.some((x) => label.includes(x))) continue;
      for (let j = 0; j < phrases.length; j++) {
        if (phrases[j].length > bestLen && label.includes(phrases[j])) {
          bestCol = cols[i];
          bestLen = phrases[j].length;
        }
      }
    }
    if (bestCol > 0) {
      columns[field.key] = bestCol;
      used.add(bestCol);
    }
  }
  const ratingYears: { year: number; col: number }[] = [];
  for (const [col, label] of labels) {
    const year = /\b(19|20)(\d{2})\b/.exec(label);
    if (!used.has(col) && year && (hasPhrase(label, 'xep loai') || hasPhrase(label, 'danh gia'))) ratingYears.push({ year: Number(year[1] + year[2]), col });
  }
  return { columns, ratingYears, score: Object.keys(columns).length + (ratingYears.length ? 1 : 0) };
}

const meetsRequired = (columns: Record<string, number>, spec: TableSpec): boolean => spec.required.every((any) => any.some((k) => k in columns));

interface Header {
  top: number;
  bottom: number;
  left: number;
  right: number;
  columns: Record<string, number>;
  ratingYears: { year: number; col: number }[];
  score: number;
}

/**
 * A header spans several rows only under merged cells: a label merged down through all its rows
 * ("STT", "Họ và tên"), or a label merged across columns with sub-labels below ("Ngày sinh" → Nam, Nữ).
 * Title rows above a one-row header are never read as part of it.
 */
function spansRows(view: SheetView, top: number, bottom: number, left: number, right: number): boolean {
  if (bottom === top) return true;
  // A title merged across the table is one label, not a header row: a header row has several.
  let labels = 0;
  for (let c = left; c <= right; c++) if (view.label(top, c) && (c === left || view.label(top, c - 1) !== view.label(top, c) || view.mergeAt(top, c))) labels++;
  if (labels < 2) return false;
  for (let c = left; c <= right; c++) {
    const m = view.mergeAt(top, c);
    if (!m) continue;
    if (m.bottom >= bottom) return true;
    if (m.right > m.left && m.bottom < bottom && !view.rowIsEmpty(m.bottom + 1, m.left, m.right)) return true;
  }
  return false;
}

function headerAt(view: SheetView, top: number, bottom: number, left: number, right: number, spec: TableSpec): Header | undefined {
  if (!spansRows(view, top, bottom, left, right)) return undefined;
  const labels = new Map<number, string>();
  for (let c = left; c <= right; c++) {
    const label = labelFor(view, top, bottom, c);
    if (label && label.length <= 200) labels.set(c, label);
  }
  if (labels.size < 2) return undefined;
  const m = matchFields(labels, spec);
  if (!meetsRequired(m.columns, spec)) return undefined;
  return { top, bottom, left, right, ...m };
}

/** The best header in the first rows of a sheet (or in its Excel tables). */
function findHeader(view: SheetView, spec: TableSpec): (Header & { tableBottom?: number; tableRight?: number }) | undefined {
  for (const t of view.sheet.tables) {
    const r = parseRange(t.range);
    if (!r) continue;
    const h = headerAt(view, r.top, r.top, r.left, r.right, spec);
    if (h) return { ...h, tableBottom: r.bottom, tableRight: r.right };
  }
  let best: Header | undefined;
  const lastHeaderRow = Math.min(view.rowCount, 40);
  for (let top = 1; top <= lastHeaderRow; top++) {
    if (view.rowIsEmpty(top)) continue;
    for (const depth of [0, 1, 2]) {
      const h = headerAt(view, top, Math.min(top + depth, view.rowCount), 1, view.colCount, spec);
      if (h && (!best || h.score > best.score)) best = h;
    }
  }
  return best;
}

/**
 * The section heading a row holds, if it is one: "I. Chức danh Trưởng phòng" (in any column, merged
 * or not, numbered in the STT column or not) where the row has no figures, or a lone text with no name.
 */
function sectionHeading(view: SheetView, row: number, left: number, right: number, nameCol: number, countCols: number[]): string | undefined {
  const texts: string[] = [];
  for (let c = left; c <= right; c++) {
    const t = cellText(view.value(row, c)).trim();
    if (t) texts.push(t);
  }
  if (texts.length === 0) return undefined;
  const joined = texts.join(' ');
  const noFigures = countCols.length > 0 && countCols.every((c) => cellText(view.value(row, c)).trim() === '');
  if (noFigures) {
    const folded = fold(joined);
    if (/^([ivxlc]+|[a-z])\s/.test(folded) || /^(\S+\s)?chuc danh\b/.test(folded)) return joined;
  }
  const lone = texts.length === 1 && !/^\d+$/.test(texts[0]);
  if (lone && (!cellText(view.value(row, nameCol)).trim() || (view.mergeAt(row, nameCol)?.right ?? nameCol) > nameCol || view.mergeAt(row, left))) return joined;
  return undefined;
}

/** The header a spec describes (rows not yet read), or undefined when the sheet has no such header. */
export function findTableHeader(view: SheetView, spec: TableSpec): FoundTable | undefined {
  const header = findHeader(view, spec);
  return header && tableOf(view, header);
}

/** A found table (rows not yet read) from its header: where it starts, its columns, its right edge. */
function tableOf(view: SheetView, header: Header & { tableBottom?: number; tableRight?: number }): FoundTable {
  const cols = Object.values(header.columns).concat(header.ratingYears.map((r) => r.col));
  if (!cols.length) cols.push(1);
  let lastCol = Math.max(...cols);
  const headed = (c: number) => [...Array(header.bottom - header.top + 1).keys()].some((i) => view.label(header.top + i, c) !== '');
  while (lastCol < view.colCount && headed(lastCol + 1)) lastCol++;
  return {
    sheet: view.name,
    lastCol: header.tableRight ?? lastCol,
    headerTop: header.top,
    headerBottom: header.bottom,
    left: Math.min(...cols),
    right: Math.max(...cols),
    columns: header.columns,
    ratingYears: header.ratingYears,
    tableBottom: header.tableBottom,
    keys: [],
    keyCols: [],
    rows: [],
    end: header.bottom + 1,
    score: header.score,
  };
}

/**
 * The table as the user mapped it (src/workbook/reader/column-map.ts): the header row given, the columns
 * given by field key (a "rating:2024" key is an annual rating column), rows read below as for a
 * found header. An Excel table whose header row it is keeps its own last row and column.
 */
export function mappedTableHeader(view: SheetView, headerRow: number, columns: Record<string, number>): FoundTable {
  const fields: Record<string, number> = {};
  const ratingYears: { year: number; col: number }[] = [];
  for (const [key, col] of Object.entries(columns)) {
    const year = /^rating:(\d{4})$/.exec(key);
    if (year) ratingYears.push({ year: Number(year[1]), col });
    else fields[key] = col;
  }
  ratingYears.sort((a, b) => a.col - b.col);
  const excel = view.sheet.tables.map((t) => parseRange(t.range)).find((r) => r && r.top === headerRow);
  const header = { top: headerRow, bottom: headerRow, left: 1, right: view.colCount, columns: fields, ratingYears, score: Object.keys(columns).length };
  return tableOf(view, excel ? { ...header, tableBottom: excel.bottom, tableRight: excel.right } : header);
}

/** The header labels of rows top…bottom (folded, merged cells resolved), by column. */
export function headerLabels(view: SheetView, top: number, bottom: number): Map<number, string> {
  const labels = new Map<number, string>();
  for (let c = 1; c <= view.colCount; c++) {
    const label = labelFor(view, top, bottom, c);
    if (label && label.length <= 200) labels.set(c, label);
  }
  return labels;
}

/**
 * Where detection fails, its best partial guess: the row (of the first 40) whose labels name the
 * most fields, and the columns it names, required or not.
 */
export function guessHeader(view: SheetView, spec: TableSpec): { row: number; columns: Record<string, number> } | undefined {
  let best: { row: number; columns: Record<string, number>; score: number } | undefined;
  // Else the row with the most labels above a row of figures (the data rows start with numbers: STT, counts, dates).
  let plain: { row: number; texts: number } | undefined;
  for (let row = 1; row <= Math.min(view.rowCount, 40); row++) {
    if (!figuresBelow(view, row)) continue;
    const labels = headerLabels(view, row, row);
    if (labels.size < 2) continue;
    const m = matchFields(labels, spec);
    if (m.score > 0 && (!best || m.score > best.score)) best = { row, columns: m.columns, score: m.score };
    let texts = 0;
    for (let c = 1; c <= view.colCount; c++) if (typeof view.value(row, c) === 'string' && cellText(view.value(row, c)).trim()) texts++;
    if (texts >= 2 && (!plain || texts > plain.texts)) plain = { row, texts };
  }
  if (best) return { row: best.row, columns: best.columns };
  return plain && { row: plain.row, columns: {} };
}

/** Whether the row below a row (past a row of column numbers) holds a number: data, not a signature block. */
function figuresBelow(view: SheetView, row: number): boolean {
  let next = row + 1;
  if (next <= view.rowCount && isNumberingRow(view, next, 1, view.colCount)) next++;
  if (next > view.rowCount) return false;
  for (let c = 1; c <= view.colCount; c++) if (typeof view.value(next, c) === 'number') return true;
  return false;
}

/** Whether a folded label could name a field (one of its phrases, none of its exclusions). */
export function labelNames(label: string, field: FieldSpec): boolean {
  const { phrases, exclude } = padded(field);
  const spaced = ` ${label} `;
  return !exclude.some((x) => spaced.includes(x)) && phrases.some((p) => spaced.includes(p));
}

/** The first non-empty text of a row, folded: signature blocks and totals start with their words. */
function leadingText(view: SheetView, row: number, left: number, right: number): string {
  for (let c = left; c <= right; c++) {
    const t = cellText(view.value(row, c)).trim();
    if (t) return /^\d/.test(t) ? '' : fold(t);
  }
  return '';
}

/** Reads the data rows under a header: down to the first blank row or signature block (or the Excel table's end). */
export function readTableRows(view: SheetView, table: FoundTable, nameKey = 'name'): FoundTable {
  const { left, right } = table;
  const nameCol = table.columns[nameKey] ?? left;
  const last = Math.min(table.tableBottom ?? view.rowCount, view.rowCount);
  let row = table.headerBottom + 1;
  if (row <= last && isNumberingRow(view, row, left, right)) row++;
  const rows: TableRow[] = [];
  const keys = Object.entries(table.columns).concat(table.ratingYears.map(({ year, col }) => [`rating:${year}`, col] as [string, number]));
  const keyCols = keys.map(([, col]) => col);
  const countCols = ['agree', 'removeAgree'].filter((k) => k in table.columns).map((k) => table.columns[k]);
  const sttCol = table.columns.stt;
  // A plain data row (a name, and a number in the STT or a count column) is neither a heading nor a signature.
  const plainData = (row: number): boolean =>
    cellText(view.value(row, nameCol)).trim() !== '' &&
    (countCols.length ? countCols.some((c) => typeof view.value(row, c) === 'number') : sttCol !== undefined && typeof view.value(row, sttCol) === 'number');
  let section: string | undefined;
  for (; row <= last; row++) {
    if (!plainData(row)) {
      if (view.rowIsEmpty(row, left, right)) {
        if (table.tableBottom) continue;
        break;
      }
      if (isEnder(leadingText(view, row, left, right))) break;
      const heading = sectionHeading(view, row, left, right, nameCol, countCols);
      if (heading !== undefined) {
        section = heading;
        continue;
      }
    }
    const values: CellValue[] = new Array(keyCols.length);
    let fonts: (string | undefined)[] | undefined;
    for (let k = 0; k < keyCols.length; k++) {
      values[k] = view.value(row, keyCols[k]);
      const font = view.font(row, keyCols[k]);
      if (font) (fonts ??= new Array(keyCols.length))[k] = font;
    }
    const line: TableRow = { row, values };
    if (fonts) line.fonts = fonts;
    if (section !== undefined) line.section = section;
    rows.push(line);
  }
  return { ...table, keys: keys.map(([key]) => key), keyCols, rows, end: row };
}

/** A row's cells by field key ("name", "agree", "rating:2024"…), made when a row is read. */
export function cellsOf(table: FoundTable, line: TableRow): Record<string, TableCell> {
  const cells: Record<string, TableCell> = {};
  for (let k = 0; k < table.keys.length; k++) {
    const font = line.fonts?.[k];
    cells[table.keys[k]] = font ? { value: line.values[k], col: table.keyCols[k], font } : { value: line.values[k], col: table.keyCols[k] };
  }
  return cells;
}

/**
 * A reader of rows' cells that fills one record again for each row: for a long list read row by row,
 * where no cell object is kept past its row (positions are copied into source references).
 */
export function rowCells(table: FoundTable): (line: TableRow) => Record<string, TableCell> {
  const cells: Record<string, TableCell> = {};
  const slots = table.keys.map((key, k): TableCell => (cells[key] = { value: null, col: table.keyCols[k], font: undefined }));
  return (line) => {
    for (let k = 0; k < slots.length; k++) {
      slots[k].value = line.values[k];
      slots[k].font = line.fonts?.[k];
    }
    return cells;
  };
}

/** The table a spec describes, rows included, or undefined when the sheet has no such header. */
export function findTable(view: SheetView, spec: TableSpec, nameKey = 'name'): FoundTable | undefined {
  const header = findTableHeader(view, spec);
  return header && readTableRows(view, header, nameKey);
}
