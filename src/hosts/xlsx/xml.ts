/**
 * The few XML operations the xlsx writer needs (src/hosts/xlsx/apply.ts), on text: it edits the parts
 * a run touches in place and leaves every byte around the edit as the file had it — namespaces,
 * extension lists, elements it does not know. Not a general XML parser: it finds elements by name
 * (honouring quoted attribute values and nesting of the same name), reads and writes attributes,
 * and escapes text.
 */

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#\d+);/g, (_, e: string) =>
    ENTITIES[e] ?? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))),
  );
}

export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function escapeAttr(text: string): string {
  return text.replace(/[&<>"\n\r\t]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '\n': '&#10;', '\r': '&#13;', '\t': '&#9;' })[c]!);
}

/** Text without the characters XML 1.0 cannot hold (C0 controls but tab and line breaks, U+FFFE/U+FFFF, lone surrogates). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
export function xmlText(text: string): string {
  return text.replace(NOT_XML, '');
}

/** Attributes in the order written (a Map keeps it), values unescaped. */
export type Attrs = Map<string, string>;

/** The attributes of a start tag ('<c r="A1" s="3">'; of the first tag, in a longer text). */
export function attrsOf(text: string): Attrs {
  const end = text.startsWith('<') ? tagEnd(text, 0) : -1;
  const tag = end > 0 ? text.slice(0, end) : text;
  const out: Attrs = new Map();
  const re = /([^\s=<>/"']+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  // Skip the element's name.
  re.lastIndex = tag.search(/[\s/>]/);
  if (re.lastIndex < 0) return out;
  for (let m = re.exec(tag); m; m = re.exec(tag)) out.set(m[1], unescapeXml(m[2] ?? m[3] ?? ''));
  return out;
}

/** One attribute of a start tag, undefined when absent. */
export function attrOf(tag: string, name: string): string | undefined {
  return attrsOf(tag).get(name);
}

function attrsText(attrs: Attrs | Iterable<[string, string]>): string {
  let s = '';
  for (const [k, v] of attrs) s += ` ${k}="${escapeAttr(v)}"`;
  return s;
}

/** A start tag with these attributes; self-closing when `empty`. */
export function tag(name: string, attrs: Attrs | Iterable<[string, string]> = [], empty = false): string {
  return `<${name}${attrsText(attrs)}${empty ? '/>' : '>'}`;
}

/** Where a start tag that begins at `at` ('<') ends: the index after its '>' (quoted values may hold '>'). */
export function tagEnd(xml: string, at: number): number {
  let quote = '';
  for (let i = at + 1; i < xml.length; i++) {
    const ch = xml[i];
    if (quote) {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return i + 1;
  }
  return -1;
}

/** An element found in a text: [start, end) covers it whole; [openEnd, closeStart) its content. */
export interface Found {
  name: string;
  start: number;
  /** After the start tag's '>'. */
  openEnd: number;
  /** Where the end tag starts (= end for an empty element). */
  closeStart: number;
  end: number;
  empty: boolean;
  /** The start tag's text. */
  open: string;
}

/** Is `xml[i]` the start of a tag named `name` (followed by space, '/' or '>')? */
function startsTag(xml: string, i: number, name: string): boolean {
  const after = xml.charCodeAt(i + name.length);
  // space, tab, CR, LF, '/', '>'
  return xml.startsWith(name, i) && (after === 32 || after === 9 || after === 10 || after === 13 || after === 47 || after === 62);
}

/** The first element `name` (exactly, e.g. 'sheetData', 'x:ClientData') at or after `from`, before `to`. */
export function findElement(xml: string, name: string, from = 0, to = xml.length): Found | undefined {
  const open = `<${name}`;
  for (let i = xml.indexOf(open, from); i >= 0 && i < to; i = xml.indexOf(open, i + 1)) {
    if (!startsTag(xml, i + 1, name)) continue;
    const openEnd = tagEnd(xml, i);
    if (openEnd < 0) return undefined;
    const text = xml.slice(i, openEnd);
    if (text.endsWith('/>')) return { name, start: i, openEnd, closeStart: openEnd, end: openEnd, empty: true, open: text };
    // The matching end tag, counting nested elements of the same name.
    const close = `</${name}>`;
    let depth = 1;
    let j = openEnd;
    while (depth > 0) {
      const nextClose = xml.indexOf(close, j);
      if (nextClose < 0) return undefined;
      let nextOpen = xml.indexOf(open, j);
      while (nextOpen >= 0 && nextOpen < nextClose && !startsTag(xml, nextOpen + 1, name)) nextOpen = xml.indexOf(open, nextOpen + 1);
      if (nextOpen >= 0 && nextOpen < nextClose) {
        const e = tagEnd(xml, nextOpen);
        if (e < 0) return undefined;
        if (!xml.slice(nextOpen, e).endsWith('/>')) depth++;
        j = e;
      } else {
        depth--;
        j = nextClose + close.length;
        if (depth === 0) return { name, start: i, openEnd, closeStart: nextClose, end: j, empty: false, open: text };
      }
    }
  }
  return undefined;
}

/** Every element `name` between `from` and `to` (not inside one another). */
export function findElements(xml: string, name: string, from = 0, to = xml.length): Found[] {
  const out: Found[] = [];
  for (let f = findElement(xml, name, from, to); f && f.end <= to; f = findElement(xml, name, f.end, to)) out.push(f);
  return out;
}

/** The element's content (between its tags), '' for an empty element. */
export function inner(xml: string, f: Found): string {
  return xml.slice(f.openEnd, f.closeStart);
}

/** The direct children of an element's content, by name, in order (text between them ignored). */
export function children(xml: string, f: Found): Found[] {
  const out: Found[] = [];
  let i = f.openEnd;
  while (i < f.closeStart) {
    const lt = xml.indexOf('<', i);
    if (lt < 0 || lt >= f.closeStart) break;
    if (xml.startsWith('<!--', lt)) {
      i = xml.indexOf('-->', lt) + 3;
      continue;
    }
    if (xml[lt + 1] === '/' || xml[lt + 1] === '?' || xml[lt + 1] === '!') {
      i = lt + 1;
      continue;
    }
    const m = /^<([^\s/>]+)/.exec(xml.slice(lt, lt + 200));
    if (!m) break;
    const child = findElement(xml, m[1], lt, f.closeStart);
    if (!child || child.start !== lt) break;
    out.push(child);
    i = child.end;
  }
  return out;
}

/** The root element of a part (after the XML declaration and any comments). */
export function rootOf(xml: string): Found | undefined {
  const m = /<([A-Za-z_][^\s/>]*)[\s/>]/.exec(xml.replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->/g, (s) => ' '.repeat(s.length)));
  return m ? findElement(xml, m[1], m.index) : undefined;
}

/**
 * The prefix a root element binds to a namespace ('r' for xmlns:r="…/relationships"), or undefined.
 * Spreadsheet parts bind the relationships namespace to 'r' by convention, not by rule.
 */
export function prefixOf(rootOpen: string, namespace: string): string | undefined {
  for (const [k, v] of attrsOf(rootOpen)) if (k.startsWith('xmlns:') && v === namespace) return k.slice(6);
  return undefined;
}

/** The prefix a part's root binds to a namespace, binding `preferred` to it on the root where none is. */
export function boundPrefix(xml: string, namespace: string, preferred: string): { xml: string; prefix: string } {
  const root = rootOf(xml)!;
  const prefix = prefixOf(root.open, namespace);
  if (prefix) return { xml, prefix };
  return { xml: splice(xml, root.start, root.openEnd, withAttr(root.open, `xmlns:${preferred}`, namespace)), prefix: preferred };
}

/** Replaces [start, end) of a text. */
export function splice(xml: string, start: number, end: number, text: string): string {
  return xml.slice(0, start) + text + xml.slice(end);
}

/** A start tag with one attribute set (added at the end when new) or removed (value undefined), the rest as written. */
export function withAttr(open: string, name: string, value: string | undefined): string {
  const re = new RegExp(`\\s${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"[^"]*"|'[^']*')`);
  const m = re.exec(open);
  if (value === undefined) return m ? open.slice(0, m.index) + open.slice(m.index + m[0].length) : open;
  const attr = ` ${name}="${escapeAttr(value)}"`;
  if (m) return open.slice(0, m.index) + attr + open.slice(m.index + m[0].length);
  const close = open.endsWith('/>') ? open.length - 2 : open.length - 1;
  return open.slice(0, close).replace(/\s+$/, '') + attr + open.slice(close);
}
