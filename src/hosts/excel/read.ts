/**
 * Excel host, read step (docs/ARCHITECTURE.md "read"): the open workbook (Office.js) → WorkbookSnapshot,
 * the same plain data the xlsx host's snapshotOf gives for the same workbook.
 *
 * Round trips: where the answer fits one request, every load is queued before ONE `context.sync()`.
 * The sheets are not known before a sync, so they are reached by a chain `worksheets.getFirst()` →
 * `getNextOrNullObject()` … of SHEET_CHAIN links: links past the last sheet are null objects, and
 * everything queued on them is a null object too. A workbook with more sheets than the chain costs
 * one more sync per SHEET_CHAIN sheets; one with Excel Tables one more (a table's range comes only
 * from `table.getRange()`, on a table not known before the first sync).
 *
 * Answers stay under RESPONSE_BUDGET (Excel on the web refuses one over 5 MB): where the last read of
 * the workbook and what was written since say the whole would not fit (`expected`), or Excel refuses it, the read goes in two
 * steps — the outline (sheets, their used ranges' size, names, tables), then the cells in blocks of
 * rows, as many blocks per sync as the budget takes (a block Excel still refuses is halved).
 * Merged areas are asked per block of at most MERGE_CELLS cells: `getMergedAreasOrNullObject` fails
 * on a range holding more than 512 merged areas, and no block that small can hold more.
 *
 * What Office.js gives differently from the file, and how it is made the same:
 * - an empty cell reads as '' (null here, as the xlsx host reads an empty string);
 * - an error cell reads as its text ('#N/A') with valueTypes 'Error' → { error: '#N/A' };
 * - a cell without a number format reads 'General' (null here, as a cell the file gives no format);
 * - the used range may start after A1: values are placed from A1, and trimmed to the last value
 *   (a formatted empty cell widens Office's used range, not the snapshot's);
 * - fonts: legacy Vietnamese fonts (.VnTime, VNI-…) are read with `getCellProperties` (ExcelApi 1.9);
 *   a font set on a run of rich text inside a cell is not seen (the xlsx host sees it);
 * - merged areas: ExcelApi 1.13; below it no merges are read;
 * - hidden rows and columns: the used range's visible cells, `getSpecialCellsOrNullObject('Visible')`
 *   (ExcelApi 1.9), as addresses: a row or column no visible area covers is hidden;
 * - column widths (what an undo puts back): `getColumnProperties` (ExcelApi 1.9) on the first
 *   WIDTH_COLUMNS columns, in points, turned back into the file's width (widthOfPoints); a column
 *   of the standard width reads null. Below 1.9 none are read (an undo then leaves widths as they are).
 */
import { a1, columnLetters, parseRange, parseSheetRange, rangeA1, type RangePos } from '../../workbook/address';
import { encodingOfFont } from '../../workbook/reader/legacy-text';
import type { WritePlan } from '../../workbook/plan';
import { WIDTH_COLUMNS, type CellValue, type DefinedName, type SheetSnapshot, type WorkbookSnapshot } from '../../workbook/snapshot';
import { jsonBytes } from './bytes';
import { abilities, type IsSetSupported } from './requirements';

/** Links of the sheet chain queued per sync: an office workbook has a handful of sheets. */
export const SHEET_CHAIN = 40;
/** Bytes (UTF-8) an answer may take: Excel on the web refuses one over 5 MB. */
export const RESPONSE_BUDGET = 4_000_000;
/** Cells per merged-areas query: a range this small cannot hold more than the 512 merged areas Excel answers. */
export const MERGE_CELLS = 512;
/** What the answer costs per cell, beyond the values' own text: the value type, the number format, the font. */
const CELL_BYTES = { values: 14, formats: 12, fonts: 44 };
/** A cell's text as planned for when nothing is known of it (long names, dates as text). */
const UNKNOWN_TEXT_BYTES = 48;

export interface ReadOptions {
  /** Which requirement sets the host has (Office.context.requirements by default). */
  isSetSupported?: IsSetSupported;
  /** What the answer is expected to take, from the last read and what was written since (expectedAnswer): over the budget, the read goes in blocks at once, sized by it. */
  expected?: Expected;
  /** Values only (the write's check that nothing changed): no number formats, fonts, merges, tables, names. */
  valuesOnly?: boolean;
  /** Bytes an answer may take; RESPONSE_BUDGET unless a test says otherwise. */
  budget?: number;
}

/** What is read of the cells. */
interface Content {
  formats: boolean;
  fonts: boolean;
  merges: boolean;
  /** The visible cells, for the rows and columns the user hid. */
  hidden: boolean;
  /** The widths of the first columns (what an undo puts back). */
  widths: boolean;
  /** Names and tables too (not for the check). */
  outline: boolean;
}

/** Cells of one sheet as they came: a rectangle at (rowIndex, columnIndex), 0-based. */
interface Piece {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  valueTypes: string[][];
  numberFormat?: unknown[][];
  fonts?: Excel.CellProperties[][];
}

interface SheetRead {
  name: string;
  /** The used range, 0-based; absent for an empty sheet. */
  used?: { rowIndex: number; columnIndex: number; rowCount: number; columnCount: number };
  pieces: Piece[];
  merges: Set<string>;
  /** Visible areas (A1, sheet-qualified) of the cells read, where the host can tell. */
  visible?: string[];
  /** The first columns' widths (null: the standard width), where the host can tell. */
  widths?: (number | null)[];
}

export async function readWorkbook(context: Excel.RequestContext, options: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const can = abilities(options.isSetSupported);
  const content: Content = { formats: !options.valuesOnly, fonts: !options.valuesOnly && can.can('fonts'), merges: !options.valuesOnly && can.can('merges'), hidden: !options.valuesOnly && can.can('hidden'), widths: !options.valuesOnly && can.can('widths'), outline: !options.valuesOnly };
  const budget = options.budget ?? RESPONSE_BUDGET;
  if (options.expected === undefined || options.expected.bytes <= budget) {
    try {
      return await readWhole(context, content);
    } catch (e) {
      // Too big an answer, or too many merged areas for one query: the read goes in blocks.
      if (errorCode(e) === 'InvalidOperationInCellEditMode') throw e;
    }
  }
  return readInBlocks(context, content, budget, options.expected);
}

export const errorCode = (e: unknown): string | undefined => (e && typeof e === 'object' && 'code' in e ? String((e as { code: unknown }).code) : undefined);

/** Everything in one sync (more only for a long chain of sheets, and for Excel Tables). */
async function readWhole(context: Excel.RequestContext, content: Content): Promise<WorkbookSnapshot> {
  const outline = queueOutline(context, content);
  const queued: { sheet: Excel.Worksheet; used: Excel.Range; merged?: Excel.RangeAreas; visible?: Excel.RangeAreas; fonts?: OfficeExtension.ClientResult<Excel.CellProperties[][]>; widths?: Widths }[] = [];
  const queueChain = (first: Excel.Worksheet): Excel.Worksheet[] => {
    const chain = sheetChain(first);
    for (const sheet of chain) {
      sheet.load('name');
      // The values' used range is enough where only values are read (the check), and smaller.
      const used = sheet.getUsedRangeOrNullObject(!content.outline);
      used.load(['values', 'valueTypes', 'rowIndex', 'columnIndex', ...(content.formats ? ['numberFormat'] : [])]);
      queued.push({
        sheet,
        used,
        merged: content.merges ? loaded(used.getMergedAreasOrNullObject(), 'address') : undefined,
        fonts: content.fonts ? used.getCellProperties({ format: { font: { name: true } } }) : undefined,
        visible: content.hidden ? loaded(used.getSpecialCellsOrNullObject('Visible' as Excel.SpecialCellType), 'address') : undefined,
        widths: content.widths ? columnWidths(sheet) : undefined,
      });
    }
    return chain;
  };
  let chain = queueChain(context.workbook.worksheets.getFirst());
  await context.sync();
  // More sheets than the chain: go on after its last link (one more sync per SHEET_CHAIN sheets).
  while (!chain[chain.length - 1].isNullObject) {
    chain = queueChain(chain[chain.length - 1].getNextOrNullObject());
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each link is known only after the sync before it
    await context.sync();
  }
  const tables = await tableRanges(context, outline);
  const sheets: SheetRead[] = queued
    .filter((q) => !q.sheet.isNullObject)
    .map((q) => {
      const read: SheetRead = { name: q.sheet.name, pieces: [], merges: new Set(), widths: widthsOf(q.widths) };
      if (q.used.isNullObject) return read;
      const { values, valueTypes, rowIndex, columnIndex } = q.used;
      read.pieces.push({ rowIndex, columnIndex, values, valueTypes, numberFormat: content.formats ? q.used.numberFormat : undefined, fonts: q.fonts?.value });
      if (q.merged && !q.merged.isNullObject) for (const m of q.merged.address.split(',')) read.merges.add(m);
      if (q.visible) read.visible = q.visible.isNullObject ? [] : q.visible.address.split(',');
      return read;
    });
  return snapshotOf(sheets, outline, tables);
}

/** The outline, then the cells in blocks of rows sized to the budget. */
async function readInBlocks(context: Excel.RequestContext, content: Content, budget: number, expected?: Expected): Promise<WorkbookSnapshot> {
  const outline = queueOutline(context, content);
  const sheets: SheetRead[] = [];
  const queueChain = (first: Excel.Worksheet): Excel.Worksheet[] => {
    const chain = sheetChain(first);
    for (const sheet of chain) {
      sheet.load('name');
      const used = sheet.getUsedRangeOrNullObject(!content.outline);
      used.load('rowIndex,columnIndex,rowCount,columnCount');
      queuedUsed.push({ sheet, used, widths: content.widths ? columnWidths(sheet) : undefined });
    }
    return chain;
  };
  const queuedUsed: { sheet: Excel.Worksheet; used: Excel.Range; widths?: Widths }[] = [];
  let chain = queueChain(context.workbook.worksheets.getFirst());
  await context.sync();
  while (!chain[chain.length - 1].isNullObject) {
    chain = queueChain(chain[chain.length - 1].getNextOrNullObject());
    // eslint-disable-next-line office-addins/no-context-sync-in-loop -- each link is known only after the sync before it
    await context.sync();
  }
  for (const q of queuedUsed) {
    if (q.sheet.isNullObject) continue;
    const used = q.used.isNullObject ? undefined : { rowIndex: q.used.rowIndex, columnIndex: q.used.columnIndex, rowCount: q.used.rowCount, columnCount: q.used.columnCount };
    sheets.push({ name: q.sheet.name, used, pieces: [], merges: new Set(), widths: widthsOf(q.widths) });
  }
  const tables = await tableRanges(context, outline);

  // Blocks of rows, each within the budget (a row's bytes as the last read of its sheet says, else
  // as a row of unknown text), as many per sync as the budget takes.
  const perCell = CELL_BYTES.values + UNKNOWN_TEXT_BYTES + (content.formats ? CELL_BYTES.formats : 0) + (content.fonts ? CELL_BYTES.fonts : 0);
  const blocks: Block[] = [];
  for (const sheet of sheets) {
    if (!sheet.used) continue;
    const { rowIndex, columnIndex, rowCount, columnCount } = sheet.used;
    const known = expected?.sheets[sheet.name.toLowerCase()];
    const rowBytes = known ? (1.2 * known) / rowCount : perCell * columnCount;
    const rows = Math.max(1, Math.floor(budget / rowBytes));
    for (let r = 0; r < rowCount; r += rows) blocks.push({ sheet, rowIndex: rowIndex + r, columnIndex, rowCount: Math.min(rows, rowCount - r), columnCount, bytes: Math.min(rows, rowCount - r) * rowBytes });
  }
  let batch: Block[] = [];
  let bytes = 0;
  for (const block of blocks) {
    const cost = block.bytes;
    if (batch.length && bytes + cost > budget) {
      await readBlocks(context, batch, content);
      batch = [];
      bytes = 0;
    }
    batch.push(block);
    bytes += cost;
  }
  if (batch.length) await readBlocks(context, batch, content);
  return snapshotOf(sheets, outline, tables);
}

interface Block {
  sheet: SheetRead;
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
  /** What its answer is expected to take. */
  bytes: number;
}

/** One sync for some blocks; one Excel still finds too big is halved and read again. */
async function readBlocks(context: Excel.RequestContext, blocks: Block[], content: Content): Promise<void> {
  const queued = blocks.map((block) => {
    const sheet = context.workbook.worksheets.getItem(block.sheet.name);
    const range = sheet.getRangeByIndexes(block.rowIndex, block.columnIndex, block.rowCount, block.columnCount);
    range.load(['values', 'valueTypes', ...(content.formats ? ['numberFormat'] : [])]);
    const fonts = content.fonts ? range.getCellProperties({ format: { font: { name: true } } }) : undefined;
    // Merged areas per part of at most MERGE_CELLS cells (rows of the block, columns cut only where one row is wider).
    const merged: Excel.RangeAreas[] = [];
    if (content.merges) {
      const cols = Math.min(block.columnCount, MERGE_CELLS);
      const rows = Math.max(1, Math.floor(MERGE_CELLS / cols));
      for (let r = 0; r < block.rowCount; r += rows)
        for (let c = 0; c < block.columnCount; c += cols)
          merged.push(loaded(sheet.getRangeByIndexes(block.rowIndex + r, block.columnIndex + c, Math.min(rows, block.rowCount - r), Math.min(cols, block.columnCount - c)).getMergedAreasOrNullObject(), 'address'));
    }
    const visible = content.hidden ? loaded(range.getSpecialCellsOrNullObject('Visible' as Excel.SpecialCellType), 'address') : undefined;
    return { block, range, fonts, merged, visible };
  });
  try {
    await context.sync();
  } catch (e) {
    const big = blocks.find((b) => b.rowCount > 1);
    if (errorCode(e) !== 'ResponsePayloadSizeLimitExceeded' || !big) throw e;
    // Halve every block (a few more syncs), and read them again.
    const halves = blocks.flatMap((b) => (b.rowCount > 1 ? [{ ...b, rowCount: Math.ceil(b.rowCount / 2), bytes: b.bytes / 2 }, { ...b, rowIndex: b.rowIndex + Math.ceil(b.rowCount / 2), rowCount: Math.floor(b.rowCount / 2), bytes: b.bytes / 2 }] : [b]));
    const mid = Math.ceil(halves.length / 2);
    await readBlocks(context, halves.slice(0, mid), content);
    await readBlocks(context, halves.slice(mid), content);
    return;
  }
  for (const q of queued) {
    q.block.sheet.pieces.push({ rowIndex: q.block.rowIndex, columnIndex: q.block.columnIndex, values: q.range.values, valueTypes: q.range.valueTypes, numberFormat: content.formats ? q.range.numberFormat : undefined, fonts: q.fonts?.value });
    for (const areas of q.merged) if (!areas.isNullObject) for (const m of areas.address.split(',')) q.block.sheet.merges.add(m);
    if (q.visible) q.block.sheet.visible = [...(q.block.sheet.visible ?? []), ...(q.visible.isNullObject ? [] : q.visible.address.split(','))];
  }
}

type Widths = OfficeExtension.ClientResult<Excel.ColumnProperties[]>;

/** The widths of a sheet's first WIDTH_COLUMNS columns, queued. */
function columnWidths(sheet: Excel.Worksheet): Widths {
  return sheet.getRange(`A1:${columnLetters(WIDTH_COLUMNS)}1`).getColumnProperties({ format: { columnWidth: true, useStandardWidth: true } });
}

/** Widths in the file's units (null: the standard width), trailing standard ones left out. */
function widthsOf(result: Widths | undefined): (number | null)[] | undefined {
  if (!result) return undefined;
  const widths = (result.value ?? []).map((c) => (c.format?.useStandardWidth || typeof c.format?.columnWidth !== 'number' ? null : widthOfPoints(c.format.columnWidth)));
  while (widths.length && widths[widths.length - 1] === null) widths.pop();
  return widths;
}

/** A column's width in points (whole pixels) → its width in the file's units (characters of 7 pixels), the inverse of widthPoints. */
export function widthOfPoints(points: number): number {
  return Math.round((points / 0.75 / 7) * 100) / 100;
}

/** The links of a chain of sheets from `first`. */
function sheetChain(first: Excel.Worksheet): Excel.Worksheet[] {
  const chain: Excel.Worksheet[] = [];
  for (let i = 0, ws = first; i < SHEET_CHAIN; i++, ws = ws.getNextOrNullObject()) chain.push(ws);
  return chain;
}

function loaded<T extends { load(p: string): T }>(object: T, properties: string): T {
  return object.load(properties);
}

interface Outline {
  names?: Excel.NamedItemCollection;
  tables?: Excel.TableCollection;
}

function queueOutline(context: Excel.RequestContext, content: Content): Outline {
  if (!content.outline) return {};
  const names = context.workbook.names;
  names.load('items/name,items/type,items/formula');
  const tables = context.workbook.tables;
  tables.load('items/name,items/worksheet/name');
  return { names, tables };
}

/** Table ranges: one more sync, only when the workbook has tables. */
async function tableRanges(context: Excel.RequestContext, outline: Outline): Promise<{ name: string; sheet: string; address: string }[]> {
  const queued = (outline.tables?.items ?? []).map((t) => ({ name: t.name, sheet: t.worksheet.name, range: loaded(t.getRange(), 'address') }));
  if (!queued.length) return [];
  await context.sync();
  return queued.map((t) => ({ name: t.name, sheet: t.sheet, address: t.range.address }));
}

/** What reading a workbook will answer (UTF-8 bytes, roughly): in all, and by sheet (lower case). */
export interface Expected {
  bytes: number;
  sheets: Record<string, number>;
}

/**
 * What reading the workbook again will answer: the cells of the last read and those written since
 * (a plan's blocks), each with its value type (number format and font too, unless values only), texts
 * as JSON writes them (quotes escaped).
 */
export function expectedAnswer(last: Pick<WorkbookSnapshot, 'sheets'>, written: Pick<WritePlan, 'blocks'> = { blocks: [] }, valuesOnly = false): Expected {
  const perCell = CELL_BYTES.values + (valuesOnly ? 0 : CELL_BYTES.formats + CELL_BYTES.fonts);
  const out: Expected = { bytes: 0, sheets: {} };
  const add = (sheet: string, v: unknown) => {
    const bytes = perCell + (typeof v === 'string' ? jsonBytes(v) : 0);
    out.bytes += bytes;
    out.sheets[sheet] = (out.sheets[sheet] ?? 0) + bytes;
  };
  for (const sheet of last.sheets) for (const row of sheet.values) for (const v of row) add(sheet.name.toLowerCase(), v);
  for (const block of written.blocks) for (const row of block.cells) for (const c of row) add(block.sheet.toLowerCase(), c.value);
  return out;
}

function snapshotOf(sheets: SheetRead[], outline: Outline, tables: { name: string; sheet: string; address: string }[]): WorkbookSnapshot {
  return {
    sheets: sheets.map((read) => {
      const snapshot = sheetOf(read);
      snapshot.tables = tables
        .filter((t) => t.sheet === read.name)
        .flatMap((t) => {
          const r = parseRange(t.address);
          return r ? [{ name: t.name, range: rangeA1(r) }] : [];
        });
      return snapshot;
    }),
    names: outline.names ? definedNamesOf(outline.names.items) : [],
  };
}

function sheetOf(read: SheetRead): SheetSnapshot {
  const snapshot: SheetSnapshot = { name: read.name, values: [], numberFormats: [], merges: [], tables: [] };
  let rows = 0;
  let cols = 0;
  const cells: { row: number; col: number; value: CellValue; format: string | null }[] = [];
  const fonts: Record<string, string> = {};
  for (const piece of read.pieces)
    piece.values.forEach((line, i) =>
      line.forEach((raw, j) => {
        const row = piece.rowIndex + i + 1;
        const col = piece.columnIndex + j + 1;
        const value = cellValue(raw, piece.valueTypes[i]?.[j]);
        const format = piece.numberFormat?.[i]?.[j];
        const fontName = piece.fonts?.[i]?.[j]?.format?.font?.name;
        if (typeof fontName === 'string' && encodingOfFont(fontName) !== undefined) fonts[a1(row, col)] = fontName;
        cells.push({ row, col, value, format: typeof format === 'string' && format !== 'General' ? format : null });
        if (value !== null) {
          rows = Math.max(rows, row);
          cols = Math.max(cols, col);
        }
      }),
    );
  snapshot.values = Array.from({ length: rows }, () => new Array<CellValue>(cols).fill(null));
  snapshot.numberFormats = Array.from({ length: rows }, () => new Array<string | null>(cols).fill(null));
  for (const c of cells) {
    if (c.row > rows || c.col > cols) continue;
    snapshot.values[c.row - 1][c.col - 1] = c.value;
    snapshot.numberFormats![c.row - 1][c.col - 1] = c.format;
  }
  snapshot.merges = [...read.merges]
    .map((ref) => parseRange(ref))
    .filter((r): r is RangePos => r !== undefined)
    .sort((a, b) => a.top - b.top || a.left - b.left)
    .map(rangeA1);
  if (Object.keys(fonts).length > 0) snapshot.fonts = fonts;
  if (read.visible?.length) hiddenOf(snapshot, read.visible, read.pieces);
  if (read.widths?.length) snapshot.widths = read.widths;
  return snapshot;
}

/** Rows and columns of the cells read that no visible area covers (within the values kept). */
function hiddenOf(snapshot: SheetSnapshot, visible: string[], pieces: Piece[]): void {
  const areas = visible.map((ref) => parseRange(ref)).filter((r): r is RangePos => r !== undefined);
  const rows = snapshot.values.length;
  const cols = snapshot.values.reduce((m, r) => Math.max(m, r.length), 0);
  const hiddenRows = new Set<number>();
  const hiddenColumns = new Set<number>();
  for (const p of pieces) {
    for (let r = p.rowIndex + 1; r <= Math.min(rows, p.rowIndex + p.values.length); r++) if (!areas.some((a) => r >= a.top && r <= a.bottom)) hiddenRows.add(r);
    for (let c = p.columnIndex + 1; c <= Math.min(cols, p.columnIndex + (p.values[0]?.length ?? 0)); c++) if (!areas.some((a) => c >= a.left && c <= a.right)) hiddenColumns.add(c);
  }
  if (hiddenRows.size) snapshot.hiddenRows = [...hiddenRows].sort((a, b) => a - b);
  if (hiddenColumns.size) snapshot.hiddenColumns = [...hiddenColumns].sort((a, b) => a - b);
}

function cellValue(raw: unknown, type: string | undefined): CellValue {
  if (type === 'Error') return { error: String(raw) };
  if (raw === null || raw === undefined || raw === '') return null;
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw === 'boolean' || typeof raw === 'string') return raw;
  return null;
}

/** Workbook-level names that point at one range on one sheet ("=Sheet!$A$1:$B$2"). */
function definedNamesOf(items: Excel.NamedItem[]): DefinedName[] {
  const out: DefinedName[] = [];
  for (const item of items) {
    if (item.type !== 'Range') continue;
    const parsed = parseSheetRange(String(item.formula).replace(/^=/, ''));
    if (parsed) out.push({ name: item.name, ...parsed });
  }
  return out;
}
