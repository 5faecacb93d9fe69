/**
 * One worksheet part as the xlsx writer edits it (src/hosts/xlsx/apply.ts): the cells a run writes or
 * clears, the widths of its columns, the link to its notes. Rows the run does not touch are kept as
 * the file wrote them, text for text; so is everything outside `sheetData`, `cols`, `dimension` and
 * `legacyDrawing` — validation, conditional formats, drawings, page setup, header and footer flags,
 * extension lists. New elements go where CT_Worksheet orders them.
 */
import { UnpatchablePart } from './package';
import { a1, columnLetters, parseCell, parseRange, type RangePos } from '../../workbook/address';
import { attrOf, attrsOf, boundPrefix, children, escapeText, findElement, findElements, rootOf, splice, tag, tagEnd, withAttr, type Attrs } from './xml';
import { RELS_NAMESPACE } from './package';

/** CT_Worksheet's children, in the order the schema requires. */
const WORKSHEET_ORDER = [
  'sheetPr', 'dimension', 'sheetViews', 'sheetFormatPr', 'cols', 'sheetData', 'sheetCalcPr', 'sheetProtection', 'protectedRanges',
  'scenarios', 'autoFilter', 'sortState', 'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter', 'rowBreaks', 'colBreaks',
  'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF',
  'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst',
];

export type CellValueXml = { number: number } | { text: string } | { error: string } | null;

interface Cell {
  col: number;
  /** The cell's text as the file has it, or as this run writes it. */
  xml: string;
  s: number;
  formula: boolean;
}

interface Row {
  r: number;
  /** The row's start tag (r, spans, ht, s, customFormat…). */
  open: string;
  cells: Cell[];
  /** Changed by the run (a row only looked at keeps its text). */
  dirty: boolean;
}

interface RowText {
  r: number;
  start: number;
  end: number;
  /** The row element has no r attribute (its number follows the one before). */
  implicit: boolean;
}

export class SheetXml {
  private xml: string;
  private readonly rowTexts: RowText[] = [];
  private readonly rowAt = new Map<number, RowText>();
  /** Rows parsed for editing (and new rows), by number. */
  private readonly rows = new Map<number, Row>();
  private readonly dataStart: number;
  private readonly dataEnd: number;
  private readonly selfClosedData: boolean;
  private merges?: Map<number, RangePos[]>;
  private colStyles?: { min: number; max: number; style: number }[];
  /** A formula was overwritten or cleared (the calculation chain then lists a cell without one). */
  formulaRemoved = false;
  private touchedCells = false;
  private bounds?: RangePos;
  private widths?: Map<number, number | null>;

  constructor(xml: string) {
    const root = rootOf(xml);
    if (!root || root.name !== 'worksheet') throw new UnpatchablePart('worksheet', 'a worksheet part without <worksheet>');
    let data = findElement(xml, 'sheetData');
    if (!data) {
      const at = insertionPoint(xml, 'sheetData');
      xml = splice(xml, at, at, '<sheetData/>');
      data = findElement(xml, 'sheetData')!;
    }
    this.xml = xml;
    this.selfClosedData = data.empty;
    this.dataStart = data.openEnd;
    this.dataEnd = data.closeStart;
    let previous = 0;
    for (let i = xml.indexOf('<row', this.dataStart); i >= 0 && i < this.dataEnd; i = xml.indexOf('<row', i + 1)) {
      const next = xml.charCodeAt(i + 4);
      if (next !== 32 && next !== 62 && next !== 47 && next !== 9 && next !== 10 && next !== 13) continue;
      const openEnd = tagEnd(xml, i);
      const open = xml.slice(i, openEnd);
      const end = open.endsWith('/>') ? openEnd : xml.indexOf('</row>', openEnd) + 6;
      const rAttr = /\sr\s*=\s*["'](\d+)["']/.exec(open);
      const r = rAttr ? Number(rAttr[1]) : previous + 1;
      const text = { r, start: i, end, implicit: !rAttr };
      this.rowTexts.push(text);
      this.rowAt.set(r, text);
      previous = r;
      i = end - 1;
    }
  }

  /** The style index of a cell the sheet has (0 when it has none), undefined when there is no such cell. */
  styleOf(row: number, col: number): number | undefined {
    return this.row(row, false)?.cells.find((c) => c.col === col)?.s;
  }

  /** The style a new cell would take: its row's (where the row has one), else its column's, else none. */
  newCellStyle(row: number, col: number): number {
    const r = this.row(row, false);
    if (r && attrOf(r.open, 'customFormat') === '1') return Number(attrOf(r.open, 's') ?? 0);
    this.colStyles ??= findElements(this.xml, 'col', ...this.colsRange()).map((c) => {
      const a = attrsOf(c.open);
      return { min: Number(a.get('min')), max: Number(a.get('max')), style: Number(a.get('style') ?? 0) };
    });
    return this.colStyles.find((c) => col >= c.min && col <= c.max)?.style ?? 0;
  }

  /** A merged cell other than the top-left one: its value belongs to the master. */
  isMergeSlave(row: number, col: number): boolean {
    if (!this.merges) {
      // By row: a sheet the add-in prints may have a merged area on every row.
      this.merges = new Map();
      for (const m of findElements(this.xml, 'mergeCell').flatMap((f) => parseRange(attrOf(f.open, 'ref') ?? '') ?? [])) {
        for (let r = m.top; r <= m.bottom; r++) {
          const list = this.merges.get(r);
          if (list) list.push(m);
          else this.merges.set(r, [m]);
        }
      }
    }
    return (this.merges.get(row) ?? []).some((m) => col >= m.left && col <= m.right && (row !== m.top || col !== m.left));
  }

  /** Writes a cell: its style index and value (null: no value; a merged cell's value is never written). */
  write(row: number, col: number, s: number, value: CellValueXml): void {
    const r = this.row(row, true)!;
    const i = r.cells.findIndex((c) => c.col >= col);
    const old = r.cells[i]?.col === col ? r.cells[i] : undefined;
    if (old?.formula) this.formulaRemoved = true;
    const cell = { col, s, formula: false, xml: cellXml(row, col, s, value) };
    if (value === null && s === 0) {
      if (old) r.cells.splice(i, 1);
    } else if (old) r.cells[i] = cell;
    else if (i < 0) r.cells.push(cell);
    else r.cells.splice(i, 0, cell);
    r.dirty = true;
    this.touchedCells = true;
    this.grow(row, col);
  }

  /** Empties the cells of a range that exist: no value, the style `restyle` gives (0: the cell goes). */
  clear(range: RangePos, restyle: (s: number) => number): void {
    for (const text of this.rowTexts) {
      if (text.r < range.top || text.r > range.bottom) continue;
      const r = this.row(text.r, false)!;
      for (const c of r.cells.filter((c) => c.col >= range.left && c.col <= range.right)) this.write(text.r, c.col, restyle(c.s), null);
    }
    for (const [n, r] of this.rows) {
      if (this.rowAt.has(n) || n < range.top || n > range.bottom) continue;
      for (const c of r.cells.filter((c) => c.col >= range.left && c.col <= range.right)) this.write(n, c.col, restyle(c.s), null);
    }
  }

  /** Sets a column's width (characters), or takes it back to the sheet's standard width (null). */
  setWidth(col: number, width: number | null): void {
    (this.widths ??= new Map()).set(col, width);
  }

  /** The r:id of the sheet's legacy drawing (its notes' shapes), if it has one. */
  legacyDrawing(): string | undefined {
    const f = findElement(this.xml, 'legacyDrawing');
    return f && [...attrsOf(f.open)].find(([k]) => k.endsWith(':id'))?.[1];
  }

  /** Links the sheet to its notes' drawing (or unlinks it: undefined). */
  setLegacyDrawing(id: string | undefined): void {
    const f = findElement(this.xml, 'legacyDrawing');
    if (f) this.xml = splice(this.xml, f.start, f.end, id ? `<legacyDrawing ${this.relPrefix()}:id="${id}"/>` : '');
    else if (id) {
      const at = insertionPoint(this.xml, 'legacyDrawing');
      this.xml = splice(this.xml, at, at, `<legacyDrawing ${this.relPrefix()}:id="${id}"/>`);
    }
  }

  /** The prefix bound to the relationships namespace on the root (declared as 'r' when it has none). */
  private relPrefix(): string {
    const { xml, prefix } = boundPrefix(this.xml, RELS_NAMESPACE, 'r');
    this.xml = xml;
    return prefix;
  }

  /** The sheet's text with the edits (parts of the text the run did not touch kept as they were). */
  text(): string {
    let xml = this.xml;
    const sheetData = this.sheetDataText();
    const data = findElement(xml, 'sheetData')!;
    xml = splice(xml, data.start, data.end, sheetData);
    if (this.widths?.size) xml = withWidths(xml, this.widths);
    if (this.touchedCells && this.bounds) xml = withDimension(xml, this.bounds);
    return xml;
  }

  // ───────────────────────── rows ─────────────────────────

  private row(n: number, create: boolean): Row | undefined {
    let r = this.rows.get(n);
    if (r) return r;
    const text = this.rowAt.get(n);
    if (text) r = parseRow(this.xml.slice(text.start, text.end), n);
    else if (create) r = { r: n, open: `<row r="${n}">`, cells: [], dirty: true };
    else return undefined;
    this.rows.set(n, r);
    return r;
  }

  private grow(row: number, col: number): void {
    const b = this.bounds;
    this.bounds = b ? { top: Math.min(b.top, row), left: Math.min(b.left, col), bottom: Math.max(b.bottom, row), right: Math.max(b.right, col) } : { top: row, left: col, bottom: row, right: col };
  }

  private colsRange(): [number, number] {
    const f = findElement(this.xml, 'cols', 0, this.dataStart);
    return f ? [f.start, f.end] : [0, 0];
  }

  private sheetDataText(): string {
    const added = [...this.rows.values()].filter((r) => !this.rowAt.has(r.r) && r.cells.length).sort((a, b) => a.r - b.r);
    const implicit = this.rowTexts.some((t) => t.implicit);
    const rowText = (t: RowText): string => {
      const edited = this.rows.get(t.r);
      if (edited?.dirty) return rowXml(edited);
      const text = this.xml.slice(t.start, t.end);
      return implicit && t.implicit ? withRowNumber(text, t.r) : text;
    };
    if (!added.length) {
      if (this.selfClosedData) return '<sheetData/>';
      // Rows edited in place, the text between them (a pretty-printed sheet's spaces) kept.
      let out = '';
      let at = this.dataStart;
      for (const t of this.rowTexts) {
        out += this.xml.slice(at, t.start) + rowText(t);
        at = t.end;
      }
      return `<sheetData>${out}${this.xml.slice(at, this.dataEnd)}</sheetData>`;
    }
    const parts: string[] = [];
    let k = 0;
    for (const t of this.rowTexts) {
      while (k < added.length && added[k].r < t.r) parts.push(rowXml(added[k++]));
      parts.push(rowText(t));
    }
    while (k < added.length) parts.push(rowXml(added[k++]));
    return `<sheetData>${parts.join('')}</sheetData>`;
  }
}

function parseRow(text: string, n: number): Row {
  const openEnd = tagEnd(text, 0);
  const open = text.slice(0, openEnd);
  const cells: Cell[] = [];
  if (!open.endsWith('/>')) {
    let previous = 0;
    const end = text.lastIndexOf('</row>');
    for (let i = text.indexOf('<c', openEnd); i >= 0 && i < end; i = text.indexOf('<c', i + 1)) {
      const next = text.charCodeAt(i + 2);
      if (next !== 32 && next !== 62 && next !== 47 && next !== 9 && next !== 10 && next !== 13) continue;
      const cOpenEnd = tagEnd(text, i);
      const cOpen = text.slice(i, cOpenEnd);
      const cEnd = cOpen.endsWith('/>') ? cOpenEnd : text.indexOf('</c>', cOpenEnd) + 4;
      const a = attrsOf(cOpen);
      const pos = a.has('r') ? parseCell(a.get('r')!) : undefined;
      const col = pos?.col ?? previous + 1;
      let xml = text.slice(i, cEnd);
      // A cell without its address gets one: cells may be added before it.
      if (!pos) xml = withAttr(cOpen, 'r', a1(n, col)) + xml.slice(cOpen.length);
      cells.push({ col, xml, s: Number(a.get('s') ?? 0), formula: xml.includes('<f') && /<f[\s>/]/.test(xml) });
      previous = col;
      i = cEnd - 1;
    }
  }
  return { r: n, open: open.endsWith('/>') ? `${open.slice(0, -2).replace(/\s+$/, '')}>` : open, cells, dirty: false };
}

function rowXml(row: Row): string {
  let open = withAttr(row.open, 'r', String(row.r));
  // spans is a hint of the row's first and last column: kept true (widened to the cells written).
  const spans = attrOf(open, 'spans')?.match(/\d+/g)?.map(Number);
  if (spans?.length && row.cells.length) {
    open = withAttr(open, 'spans', `${Math.min(spans[0], row.cells[0].col)}:${Math.max(spans[spans.length - 1], row.cells[row.cells.length - 1].col)}`);
  }
  if (!row.cells.length) return `${open.slice(0, -1)}/>`;
  return `${open}${row.cells.map((c) => c.xml).join('')}</row>`;
}

function withRowNumber(text: string, r: number): string {
  const end = tagEnd(text, 0);
  return withAttr(text.slice(0, end), 'r', String(r)) + text.slice(end);
}

/** A cell as text: a number, text inline (no shared strings to renumber), an error, or no value. */
function cellXml(row: number, col: number, s: number, value: CellValueXml): string {
  const ref = `${columnLetters(col)}${row}`;
  const style = s ? ` s="${s}"` : '';
  if (value === null) return `<c r="${ref}"${style}/>`;
  if ('number' in value) return `<c r="${ref}"${style}><v>${String(value.number)}</v></c>`;
  if ('error' in value) return `<c r="${ref}"${style} t="e"><v>${escapeText(value.error)}</v></c>`;
  const space = /^\s|\s$|\n/.test(value.text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${style} t="inlineStr"><is><t${space}>${escapeText(value.text)}</t></is></c>`;
}

/** Where an element of CT_Worksheet goes: before the first child that comes after it in the schema's order. */
function insertionPoint(xml: string, name: string): number {
  const root = rootOf(xml)!;
  const after = new Set(WORKSHEET_ORDER.slice(WORKSHEET_ORDER.indexOf(name) + 1));
  for (const c of children(xml, root)) {
    // mc:AlternateContent wraps oleObjects and controls, late in the sheet.
    if (after.has(c.name) || (c.name.endsWith(':AlternateContent') && after.has('oleObjects'))) return c.start;
  }
  return root.closeStart;
}

/** `<cols>` with these widths set (null: the column's own width removed), other columns and attributes as they were. */
function withWidths(xml: string, widths: Map<number, number | null>): string {
  const f = findElement(xml, 'cols');
  const cols: { min: number; max: number; attrs: Attrs }[] = f
    ? findElements(xml, 'col', f.openEnd, f.closeStart).map((c) => {
        const attrs = attrsOf(c.open);
        return { min: Number(attrs.get('min')), max: Number(attrs.get('max')), attrs };
      })
    : [];
  for (const [col, width] of widths) {
    const i = cols.findIndex((c) => col >= c.min && col <= c.max);
    if (i < 0) {
      if (width === null) continue;
      cols.push({ min: col, max: col, attrs: new Map([['min', String(col)], ['max', String(col)], ['width', String(width)], ['customWidth', '1']]) });
      continue;
    }
    const c = cols[i];
    const pieces = [];
    if (c.min < col) pieces.push({ min: c.min, max: col - 1, attrs: new Map(c.attrs) });
    const mine = { min: col, max: col, attrs: new Map(c.attrs) };
    if (width === null) {
      mine.attrs.delete('width');
      mine.attrs.delete('customWidth');
    } else {
      mine.attrs.set('width', String(width));
      mine.attrs.set('customWidth', '1');
    }
    pieces.push(mine);
    if (col < c.max) pieces.push({ min: col + 1, max: c.max, attrs: new Map(c.attrs) });
    cols.splice(i, 1, ...pieces);
  }
  cols.sort((a, b) => a.min - b.min);
  // Neighbours alike again (a width put back) are one element again, as Excel writes them.
  const merged: typeof cols = [];
  const same = (a: Attrs, b: Attrs) => [...a].every(([k, v]) => k === 'min' || k === 'max' || b.get(k) === v) && a.size === b.size;
  for (const c of cols) {
    const last = merged[merged.length - 1];
    if (last && last.max + 1 === c.min && same(last.attrs, c.attrs)) last.max = c.max;
    else merged.push({ ...c, attrs: new Map(c.attrs) });
  }
  // A column left with nothing but its number says nothing: it goes.
  const kept = merged.filter((c) => [...c.attrs.keys()].some((k) => k !== 'min' && k !== 'max'));
  const body = kept
    .map((c) => {
      c.attrs.set('min', String(c.min));
      c.attrs.set('max', String(c.max));
      return tag('col', c.attrs, true);
    })
    .join('');
  if (f) return splice(xml, f.start, f.end, body ? `${f.empty ? `${f.open.slice(0, -2)}>` : f.open}${body}</cols>` : '');
  if (!body) return xml;
  const at = insertionPoint(xml, 'cols');
  return splice(xml, at, at, `<cols>${body}</cols>`);
}

/** `<dimension>` widened to the cells written. */
function withDimension(xml: string, written: RangePos): string {
  const f = findElement(xml, 'dimension');
  const ref = f ? attrOf(f.open, 'ref') : undefined;
  const old = ref ? parseRange(ref) : undefined;
  const b = old ? { top: Math.min(old.top, written.top), left: Math.min(old.left, written.left), bottom: Math.max(old.bottom, written.bottom), right: Math.max(old.right, written.right) } : written;
  const text = `${a1(b.top, b.left)}${b.top === b.bottom && b.left === b.right ? '' : `:${a1(b.bottom, b.right)}`}`;
  if (f) return splice(xml, f.start, f.end, withAttr(f.open, 'ref', text));
  const at = insertionPoint(xml, 'dimension');
  return splice(xml, at, at, `<dimension ref="${text}"/>`);
}
