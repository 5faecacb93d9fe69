/**
 * What a test can check of an .xlsx package beyond "LibreOffice opens it": the zip entries as they
 * are stored (to tell an entry copied byte for byte from one written anew), what Excel refuses or
 * repairs (a part without a content type, a relationship to nothing, two sheets of one name or id,
 * a defined name twice, cells out of order, a format index past the list, a note without its
 * shape, a shape id used twice), and the parts the xlsx writer writes against SpreadsheetML's
 * schema (vendor/ooxml-sml-xsd, with libxml2 in WebAssembly).
 */
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { inflateRawSync } from 'zlib';
import { validateXML } from 'xmllint-wasm';
import { attrOf, attrsOf, children, findElement, findElements, rootOf } from '../../src/hosts/xlsx/xml';
import { parseCell, parseRange, type RangePos } from '../../src/workbook/address';

export interface StoredEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  crc: number;
  /** The entry's bytes as the zip holds them (compressed). */
  raw: Buffer;
  /** Its data. */
  data: Buffer;
}

/** The entries of a zip, read from its central directory, with their stored and inflated bytes. */
export function storedEntries(zip: Buffer): Map<string, StoredEntry> {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error('not a zip: no end of central directory');
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const out = new Map<string, StoredEntry>();
  for (let i = 0; i < count; i++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`bad central directory entry ${i}`);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = Buffer.from(zip.subarray(start, start + size));
    out.set(name, { name, method, crc, raw, data: method === 8 ? inflateRawSync(raw) : raw });
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

const text = (entries: Map<string, StoredEntry>, name: string): string | undefined => entries.get(name)?.data.toString('utf8');

function resolve(from: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `${from.slice(0, from.lastIndexOf('/') + 1)}${target}`;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg && seg !== '.') out.push(seg);
  }
  return out.join('/');
}

function relsOf(entries: Map<string, StoredEntry>, part: string): { id: string; type: string; target?: string; external: boolean }[] {
  const slash = part.lastIndexOf('/');
  const xml = text(entries, `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`) ?? '';
  return findElements(xml, 'Relationship').map((r) => {
    const a = attrsOf(r.open);
    const external = a.get('TargetMode') === 'External';
    return { id: a.get('Id') ?? '', type: a.get('Type') ?? '', external, ...(external ? {} : { target: resolve(part, a.get('Target') ?? '') }) };
  });
}

const overlaps = (a: RangePos, b: RangePos) => a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;

/** What Excel would refuse or repair in a package, in words (none: the list is empty). */
export function packageProblems(zip: Buffer): string[] {
  const entries = storedEntries(zip);
  const problems: string[] = [];
  const has = (name: string) => [...entries.keys()].some((n) => n.toLowerCase() === name.toLowerCase());

  // Content types: one for every part, none twice, none for a part that is not there.
  const types = text(entries, '[Content_Types].xml') ?? '';
  const overrides = findElements(types, 'Override').map((o) => (attrOf(o.open, 'PartName') ?? '').toLowerCase());
  const defaults = findElements(types, 'Default').map((d) => (attrOf(d.open, 'Extension') ?? '').toLowerCase());
  for (const dup of [...overrides, ...defaults.map((d) => `*.${d}`)].filter((x, i, all) => all.indexOf(x) !== i)) problems.push(`content type given twice: ${dup}`);
  for (const o of overrides) if (!has(o.slice(1))) problems.push(`content type for a missing part: ${o}`);
  for (const name of entries.keys()) {
    if (name === '[Content_Types].xml' || name.endsWith('/')) continue;
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    if (!overrides.includes(`/${name}`.toLowerCase()) && !defaults.includes(ext)) problems.push(`no content type: ${name}`);
  }

  // Relationships: ids once, targets there.
  for (const name of entries.keys()) {
    if (!name.endsWith('.rels')) continue;
    const source = name.replace(/_rels\/([^/]*)\.rels$/, '$1');
    const rels = relsOf(entries, source);
    for (const id of rels.map((r) => r.id).filter((x, i, all) => all.indexOf(x) !== i)) problems.push(`${name}: relationship ${id} twice`);
    for (const r of rels) if (r.target && !has(r.target)) problems.push(`${name}: ${r.id} points to a missing part ${r.target}`);
  }

  // The workbook.
  const office = relsOf(entries, '').find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const book = text(entries, office) ?? '';
  const bookRels = relsOf(entries, office);
  const sheets = findElements(book, 'sheet').map((s) => attrsOf(s.open));
  const names = sheets.map((s) => (s.get('name') ?? '').toLowerCase());
  for (const n of names.filter((x, i) => names.indexOf(x) !== i)) problems.push(`workbook: two sheets named ${n}`);
  const ids = sheets.map((s) => s.get('sheetId'));
  for (const id of ids.filter((x, i) => ids.indexOf(x) !== i)) problems.push(`workbook: sheetId ${id} twice`);
  const defined = findElements(book, 'definedName').map((d) => attrsOf(d.open));
  const keys = defined.map((d) => `${(d.get('name') ?? '').toLowerCase()}@${d.get('localSheetId') ?? ''}`);
  for (const k of keys.filter((x, i) => keys.indexOf(x) !== i)) problems.push(`workbook: defined name ${k} twice`);
  for (const d of defined) if (d.has('localSheetId') && Number(d.get('localSheetId')) >= sheets.length) problems.push(`workbook: ${d.get('name')} local to sheet ${d.get('localSheetId')} of ${sheets.length}`);
  const view = findElement(book, 'workbookView');
  const active = Number((view && attrOf(view.open, 'activeTab')) ?? 0);
  if (active >= sheets.length || /hidden/i.test(sheets[active]?.get('state') ?? '')) problems.push(`workbook: the active tab ${active} is not a visible sheet`);

  // Styles: every index in range, counts true.
  const stylesPart = bookRels.find((r) => r.type.endsWith('/styles'))?.target;
  const styles = (stylesPart && text(entries, stylesPart)) || '';
  const section = (name: string, entry: string) => {
    const f = findElement(styles, name);
    const list = f ? children(styles, f).filter((c) => c.name === entry) : [];
    if (f && attrOf(f.open, 'count') !== undefined && Number(attrOf(f.open, 'count')) !== list.length) problems.push(`styles: ${name} count ${attrOf(f.open, 'count')} for ${list.length}`);
    return list;
  };
  const counts = { fontId: section('fonts', 'font').length, fillId: section('fills', 'fill').length, borderId: section('borders', 'border').length };
  const numFmts = new Set(section('numFmts', 'numFmt').map((n) => attrOf(n.open, 'numFmtId')));
  const xfs = section('cellXfs', 'xf');
  xfs.forEach((xf, i) => {
    const a = attrsOf(xf.open);
    for (const [k, n] of Object.entries(counts)) if (Number(a.get(k) ?? 0) >= n) problems.push(`styles: cellXfs ${i} ${k} ${a.get(k)} of ${n}`);
    const fmt = Number(a.get('numFmtId') ?? 0);
    if (fmt >= 164 && !numFmts.has(String(fmt))) problems.push(`styles: cellXfs ${i} numFmtId ${fmt} undeclared`);
  });

  // Sheets: rows and cells in order, formats in range, merges apart, every note with its shape.
  const shapeIds: string[] = [];
  for (const name of entries.keys()) if (name.toLowerCase().endsWith('.vml')) for (const m of (text(entries, name) ?? '').matchAll(/<v:shape\b[^>]*\bid="([^"]+)"/g)) shapeIds.push(`${m[1]}`);
  for (const id of shapeIds.filter((x, i) => shapeIds.indexOf(x) !== i && /^_x0000_s\d+$/.test(x))) problems.push(`vml: shape id ${id} twice in the package`);
  for (const s of sheets) {
    const rid = [...s].find(([k]) => k.endsWith(':id'))?.[1];
    const part = bookRels.find((r) => r.id === rid)?.target;
    if (!part) {
      problems.push(`workbook: sheet ${s.get('name')} has no part`);
      continue;
    }
    const xml = text(entries, part) ?? '';
    if (!rootOf(xml) || rootOf(xml)!.name !== 'worksheet') continue;
    const data = findElement(xml, 'sheetData');
    let lastRow = 0;
    for (const row of data ? findElements(xml, 'row', data.openEnd, data.closeStart) : []) {
      const r = Number(attrOf(row.open, 'r') ?? lastRow + 1);
      if (r <= lastRow) problems.push(`${part}: row ${r} after row ${lastRow}`);
      lastRow = r;
      let lastCol = 0;
      for (const c of findElements(xml, 'c', row.openEnd, row.closeStart)) {
        const pos = parseCell(attrOf(c.open, 'r') ?? '');
        if (pos && pos.row !== r) problems.push(`${part}: cell ${attrOf(c.open, 'r')} in row ${r}`);
        const col = pos?.col ?? lastCol + 1;
        if (col <= lastCol) problems.push(`${part}: cell ${attrOf(c.open, 'r')} out of order`);
        lastCol = col;
        const st = Number(attrOf(c.open, 's') ?? 0);
        // (A package without styles has the default format only: 0.)
        if (st >= Math.max(1, xfs.length)) problems.push(`${part}: cell ${attrOf(c.open, 'r')} format ${st} of ${xfs.length}`);
      }
    }
    const merges = findElements(xml, 'mergeCell').flatMap((m) => parseRange(attrOf(m.open, 'ref') ?? '') ?? []);
    merges.forEach((m, i) => merges.slice(i + 1).forEach((n) => overlaps(m, n) && problems.push(`${part}: merged areas overlap`)));
    const rels = relsOf(entries, part);
    const comments = rels.find((r) => r.type.endsWith('/comments'))?.target;
    const legacy = findElement(xml, 'legacyDrawing');
    const vml = legacy && rels.find((r) => r.id === [...attrsOf(legacy.open)].find(([k]) => k.endsWith(':id'))?.[1])?.target;
    if (legacy && !vml) problems.push(`${part}: legacyDrawing points nowhere`);
    if (comments) {
      const refs = findElements(text(entries, comments) ?? '', 'comment').map((c) => attrOf(c.open, 'ref') ?? '');
      for (const ref of refs.filter((x, i) => refs.indexOf(x) !== i)) problems.push(`${comments}: two notes on ${ref}`);
      const drawn = new Set(
        [...(vml ? (text(entries, vml) ?? '') : '').matchAll(/<v:shape\b[\s\S]*?<\/v:shape>/g)]
          .filter((m) => /ObjectType\s*=\s*["']Note["']/.test(m[0]))
          .map((m) => `${/<x:Row>(\d+)/.exec(m[0])?.[1]},${/<x:Column>(\d+)/.exec(m[0])?.[1]}`),
      );
      for (const ref of refs) {
        const p = parseCell(ref)!;
        if (!drawn.has(`${p.row - 1},${p.col - 1}`)) problems.push(`${comments}: the note on ${ref} has no shape in the drawing`);
      }
    }
  }
  return problems;
}

const XSD_DIR = join(__dirname, '..', '..', 'vendor', 'ooxml-sml-xsd');

/**
 * A part as the schema sees it: what consumers ignore taken away (attributes in the namespaces the
 * root lists in mc:Ignorable, xml:space, mc:AlternateContent read as its fallback).
 */
function forSchema(xml: string): string {
  const root = rootOf(xml);
  const ignorable = (root && attrOf(root.open, 'mc:Ignorable')?.split(/\s+/).filter(Boolean)) ?? [];
  let out = xml.replace(/\sxml:space="[^"]*"|\smc:Ignorable="[^"]*"/g, '');
  for (const p of ignorable) out = out.replace(new RegExp(`\\s${p}:[\\w.-]+="[^"]*"`, 'g'), '');
  out = out.replace(/<mc:AlternateContent\b[\s\S]*?<\/mc:AlternateContent>/g, (block) => /<mc:Fallback>([\s\S]*?)<\/mc:Fallback>/.exec(block)?.[1] ?? '');
  return out;
}

/** Schema errors of these SpreadsheetML parts (worksheets, styles, comments, workbook), by part. */
export async function schemaProblems(parts: { name: string; xml: string }[]): Promise<string[]> {
  if (!parts.length) return [];
  const read = (f: string) => ({ fileName: f, contents: readFileSync(join(XSD_DIR, f), 'utf8') });
  const result = await validateXML({
    xml: parts.map((p) => ({ fileName: p.name, contents: forSchema(p.xml) })),
    schema: [read('sml.xsd')],
    preload: readdirSync(XSD_DIR)
      .filter((f) => f.endsWith('.xsd') && f !== 'sml.xsd')
      .map(read),
  });
  return result.valid ? [] : result.errors.filter((e) => e.loc).map((e) => `${e.loc!.fileName}:${e.loc!.lineNumber}: ${e.message.replace(/\{http[^}]*\}/g, '')}`);
}

