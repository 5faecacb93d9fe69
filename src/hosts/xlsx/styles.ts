/**
 * styles.xml as the xlsx writer uses it (src/hosts/xlsx/apply.ts): the cell formats (`cellXfs`) and
 * the fonts, fills, borders and number formats they point to. A format a run needs is looked up
 * among those the file has, else appended: nothing the file holds is renumbered or rewritten, so
 * every cell of the user keeps its look, and the conditional formats (dxfs) and cell styles are left
 * as they are. A run that needs nothing new leaves the part byte-identical.
 */
import { UnpatchablePart } from './package';
import { attrsOf, children, escapeAttr, findElement, inner, rootOf, splice, tag, type Attrs, type Found } from './xml';

/** A font: its child elements ('b', 'sz', 'color', 'name', …) with their attributes. */
export type Font = Map<string, Attrs>;

/** A cell format: the ids it points to and its own alignment and protection. */
export interface Xf {
  /** numFmtId, fontId, fillId, borderId, xfId, apply…: as written. */
  attrs: Attrs;
  alignment?: Attrs;
  protection?: Attrs;
  /** Other children (an extension list), kept as written. */
  rest: string;
}

/** Excel's order of a font's children. */
const FONT_ORDER = ['b', 'i', 'strike', 'condense', 'extend', 'outline', 'shadow', 'u', 'vertAlign', 'sz', 'color', 'name', 'family', 'charset', 'scheme'];
const XF_ORDER = ['numFmtId', 'fontId', 'fillId', 'borderId', 'xfId', 'quotePrefix', 'pivotButton', 'applyNumberFormat', 'applyFont', 'applyFill', 'applyBorder', 'applyAlignment', 'applyProtection'];

/** Number formats every Excel knows by id (those that read the same in every locale). */
const BUILT_IN: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '0.00E+00': 11, '# ?/?': 12, '# ??/??': 13, '@': 49 };

const MINIMAL_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>';

/** Whitespace between tags dropped: two entries written differently but meaning the same compare equal. */
const squash = (xml: string): string => xml.replace(/>\s+</g, '><').trim();

function fontXml(font: Font): string {
  const keys = [...font.keys()].sort((a, b) => rank(FONT_ORDER, a) - rank(FONT_ORDER, b));
  return `<font>${keys.map((k) => tag(k, font.get(k), true)).join('')}</font>`;
}

function rank(order: string[], key: string): number {
  const i = order.indexOf(key);
  return i < 0 ? order.length : i;
}

function xfXml(xf: Xf): string {
  const attrs = [...xf.attrs].sort((a, b) => rank(XF_ORDER, a[0]) - rank(XF_ORDER, b[0]));
  const body = (xf.alignment ? tag('alignment', xf.alignment, true) : '') + (xf.protection ? tag('protection', xf.protection, true) : '') + xf.rest;
  return body ? `${tag('xf', attrs)}${body}</xf>` : tag('xf', attrs, true);
}

/** One collection of styles.xml (fonts, fills, borders, cellXfs): its entries and what is appended. */
class Section {
  /** Key of each entry → its index (the first, where two are the same). */
  readonly index = new Map<string, number>();
  readonly added: string[] = [];
  constructor(
    readonly name: string,
    readonly entries: string[],
    private readonly key: (xml: string) => string,
    /** The file lacks the section: it is written whole (these defaults first) if anything is added. */
    readonly missing = false,
  ) {
    entries.forEach((e, i) => {
      const k = key(e);
      if (!this.index.has(k)) this.index.set(k, i);
    });
  }

  /** The index of an entry like this one, appended when the file has none. */
  find(xml: string): number {
    const k = this.key(xml);
    const i = this.index.get(k);
    if (i !== undefined) return i;
    const n = this.entries.length + this.added.length;
    this.added.push(xml);
    this.index.set(k, n);
    return n;
  }
}

/** CT_Stylesheet's order, and what a section a file lacks starts with (Excel reserves fills 0 and 1). */
const SECTIONS = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
const DEFAULTS: Record<string, string[]> = {
  fonts: ['<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>'],
  fills: ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'],
  borders: ['<border><left/><right/><top/><bottom/><diagonal/></border>'],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
};

export class StyleBook {
  private readonly numFmts = new Map<string, number>();
  private readonly addedNumFmts: [number, string][] = [];
  private nextNumFmt = 164;
  private readonly fonts: Section;
  private readonly fills: Section;
  private readonly borders: Section;
  private readonly xfs: Section;
  private readonly parsedXfs = new Map<number, Xf>();

  constructor(private readonly xml: string = MINIMAL_STYLES) {
    const root = rootOf(xml);
    if (!root || root.name !== 'styleSheet') throw new UnpatchablePart('xl/styles.xml', 'no styleSheet root');
    const section = (name: string, entry: string, key: (xml: string) => string): Section => {
      const f = findElement(xml, name);
      if (!f) return new Section(name, DEFAULTS[name] ?? [], key, true);
      return new Section(name, children(xml, f).filter((c) => c.name === entry).map((c) => xml.slice(c.start, c.end)), key);
    };
    const numFmts = findElement(xml, 'numFmts');
    for (const c of numFmts ? children(xml, numFmts) : []) {
      const a = attrsOf(c.open);
      const id = Number(a.get('numFmtId'));
      const code = a.get('formatCode');
      if (!Number.isFinite(id) || code === undefined) continue;
      if (!this.numFmts.has(code)) this.numFmts.set(code, id);
      this.nextNumFmt = Math.max(this.nextNumFmt, id + 1);
    }
    this.fonts = section('fonts', 'font', (e) => fontXml(parseFont(e)));
    this.fills = section('fills', 'fill', squash);
    this.borders = section('borders', 'border', squash);
    this.xfs = section('cellXfs', 'xf', (e) => xfXml(parseXf(e)));
  }

  /** The cell format `s` of the file (or added by this run), as a copy to change. */
  xf(s: number): Xf {
    let xf = this.parsedXfs.get(s);
    if (!xf) {
      const xml = this.xfs.entries[s] ?? this.xfs.added[s - this.xfs.entries.length] ?? this.xfs.entries[0];
      xf = xml ? parseXf(xml) : { attrs: new Map([['numFmtId', '0'], ['fontId', '0'], ['fillId', '0'], ['borderId', '0'], ['xfId', '0']]), rest: '' };
      this.parsedXfs.set(s, xf);
    }
    return { attrs: new Map(xf.attrs), ...(xf.alignment ? { alignment: new Map(xf.alignment) } : {}), ...(xf.protection ? { protection: new Map(xf.protection) } : {}), rest: xf.rest };
  }

  /** The index of a cell format like this one (appended when new). */
  addXf(xf: Xf): number {
    return this.xfs.find(xfXml(xf));
  }

  font(id: number): Font {
    const xml = this.fonts.entries[id] ?? this.fonts.added[id - this.fonts.entries.length];
    return xml ? parseFont(xml) : new Map();
  }

  addFont(font: Font): number {
    return this.fonts.find(fontXml(font));
  }

  /** A solid fill of an opaque colour ('FFC6EFCE'), as Excel writes one. */
  solidFill(argb: string): number {
    return this.fills.find(`<fill><patternFill patternType="solid"><fgColor rgb="${escapeAttr(argb)}"/></patternFill></fill>`);
  }

  /** Thin lines on the four sides. */
  thinBorder(): number {
    return this.borders.find('<border><left style="thin"/><right style="thin"/><top style="thin"/><bottom style="thin"/><diagonal/></border>');
  }

  /** The id of a number format ('0.00%' is built in; a new custom one is appended). */
  numFmtId(code: string): number {
    if (BUILT_IN[code] !== undefined) return BUILT_IN[code];
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = this.nextNumFmt++;
      this.numFmts.set(code, id);
      this.addedNumFmts.push([id, code]);
    }
    return id;
  }

  /** The new styles.xml, or undefined when the run added nothing (the part stays as it was). */
  text(): string | undefined {
    const sections = [this.fonts, this.fills, this.borders, this.xfs];
    if (!this.addedNumFmts.length && sections.every((s) => !s.added.length)) return undefined;
    let xml = this.xml;
    for (const s of sections) if (s.added.length) xml = appendTo(xml, s.name, s.missing ? [...s.entries, ...s.added] : s.added, s.missing ? 0 : s.entries.length);
    if (this.addedNumFmts.length) {
      const entries = this.addedNumFmts.map(([id, code]) => `<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
      const f = findElement(xml, 'numFmts');
      xml = appendTo(xml, 'numFmts', entries, f ? children(xml, f).length : 0);
    }
    return xml;
  }
}

/** Appends entries to a section, with its count; a section the file lacks is made, in its place. */
function appendTo(xml: string, name: string, entries: string[], had: number): string {
  const f = findElement(xml, name);
  if (!f) {
    const root = rootOf(xml)!;
    const after = SECTIONS.slice(SECTIONS.indexOf(name) + 1);
    const next = children(xml, root).find((c) => after.includes(c.name));
    const at = next ? next.start : root.closeStart;
    return splice(xml, at, at, `<${name} count="${entries.length}">${entries.join('')}</${name}>`);
  }
  const open = `<${name}${withCount(f, had + entries.length)}>`;
  return splice(xml, f.start, f.end, `${open}${f.empty ? '' : inner(xml, f)}${entries.join('')}</${name}>`);
}

function withCount(f: Found, count: number): string {
  const a = attrsOf(f.open);
  a.set('count', String(count));
  return [...a].map(([k, v]) => ` ${k}="${escapeAttr(v)}"`).join('');
}

function parseFont(xml: string): Font {
  const f = findElement(xml, 'font');
  const font: Font = new Map();
  if (!f) return font;
  for (const c of children(xml, f)) font.set(c.name, attrsOf(c.open));
  return font;
}

function parseXf(xml: string): Xf {
  const f = findElement(xml, 'xf')!;
  const xf: Xf = { attrs: attrsOf(f.open), rest: '' };
  for (const c of children(xml, f)) {
    if (c.name === 'alignment') xf.alignment = attrsOf(c.open);
    else if (c.name === 'protection') xf.protection = attrsOf(c.open);
    else xf.rest += xml.slice(c.start, c.end);
  }
  return xf;
}
