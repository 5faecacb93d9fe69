/**
 * An in-memory Excel behind an Office.js-shaped API, for the Excel host's tests (src/hosts/excel).
 * It behaves as Office.js does where it bites:
 * - a proxy's property throws PropertyNotLoaded until it was `load()`ed AND `context.sync()`ed;
 * - every write (values, formats, adds, deletes, page layout) is a queued command that runs at sync():
 *   before it the workbook is unchanged;
 * - a values / numberFormat block must have the range's shape (InvalidArgument otherwise);
 * - objects got with …OrNullObject are null objects after sync (isNullObject), and every method
 *   on a null object gives a null object; a property of one throws;
 * - syncs and queued commands are counted (`context.syncs`, `context.commands`), and the size of
 *   what each sync sends is recorded (`context.payloads`, JSON characters of the values queued).
 * Only the surface src/hosts/excel uses; typed loosely (the host casts it to Excel.RequestContext).
 */
import { a1, parseRange, rangeA1, type RangePos } from '../../src/workbook/address';
import { WIDTH_COLUMNS, type CellValue } from '../../src/workbook/snapshot';
import type * as ExcelJS from 'exceljs';
import { snapshotOf } from '../../src/hosts/xlsx/read';
import { widthChars, widthPoints } from '../../src/hosts/excel/apply';

/** A column of the standard width, in points (64 pixels: Calibri 11). */
const STANDARD_WIDTH_POINTS = 48;

export interface DCell {
  value: CellValue;
  numberFormat?: string;
  fill?: string;
  color?: string;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  fontName?: string;
  /** true: thin on every side (what a host sets); a text: some other border, as loaded. */
  border?: boolean | string;
  wrap?: boolean;
  hAlign?: string;
  vAlign?: string;
  locked?: boolean;
  note?: string;
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
  breaks: number[];
}

export class DSheet {
  cells = new Map<string, DCell>();
  merges: RangePos[] = [];
  tables: { name: string; range: string }[] = [];
  visibility = 'Visible';
  protected = false;
  /** Column widths and row heights in points, as Office.js gives them. */
  widths = new Map<number, number>();
  heights = new Map<number, number>();
  page: DPage = { breaks: [] };
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
  /** The used range (values or formats), as getUsedRange(false) gives it. */
  used(valuesOnly: boolean): RangePos | undefined {
    let r: RangePos | undefined;
    for (const [key, c] of this.cells) {
      if (valuesOnly && c.value === null) continue;
      const [row, col] = key.split(',').map(Number);
      r = r ? { top: Math.min(r.top, row), left: Math.min(r.left, col), bottom: Math.max(r.bottom, row), right: Math.max(r.right, col) } : { top: row, left: col, bottom: row, right: col };
    }
    return r;
  }
}

export class DWorkbook {
  sheets: DSheet[] = [];
  names = new Map<string, { sheet: string; range: string }>();
  /** The sheet shown and the cells selected (worksheet.activate(), range.select()). */
  active?: string;
  selected?: string;
  find(name: string): DSheet | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }
}

export class OfficeError extends Error {
  constructor(public code: string, message: string) {
    super(`${code}: ${message}`);
  }
}

type Resolver<T> = () => T | null;

/** Base of every proxy: loaded properties, null-object state. */
class Proxy {
  protected loaded = new Map<string, unknown>();
  protected synced = false;
  protected isNull: boolean | undefined;
  constructor(protected ctx: DoubleContext) {}
  protected prop<T>(name: string): T {
    if (this.isNull) throw new OfficeError('InvalidObjectPath', `property ${name} of a null object`);
    if (!this.loaded.has(name)) throw new OfficeError('PropertyNotLoaded', `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`);
    return this.loaded.get(name) as T;
  }
  get isNullObject(): boolean {
    if (this.isNull === undefined) throw new OfficeError('PropertyNotLoaded', "The property 'isNullObject' is not available before context.sync().");
    return this.isNull;
  }
  protected queueLoad(props: string[], read: () => Record<string, unknown> | null): void {
    this.ctx.queue(() => {
      const got = read();
      this.isNull = got === null;
      if (got) for (const p of props) if (p in got) this.loaded.set(p, got[p]);
    });
  }
  protected markNull(resolve: () => unknown): void {
    this.ctx.queue(() => {
      this.isNull = resolve() === null;
    }, false);
  }
}

const splitProps = (props?: string | string[] | Record<string, unknown>): string[] => {
  if (props === undefined) return [];
  if (typeof props === 'string') return props.split(',').map((p) => p.trim()).filter(Boolean);
  if (Array.isArray(props)) return props;
  return Object.keys(props);
};

export class DoubleContext {
  syncs = 0;
  commands = 0;
  payloads: number[] = [];
  private pending: (() => void)[] = [];
  private pendingPayload = 0;
  readonly workbook: DWorkbookProxy;
  constructor(readonly book: DWorkbook) {
    this.workbook = new DWorkbookProxy(this);
  }
  queue(command: () => void, counted = true): void {
    this.pending.push(command);
    if (counted) this.commands++;
  }
  addPayload(value: unknown): void {
    this.pendingPayload += JSON.stringify(value ?? null).length;
  }
  async sync(): Promise<void> {
    this.syncs++;
    this.payloads.push(this.pendingPayload);
    this.pendingPayload = 0;
    const batch = this.pending;
    this.pending = [];
    for (const command of batch) command();
  }
}

class DWorkbookProxy {
  readonly worksheets: DWorksheets;
  readonly names: DNames;
  readonly tables: DTables;
  constructor(private ctx: DoubleContext) {
    this.worksheets = new DWorksheets(ctx);
    this.names = new DNames(ctx);
    this.tables = new DTables(ctx, () => ctx.book.sheets.flatMap((s) => s.tables.map((t) => ({ sheet: s, t }))));
  }
  get comments() {
    return new DNotes(this.ctx, () => null);
  }
}

class DWorksheets extends Proxy {
  private items_: DWorksheet[] = [];
  get items(): DWorksheet[] {
    return this.prop('items');
  }
  load(props?: string): this {
    const names = splitProps(props).map((p) => p.replace(/^items\//, ''));
    this.ctx.queue(() => {
      this.items_ = this.ctx.book.sheets.map((s) => {
        const w = new DWorksheet(this.ctx, () => s);
        w.fill(names, s);
        return w;
      });
      this.loaded.set('items', this.items_);
    });
    return this;
  }
  getFirst(): DWorksheet {
    return new DWorksheet(this.ctx, () => this.ctx.book.sheets[0] ?? null, true);
  }
  getItem(name: string): DWorksheet {
    return new DWorksheet(this.ctx, () => {
      const s = this.ctx.book.find(name);
      if (!s) throw new OfficeError('ItemNotFound', `worksheet ${name}`);
      return s;
    });
  }
  getItemOrNullObject(name: string): DWorksheet {
    return new DWorksheet(this.ctx, () => this.ctx.book.find(name) ?? null, true);
  }
  add(name: string): DWorksheet {
    let made: DSheet | null = null;
    this.ctx.queue(() => {
      if (this.ctx.book.find(name)) throw new OfficeError('ItemAlreadyExists', `worksheet ${name}`);
      made = new DSheet(name);
      this.ctx.book.sheets.push(made);
    });
    return new DWorksheet(this.ctx, () => made);
  }
}

export class DWorksheet extends Proxy {
  constructor(ctx: DoubleContext, readonly resolve: Resolver<DSheet>, orNull = false) {
    super(ctx);
    if (orNull) this.markNull(resolve);
  }
  fill(props: string[], s: DSheet): void {
    this.isNull = false;
    for (const p of props) if (p === 'name' || p === 'visibility') this.loaded.set(p, p === 'name' ? s.name : s.visibility);
  }
  private sheet(): DSheet {
    const s = this.resolve();
    if (!s) throw new OfficeError('InvalidObjectPath', 'null worksheet');
    return s;
  }
  get name(): string {
    return this.prop('name');
  }
  get visibility(): string {
    return this.prop('visibility');
  }
  activate(): void {
    this.ctx.queue(() => {
      const s = this.sheet();
      if (s.visibility !== 'Visible') throw new OfficeError('InvalidOperation', 'a hidden sheet cannot be activated');
      this.ctx.book.active = s.name;
    });
  }
  set visibility(v: string) {
    this.ctx.queue(() => {
      this.sheet().visibility = v;
    });
  }
  load(props?: string): this {
    const names = splitProps(props);
    this.queueLoad(names, () => {
      const s = this.resolve();
      return s ? { name: s.name, visibility: s.visibility } : null;
    });
    return this;
  }
  getNextOrNullObject(): DWorksheet {
    return new DWorksheet(
      this.ctx,
      () => {
        const s = this.resolve();
        if (!s) return null;
        return this.ctx.book.sheets[this.ctx.book.sheets.indexOf(s) + 1] ?? null;
      },
      true,
    );
  }
  delete(): void {
    this.ctx.queue(() => {
      const s = this.sheet();
      this.ctx.book.sheets = this.ctx.book.sheets.filter((x) => x !== s);
      // Names into the sheet stay, pointing nowhere (#REF!), as in Excel.
      for (const n of this.ctx.book.names.values()) if (n.sheet === s.name) n.sheet = '#REF!';
    });
  }
  getRange(address?: string): DRange {
    return new DRange(this.ctx, () => {
      const s = this.resolve();
      if (!s) return null;
      const pos = parseRange(address ?? 'A1');
      if (!pos) throw new OfficeError('InvalidArgument', `address ${address}`);
      return { sheet: s, pos };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): DRange {
    return new DRange(
      this.ctx,
      () => {
        const s = this.resolve();
        const pos = s?.used(valuesOnly);
        return s && pos ? { sheet: s, pos } : null;
      },
      true,
    );
  }
  get tables(): DTables {
    return new DTables(this.ctx, () => {
      const s = this.resolve();
      return s ? s.tables.map((t) => ({ sheet: s, t })) : [];
    });
  }
  get notes(): DNotes {
    return new DNotes(this.ctx, () => this.resolve());
  }
  get comments(): DNotes {
    return new DNotes(this.ctx, () => this.resolve());
  }
  get protection() {
    return {
      protect: () => this.ctx.queue(() => void (this.sheet().protected = true)),
      unprotect: () => this.ctx.queue(() => void (this.sheet().protected = false)),
    };
  }
  get horizontalPageBreaks() {
    return {
      add: (at: string) =>
        this.ctx.queue(() => {
          const pos = parseRange(at);
          if (!pos) throw new OfficeError('InvalidArgument', `page break ${at}`);
          this.sheet().page.breaks.push(pos.top);
        }),
    };
  }
  get pageLayout() {
    const page = (): DPage => this.sheet().page;
    const set = (f: (p: DPage) => void) => this.ctx.queue(() => f(page()));
    const layout = {
      set orientation(v: string) {
        set((p) => (p.orientation = v));
      },
      set paperSize(v: string) {
        set((p) => (p.paperSize = v));
      },
      set zoom(v: DPage['zoom']) {
        set((p) => (p.zoom = { ...v }));
      },
      set topMargin(v: number) {
        set((p) => (p.margins = { ...(p.margins ?? { top: 0, bottom: 0, left: 0, right: 0 }), top: v }));
      },
      set bottomMargin(v: number) {
        set((p) => (p.margins = { ...(p.margins ?? { top: 0, bottom: 0, left: 0, right: 0 }), bottom: v }));
      },
      set leftMargin(v: number) {
        set((p) => (p.margins = { ...(p.margins ?? { top: 0, bottom: 0, left: 0, right: 0 }), left: v }));
      },
      set rightMargin(v: number) {
        set((p) => (p.margins = { ...(p.margins ?? { top: 0, bottom: 0, left: 0, right: 0 }), right: v }));
      },
      set headerMargin(_v: number) {
        set(() => undefined);
      },
      set footerMargin(_v: number) {
        set(() => undefined);
      },
      setPrintArea: (a: string) => set((p) => (p.printArea = rangeA1(parseRange(a) ?? fail(a)))),
      setPrintTitleRows: (a: string) =>
        set((p) => {
          if (!/^\$?\d+:\$?\d+$/.test(a)) throw new OfficeError('InvalidArgument', `print title rows must span entire rows: ${a}`);
          p.printTitleRows = a.replace(/\$/g, '');
        }),
      headersFooters: {
        defaultForAllPages: {
          set centerHeader(v: string) {
            set((p) => (p.centerHeader = v));
          },
          set centerFooter(v: string) {
            set((p) => (p.centerFooter = v));
          },
        },
      },
    };
    return layout;
  }
}

const fail = (a: string): never => {
  throw new OfficeError('InvalidArgument', a);
};

interface Target {
  sheet: DSheet;
  pos: RangePos;
}

const FORMAT_KEYS = ['numberFormat', 'fill', 'color', 'bold', 'italic', 'size', 'fontName', 'border', 'wrap', 'hAlign', 'vAlign', 'locked'] as const;

/** A locked cell on a protected sheet cannot be changed (Office.js: AccessDenied / InvalidOperation). */
function guard(sheet: DSheet, row: number, col: number): void {
  if (sheet.protected && sheet.peek(row, col)?.locked !== false) throw new OfficeError('AccessDenied', `${sheet.name}!${a1(row, col)} is on a protected sheet`);
}

/**
 * A value as Excel stores what it is given, as if typed: a leading apostrophe keeps text as text,
 * a text that reads as a number becomes a number, '=' starts a formula (not supported here).
 */
function typed(v: unknown): CellValue {
  if (v === '' || v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v !== 'string') throw new OfficeError('InvalidArgument', `value ${JSON.stringify(v)}`);
  if (v.startsWith("'")) return v.slice(1) === '' ? null : v.slice(1);
  if (v.startsWith('=')) throw new OfficeError('NotImplemented', `formula ${v} in the double`);
  if (/^\s*[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?%?\s*$/i.test(v)) return v.trim().endsWith('%') ? Number(v.trim().slice(0, -1)) / 100 : Number(v);
  if (/^(true|false)$/i.test(v.trim())) return v.trim().toLowerCase() === 'true';
  return v;
}

const shapeOf = (pos: RangePos) => ({ rows: pos.bottom - pos.top + 1, cols: pos.right - pos.left + 1 });

function checkShape(pos: RangePos, block: unknown[][], what: string): void {
  const { rows, cols } = shapeOf(pos);
  if (!Array.isArray(block) || block.length !== rows || block.some((r) => !Array.isArray(r) || r.length !== cols))
    throw new OfficeError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what} ${rows}×${cols}).`);
}

export class DRange extends Proxy {
  constructor(ctx: DoubleContext, readonly resolve: Resolver<Target>, orNull = false) {
    super(ctx);
    if (orNull) this.markNull(resolve);
  }
  private target(): Target {
    const t = this.resolve();
    if (!t) throw new OfficeError('InvalidObjectPath', 'null range');
    return t;
  }
  get values(): CellValue[][] {
    return this.prop('values');
  }
  select(): void {
    this.ctx.queue(() => {
      const { sheet, pos } = this.target();
      if (this.ctx.book.active?.toLowerCase() !== sheet.name.toLowerCase()) throw new OfficeError('InvalidOperation', 'a range is selected on the active sheet only');
      this.ctx.book.selected = `${sheet.name}!${a1(pos.top, pos.left)}`;
    });
  }
  set values(block: unknown[][]) {
    this.ctx.addPayload(block);
    this.ctx.queue(() => {
      const { sheet, pos } = this.target();
      checkShape(pos, block, 'values');
      block.forEach((row, i) =>
        row.forEach((v, j) => {
          const master = sheet.merges.find((m) => pos.top + i >= m.top && pos.top + i <= m.bottom && pos.left + j >= m.left && pos.left + j <= m.right);
          if (master && (master.top !== pos.top + i || master.left !== pos.left + j) && v !== '' && v !== null)
            throw new OfficeError('InvalidOperation', `a value in a merged cell other than its top-left one (${a1(pos.top + i, pos.left + j)})`);
          guard(sheet, pos.top + i, pos.left + j);
          sheet.cell(pos.top + i, pos.left + j).value = typed(v);
        }),
      );
    });
  }
  get numberFormat(): string[][] {
    return this.prop('numberFormat');
  }
  set numberFormat(block: string[][]) {
    this.ctx.addPayload(block);
    this.ctx.queue(() => {
      const { sheet, pos } = this.target();
      checkShape(pos, block, 'numberFormat');
      block.forEach((row, i) => row.forEach((f, j) => (guard(sheet, pos.top + i, pos.left + j), sheet.cell(pos.top + i, pos.left + j).numberFormat = f)));
    });
  }
  get address(): string {
    return this.prop('address');
  }
  get valueTypes(): string[][] {
    return this.prop('valueTypes');
  }
  get rowIndex(): number {
    return this.prop('rowIndex');
  }
  get columnIndex(): number {
    return this.prop('columnIndex');
  }
  get rowCount(): number {
    return this.prop('rowCount');
  }
  get columnCount(): number {
    return this.prop('columnCount');
  }
  load(props?: string | string[]): this {
    const names = splitProps(props);
    this.queueLoad(names, () => {
      const t = this.resolve();
      if (!t) return null;
      const { sheet, pos } = t;
      const { rows, cols } = shapeOf(pos);
      const grid = <T>(f: (c: DCell | undefined) => T): T[][] => Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => f(sheet.peek(pos.top + i, pos.left + j))));
      return {
        values: grid((c) => (c?.value === null || c?.value === undefined ? '' : typeof c.value === 'object' ? c.value.error : c.value)),
        valueTypes: grid((c) => (c?.value === null || c?.value === undefined ? 'Empty' : typeof c.value === 'object' ? 'Error' : typeof c.value === 'number' ? 'Double' : typeof c.value === 'boolean' ? 'Boolean' : 'String')),
        numberFormat: grid((c) => c?.numberFormat ?? 'General'),
        address: `${quote(sheet.name)}!${rangeA1(pos)}`,
        rowIndex: pos.top - 1,
        columnIndex: pos.left - 1,
        rowCount: rows,
        columnCount: cols,
      };
    });
    return this;
  }
  private each(f: (c: DCell, row: number, col: number) => void): void {
    const { sheet, pos } = this.target();
    for (let r = pos.top; r <= pos.bottom; r++)
      for (let c = pos.left; c <= pos.right; c++) {
        guard(sheet, r, c);
        f(sheet.cell(r, c), r, c);
      }
  }
  clear(applyTo = 'All'): void {
    this.ctx.queue(() => {
      const { sheet } = this.target();
      this.each((c, r, col) => {
        if (applyTo === 'All' || applyTo === 'Contents') c.value = null;
        if (applyTo === 'All' || applyTo === 'Formats') {
          for (const k of FORMAT_KEYS) delete c[k];
        }
        // Clear All takes the notes with it, as Excel's "Clear All" does.
        if (applyTo === 'All') delete c.note;
        if (Object.keys(c).length === 1 && c.value === null) sheet.cells.delete(`${r},${col}`);
      });
    });
  }
  merge(across = false): void {
    this.ctx.queue(() => {
      const { sheet, pos } = this.target();
      if (across) throw new OfficeError('NotImplemented', 'merge across');
      if (sheet.merges.some((m) => m.top <= pos.bottom && m.bottom >= pos.top && m.left <= pos.right && m.right >= pos.left)) throw new OfficeError('InvalidOperation', `overlapping merge ${rangeA1(pos)}`);
      sheet.merges.push({ ...pos });
    });
  }
  /** Paste formats: the source (an address on this sheet, or a range) tiled over this range, as Excel pastes. */
  copyFrom(source: string | DRange, copyType = 'All'): void {
    this.ctx.queue(() => {
      if (copyType !== 'Formats') throw new OfficeError('NotImplemented', `copyFrom ${copyType} in the double`);
      const { sheet, pos } = this.target();
      const from = typeof source === 'string' ? { sheet, pos: parseRange(source) ?? fail(source) } : source.target();
      const { rows, cols } = shapeOf(from.pos);
      const copied: Partial<DCell>[][] = Array.from({ length: rows }, (_, i) =>
        Array.from({ length: cols }, (_, j) => {
          const format: Partial<DCell> = { ...(from.sheet.peek(from.pos.top + i, from.pos.left + j) ?? {}) };
          delete format.value;
          delete format.note;
          return format;
        }),
      );
      for (let r = pos.top; r <= pos.bottom; r++)
        for (let c = pos.left; c <= pos.right; c++) {
          guard(sheet, r, c);
          const cell = sheet.cell(r, c);
          for (const k of FORMAT_KEYS) delete cell[k];
          Object.assign(cell, copied[(r - pos.top) % rows][(c - pos.left) % cols]);
        }
    });
  }
  getMergedAreasOrNullObject(): DAreas {
    return new DAreas(this.ctx, () => {
      const t = this.resolve();
      if (!t) return null;
      const { sheet, pos } = t;
      const within = sheet.merges.filter((m) => m.top <= pos.bottom && m.bottom >= pos.top && m.left <= pos.right && m.right >= pos.left);
      return within.length ? within.map((m) => `${quote(sheet.name)}!${rangeA1(m)}`).join(',') : null;
    });
  }
  /** A ClientResult: its value made from the range when the queue runs (a null result on a null range), readable after sync. */
  private clientResult(make: (t: Target) => unknown): { value: unknown } {
    const result: { value: unknown; loaded?: boolean; made?: unknown } = {
      get value(): unknown {
        if (!this.loaded) throw new OfficeError('PropertyNotLoaded', 'ClientResult.value before sync');
        return this.made;
      },
    };
    this.ctx.queue(() => {
      result.loaded = true;
      // On a null range: a null result (every method of a null object gives a null object).
      const t = this.resolve();
      if (t) result.made = make(t);
    });
    return result;
  }
  getCellProperties(spec: { format?: { font?: { name?: boolean } } }): { value: unknown } {
    return this.clientResult(({ sheet, pos }) => {
      const { rows, cols } = shapeOf(pos);
      return Array.from({ length: rows }, (_, i) =>
        Array.from({ length: cols }, (_, j) => (spec.format?.font?.name ? { format: { font: { name: sheet.peek(pos.top + i, pos.left + j)?.fontName ?? 'Calibri' } } } : {})),
      );
    });
  }
  /** Per column: its width in points, and whether it is the sheet's standard width (one never set). */
  getColumnProperties(spec: { format?: { columnWidth?: boolean; useStandardWidth?: boolean } }): { value: unknown } {
    return this.clientResult(({ sheet, pos }) =>
      Array.from({ length: pos.right - pos.left + 1 }, (_, j) => {
        const w = sheet.widths.get(pos.left + j);
        return { format: { ...(spec.format?.columnWidth ? { columnWidth: w ?? STANDARD_WIDTH_POINTS } : {}), ...(spec.format?.useStandardWidth ? { useStandardWidth: w === undefined } : {}) } };
      }),
    );
  }
  get format() {
    const apply = (f: (c: DCell) => void) => this.ctx.queue(() => this.each(f));
    const whole = (f: (t: Target) => void) => this.ctx.queue(() => f(this.target()));
    return {
      set wrapText(v: boolean) {
        apply((c) => (c.wrap = v));
      },
      set horizontalAlignment(v: string) {
        apply((c) => (c.hAlign = v));
      },
      set verticalAlignment(v: string) {
        apply((c) => (c.vAlign = v));
      },
      set columnWidth(v: number) {
        whole(({ sheet, pos }) => {
          for (let c = pos.left; c <= pos.right; c++) sheet.widths.set(c, v);
        });
      },
      set rowHeight(v: number) {
        whole(({ sheet, pos }) => {
          for (let r = pos.top; r <= pos.bottom; r++) sheet.heights.set(r, v);
        });
      },
      fill: {
        set color(v: string) {
          apply((c) => (c.fill = v.replace(/^#/, '').toUpperCase()));
        },
      },
      font: {
        set color(v: string) {
          apply((c) => (c.color = v.replace(/^#/, '').toUpperCase()));
        },
        set bold(v: boolean) {
          apply((c) => (c.bold = v));
        },
        set italic(v: boolean) {
          apply((c) => (c.italic = v));
        },
        set size(v: number) {
          apply((c) => (c.size = v));
        },
        set name(v: string) {
          apply((c) => (c.fontName = v));
        },
      },
      protection: {
        set locked(v: boolean) {
          apply((c) => (c.locked = v));
        },
      },
      borders: {
        getItem: (_edge: string) => ({
          set style(v: string) {
            apply((c) => (c.border = v === 'Continuous'));
          },
        }),
      },
    };
  }
}

class DAreas extends Proxy {
  constructor(ctx: DoubleContext, private resolveAddress: () => string | null) {
    super(ctx);
  }
  get address(): string {
    return this.prop('address');
  }
  load(props?: string): this {
    this.queueLoad(splitProps(props), () => {
      const address = this.resolveAddress();
      return address === null ? null : { address };
    });
    return this;
  }
}

class DTables extends Proxy {
  constructor(ctx: DoubleContext, private all: () => { sheet: DSheet; t: { name: string; range: string } }[]) {
    super(ctx);
  }
  get items(): { name: string; getRange: () => DRange; worksheet: DWorksheet }[] {
    return this.prop('items');
  }
  load(_props?: string): this {
    this.ctx.queue(() => {
      this.loaded.set(
        'items',
        this.all().map(({ sheet, t }) => {
          const ws = new DWorksheet(this.ctx, () => sheet);
          ws.fill(['name'], sheet);
          return { name: t.name, worksheet: ws, getRange: () => new DRange(this.ctx, () => ({ sheet, pos: parseRange(t.range)! })) };
        }),
      );
    });
    return this;
  }
}

class DNotes {
  constructor(private ctx: DoubleContext, private sheet: () => DSheet | null) {}
  add(cell: string, content: string): void {
    this.ctx.addPayload(content);
    this.ctx.queue(() => {
      const [where, addr] = cell.includes('!') ? [this.ctx.book.find(unquote(cell.split('!')[0])), cell.split('!')[1]] : [this.sheet(), cell];
      const pos = parseRange(addr);
      if (!where || !pos || pos.top !== pos.bottom || pos.left !== pos.right) throw new OfficeError('InvalidCellAddress', cell);
      const c = where.cell(pos.top, pos.left);
      if (c.note !== undefined) throw new OfficeError('InvalidArgument', `a note is already at ${cell}`);
      c.note = content;
    });
  }
}

class DNames extends Proxy {
  get items(): { name: string }[] {
    return this.prop('items');
  }
  load(_props?: string): this {
    this.ctx.queue(() => {
      this.loaded.set(
        'items',
        [...this.ctx.book.names].map(([name, n]) => ({ name, type: 'Range', value: `=${quote(n.sheet)}!${absolute(n.range)}`, formula: `=${quote(n.sheet)}!${absolute(n.range)}` })),
      );
    });
    return this;
  }
  add(name: string, reference: string): void {
    this.ctx.queue(() => {
      if (this.ctx.book.names.has(name)) throw new OfficeError('ItemAlreadyExists', `name ${name}`);
      const m = /^=?(?:'((?:[^']|'')*)'|([^'!]*))!(.+)$/.exec(reference);
      const range = m && parseRange(m[3].replace(/\$/g, ''));
      const sheet = m && (m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]);
      if (!m || !range || !sheet || !this.ctx.book.find(sheet)) throw new OfficeError('InvalidArgument', `reference ${reference}`);
      this.ctx.book.names.set(name, { sheet: this.ctx.book.find(sheet)!.name, range: rangeA1(range) });
    });
  }
  getItem(name: string) {
    return {
      delete: () =>
        this.ctx.queue(() => {
          if (!this.ctx.book.names.delete(name)) throw new OfficeError('ItemNotFound', `name ${name}`);
        }),
    };
  }
  getItemOrNullObject(name: string) {
    const proxy = { isNullObject: undefined as boolean | undefined };
    this.ctx.queue(() => void (proxy.isNullObject = !this.ctx.book.names.has(name)), false);
    return {
      get isNullObject(): boolean {
        if (proxy.isNullObject === undefined) throw new OfficeError('PropertyNotLoaded', 'isNullObject before sync');
        return proxy.isNullObject;
      },
      // delete on a null object is a no-op here, as on a null object in Office.js.
      delete: () => this.ctx.queue(() => void this.ctx.book.names.delete(name)),
    };
  }
}

export const quote = (name: string): string => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`);
const unquote = (s: string): string => (s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s);
function absolute(range: string): string {
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

export interface LookOfPage {
  orientation?: string;
  paperSize?: string;
  margins?: { top: number; bottom: number; left: number; right: number };
  printArea?: string;
  printTitleRows?: string;
  zoom?: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  centerHeader?: string;
  centerFooter?: string;
  breaks: number[];
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
  if (c.note) out.note = c.note;
  if (c.locked === false) out.unlocked = true;
  if (c.border) out.border = c.border === true ? 'thin' : c.border;
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

function borderOf(border: Partial<ExcelJS.Borders> | undefined): boolean | string | undefined {
  const sides = [border?.top, border?.bottom, border?.left, border?.right].map((b) => b?.style);
  if (sides.every((b) => b === 'thin')) return true;
  return sides.some((b) => b) ? sides.map((b) => b ?? '-').join(',') : undefined;
}

function visibilityOf(state: string | undefined): string {
  return state === 'veryHidden' ? 'VeryHidden' : state === 'hidden' ? 'Hidden' : 'Visible';
}

/** An in-memory Excel holding what an ExcelJS workbook holds (values as the xlsx host reads them, formats, notes, merges, tables, names). */
export function doubleFromExcelJS(workbook: ExcelJS.Workbook): DWorkbook {
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
    // Column widths as the file has them (ExcelJS's loaded columns), in points.
    const columns = (ws as unknown as { _columns?: ({ width?: number } | undefined)[] })._columns ?? [];
    columns.slice(0, WIDTH_COLUMNS).forEach((c, i) => c?.width && sheet.widths.set(i + 1, widthPoints(c.width)));
    sheet.tables = snap.tables.map((t) => ({ ...t }));
    book.sheets.push(sheet);
  }
  for (const n of snapshot.names) book.names.set(n.name, { sheet: n.sheet, range: n.range });
  return book;
}

export function looksOfDouble(book: DWorkbook): { sheets: LookOfSheet[]; names: Record<string, string> } {
  return {
    sheets: book.sheets.map((s) => {
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
    sheets: workbook.worksheets.map((ws) => {
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

const sameWidth = (chars: number): number => widthChars(widthPoints(chars));

export function pageOfDouble(sheet: DSheet): LookOfPage {
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
  return out;
}
