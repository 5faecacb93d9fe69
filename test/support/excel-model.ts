/**
 * The workbook Excel holds, and Excel's own rules about it: the model behind the Excel host
 * simulation (test/support/excel-host.ts), which Microsoft's office.js talks to in the tests
 * (test/support/office-js.ts). Only the rules a host written without them would break are kept,
 * each as Excel states it (remarks in @types/office-js, Microsoft's docs):
 * - a very hidden sheet cannot be deleted (InvalidOperation), nor the last visible one; sheet names
 *   are unique (case-insensitive), at most 31 characters, without : \ / ? * [ ];
 * - a protected sheet refuses changes to its locked cells (AccessDenied); protecting a protected
 *   sheet fails (InvalidOperation);
 * - a merged area takes a value in its top-left cell only; merged areas do not overlap;
 *   `getMergedAreasOrNullObject` fails on a range holding more than 512 merged areas;
 * - one note and one threaded comment per cell; a comment's address names its sheet;
 * - a defined name is unique; names into a deleted sheet stay, pointing at #REF!;
 * - a text value is read as if typed ('007' → 7, '=…' a formula): a leading apostrophe keeps it text;
 * - while the user edits a cell, a batch is refused unless it asks to wait (delayForCellEdit).
 * The request size limits (5 MB) belong to the host simulation.
 */
import { a1, parseRange, rangeA1, type RangePos } from '../../src/workbook/address';
import type { CellValue } from '../../src/workbook/snapshot';
import type * as ExcelJS from 'exceljs';
import { snapshotOf } from '../../src/hosts/xlsx/read';
import { widthChars, widthPoints } from '../../src/hosts/excel/apply';

export interface DCell {
  value: CellValue;
  numberFormat?: string;
  fill?: string;
  color?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontName?: string;
  /** The cell's sides that have a border, by style ('thin'), as ExcelJS names them. */
  border?: Sides;
  wrap?: boolean;
  hAlign?: string;
  vAlign?: string;
  locked?: boolean;
  /** A note (the yellow kind, ExcelApi 1.18). */
  note?: string;
  /** A threaded comment (ExcelApi 1.10). */
  comment?: string;
}

export interface Sides {
  top?: string;
  bottom?: string;
  left?: string;
  right?: string;
}

export interface DPage {
  orientation?: string;
  paperSize?: string;
  margins?: { top: number; bottom: number; left: number; right: number };
  printArea?: string;
  printTitleRows?: string;
  zoom?: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  centerHeader?: string;
  centerFooter?: string;
  /** The number of the first printed page (null: Excel's auto). */
  firstPageNumber?: number;
  breaks: number[];
}

/** An error as Excel reports it: a code (ErrorCodes) and a message. */
export class ExcelError extends Error {
  constructor(
    public code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
  }
}

const FORMAT_KEYS = ['numberFormat', 'fill', 'color', 'bold', 'italic', 'size', 'fontName', 'border', 'wrap', 'hAlign', 'vAlign', 'locked'] as const;
/** The most merged areas getMergedAreasOrNullObject returns (@types/office-js: "more than 512 … will fail"). */
export const MERGED_AREAS_LIMIT = 512;

let nextSheetId = 1;

export class DSheet {
  /** Excel's sheet id ('{…}'), stable across renames. */
  readonly id = `{00000000-0001-0000-0000-${String(nextSheetId++).padStart(12, '0')}}`;
  cells = new Map<string, DCell>();
  merges: RangePos[] = [];
  tables: { name: string; range: string }[] = [];
  visibility = 'Visible';
  protected = false;
  /** Column widths and row heights in points, as Office.js gives them. */
  widths = new Map<number, number>();
  heights = new Map<number, number>();
  page: DPage = { breaks: [] };
  /** Rows and columns the user hid (1-based). */
  hiddenRows = new Set<number>();
  hiddenColumns = new Set<number>();
  constructor(public name: string) {}
  cell(row: number, col: number): DCell {
    const key = `${row},${col}`;
    let c = this.cells.get(key);
    if (!c) this.cells.set(key, (c = { value: null }));
    return c;
  }
  peek(row: number, col: number): DCell | undefined {
    return this.cells.get(`${row},${col}`);
  }
  /** The used range (values only, or values and formats), as getUsedRange gives it. */
  used(valuesOnly: boolean): RangePos | undefined {
    let r: RangePos | undefined;
    for (const [key, c] of this.cells) {
      if (valuesOnly ? c.value === null : isBlank(c)) continue;
      const [row, col] = key.split(',').map(Number);
      r = r ? { top: Math.min(r.top, row), left: Math.min(r.left, col), bottom: Math.max(r.bottom, row), right: Math.max(r.right, col) } : { top: row, left: col, bottom: row, right: col };
    }
    return r;
  }
  /** The merged area a cell is in, if any. */
  mergeAt(row: number, col: number): RangePos | undefined {
    return this.merges.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }

  /** A locked cell of a protected sheet cannot be changed. */
  guard(row: number, col: number): void {
    if (this.protected && this.peek(row, col)?.locked !== false) throw new ExcelError('AccessDenied', `The cell ${this.name}!${a1(row, col)} is on a protected sheet.`);
  }
  setValue(row: number, col: number, v: unknown): void {
    const master = this.mergeAt(row, col);
    const value = typed(v);
    if (master && (master.top !== row || master.left !== col) && value !== null) throw new ExcelError('InvalidOperation', `A merged cell takes a value in its top-left cell only (${this.name}!${a1(row, col)}).`);
    this.guard(row, col);
    this.cell(row, col).value = value;
  }
  setFormat(row: number, col: number, f: (c: DCell) => void): void {
    this.guard(row, col);
    f(this.cell(row, col));
  }
  clear(pos: RangePos, applyTo: string): void {
    for (let r = pos.top; r <= pos.bottom; r++)
      for (let c = pos.left; c <= pos.right; c++) {
        const cell = this.peek(r, c);
        if (!cell) continue;
        this.guard(r, c);
        if (applyTo === 'All' || applyTo === 'Contents') cell.value = null;
        if (applyTo === 'All' || applyTo === 'Formats') for (const k of FORMAT_KEYS) delete cell[k];
        // Clear All takes the notes and comments with it, as Excel's "Clear All" does (to be confirmed in real Excel).
        if (applyTo === 'All') {
          delete cell.note;
          delete cell.comment;
        }
        if (isBlank(cell)) this.cells.delete(`${r},${c}`);
      }
  }
  merge(pos: RangePos): void {
    if (this.merges.some((m) => overlaps(m, pos))) throw new ExcelError('InvalidOperation', `The merge ${rangeA1(pos)} overlaps a merged area.`);
    for (let r = pos.top; r <= pos.bottom; r++) for (let c = pos.left; c <= pos.right; c++) this.guard(r, c);
    if (pos.top !== pos.bottom || pos.left !== pos.right) this.merges.push({ ...pos });
  }
  unmerge(pos: RangePos): void {
    this.merges = this.merges.filter((m) => !overlaps(m, pos));
  }
  mergedAreas(pos: RangePos): RangePos[] {
    const within = this.merges.filter((m) => overlaps(m, pos));
    if (within.length > MERGED_AREAS_LIMIT) throw new ExcelError('InvalidOperation', `The range holds ${within.length} merged areas, more than ${MERGED_AREAS_LIMIT}.`);
    return within;
  }
  /** The visible cells of a range, as getSpecialCells('Visible') gives them: visible row runs × visible column runs. */
  visibleAreas(pos: RangePos): RangePos[] {
    const runs = (from: number, to: number, hidden: Set<number>): [number, number][] => {
      const out: [number, number][] = [];
      for (let i = from; i <= to; i++) {
        if (hidden.has(i)) continue;
        const last = out[out.length - 1];
        if (last && last[1] === i - 1) last[1] = i;
        else out.push([i, i]);
      }
      return out;
    };
    return runs(pos.top, pos.bottom, this.hiddenRows).flatMap(([top, bottom]) => runs(pos.left, pos.right, this.hiddenColumns).map(([left, right]) => ({ top, left, bottom, right })));
  }
  protect(): void {
    if (this.protected) throw new ExcelError('InvalidOperation', `The sheet ${this.name} is already protected.`);
    this.protected = true;
  }
  addNote(row: number, col: number, text: string): void {
    const c = this.cell(row, col);
    if (c.note !== undefined) throw new ExcelError('InvalidArgument', `${this.name}!${a1(row, col)} has a note already.`);
    c.note = text;
  }
  addComment(row: number, col: number, text: string): void {
    const c = this.cell(row, col);
    if (c.comment !== undefined) throw new ExcelError('InvalidArgument', `${this.name}!${a1(row, col)} has a comment already.`);
    c.comment = text;
  }
}

export class DWorkbook {
  sheets: DSheet[] = [];
  names = new Map<string, { sheet: string; range: string }>();
  /** The sheet shown and the cells selected (worksheet.activate(), range.select()). */
  active?: string;
  selected?: string;
  /** The cell the user is typing in (Excel's cell edit mode), if any. */
  editing?: string;
  find(name: string): DSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
  byId(id: string): DSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }
  addSheet(name: string): DSheet {
    if (this.find(name)) throw new ExcelError('ItemAlreadyExists', `A sheet named ${name} exists already.`);
    if (!name || name.length > 31 || /[:\\/?*[\]]/.test(name) || name.startsWith("'") || name.endsWith("'")) throw new ExcelError('InvalidArgument', `The sheet name ${JSON.stringify(name)} is not valid.`);
    const sheet = new DSheet(name);
    this.sheets.push(sheet);
    return sheet;
  }
  deleteSheet(sheet: DSheet): void {
    // @types/office-js, Worksheet.delete: "if the worksheet's visibility is set to "VeryHidden", the delete operation will fail with an InvalidOperation exception".
    if (sheet.visibility === 'VeryHidden') throw new ExcelError('InvalidOperation', `The very hidden sheet ${sheet.name} cannot be deleted.`);
    if (sheet.visibility === 'Visible' && this.sheets.filter((s) => s.visibility === 'Visible').length === 1) throw new ExcelError('InvalidOperation', 'The last visible sheet cannot be deleted.');
    this.sheets = this.sheets.filter((s) => s !== sheet);
    // Names into the sheet stay, pointing nowhere (#REF!), as in Excel.
    for (const n of this.names.values()) if (n.sheet === sheet.name) n.sheet = '#REF!';
  }
  setVisibility(sheet: DSheet, visibility: string): void {
    if (visibility !== 'Visible' && sheet.visibility === 'Visible' && this.sheets.filter((s) => s.visibility === 'Visible').length === 1) throw new ExcelError('InvalidOperation', 'The last visible sheet cannot be hidden.');
    sheet.visibility = visibility;
  }
  addName(name: string, reference: string): void {
    if ([...this.names.keys()].some((k) => k.toLowerCase() === name.toLowerCase())) throw new ExcelError('ItemAlreadyExists', `The name ${name} exists already.`);
    const m = /^=?(?:'((?:[^']|'')*)'|([^'!]*))!(.+)$/.exec(reference);
    const range = m && parseRange(m[3].replace(/\$/g, ''));
    const sheetName = m && (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]);
    const sheet = sheetName ? this.find(sheetName) : undefined;
    if (!m || !range || !sheet) throw new ExcelError('InvalidArgument', `The reference ${reference} is not valid.`);
    this.names.set(name, { sheet: sheet.name, range: rangeA1(range) });
  }
}

function isBlank(c: DCell): boolean {
  return Object.keys(c).length === 1 && c.value === null;
}

const overlaps = (a: RangePos, b: RangePos): boolean => a.top <= b.bottom && a.bottom >= b.top && a.left <= b.right && a.right >= b.left;

/**
 * A value as Excel stores what it is given, as if typed: a leading apostrophe keeps text as text,
 * a text that reads as a number becomes a number, '=' starts a formula (not supported here).
 */
export function typed(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v !== 'string') throw new ExcelError('InvalidArgument', `value ${JSON.stringify(v)}`);
  if (v.startsWith("'")) return v.slice(1) === '' ? null : v.slice(1);
  if (v.startsWith('=')) throw new ExcelError('NotImplemented', `formula ${v} in the model`);
  if (/^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?\s*$/i.test(v)) return v.trim().endsWith('%') ? Number(v.trim().slice(0, -1)) / 100 : Number(v);
  if (/^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
  return v;
}

/** A sheet name as Excel writes it in an address: quoted unless plain. */
export const quote = (name: string): string => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);
export const unquote = (s: string): string => (s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s);
export function absolute(range: string): string {
  return range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
}

// ───────────────────────────── to and from a comparable form ─────────────────────────────


/** What a cell looks like, for comparing two hosts' results (only what is set). */
export interface LookOfCell {
  numberFormat?: string;
  fill?: string;
  color?: string;
  bold?: true;
  italic?: true;
  note?: string;
  unlocked?: true;
  border?: string;
}

export interface LookOfSheet {
  name: string;
  visibility: string;
  protected: boolean;
  merges: string[];
  cells: Record<string, LookOfCell>;
}

/** A sheet's page setup, and its column widths (characters) and row heights (points). */
export interface LookOfPage extends DPage {
  widths: Record<number, number>;
  heights: Record<number, number>;
}

const round = (n: number): number => Math.round(n * 100) / 100;
const rgb = (argb: unknown): string | undefined => (typeof argb === 'string' ? argb.slice(-6).toUpperCase() : undefined);

function lookOf(c: Omit<DCell, 'value'>): LookOfCell {
  const out: LookOfCell = {};
  if (c.numberFormat && c.numberFormat !== 'General') out.numberFormat = c.numberFormat;
  if (c.fill) out.fill = c.fill;
  if (c.color) out.color = c.color;
  if (c.bold) out.bold = true;
  if (c.italic) out.italic = true;
  // The explanation on a cell, as a note or (an Excel without notes) a threaded comment.
  if (c.note ?? c.comment) out.note = c.note ?? c.comment;
  if (c.locked === false) out.unlocked = true;
  const sides = [c.border?.top, c.border?.bottom, c.border?.left, c.border?.right];
  if (sides.every((b) => b === 'thin')) out.border = 'thin';
  else if (sides.some((b) => b)) out.border = sides.map((b) => b ?? '-').join(',');
  return out;
}

function noteText(note: unknown): string | undefined {
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text?: string }[] } | undefined)?.texts;
  return Array.isArray(texts) ? texts.map((t) => t.text ?? '').join('') : undefined;
}

function excelJsCell(cell: ExcelJS.Cell): Omit<DCell, 'value'> {
  const fill = cell.fill as { fgColor?: { argb?: string } } | undefined;
  return {
    numberFormat: typeof cell.numFmt === 'string' && cell.numFmt !== '' ? cell.numFmt : undefined,
    fill: rgb(fill?.fgColor?.argb),
    color: rgb(cell.font?.color?.argb),
    bold: cell.font?.bold,
    italic: cell.font?.italic,
    size: cell.font?.size,
    fontName: cell.font?.name,
    note: noteText(cell.note),
    locked: cell.protection?.locked,
    border: borderOf(cell.border),
  };
}

function borderOf(border: Partial<ExcelJS.Borders> | undefined): Sides | undefined {
  const sides: Sides = {};
  for (const side of ['top', 'bottom', 'left', 'right'] as const) if (border?.[side]?.style) sides[side] = border[side].style;
  return Object.keys(sides).length ? sides : undefined;
}

function visibilityOf(state: string | undefined): string {
  return state === 'veryHidden' ? 'VeryHidden' : state === 'hidden' ? 'Hidden' : 'Visible';
}

/** An in-memory Excel holding what an ExcelJS workbook holds (values as the xlsx host reads them, formats, notes, merges, tables, names). */
export function modelFromExcelJS(workbook: ExcelJS.Workbook): DWorkbook {
  const snapshot = snapshotOf(workbook);
  const book = new DWorkbook();
  for (const ws of workbook.worksheets) {
    const snap = snapshot.sheets.find((s) => s.name === ws.name)!;
    const sheet = new DSheet(ws.name);
    sheet.visibility = visibilityOf(ws.state);
    sheet.protected = Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet);
    ws.eachRow({ includeEmpty: true }, (row, r) =>
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        const look = excelJsCell(cell);
        const defined = Object.fromEntries(Object.entries(look).filter(([, v]) => v !== undefined));
        sheet.cells.set(`${r},${c}`, { value: snap.values[r - 1]?.[c - 1] ?? null, ...defined });
      }),
    );
    snap.values.forEach((row, i) => row.forEach((v, j) => v !== null && (sheet.cell(i + 1, j + 1).value = v)));
    sheet.merges = snap.merges.map((m) => parseRange(m)!);
    sheet.tables = snap.tables.map((t) => ({ ...t }));
    // Column widths as the file has them, in points.
    (snap.widths ?? []).forEach((w, i) => w !== null && sheet.widths.set(i + 1, widthPoints(w)));
    sheet.hiddenRows = new Set(snap.hiddenRows ?? []);
    sheet.hiddenColumns = new Set(snap.hiddenColumns ?? []);
    book.sheets.push(sheet);
  }
  for (const n of snapshot.names) book.names.set(n.name, { sheet: n.sheet, range: n.range });
  return book;
}

export function looksOfModel(book: DWorkbook): { sheets: LookOfSheet[]; names: Record<string, string> } {
  return {
    sheets: inLookOrder(book.sheets).map((s) => {
      const cells: Record<string, LookOfCell> = {};
      for (const [key, c] of s.cells) {
        const look = lookOf(c);
        const [r, col] = key.split(',').map(Number);
        if (Object.keys(look).length) cells[a1(r, col)] = look;
      }
      return { name: s.name, visibility: s.visibility, protected: s.protected, merges: s.merges.map(rangeA1).sort(), cells };
    }),
    names: Object.fromEntries([...book.names].map(([k, n]) => [k, `${n.sheet}!${n.range}`]).sort()),
  };
}

export function looksOfExcelJS(workbook: ExcelJS.Workbook): { sheets: LookOfSheet[]; names: Record<string, string> } {
  const snapshot = snapshotOf(workbook);
  return {
    sheets: inLookOrder(workbook.worksheets, (ws) => visibilityOf(ws.state)).map((ws) => {
      const cells: Record<string, LookOfCell> = {};
      ws.eachRow({ includeEmpty: true }, (row, r) =>
        row.eachCell({ includeEmpty: true }, (cell, c) => {
          const look = lookOf(excelJsCell(cell));
          if (Object.keys(look).length) cells[a1(r, c)] = look;
        }),
      );
      return {
        name: ws.name,
        visibility: visibilityOf(ws.state),
        protected: Boolean((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet),
        merges: [...(snapshot.sheets.find((s) => s.name === ws.name)?.merges ?? [])].sort(),
        cells,
      };
    }),
    names: Object.fromEntries(snapshot.names.map((n) => [n.name, `${n.sheet}!${n.range}`]).sort()),
  };
}

/**
 * Sheets as a user sees their order: the visible and hidden ones as they stand, then the very hidden
 * ones by name (no user ever sees where a very hidden sheet stands; Excel rewrites them in place,
 * ExcelJS adds a replaced one last).
 */
function inLookOrder<T extends { name: string; visibility?: string }>(sheets: T[], visibility: (s: T) => string = (s) => s.visibility ?? 'Visible'): T[] {
  const veryHidden = sheets.filter((s) => visibility(s) === 'VeryHidden').sort((a, b) => a.name.localeCompare(b.name));
  return [...sheets.filter((s) => visibility(s) !== 'VeryHidden'), ...veryHidden];
}

const sameWidth = (chars: number): number => widthChars(widthPoints(chars));

export function pageOfModel(sheet: DSheet): LookOfPage {
  const p = sheet.page;
  const out: LookOfPage = {
    breaks: p.breaks.map((r) => r - 1).sort((a, b) => a - b),
    widths: Object.fromEntries([...sheet.widths].map(([c, w]) => [c, widthChars(w)])),
    heights: Object.fromEntries(sheet.heights),
  };
  if (p.orientation) out.orientation = p.orientation;
  if (p.paperSize) out.paperSize = p.paperSize;
  if (p.margins) out.margins = { top: round(p.margins.top), bottom: round(p.margins.bottom), left: round(p.margins.left), right: round(p.margins.right) };
  if (p.printArea) out.printArea = p.printArea;
  if (p.printTitleRows) out.printTitleRows = p.printTitleRows;
  if (p.zoom) out.zoom = p.zoom;
  if (p.centerHeader) out.centerHeader = p.centerHeader;
  if (p.centerFooter) out.centerFooter = p.centerFooter;
  if (p.firstPageNumber !== undefined) out.firstPageNumber = p.firstPageNumber;
  return out;
}

export function pageOfExcelJS(ws: ExcelJS.Worksheet): LookOfPage {
  const ps = ws.pageSetup as ExcelJS.PageSetup & { printTitlesRow?: string };
  const hf = ws.headerFooter;
  const breaks = ((ws as unknown as { rowBreaks?: { id: number }[] }).rowBreaks ?? []).map((b) => b.id);
  const widths: Record<number, number> = {};
  for (let c = 1; c <= ws.columnCount; c++) {
    const w = ws.getColumn(c).width;
    if (w !== undefined) widths[c] = sameWidth(w);
  }
  const heights: Record<number, number> = {};
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.height !== undefined) heights[r] = row.height;
  });
  const out: LookOfPage = { breaks: breaks.sort((a, b) => a - b), widths, heights };
  if (ps.orientation) out.orientation = ps.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  if (ps.paperSize === 9) out.paperSize = 'A4';
  if (ps.margins) out.margins = { top: round(ps.margins.top * 72), bottom: round(ps.margins.bottom * 72), left: round(ps.margins.left * 72), right: round(ps.margins.right * 72) };
  if (ps.printArea) out.printArea = ps.printArea.replace(/\$/g, '');
  if (ps.printTitlesRow) out.printTitleRows = ps.printTitlesRow.replace(/\$/g, '');
  out.zoom = ps.fitToPage ? { horizontalFitToPages: ps.fitToWidth, verticalFitToPages: ps.fitToHeight } : { scale: ps.scale };
  if (hf?.oddHeader) out.centerHeader = hf.oddHeader.replace(/^&C/, '');
  if (hf?.oddFooter) out.centerFooter = hf.oddFooter.replace(/^&C/, '');
  const first = ps as { useFirstPageNumber?: boolean; firstPageNumber?: number };
  if (first.firstPageNumber !== undefined) out.firstPageNumber = first.firstPageNumber;
  return out;
}

