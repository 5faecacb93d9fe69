import { parseRange } from '../address';
import type { SheetView } from './sheet-view';
import { sectionTitle } from './titles';
import type { ColumnGroup, FieldSpec, FoundTable, TableSpec } from './table';
import { cellText, hasPhrase, tidyText } from './text';

/**
 * Finding a table's header the way a person would: below any title rows, a header row (or two or
 * three rows under merged cells) whose labels name the columns, vote columns grouped under the
 * title they count for. Excel Tables (ListObjects) are read as tables.
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

/** A column group's title from its label, where the label names one ("Chức danh Trưởng phòng"); '' otherwise. */
function groupTitle(view: SheetView, row: number, col: number, titleWords: readonly string[]): string {
  const label = view.label(row, col);
  if (!label || !(hasPhrase(label, 'chuc danh') || titleWords.some((w) => label === w || label.startsWith(`${w} `)))) return '';
  const text = tidyText(view.value(row, col), view.font(row, col));
  return sectionTitle(text) ? text : '';
}

/**
 * Column groups per title: a label merged across columns above the count columns names the title
 * ("Chức danh Trưởng phòng" over "Số phiếu | Tỷ lệ %"); the topmost such label of a column is its
 * group's. A group's fields are read from the labels under its title.
 */
function findGroups(view: SheetView, top: number, bottom: number, left: number, right: number, spec: TableSpec): ColumnGroup[] {
  const groups = new Map<string, ColumnGroup>();
  if (!spec.groups || bottom === top) return [];
  for (let col = left; col <= right; col++) {
    for (let row = top; row < bottom; row++) {
      const m = view.mergeCovering(row, col);
      if (!m || m.right === m.left || m.top < top || m.bottom >= bottom) continue;
      const title = groupTitle(view, m.top, m.left, spec.groups.titleWords);
      if (!title) continue;
      const key = `${m.top},${m.left}`;
      if (!groups.has(key)) groups.set(key, { title, row: m.top, left: m.left, right: m.right, columns: {} });
      break;
    }
  }
  const fields = spec.fields.filter((f) => spec.groups?.fields.includes(f.key));
  const out: ColumnGroup[] = [];
  for (const g of groups.values()) {
    const labels = new Map<number, string>();
    for (let c = g.left; c <= g.right; c++) labels.set(c, labelFor(view, g.row + 1, bottom, c));
    g.columns = matchFields(labels, { fields, required: [] }, new Set()).columns;
    if (Object.keys(g.columns).length) out.push(g);
  }
  return out;
}

function matchFields(labels: Map<number, string>, spec: TableSpec, skip: ReadonlySet<number>): { columns: Record<string, number>; ratingYears: { year: number; col: number }[]; candidates: Record<string, number[]>; score: number } {
  const used = new Set<number>();
  const columns: Record<string, number> = {};
  const cols = [...labels.keys()].filter((c) => !skip.has(c));
  const spaced = cols.map((c) => ` ${labels.get(c)} `);
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
  // Fields several columns could be: every such column, the one taken among them.
  const candidates: Record<string, number[]> = {};
  for (const key of spec.choose ?? []) {
    const field = spec.fields.find((f) => f.key === key);
    if (!field || !(key in columns)) continue;
    const others = cols.filter((c) => c !== columns[key] && !used.has(c) && labelNames(labels.get(c) ?? '', field));
    if (others.length) candidates[key] = [columns[key], ...others].sort((a, b) => a - b);
  }
  const ratingYears: { year: number; col: number }[] = [];
  for (const col of cols) {
    const label = labels.get(col) ?? '';
    const year = /\b(19|20)(\d{2})\b/.exec(label);
    if (!used.has(col) && year && (hasPhrase(label, 'xep loai') || hasPhrase(label, 'danh gia'))) ratingYears.push({ year: Number(year[1] + year[2]), col });
  }
  return { columns, ratingYears, candidates, score: Object.keys(columns).length + (ratingYears.length ? 1 : 0) };
}

/** Every required group of fields found, in the columns or in a title's column group. */
function meetsRequired(columns: Record<string, number>, groups: readonly ColumnGroup[], spec: TableSpec): boolean {
  return spec.required.every((any) => any.some((k) => k in columns || groups.some((g) => k in g.columns)));
}

/** A header found: its rows and columns, and what its labels name (the found table's own fields). */
interface Header extends Pick<FoundTable, 'columns' | 'ratingYears' | 'groups' | 'candidates' | 'score'> {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * A header spans several rows only under merged cells: a label merged down through all its rows
 * ("STT", "Họ và tên"), or a label merged across columns with sub-labels below ("Ngày sinh" → Nam, Nữ;
 * "Chức danh Trưởng phòng" → Số phiếu, Tỷ lệ). Title rows above a one-row header are never read as part of it.
 */
function spansRows(view: SheetView, top: number, bottom: number, left: number, right: number): boolean {
  if (bottom === top) return true;
  // A title merged across the table is one label, not a header row: a header row has several.
  let labels = 0;
  for (let c = left; c <= right; c++) if (view.label(top, c) && (c === left || view.label(top, c - 1) !== view.label(top, c) || view.mergeAt(top, c))) labels++;
  if (labels < 2) return false;
  // Every label of a lower row is a sub-label: under a label merged across columns above it (no data row swallowed).
  for (let r = top + 1; r <= bottom; r++)
    for (let c = left; c <= right; c++) {
      const own = view.value(r, c);
      const covering = view.mergeCovering(r, c);
      if (own === null || (covering && covering.top < r)) continue;
      if (typeof own === 'number') return false;
      let under = false;
      for (let a = top; a < r && !under; a++) {
        const m = view.mergeCovering(a, c);
        under = !!m && m.right > m.left && m.bottom < r;
      }
      if (!under) return false;
    }
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
  const groups = findGroups(view, top, bottom, left, right, spec);
  const inGroups = new Set(groups.flatMap((g) => Array.from({ length: g.right - g.left + 1 }, (_, i) => g.left + i)));
  const m = matchFields(labels, spec, inGroups);
  if (!meetsRequired(m.columns, groups, spec)) return undefined;
  // A cell covered by the merge of the column taken is that column's label again, not another candidate.
  const merged = (a: number, b: number) => {
    for (let r = top; r <= bottom; r++) {
      const ma = view.mergeCovering(r, a);
      if (ma && ma === view.mergeCovering(r, b)) return true;
    }
    return false;
  };
  for (const [key, cols] of Object.entries(m.candidates)) {
    const kept = cols.filter((c) => c === m.columns[key] || !merged(c, m.columns[key]));
    if (kept.length > 1) m.candidates[key] = kept;
    else delete m.candidates[key];
  }
  return { top, bottom, left, right, ...m, groups, score: m.score + groups.length };
}

/**
 * The best header from row `from` on (the first 40 rows it meets), or in the sheet's Excel tables.
 * Of two readings as good, the one found first: the deeper header over a one-row reading of its lower row.
 */
function findHeader(view: SheetView, spec: TableSpec, from: number): (Header & { tableBottom?: number; tableRight?: number }) | undefined {
  for (const t of view.sheet.tables) {
    const r = parseRange(t.range);
    if (!r || r.top < from) continue;
    const h = headerAt(view, r.top, r.top, r.left, r.right, spec);
    if (h) return { ...h, tableBottom: r.bottom, tableRight: r.right };
  }
  let best: Header | undefined;
  const lastHeaderRow = Math.min(view.rowCount, from + 39);
  for (let top = from; top <= lastHeaderRow; top++) {
    if (view.rowIsEmpty(top)) continue;
    // From one top row, the deepest reading that names as much as a shallower one.
    let here: Header | undefined;
    for (const depth of [0, 1, 2]) {
      const h = headerAt(view, top, Math.min(top + depth, view.rowCount), 1, view.colCount, spec);
      if (h && (!here || h.score >= here.score)) here = h;
    }
    if (here && (!best || here.score > best.score)) best = here;
  }
  return best;
}

/** Whether a header the spec describes starts at this row (another table below the one being read). */
export function isHeaderRow(view: SheetView, row: number, spec: TableSpec): boolean {
  return [0, 1, 2].some((depth) => row + depth <= view.rowCount && headerAt(view, row, row + depth, 1, view.colCount, spec) !== undefined);
}

/** The header a spec describes from row `from` on (rows not yet read), or undefined when the sheet has none. */
export function findTableHeader(view: SheetView, spec: TableSpec, from = 1): FoundTable | undefined {
  const header = findHeader(view, spec, from);
  return header && tableOf(view, header);
}

/** A found table (rows not yet read) from its header: where it starts, its columns, its right edge. */
function tableOf(view: SheetView, header: Header & { tableBottom?: number; tableRight?: number }): FoundTable {
  const cols = Object.values(header.columns).concat(
    header.ratingYears.map((r) => r.col),
    header.groups.flatMap((g) => [g.left, g.right]),
  );
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
    groups: header.groups,
    candidates: header.candidates,
    tableBottom: header.tableBottom,
    keys: [],
    keyCols: [],
    rows: [],
    end: header.bottom + 1,
    skipped: [],
    hiddenData: [],
    above: 1,
    below: view.rowCount,
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
  const header = { top: headerRow, bottom: headerRow, left: 1, right: view.colCount, columns: fields, ratingYears, groups: [], candidates: {}, score: Object.keys(columns).length };
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
    const m = matchFields(labels, spec, new Set());
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
