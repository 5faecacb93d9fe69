/**
 * What the grid (grid-model.ts, Grid.tsx) and the print view (print-pages.ts, PrintView.tsx) read
 * of a sheet, as plain data: the workbench's Web Worker (worker.ts) holds the ExcelJS workbook and
 * hands the page one SheetData per sheet — values as shown (a formula's result, a rich text's
 * text), styles once each, column widths, row heights, merged areas, page setup, header and footer,
 * page breaks — which structured-clones across the worker boundary. On the page, SheetView gives
 * it the few calls of an ExcelJS worksheet those modules make (SheetLike), so that they draw an
 * ExcelJS worksheet (the tests) and a worker's sheet alike.
 */
import type * as ExcelJS from 'exceljs';
import type { RangePos } from '../workbook/address';

/** A cell value as drawn: ExcelJS's wrappers (formula, rich text, hyperlink) already undone. */
export type ViewValue = string | number | boolean | Date | { error: string } | null;

/** The calls the grid and the print view make of a cell, row and sheet (an ExcelJS one fits). */
export interface CellLike {
  value: unknown;
  style?: Partial<ExcelJS.Style>;
  numFmt?: string;
  note?: unknown;
}
export interface RowLike {
  height?: number;
  hidden?: boolean;
  findCell(col: number): CellLike | undefined;
}
export interface SheetLike {
  name: string;
  state?: string;
  rowCount: number;
  columnCount: number;
  actualRowCount: number;
  columns: ({ width?: number; hidden?: boolean } | undefined)[] | null;
  findRow(row: number): RowLike | undefined;
  pageSetup: Partial<ExcelJS.PageSetup>;
  headerFooter: Partial<ExcelJS.HeaderFooter>;
  properties: Partial<ExcelJS.WorksheetProperties>;
  /** A worker's sheet: its merged areas and manual page breaks (an ExcelJS worksheet keeps them in _merges and rowBreaks). */
  mergedAreas?: RangePos[];
  rowBreaks?: { id: number }[];
}

interface CellData {
  v: ViewValue;
  /** Index into SheetData.styles. */
  s?: number;
  n?: string;
}

/** A sheet as the worker sends it (structured-clonable). */
export interface SheetData {
  name: string;
  state: string;
  rowCount: number;
  columnCount: number;
  actualRowCount: number;
  columns: ({ width?: number; hidden?: boolean } | null)[];
  /** Index 0 = row 1; null for a row the sheet does not have. */
  rows: ({ height?: number; hidden?: boolean; cells: (CellData | null)[] } | null)[];
  styles: Partial<ExcelJS.Style>[];
  merges: RangePos[];
  pageSetup: Partial<ExcelJS.PageSetup>;
  headerFooter: Partial<ExcelJS.HeaderFooter>;
  properties: Partial<ExcelJS.WorksheetProperties>;
  rowBreaks: { id: number }[];
}

/** A cell's value without ExcelJS's wrappers: a formula's result, a rich text's text. */
export function plainValue(v: unknown): ViewValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((r) => r.text ?? '').join('');
    if ('formula' in o || 'sharedFormula' in o) return 'result' in o ? plainValue(o.result) : null;
    if (typeof o.error === 'string') return { error: o.error };
    if ('text' in o) return plainValue(o.text);
  }
  return null;
}

/** A copy of plain JSON-like data (ExcelJS styles), for the worker's message. */
const plain = <T>(x: T): T => (x === undefined ? x : JSON.parse(JSON.stringify(x)));

/** An ExcelJS worksheet → SheetData (in the worker). */
export function sheetData(ws: ExcelJS.Worksheet): SheetData {
  const styles: Partial<ExcelJS.Style>[] = [];
  const byObject = new Map<object, number>();
  const byText = new Map<string, number>();
  const styleIndex = (style: Partial<ExcelJS.Style> | undefined): number | undefined => {
    if (!style || !Object.keys(style).length) return undefined;
    const known = byObject.get(style);
    if (known !== undefined) return known;
    const text = JSON.stringify(style);
    let i = byText.get(text);
    if (i === undefined) {
      i = styles.push(JSON.parse(text)) - 1;
      byText.set(text, i);
    }
    byObject.set(style, i);
    return i;
  };
  const rows: SheetData['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: (CellData | null)[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const data: CellData = { v: plainValue(cell.value) };
      const s = styleIndex(cell.style);
      if (s !== undefined) data.s = s;
      const note = cell.note as unknown;
      const text = typeof note === 'string' ? note : Array.isArray((note as { texts?: unknown })?.texts) ? (note as { texts: { text?: string }[] }).texts.map((t) => t.text ?? '').join('') : undefined;
      if (text) data.n = text;
      cells[c - 1] = data;
    });
    rows[r - 1] = { ...(row.height ? { height: row.height } : {}), ...(row.hidden ? { hidden: true } : {}), cells };
  });
  // Rows with a height or hidden but no cell: eachRow skips them; their looks count.
  for (let r = 1; r <= ws.rowCount; r++) {
    if (rows[r - 1]) continue;
    const row = ws.findRow(r);
    if (row && (row.height || row.hidden)) rows[r - 1] = { ...(row.height ? { height: row.height } : {}), ...(row.hidden ? { hidden: true } : {}), cells: [] };
  }
  for (let r = 0; r < rows.length; r++) rows[r] ??= null;
  const merges = Object.values((ws as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number; model?: RangePos }> })._merges ?? {}).map((m) => {
    const r = m.model ?? m;
    return { top: r.top, left: r.left, bottom: r.bottom, right: r.right };
  });
  return {
    name: ws.name,
    state: ws.state ?? 'visible',
    rowCount: ws.rowCount,
    columnCount: ws.columnCount,
    actualRowCount: ws.actualRowCount,
    columns: (ws.columns ?? []).map((c) => (c ? { ...(c.width !== undefined ? { width: c.width } : {}), ...(c.hidden ? { hidden: true } : {}) } : null)),
    rows,
    styles,
    merges,
    pageSetup: plain(ws.pageSetup ?? {}),
    headerFooter: plain(ws.headerFooter ?? {}),
    properties: plain(ws.properties ?? {}),
    rowBreaks: ((ws as unknown as { rowBreaks?: { id: number }[] }).rowBreaks ?? []).map((b) => ({ id: b.id })),
  };
}

/** SheetData read through the calls of an ExcelJS worksheet (on the page). */
export class SheetView implements SheetLike {
  readonly name: string;
  readonly state: string;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly actualRowCount: number;
  readonly columns: ({ width?: number; hidden?: boolean } | undefined)[];
  readonly pageSetup: Partial<ExcelJS.PageSetup>;
  readonly headerFooter: Partial<ExcelJS.HeaderFooter>;
  readonly properties: Partial<ExcelJS.WorksheetProperties>;
  readonly mergedAreas: RangePos[];
  readonly rowBreaks: { id: number }[];

  constructor(private readonly data: SheetData) {
    this.name = data.name;
    this.state = data.state;
    this.rowCount = data.rowCount;
    this.columnCount = data.columnCount;
    this.actualRowCount = data.actualRowCount;
    this.columns = data.columns.map((c) => c ?? undefined);
    this.pageSetup = data.pageSetup;
    this.headerFooter = data.headerFooter;
    this.properties = data.properties;
    this.mergedAreas = data.merges;
    this.rowBreaks = data.rowBreaks;
  }

  findRow(row: number): RowLike | undefined {
    const r = this.data.rows[row - 1];
    if (!r) return undefined;
    const styles = this.data.styles;
    return {
      height: r.height,
      hidden: r.hidden,
      findCell: (col: number) => {
        const c = r.cells[col - 1];
        if (!c) return undefined;
        const style = c.s === undefined ? {} : styles[c.s];
        return { value: c.v, style, numFmt: style.numFmt, note: c.n };
      },
    };
  }
}

/** The merged areas of a sheet: a worker's, or an ExcelJS worksheet's own (_merges: master address → range). */
export function mergedAreasOf(ws: SheetLike): RangePos[] {
  if (ws.mergedAreas) return ws.mergedAreas;
  const internal = (ws as unknown as { _merges?: Record<string, RangePos | { model?: RangePos }> })._merges ?? {};
  return Object.values(internal)
    .map((raw) => ('model' in raw && raw.model ? raw.model : raw) as RangePos)
    .filter((r) => [r.top, r.left, r.bottom, r.right].every(Number.isFinite));
}
