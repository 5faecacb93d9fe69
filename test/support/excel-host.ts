/**
 * Excel's side of the Office.js request protocol, over the workbook model (test/support/excel-model.ts):
 * what Microsoft's office.js sends through its request executor (`executeAsync(customData, flags,
 * requestMessage)`), executed and answered as Excel answers, so that the library's own rules (what
 * must be loaded and synced, which object paths stay valid, which APIs a requirement set has) and
 * its real request bodies are what the tests see.
 *
 * The protocol, as office.js (excel-web-16.00.js, OfficeExtension) writes and reads it:
 * - `Body.ObjectPaths`: id → { ObjectPathType, Name, ParentObjectPathId, ArgumentInfo }, types
 *   1 the workbook, 3 a method returning an object (GetRange, Add…), 4 a property (Format, Fill…),
 *   5 an indexer (worksheets.getItem), 6 an object kept by reference (`_ReferenceId`), 7 a null object;
 * - `Body.Actions`, in order: 1 instantiate a path, 2 query (QueryInfo.Select, camelCase, '/' into
 *   navigation properties), 3 call a method (its result returned), 4 set a property, 5 trace;
 * - the answer: `Body.Results` [{ ActionId, Value }], properties PascalCase ("Values", "RowIndex"),
 *   collections as { _Items: […] }, a null object as null; an instantiated worksheet carries its `Id`
 *   and a range kept by reference (`_KeepReference`, which Excel.run asks for every range) its
 *   `_ReferenceId`, which is how the library reuses them in the next sync; `Body.Error`
 *   { Code, Message, ActionIndex } stops the batch where it fails (what came before stays done);
 * - a request over 5 MB, or an answer over 5 MB, is refused as a whole (RequestPayloadSizeLimitExceeded,
 *   ResponsePayloadSizeLimitExceeded: Excel on the web's limits), sizes in UTF-8 bytes of the JSON;
 * - flag 64 (Excel.run's delayForCellEdit) makes a batch wait until the user leaves the cell they
 *   are typing in; without it such a batch fails (InvalidOperationInCellEditMode).
 * Only the part of Excel's object model the add-in uses is here; anything else fails loudly
 * (NotImplemented), so that the simulation grows only where a test shows it must.
 */
import { a1, parseCell, parseRange, rangeA1, type RangePos } from '../../src/workbook/address';
import { absolute, ExcelError, quote, unquote, type DCell, type DSheet, type DWorkbook } from './excel-model';

/** Excel on the web refuses a request or an answer over 5 MB. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;

interface ObjectPathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: unknown[] };
}
interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: unknown[] };
  QueryInfo?: { Select?: string[]; Expand?: string[] };
}
export interface RequestBody {
  Actions: ActionInfo[];
  ObjectPaths: Record<string, ObjectPathInfo>;
}
export interface ResponseMessage {
  HttpStatusCode: number;
  ErrorCode: string;
  ErrorMessage: string;
  Headers: Record<string, string> | null;
  Body: { Results?: { ActionId: number; Value: unknown }[]; Error?: { Code: string; Message: string; ActionIndex: number; Location: string; HttpStatusCode: number } } | null;
}

/** One request as Excel received it. */
export interface RecordedRequest {
  /** UTF-8 bytes of the serialized body, and of the answer. */
  bytes: number;
  responseBytes: number;
  actions: number;
  objectPaths: number;
  /** Actions by kind: instantiations, queries, method calls, property sets. */
  kinds: { instantiate: number; query: number; method: number; set: number };
  /** Object paths and actions by name ("GetRange", "Color", "_KeepReference"…). */
  names: Record<string, number>;
  flags: number;
  /** The error it was answered with, if any. */
  error?: string;
  /** Only `_RemoveReference` calls: the clean-up office.js sends after an Excel.run. */
  cleanup: boolean;
}

const encoder = new TextEncoder();
const utf8 = (text: string): number => encoder.encode(text).length;
const camel = (name: string): string => (name.startsWith('_') ? name : name.charAt(0).toLowerCase() + name.slice(1));
const pascal = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);
const notImplemented = (what: string): never => {
  throw new ExcelError('NotImplemented', `${what} is not in the Excel host simulation (test/support/excel-host.ts)`);
};

/** An object of Excel's object model, as the host holds it. */
abstract class HostObject {
  abstract readonly type: string;
  /** Set when the library asks to keep it (`_KeepReference`): it is reached by this id afterwards. */
  referenceId?: string;
  /** What the instantiation answers besides the reference id (a worksheet's Id). */
  identity(): Record<string, unknown> {
    return {};
  }
  /** A navigation property (ObjectPathType 4). */
  nav(name: string): HostObject | null {
    return notImplemented(`${this.type}.${name}`);
  }
  /** A method: an object (ObjectPathType 3) or a value (ActionType 3). */
  call(name: string, _args: unknown[]): unknown {
    return notImplemented(`${this.type}.${name}()`);
  }
  /** The indexer (ObjectPathType 5): collection.getItem(key). */
  index(_args: unknown[]): HostObject | null {
    return notImplemented(`${this.type}[…]`);
  }
  /** A scalar property, camelCase. */
  get(name: string): unknown {
    return notImplemented(`${this.type}.${name} (read)`);
  }
  set(name: string, _value: unknown): void {
    notImplemented(`${this.type}.${name} (write)`);
  }
  /** A collection's items. */
  items?(): HostObject[];
}

/** Host objects reached from the workbook; `book` is shared by all. */
/** A column of the standard width, in points (64 pixels: Calibri 11). */
const STANDARD_WIDTH_POINTS = 48;

class Workbook extends HostObject {
  override readonly type = 'Workbook';
  constructor(
    readonly book: DWorkbook,
    private readonly references: Map<string, HostObject>,
  ) {
    super();
  }
  override nav(name: string): HostObject | null {
    if (name === 'worksheets') return new Worksheets(this.book);
    if (name === 'names') return new Names(this.book);
    if (name === 'tables') return new Tables(this.book, () => this.book.sheets);
    return super.nav(name);
  }
  override call(name: string, args: unknown[]): unknown {
    if (name === '_RemoveReference') {
      this.references.delete(String(args[0]));
      return null;
    }
    return super.call(name, args);
  }
}

class Worksheets extends HostObject {
  override readonly type = 'WorksheetCollection';
  constructor(readonly book: DWorkbook) {
    super();
  }
  private sheet(key: unknown): DSheet | undefined {
    return this.book.byId(String(key)) ?? this.book.find(String(key));
  }
  override items(): HostObject[] {
    return this.book.sheets.map((s) => new Worksheet(this.book, s));
  }
  override index(args: unknown[]): HostObject {
    const s = this.sheet(args[0]);
    if (!s) throw new ExcelError('ItemNotFound', `The worksheet ${String(args[0])} does not exist.`);
    return new Worksheet(this.book, s);
  }
  override call(name: string, args: unknown[]): unknown {
    const visible = (sheets: DSheet[]) => (args[0] ? sheets.filter((s) => s.visibility === 'Visible') : sheets);
    switch (name) {
      case 'getItemOrNullObject': {
        const s = this.sheet(args[0]);
        return s ? new Worksheet(this.book, s) : null;
      }
      case 'getFirst': {
        const s = visible(this.book.sheets)[0];
        if (!s) throw new ExcelError('ItemNotFound', 'The workbook has no sheet.');
        return new Worksheet(this.book, s);
      }
      case 'getCount':
        return visible(this.book.sheets).length;
      case 'add': {
        const sheetName = args[0] === undefined || args[0] === null ? `Sheet${this.book.sheets.length + 1}` : String(args[0]);
        return new Worksheet(this.book, this.book.addSheet(sheetName));
      }
      case 'getActiveWorksheet': {
        const s = (this.book.active && this.book.find(this.book.active)) || this.book.sheets[0];
        return new Worksheet(this.book, s);
      }
    }
    return super.call(name, args);
  }
}

class Worksheet extends HostObject {
  override readonly type = 'Worksheet';
  constructor(
    readonly book: DWorkbook,
    readonly sheet: DSheet,
  ) {
    super();
  }
  private live(): DSheet {
    if (!this.book.sheets.includes(this.sheet)) throw new ExcelError('ItemNotFound', `The worksheet ${this.sheet.name} was deleted.`);
    return this.sheet;
  }
  override identity(): Record<string, unknown> {
    return { Id: this.sheet.id };
  }
  override get(name: string): unknown {
    const s = this.live();
    switch (name) {
      case 'name':
        return s.name;
      case 'id':
        return s.id;
      case 'visibility':
        return s.visibility;
      case 'position':
        return this.book.sheets.indexOf(s);
    }
    return super.get(name);
  }
  override set(name: string, value: unknown): void {
    const s = this.live();
    if (name === 'visibility') return this.book.setVisibility(s, String(value));
    if (name === 'name') {
      if (this.book.find(String(value)) && this.book.find(String(value)) !== s) throw new ExcelError('ItemAlreadyExists', `A sheet named ${String(value)} exists already.`);
      s.name = String(value);
      return;
    }
    super.set(name, value);
  }
  override nav(name: string): HostObject | null {
    const s = this.live();
    switch (name) {
      case 'protection':
        return new WorksheetProtection(s);
      case 'pageLayout':
        return new PageLayout(s);
      case 'horizontalPageBreaks':
        return new PageBreaks(s);
      case 'notes':
        return new Explanations('NoteCollection', this.book, s);
      case 'comments':
        return new Explanations('CommentCollection', this.book, s);
      case 'tables':
        return new Tables(this.book, () => [s]);
    }
    return super.nav(name);
  }
  override call(name: string, args: unknown[]): unknown {
    const s = this.live();
    const next = (step: number) => {
      const all = args[0] ? this.book.sheets.filter((x) => x.visibility === 'Visible' || x === s) : this.book.sheets;
      const n = all[all.indexOf(s) + step];
      return n ? new Worksheet(this.book, n) : null;
    };
    switch (name) {
      case 'getRange': {
        const pos = args[0] === undefined || args[0] === null ? { top: 1, left: 1, bottom: 1048576, right: 16384 } : parseRange(String(args[0]));
        if (!pos || String(args[0]).includes('!')) throw new ExcelError('InvalidArgument', `The address ${String(args[0])} is not valid.`);
        return new Range(this.book, s, pos);
      }
      case 'getRangeByIndexes': {
        const [row, col, rows, cols] = args.map(Number);
        if (!(rows > 0 && cols > 0)) throw new ExcelError('InvalidArgument', 'getRangeByIndexes needs at least one row and one column.');
        return new Range(this.book, s, { top: row + 1, left: col + 1, bottom: row + rows, right: col + cols });
      }
      case 'getRanges': {
        const areas = String(args[0] ?? '')
          .split(/[,;]/)
          .map((a) => parseRange(a.trim()));
        if (!areas.length || areas.some((a) => !a)) throw new ExcelError('InvalidArgument', `The addresses ${String(args[0])} are not valid.`);
        return new RangeAreas(this.book, s, areas as RangePos[]);
      }
      case 'getUsedRange':
      case 'getUsedRangeOrNullObject': {
        const pos = s.used(Boolean(args[0]));
        if (!pos && name === 'getUsedRange') return new Range(this.book, s, { top: 1, left: 1, bottom: 1, right: 1 });
        return pos ? new Range(this.book, s, pos) : null;
      }
      case 'getNext':
      case 'getNextOrNullObject': {
        const n = next(1);
        if (!n && name === 'getNext') throw new ExcelError('ItemNotFound', 'There is no next sheet.');
        return n;
      }
      case '_GetSheetById': {
        const found = this.book.byId(String(args[0]));
        if (!found) throw new ExcelError('ItemNotFound', `No sheet has the id ${String(args[0])}.`);
        return new Worksheet(this.book, found);
      }
      case 'delete':
        this.book.deleteSheet(s);
        return null;
      case 'activate':
        if (s.visibility !== 'Visible') throw new ExcelError('InvalidOperation', `The hidden sheet ${s.name} cannot be activated.`);
        this.book.active = s.name;
        return null;
    }
    return super.call(name, args);
  }
}

class Range extends HostObject {
  override readonly type = 'Range';
  constructor(
    readonly book: DWorkbook,
    readonly sheet: DSheet,
    readonly pos: RangePos,
  ) {
    super();
  }
  private get rows(): number {
    return this.pos.bottom - this.pos.top + 1;
  }
  private get cols(): number {
    return this.pos.right - this.pos.left + 1;
  }
  private grid<T>(f: (c: DCell | undefined) => T): T[][] {
    return Array.from({ length: this.rows }, (_, i) => Array.from({ length: this.cols }, (_, j) => f(this.sheet.peek(this.pos.top + i, this.pos.left + j))));
  }
  private each(f: (row: number, col: number) => void): void {
    for (let r = this.pos.top; r <= this.pos.bottom; r++) for (let c = this.pos.left; c <= this.pos.right; c++) f(r, c);
  }
  /** Every cell gets the format (the sheet's protection permitting). */
  format(f: (c: DCell) => void): void {
    this.each((r, c) => this.sheet.setFormat(r, c, f));
  }
  /** A 2-D block the shape of the range (Excel: InvalidArgument otherwise). */
  private block(value: unknown, what: string): unknown[][] {
    if (!Array.isArray(value) || value.length !== this.rows || value.some((r) => !Array.isArray(r) || r.length !== this.cols))
      throw new ExcelError('InvalidArgument', `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}, ${this.rows}×${this.cols}).`);
    return value as unknown[][];
  }
  address(): string {
    return `${quote(this.sheet.name)}!${rangeA1(this.pos)}`;
  }
  override get(name: string): unknown {
    switch (name) {
      case 'values':
        return this.grid((c) => (c?.value === null || c?.value === undefined ? '' : typeof c.value === 'object' ? c.value.error : c.value));
      case 'valueTypes':
        return this.grid((c) => (c?.value === null || c?.value === undefined ? 'Empty' : typeof c.value === 'object' ? 'Error' : typeof c.value === 'number' ? 'Double' : typeof c.value === 'boolean' ? 'Boolean' : 'String'));
      case 'numberFormat':
        return this.grid((c) => c?.numberFormat ?? 'General');
      case 'text':
        return this.grid((c) => (c?.value === null || c?.value === undefined ? '' : typeof c.value === 'object' ? c.value.error : String(c.value)));
      case 'address':
        return this.address();
      case 'rowIndex':
        return this.pos.top - 1;
      case 'columnIndex':
        return this.pos.left - 1;
      case 'rowCount':
        return this.rows;
      case 'columnCount':
        return this.cols;
      case 'cellCount':
        return this.rows * this.cols;
    }
    return super.get(name);
  }
  override set(name: string, value: unknown): void {
    switch (name) {
      case 'values': {
        const block = this.block(value, 'values');
        return block.forEach((row, i) => row.forEach((v, j) => this.sheet.setValue(this.pos.top + i, this.pos.left + j, v)));
      }
      case 'numberFormat': {
        const block = this.block(value, 'numberFormat');
        return block.forEach((row, i) =>
          row.forEach((f, j) => {
            if (f !== null) this.sheet.setFormat(this.pos.top + i, this.pos.left + j, (c) => (c.numberFormat = String(f)));
          }),
        );
      }
    }
    super.set(name, value);
  }
  override nav(name: string): HostObject | null {
    if (name === 'format') return new RangeFormat([this]);
    if (name === 'worksheet') return new Worksheet(this.book, this.sheet);
    return super.nav(name);
  }
  override call(name: string, args: unknown[]): unknown {
    switch (name) {
      case '_KeepReference':
        return null;
      case 'clear':
        this.sheet.clear(this.pos, args[0] === undefined || args[0] === null ? 'All' : String(args[0]));
        return null;
      case 'merge':
        if (args[0]) {
          for (let r = this.pos.top; r <= this.pos.bottom; r++) this.sheet.merge({ ...this.pos, top: r, bottom: r });
        } else this.sheet.merge(this.pos);
        return null;
      case 'unmerge':
        this.sheet.unmerge(this.pos);
        return null;
      case 'select':
        if (this.book.active?.toLowerCase() !== this.sheet.name.toLowerCase()) throw new ExcelError('InvalidOperation', 'A range can be selected on the active sheet only.');
        this.book.selected = `${this.sheet.name}!${a1(this.pos.top, this.pos.left)}`;
        return null;
      case 'getMergedAreasOrNullObject': {
        const areas = this.sheet.mergedAreas(this.pos);
        return areas.length ? new RangeAreas(this.book, this.sheet, areas) : null;
      }
      case 'getSpecialCellsOrNullObject': {
        // 'Visible' only (what the read asks); any other kind fails loudly, as unknown members do.
        if (args[0] !== 'Visible') throw new ExcelError('NotImplemented', `getSpecialCellsOrNullObject(${String(args[0])}) is not simulated.`);
        const areas = this.sheet.visibleAreas(this.pos);
        return areas.length ? new RangeAreas(this.book, this.sheet, areas) : null;
      }
      case 'getCellProperties':
        return this.cellProperties(args[0] as CellPropertiesOptions);
      case 'getColumnProperties':
        return this.columnProperties(args[0] as { format?: { columnWidth?: boolean; useStandardWidth?: boolean } });
      case 'copyFrom':
        return this.copyFrom(args[0], String(args[1] ?? 'All'));
      case 'getIntersectionOrNullObject':
      case 'getIntersection': {
        const other = this.other(args[0]);
        const pos = { top: Math.max(this.pos.top, other.top), left: Math.max(this.pos.left, other.left), bottom: Math.min(this.pos.bottom, other.bottom), right: Math.min(this.pos.right, other.right) };
        const none = pos.top > pos.bottom || pos.left > pos.right;
        if (none && name === 'getIntersection') throw new ExcelError('ItemNotFound', 'The ranges do not intersect.');
        return none ? null : new Range(this.book, this.sheet, pos);
      }
      case 'getCell':
        return new Range(this.book, this.sheet, { top: this.pos.top + Number(args[0]), left: this.pos.left + Number(args[1]), bottom: this.pos.top + Number(args[0]), right: this.pos.left + Number(args[1]) });
      case 'getResizedRange':
        return new Range(this.book, this.sheet, { ...this.pos, bottom: this.pos.bottom + Number(args[0]), right: this.pos.right + Number(args[1]) });
      case 'getAbsoluteResizedRange':
        return new Range(this.book, this.sheet, { ...this.pos, bottom: this.pos.top + Number(args[0]) - 1, right: this.pos.left + Number(args[1]) - 1 });
      case 'getRow':
        return new Range(this.book, this.sheet, { ...this.pos, top: this.pos.top + Number(args[0]), bottom: this.pos.top + Number(args[0]) });
      case 'getColumn':
        return new Range(this.book, this.sheet, { ...this.pos, left: this.pos.left + Number(args[0]), right: this.pos.left + Number(args[0]) });
      case 'getBoundingRect': {
        const other = this.other(args[0]);
        return new Range(this.book, this.sheet, { top: Math.min(this.pos.top, other.top), left: Math.min(this.pos.left, other.left), bottom: Math.max(this.pos.bottom, other.bottom), right: Math.max(this.pos.right, other.right) });
      }
      case '_ValidateArraySize':
        // office.js sends it before it cuts a large values block in rows itself (setRangePropertiesInBulk).
        if (Number(args[0]) !== this.rows || Number(args[1]) !== this.cols) throw new ExcelError('InvalidArgument', `The array (${String(args[0])}×${String(args[1])}) does not match the range (${this.rows}×${this.cols}).`);
        return null;
      case 'getEntireRow':
        return new Range(this.book, this.sheet, { ...this.pos, left: 1, right: 16384 });
    }
    return super.call(name, args);
  }
  /** A range argument: an address on this sheet, or a range the request passed by its object path. */
  private other(arg: unknown): RangePos {
    if (arg instanceof Range) return arg.pos;
    const pos = typeof arg === 'string' ? parseRange(arg) : undefined;
    if (!pos) throw new ExcelError('InvalidArgument', `The range ${String(arg)} is not valid.`);
    return pos;
  }
  /** Per column: its width in points, and whether it is the sheet's standard width (never set). */
  private columnProperties(options: { format?: { columnWidth?: boolean; useStandardWidth?: boolean } }): unknown[] {
    return Array.from({ length: this.pos.right - this.pos.left + 1 }, (_, j) => {
      const w = this.sheet.widths.get(this.pos.left + j);
      return { format: { ...(options?.format?.columnWidth ? { columnWidth: w ?? STANDARD_WIDTH_POINTS } : {}), ...(options?.format?.useStandardWidth ? { useStandardWidth: w === undefined } : {}) } };
    });
  }
  private cellProperties(options: CellPropertiesOptions): unknown[][] {
    return this.grid((c) => {
      const out: Record<string, unknown> = {};
      if (options?.format?.font?.name) out.format = { font: { name: c?.fontName ?? 'Calibri' } };
      if (options?.address) out.address = undefined;
      return out;
    });
  }
  /** Paste formats: the source tiled over this range, as Excel pastes. */
  private copyFrom(source: unknown, copyType: string): null {
    if (copyType !== 'Formats') notImplemented(`copyFrom(…, '${copyType}')`);
    const from = source instanceof Range ? source : typeof source === 'string' ? this.addressed(source) : undefined;
    if (!from) throw new ExcelError('InvalidArgument', `The source ${String(source)} is not valid.`);
    const rows = from.pos.bottom - from.pos.top + 1;
    const cols = from.pos.right - from.pos.left + 1;
    const copied: Partial<DCell>[][] = Array.from({ length: rows }, (_, i) =>
      Array.from({ length: cols }, (_, j) => {
        const format: Partial<DCell> = { ...(from.sheet.peek(from.pos.top + i, from.pos.left + j) ?? {}) };
        delete format.value;
        delete format.note;
        delete format.comment;
        return format;
      }),
    );
    this.each((r, c) =>
      this.sheet.setFormat(r, c, (cell) => {
        for (const k of FORMATS) delete cell[k];
        Object.assign(cell, copied[(r - this.pos.top) % rows][(c - this.pos.left) % cols]);
      }),
    );
    return null;
  }
  /** An address, with or without its sheet ("'KP'!A1:A9", "A1:A9" on this sheet). */
  private addressed(address: string): Range | undefined {
    const bang = address.lastIndexOf('!');
    const sheet = bang < 0 ? this.sheet : this.book.find(unquote(address.slice(0, bang)));
    const pos = parseRange(address.slice(bang + 1));
    return sheet && pos ? new Range(this.book, sheet, pos) : undefined;
  }
}

interface CellPropertiesOptions {
  format?: { font?: { name?: boolean } };
  address?: boolean;
}

const FORMATS = ['numberFormat', 'fill', 'color', 'bold', 'italic', 'size', 'fontName', 'border', 'wrap', 'hAlign', 'vAlign', 'locked'] as const;

class RangeAreas extends HostObject {
  override readonly type = 'RangeAreas';
  constructor(
    readonly book: DWorkbook,
    readonly sheet: DSheet,
    readonly areas: RangePos[],
  ) {
    super();
  }
  override get(name: string): unknown {
    if (name === 'address') return this.areas.map((m) => `${quote(this.sheet.name)}!${rangeA1(m)}`).join(',');
    if (name === 'areaCount') return this.areas.length;
    return super.get(name);
  }
  override nav(name: string): HostObject | null {
    if (name === 'format') return new RangeFormat(this.areas.map((pos) => new Range(this.book, this.sheet, pos)));
    return super.nav(name);
  }
  override call(name: string, args: unknown[]): unknown {
    if (name === '_KeepReference') return null;
    return super.call(name, args);
  }
}

class RangeFormat extends HostObject {
  override readonly type = 'RangeFormat';
  /** The format of one range, or of every area of a RangeAreas. */
  constructor(readonly ranges: Range[]) {
    super();
  }
  private get range(): Range {
    if (this.ranges.length !== 1) notImplemented('this format of several areas');
    return this.ranges[0];
  }
  override nav(name: string): HostObject | null {
    switch (name) {
      case 'fill':
        return new Setter('RangeFill', this.ranges, { color: (c, v) => (c.fill = String(v).replace(/^#/, '').toUpperCase()) });
      case 'font':
        return new Setter('RangeFont', this.ranges, {
          color: (c, v) => (c.color = String(v).replace(/^#/, '').toUpperCase()),
          bold: (c, v) => (c.bold = Boolean(v)),
          italic: (c, v) => (c.italic = Boolean(v)),
          size: (c, v) => (c.size = Number(v)),
          name: (c, v) => (c.fontName = String(v)),
        });
      case 'protection':
        return new Setter('FormatProtection', this.ranges, { locked: (c, v) => (c.locked = Boolean(v)) });
      case 'borders':
        return new Borders(this.range);
    }
    return super.nav(name);
  }
  override set(name: string, value: unknown): void {
    const each = (f: (c: DCell) => void) => this.ranges.forEach((r) => r.format(f));
    switch (name) {
      case 'wrapText':
        return each((c) => (c.wrap = Boolean(value)));
      case 'horizontalAlignment':
        return each((c) => (c.hAlign = String(value)));
      case 'verticalAlignment':
        return each((c) => (c.vAlign = String(value)));
    }
    const { sheet, pos } = this.range;
    switch (name) {
      case 'columnWidth':
        for (let c = pos.left; c <= pos.right; c++) sheet.widths.set(c, Number(value));
        return;
      case 'rowHeight':
        for (let r = pos.top; r <= pos.bottom; r++) sheet.heights.set(r, Number(value));
        return;
      case 'useStandardWidth':
        if (value === true) for (let c = pos.left; c <= pos.right; c++) sheet.widths.delete(c);
        return;
    }
    super.set(name, value);
  }
}

/** A format object whose properties set one field on every cell of its range (fill, font, protection). */
class Setter extends HostObject {
  constructor(
    override readonly type: string,
    private readonly ranges: Range[],
    private readonly fields: Record<string, (c: DCell, v: unknown) => void>,
  ) {
    super();
  }
  override set(name: string, value: unknown): void {
    const field = this.fields[name];
    if (!field) return super.set(name, value);
    for (const range of this.ranges) range.format((c) => field(c, value));
  }
}

const SIDES: Record<string, 'top' | 'bottom' | 'left' | 'right'> = { EdgeTop: 'top', EdgeBottom: 'bottom', EdgeLeft: 'left', EdgeRight: 'right' };
const STYLES: Record<string, string> = { Continuous: 'thin', None: '' };

class Borders extends HostObject {
  override readonly type = 'RangeBorderCollection';
  constructor(readonly range: Range) {
    super();
  }
  override index(args: unknown[]): HostObject {
    return new Border(this.range, String(args[0]));
  }
  override call(name: string, args: unknown[]): unknown {
    if (name === 'getItem') return this.index(args);
    return super.call(name, args);
  }
}

class Border extends HostObject {
  override readonly type = 'RangeBorder';
  constructor(
    readonly range: Range,
    readonly edge: string,
  ) {
    super();
  }
  override set(name: string, value: unknown): void {
    if (name !== 'style') return super.set(name, value);
    const style = STYLES[String(value)];
    if (style === undefined) notImplemented(`border style ${String(value)}`);
    const { sheet, pos } = this.range;
    // Which side of which cells an edge of the range is (inside edges: both cells' sides).
    const sides: [number, number, 'top' | 'bottom' | 'left' | 'right'][] = [];
    for (let r = pos.top; r <= pos.bottom; r++)
      for (let c = pos.left; c <= pos.right; c++) {
        const side = SIDES[this.edge];
        if (side === 'top' && r === pos.top) sides.push([r, c, 'top']);
        if (side === 'bottom' && r === pos.bottom) sides.push([r, c, 'bottom']);
        if (side === 'left' && c === pos.left) sides.push([r, c, 'left']);
        if (side === 'right' && c === pos.right) sides.push([r, c, 'right']);
        if (this.edge === 'InsideHorizontal') {
          if (r > pos.top) sides.push([r, c, 'top']);
          if (r < pos.bottom) sides.push([r, c, 'bottom']);
        }
        if (this.edge === 'InsideVertical') {
          if (c > pos.left) sides.push([r, c, 'left']);
          if (c < pos.right) sides.push([r, c, 'right']);
        }
      }
    if (!SIDES[this.edge] && this.edge !== 'InsideHorizontal' && this.edge !== 'InsideVertical') notImplemented(`border ${this.edge}`);
    for (const [r, c, side] of sides)
      sheet.setFormat(r, c, (cell) => {
        const border = { ...cell.border };
        if (style) border[side] = style;
        else delete border[side];
        if (Object.keys(border).length) cell.border = border;
        else delete cell.border;
      });
  }
}

class WorksheetProtection extends HostObject {
  override readonly type = 'WorksheetProtection';
  constructor(readonly sheet: DSheet) {
    super();
  }
  override get(name: string): unknown {
    if (name === 'protected') return this.sheet.protected;
    return super.get(name);
  }
  override call(name: string, args: unknown[]): unknown {
    if (name === 'protect') {
      this.sheet.protect();
      return null;
    }
    if (name === 'unprotect') {
      this.sheet.protected = false;
      return null;
    }
    return super.call(name, args);
  }
}

const MARGINS: Record<string, 'top' | 'bottom' | 'left' | 'right'> = { topMargin: 'top', bottomMargin: 'bottom', leftMargin: 'left', rightMargin: 'right' };

class PageLayout extends HostObject {
  override readonly type = 'PageLayout';
  constructor(readonly sheet: DSheet) {
    super();
  }
  override set(name: string, value: unknown): void {
    const page = this.sheet.page;
    if (MARGINS[name]) {
      page.margins = { ...(page.margins ?? { top: 0, bottom: 0, left: 0, right: 0 }), [MARGINS[name]]: Number(value) };
      return;
    }
    switch (name) {
      case 'orientation':
        page.orientation = String(value);
        return;
      case 'paperSize':
        page.paperSize = String(value);
        return;
      case 'zoom':
        page.zoom = { ...(value as object) };
        return;
      case 'firstPageNumber':
        if (value !== null && (!Number.isInteger(value) || Number(value) < 1)) throw new ExcelError('InvalidArgument', `firstPageNumber ${String(value)}`);
        page.firstPageNumber = value === null ? undefined : Number(value);
        return;
      case 'headerMargin':
      case 'footerMargin':
      case 'centerHorizontally':
        return;
    }
    super.set(name, value);
  }
  override call(name: string, args: unknown[]): unknown {
    const page = this.sheet.page;
    if (name === 'setPrintArea') {
      const pos = parseRange(String(args[0]));
      if (!pos) throw new ExcelError('InvalidArgument', `print area ${String(args[0])}`);
      page.printArea = rangeA1(pos);
      return null;
    }
    if (name === 'setPrintTitleRows') {
      const a = String(args[0]);
      if (!/^\$?\d+:\$?\d+$/.test(a)) throw new ExcelError('InvalidArgument', `Print title rows must span entire rows: ${a}`);
      page.printTitleRows = a.replace(/\$/g, '');
      return null;
    }
    return super.call(name, args);
  }
  override nav(name: string): HostObject | null {
    if (name === 'headersFooters') return new HeadersFooters(this.sheet);
    return super.nav(name);
  }
}

class HeadersFooters extends HostObject {
  override readonly type = 'HeaderFooterGroup';
  constructor(readonly sheet: DSheet) {
    super();
  }
  override nav(name: string): HostObject | null {
    if (name === 'defaultForAllPages') return new HeaderFooter(this.sheet);
    return super.nav(name);
  }
}

class HeaderFooter extends HostObject {
  override readonly type = 'HeaderFooter';
  constructor(readonly sheet: DSheet) {
    super();
  }
  override set(name: string, value: unknown): void {
    if (name === 'centerHeader') this.sheet.page.centerHeader = String(value);
    else if (name === 'centerFooter') this.sheet.page.centerFooter = String(value);
    else super.set(name, value);
  }
}

class PageBreaks extends HostObject {
  override readonly type = 'PageBreakCollection';
  constructor(readonly sheet: DSheet) {
    super();
  }
  override call(name: string, args: unknown[]): unknown {
    if (name === 'add') {
      const pos = args[0] instanceof Range ? args[0].pos : parseRange(String(args[0]));
      if (!pos) throw new ExcelError('InvalidArgument', `page break ${String(args[0])}`);
      // Excel's specifications: at most 1,026 horizontal page breaks on a sheet.
      if (this.sheet.page.breaks.length >= 1026) throw new ExcelError('InvalidOperation', `${this.sheet.name} has 1,026 page breaks already.`);
      this.sheet.page.breaks.push(pos.top);
      return new Plain('PageBreak');
    }
    return super.call(name, args);
  }
}

/** A cell given by an address or a range; `sheetNamed`: the address must name its sheet (comments). */
function singleCell(book: DWorkbook, sheet: DSheet, at: unknown, sheetNamed: boolean): { sheet: DSheet; row: number; col: number } {
  if (at instanceof Range) {
    if (at.pos.top !== at.pos.bottom || at.pos.left !== at.pos.right) throw new ExcelError('InvalidCellAddress', `${at.address()} is not a single cell.`);
    return { sheet: at.sheet, row: at.pos.top, col: at.pos.left };
  }
  const text = String(at);
  const bang = text.lastIndexOf('!');
  if (sheetNamed && bang < 0) throw new ExcelError('InvalidArgument', `The comment address ${text} must name its sheet.`);
  const where = bang < 0 ? sheet : book.find(unquote(text.slice(0, bang)));
  const cell = parseCell(text.slice(bang + 1));
  if (!where || !cell) throw new ExcelError(sheetNamed ? 'InvalidArgument' : 'InvalidCellAddress', `${text} is not a single cell.`);
  return { sheet: where, row: cell.row, col: cell.col };
}

/** A sheet's notes or its threaded comments: one per cell; a comment's address names its sheet. */
class Explanations extends HostObject {
  constructor(
    override readonly type: 'NoteCollection' | 'CommentCollection',
    readonly book: DWorkbook,
    readonly sheet: DSheet,
  ) {
    super();
  }
  override call(name: string, args: unknown[]): unknown {
    if (name !== 'add') return super.call(name, args);
    const comment = this.type === 'CommentCollection';
    const at = singleCell(this.book, this.sheet, args[0], comment);
    if (comment) at.sheet.addComment(at.row, at.col, String(args[1]));
    else at.sheet.addNote(at.row, at.col, String(args[1]));
    return new Plain(comment ? 'Comment' : 'Note');
  }
}

class Names extends HostObject {
  override readonly type = 'NamedItemCollection';
  constructor(readonly book: DWorkbook) {
    super();
  }
  override items(): HostObject[] {
    return [...this.book.names.keys()].map((n) => new NamedItem(this.book, n));
  }
  private key(name: unknown): string | undefined {
    return [...this.book.names.keys()].find((k) => k.toLowerCase() === String(name).toLowerCase());
  }
  override index(args: unknown[]): HostObject {
    const key = this.key(args[0]);
    if (!key) throw new ExcelError('ItemNotFound', `The name ${String(args[0])} does not exist.`);
    return new NamedItem(this.book, key);
  }
  override call(name: string, args: unknown[]): unknown {
    if (name === 'getItemOrNullObject') {
      const key = this.key(args[0]);
      return key ? new NamedItem(this.book, key) : null;
    }
    if (name === 'add') {
      const reference = args[1] instanceof Range ? `=${args[1].address()}` : String(args[1]);
      this.book.addName(String(args[0]), reference);
      return new NamedItem(this.book, String(args[0]));
    }
    return super.call(name, args);
  }
}

class NamedItem extends HostObject {
  override readonly type = 'NamedItem';
  constructor(
    readonly book: DWorkbook,
    readonly name: string,
  ) {
    super();
  }
  override identity(): Record<string, unknown> {
    return { Name: this.name };
  }
  private entry(): { sheet: string; range: string } {
    const n = this.book.names.get(this.name);
    if (!n) throw new ExcelError('ItemNotFound', `The name ${this.name} does not exist.`);
    return n;
  }
  override get(name: string): unknown {
    const n = this.entry();
    const formula = n.sheet === '#REF!' ? '=#REF!' : `=${quote(n.sheet)}!${absolute(n.range)}`;
    switch (name) {
      case 'name':
        return this.name;
      case 'type':
        return n.sheet === '#REF!' ? 'Error' : 'Range';
      case 'formula':
        return formula;
      case 'value':
        return formula.slice(1);
      case 'visible':
        return true;
    }
    return super.get(name);
  }
  override call(name: string, args: unknown[]): unknown {
    if (name === 'delete') {
      this.entry();
      this.book.names.delete(this.name);
      return null;
    }
    return super.call(name, args);
  }
}

class Tables extends HostObject {
  override readonly type = 'TableCollection';
  constructor(
    readonly book: DWorkbook,
    private readonly sheets: () => DSheet[],
  ) {
    super();
  }
  private all(): Table[] {
    return this.sheets().flatMap((s) => s.tables.map((t) => new Table(this.book, s, t)));
  }
  override items(): HostObject[] {
    return this.all();
  }
  override index(args: unknown[]): HostObject {
    const t = this.all().find((x) => x.table.name.toLowerCase() === String(args[0]).toLowerCase());
    if (!t) throw new ExcelError('ItemNotFound', `The table ${String(args[0])} does not exist.`);
    return t;
  }
  override call(name: string, args: unknown[]): unknown {
    if (name === 'getItemAt') {
      const t = this.all()[Number(args[0])];
      if (!t) throw new ExcelError('ItemNotFound', `No table at ${String(args[0])}.`);
      return t;
    }
    if (name === 'getCount') return this.all().length;
    return super.call(name, args);
  }
}

class Table extends HostObject {
  override readonly type = 'Table';
  constructor(
    readonly book: DWorkbook,
    readonly sheet: DSheet,
    readonly table: { name: string; range: string },
  ) {
    super();
  }
  override identity(): Record<string, unknown> {
    return { Id: this.table.name };
  }
  override get(name: string): unknown {
    if (name === 'name' || name === 'id') return this.table.name;
    return super.get(name);
  }
  override nav(name: string): HostObject | null {
    if (name === 'worksheet') return new Worksheet(this.book, this.sheet);
    return super.nav(name);
  }
  override call(name: string, args: unknown[]): unknown {
    if (name === 'getRange') return new Range(this.book, this.sheet, parseRange(this.table.range)!);
    return super.call(name, args);
  }
}

/** What office.js tells Excel of itself on start (Excel's answer: nothing). */
class AddinInternalService extends HostObject {
  override readonly type = 'AddinInternalService';
  override call(name: string, args: unknown[]): unknown {
    return name === 'notifyActionHandlerReady' ? null : super.call(name, args);
  }
}

/** An object the add-in only makes (a note, a comment, a page break): nothing to ask of it. */
class Plain extends HostObject {
  constructor(override readonly type: string) {
    super();
  }
}

export interface HostOptions {
  /** Bytes; Excel on the web's 5 MB unless a test says otherwise. */
  requestLimit?: number;
  responseLimit?: number;
}

/**
 * Excel behind the request executor: `executeAsync` is what office.js calls in place of the
 * channel to Excel. Every request is recorded (`requests`); a test may change the workbook between
 * requests as a user would (`beforeRequest`), or break a request part way (`failAt`).
 */
export class ExcelHost {
  readonly requests: RecordedRequest[] = [];
  /** Called before request `index` (0-based) runs: a user's edit "meanwhile". */
  beforeRequest?: (index: number) => void;
  /** Called after request `index` ran (or failed). */
  afterRequest?: (index: number) => void;
  /** The product's request `request` (0-based, office.js's clean-ups not counted) fails at its `action`-th action, as a lost connection would. */
  failAt?: { request: number; action: number };
  private readonly references = new Map<string, HostObject>();
  private nextReference = 1;

  constructor(
    public book: DWorkbook,
    private readonly options: HostOptions = {},
  ) {}

  executeAsync(_customData: unknown, flags: number, message: { Body: RequestBody }): Promise<ResponseMessage> {
    return new Promise((resolve) =>
      setTimeout(() => {
        const response = this.execute(flags, message.Body);
        this.afterRequest?.(this.requests.length - 1);
        resolve(response);
      }, 0),
    );
  }

  private execute(flags: number, body: RequestBody): ResponseMessage {
    const index = this.requests.length;
    this.beforeRequest?.(index);
    const text = JSON.stringify(body);
    const kinds = { instantiate: 0, query: 0, method: 0, set: 0 };
    const names: Record<string, number> = {};
    for (const p of Object.values(body.ObjectPaths)) if (p.Name) names[p.Name] = (names[p.Name] ?? 0) + 1;
    for (const a of body.Actions) {
      if (a.Name) names[a.Name] = (names[a.Name] ?? 0) + 1;
      if (a.ActionType === 1) kinds.instantiate++;
      else if (a.ActionType === 2) kinds.query++;
      else if (a.ActionType === 3) kinds.method++;
      else if (a.ActionType === 4) kinds.set++;
    }
    const recorded: RecordedRequest = {
      bytes: utf8(text),
      responseBytes: 0,
      actions: body.Actions.length,
      objectPaths: Object.keys(body.ObjectPaths).length,
      kinds,
      names,
      flags,
      cleanup: body.Actions.length > 0 && body.Actions.every((a) => a.ActionType === 1 || a.Name === '_RemoveReference') && body.Actions.some((a) => a.Name === '_RemoveReference'),
    };
    this.requests.push(recorded);
    const refuse = (code: string, message: string): ResponseMessage => {
      recorded.error = code;
      return { HttpStatusCode: 400, ErrorCode: code, ErrorMessage: message, Headers: null, Body: null };
    };
    if (recorded.bytes > (this.options.requestLimit ?? PAYLOAD_LIMIT_BYTES)) return refuse('RequestPayloadSizeLimitExceeded', `The request payload size (${recorded.bytes} bytes) has exceeded the limit.`);
    if (this.book.editing) {
      // Excel.run({ delayForCellEdit: true }) waits until the user leaves the cell (flag 64); else the batch fails.
      if (!(flags & 64)) return refuse('InvalidOperationInCellEditMode', 'Excel is in cell-editing mode.');
      this.book.editing = undefined;
    }
    const results: { ActionId: number; Value: unknown }[] = [];
    const paths = new Map<number, HostObject | null>();
    let error: NonNullable<ResponseMessage['Body']>['Error'];
    for (let i = 0; i < body.Actions.length; i++) {
      const action = body.Actions[i];
      try {
        if (this.failAt && !recorded.cleanup && this.failAt.request === this.requests.filter((r) => !r.cleanup).length - 1 && this.failAt.action === i) throw new ExcelError('GeneralException', 'The connection to Excel was lost (a test breaks the write here).');
        const value = this.act(action, body, paths);
        if (value !== undefined) results.push({ ActionId: action.Id, Value: value });
      } catch (e) {
        const err = e instanceof ExcelError ? e : new ExcelError('GeneralException', String(e));
        error = { Code: err.code, Message: err.message.replace(/^\w+: /, ''), ActionIndex: i, Location: '', HttpStatusCode: 400 };
        recorded.error = err.code;
        break;
      }
    }
    const answer: ResponseMessage['Body'] = error ? { Results: results, Error: error } : { Results: results };
    recorded.responseBytes = utf8(JSON.stringify(answer));
    if (recorded.responseBytes > (this.options.responseLimit ?? PAYLOAD_LIMIT_BYTES)) return refuse('ResponsePayloadSizeLimitExceeded', `The response payload size (${recorded.responseBytes} bytes) has exceeded the limit.`);
    return { HttpStatusCode: 200, ErrorCode: '', ErrorMessage: '', Headers: {}, Body: answer };
  }

  private act(action: ActionInfo, body: RequestBody, paths: Map<number, HostObject | null>): unknown {
    const target = this.resolve(action.ObjectPathId, body, paths);
    switch (action.ActionType) {
      case 1:
        return target === null ? null : { ...target.identity(), ...(target.referenceId ? { _ReferenceId: target.referenceId } : {}) };
      case 2:
        return target === null ? null : query(target, action.QueryInfo?.Select);
      case 3: {
        if (target === null) return null;
        const name = camel(action.Name);
        if (name === '_KeepReference') {
          target.referenceId ??= `{${String(this.nextReference++).padStart(8, '0')}}${target.type}`;
          this.references.set(target.referenceId, target);
          return null;
        }
        const result = target.call(name, this.args(action.ArgumentInfo, body, paths));
        return result instanceof HostObject ? undefined : (result ?? undefined);
      }
      case 4:
        if (target !== null) target.set(camel(action.Name), action.ArgumentInfo?.Arguments?.[0]);
        return undefined;
      case 5:
        return undefined;
    }
    return notImplemented(`action type ${action.ActionType}`);
  }

  /** Arguments, with the objects the request passes by object path (ReferencedObjectPathIds) resolved. */
  private args(info: ActionInfo['ArgumentInfo'], body: RequestBody, paths: Map<number, HostObject | null>): unknown[] {
    const args = [...(info?.Arguments ?? [])];
    const refs = info?.ReferencedObjectPathIds ?? [];
    refs.forEach((ref, i) => {
      if (typeof ref === 'number' && ref !== 0) args[i] = this.resolve(ref, body, paths);
    });
    return args;
  }

  private resolve(id: number, body: RequestBody, paths: Map<number, HostObject | null>): HostObject | null {
    if (paths.has(id)) return paths.get(id)!;
    const info = body.ObjectPaths[String(id)];
    if (!info) throw new ExcelError('InvalidObjectPath', `object path ${id} is not in the request`);
    let out: HostObject | null;
    const parent = () => (info.ParentObjectPathId === undefined ? null : this.resolve(info.ParentObjectPathId, body, paths));
    switch (info.ObjectPathType) {
      case 1:
        out = new Workbook(this.book, this.references);
        break;
      case 3: {
        const p = parent();
        const result = p === null ? null : p.call(camel(info.Name), this.args(info.ArgumentInfo, body, paths));
        if (result !== null && !(result instanceof HostObject)) throw new ExcelError('InvalidObjectPath', `${info.Name} gives no object`);
        out = result;
        break;
      }
      case 4: {
        const p = parent();
        out = p === null ? null : p.nav(camel(info.Name));
        break;
      }
      case 5: {
        const p = parent();
        out = p === null ? null : p.index(info.ArgumentInfo?.Arguments ?? []);
        break;
      }
      case 6: {
        const kept = this.references.get(info.Name);
        if (!kept) throw new ExcelError('InvalidObjectPath', `No object is kept as ${info.Name}.`);
        out = kept;
        break;
      }
      case 7:
        out = null;
        break;
      case 2:
        // office.js's own service objects (not the add-in's): notifyActionHandlerReady, sent by office.js once Office is ready.
        if (info.Name !== 'Microsoft.InternalService.AddinInternalService') return notImplemented(`new ${info.Name}`);
        out = new AddinInternalService();
        break;
      default:
        return notImplemented(`object path type ${info.ObjectPathType} (${info.Name})`);
    }
    paths.set(id, out);
    return out;
  }
}

/** A query's answer: the selected properties, PascalCase, '/' into navigation properties; a collection's items. */
function query(target: HostObject, select: string[] | undefined): unknown {
  if (target.items) {
    return { _Items: target.items().map((item) => ({ ...item.identity(), ...pick(item, select ?? []) })) };
  }
  return pick(target, select ?? []);
}

function pick(target: HostObject, select: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const nested = new Map<string, string[]>();
  for (const path of select) {
    const [head, ...rest] = path.split('/');
    if (rest.length) nested.set(head, [...(nested.get(head) ?? []), rest.join('/')]);
    else out[pascal(head)] = target.get(head);
  }
  for (const [head, paths] of nested) {
    const child = target.nav(head);
    out[pascal(head)] = child === null ? null : pick(child, paths);
  }
  return out;
}
