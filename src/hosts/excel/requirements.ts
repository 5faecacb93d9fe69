/**
 * Excel host: what the running Excel can do, checked before use, so the task pane can say what a
 * run leaves out (messages in src/i18n, section `excel`) — or, below the minimum, what the add-in
 * needs — and the host does the rest. Two things must hold for a capability: Excel says it has the
 * requirement set (Office.context.requirements.isSetSupported), and the office.js in use has the
 * member (Microsoft's CDN serves the newest library, but a self-hosted copy may predate the Excel
 * it talks to: @microsoft/office-js 1.1.110 has no `Worksheet.notes`, which ExcelApi 1.18 brings).
 *
 * - ExcelApi 1.7 (MINIMUM_EXCEL_API, declared in manifest.xml): everything a run needs — the sheets
 *   one after another (getFirst/getNextOrNullObject 1.5), used ranges (1.4), ranges by index (1.7),
 *   defined names with their formulas (1.7), names added (1.4), protection (1.2);
 * - ExcelApi 1.9: page layout (orientation, A4, margins, print area and titles, scale, header and
 *   footer, page breaks), reading cell fonts (getCellProperties: .VnTime / VNI text), result columns
 *   taking the formats of the table beside them (copyFrom);
 * - ExcelApi 1.13: reading merged areas (getMergedAreasOrNullObject);
 * - ExcelApi 1.18: notes (the explanation on a result cell); below it, threaded comments (ExcelApi 1.10).
 */

import type { Messages } from '../../i18n/messages';

export type IsSetSupported = (name: string, version: string) => boolean;

/** The ExcelApi requirement set the add-in needs at the least (manifest.xml declares it). */
export const MINIMUM_EXCEL_API = '1.7';

export type Capability = 'pageLayout' | 'fonts' | 'hidden' | 'widths' | 'merges' | 'notes';

/** Each capability: its requirement set, and the member of the library's objects it uses. */
export const REQUIREMENTS: Record<Capability, { set: string; version: string; member: [type: 'Worksheet' | 'Range', name: string] }> = {
  pageLayout: { set: 'ExcelApi', version: '1.9', member: ['Worksheet', 'pageLayout'] },
  fonts: { set: 'ExcelApi', version: '1.9', member: ['Range', 'getCellProperties'] },
  hidden: { set: 'ExcelApi', version: '1.9', member: ['Range', 'getSpecialCellsOrNullObject'] },
  widths: { set: 'ExcelApi', version: '1.9', member: ['Range', 'getColumnProperties'] },
  merges: { set: 'ExcelApi', version: '1.13', member: ['Range', 'getMergedAreasOrNullObject'] },
  notes: { set: 'ExcelApi', version: '1.18', member: ['Worksheet', 'notes'] },
};

/** Office.context.requirements.isSetSupported where Office is loaded; everything otherwise (Node). */
export function officeIsSetSupported(name: string, version: string): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: IsSetSupported } } } }).Office;
  const check = office?.context?.requirements?.isSetSupported;
  return check ? check.call(office?.context?.requirements, name, version) : true;
}

/** Whether the office.js in use has a member on its Excel objects (a library older than the Excel lacks the newest). */
export function libraryHas(type: 'Worksheet' | 'Range', member: string): boolean {
  const excel = (globalThis as { Excel?: Record<string, { prototype?: object } | undefined> }).Excel;
  const proto = excel?.[type]?.prototype;
  return proto !== undefined && member in proto;
}

/** What this Excel, through this library, can do: requirement set and member both there. */
export interface Abilities {
  has: IsSetSupported;
  can(capability: Capability): boolean;
  /** The explanation on a result cell: as a note, as a threaded comment (ExcelApi 1.10), or not at all. */
  noteKind: 'notes' | 'comments' | 'none';
  /** The minimum is there (ExcelApi MINIMUM_EXCEL_API). */
  enough: boolean;
}

export function abilities(isSetSupported: IsSetSupported = officeIsSetSupported, library: typeof libraryHas = libraryHas): Abilities {
  const seen = new Map<string, boolean>();
  const has: IsSetSupported = (name, version) => {
    const key = `${name} ${version}`;
    let ok = seen.get(key);
    if (ok === undefined) seen.set(key, (ok = isSetSupported(name, version)));
    return ok;
  };
  const can = (c: Capability) => {
    const r = REQUIREMENTS[c];
    return has(r.set, r.version) && library(...r.member);
  };
  const noteKind = can('notes') ? 'notes' : has('ExcelApi', '1.10') && library('Worksheet', 'comments') ? 'comments' : 'none';
  return { has, can, noteKind, enough: has('ExcelApi', MINIMUM_EXCEL_API) };
}

/** What this Excel cannot do, in a fixed order; empty when it has everything. */
export function missingCapabilities(isSetSupported?: IsSetSupported, library?: typeof libraryHas): Capability[] {
  const a = abilities(isSetSupported, library);
  return (Object.keys(REQUIREMENTS) as Capability[]).filter((c) => (c === 'notes' ? a.noteKind === 'none' : !a.can(c)));
}

/** What to tell the user, in their language: a heading and one line per missing capability; none when nothing is missing. */
export function missingText(m: Pick<Messages, 'excel'>, missing: readonly Capability[]): string[] {
  return missing.length ? [m.excel.missing, ...missing.map((c) => m.excel.capabilities[c])] : [];
}
