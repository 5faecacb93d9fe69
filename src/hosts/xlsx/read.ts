/**
 * xlsx host, read step (docs/ARCHITECTURE.md "read"): an .xlsx file (ExcelJS) → WorkbookSnapshot,
 * the same plain data the Office.js host reads, so parsing never knows where it came from.
 *
 * ExcelJS traps handled here (see the report in this folder's tests):
 * - date-formatted numbers arrive as JS Dates: turned back into Excel serial numbers;
 * - `cell.value.result` drops falsy cached results (0, false, ''): the result is read from `cell.result`;
 * - merged cells other than the top-left one return the master's value: they read as null, as in Excel;
 * - tables saved by Excel lose their header row and filter buttons when ExcelJS writes them back
 *   (it reads an omitted headerRowCount as 0 and an omitted filterColumn as a hidden button):
 *   repaired right after loading, see repairLoadedTables;
 * - `worksheet.getCell` creates cells: reading only walks the cells that exist;
 * - manual page breaks (`<rowBreaks>`) are written but never read back, so a file run again would
 *   lose the breaks of its printed sheets: read from the sheet parts, see restoreRowBreaks.
 */
import * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Diagnostic } from '../../rules';
import { a1, parseRange, parseSheetRange, rangeA1 } from '../../workbook/address';
import { workbookDiagnostic } from '../../workbook/codes';
import { computeFormulas, externalBook, type Uncomputed } from './formulas';
import { checkPackage, type CheckOptions, type PackageFacts } from './package-check';
import { encodingOfFont } from '../../workbook/reader/legacy-text';
import { WIDTH_COLUMNS, type CellValue, type DefinedName, type SheetSnapshot, type WorkbookSnapshot } from '../../workbook/snapshot';

const DAY_MS = 86_400_000;
/** Days from 1899-12-30 (serial 0 of the 1900 system) to 1970-01-01. */
const UNIX_EPOCH_SERIAL = 25_569;
/** Days between serial 0 of the 1900 and the 1904 date systems. */
const DATE1904_OFFSET = 1_462;

/** A file the xlsx host does not read, and why (a coded diagnostic, README's code table). */
export class WorkbookRefused extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.code);
    this.name = 'WorkbookRefused';
  }
}

/**
 * An .xlsx file's bytes → its ExcelJS workbook and snapshot. A file the package check refuses
 * (src/hosts/xlsx/package-check.ts), or that ExcelJS cannot load after all, throws WorkbookRefused.
 */
export async function readXlsx(data: Buffer | ArrayBuffer | Uint8Array, options: CheckOptions = {}): Promise<{ workbook: ExcelJS.Workbook; snapshot: WorkbookSnapshot; facts: PackageFacts }> {
  const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data;
  const checked = await checkPackage(bytes, options);
  if (!checked.ok) throw new WorkbookRefused(checked.diagnostic);
  const workbook = new ExcelJS.Workbook();
  try {
    // ExcelJS hands the data to JSZip, which takes a Buffer, an ArrayBuffer or a Uint8Array alike.
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  } catch {
    // The package is sound, yet ExcelJS cannot make a workbook of it: its words are not the user's.
    throw new WorkbookRefused(workbookDiagnostic('E-FILE-DAMAGED', { reason: 'unreadable', part: '' }));
  }
  // A worksheet ExcelJS left out would be missing from the run without a word.
  for (const sheet of checked.facts.sheets) {
    if (!workbook.worksheets.some((ws) => ws?.name === sheet.name)) throw new WorkbookRefused(workbookDiagnostic('E-FILE-UNSUPPORTED', { what: 'part-name', part: sheet.part, sheet: sheet.name }));
  }
  repairLoadedTables(workbook);
  await restoreRowBreaks(workbook, bytes);
  return { workbook, snapshot: snapshotOf(workbook, checked.facts.externalBooks), facts: checked.facts };
}

const XML_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const unescapeXml = (text: string) => text.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-f]+|#\d+);/gi, (_, e: string) => XML_ENTITIES[e] ?? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))));
const attributes = (tag: string) => Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], unescapeXml(m[2])]));

/**
 * The manual page breaks of the sheets that have a print area (the printed sheets; others are
 * left alone, to spare decompressing large data sheets twice), from the file's sheet parts.
 */
async function restoreRowBreaks(workbook: ExcelJS.Workbook, data: Buffer | ArrayBuffer | Uint8Array): Promise<void> {
  const printed = workbook.worksheets.filter((ws) => ws?.pageSetup?.printArea);
  if (!printed.length) return;
  const zip = await JSZip.loadAsync(data);
  const book = await zip.file('xl/workbook.xml')?.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')?.async('string');
  if (!book || !rels) return;
  const targets = new Map([...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => attributes(m[0])).map((a) => [a.Id, a.Target]));
  const parts = new Map(
    [...book.matchAll(/<sheet\b[^>]*>/g)].map((m) => {
      const a = attributes(m[0]);
      const target = targets.get(a['r:id']) ?? '';
      return [a.name, target.startsWith('/') ? target.slice(1) : `xl/${target}`];
    }),
  );
  for (const worksheet of printed) {
    const part = parts.get(worksheet.name);
    const xml = part ? await zip.file(part)?.async('string') : undefined;
    const block = xml && /<rowBreaks\b[^>]*>([\s\S]*?)<\/rowBreaks>/.exec(xml);
    if (!block) continue;
    (worksheet as ExcelJS.Worksheet & { rowBreaks: Partial<ExcelJS.RowBreak>[] }).rowBreaks = [...block[1].matchAll(/<brk\b[^>]*>/g)].map((m) => {
      const a = attributes(m[0]);
      return { id: Number(a.id), max: Number(a.max ?? 16383), ...(a.min ? { min: Number(a.min) } : {}), man: a.man === '1' || a.man === 'true' ? 1 : 0 };
    });
  }
}

/** The workbook as plain data; `externalBooks`: the workbooks its external references name (PackageFacts). */
export function snapshotOf(workbook: ExcelJS.Workbook, externalBooks: readonly string[] = []): WorkbookSnapshot {
  const date1904 = Boolean(workbook.properties?.date1904);
  const sheets: SheetSnapshot[] = [];
  const uncomputed: Uncomputed[] = [];
  for (const worksheet of workbook.worksheets) {
    if (!worksheet) continue;
    sheets.push(sheetOf(worksheet, date1904, uncomputed, externalBooks));
  }
  // Formulas with no saved result: computed where they are plain arithmetic, marked where not.
  if (uncomputed.length) computeFormulas(sheets, uncomputed);
  return { sheets, names: definedNamesOf(workbook) };
}

/** A JS Date from ExcelJS → the Excel serial number it was read from. */
export function dateToSerial(date: Date, date1904 = false): number | null {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  const serial = UNIX_EPOCH_SERIAL + ms / DAY_MS - (date1904 ? DATE1904_OFFSET : 0);
  // ExcelJS rounds to whole milliseconds: snap the float noise back onto whole days.
  const whole = Math.round(serial);
  return Math.abs(serial - whole) < 1e-9 ? whole : serial;
}

function sheetOf(worksheet: ExcelJS.Worksheet, date1904: boolean, uncomputed: Uncomputed[], externalBooks: readonly string[]): SheetSnapshot {
  const cells: { row: number; col: number; value: CellValue; numFmt: string | null }[] = [];
  const formulas: NonNullable<SheetSnapshot['formulas']> = {};
  const fonts: Record<string, string> = {};
  const hiddenRows: number[] = [];
  let rows = 0;
  let cols = 0;
  try {
    worksheet.eachRow((row, rowNumber) => {
      if (row.hidden) hiddenRows.push(rowNumber);
      row.eachCell((cell, colNumber) => {
        const value = safe(() => cellValue(cell, date1904), null);
        if (cell.type === ExcelJS.ValueType.Formula) {
          const formula = safe(() => cell.formula ?? '', '');
          const book = externalBook(formula, externalBooks);
          if (book !== undefined) formulas[a1(rowNumber, colNumber)] = { formula, status: 'external', book };
          else if (value === null && noResult(cell)) uncomputed.push({ sheet: worksheet.name, row: rowNumber, col: colNumber, formula });
        }
        const numFmt = safe(() => (typeof cell.numFmt === 'string' && cell.numFmt !== '' ? cell.numFmt : null), null);
        const font = safe(() => legacyFontOf(cell), undefined);
        if (font !== undefined) fonts[a1(rowNumber, colNumber)] = font;
        cells.push({ row: rowNumber, col: colNumber, value, numFmt });
        if (value !== null) {
          rows = Math.max(rows, rowNumber);
          cols = Math.max(cols, colNumber);
        }
      });
    });
  } catch {
    // A sheet ExcelJS loaded but cannot walk: keep what was read so far.
  }

  const values: CellValue[][] = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
  const numberFormats: (string | null)[][] = Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null));
  for (const c of cells) {
    if (c.row > rows || c.col > cols) continue;
    values[c.row - 1][c.col - 1] = c.value;
    numberFormats[c.row - 1][c.col - 1] = c.numFmt;
  }

  const snapshot: SheetSnapshot = {
    name: worksheet.name,
    values,
    numberFormats,
    merges: safe(() => mergesOf(worksheet), []),
    tables: safe(() => tablesOf(worksheet), []),
  };
  if (Object.keys(fonts).length > 0) snapshot.fonts = fonts;
  // Hidden rows and columns within the values (the reader names what it leaves out because of them).
  const shownRows = hiddenRows.filter((r) => r <= rows);
  const hiddenColumns = safe(() => (worksheet.columns ?? []).flatMap((c) => (c?.hidden && c.number !== undefined && c.number <= cols ? [c.number] : [])), [] as number[]);
  if (shownRows.length) snapshot.hiddenRows = shownRows;
  if (hiddenColumns.length) snapshot.hiddenColumns = hiddenColumns;
  if (Object.keys(formulas).length > 0) snapshot.formulas = formulas;
  const widths = safe(() => widthsOf(worksheet), []);
  if (widths.length) snapshot.widths = widths;
  return snapshot;
}

/** The widths of the first WIDTH_COLUMNS columns (null: the sheet's standard width), trailing standard ones left out. */
function widthsOf(worksheet: ExcelJS.Worksheet): (number | null)[] {
  // The columns ExcelJS loaded, read without creating any (getColumn would).
  const columns = (worksheet as unknown as { _columns?: ({ width?: number } | undefined)[] })._columns ?? [];
  const widths = Array.from({ length: Math.min(WIDTH_COLUMNS, columns.length) }, (_, i) => {
    const w = columns[i]?.width;
    return typeof w === 'number' && Number.isFinite(w) && w > 0 ? w : null;
  });
  while (widths.length && widths[widths.length - 1] === null) widths.pop();
  return widths;
}

/** A formula cell the file keeps no result for (not an empty text, which is a result). */
function noResult(cell: ExcelJS.Cell): boolean {
  const result = safe(() => cell.result, undefined);
  return result === undefined || result === null;
}

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

function cellValue(cell: ExcelJS.Cell, date1904: boolean): CellValue {
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return null;
    case ExcelJS.ValueType.Formula:
      // cell.result, not cell.value.result: ExcelJS's value copy drops a cached 0 / false / ''.
      return plainValue(cell.result, date1904);
    default:
      return plainValue(cell.value, date1904);
  }
}

/** Any ExcelJS value (or formula result) → a snapshot value. */
function plainValue(v: unknown, date1904: boolean): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  // An empty string shows as an empty cell, and Office.js cannot tell them apart: both read as null.
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'boolean') return v;
  if (v instanceof Date) return dateToSerial(v, date1904);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.error === 'string') return { error: o.error };
    if (Array.isArray(o.richText)) return richTextOf(o.richText) || null;
    if ('formula' in o || 'sharedFormula' in o) return plainValue(o.result, date1904);
    if ('hyperlink' in o || 'text' in o) {
      const text = o.text;
      if (typeof text === 'string') return text || null;
      if (text && typeof text === 'object' && Array.isArray((text as { richText?: unknown }).richText)) {
        return richTextOf((text as { richText: unknown[] }).richText) || null;
      }
      return null;
    }
  }
  return null;
}

function richTextOf(runs: unknown[]): string {
  return runs.map((run) => (run && typeof (run as { text?: unknown }).text === 'string' ? (run as { text: string }).text : '')).join('');
}

/** The cell's font name when it is a legacy Vietnamese font (.VnTime, VNI-Times, …): the cell font, else a rich-text run's. */
function legacyFontOf(cell: ExcelJS.Cell): string | undefined {
  const name = cell.font?.name;
  if (typeof name === 'string' && encodingOfFont(name) !== undefined) return name;
  const v = cell.value as { richText?: { font?: { name?: unknown } }[] } | null;
  if (v && typeof v === 'object' && Array.isArray(v.richText)) {
    for (const run of v.richText) {
      const runFont = run?.font?.name;
      if (typeof runFont === 'string' && encodingOfFont(runFont) !== undefined) return runFont;
    }
  }
  return undefined;
}

function mergesOf(worksheet: ExcelJS.Worksheet): string[] {
  // `_merges` (master address → Range) is what `worksheet.model.merges` is built from, without
  // building the whole sheet model; fall back to the model when a version lacks it.
  const internal = (worksheet as unknown as { _merges?: Record<string, { top: number; left: number; bottom: number; right: number }> })._merges;
  const refs: string[] =
    internal && typeof internal === 'object'
      ? Object.values(internal).map((r) => rangeA1({ top: r.top, left: r.left, bottom: r.bottom, right: r.right }))
      : (worksheet.model.merges ?? []).map(String);
  return refs
    .map((ref) => parseRange(ref))
    .filter((r): r is NonNullable<typeof r> => r !== undefined)
    .sort((a, b) => a.top - b.top || a.left - b.left)
    .map(rangeA1);
}

interface TableModel {
  name?: string;
  displayName?: string;
  tableRef?: string;
  ref?: string;
}

function tablesOf(worksheet: ExcelJS.Worksheet): { name: string; range: string }[] {
  // getTables() is typed as [Table, void][] but returns Table objects, whose model is `.table`.
  const tables = (worksheet.getTables() as unknown as { table?: TableModel; model?: TableModel }[]) ?? [];
  const out: { name: string; range: string }[] = [];
  for (const t of tables) {
    const model = t?.table ?? t?.model;
    if (!model) continue;
    // tableRef: the whole table, header (and totals) rows included; `ref` of a new table is its top-left cell only.
    const range = parseRange(String(model.tableRef ?? model.ref ?? ''));
    const name = model.name ?? model.displayName;
    if (range && name) out.push({ name, range: rangeA1(range) });
  }
  return out;
}

interface LoadedTableModel extends TableModel {
  headerRow?: boolean;
  autoFilterRef?: string;
  columns?: { filterButton?: boolean }[];
}

/**
 * Excel omits headerRowCount="1" and filterColumn elements, as the defaults they are; ExcelJS reads
 * the omissions as "no header row" and "hidden filter button", and would write a file whose tables
 * have lost both. A table with an AutoFilter has a header row (Excel allows no AutoFilter without
 * one), and a column the AutoFilter does not mention shows its button.
 */
function repairLoadedTables(workbook: ExcelJS.Workbook): void {
  for (const worksheet of workbook.worksheets) {
    const tables = safe(() => worksheet.getTables() as unknown as { table?: LoadedTableModel }[], []);
    for (const t of tables ?? []) {
      const model = t?.table;
      if (!model?.autoFilterRef) continue;
      if (!model.headerRow) model.headerRow = true;
      for (const column of model.columns ?? []) {
        if (column && column.filterButton === undefined) column.filterButton = true;
      }
    }
  }
}

function definedNamesOf(workbook: ExcelJS.Workbook): DefinedName[] {
  const out: DefinedName[] = [];
  const model = safe(() => workbook.definedNames.model, []);
  for (const entry of model ?? []) {
    for (const ref of entry.ranges ?? []) {
      const parsed = parseSheetRange(ref);
      if (parsed) out.push({ name: entry.name, ...parsed });
    }
  }
  return out;
}

