/**
 * Mutations of real workbooks for the file fuzzer (test/fuzz/file-fuzz.test.ts), at three levels:
 * the zip (bytes flipped, cut, inserted; directory fields set to odd values), the XML of a part
 * (characters and tags deleted, duplicated, renamed; attributes changed; a DTD; a part removed),
 * and the cells of a sheet (values, types, formulas, references). Each case draws from its own
 * seeded generator, so one case can be replayed alone.
 */
import { deflated, rawZip, type RawEntry } from '../fixtures/make-hostile';

/** The cases' generator (test/support/seeded.ts). */
export { seeded as generator } from '../support/seeded';

/** The seed of case `i` of a run seeded `seed`. */
export const caseSeed = (seed: number, i: number): number => (Math.imul(seed ^ 0x9e3779b9, 2654435761) + Math.imul(i + 1, 0x85ebca6b)) >>> 0;

export interface Mutation {
  level: 'zip' | 'xml' | 'cell';
  what: string;
  bytes: Buffer;
}

type Rng = () => number;
const int = (rng: Rng, n: number) => Math.floor(rng() * n);
const pick = <T>(rng: Rng, xs: readonly T[]): T => xs[int(rng, xs.length)];

const ODD_NUMBERS = [0, 1, 0xffff, 0xffffffff, 0x7fffffff, 22, 30, 46, 65535, 1 << 30];
const MARKUP = ['<', '>', '&', '"', "'", '</', '/>', '<!--', ']]>', '&amp', '&#0;', '&#xFFFFFF;', '\u0000', '\uffff', '<x>', '</x>', '<?', '<!DOCTYPE a [<!ENTITY b "c">]>'];
const VALUES = ['-1', '1e308', '-0', 'NaN', '', ' ', '7.5', '99999999999999999999', '0x10', '1/0', '７', 'bảy', '45000', '2958466', '-693594', '3.4e-310', '1'.repeat(400)];
const TYPES = ['s', 'str', 'b', 'e', 'n', 'inlineStr', 'd', 'x', ''];
const FORMULAS = ['6*2', 'B5+B6', 'SUM(C4:C9)', "'KP lãnh đạo'!C5*2", '[1]Sheet1!A1', '1/0', 'A1', 'E9', 'SUM(A:A)', 'VLOOKUP(A1,B:C,2,0)', '((((1))))', '1+', 'SUM(', '"x"*2', 'E4', '-E5', '2^1024', 'SUM(C1:C1048576)'];
const NAMES = ["'x", "x'", 'a[b', 'a]b', 'a:b', 'a*b', 'a?b', 'a/b', 'a\\b', '', ' ', 'x'.repeat(40), 'KP LÃNH ĐẠO', 'DS TRICH NGANG', 'History', 'Sheet1', '\u0000', '&amp;'];

/** One mutation of a workbook, given its bytes and its parts. */
export function mutate(rng: Rng, bytes: Buffer, parts: Map<string, Buffer>): Mutation {
  const r = rng();
  if (r < 0.45) return zipLevel(rng, bytes, parts);
  if (r < 0.75) return xmlLevel(rng, parts);
  return cellLevel(rng, parts);
}

function zipLevel(rng: Rng, bytes: Buffer, parts: Map<string, Buffer>): Mutation {
  const b = Buffer.from(bytes);
  switch (int(rng, 6)) {
    case 0: {
      const n = 1 + int(rng, 8);
      for (let i = 0; i < n; i++) b[int(rng, b.length)] ^= 1 + int(rng, 255);
      return { level: 'zip', what: `${n} bytes flipped`, bytes: b };
    }
    case 1: {
      const at = int(rng, b.length);
      return { level: 'zip', what: `cut at ${at}`, bytes: b.subarray(0, at) };
    }
    case 2: {
      const at = int(rng, b.length);
      const junk = Buffer.from(Array.from({ length: 1 + int(rng, 64) }, () => int(rng, 256)));
      return { level: 'zip', what: `${junk.length} bytes inserted at ${at}`, bytes: Buffer.concat([b.subarray(0, at), junk, b.subarray(at)]) };
    }
    case 3: {
      // A field of a central directory record or of the end record set to an odd value.
      const records: number[] = [];
      for (let i = 0; i + 4 <= b.length; i++) if (b.readUInt32LE(i) === 0x02014b50 || b.readUInt32LE(i) === 0x06054b50) records.push(i);
      if (!records.length) return { level: 'zip', what: 'no directory to change', bytes: b };
      const at = pick(rng, records);
      const offset = pick(rng, b.readUInt32LE(at) === 0x06054b50 ? [4, 6, 8, 10, 12, 16, 20] : [8, 10, 16, 20, 24, 28, 30, 32, 42]);
      const wide = [16, 20, 24, 42, 12].includes(offset);
      const value = pick(rng, ODD_NUMBERS);
      if (at + offset + (wide ? 4 : 2) <= b.length) {
        if (wide) b.writeUInt32LE(value >>> 0, at + offset);
        else b.writeUInt16LE(value & 0xffff, at + offset);
      }
      return { level: 'zip', what: `directory field +${offset} at ${at} set to ${value}`, bytes: b };
    }
    case 4: {
      // Entries with lying sizes, CRCs, methods or flags, the data left alone.
      const entries: RawEntry[] = [...parts].map(([name, data]) => ({ ...entryOf(name, data) }));
      const e = pick(rng, entries);
      const field = pick(rng, ['size', 'crc', 'method', 'flags'] as const);
      if (field === 'size') e.size = pick(rng, ODD_NUMBERS);
      if (field === 'crc') e.crc = int(rng, 0xffffffff);
      if (field === 'method') e.method = pick(rng, [0, 1, 9, 12, 14, 99]);
      if (field === 'flags') e.flags = pick(rng, [1, 0x41, 0x8, 0x800, 0xffff]);
      return { level: 'zip', what: `${e.name}: ${field} changed`, bytes: rawZip(entries) };
    }
    default: {
      const from = int(rng, b.length);
      const length = 1 + int(rng, Math.min(512, b.length - from));
      const at = int(rng, b.length);
      return { level: 'zip', what: `${length} bytes from ${from} repeated at ${at}`, bytes: Buffer.concat([b.subarray(0, at), b.subarray(from, from + length), b.subarray(at)]) };
    }
  }
}

/** Each part deflated once: a mutation re-deflates only the part it changed. */
const DEFLATED = new WeakMap<Buffer, RawEntry>();
function entryOf(name: string, data: Buffer): RawEntry {
  const known = DEFLATED.get(data);
  if (known?.name === name) return known;
  const entry = deflated(name, data);
  DEFLATED.set(data, entry);
  return entry;
}

function zipped(parts: Map<string, Buffer>): Buffer {
  return rawZip([...parts].map(([name, data]) => entryOf(name, data)));
}

function xmlLevel(rng: Rng, parts: Map<string, Buffer>): Mutation {
  const copy = new Map(parts);
  const names = [...copy.keys()];
  const name = pick(rng, names);
  let xml = copy.get(name)!.toString('utf8');
  let what: string;
  switch (int(rng, 8)) {
    case 0: {
      const at = int(rng, xml.length);
      const n = 1 + int(rng, 40);
      xml = xml.slice(0, at) + xml.slice(at + n);
      what = `${n} characters deleted at ${at}`;
      break;
    }
    case 1: {
      const at = int(rng, xml.length);
      const m = pick(rng, MARKUP);
      xml = xml.slice(0, at) + m + xml.slice(at);
      what = `${JSON.stringify(m)} inserted at ${at}`;
      break;
    }
    case 2: {
      const tags = [...xml.matchAll(/<[^!?/][^>]*>/g)];
      if (tags.length) {
        const t = pick(rng, tags);
        xml = int(rng, 2) ? xml.slice(0, t.index) + xml.slice(t.index! + t[0].length) : xml.slice(0, t.index) + t[0] + t[0] + xml.slice(t.index! + t[0].length);
        what = `tag ${t[0].slice(0, 30)} removed or doubled`;
      } else what = 'no tag';
      break;
    }
    case 3: {
      const attrs = [...xml.matchAll(/(\w+)="([^"]*)"/g)];
      if (attrs.length) {
        const a = pick(rng, attrs);
        const value = pick(rng, [...VALUES, ...TYPES, 'A0', 'XFE1', 'A1048577', 'ZZZZ9', '../../x.xml', 'rId999', '/xl/worksheets/sheet1.xml']);
        xml = xml.slice(0, a.index) + `${a[1]}="${value}"` + xml.slice(a.index! + a[0].length);
        what = `${a[1]}="${value}"`;
      } else what = 'no attribute';
      break;
    }
    case 4: {
      copy.delete(name);
      return { level: 'xml', what: `${name} removed`, bytes: zipped(copy) };
    }
    case 5: {
      const sheetNames = [...xml.matchAll(/<sheet\b[^>]*name="([^"]*)"/g)];
      if (name === 'xl/workbook.xml' && sheetNames.length) {
        const s = pick(rng, sheetNames);
        const to = pick(rng, NAMES).replace(/&(?!amp;)/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
        xml = xml.replace(`name="${s[1]}"`, `name="${to}"`);
        what = `sheet "${s[1]}" renamed ${JSON.stringify(to)}`;
      } else {
        const elements = [...xml.matchAll(/<(\/?)([\w:]+)/g)];
        const e = elements.length ? pick(rng, elements) : undefined;
        if (e) xml = xml.slice(0, e.index) + `<${e[1]}${e[2]}x` + xml.slice(e.index! + e[0].length);
        what = `element ${e?.[2]} renamed`;
      }
      break;
    }
    case 6: {
      const bom = pick(rng, ['\ufeff', '<!DOCTYPE x>', '<?xml version="1.0" encoding="UTF-16"?>', '  ', '\u0000']);
      xml = bom + xml;
      what = `${JSON.stringify(bom)} put first`;
      break;
    }
    default: {
      // A section repeated many times: rows, cells, strings, sheets.
      const m = /<(row|c|si|sheet|Relationship|xf|font)\b[^>]*?(\/>|>[\s\S]*?<\/\1>)/.exec(xml);
      if (m) {
        const times = 1 + int(rng, 200);
        xml = xml.slice(0, m.index) + m[0].repeat(times) + xml.slice(m.index);
        what = `<${m[1]}> repeated ${times} times`;
      } else what = 'nothing to repeat';
    }
  }
  copy.set(name, Buffer.from(xml, 'utf8'));
  return { level: 'xml', what: `${name}: ${what}`, bytes: zipped(copy) };
}

function cellLevel(rng: Rng, parts: Map<string, Buffer>): Mutation {
  const copy = new Map(parts);
  const sheets = [...copy.keys()].filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
  const name = pick(rng, sheets);
  let xml = copy.get(name)!.toString('utf8');
  const cells = [...xml.matchAll(/<c r="([A-Z]+\d+)"([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)];
  if (!cells.length) return { level: 'cell', what: 'no cell', bytes: zipped(copy) };
  const c = pick(rng, cells);
  const style = / s="\d+"/.exec(c[2])?.[0] ?? '';
  let replacement: string;
  let what: string;
  switch (int(rng, 4)) {
    case 0: {
      const v = pick(rng, VALUES);
      replacement = `<c r="${c[1]}"${style}><v>${v}</v></c>`;
      what = `${c[1]} = ${v.slice(0, 20)}`;
      break;
    }
    case 1: {
      const t = pick(rng, TYPES);
      replacement = `<c r="${c[1]}"${style} t="${t}">${c[3] ?? '<v>1</v>'}</c>`;
      what = `${c[1]} typed ${t}`;
      break;
    }
    case 2: {
      const f = pick(rng, FORMULAS);
      const cached = int(rng, 2) ? `<v>${int(rng, 50)}</v>` : '';
      replacement = `<c r="${c[1]}"${style}><f>${f.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</f>${cached}</c>`;
      what = `${c[1]} = ${f}${cached ? ' (cached)' : ''}`;
      break;
    }
    default: {
      const text = pick(rng, ['Nguyễn Văn An', 'Trưởng phòng', 'x', '', '=1+1', 'Tổng số người được triệu tập: 9999', 'Số người có mặt: 0', '𝔘𝔫𝔦']);
      replacement = `<c r="${c[1]}"${style} t="inlineStr"><is><t>${text}</t></is></c>`;
      what = `${c[1]} = "${text}"`;
    }
  }
  xml = xml.slice(0, c.index) + replacement + xml.slice(c.index! + c[0].length);
  copy.set(name, Buffer.from(xml, 'utf8'));
  return { level: 'cell', what: `${name}: ${what}`, bytes: zipped(copy) };
}
