import type { CellValue } from '../snapshot';
import { isNumberingRow, findTableHeader } from './header';
import type { SheetView } from './sheet-view';
import type { FoundTable, TableCell, TableRow, TableSpec } from './table';
import { cellText, fold } from './text';

/**
 * The data rows under a header: down to the first blank row or signature block (or the Excel
 * table's end); section headings ("I. Chức danh Trưởng phòng") are carried to the rows below them.
 */

/** Rows that end a table: signature blocks, totals, notes. */
const ENDERS = ['to kiem phieu', 'to truong', 'nguoi lap bieu', 'nguoi lap', 'chu tri hoi nghi', 'thu ky', 'xac nhan', 'tm', 't m', 'tong cong', 'ghi chu', 'noi nhan'];

function isEnder(text: string): boolean {
  return ENDERS.some((e) => `${text} `.startsWith(`${e} `));
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
