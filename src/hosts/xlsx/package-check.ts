/**
 * Is this file an .xlsx workbook the xlsx host can read, within its limits? Decided from the bytes
 * before ExcelJS sees them (src/hosts/xlsx/read.ts), so that every file it cannot take gets a coded
 * message (README's code table) instead of a library's English error, a hang or a crash:
 *
 * 1. the first bytes: empty, an OLE container (a password-protected workbook, or an .xls), a text,
 *    HTML or XML Spreadsheet 2003 file, anything else that is not a zip;
 * 2. the zip directory alone (src/hosts/xlsx/zip-directory.ts), nothing inflated: truncated or
 *    damaged, an OpenDocument file, encrypted entries, the number of parts, the inflated size of
 *    each part and of all, the compression ratio (src/hosts/xlsx/limits.ts);
 * 3. every part inflated as a stream that stops at the size the directory states, its CRC checked,
 *    and each XML part ExcelJS parses scanned for well-formedness (src/hosts/xlsx/xml-scan.ts):
 *    the package's structure (content types, relationships, the workbook part and where its
 *    sheets are), sheet names Excel forbids, shared strings, and each sheet's rows and cells,
 *    counted as they stream by, never built into ExcelJS's model.
 *
 * Runs alike in Node and in a browser's Web Worker (DecompressionStream, TextDecoder).
 */
import type { Diagnostic } from '../../rules';
import { columnNumber } from '../../workbook/address';
import { workbookDiagnostic, type WorkbookCode } from '../../workbook/codes';
import { LIMITS, type Limits } from './limits';
import { attribute, localName, unescapeXml, XmlFault, XmlScanner, type XmlHandler } from './xml-scan';
import { readZipDirectory, type ZipEntry } from './zip-directory';

export interface SheetFacts {
  name: string;
  /** The sheet's part in the package ('xl/worksheets/sheet1.xml'). */
  part: string;
  rows: number;
  cells: number;
}

export interface PackageFacts {
  sheets: SheetFacts[];
  /** The workbooks external references point to, in order: `[1]` in a formula is the first. */
  externalBooks: string[];
}

export type PackageCheck = { ok: true; facts: PackageFacts } | { ok: false; diagnostic: Diagnostic };

export interface CheckOptions {
  limits?: Partial<Limits>;
  /** Told the share of the file checked so far (0 … 1), part by part. */
  progress?: (fraction: number) => void;
}

/**
 * Inflates a deflated part, chunk by chunk, never much past `limit` bytes (it stops, or throws a
 * RangeError). The default streams through DecompressionStream (browsers, Node); the command uses
 * Node's zlib (src/hosts/xlsx/node-zlib.ts), four times faster on small parts.
 */
export type Inflater = (data: Uint8Array, limit: number) => AsyncIterable<Uint8Array>;
let inflater: Inflater = streamInflate;

/** The inflater the checks use. */
export const currentInflater = (): Inflater => inflater;

/** The inflater the checks use from now on. */
export function useInflater(f: Inflater): void {
  inflater = f;
}

/** Thrown inside the check: the first reason the file is refused. */
class Refusal extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.code);
  }
}

const refuse = (code: WorkbookCode, params: Diagnostic['params'] = {}, at?: Diagnostic['at']): never => {
  throw new Refusal(workbookDiagnostic(code, params, at));
};

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const STRICT_MAIN = 'http://purl.oclc.org/ooxml/spreadsheetml/main';
/** Excel's grid: columns A … XFD, rows 1 … 1,048,576. */
const MAX_COLUMN = 16_384;
const MAX_ROW = 1_048_576;
const CHUNK = 64 * 1024;
/** The most text the XML scan takes at once. */
const SLICE = 1024 * 1024;
/** The parts ExcelJS reads by these names only (node_modules/exceljs/lib/xlsx/xlsx.js). */
const EXCELJS_WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;

export async function checkPackage(data: Uint8Array | ArrayBuffer, options: CheckOptions = {}): Promise<PackageCheck> {
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  const limits: Limits = { ...LIMITS, ...options.limits };
  try {
    return { ok: true, facts: await check(bytes, limits, options.progress) };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, diagnostic: e.diagnostic };
    throw e;
  }
}

async function check(bytes: Uint8Array, limits: Limits, progress?: (fraction: number) => void): Promise<PackageFacts> {
  if (bytes.length === 0) refuse('E-FILE-EMPTY');
  if (bytes.length > limits.fileBytes) refuse('E-FILE-TOO-LARGE', { what: 'file', limit: limits.fileBytes, actual: bytes.length });
  notAZip(bytes);

  const directory = readZipDirectory(bytes);
  if ('fault' in directory) {
    if (directory.fault === 'not-zip') refuse('E-FILE-NOT-XLSX', { kind: 'other' });
    if (directory.fault === 'truncated') refuse('E-FILE-TRUNCATED');
    refuse('E-FILE-DAMAGED', { reason: directory.fault === 'multi-disk' ? 'multi-disk' : 'zip', part: ('part' in directory && directory.part) || '' });
  }
  const { entries } = directory as { entries: ZipEntry[] };
  if (entries.length > limits.entries) refuse('E-FILE-TOO-LARGE', { what: 'entries', limit: limits.entries, actual: entries.length });
  const byName = new Map<string, ZipEntry>();
  for (const e of entries) {
    if (byName.has(e.name)) refuse('E-FILE-DAMAGED', { reason: 'duplicate', part: e.name });
    byName.set(e.name, e);
  }
  const mimetype = byName.get('mimetype');
  if (mimetype && mimetype.method === 0) {
    const type = String.fromCharCode(...bytes.subarray(mimetype.dataOffset, mimetype.dataOffset + Math.min(mimetype.compressedSize, 100)));
    if (type.includes('opendocument.spreadsheet')) refuse('E-FILE-ODS');
    if (type.includes('opendocument')) refuse('E-FILE-NOT-XLSX', { kind: 'odf' });
  }
  let total = 0;
  for (const e of entries) {
    if (e.flags & 0x41 || e.method === 99) refuse('E-FILE-ENCRYPTED', { part: e.name });
    if (e.method !== 0 && e.method !== 8) refuse('E-FILE-DAMAGED', { reason: 'method', part: e.name });
    if (e.uncompressedSize > limits.partBytes) refuse('E-FILE-TOO-LARGE', { what: 'part', part: e.name, limit: limits.partBytes, actual: e.uncompressedSize });
    if (e.uncompressedSize > limits.ratioFloor && e.uncompressedSize > limits.ratio * Math.max(1, e.compressedSize)) {
      refuse('E-FILE-TOO-LARGE', { what: 'ratio', part: e.name, limit: limits.ratio, actual: Math.floor(e.uncompressedSize / Math.max(1, e.compressedSize)) });
    }
    total += e.uncompressedSize;
  }
  if (total > limits.totalBytes) refuse('E-FILE-TOO-LARGE', { what: 'unzipped', limit: limits.totalBytes, actual: total });
  if (!byName.has('[Content_Types].xml')) {
    if (!byName.has('_rels/.rels') && ![...byName.keys()].some((n) => n.startsWith('xl/'))) refuse('E-FILE-NOT-XLSX', { kind: 'zip' });
    refuse('E-FILE-DAMAGED', { reason: 'missing', part: '[Content_Types].xml' });
  }

  const reader = new PartReader(bytes, byName, progress);
  // The package's own relationships name the workbook part.
  await reader.scan('[Content_Types].xml', {});
  const rootRels = await reader.relationships('_rels/.rels', '');
  const main = [...rootRels.values()].find((r) => REL_OFFICE_DOCUMENT.test(r.type));
  if (!main) refuse('E-FILE-DAMAGED', { reason: 'missing', part: '_rels/.rels' });
  const workbookPart = (main as Relationship).target;
  if (/^word\//.test(workbookPart)) refuse('E-FILE-NOT-XLSX', { kind: 'docx' });
  if (/^ppt\//.test(workbookPart)) refuse('E-FILE-NOT-XLSX', { kind: 'pptx' });
  if (/\.bin$/.test(workbookPart)) refuse('E-FILE-UNSUPPORTED', { what: 'xlsb', part: workbookPart });
  if (!byName.has(workbookPart)) refuse('E-FILE-DAMAGED', { reason: 'missing', part: workbookPart });
  if (workbookPart !== 'xl/workbook.xml') refuse('E-FILE-UNSUPPORTED', { what: 'part-name', part: workbookPart });

  // The workbook: its sheets (names as Excel allows them) and its external references.
  const declared: { name: string; rid: string }[] = [];
  const externalIds: string[] = [];
  await reader.scan(workbookPart, {
    open(name, attributes) {
      const local = localName(name);
      if (local === 'workbook' && attributes.includes(STRICT_MAIN)) refuse('E-FILE-UNSUPPORTED', { what: 'strict', part: workbookPart });
      if (local === 'sheet') declared.push({ name: attribute(attributes, 'name') ?? '', rid: relId(attributes) });
      if (local === 'externalReference') externalIds.push(relId(attributes));
    },
  });
  if (!declared.length) refuse('E-FILE-DAMAGED', { reason: 'no-sheets', part: workbookPart });
  checkSheetNames(declared.map((d) => d.name));
  const bookRels = await reader.relationships('xl/_rels/workbook.xml.rels', 'xl/', false);

  // The parts ExcelJS reads by fixed names: elsewhere, their contents would silently be missing.
  for (const [type, fixed] of [
    ['sharedStrings', 'xl/sharedStrings.xml'],
    ['styles', 'xl/styles.xml'],
  ]) {
    const rel = [...bookRels.values()].find((r) => r.type.endsWith(`/${type}`));
    if (rel && rel.target !== fixed) refuse('E-FILE-UNSUPPORTED', { what: 'part-name', part: rel.target });
    if (rel && !byName.has(rel.target)) refuse('E-FILE-DAMAGED', { reason: 'missing', part: rel.target });
  }
  let strings = 0;
  if (byName.has('xl/sharedStrings.xml')) strings = await scanSharedStrings(reader, limits);

  const sheets: SheetFacts[] = [];
  let cells = 0;
  for (const d of declared) {
    const rel = bookRels.get(d.rid);
    if (!rel) refuse('E-FILE-DAMAGED', { reason: 'missing-sheet', part: 'xl/_rels/workbook.xml.rels', sheet: d.name });
    const { type, target } = rel as Relationship;
    if (!byName.has(target)) refuse('E-FILE-DAMAGED', { reason: 'missing-sheet', part: target, sheet: d.name });
    // Chart sheets and dialog sheets hold no cells: ExcelJS leaves them out, and so does the run.
    if (!type.endsWith('/worksheet')) continue;
    if (!EXCELJS_WORKSHEET.test(target)) refuse('E-FILE-UNSUPPORTED', { what: 'part-name', part: target, sheet: d.name });
    const facts = await scanSheet(reader, d.name, target, strings, limits, cells);
    cells += facts.cells;
    sheets.push(facts);
  }

  // External links: which workbook each `[n]` of a formula points to.
  const externalBooks: string[] = [];
  for (const id of externalIds) {
    const rel = bookRels.get(id);
    const part = rel?.target ?? '';
    const slash = part.lastIndexOf('/');
    const linkRels = byName.has(part) ? await reader.relationships(`${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`, part.slice(0, slash + 1), true) : new Map<string, Relationship>();
    externalBooks.push([...linkRels.values()].find((r) => r.type.endsWith('/externalLinkPath'))?.target ?? part);
  }

  // Every other part: inflated and its CRC checked (ExcelJS inflates them all), XML scanned where ExcelJS parses it.
  for (const e of entries) if (!reader.done.has(e.name) && !e.name.endsWith('/')) await reader.scan(e.name, scannable(e.name) ? {} : undefined);
  progress?.(1);
  return { sheets, externalBooks };
}

/**
 * The root element a part must have: the parts ExcelJS reads and the xlsx host's writer patches
 * (src/hosts/xlsx/package.ts, workbook-xml.ts, sheet-xml.ts, styles.ts, notes.ts) — a part with
 * another root is damaged, said so before anything is read or written.
 */
function expectedRoot(part: string): string | undefined {
  if (part === '[Content_Types].xml') return 'Types';
  if (part.endsWith('.rels')) return 'Relationships';
  if (part === 'xl/workbook.xml') return 'workbook';
  if (part === 'xl/styles.xml') return 'styleSheet';
  if (part === 'xl/sharedStrings.xml') return 'sst';
  if (/^xl\/worksheets\/[^/]+\.xml$/.test(part)) return 'worksheet';
  if (/^xl\/comments[^/]*\.xml$/.test(part)) return 'comments';
  return undefined;
}

/** The parts ExcelJS parses as XML (VML drawings are not XML: Excel writes <br> in them). */
const scannable = (name: string) => name === '[Content_Types].xml' || name.endsWith('.rels') || name === 'docProps/core.xml' || name === 'docProps/app.xml' || (name.startsWith('xl/') && name.endsWith('.xml'));

const relId = (attributes: string) => attribute(attributes, 'r:id') ?? /\s[\w]+:id\s*=\s*["']([^"']*)["']/.exec(attributes)?.[1] ?? '';

/** What the first bytes say, for a file that is not a zip at all. */
function notAZip(bytes: Uint8Array): void {
  // OLE compound file (D0 CF 11 E0 A1 B1 1A E1): an encrypted OOXML package, or a BIFF .xls.
  const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (OLE.every((b, i) => bytes[i] === b)) {
    const names = utf16Names(bytes);
    if (names.has('EncryptedPackage') || names.has('EncryptionInfo')) refuse('E-FILE-ENCRYPTED', { part: '' });
    if (names.has('Workbook') || names.has('Book')) refuse('E-FILE-XLS');
    refuse('E-FILE-NOT-XLSX', { kind: 'ole' });
  }
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return;
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096)).replace(/^\ufeff/, '').trimStart().toLowerCase();
  if (head.includes('urn:schemas-microsoft-com:office:spreadsheet')) refuse('E-FILE-NOT-XLSX', { kind: 'xml2003' });
  if (/^<(!doctype html|html|table|meta)/.test(head) || head.includes('<html')) refuse('E-FILE-NOT-XLSX', { kind: 'html' });
  const controls = [...bytes.subarray(0, 4096)].filter((b) => b < 9 || (b > 13 && b < 32)).length;
  if (controls === 0) refuse('E-FILE-NOT-XLSX', { kind: 'text' });
}

/** The stream names of an OLE container, found as UTF-16 text (enough to tell which kind it is). */
function utf16Names(bytes: Uint8Array): Set<string> {
  const found = new Set<string>();
  const text = new TextDecoder('utf-16le', { fatal: false }).decode(bytes.length % 2 ? bytes.subarray(0, bytes.length - 1) : bytes);
  for (const name of ['EncryptedPackage', 'EncryptionInfo', 'Workbook', 'Book']) if (new RegExp(`(^|\\u0000)${name}\\u0000`).test(text)) found.add(name);
  return found;
}

/** Excel's rules for a sheet's name, and no two names the same but for case. */
function checkSheetNames(names: string[]): void {
  const seen = new Map<string, string>();
  // The messages name the sheet themselves: no place before them.
  const at = undefined;
  for (const name of names) {
    if (name.trim() === '') refuse('E-SHEET-NAME-INVALID', { name, reason: 'empty' }, at);
    if ([...name].length > 31) refuse('E-SHEET-NAME-INVALID', { name, reason: 'long', length: [...name].length }, at);
    const bad = /[[\]:*?/\\]/.exec(name);
    if (bad) refuse('E-SHEET-NAME-INVALID', { name, reason: 'char', char: bad[0] }, at);
    if (name.startsWith("'") || name.endsWith("'")) refuse('E-SHEET-NAME-INVALID', { name, reason: 'apostrophe' }, at);
    const key = name.normalize('NFC').toLocaleUpperCase('vi');
    const other = seen.get(key);
    if (other !== undefined) refuse('E-SHEET-NAME-DUPLICATE', { name, other }, at);
    seen.set(key, name);
  }
}

async function scanSharedStrings(reader: PartReader, limits: Limits): Promise<number> {
  const part = 'xl/sharedStrings.xml';
  let count = 0;
  let inString = false;
  let inText = false;
  let chars = 0;
  await reader.scan(part, {
    open(name, _a, self) {
      const local = localName(name);
      if (local === 'si') {
        if (++count > limits.strings) refuse('E-FILE-TOO-LARGE', { what: 'strings', part, limit: limits.strings, actual: count });
        inString = !self;
        chars = 0;
      } else if (local === 't' && inString && !self) inText = true;
      // Phonetic runs (<rPh>) are not part of the text a cell shows.
      else if (local === 'rPh') inString = false;
    },
    close(name) {
      const local = localName(name);
      if (local === 't') inText = false;
      else if (local === 'si') inString = false;
      else if (local === 'rPh') inString = true;
    },
    text(text) {
      if (!inText) return;
      chars += text.includes('&') ? unescapeXml(text).length : text.length;
      if (chars > limits.stringChars) refuse('E-FILE-TOO-LARGE', { what: 'string', part, limit: limits.stringChars, actual: chars, index: count - 1 });
    },
  });
  return count;
}

async function scanSheet(reader: PartReader, sheet: string, part: string, strings: number, limits: Limits, before: number): Promise<SheetFacts> {
  let rows = 0;
  let cells = 0;
  let lastRow = 0;
  let cell = '';
  let shared = false;
  let inValue = false;
  let value = '';
  const damaged = (reason: string, ref: string) => refuse('E-FILE-DAMAGED', { reason, part, sheet, cell: ref }, { sheet, cell: ref });
  await reader.scan(part, {
    open(name, attributes, self) {
      const local = name.length === 1 ? name : localName(name);
      if (local === 'row') {
        if (++rows > limits.rows) refuse('E-FILE-TOO-LARGE', { what: 'rows', sheet, limit: limits.rows, actual: rows });
        const r = attribute(attributes, 'r');
        if (r !== undefined) {
          const n = Number(r);
          if (!Number.isInteger(n) || n < 1 || n > MAX_ROW) damaged('row-ref', r);
          lastRow = n;
        } else lastRow++;
      } else if (local === 'c') {
        if (before + ++cells > limits.cells) refuse('E-FILE-TOO-LARGE', { what: 'cells', sheet, limit: limits.cells, actual: before + cells });
        const r = attribute(attributes, 'r');
        if (r !== undefined) {
          const m = /^([A-Z]{1,3})(\d{1,7})$/.exec(r);
          if (!m || columnNumber(m[1]) > MAX_COLUMN || Number(m[2]) < 1 || Number(m[2]) > MAX_ROW) damaged('cell-ref', r);
          cell = r;
        } else cell = `?${lastRow}`;
        shared = !self && attribute(attributes, 't') === 's';
      } else if (local === 'v' && shared && !self) {
        inValue = true;
        value = '';
      }
    },
    close(name) {
      const local = localName(name);
      if (local === 'v' && inValue) {
        inValue = false;
        const index = Number(value.trim());
        if (!Number.isInteger(index) || index < 0 || index >= strings) damaged('string-index', cell);
      } else if (local === 'c') shared = false;
    },
    text(text) {
      if (inValue) value += text;
    },
  });
  return { name: sheet, part, rows, cells };
}

interface Relationship {
  type: string;
  /** The part it names, from the package root ('xl/worksheets/sheet1.xml'); external targets as written. */
  target: string;
}

/** Inflates and scans parts, each once, each within the size the directory states. */
class PartReader {
  readonly done = new Set<string>();
  private checked = 0;
  private readonly total: number;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly byName: Map<string, ZipEntry>,
    private readonly progress?: (fraction: number) => void,
  ) {
    this.total = [...byName.values()].reduce((s, e) => s + e.compressedSize, 0) || 1;
  }

  /** A relationships part: Id → type and target (resolved against `base`). Missing: none, or refused when `optional` is false. */
  async relationships(part: string, base: string, optional = true): Promise<Map<string, Relationship>> {
    const out = new Map<string, Relationship>();
    if (!this.byName.has(part)) {
      if (!optional) refuse('E-FILE-DAMAGED', { reason: 'missing', part });
      return out;
    }
    await this.scan(part, {
      open(name, attributes) {
        if (localName(name) !== 'Relationship') return;
        const target = attribute(attributes, 'Target') ?? '';
        const external = attribute(attributes, 'TargetMode') === 'External';
        out.set(attribute(attributes, 'Id') ?? '', { type: attribute(attributes, 'Type') ?? '', target: external ? target : resolvePart(base, target) });
      },
    });
    return out;
  }

  /** Inflates a part (its CRC checked); scans it as XML when a handler is given (its root element checked where Excel expects one). */
  async scan(part: string, handler?: XmlHandler): Promise<void> {
    const entry = this.byName.get(part);
    if (!entry || this.done.has(part)) return;
    this.done.add(part);
    const root = handler ? expectedRoot(part) : undefined;
    let seen = false;
    const checked: XmlHandler | undefined =
      handler && root
        ? {
            ...handler,
            open(name, attributes, self) {
              if (!seen && localName(name) !== root) refuse('E-FILE-DAMAGED', { reason: 'root', part });
              seen = true;
              handler.open?.(name, attributes, self);
            },
          }
        : handler;
    const scanner = checked ? new XmlScanner(checked) : undefined;
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let size = 0;
    let crc = 0xffffffff;
    const damaged = (reason: string) => refuse('E-FILE-DAMAGED', { reason, part });
    const consume = (chunk: Uint8Array): void => {
      // Within a large part too, the share done so far (by its inflated bytes), every few MB.
      if (this.progress && Math.floor((size + chunk.length) / (4 * SLICE)) > Math.floor(size / (4 * SLICE))) {
        this.progress(Math.min(1, (this.checked + (entry.compressedSize * size) / Math.max(1, entry.uncompressedSize)) / this.total));
      }
      size += chunk.length;
      // The directory stated the size: a part that inflates past it is a lie (or a zip bomb).
      if (size > entry.uncompressedSize) damaged('size');
      crc = crc32(chunk, crc);
      if (scanner) scanner.push(decoder.decode(chunk, { stream: true }));
    };
    try {
      for await (const chunk of inflate(this.bytes, entry)) {
        // One large piece (Node's zlib inflates a part at once) is scanned in slices all the same.
        for (let i = 0; i < chunk.length; i += SLICE) consume(chunk.length > SLICE ? chunk.subarray(i, i + SLICE) : chunk);
      }
      if (scanner) {
        scanner.push(decoder.decode());
        scanner.end();
      }
    } catch (e) {
      if (e instanceof Refusal) throw e;
      damaged(e instanceof XmlFault ? 'xml' : e instanceof RangeError ? 'size' : e instanceof TypeError && /encoded|decode/i.test(e.message) ? 'encoding' : 'inflate');
    }
    if (size !== entry.uncompressedSize) damaged('size');
    if ((crc ^ 0xffffffff) >>> 0 !== entry.crc32) damaged('crc');
    this.checked += entry.compressedSize;
    this.progress?.(Math.min(1, this.checked / this.total));
  }
}

/** A relationship's target, relative to its source's folder, as a part name ('worksheets/sheet1.xml' → 'xl/worksheets/sheet1.xml'). */
function resolvePart(base: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : base + target;
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '..') out.pop();
    else if (segment !== '.' && segment !== '') out.push(segment);
  }
  let name = out.join('/');
  try {
    name = decodeURIComponent(name);
  } catch {
    // A name with a stray '%' is kept as written.
  }
  return name;
}

/** A part's bytes, inflated chunk by chunk: a stored part in slices, a deflated one by the inflater. */
async function* inflate(bytes: Uint8Array, entry: ZipEntry): AsyncGenerator<Uint8Array> {
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += CHUNK) yield data.subarray(i, i + CHUNK);
    return;
  }
  yield* inflater(data, entry.uncompressedSize);
}

/** DecompressionStream('deflate-raw'), fed a slice at a time. */
async function* streamInflate(data: Uint8Array): AsyncGenerator<Uint8Array> {
  // Fed a slice at a time: the stream inflates no further ahead than what has been read.
  let at = 0;
  const input = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (at >= data.length) controller.close();
      else {
        controller.enqueue(data.slice(at, at + 16 * 1024));
        at += 16 * 1024;
      }
    },
  });
  const reader = input.pipeThrough(new DecompressionStream('deflate-raw') as unknown as TransformStream<Uint8Array, Uint8Array>).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.cancel().catch(() => undefined);
  }
}

let CRC_TABLE: Int32Array | undefined;

/** CRC-32 (the zip one), continued from `crc` (start with 0xFFFFFFFF, finish with ^ 0xFFFFFFFF). */
function crc32(chunk: Uint8Array, crc: number): number {
  const table = (CRC_TABLE ??= (() => {
    const t = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      t[n] = c;
    }
    return t;
  })());
  let c = crc;
  for (let i = 0; i < chunk.length; i++) c = table[(c ^ chunk[i]) & 0xff] ^ (c >>> 8);
  return c;
}
