/**
 * workbook.xml as the xlsx writer edits it (src/hosts/xlsx/apply.ts): the list of sheets (added,
 * removed, hidden), the defined names, the active tab. Everything else in the part — calculation
 * settings, external references, pivot caches, extension lists — is kept as the file wrote it; so
 * is every name the run does not own, and every sheet entry it does not change.
 */
import { UnpatchablePart } from './package';
import { CONTENT_TYPE, REL, RELS_NAMESPACE, isRel, type XlsxPackage } from './package';
import { attrsOf, boundPrefix, children, escapeText, findElement, findElements, inner, rootOf, splice, tag, unescapeXml, withAttr, type Attrs } from './xml';

export interface SheetEntry {
  name: string;
  /** The zip entry of the sheet's part. */
  part: string;
  /** The `<sheet>` element as the file wrote it, until the run changes it. */
  raw?: string;
  attrs: Attrs;
}

interface NameEntry {
  name: string;
  /** The sheet a local name (print area, print titles) belongs to: a worksheet, or another entry of `<sheets>` as written. */
  local?: SheetEntry | string;
  /** A local name whose localSheetId is no sheet's (kept as written). */
  localId?: string;
  text: string;
  raw?: string;
  attrs: Attrs;
}

/** workbook.xml's children after `definedNames` (where a new `definedNames` goes before). */
const AFTER_NAMES = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];

/** A comma-separated list of sheet references ("'A'!$A$1:$B$2,'A'!$C$3"), split; undefined when it is a formula. */
function references(text: string): string[] | undefined {
  const parts: string[] = [];
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "'") quoted = !quoted;
    else if (text[i] === ',' && !quoted) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts.every((p) => /^(?:'(?:[^']|'')+'|[^'!(),]+)!\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?$|^(?:'(?:[^']|'')+'|[^'!(),]+)!\$?\d+:\$?\d+$|^(?:'(?:[^']|'')+'|[^'!(),]+)!\$?[A-Z]{1,3}:\$?[A-Z]{1,3}$/.test(p.trim())) ? parts : undefined;
}

export class WorkbookXml {
  readonly sheets: SheetEntry[];
  private readonly names: NameEntry[];
  private readonly before: { active?: SheetEntry | string; first?: SheetEntry | string; names: string[] };
  private changed = false;

  private constructor(
    private readonly pkg: XlsxPackage,
    readonly part: string,
    private xml: string,
    /** Entries of `<sheets>` that are not worksheets the writer knows (chart sheets…): kept in place. */
    private readonly order: (SheetEntry | string)[],
  ) {
    this.sheets = order.filter((s): s is SheetEntry => typeof s !== 'string');
    const dn = findElement(xml, 'definedNames');
    const all = order;
    this.names = (dn ? findElements(xml, 'definedName', dn.openEnd, dn.closeStart) : []).map((f) => {
      const attrs = attrsOf(f.open);
      const local = attrs.get('localSheetId');
      const entry: NameEntry = { name: attrs.get('name') ?? '', text: unescapeXml(inner(xml, f)), raw: xml.slice(f.start, f.end), attrs };
      if (local !== undefined) {
        const target = all[Number(local)];
        if (target !== undefined) entry.local = target;
        else entry.localId = local;
      }
      return entry;
    });
    const view = findElement(xml, 'workbookView');
    const va = view ? attrsOf(view.open) : new Map<string, string>();
    const at = (k: string) => all[Number(va.get(k) ?? 0)];
    this.before = { active: at('activeTab'), first: at('firstSheet'), names: this.sheets.map((s) => s.name) };
  }

  static async open(pkg: XlsxPackage): Promise<WorkbookXml> {
    const office = (await pkg.rels('')).find((r) => isRel(r.type, REL.officeDocument) && r.part);
    if (!office?.part) throw new UnpatchablePart('_rels/.rels', 'no workbook part');
    const xml = await pkg.text(office.part);
    if (xml === undefined) throw new UnpatchablePart(office.part, 'the workbook part is missing');
    const rels = await pkg.rels(office.part);
    const sheetsEl = findElement(xml, 'sheets');
    const order = (sheetsEl ? children(xml, sheetsEl) : []).map((f): SheetEntry | string => {
      const raw = xml.slice(f.start, f.end);
      if (f.name !== 'sheet') return raw;
      const attrs = attrsOf(f.open);
      const rid = [...attrs].find(([k]) => k.endsWith(':id'))?.[1];
      const rel = rels.find((r) => r.id === rid);
      if (!rel?.part || !isRel(rel.type, REL.worksheet)) return raw;
      return { name: attrs.get('name') ?? '', part: rel.part, raw, attrs };
    });
    return new WorkbookXml(pkg, office.part, xml, order);
  }

  /** A worksheet by name (Excel's names are case-insensitive). */
  find(name: string): SheetEntry | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name === name) ?? this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  /** Removes a sheet, its local names and, with `names`, the references into it of every other name. */
  async dropSheet(sheet: SheetEntry, names: boolean): Promise<void> {
    this.changed = true;
    this.order.splice(this.order.indexOf(sheet), 1);
    this.sheets.splice(this.sheets.indexOf(sheet), 1);
    const rid = [...sheet.attrs].find(([k]) => k.endsWith(':id'))?.[1];
    if (rid) await this.pkg.removeRel(this.part, rid);
    // The sheet's part, its notes, printer settings… go with the package's unreferenced parts.
    for (let i = this.names.length - 1; i >= 0; i--) {
      const n = this.names[i];
      if (n.local === sheet) {
        this.names.splice(i, 1);
        continue;
      }
      if (!names) continue;
      const refs = references(n.text);
      if (!refs) continue;
      const into = (r: string) => {
        const bang = r.lastIndexOf('!');
        const s = r.slice(0, bang).trim();
        return (s.startsWith("'") ? s.slice(1, -1).replace(/''/g, "'") : s).toLowerCase() === sheet.name.toLowerCase();
      };
      const kept = refs.filter((r) => !into(r));
      if (kept.length === refs.length) continue;
      if (!kept.length) this.names.splice(i, 1);
      else {
        n.text = kept.join(',');
        delete n.raw;
      }
    }
  }

  /** Adds a worksheet at the end: its part, relationship, content type and entry ('veryHidden' state when hidden). */
  async addSheet(name: string, xml: string, state?: 'veryHidden'): Promise<SheetEntry> {
    this.changed = true;
    const part = this.pkg.freeName('xl/worksheets/sheet', 'xml');
    this.pkg.set(part, xml);
    await this.pkg.setOverride(part, CONTENT_TYPE.worksheet);
    const rid = await this.pkg.addRel(this.part, REL.worksheet, part);
    const ids = findElements(this.xml, 'sheet').map((f) => Number(attrsOf(f.open).get('sheetId') ?? 0));
    for (const s of this.sheets) ids.push(Number(s.attrs.get('sheetId') ?? 0));
    const attrs: Attrs = new Map([['name', name], ['sheetId', String(Math.max(0, ...ids) + 1)]]);
    if (state) attrs.set('state', state);
    attrs.set(`${this.relPrefix()}:id`, rid);
    const entry: SheetEntry = { name, part, attrs };
    this.order.push(entry);
    this.sheets.push(entry);
    return entry;
  }

  /** The owned names reset: every workbook-level name with the prefix (or one of the new names) out, the new ones in. */
  setNames(prefix: string, names: { name: string; text: string }[]): void {
    const wanted = new Set(names.map((n) => n.name));
    const before = this.names.length;
    for (let i = this.names.length - 1; i >= 0; i--) {
      const n = this.names[i];
      if (n.local === undefined && n.localId === undefined && (n.name.startsWith(prefix) || wanted.has(n.name))) this.names.splice(i, 1);
    }
    if (before !== this.names.length || names.length) this.changed = true;
    for (const n of names) this.names.push({ name: n.name, text: n.text, attrs: new Map([['name', n.name]]) });
  }

  /** A name local to a sheet (_xlnm.Print_Area, _xlnm.Print_Titles), replacing one of that name. */
  setLocalName(sheet: SheetEntry, name: string, text: string): void {
    this.changed = true;
    const i = this.names.findIndex((n) => n.local === sheet && n.name === name);
    const entry: NameEntry = { name, local: sheet, text, attrs: new Map([['name', name]]) };
    if (i >= 0) this.names[i] = entry;
    else this.names.push(entry);
  }

  /** workbook.xml written back (when the run changed it), and docProps/app.xml's list of sheets. */
  async save(): Promise<void> {
    if (!this.changed) return;
    let xml = this.xml;
    const index = new Map(this.order.map((s, i) => [s, i]));
    // Names.
    const namesXml = this.names
      .map((n) => {
        const at = n.local !== undefined ? String(index.get(n.local)) : n.localId;
        if (n.raw && (n.local !== undefined ? n.attrs.get('localSheetId') === at : true)) return n.raw;
        const attrs = new Map(n.attrs);
        if (at !== undefined) attrs.set('localSheetId', at);
        return `${tag('definedName', attrs)}${escapeText(n.text)}</definedName>`;
      })
      .join('');
    const dn = findElement(xml, 'definedNames');
    if (dn) xml = splice(xml, dn.start, dn.end, namesXml ? `${dn.empty ? `${dn.open.slice(0, -2)}>` : dn.open}${namesXml}</definedNames>` : '');
    else if (namesXml) {
      const root = rootOf(xml)!;
      const next = children(xml, root).find((c) => AFTER_NAMES.includes(c.name));
      const at = next ? next.start : root.closeStart;
      xml = splice(xml, at, at, `<definedNames>${namesXml}</definedNames>`);
    }
    // Sheets.
    const sheetsXml = this.order.map((s) => (typeof s === 'string' ? s : (s.raw ?? tag('sheet', s.attrs, true)))).join('');
    const se = findElement(xml, 'sheets')!;
    xml = splice(xml, se.start, se.end, `<sheets>${sheetsXml}</sheets>`);
    // The tab shown and the first tab of the bar: the same sheets where they remain, else a visible one.
    const view = findElement(xml, 'workbookView');
    if (view) {
      const visible = (s: SheetEntry | string | undefined) => s !== undefined && !/hidden/i.test(typeof s === 'string' ? (/\sstate="([^"]*)"/.exec(s)?.[1] ?? '') : (s.attrs.get('state') ?? ''));
      const place = (s: SheetEntry | string | undefined, k: string): string => {
        let i = s && index.has(s) ? index.get(s)! : Math.min(Number(attrsOf(view.open).get(k) ?? 0), this.order.length - 1);
        if (!visible(this.order[i])) i = Math.max(0, this.order.findIndex(visible));
        return String(i);
      };
      let open = view.open;
      const a = attrsOf(open);
      if (a.has('activeTab') || !visible(this.order[0])) open = withAttr(open, 'activeTab', place(this.before.active, 'activeTab'));
      if (a.has('firstSheet')) open = withAttr(open, 'firstSheet', place(this.before.first, 'firstSheet'));
      xml = splice(xml, view.start, view.openEnd, open);
    }
    this.pkg.set(this.part, xml);
    this.xml = xml;
    await this.saveAppTitles();
  }

  private relPrefix(): string {
    const { xml, prefix } = boundPrefix(this.xml, RELS_NAMESPACE, 'r');
    this.xml = xml;
    return prefix;
  }

  /**
   * docProps/app.xml lists the worksheets' names first ("Worksheets", in the language of the Excel
   * that saved it): that list follows the sheets, when the part lists them as the workbook had them.
   */
  private async saveAppTitles(): Promise<void> {
    const rel = (await this.pkg.rels('')).find((r) => r.type.endsWith('/extended-properties') && r.part);
    const xml = rel?.part ? await this.pkg.text(rel.part) : undefined;
    if (!rel?.part || !xml) return;
    const now = this.sheets.map((s) => s.name);
    if (now.join('\u0000') === this.before.names.join('\u0000')) return;
    const titles = findElement(xml, 'vt:vector', findElement(xml, 'TitlesOfParts')?.start ?? xml.length);
    const pairs = findElement(xml, 'vt:vector', findElement(xml, 'HeadingPairs')?.start ?? xml.length);
    if (!titles || !pairs) return;
    const names = findElements(xml, 'vt:lpstr', titles.openEnd, titles.closeStart);
    const counts = findElements(xml, 'vt:i4', pairs.openEnd, pairs.closeStart);
    const was = this.before.names.length;
    const listed = names.slice(0, was).map((n) => unescapeXml(inner(xml, n)));
    if (!counts.length || Number(inner(xml, counts[0])) !== was || listed.join('\u0000') !== this.before.names.join('\u0000')) return;
    const rest = names.slice(was).map((n) => xml.slice(n.start, n.end)).join('');
    const vector = `${withAttr(titles.open, 'size', String(now.length + names.length - was))}${now.map((n) => `<vt:lpstr>${escapeText(n)}</vt:lpstr>`).join('')}${rest}</vt:vector>`;
    let out = splice(xml, titles.start, titles.end, vector);
    const c = findElements(out, 'vt:i4', findElement(out, 'HeadingPairs')!.start)[0];
    out = splice(out, c.openEnd, c.closeStart, String(now.length));
    this.pkg.set(rel.part, out);
  }
}
