import { parseRange } from '../address';
import type { SheetView } from './sheet-view';
import type { FieldSpec, FoundTable, TableSpec } from './table';
import { cellText, hasPhrase } from './text';

/**
 * Finding a table's header the way a person would: below any title rows, a header row (or two rows
 * under merged cells) whose labels name the columns. Excel Tables (ListObjects) are read as tables.
 */

/** "(1)", "1", "A", "2=3+4": the row of column numbers printed under many official headers. */
export function isNumberingRow(view: SheetView, row: number, left: number, right: number): boolean {
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
