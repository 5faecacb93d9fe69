/**
 * A streaming well-formedness scan of an XML part, fed text chunk by chunk as it inflates
 * (src/hosts/xlsx/package-check.ts): tags balanced, one root, attributes quoted, references
 * known, no DTD (OPC forbids them, and they are how entity bombs are made). It builds nothing:
 * it tells its caller each element opened (name and raw attributes) and each text run, so a sheet's
 * rows and cells can be counted without building ExcelJS's model of them.
 */

export class XmlFault extends Error {}

export interface XmlHandler {
  open?(name: string, attributes: string, selfClosing: boolean): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** A tag longer than this is not a tag of a workbook: the scan stops rather than wait for its end. */
const MAX_TAG = 1 << 20;
const START_TAG = /<([^\s/>="'<!?]+)((?:\s+[^\s/>="'<]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const END_TAG = /<\/([^\s/>="'<!?]+)\s*>/y;
const BAD_REFERENCE = /&(?!(?:amp|lt|gt|quot|apos|#[0-9]{1,7}|#x[0-9a-fA-F]{1,6});)/;

export class XmlScanner {
  private pending = '';
  private readonly stack: string[] = [];
  private roots = 0;
  private started = false;

  constructor(private readonly handler: XmlHandler = {}) {}

  /** The next chunk of the part's text. */
  push(chunk: string): void {
    let buf = this.pending + chunk;
    if (!this.started) {
      if (buf.charCodeAt(0) === 0xfeff) buf = buf.slice(1);
      this.started = buf.length > 0;
    }
    this.pending = this.scan(buf, false);
  }

  /** The part's end: everything opened must be closed. */
  end(): void {
    const rest = this.scan(this.pending, true);
    if (rest.trim()) throw new XmlFault('unterminated markup');
    if (this.stack.length) throw new XmlFault(`<${this.stack[this.stack.length - 1]}> not closed`);
    if (this.roots !== 1) throw new XmlFault('no root element');
  }

  /** The next '&' at or after the last text run of the buffer scanned (-1: none), found once per buffer. */
  private amp = -1;

  /** Scans what it can of `buf`; returns the unfinished tail. */
  private scan(buf: string, final: boolean): string {
    this.amp = buf.indexOf('&');
    let i = 0;
    const n = buf.length;
    while (i < n) {
      const lt = buf.indexOf('<', i);
      const textEnd = lt < 0 ? n : lt;
      if (textEnd > i) {
        // A text run split across chunks is checked in parts: only a reference could span them.
        if (lt < 0 && !final) {
          const amp = buf.lastIndexOf('&');
          const keep = amp >= i && buf.indexOf(';', amp) < 0 ? amp : n;
          if (keep > i) this.textRun(buf, i, keep);
          return buf.slice(keep);
        }
        this.textRun(buf, i, textEnd);
      }
      if (lt < 0) return '';
      i = lt;
      const next = buf.charCodeAt(i + 1);
      if (next === 0x3f /* ? */ || next === 0x21 /* ! */) {
        let close: string;
        if (buf.startsWith('<?', i)) close = '?>';
        else if (buf.startsWith('<!--', i)) close = '-->';
        else if (buf.startsWith('<![CDATA[', i)) close = ']]>';
        else if (n - i < 9 && !final) return buf.slice(i);
        else throw new XmlFault(buf.startsWith('<!DOCTYPE', i) ? 'DTD' : 'bad markup');
        const end = buf.indexOf(close, i + 2);
        if (end < 0) return this.wait(buf, i, final);
        if (close === ']]>') {
          if (!this.stack.length) throw new XmlFault('text outside the root element');
          this.handler.text?.(buf.slice(i + 9, end));
        }
        i = end + close.length;
        continue;
      }
      if (next === 0x2f /* / */) {
        END_TAG.lastIndex = i;
        const m = END_TAG.exec(buf);
        if (!m) return this.wait(buf, i, final);
        const open = this.stack.pop();
        if (open !== m[1]) throw new XmlFault(`</${m[1]}> closes <${open ?? ''}>`);
        this.handler.close?.(m[1]);
        i = END_TAG.lastIndex;
        continue;
      }
      START_TAG.lastIndex = i;
      const m = START_TAG.exec(buf);
      if (!m) return this.wait(buf, i, final);
      if (m[2].includes('&') && BAD_REFERENCE.test(m[2])) throw new XmlFault('bad reference');
      if (this.stack.length === 0) {
        if (++this.roots > 1) throw new XmlFault('two root elements');
      }
      const self = m[3] === '/';
      if (!self) this.stack.push(m[1]);
      this.handler.open?.(m[1], m[2], self);
      i = START_TAG.lastIndex;
    }
    return '';
  }

  /** A tag not matched: unfinished (wait for the next chunk) or malformed. */
  private wait(buf: string, at: number, final: boolean): string {
    if (final || buf.length - at > MAX_TAG || (buf.indexOf('>', at) >= 0 && !couldGrow(buf, at))) throw new XmlFault('malformed tag');
    return buf.slice(at);
  }

  /** The text buf[from, to): checked, and told to the handler (sliced only when someone needs it). */
  private textRun(buf: string, from: number, to: number): void {
    if (this.stack.length === 0) {
      if (buf.slice(from, to).trim()) throw new XmlFault('text outside the root element');
      return;
    }
    // The runs come in order: the next '&' is looked for again only once a run has passed it.
    if (this.amp >= 0 && this.amp < from) this.amp = buf.indexOf('&', from);
    if (this.amp >= 0 && this.amp < to && BAD_REFERENCE.test(buf.slice(this.amp, to))) throw new XmlFault('bad reference');
    this.handler.text?.(buf.slice(from, to));
  }
}

/**
 * A tag with a '>' in it may still be unfinished when that '>' sits inside a quoted attribute
 * value (allowed): the quotes before the last '>' are unbalanced.
 */
function couldGrow(buf: string, at: number): boolean {
  let quote = '';
  for (let i = at; i < buf.length; i++) {
    const c = buf[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return false;
  }
  return true;
}

const PATTERNS = new Map<string, RegExp>();

/** One attribute of a start tag's raw attributes, unescaped; undefined when absent. */
export function attribute(attributes: string, name: string): string | undefined {
  // The common spelling first (' r="A1"'), without a regular expression: a sheet has one per cell.
  const at = attributes.indexOf(` ${name}=`);
  if (at >= 0) {
    const quote = attributes[at + name.length + 2];
    const end = quote === '"' || quote === "'" ? attributes.indexOf(quote, at + name.length + 3) : -1;
    if (end >= 0) {
      const value = attributes.slice(at + name.length + 3, end);
      return value.includes('&') ? unescapeXml(value) : value;
    }
  }
  if (!attributes.includes(name)) return undefined;
  let pattern = PATTERNS.get(name);
  if (!pattern) PATTERNS.set(name, (pattern = new RegExp(`(?:^|\\s)${name.replace(/[.:]/g, '\\$&')}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`)));
  const m = pattern.exec(attributes);
  return m ? unescapeXml(m[1] ?? m[2]) : undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-f]+|#\d+);/gi, (_, e: string) => {
    if (ENTITIES[e]) return ENTITIES[e];
    const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
  });
}

/** The local part of a qualified name ('x:row' → 'row'). */
export const localName = (name: string): string => name.slice(name.indexOf(':') + 1);
