import type { CellValue } from '../snapshot';
import { findTableHeader, isHeaderRow, isNumberingRow } from './header';
import { splitNameSuffix } from './names';
import type { SheetView } from './sheet-view';
import type { EndReason, FoundTable, RowReason, SkippedRows, TableCell, TableRow, TableSpec } from './table';
import { cellText, fold, hasPhrase, unicodeText } from './text';

/**
 * The data rows under a header, and what a person reading them would pass over (blank rows inside
 * the table, section headings, repeated headers, totals) or stop at (signatures, notes, the next table).
 */

/** Rows that end a table: signature blocks, notes. */
const ENDERS = ['to kiem phieu', 'ban kiem phieu', 'to bau cu', 'doan chu tich', 'to truong', 'nguoi lap bieu', 'nguoi lap', 'chu tri hoi nghi', 'thu ky', 'xac nhan', 'tm', 't m', 'ghi chu', 'noi nhan', 'chu toa'];

function isEnder(text: string): boolean {
  return ENDERS.some((e) => `${text} `.startsWith(`${e} `));
}

/** A totals row: "Cộng", "Tổng cộng", "Tổng số", "Cộng mục I" (never a name: "Tống Văn Hải" has more words). */
const TOTAL = /^(?:tong cong|tong so|tong|cong)(?: (?:muc|phan) \S+)?$/;

/** Phrases of a line that states a conference's numbers or its ballots: never a person's row. */
const COUNT_PHRASES = ['trieu tap', 'co mat', 'vang mat', 'phat ra', 'thu vao', 'hop le', 'khong hop le', 'tong so phieu', 'so phieu phat'];

const LABELS = new Map<string, 'count' | 'total' | ''>();
/** What a text in a name's place reads as, folded once per distinct text: a conference line ("Số người có mặt:"), a total ("Cộng"), or neither. */
function labelKind(text: string): 'count' | 'total' | '' {
  let out = LABELS.get(text);
  if (out === undefined) {
    if (LABELS.size > 10_000) LABELS.clear();
    const folded = fold(text);
    LABELS.set(text, (out = COUNT_PHRASES.some((p) => hasPhrase(folded, p)) ? 'count' : TOTAL.test(folded) ? 'total' : ''));
  }
  return out;
}

const isCountLine = (text: string): boolean => labelKind(text) === 'count';

/** A person's name as people write one: two to seven words of letters (a post after it, "(Phó phòng)" or "- CVC", allowed). */
export function nameLike(text: string): boolean {
  const name = splitNameSuffix(text.normalize('NFC').replace(/\s+/g, ' ').trim()).name;
  return /^\p{L}[\p{L}\p{M}'’.]*(?: \p{L}[\p{L}\p{M}'’.]*){1,6}$/u.test(name) && !name.includes(':');
}

/** A count as typed: a number, or text starting with one ("7", "7/20", "7/20 phiếu (35%)"). */
export function countLike(v: CellValue): boolean {
  return typeof v === 'number' || (typeof v === 'string' && /^\s*\d{1,6}\s*(?:[/,.]|phiếu|phieu|$)/iu.test(v));
}

/** The text of a row's cells, left to right, legacy fonts converted. */
function rowTexts(view: SheetView, row: number, left: number, right: number): string[] {
  const texts: string[] = [];
  for (let c = left; c <= right; c++) {
    const t = unicodeText(view.value(row, c), view.font(row, c)).trim();
    if (t) texts.push(t);
  }
  return texts;
}

/**
 * The section heading a row holds, if it is one: "I. Chức danh Trưởng phòng" (in any column, merged
 * or not, numbered in the STT column or not, typed in a legacy font or not) where the row has no
 * figures, or a lone text with no name.
 */
function sectionHeading(view: SheetView, row: number, left: number, right: number, nameCol: number, countCols: number[]): string | undefined {
  const texts = rowTexts(view, row, left, right);
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

/** The first non-empty text of a row, folded (legacy fonts converted): signature blocks and totals start with their words. */
function leadingText(view: SheetView, row: number, left: number, right: number): string {
  for (let c = left; c <= right; c++) {
    const t = unicodeText(view.value(row, c), view.font(row, c)).trim();
    if (t) return /^\d/.test(t) ? '' : fold(t);
  }
  return '';
}

/** A header row copied further down (at each printed page): every label of it is the header's own, in its column. */
function repeatsHeader(view: SheetView, table: FoundTable, row: number): boolean {
  let same = 0;
  for (let c = table.left; c <= table.lastCol; c++) {
    const label = view.label(row, c);
    if (!label) continue;
    if (typeof view.value(row, c) === 'number') return false;
    let found = false;
    for (let h = table.headerTop; h <= table.headerBottom && !found; h++) found = label === view.label(h, c);
    if (!found) return false;
    same++;
  }
  return same >= 2;
}

/** The sheet columns of the counts a table reads: its vote columns and those of its title groups. */
export function countColumns(table: FoundTable): number[] {
  const cols = ['agree', 'removeAgree'].filter((k) => k in table.columns).map((k) => table.columns[k]);
  for (const g of table.groups) cols.push(...Object.values(g.columns));
  return cols;
}

/** The keys of the columns a table reads (a group's as `agree#0`…) and their sheet columns. */
function keysOf(table: FoundTable): [string, number][] {
  return [
    ...Object.entries(table.columns),
    ...table.ratingYears.map(({ year, col }) => [`rating:${year}`, col] as [string, number]),
    ...table.groups.flatMap((g, i) => Object.entries(g.columns).map(([key, col]) => [`${key}#${i}`, col] as [string, number])),
  ];
}

type Verdict = { kind: 'data' } | { kind: 'skip'; reason: RowReason } | { kind: 'section'; text: string } | { kind: 'end'; reason: EndReason };

/**
 * Reads the data rows under a header, as a person reads them: section headings carried to the rows
 * below, a blank row passed over when the table goes on after it (more rows, another section),
 * repeated header rows, rows of column numbers and totals passed over; the rows end at a signature
 * block, a note, a line of conference numbers, another table's header, or the end of the sheet (or of
 * the Excel table). Hidden rows are not read; those holding data are listed. What was left out, and
 * why, is kept with the table (`skipped`, `ended`), and rows that look like data below its end too.
 */
export function readTableRows(view: SheetView, table: FoundTable, nameKey = 'name', spec?: TableSpec): FoundTable {
  const { left } = table;
  const right = table.lastCol;
  const nameCol = table.columns[nameKey] ?? left;
  const last = Math.min(table.tableBottom ?? table.below, view.rowCount);
  const rows: TableRow[] = [];
  const skipped: SkippedRows[] = [];
  const hiddenData: number[] = [];
  const skip = (row: number, reason: RowReason) => {
    const prev = skipped[skipped.length - 1];
    if (prev && prev.reason === reason && prev.to === row - 1) prev.to = row;
    else skipped.push({ from: row, to: row, reason });
  };
  const keys = keysOf(table);
  const keyCols = keys.map(([, col]) => col);
  const countCols = countColumns(table);
  const sttCol = table.columns.stt;
  // A plain data row: a name, and a count (or a number in the STT column where the table has no counts).
  const plainData = (row: number): boolean => {
    const name = view.value(row, nameCol);
    if (typeof name !== 'string' || !name.trim() || labelKind(name) !== '') return false;
    return countCols.length ? countCols.some((c) => countLike(view.value(row, c))) : sttCol !== undefined && typeof view.value(row, sttCol) === 'number';
  };
  const verdict = (row: number, afterBlank: boolean): Verdict => {
    if (plainData(row) && (!afterBlank || nameLike(cellText(view.value(row, nameCol))))) return { kind: 'data' };
    if (repeatsHeader(view, table, row)) return { kind: 'skip', reason: 'repeated-header' };
    if (isNumberingRow(view, row, left, right)) return { kind: 'skip', reason: 'numbering' };
    const lead = leadingText(view, row, left, right);
    if (isEnder(lead)) return { kind: 'end', reason: lead.startsWith('ghi chu') ? 'note' : 'signature' };
    if (rowTexts(view, row, left, right).some(isCountLine)) return { kind: 'end', reason: 'text' };
    if (TOTAL.test(lead)) return { kind: 'skip', reason: 'total' };
    if (spec && isHeaderRow(view, row, spec)) return { kind: 'end', reason: 'next-table' };
    const heading = sectionHeading(view, row, left, right, nameCol, countCols);
    if (heading !== undefined) return { kind: 'section', text: heading };
    return afterBlank ? { kind: 'end', reason: 'text' } : { kind: 'data' };
  };

  let row = table.headerBottom + 1;
  let section: string | undefined;
  let blanks: number[] = [];
  // After a blank row or a totals row, only a plain row with a person's name goes on with the table.
  let strict = false;
  let ended: FoundTable['ended'];
  let lastRead = table.headerBottom;
  for (; row <= last; row++) {
    if (view.rowHidden(row)) {
      if (!view.rowIsEmpty(row, left, right)) {
        if (cellText(view.value(row, nameCol)).trim()) hiddenData.push(row);
        skip(row, 'hidden');
        lastRead = row;
      }
      continue;
    }
    if (view.rowIsEmpty(row, left, right)) {
      blanks.push(row);
      continue;
    }
    const v = verdict(row, (strict || blanks.length > 0) && !table.tableBottom);
    if (v.kind === 'end') {
      ended = { row, reason: blanks.length && v.reason === 'text' ? 'blank' : v.reason };
      break;
    }
    for (const b of blanks) skip(b, 'blank');
    blanks = [];
    lastRead = row;
    if (v.kind === 'skip') {
      skip(row, v.reason);
      if (v.reason === 'total') strict = true;
      continue;
    }
    strict = false;
    if (v.kind === 'section') {
      section = v.text;
      skip(row, 'section');
      continue;
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
  ended ??= { row: Math.min(row, last + 1), reason: table.tableBottom && row > table.tableBottom ? 'table-end' : 'sheet-end' };
  // Blank rows and a heading with no rows under them belong to what follows (the next table's title), not to this table.
  const lastData = rows.length ? rows[rows.length - 1].row : table.headerBottom;
  let trailing: SkippedRows | undefined;
  while (skipped.length && skipped[skipped.length - 1].from > lastData && (skipped[skipped.length - 1].reason === 'section' || skipped[skipped.length - 1].reason === 'blank')) trailing = skipped.pop();
  if (trailing) {
    lastRead = Math.max(lastData, ...skipped.map((s) => s.to));
    if (ended.reason !== 'next-table') ended = { row: trailing.from, reason: trailing.reason === 'blank' ? 'blank' : ended.reason };
  }
  return { ...table, keys: keys.map(([key]) => key), keyCols, rows, end: lastRead + 1, skipped, ended, hiddenData };
}

/**
 * Rows below a table's end that look like data — a name and a count, as a row of the table would
 * have them — up to `bottom`: what a person would take for more of the table. Never read; named.
 */
export function dataBelow(view: SheetView, table: FoundTable, bottom: number): number[] {
  const nameCol = table.columns.name;
  const counts = countColumns(table);
  // Without count columns (a roster), a number in the STT column marks a row of data.
  const numbered = counts.length ? counts : table.columns.stt !== undefined ? [table.columns.stt] : [];
  if (nameCol === undefined || !numbered.length) return [];
  const out: number[] = [];
  for (let row = table.ended?.row ?? table.end; row <= Math.min(bottom, view.rowCount); row++) {
    const name = view.value(row, nameCol);
    if (typeof name === 'string' && labelKind(name) === '' && nameLike(name) && numbered.some((c) => countLike(view.value(row, c)))) out.push(row);
  }
  return out;
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
  return header && readTableRows(view, header, nameKey, spec);
}
