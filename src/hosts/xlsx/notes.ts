/**
 * The notes of one sheet as the xlsx writer edits them (src/hosts/xlsx/apply.ts): the comments part
 * (the text) and the legacy VML drawing (the yellow box Excel draws for each). The user's own notes
 * in those parts — and any other shape in the drawing, a form control's — are kept as the file wrote
 * them; the run adds, replaces or removes only the notes of the cells it writes or clears. A part
 * left with nothing in it goes, with its relationship, so a run undone leaves no empty part behind.
 */
import { a1, parseCell, type RangePos } from '../../workbook/address';
import { CONTENT_TYPE, REL, isRel, type XlsxPackage } from './package';
import type { SheetXml } from './sheet-xml';
import { attrOf, escapeText, findElement, findElements, inner, rootOf, splice, unescapeXml } from './xml';

interface Note {
  row: number;
  col: number;
  /** The comment element as the file has it (the user's), or as this run writes it. */
  xml: string;
  /** Written by this run: its shape is drawn anew. */
  ours: boolean;
  text?: string;
}

/** The author the notes a run writes carry. */
const AUTHOR = 'Quy Hoạch';

const VML_HEAD =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">';
const NOTE_SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

const key = (row: number, col: number): string => `${row},${col}`;

export class SheetNotes {
  private readonly notes = new Map<string, Note>();
  private changed = false;

  private constructor(
    private readonly pkg: XlsxPackage,
    private readonly sheetPart: string,
    private readonly sheet: SheetXml,
    private commentsPart: string | undefined,
    private commentsXml: string | undefined,
    private vmlPart: string | undefined,
    private vmlXml: string | undefined,
  ) {
    if (commentsXml) {
      const list = findElement(commentsXml, 'commentList');
      for (const c of list ? findElements(commentsXml, 'comment', list.openEnd, list.closeStart) : []) {
        const pos = parseCell(attrOf(c.open, 'ref') ?? '');
        if (pos) this.notes.set(key(pos.row, pos.col), { ...pos, xml: commentsXml.slice(c.start, c.end), ours: false });
      }
    }
  }

  static async open(pkg: XlsxPackage, sheetPart: string, sheet: SheetXml): Promise<SheetNotes> {
    const rels = await pkg.rels(sheetPart);
    const comments = rels.find((r) => isRel(r.type, REL.comments) && r.part)?.part;
    const drawingId = sheet.legacyDrawing();
    const vml = rels.find((r) => r.id === drawingId && r.part)?.part;
    return new SheetNotes(pkg, sheetPart, sheet, comments, comments && (await pkg.text(comments)), vml, vml && (await pkg.text(vml)));
  }

  set(row: number, col: number, text: string): void {
    this.notes.set(key(row, col), { row, col, ours: true, text, xml: '' });
    this.changed = true;
  }

  remove(row: number, col: number): void {
    if (this.notes.delete(key(row, col))) this.changed = true;
  }

  removeIn(range: RangePos): void {
    for (const n of [...this.notes.values()]) if (n.row >= range.top && n.row <= range.bottom && n.col >= range.left && n.col <= range.right) this.remove(n.row, n.col);
  }

  /** Writes the comments part and the drawing (or removes them when empty), the sheet's link and relationships. */
  async save(): Promise<void> {
    if (!this.changed) return;
    const notes = [...this.notes.values()].sort((a, b) => a.row - b.row || a.col - b.col);
    await this.saveComments(notes);
    await this.saveDrawing(notes);
  }

  private async saveComments(notes: Note[]): Promise<void> {
    const rels = await this.pkg.rels(this.sheetPart);
    if (!notes.length) {
      if (this.commentsPart) {
        const rel = rels.find((r) => r.part === this.commentsPart);
        if (rel) await this.pkg.removeRel(this.sheetPart, rel.id);
        // The part itself goes with the package's unreferenced parts.
      }
      return;
    }
    let xml = this.commentsXml ?? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors></authors><commentList></commentList></comments>';
    // The author of the notes the run writes (added once).
    let authors = findElement(xml, 'authors');
    if (!authors) {
      const root = rootOf(xml)!;
      xml = splice(xml, root.openEnd, root.openEnd, '<authors></authors>');
      authors = findElement(xml, 'authors')!;
    }
    const found = findElements(xml, 'author', authors.openEnd, authors.closeStart);
    const names = found.map((a) => unescapeXml(inner(xml, a)));
    let authorId = names.indexOf(AUTHOR);
    // The author the add-in added last, with no note of its own any more, goes (an undo leaves the part as it was).
    if (authorId >= 0 && authorId === names.length - 1 && !notes.some((n) => n.ours || attrOf(n.xml, 'authorId') === String(authorId))) {
      xml = splice(xml, found[authorId].start, found[authorId].end, '');
      authors = findElement(xml, 'authors')!;
      authorId = -1;
    }
    if (authorId < 0 && notes.some((n) => n.ours)) {
      authorId = names.length;
      xml = authors.empty ? splice(xml, authors.start, authors.end, `<authors><author>${AUTHOR}</author></authors>`) : splice(xml, authors.closeStart, authors.closeStart, `<author>${AUTHOR}</author>`);
    }
    const body = notes
      .map((n) => (n.ours ? `<comment ref="${a1(n.row, n.col)}" authorId="${authorId}"><text><r><t xml:space="preserve">${escapeText(n.text ?? '')}</t></r></text></comment>` : n.xml))
      .join('');
    const list = findElement(xml, 'commentList');
    if (list) xml = splice(xml, list.start, list.end, `<commentList>${body}</commentList>`);
    else {
      const root = rootOf(xml)!;
      xml = splice(xml, root.closeStart, root.closeStart, `<commentList>${body}</commentList>`);
    }
    if (!this.commentsPart) {
      this.commentsPart = this.pkg.freeName('xl/comments', 'xml');
      await this.pkg.addRel(this.sheetPart, REL.comments, this.commentsPart);
      await this.pkg.setOverride(this.commentsPart, CONTENT_TYPE.comments);
    }
    this.pkg.set(this.commentsPart, xml);
    this.commentsXml = xml;
  }

  private async saveDrawing(notes: Note[]): Promise<void> {
    const cells = new Set(notes.map((n) => key(n.row, n.col)));
    const mine = new Set(notes.filter((n) => n.ours).map((n) => key(n.row, n.col)));
    let xml = this.vmlXml ?? `${VML_HEAD}<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${await this.freeBlock()}"/></o:shapelayout></xml>`;
    // Out: the note shapes of notes removed or written anew; the others (the user's notes, controls) stay.
    const shapes = findElements(xml, 'v:shape');
    let kept = 0;
    for (const s of [...shapes].reverse()) {
      const text = xml.slice(s.start, s.end);
      const note = /ObjectType\s*=\s*["']Note["']/.test(text);
      const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(text);
      const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(text);
      const at = row && col ? key(Number(row[1]) + 1, Number(col[1]) + 1) : undefined;
      if (note && at && (!cells.has(at) || mine.has(at))) xml = splice(xml, s.start, s.end, '');
      else kept++;
    }
    const ours = notes.filter((n) => n.ours);
    if (!kept && !ours.length) {
      if (this.vmlPart) {
        const rel = (await this.pkg.rels(this.sheetPart)).find((r) => r.part === this.vmlPart);
        if (rel) await this.pkg.removeRel(this.sheetPart, rel.id);
        this.sheet.setLegacyDrawing(undefined);
      }
      return;
    }
    if (ours.length) {
      if (!/id\s*=\s*["']_x0000_t202["']/.test(xml)) xml = xml.replace(/<\/o:shapelayout>|(?=<\/xml>\s*$)/, (m) => `${m}${NOTE_SHAPETYPE}`);
      xml = withShapes(xml, ours);
    }
    if (!this.vmlPart) {
      this.vmlPart = this.pkg.freeName('xl/drawings/vmlDrawing', 'vml');
      const id = await this.pkg.addRel(this.sheetPart, REL.vmlDrawing, this.vmlPart);
      await this.pkg.ensureDefault('vml', CONTENT_TYPE.vml);
      this.sheet.setLegacyDrawing(id);
    }
    this.pkg.set(this.vmlPart, xml);
    this.vmlXml = xml;
  }

  /** A block of shape ids no drawing of the package uses (Excel numbers a drawing's shapes from 1024 × block). */
  private async freeBlock(): Promise<number> {
    let max = 0;
    for (const p of this.pkg.paths().filter((p) => p.toLowerCase().endsWith('.vml'))) {
      const xml = (await this.pkg.text(p)) ?? '';
      for (const m of xml.matchAll(/<o:idmap\b[^>]*\bdata\s*=\s*["']([^"']*)["']/g)) for (const n of m[1].split(/[\s,]+/)) max = Math.max(max, Number(n) || 0);
      for (const m of xml.matchAll(/_x0000_s(\d+)/g)) max = Math.max(max, Math.floor(Number(m[1]) / 1024));
    }
    return max + 1;
  }
}

/** The drawing with a note shape for each of these notes, its shape ids after those it has, its id blocks listed. */
function withShapes(xml: string, notes: Note[]): string {
  const idmap = /(<o:idmap\b[^>]*\bdata\s*=\s*["'])([^"']*)(["'])/.exec(xml);
  const blocks = new Set((idmap?.[2] ?? '').split(/[\s,]+/).filter(Boolean).map(Number));
  let next = 0;
  for (const m of xml.matchAll(/_x0000_s(\d+)/g)) next = Math.max(next, Number(m[1]));
  if (!next) next = Math.min(...(blocks.size ? [...blocks] : [1])) * 1024;
  const shapes = notes.map((n) => {
    const id = ++next;
    blocks.add(Math.floor(id / 1024));
    return noteShape(id, n.row - 1, n.col - 1);
  });
  let out = xml;
  if (idmap) out = out.replace(idmap[0], `${idmap[1]}${[...blocks].sort((a, b) => a - b).join(',')}${idmap[3]}`);
  const end = out.lastIndexOf('</xml>');
  return splice(out, end, end, shapes.join(''));
}

/** A hidden note's box beside its cell (0-based row and column), as Excel draws one. */
function noteShape(id: number, row: number, col: number): string {
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${Math.max(0, row - 1)}, 10, ${col + 3}, 15, ${row + 3}, 4</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}
