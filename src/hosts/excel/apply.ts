/**
 * Excel host, apply step (docs/ARCHITECTURE.md "apply"): a WritePlan → the open workbook (Office.js),
 * in the order every host uses (src/hosts/xlsx/apply.ts): drop the owned sheets of an earlier run,
 * clear the owned areas, reset the owned defined names, create the plan's sheets (page laid out for
 * printing), write the blocks, set widths; then protect the sheets that are protected (a locked cell
 * of a protected sheet cannot be written, so protection comes last).
 *
 * Every command is queued and synced once; more syncs only where the queued payload (JSON size of
 * the values, formats and notes) would pass Excel on the web's 5 MB request limit (PAYLOAD_LIMIT).
 * Formats are set per run of equal cells down a column of a block (one format call per run), not
 * per cell; values and number formats per block (one 2-D array each).
 *
 * Office.js traps handled here:
 * - a text value is read as if typed ('007' → 7, '02/09/1990' → a date, '=…' → a formula): text that
 *   Excel would read as something else is written with a leading apostrophe (see asTyped);
 * - a value in a merged cell other than the top-left one is refused: such cells are written empty;
 * - names are not known without a read: the snapshot the run was planned from gives them (`before`),
 *   so the owned names of the earlier run are deleted, and the names pointing into a dropped sheet
 *   (Excel keeps them as #REF!; the xlsx host drops them) are deleted too;
 * - column widths are points in Office.js, characters in the plan: converted for the default font
 *   (Calibri 11, 7-pixel digits) as Excel converts them;
 * - `range.clear('All')` is taken to remove the notes of the range with its contents and formats.
 * - a block with `formatsFrom` (result columns beside a user's table) first takes that column's
 *   formats row by row with `copyFrom(…, 'Formats')` (ExcelApi 1.9; below it the cells keep their own).
 *
 * To be confirmed in real Excel (the test double assumes them): clear('All') removes notes; adding a
 * note where one is refuses (so notes are only added on cleared or new cells); copyFrom of a one-column
 * source over one column; the width conversion for a workbook whose default font is not Calibri 11.
 */
import { a1, absoluteA1, columnLetters, parseRange, quotedSheet, type RangePos } from '../../workbook/address';
import { HEADER_FOOTER_INCHES, HEADER_FOOTER_SIZE } from '../../workbook/render/page-layout';
import { OWNED_PREFIX, type PlanCell, type PlanSheet, type WriteBlock, type WritePlan } from '../../workbook/plan';
import type { WorkbookSnapshot } from '../../workbook/snapshot';
import { noteKind, supports, type IsSetSupported } from './requirements';

/** Excel on the web refuses a request over 5 MB: a sync is made before the queued payload passes this. */
export const PAYLOAD_LIMIT = 4_000_000;

const POINTS_PER_MM = 72 / 25.4;

export interface ApplyOptions {
  /** The snapshot the plan was made from (its names and sheets): what is already there. */
  before?: Pick<WorkbookSnapshot, 'names' | 'sheets'>;
  isSetSupported?: IsSetSupported;
  /** Payload (JSON characters) after which a sync is made; PAYLOAD_LIMIT unless a test says otherwise. */
  payloadLimit?: number;
}

export async function applyPlan(context: Excel.RequestContext, plan: WritePlan, options: ApplyOptions = {}): Promise<{ syncs: number }> {
  const has = supports(options.isSetSupported);
  const limit = options.payloadLimit ?? PAYLOAD_LIMIT;
  const book = context.workbook;
  let syncs = 0;
  let payload = 0;
  /** Counts a command's payload; syncs first when it would take the batch past the limit. */
  const send = async (size: number): Promise<void> => {
    if (payload > 0 && payload + size > limit) {
      await context.sync();
      syncs++;
      payload = 0;
    }
    payload += size;
  };

  // Without the snapshot, every sheet the plan names is taken to be there (a plan writes only on
  // sheets it read or creates), and a sheet the plan creates to be new.
  const known = options.before !== undefined;
  const before = options.before ?? { names: [], sheets: [] };
  const sheets = new Set(before.sheets.map((s) => s.name.toLowerCase()));
  const dropped = new Set<string>();
  const exists = (name: string): boolean => (!known || sheets.has(name.toLowerCase())) && !dropped.has(name.toLowerCase());
  const sheetOf = (name: string) => book.worksheets.getItem(name);

  // Drop the owned sheets of an earlier run.
  for (const name of plan.dropSheets ?? []) {
    if (!exists(name)) continue;
    sheetOf(name).delete();
    sheets.delete(name.toLowerCase());
    dropped.add(name.toLowerCase());
  }

  // Clear the owned areas (values, formats, notes).
  for (const area of plan.clear) {
    if (!exists(area.sheet) || !parseRange(area.range)) continue;
    sheetOf(area.sheet).getRange(area.range).clear('All');
  }

  // Names: the earlier run's owned ones, the ones the plan sets, and those into a dropped sheet go.
  const wanted = new Set(plan.names.map((n) => n.name));
  for (const n of before.names) {
    if (n.name.startsWith(OWNED_PREFIX) || wanted.has(n.name) || dropped.has(n.sheet.toLowerCase())) book.names.getItem(n.name).delete();
  }
  // Created sheets replace any of their name first, so their names are added once they exist.
  const created = new Set((plan.sheets ?? []).map((s) => s.name.toLowerCase()));
  const addName = (n: WritePlan['names'][number]) => {
    const r = parseRange(n.range);
    if (r) book.names.add(n.name, `=${quotedSheet(n.sheet)}!${absoluteA1(r)}`);
  };
  for (const n of plan.names) if (!created.has(n.sheet.toLowerCase())) addName(n);

  // Sheets created whole.
  const sheetFonts = new Map<string, PlanSheet['font']>();
  const merges = new Map<string, RangePos[]>();
  for (const s of before.sheets) merges.set(s.name.toLowerCase(), s.merges.flatMap((m) => parseRange(m) ?? []));
  for (const sheet of plan.sheets ?? []) {
    const key = sheet.name.toLowerCase();
    if (known && sheets.has(key)) sheetOf(sheet.name).delete();
    const ws = book.worksheets.add(sheet.name);
    sheets.add(key);
    dropped.delete(key);
    sheetFonts.set(key, sheet.font);
    merges.set(key, sheet.merges.flatMap((m) => parseRange(m) ?? []));
    layOut(ws, sheet, has);
  }
  for (const n of plan.names) if (created.has(n.sheet.toLowerCase())) addName(n);

  // Blocks.
  const notes = noteKind(has);
  for (const block of plan.blocks) {
    const key = block.sheet.toLowerCase();
    if (!exists(block.sheet)) {
      book.worksheets.add(block.sheet);
      sheets.add(key);
    }
    await writeBlock(sheetOf(block.sheet), block, sheetFonts.get(key), merges.get(key) ?? [], notes, send, has('ExcelApi', '1.9'));
  }

  // Widths (in characters → points).
  for (const w of plan.widths ?? []) {
    if (exists(w.sheet)) sheetOf(w.sheet).getRange(`${columnLetters(w.col)}1`).format.columnWidth = widthPoints(w.width);
  }

  // Protection last: a protected sheet's locked cells cannot be written.
  for (const sheet of plan.sheets ?? []) if (sheet.protect) sheetOf(sheet.name).protection.protect();

  await context.sync();
  return { syncs: syncs + 1 };
}

/** A sheet's widths, merges, rows, page breaks, print layout and visibility. */
function layOut(ws: Excel.Worksheet, sheet: PlanSheet, has: IsSetSupported): void {
  sheet.widths.forEach((width, i) => {
    ws.getRange(`${columnLetters(i + 1)}1`).format.columnWidth = widthPoints(width);
  });
  for (const m of sheet.merges) ws.getRange(m).merge(false);
  for (const h of sheet.heights ?? []) ws.getRange(`A${h.row}`).format.rowHeight = h.height;
  if (sheet.hidden && has('ExcelApi', '1.7')) ws.visibility = 'VeryHidden' as Excel.SheetVisibility;
  if (!has('ExcelApi', '1.9')) return;
  const { page } = sheet;
  const layout = ws.pageLayout;
  layout.orientation = page.orientation === 'landscape' ? ('Landscape' as Excel.PageOrientation) : ('Portrait' as Excel.PageOrientation);
  layout.paperSize = 'A4' as Excel.PaperType;
  layout.topMargin = page.margins.top * POINTS_PER_MM;
  layout.bottomMargin = page.margins.bottom * POINTS_PER_MM;
  layout.leftMargin = page.margins.left * POINTS_PER_MM;
  layout.rightMargin = page.margins.right * POINTS_PER_MM;
  layout.headerMargin = HEADER_FOOTER_INCHES * 72;
  layout.footerMargin = HEADER_FOOTER_INCHES * 72;
  // At the plan's scale where it breaks the pages itself (Excel ignores manual breaks on a sheet fit
  // to pages); else one page wide, as many pages high as it takes.
  layout.zoom = page.scale ? { scale: page.scale } : { horizontalFitToPages: 1, verticalFitToPages: 0 };
  // Each sheet numbers its own pages from 1, also when the whole workbook is printed at once.
  layout.firstPageNumber = 1;
  // A hidden sheet has no print area, titles or breaks (as the xlsx host).
  if (!sheet.hidden) {
    if (parseRange(page.printArea)) layout.setPrintArea(page.printArea);
    if (page.repeatRows) layout.setPrintTitleRows(`$${page.repeatRows.from}:$${page.repeatRows.to}`);
    for (const row of sheet.breaks ?? []) ws.horizontalPageBreaks.add(`A${row + 1}`);
  }
  const hf = layout.headersFooters.defaultForAllPages;
  hf.centerFooter = headerFooterText(sheet, page.footer);
  if (page.header) hf.centerHeader = headerFooterText(sheet, page.header);
}

/** The same codes as the xlsx host's (without its '&C': this is the centre section). */
function headerFooterText(sheet: PlanSheet, text: string): string {
  return `&"${sheet.font.name.replace(/"/g, '')},Regular"&${HEADER_FOOTER_SIZE}${/^\d/.test(text) ? ' ' : ''}${text}`;
}

/** Characters (of the default font's digit, 7 px, plus 5 px padding) → points. */
export function widthPoints(chars: number): number {
  return (Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7)) * 0.75;
}

/** Points → characters, the inverse of widthPoints (to two decimals). */
export function widthChars(points: number): number {
  return Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
}

type Send = (size: number) => Promise<void>;

async function writeBlock(
  ws: Excel.Worksheet,
  block: WriteBlock,
  font: PlanSheet['font'] | undefined,
  merges: RangePos[],
  notes: 'notes' | 'comments' | 'none',
  send: Send,
  copyFormats: boolean,
): Promise<void> {
  const rows = block.cells.length;
  const cols = Math.max(0, ...block.cells.map((r) => r.length));
  if (!rows || !cols) return;
  const slave = (row: number, col: number) => merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left));
  const cell = (i: number, j: number): PlanCell | undefined => block.cells[i]?.[j];
  const range = ws.getRange(`${a1(block.row, block.col)}:${a1(block.row + rows - 1, block.col + cols - 1)}`);

  // Result columns beside a user's table first take that table's column formats, row by row
  // (copyFrom formats, ExcelApi 1.9: one call per column of the block, the source one column wide).
  if (block.formatsFrom !== undefined && copyFormats) {
    const from = `${a1(block.row, block.formatsFrom)}:${a1(block.row + rows - 1, block.formatsFrom)}`;
    for (let j = 0; j < cols; j++) {
      await send(from.length);
      ws.getRange(`${a1(block.row, block.col + j)}:${a1(block.row + rows - 1, block.col + j)}`).copyFrom(from, 'Formats');
    }
  }

  const values = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (slave(block.row + i, block.col + j) ? '' : asTyped(cell(i, j)?.value ?? null))),
  );
  await send(JSON.stringify(values).length);
  range.values = values;

  // On a sheet the plan creates every cell is in the sheet's font, centred in its row.
  if (font) {
    range.format.font.name = font.name;
    range.format.font.size = font.size;
    range.format.verticalAlignment = 'Center' as Excel.VerticalAlignment;
  }
  // Number formats only when some cell has one (a cell without keeps what it has).
  if (block.cells.some((r) => r.some((c) => c.numberFormat !== undefined))) {
    for (let j = 0; j < cols; j++) {
      for (const run of runsDown(rows, (i) => cell(i, j)?.numberFormat ?? null)) {
        if (run.key === null) continue;
        const formats = Array.from({ length: run.to - run.from + 1 }, () => [run.key as string]);
        await send(JSON.stringify(formats).length);
        columnRun(ws, block, j, run).numberFormat = formats;
      }
    }
  }
  for (let j = 0; j < cols; j++) {
    for (const run of runsDown(rows, (i) => formatKey(cell(i, j)))) {
      const c = cell(run.from, j);
      if (!c || run.key === '{}') continue;
      await send(run.key.length);
      const format = columnRun(ws, block, j, run).format;
      if (c.fill !== undefined) format.fill.color = `#${c.fill}`;
      if (c.color !== undefined) format.font.color = `#${c.color}`;
      if (c.bold !== undefined) format.font.bold = c.bold;
      if (c.italic !== undefined) format.font.italic = c.italic;
      if (c.size !== undefined) format.font.size = c.size;
      if (c.border) for (const edge of EDGES) format.borders.getItem(edge as Excel.BorderIndex).style = 'Continuous' as Excel.BorderLineStyle;
      if (c.wrap) {
        format.wrapText = true;
        format.verticalAlignment = 'Center' as Excel.VerticalAlignment;
        format.horizontalAlignment = 'Center' as Excel.HorizontalAlignment;
      }
      if (c.align !== undefined) format.horizontalAlignment = ALIGN[c.align];
      if (c.unlocked) format.protection.locked = false;
    }
  }
  if (notes === 'none') return;
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const note = cell(i, j)?.note;
      if (!note) continue;
      await send(note.length + 16);
      const at = a1(block.row + i, block.col + j);
      if (notes === 'notes') ws.notes.add(at, note);
      else ws.comments.add(at, note);
    }
}

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'];
const ALIGN: Record<NonNullable<PlanCell['align']>, Excel.HorizontalAlignment> = {
  left: 'Left' as Excel.HorizontalAlignment,
  center: 'Center' as Excel.HorizontalAlignment,
  right: 'Right' as Excel.HorizontalAlignment,
};

/** The format a cell asks for, as a key: cells with equal keys take one format call. */
function formatKey(c: PlanCell | undefined): string {
  if (!c) return '{}';
  const { fill, color, bold, italic, size, border, wrap, align, unlocked } = c;
  return JSON.stringify({ fill, color, bold, italic, size, border: border || undefined, wrap: wrap || undefined, align, unlocked: unlocked || undefined });
}

interface Run<K> {
  from: number;
  to: number;
  key: K;
}

/** Consecutive rows (0-based, inclusive) with equal keys. */
function runsDown<K>(rows: number, key: (i: number) => K): Run<K>[] {
  const runs: Run<K>[] = [];
  for (let i = 0; i < rows; i++) {
    const k = key(i);
    const last = runs[runs.length - 1];
    if (last && last.key === k) last.to = i;
    else runs.push({ from: i, to: i, key: k });
  }
  return runs;
}

function columnRun(ws: Excel.Worksheet, block: WriteBlock, j: number, run: Run<unknown>): Excel.Range {
  return ws.getRange(`${a1(block.row + run.from, block.col + j)}:${a1(block.row + run.to, block.col + j)}`);
}

/**
 * A value as it must be handed to Office.js to be stored as it is: Excel reads a text as if typed,
 * so a text that would turn into a number, date, boolean, error or formula is given a leading apostrophe.
 */
export function asTyped(v: string | number | null): string | number {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  const text = xmlSafe(v);
  return text !== '' && (/^[=+\-@'#]/.test(text) || /^\s*[\d.,:/%$\s()-]+\s*$/.test(text) || /^(true|false)$/i.test(text.trim()) || /^\s*\d/.test(text) && /^[\d\s./:-]+(am|pm)?$/i.test(text.trim()))
    ? `'${text}`
    : text;
}

/** Text without characters XML 1.0 cannot hold (the same cleaning as the xlsx host, for the same result). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}


