/**
 * An .xlsx (or .xlsm) package as the xlsx writer patches it (src/hosts/xlsx/apply.ts): the zip entries,
 * their relationships and content types. Only the parts a run changes are written anew; every other
 * entry is copied as the file had it — its compressed bytes included (JSZip reuses them when the
 * entry keeps its compression method), so an untouched part is byte-identical, data and name.
 *
 * Parts a run stops referring to (the sheet it drops, with its notes and printer settings) are
 * removed with their relationships and content types; a part the file held but nothing referred to
 * already is left alone.
 */
import JSZip from 'jszip';
import { attrOf, attrsOf, escapeAttr, findElements, rootOf, splice } from './xml';

/**
 * A part the writer cannot patch while keeping the rest as it is (a root element other than the one
 * Excel writes, a prefixed root, a required part missing): the run writes nothing and says so.
 */
export class UnpatchablePart extends Error {
  constructor(
    readonly part: string,
    detail: string,
  ) {
    super(`xlsx: ${part}: ${detail}`);
    this.name = 'UnpatchablePart';
  }
}

/** Relationship types, transitional namespace (a strict file's are matched by their last segment). */
const RELS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL = {
  officeDocument: `${RELS}/officeDocument`,
  worksheet: `${RELS}/worksheet`,
  styles: `${RELS}/styles`,
  comments: `${RELS}/comments`,
  vmlDrawing: `${RELS}/vmlDrawing`,
  calcChain: `${RELS}/calcChain`,
} as const;
export const RELS_NAMESPACE = RELS;

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
} as const;

/** Does a relationship's type name this kind (the last segment of the type URI)? */
export function isRel(type: string, kind: string): boolean {
  return type === kind || type.endsWith(`/${kind.slice(kind.lastIndexOf('/') + 1)}`);
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
  /** The part it points to, as a zip entry name (internal targets only). */
  part?: string;
}

const CONTENT_TYPES = '[Content_Types].xml';

/** The .rels entry of a part ('' is the package itself). */
function relsPath(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship's target as a zip entry name, relative to the part that holds it. */
function resolveTarget(from: string, target: string): string {
  const path = target.startsWith('/') ? target.slice(1) : `${from.slice(0, from.lastIndexOf('/') + 1)}${target}`;
  const out: string[] = [];
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop();
    else if (seg !== '.' && seg !== '') out.push(seg);
  }
  return out.join('/');
}

/** The target of `to` written relative to the folder of `from` ('xl/worksheets/sheet1.xml' → '../comments1.xml'). */
function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

type Input = Uint8Array | ArrayBuffer | Buffer;

export class XlsxPackage {
  private readonly texts = new Map<string, string>();
  private readonly changed = new Set<string>();
  private readonly relsCache = new Map<string, Relationship[]>();
  /** Every part reachable through relationships when loaded. */
  private reachableAtLoad = new Set<string>();

  private constructor(private readonly zip: JSZip) {}

  static async load(data: Input): Promise<XlsxPackage> {
    const pkg = new XlsxPackage(await JSZip.loadAsync(data));
    pkg.reachableAtLoad = await pkg.reachable();
    return pkg;
  }

  has(path: string): boolean {
    const f = this.zip.file(path);
    return f !== null && !f.dir;
  }

  /** The entries of the package as it is now (those this run added included). */
  paths(): string[] {
    const kept = Object.keys(this.zip.files).filter((p) => !this.zip.files[p].dir);
    return [...kept, ...[...this.changed].filter((p) => !this.zip.files[p])];
  }

  /** A part's text (as last set in this package), undefined when absent. */
  async text(path: string): Promise<string | undefined> {
    const cached = this.texts.get(path);
    if (cached !== undefined) return cached;
    const f = this.zip.file(path);
    if (!f || f.dir) return undefined;
    const text = await f.async('string');
    this.texts.set(path, text);
    return text;
  }

  set(path: string, text: string): void {
    this.texts.set(path, text);
    this.changed.add(path);
    this.relsCache.delete(path);
  }

  remove(path: string): void {
    this.texts.delete(path);
    this.changed.delete(path);
    this.relsCache.delete(path);
    this.zip.remove(path);
  }

  /** A new entry name like `xl/worksheets/sheet7.xml`: the first number after those the package has used. */
  freeName(prefix: string, ext: string): string {
    const re = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d+)\\.${ext}$`, 'i');
    let n = 0;
    for (const p of [...this.paths(), ...this.reachableAtLoad]) {
      const m = re.exec(p);
      if (m) n = Math.max(n, Number(m[1]));
    }
    return `${prefix}${n + 1}.${ext}`;
  }

  // ───────────────────────── relationships ─────────────────────────

  /** The relationships of a part ('' for the package's own). */
  async rels(part: string): Promise<Relationship[]> {
    const path = relsPath(part);
    const cached = this.relsCache.get(path);
    if (cached) return cached;
    const xml = (await this.text(path)) ?? '';
    const rels = findElements(xml, 'Relationship').map((f) => {
      const a = attrsOf(f.open);
      const target = a.get('Target') ?? '';
      const external = a.get('TargetMode') === 'External';
      const rel: Relationship = { id: a.get('Id') ?? '', type: a.get('Type') ?? '', target, external };
      if (!external) rel.part = this.entryOf(resolveTarget(part, target));
      return rel;
    });
    this.relsCache.set(path, rels);
    return rels;
  }

  /** A zip entry name as the package spells it (targets may be percent-encoded, entries compared case-insensitively). */
  private entryOf(path: string): string {
    if (this.zip.files[path]) return path;
    let decoded = path;
    try {
      decoded = decodeURIComponent(path);
    } catch {
      // keep as written
    }
    if (this.zip.files[decoded]) return decoded;
    const lower = decoded.toLowerCase();
    return Object.keys(this.zip.files).find((p) => p.toLowerCase() === lower) ?? decoded;
  }

  /** Adds a relationship from `part` to `to` (a zip entry name); its new Id. */
  async addRel(part: string, type: string, to: string): Promise<string> {
    const path = relsPath(part);
    const rels = await this.rels(part);
    const used = new Set(rels.map((r) => r.id));
    let n = rels.length + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const entry = `<Relationship Id="${id}" Type="${escapeAttr(type)}" Target="${escapeAttr(relativeTarget(part, to))}"/>`;
    const xml = await this.text(path);
    if (xml === undefined) {
      this.set(path, `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${entry}</Relationships>`);
    } else {
      const at = xml.lastIndexOf('</Relationships>');
      this.set(path, at >= 0 ? splice(xml, at, at, entry) : xml.replace(/<Relationships\b([^>]*?)\/>/, `<Relationships$1>${entry}</Relationships>`));
    }
    return id;
  }

  async removeRel(part: string, id: string): Promise<void> {
    const path = relsPath(part);
    const xml = await this.text(path);
    if (xml === undefined) return;
    const f = findElements(xml, 'Relationship').find((r) => attrOf(r.open, 'Id') === id);
    if (f) this.set(path, splice(xml, f.start, f.end, ''));
  }

  // ───────────────────────── content types ─────────────────────────

  async setOverride(part: string, contentType: string): Promise<void> {
    const xml = (await this.text(CONTENT_TYPES)) ?? '';
    const name = `/${part}`;
    const old = findElements(xml, 'Override').find((o) => attrOf(o.open, 'PartName')?.toLowerCase() === name.toLowerCase());
    const entry = `<Override PartName="${escapeAttr(name)}" ContentType="${escapeAttr(contentType)}"/>`;
    if (old) this.set(CONTENT_TYPES, splice(xml, old.start, old.end, entry));
    else this.set(CONTENT_TYPES, insertBeforeEnd(xml, 'Types', entry));
  }

  /** A Default for an extension, unless the package has one. */
  async ensureDefault(ext: string, contentType: string): Promise<void> {
    const xml = (await this.text(CONTENT_TYPES)) ?? '';
    if (findElements(xml, 'Default').some((d) => attrOf(d.open, 'Extension')?.toLowerCase() === ext)) return;
    this.set(CONTENT_TYPES, insertBeforeEnd(xml, 'Types', `<Default Extension="${ext}" ContentType="${escapeAttr(contentType)}"/>`));
  }

  private async removeOverrides(parts: Set<string>): Promise<void> {
    const xml = await this.text(CONTENT_TYPES);
    if (xml === undefined) return;
    const names = new Set([...parts].map((p) => `/${p}`.toLowerCase()));
    const gone = findElements(xml, 'Override').filter((o) => names.has((attrOf(o.open, 'PartName') ?? '').toLowerCase()));
    if (!gone.length) return;
    let out = xml;
    for (const o of gone.reverse()) out = splice(out, o.start, o.end, '');
    this.set(CONTENT_TYPES, out);
  }

  // ───────────────────────── writing ─────────────────────────

  /** Parts reachable from the package's relationships. */
  private async reachable(): Promise<Set<string>> {
    const seen = new Set<string>();
    const queue = [''];
    while (queue.length) {
      const part = queue.pop()!;
      for (const r of await this.rels(part)) {
        if (!r.part || seen.has(r.part)) continue;
        seen.add(r.part);
        if (this.has(relsPath(r.part))) queue.push(r.part);
      }
    }
    return seen;
  }

  /** The package's bytes: changed parts written anew, the others copied as they were. */
  async write(): Promise<Uint8Array> {
    // Parts nothing refers to any more (and that something referred to when loaded) go, with their rels and content types.
    const now = await this.reachable();
    const gone = new Set([...this.reachableAtLoad].filter((p) => !now.has(p) && this.has(p)));
    for (const p of gone) {
      this.remove(p);
      if (this.has(relsPath(p))) this.remove(relsPath(p));
    }
    await this.removeOverrides(gone);
    this.reachableAtLoad = now;

    // A relationships part the run left empty (a sheet's notes taken away) goes too.
    for (const path of [...this.changed]) if (path.endsWith('.rels') && !/<Relationship[\s/>]/.test(this.texts.get(path) ?? '')) this.remove(path);
    for (const path of this.changed) this.zip.file(path, this.texts.get(path) ?? '', { createFolders: false });
    this.changed.clear();
    // An entry keeps its compression method, so JSZip copies its compressed bytes as they are.
    for (const f of Object.values(this.zip.files)) {
      const method = (f as unknown as { _data?: { compression?: { magic?: string } } })._data?.compression?.magic;
      if (method === '\x00\x00') f.options.compression = 'STORE';
    }
    return this.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  }
}

/** Inserts `text` before the end tag of the root element `root` (expanding a self-closed root). */
function insertBeforeEnd(xml: string, root: string, text: string): string {
  const r = rootOf(xml);
  if (!r || r.name !== root) throw new UnpatchablePart(root, `${root} is not the root element`);
  if (r.empty) return splice(xml, r.start, r.end, `${r.open.slice(0, -2)}>${text}</${root}>`);
  return splice(xml, r.closeStart, r.closeStart, text);
}
