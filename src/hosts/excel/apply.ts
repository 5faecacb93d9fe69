/**
 * Excel host, apply step (docs/ARCHITECTURE.md "apply"): a WritePlan → the open workbook (Office.js).
 *
 * Order:
 * 0. (`check`) the cells the plan was made from are read again and compared: if anyone changed them
 *    since, nothing is written (WorkbookChanged);
 * 1. the add-in's very hidden sheets — the undo record first, then the saved settings — rewritten in
 *    place (Excel refuses to delete a very hidden sheet) or created;
 * 2. then, in the order every host uses (src/hosts/xlsx/apply.ts): drop the owned sheets of an earlier
 *    run, clear the owned areas, reset the owned defined names, create the plan's sheets (page laid out
 *    for printing), write the blocks, set widths; protection last (a protected sheet's locked cells
 *    cannot be written).
 * A write that fails part way (WriteFailed) says where it may have written: the undo record is then in
 * place, so "undo the last run" puts the workbook back.
 *
 * Request size: every command is counted (Batch) in the bytes office.js serializes for it — an object
 * path and its instantiation for each object, an action for each property set or call, measured on the
 * real request bodies in test/hosts/excel — and a sync is made before a request would pass
 * REQUEST_BUDGET (Excel on the web refuses one over 5 MB). Everything stays in one Excel.run.
 * Commands are few: values and number formats per block (cut in rows where a block is large), every
 * other format per rectangle of cells asking the same (Rectangles), borders once per rectangle, row
 * heights and widths per run of equal ones. A range only written to is untracked at once (no
 * `_KeepReference` for Excel to hold, nothing to clean up after the run).
 *
 * Office.js traps handled here:
 * - a text value is read as if typed ('007' → 7, '02/09/1990' → a date, '=…' → a formula): text that
 *   Excel would read as something else is written with a leading apostrophe (see asTyped);
 * - a value in a merged cell other than the top-left one is refused: such cells are written empty;
 * - names are not known without a read: the snapshot the run was planned from gives them (`before`),
 *   so the owned names of the earlier run are deleted, and the names pointing into a dropped sheet
 *   (Excel keeps them as #REF!; the xlsx host drops them) are deleted too;
 * - a very hidden sheet cannot be deleted, and protecting a protected sheet fails: the add-in's hidden
 *   sheets are unprotected, cleared, written and protected again;
 * - a threaded comment's address names its sheet;
 * - column widths are points in Office.js, characters in the plan: converted for the default font
 *   (Calibri 11, 7-pixel digits) as Excel converts them;
 * - a block with `formatsFrom` (result columns beside a user's table) first takes that column's
 *   formats row by row with `copyFrom(…, 'Formats')` (ExcelApi 1.9; below it the cells keep their own).
 *
 * To be confirmed in real Excel (the simulation assumes them): clear('All') removes notes and
 * comments; copyFrom of a one-column source over one column; the width conversion for a workbook
 * whose default font is not Calibri 11.
 */
import { a1, absoluteA1, columnLetters, parseRange, quotedSheet, rangeA1, type RangePos } from '../../workbook/address';
import { HEADER_FOOTER_INCHES, HEADER_FOOTER_SIZE } from '../../workbook/render/page-layout';
import { OWNED_PREFIX, type PlanCell, type PlanSheet, type WriteBlock, type WritePlan } from '../../workbook/plan';
import type { WorkbookSnapshot } from '../../workbook/snapshot';
import { jsonBytes, utf8Bytes } from './bytes';
import { expectedAnswer, readWorkbook } from './read';
import { abilities, libraryHas, type Abilities, type IsSetSupported } from './requirements';

/** Bytes (UTF-8) a request may take: Excel on the web refuses one over 5 MB. */
export const REQUEST_BUDGET = 4_000_000;
/** Values (or number formats) of a block go in pieces of about this many bytes… */
const PIECE_BYTES = 400_000;
/** …and of at most this many cells: office.js cuts a larger array in rows itself, with two more ranges for each cut. */
const PIECE_CELLS = 1_500;

/**
 * What office.js serializes per command (bytes, ids of six digits), from the request bodies the
 * tests measure (test/hosts/excel/excel-apply.test.ts checks requests against these counts):
 * - a range: its object path and instantiation (untracked: no `_KeepReference`);
 * - a navigation property (format, fill, font, borders, protection…): its object path and instantiation;
 * - a property set or a method call: its action, plus its arguments as JSON.
 */
export const COST = { range: 260, nav: 150, set: 150, call: 220 };

const POINTS_PER_MM = 72 / 25.4;

export interface ApplyOptions {
  /** The snapshot the plan was made from (its names and sheets): what is already there. */
  before?: Pick<WorkbookSnapshot, 'names' | 'sheets'>;
  /** Check first that the workbook still holds the values of `before` (nothing written otherwise). */
  check?: boolean;
  isSetSupported?: IsSetSupported;
  /** Bytes a request may take; REQUEST_BUDGET unless a test says otherwise. */
  budget?: number;
}

export interface Applied {
  /** Syncs the write made (the check's reads left out). */
  syncs: number;
  /** The bytes counted for each write request (the check's reads left out). */
  estimates: number[];
}

/** The cells a plan was made from changed before it was written: nothing was written. */
export class WorkbookChanged extends Error {
  constructor(readonly sheet: string, readonly cell?: string) {
    super(`the workbook changed since it was read (${sheet}${cell ? `!${cell}` : ''})`);
  }
}

/** A write that failed: the error, and the sheets it may have written to (none: nothing of the results). */
export class WriteFailed extends Error {
  constructor(
    override readonly cause: unknown,
    readonly written: string[],
  ) {
    super(cause instanceof Error || (cause && typeof cause === 'object' && 'message' in cause) ? String((cause as { message: unknown }).message) : String(cause));
  }
}

/** Commands queued for one request, counted; a sync before the request would pass the budget. */
class Batch {
  private bytes = 0;
  syncs = 0;
  readonly estimates: number[] = [];
  /** Sheets the user sees written to by requests sent (or queued), for a write that fails part way. */
  readonly touched: string[] = [];
  constructor(
    private readonly context: Excel.RequestContext,
    private readonly budget: number,
  ) {}
  /** Room for commands of `bytes` on `sheet` (none: a sheet the user never sees): syncs first when they would take the request past the budget. */
  async room(bytes: number, sheet?: string): Promise<void> {
    if (this.bytes > 0 && this.bytes + bytes > this.budget) await this.flush();
    this.bytes += bytes;
    if (sheet !== undefined && !this.touched.includes(sheet)) this.touched.push(sheet);
  }
  async flush(): Promise<void> {
    if (this.bytes === 0) return;
    this.estimates.push(this.bytes);
    this.bytes = 0;
    await this.context.sync();
    this.syncs++;
  }
}

/** A range that is only written to: untracked, so Excel keeps no reference to it after the sync. */
const written = (ws: Excel.Worksheet, address: string): Excel.Range => ws.getRange(address).untrack();
const rangeCost = (address: string) => COST.range + address.length;

export async function applyPlan(context: Excel.RequestContext, plan: WritePlan, options: ApplyOptions = {}): Promise<Applied> {
  const can = abilities(options.isSetSupported);
  const batch = new Batch(context, options.budget ?? REQUEST_BUDGET);
  if (options.check && options.before) await checkUnchanged(context, options.before, options.isSetSupported);
  try {
    await write(context, plan, options, can, batch);
  } catch (e) {
    throw new WriteFailed(e, batch.touched);
  }
  return { syncs: batch.syncs, estimates: batch.estimates };
}

/** The workbook's values read again and compared with those the plan was made from (before anything is written). */
async function checkUnchanged(context: Excel.RequestContext, before: Pick<WorkbookSnapshot, 'sheets'>, isSetSupported?: IsSetSupported): Promise<void> {
  let now: WorkbookSnapshot;
  try {
    now = await readWorkbook(context, { isSetSupported, valuesOnly: true, expected: expectedAnswer(before, undefined, true) });
  } catch (e) {
    throw new WriteFailed(e, []);
  }
  const changed = firstChange(before, now);
  if (changed) throw new WorkbookChanged(changed.sheet, changed.cell);
}

/** Where two reads of a workbook differ first (sheets by name and order, then values cell by cell). */
function firstChange(before: Pick<WorkbookSnapshot, 'sheets'>, now: Pick<WorkbookSnapshot, 'sheets'>): { sheet: string; cell?: string } | undefined {
  const names = (s: Pick<WorkbookSnapshot, 'sheets'>) => s.sheets.map((x) => x.name);
  if (names(before).join('\n') !== names(now).join('\n')) {
    const gone = names(before).find((n) => !names(now).includes(n)) ?? names(now).find((n) => !names(before).includes(n)) ?? names(now)[0];
    return { sheet: gone };
  }
  for (let k = 0; k < before.sheets.length; k++) {
    const a = before.sheets[k].values;
    const b = now.sheets[k].values;
    const rows = Math.max(a.length, b.length);
    for (let i = 0; i < rows; i++) {
      const cols = Math.max(a[i]?.length ?? 0, b[i]?.length ?? 0);
      for (let j = 0; j < cols; j++) {
        if (JSON.stringify(a[i]?.[j] ?? null) !== JSON.stringify(b[i]?.[j] ?? null)) return { sheet: before.sheets[k].name, cell: a1(i + 1, j + 1) };
      }
    }
  }
  return undefined;
}

async function write(context: Excel.RequestContext, plan: WritePlan, options: ApplyOptions, can: Abilities, batch: Batch): Promise<void> {
  const book = context.workbook;
  // Without the snapshot, every sheet the plan names is taken to be there (a plan writes only on
  // sheets it read or creates), and a sheet the plan creates to be new.
  const known = options.before !== undefined;
  const before = options.before ?? { names: [], sheets: [] };
  const sheets = new Set(before.sheets.map((s) => s.name.toLowerCase()));
  const dropped = new Set<string>();
  const exists = (name: string): boolean => (!known || sheets.has(name.toLowerCase())) && !dropped.has(name.toLowerCase());
  /** Known to be there (a sheet the plan creates is taken to be new without the snapshot). */
  const there = (name: string): boolean => known && exists(name);
  const sheetOf = (name: string) => book.worksheets.getItem(name);
  const merges = new Map<string, RangePos[]>();
  for (const s of before.sheets) merges.set(s.name.toLowerCase(), s.merges.flatMap((m) => parseRange(m) ?? []));
  const blocksOf = (name: string) => plan.blocks.filter((b) => b.sheet.toLowerCase() === name.toLowerCase());
  const created = plan.sheets ?? [];
  const hidden = created.filter((s) => s.hidden);
  const shown = created.filter((s) => !s.hidden);

  const addName = async (n: WritePlan['names'][number], seen: boolean) => {
    const r = parseRange(n.range);
    if (!r) return;
    const reference = `=${quotedSheet(n.sheet)}!${absoluteA1(r)}`;
    await batch.room(COST.nav + COST.call + n.name.length + utf8Bytes(reference), seen ? n.sheet : undefined);
    book.names.add(n.name, reference);
  };
  const same = (a: { name: string; sheet: string; range: string }, b: { name: string; sheet: string; range: string }) => a.name === b.name && a.sheet.toLowerCase() === b.sheet.toLowerCase() && a.range === b.range;
  /** Names already set as the plan wants them (a hidden sheet's, kept with it) or set with their sheet. */
  const settled = new Set<string>();

  // 1. The very hidden sheets, undo record first: rewritten in place, or created, each with its defined
  //    name, so that a write stopping after it leaves a record undo can find.
  for (const sheet of hidden) {
    const key = sheet.name.toLowerCase();
    await batch.room(COST.call * 3 + COST.nav * 2 + COST.range);
    let ws: Excel.Worksheet;
    if (there(sheet.name)) {
      ws = sheetOf(sheet.name);
      ws.protection.unprotect();
      ws.getUsedRangeOrNullObject(false).clear('All');
    } else {
      ws = book.worksheets.add(sheet.name);
      sheets.add(key);
    }
    for (const n of plan.names.filter((x) => x.sheet.toLowerCase() === key)) {
      const old = before.names.find((x) => x.name === n.name);
      if (old && same(old, n)) {
        settled.add(n.name);
        continue;
      }
      if (old) {
        await batch.room(COST.nav + COST.call + n.name.length);
        book.names.getItem(n.name).delete();
      }
      await addName(n, false);
      settled.add(n.name);
    }
    merges.set(key, sheet.merges.flatMap((m) => parseRange(m) ?? []));
    await layOut(batch, ws, sheet, can, false);
    for (const block of blocksOf(sheet.name)) await writeBlock(batch, ws, block, sheet.font, merges.get(key) ?? [], can, false);
    if (!sheet.protect) continue;
    await batch.room(COST.nav + COST.call);
    ws.protection.protect();
  }

  // 2. Drop the owned sheets of an earlier run.
  for (const name of plan.dropSheets ?? []) {
    if (!exists(name)) continue;
    await batch.room(COST.call, name);
    sheetOf(name).delete();
    sheets.delete(name.toLowerCase());
    dropped.add(name.toLowerCase());
  }

  // Clear the owned areas (values, formats, notes).
  for (const area of plan.clear) {
    if (!exists(area.sheet) || !parseRange(area.range)) continue;
    await batch.room(rangeCost(area.range) + COST.call, area.sheet);
    written(sheetOf(area.sheet), area.range).clear('All');
  }

  // Names: the earlier run's owned ones, the ones the plan sets, and those into a dropped sheet go.
  const wanted = new Set(plan.names.map((n) => n.name));
  for (const n of before.names) {
    if (settled.has(n.name) || !(n.name.startsWith(OWNED_PREFIX) || wanted.has(n.name) || dropped.has(n.sheet.toLowerCase()))) continue;
    await batch.room(COST.nav + COST.call + n.name.length, n.sheet);
    book.names.getItem(n.name).delete();
  }

  // Sheets created whole (printed sheets: an earlier one of the name is replaced), then every name
  // of the plan, in its order, as soon as the sheets they point into exist; then the sheets laid out.
  const sheetFonts = new Map<string, PlanSheet['font']>();
  const made: [PlanSheet, Excel.Worksheet][] = [];
  for (const sheet of shown) {
    const key = sheet.name.toLowerCase();
    await batch.room(COST.call * 2 + COST.nav, sheet.name);
    if (there(sheet.name)) sheetOf(sheet.name).delete();
    made.push([sheet, book.worksheets.add(sheet.name)]);
    sheets.add(key);
    dropped.delete(key);
    sheetFonts.set(key, sheet.font);
    merges.set(key, sheet.merges.flatMap((m) => parseRange(m) ?? []));
  }
  for (const n of plan.names) if (!settled.has(n.name)) await addName(n, true);
  for (const [sheet, ws] of made) await layOut(batch, ws, sheet, can);

  // Blocks (those of the hidden sheets are written).
  const hiddenNames = new Set(hidden.map((s) => s.name.toLowerCase()));
  for (const block of plan.blocks) {
    const key = block.sheet.toLowerCase();
    if (hiddenNames.has(key)) continue;
    if (!exists(block.sheet)) {
      await batch.room(COST.call, block.sheet);
      book.worksheets.add(block.sheet);
      sheets.add(key);
    }
    await writeBlock(batch, sheetOf(block.sheet), block, sheetFonts.get(key), merges.get(key) ?? [], can);
  }

  // Widths of the owned columns (in characters → points).
  for (const w of plan.widths ?? []) {
    if (!exists(w.sheet)) continue;
    const address = `${columnLetters(w.col)}1`;
    await batch.room(rangeCost(address) + COST.nav + COST.set, w.sheet);
    // The sheet's standard width (an undo putting back a column that had none of its own).
    if (w.standard) written(sheetOf(w.sheet), address).format.useStandardWidth = true;
    else written(sheetOf(w.sheet), address).format.columnWidth = widthPoints(w.width);
  }

  // Protection last: a protected sheet's locked cells cannot be written.
  for (const sheet of shown) {
    if (!sheet.protect) continue;
    await batch.room(COST.nav * 2 + COST.call, sheet.name);
    sheetOf(sheet.name).protection.protect();
  }
  await batch.flush();
}

/** A sheet's widths, merges, rows, page breaks, print layout and visibility. */
async function layOut(batch: Batch, ws: Excel.Worksheet, sheet: PlanSheet, can: Abilities, seen = true): Promise<void> {
  const name = seen ? sheet.name : undefined;
  for (const run of runs(sheet.widths.length, (i) => sheet.widths[i])) {
    const address = `${columnLetters(run.from + 1)}1:${columnLetters(run.to + 1)}1`;
    await batch.room(rangeCost(address) + COST.nav + COST.set, name);
    written(ws, address).format.columnWidth = widthPoints(run.key);
  }
  for (const m of sheet.merges) {
    await batch.room(rangeCost(m) + COST.call, name);
    written(ws, m).merge(false);
  }
  // Row heights per run of consecutive rows of one height.
  const heights = [...(sheet.heights ?? [])].sort((a, b) => a.row - b.row);
  for (let i = 0; i < heights.length; ) {
    let j = i;
    while (j + 1 < heights.length && heights[j + 1].row === heights[j].row + 1 && heights[j + 1].height === heights[i].height) j++;
    const address = `A${heights[i].row}:A${heights[j].row}`;
    await batch.room(rangeCost(address) + COST.nav + COST.set, name);
    written(ws, address).format.rowHeight = heights[i].height;
    i = j + 1;
  }
  if (sheet.hidden) {
    await batch.room(COST.set, name);
    ws.visibility = 'VeryHidden' as Excel.SheetVisibility;
  }
  if (!can.can('pageLayout')) return;
  const { page } = sheet;
  await batch.room(COST.nav * 4 + COST.set * 12 + COST.call * 2 + 200, name);
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
  }
  const hf = layout.headersFooters.defaultForAllPages;
  hf.centerFooter = headerFooterText(sheet, page.footer);
  if (page.header) hf.centerHeader = headerFooterText(sheet, page.header);
  if (sheet.hidden) return;
  for (const row of sheet.breaks ?? []) {
    await batch.room(COST.nav + COST.call + 16, name);
    ws.horizontalPageBreaks.add(`A${row + 1}`);
  }
}

/** The same codes as the xlsx host's (without its '&C': this is the centre section). */
function headerFooterText(sheet: PlanSheet, text: string): string {
  return `&"${sheet.font.name.replace(/"/g, '')},Regular"&${HEADER_FOOTER_SIZE}${/^\d/.test(text) ? ' ' : ''}${text}`;
}

/** Characters (of the default font's digit, 7 px, plus 5 px padding) → points. */
export function widthPoints(chars: number): number {
  return Math.trunc(((256 * chars + Math.trunc(128 / 7)) / 256) * 7) * 0.75;
}

/** Points → characters, the inverse of widthPoints (to two decimals). */
export function widthChars(points: number): number {
  return Math.round(((points / 0.75 - 5) / 7) * 100) / 100;
}

async function writeBlock(batch: Batch, ws: Excel.Worksheet, block: WriteBlock, font: PlanSheet['font'] | undefined, merges: RangePos[], can: Abilities, seen = true): Promise<void> {
  const rows = block.cells.length;
  const cols = Math.max(0, ...block.cells.map((r) => r.length));
  if (!rows || !cols) return;
  const name = seen ? block.sheet : undefined;
  const slave = (row: number, col: number) => merges.some((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && (row !== m.top || col !== m.left));
  const cell = (i: number, j: number): PlanCell | undefined => block.cells[i]?.[j];
  const address = (top: number, left: number, bottom: number, right: number) => rangeA1({ top: block.row + top, left: block.col + left, bottom: block.row + bottom, right: block.col + right });

  // Result columns beside a user's table first take that table's column formats, row by row
  // (copyFrom formats, ExcelApi 1.9: one call per column of the block, the source one column wide).
  if (block.formatsFrom !== undefined && can.has('ExcelApi', '1.9')) {
    const from = `${a1(block.row, block.formatsFrom)}:${a1(block.row + rows - 1, block.formatsFrom)}`;
    for (let j = 0; j < cols; j++) {
      const to = address(0, j, rows - 1, j);
      await batch.room(rangeCost(to) + COST.call + from.length, name);
      written(ws, to).copyFrom(from, 'Formats' as Excel.RangeCopyType);
    }
  }

  // Values, in pieces of rows.
  const values = block.cells.map((_, i) => Array.from({ length: cols }, (_, j) => (slave(block.row + i, block.col + j) ? '' : asTyped(cell(i, j)?.value ?? null))));
  for (const piece of pieces(values)) {
    const at = address(piece.from, 0, piece.to, cols - 1);
    await batch.room(rangeCost(at) + COST.set + piece.bytes, name);
    written(ws, at).values = values.slice(piece.from, piece.to + 1);
  }

  // On a sheet the plan creates every cell is in the sheet's font, centred in its row.
  if (font) {
    const at = address(0, 0, rows - 1, cols - 1);
    await batch.room(rangeCost(at) + COST.nav * 2 + COST.set * 3 + font.name.length, name);
    const format = written(ws, at).format;
    format.font.name = font.name;
    format.font.size = font.size;
    format.verticalAlignment = 'Center' as Excel.VerticalAlignment;
  }

  // Number formats per rectangle of one format (a cell without one keeps what it has), in pieces of rows.
  for (const r of rectangles(rows, cols, (i, j) => cell(i, j)?.numberFormat)) {
    const formats = Array.from({ length: r.bottom - r.top + 1 }, () => new Array<string>(r.right - r.left + 1).fill(r.key));
    for (const piece of pieces(formats)) {
      const at = address(r.top + piece.from, r.left, r.top + piece.to, r.right);
      await batch.room(rangeCost(at) + COST.set + piece.bytes, name);
      written(ws, at).numberFormat = formats.slice(piece.from, piece.to + 1);
    }
  }

  // Every other format per rectangle of cells asking the same. With ExcelApi 1.9 the rectangles of one
  // format go together as one RangeAreas (getRanges, addresses up to AREAS_CHARS long): one format
  // call for every green cell of a column of outcomes, not one per run of them. Formats that fall on
  // the same cells share one range.
  const areas = can.has('ExcelApi', '1.9') && libraryHasGetRanges();
  const sets = new Map<string, { cost: number; apply: ((format: Excel.RangeFormat) => void)[]; navs: Set<string> }>();
  const on = <K>(key: (c: PlanCell) => K | undefined, nav: string, apply: (format: Excel.RangeFormat, key: K) => void, cost: number) => {
    const byKey = new Map<K, string[]>();
    for (const r of rectangles(rows, cols, (i, j) => {
      const c = cell(i, j);
      return c ? key(c) : undefined;
    })) {
      const list = byKey.get(r.key) ?? [];
      list.push(address(r.top, r.left, r.bottom, r.right));
      byKey.set(r.key, list);
    }
    for (const [k, addresses] of byKey)
      for (const at of areas ? joined(addresses) : addresses) {
        let entry = sets.get(at);
        if (!entry) sets.set(at, (entry = { cost: rangeCost(at) + COST.nav, apply: [], navs: new Set() }));
        if (nav && !entry.navs.has(nav)) {
          entry.navs.add(nav);
          entry.cost += COST.nav;
        }
        entry.cost += cost;
        entry.apply.push((format) => apply(format, k));
      }
  };
  on((c) => c.fill, 'fill', (f, v) => (f.fill.color = `#${v}`), COST.set + 10);
  on((c) => c.color, 'font', (f, v) => (f.font.color = `#${v}`), COST.set + 10);
  on((c) => c.bold, 'font', (f, v) => (f.font.bold = v), COST.set);
  on((c) => c.italic, 'font', (f, v) => (f.font.italic = v), COST.set);
  on((c) => c.size, 'font', (f, v) => (f.font.size = v), COST.set);
  on(
    (c) => (c.wrap ? true : undefined),
    '',
    (f) => {
      f.wrapText = true;
      f.verticalAlignment = 'Center' as Excel.VerticalAlignment;
    },
    COST.set * 2,
  );
  // Horizontal alignment: the cell's own, else centred where it wraps (a header).
  on((c) => c.align ?? (c.wrap ? 'center' : undefined), '', (f, v) => (f.horizontalAlignment = ALIGN[v]), COST.set);
  on((c) => (c.unlocked ? true : undefined), 'protection', (f) => (f.protection.locked = false), COST.set);
  for (const [at, entry] of sets) {
    await batch.room(entry.cost, name);
    const format = (at.includes(',') ? ws.getRanges(at).untrack() : written(ws, at)).format;
    for (const apply of entry.apply) apply(format);
  }
  // Borders once per rectangle: its outline and, where it has them, its inner lines.
  for (const r of rectangles(rows, cols, (i, j) => (cell(i, j)?.border ? true : undefined))) {
    const at = address(r.top, r.left, r.bottom, r.right);
    const edges = EDGES.filter((e) => (e !== 'InsideHorizontal' || r.bottom > r.top) && (e !== 'InsideVertical' || r.right > r.left));
    await batch.room(rangeCost(at) + COST.nav * (2 + edges.length) + COST.set * edges.length, name);
    const borders = written(ws, at).format.borders;
    for (const edge of edges) borders.getItem(edge as Excel.BorderIndex).style = 'Continuous' as Excel.BorderLineStyle;
  }

  // The explanations: notes, or threaded comments (their address names the sheet) where notes are missing.
  if (can.noteKind === 'none') return;
  for (let i = 0; i < rows; i++)
    for (let j = 0; j < cols; j++) {
      const note = cell(i, j)?.note;
      if (!note) continue;
      const at = a1(block.row + i, block.col + j);
      await batch.room(COST.call + utf8Bytes(note) + utf8Bytes(block.sheet) + 16, name);
      if (can.noteKind === 'notes') ws.notes.add(at, note);
      else ws.comments.add(`${quotedSheet(block.sheet)}!${at}`, note);
    }
}

/** Addresses joined into RangeAreas addresses of at most AREAS_CHARS characters. */
const AREAS_CHARS = 2_000;
function joined(addresses: string[]): string[] {
  const out: string[] = [];
  for (const a of addresses) {
    const last = out[out.length - 1];
    if (last !== undefined && last.length + a.length + 1 <= AREAS_CHARS) out[out.length - 1] = `${last},${a}`;
    else out.push(a);
  }
  return out;
}

const libraryHasGetRanges = () => libraryHas('Worksheet', 'getRanges');

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'];
const ALIGN: Record<NonNullable<PlanCell['align']>, Excel.HorizontalAlignment> = {
  left: 'Left' as Excel.HorizontalAlignment,
  center: 'Center' as Excel.HorizontalAlignment,
  right: 'Right' as Excel.HorizontalAlignment,
};

interface Run<K> {
  from: number;
  to: number;
  key: K;
}

/** Consecutive indexes (0-based, inclusive) with equal keys. */
function runs<K>(count: number, key: (i: number) => K): Run<K>[] {
  const out: Run<K>[] = [];
  for (let i = 0; i < count; i++) {
    const k = key(i);
    const last = out[out.length - 1];
    if (last && last.key === k) last.to = i;
    else out.push({ from: i, to: i, key: k });
  }
  return out;
}

/** Rows of a 2-D array in pieces of about PIECE_BYTES and at most PIECE_CELLS cells (a row at least). */
function pieces(values: unknown[][]): { from: number; to: number; bytes: number }[] {
  const out: { from: number; to: number; bytes: number }[] = [];
  values.forEach((row, i) => {
    const bytes = jsonBytes(row) + 1;
    const last = out[out.length - 1];
    if (last && last.bytes + bytes <= PIECE_BYTES && (i - last.from + 1) * row.length <= PIECE_CELLS) {
      last.to = i;
      last.bytes += bytes;
    } else out.push({ from: i, to: i, bytes });
  });
  return out;
}

export interface Rectangle<K> extends RangePos {
  key: K;
}

/**
 * Cells asking the same (equal keys; undefined: nothing asked) as few rectangles: runs along each
 * row, stacked where the next row has the same run. 0-based, inclusive.
 */
export function rectangles<K>(rows: number, cols: number, key: (i: number, j: number) => K | undefined): Rectangle<K>[] {
  const done: Rectangle<K>[] = [];
  let open = new Map<string, Rectangle<K>>();
  for (let i = 0; i < rows; i++) {
    const next = new Map<string, Rectangle<K>>();
    for (let j = 0; j < cols; ) {
      const k = key(i, j);
      if (k === undefined) {
        j++;
        continue;
      }
      let end = j;
      while (end + 1 < cols && key(i, end + 1) === k) end++;
      const id = `${j}:${end}:${String(k)}`;
      const rect = open.get(id);
      if (rect && rect.key === k) {
        rect.bottom = i;
        open.delete(id);
        next.set(id, rect);
      } else next.set(id, { top: i, left: j, bottom: i, right: end, key: k });
      j = end + 1;
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.top - b.top || a.left - b.left);
}

/**
 * A value as it must be handed to Office.js to be stored as it is: Excel reads a text as if typed,
 * so a text that would turn into a number, date, boolean, error or formula is given a leading apostrophe.
 */
export function asTyped(v: string | number | null): string | number {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? v : '';
  const text = xmlSafe(v);
  return text !== '' && (/^[=+\-@'#]/.test(text) || /^\s*[\d.,:/%$\s()-]+\s*$/.test(text) || /^(true|false)$/i.test(text.trim()) || (/^\s*\d/.test(text) && /^[\d\s./:-]+(am|pm)?$/i.test(text.trim())))
    ? `'${text}`
    : text;
}

/** Text without characters XML 1.0 cannot hold (the same cleaning as the xlsx host, for the same result). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
function xmlSafe(text: string): string {
  return text.replace(NOT_XML, '');
}
