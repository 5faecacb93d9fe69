/**
 * Excel host, read step (docs/ARCHITECTURE.md "read"): the open workbook (Office.js) → WorkbookSnapshot,
 * the same plain data the xlsx host's snapshotOf gives for the same workbook.
 *
 * Round trips: every load is queued before ONE `context.sync()`. The sheets are not known before a
 * sync, so they are reached by a chain `worksheets.getFirst()` → `getNextOrNullObject()` … of
 * SHEET_CHAIN links: links past the last sheet are null objects, and everything queued on them
 * (used range, merged areas) is a null object too. A workbook with more sheets than the chain
 * costs one more sync per SHEET_CHAIN sheets. A workbook with Excel Tables costs one more sync:
 * a table's range comes only from `table.getRange()`, a method on a table that is not known before
 * the first sync.
 *
 * What Office.js gives differently from the file, and how it is made the same:
 * - an empty cell reads as '' (null here, as the xlsx host reads an empty string);
 * - an error cell reads as its text ('#N/A') with valueTypes 'Error' → { error: '#N/A' };
 * - a cell without a number format reads 'General' (null here, as a cell the file gives no format);
 * - the used range may start after A1: values are placed from A1, and trimmed to the last value
 *   (a formatted empty cell widens Office's used range, not the snapshot's);
 * - fonts: legacy Vietnamese fonts (.VnTime, VNI-…) are read with `getCellProperties` (ExcelApi 1.9)
 *   in the same sync; a font set on a run of rich text inside a cell is not seen (the xlsx host sees it);
 * - merged areas: `getMergedAreasOrNullObject()` (ExcelApi 1.13); below 1.13 no merges are read.
 * - column widths (what an undo puts back): `getColumnProperties` (ExcelApi 1.9) on the first
 *   WIDTH_COLUMNS columns, in points, turned back into the file's width (widthOfPoints); a column
 *   of the standard width reads null. Below 1.9 none are read (an undo then leaves widths as they are).
 */
import { a1, columnLetters, parseRange, parseSheetRange, rangeA1 } from '../../workbook/address';
import { encodingOfFont } from '../../workbook/reader/legacy-text';
import { WIDTH_COLUMNS, type CellValue, type DefinedName, type SheetSnapshot, type WorkbookSnapshot } from '../../workbook/snapshot';
import { supports, type IsSetSupported } from './requirements';

/** Links of the sheet chain queued per sync: an office workbook has a handful of sheets. */
export const SHEET_CHAIN = 40;

interface QueuedSheet {
  sheet: Excel.Worksheet;
  used: Excel.Range;
  merged?: Excel.RangeAreas;
  fonts?: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  widths?: OfficeExtension.ClientResult<Excel.ColumnProperties[]>;
}

export interface ReadOptions {
  /** Which requirement sets the host has (Office.context.requirements by default). */
  isSetSupported?: IsSetSupported;
}

export async function readWorkbook(context: Excel.RequestContext, options: ReadOptions = {}): Promise<WorkbookSnapshot> {
  const has = supports(options.isSetSupported);
  const withMerges = has('ExcelApi', '1.13');
  const withFonts = has('ExcelApi', '1.9');

  const names = context.workbook.names;
  names.load('items/name,items/type,items/formula');
  const tables = context.workbook.tables;
  tables.load('items/name,items/worksheet/name');

  const queued: QueuedSheet[] = [];
  const queueChain = (first: Excel.Worksheet): Excel.Worksheet[] => {
    const chain: Excel.Worksheet[] = [];
    for (let i = 0, ws = first; i < SHEET_CHAIN; i++, ws = ws.getNextOrNullObject()) chain.push(ws);
    for (const sheet of chain) {
      sheet.load('name');
      const used = sheet.getUsedRangeOrNullObject(false);
      used.load('values,valueTypes,numberFormat,rowIndex,columnIndex');
      const q: QueuedSheet = { sheet, used };
      if (withMerges) {
        q.merged = used.getMergedAreasOrNullObject();
        q.merged.load('address');
      }
      if (withFonts) {
        q.fonts = used.getCellProperties({ format: { font: { name: true } } });
        q.widths = sheet.getRange(`A1:${columnLetters(WIDTH_COLUMNS)}1`).getColumnProperties({ format: { columnWidth: true, useStandardWidth: true } });
      }
      queued.push(q);
    }
    return chain;
  };
  let chain = queueChain(context.workbook.worksheets.getFirst());
  await context.sync();
  // More sheets than the chain: go on after its last link (one more sync per SHEET_CHAIN sheets).
  while (!chain[chain.length - 1].isNullObject) {
    chain = queueChain(chain[chain.length - 1].getNextOrNullObject());
    await context.sync();
  }

  // Table ranges: one more sync, only when the workbook has tables.
  const tableRanges = tables.items.map((t) => {
    const range = t.getRange();
    range.load('address');
    return { name: t.name, sheet: t.worksheet.name, range };
  });
  if (tableRanges.length) await context.sync();

  const sheets: SheetSnapshot[] = [];
  for (const q of queued) {
    if (q.sheet.isNullObject) continue;
    const name = q.sheet.name;
    const snapshot = sheetOf(name, q, withFonts);
    snapshot.tables = tableRanges
      .filter((t) => t.sheet === name)
      .flatMap((t) => {
        const r = parseRange(t.range.address);
        return r ? [{ name: t.name, range: rangeA1(r) }] : [];
      });
    sheets.push(snapshot);
  }
  return { sheets, names: definedNamesOf(names.items) };
}

function sheetOf(name: string, q: QueuedSheet, withFonts: boolean): SheetSnapshot {
  const snapshot: SheetSnapshot = { name, values: [], numberFormats: [], merges: [], tables: [] };
  const widths = (q.widths?.value ?? []).map((c) => (c.format?.useStandardWidth || typeof c.format?.columnWidth !== 'number' ? null : widthOfPoints(c.format.columnWidth)));
  while (widths.length && widths[widths.length - 1] === null) widths.pop();
  if (q.used.isNullObject) return withWidths(snapshot, widths);
  const { values, valueTypes, numberFormat, rowIndex, columnIndex } = q.used;
  let rows = 0;
  let cols = 0;
  const cells: { row: number; col: number; value: CellValue; format: string | null }[] = [];
  const fonts: Record<string, string> = {};
  const fontGrid = withFonts && q.fonts ? q.fonts.value : undefined;
  values.forEach((line, i) =>
    line.forEach((raw, j) => {
      const row = rowIndex + i + 1;
      const col = columnIndex + j + 1;
      const value = cellValue(raw, valueTypes[i]?.[j]);
      const format = numberFormat[i]?.[j];
      const fontName = fontGrid?.[i]?.[j]?.format?.font?.name;
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
  if (q.merged && !q.merged.isNullObject) {
    snapshot.merges = q.merged.address
      .split(',')
      .map((ref) => parseRange(ref))
      .filter((r): r is NonNullable<typeof r> => r !== undefined)
      .sort((a, b) => a.top - b.top || a.left - b.left)
      .map(rangeA1);
  }
  if (Object.keys(fonts).length > 0) snapshot.fonts = fonts;
  return withWidths(snapshot, widths);
}

function withWidths(snapshot: SheetSnapshot, widths: (number | null)[]): SheetSnapshot {
  if (widths.length) snapshot.widths = widths;
  return snapshot;
}

/** A column's width in points (whole pixels) → its width in the file's units (characters of 7 pixels), the inverse of widthPoints. */
export function widthOfPoints(points: number): number {
  return Math.round((points / 0.75 / 7) * 100) / 100;
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

