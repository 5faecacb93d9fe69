/**
 * Excel host: which Office.js requirement sets the running Excel has, checked once at start, so
 * the task pane can tell the user what a run will leave out (messages in src/i18n, section `excel`)
 * and the host does the rest.
 *
 * - ExcelApi 1.9: page layout (orientation, A4, margins, print area and titles, scale, header and
 *   footer, page breaks) and reading cell fonts (getCellProperties: .VnTime / VNI text);
 * - ExcelApi 1.13: reading merged areas (getMergedAreasOrNullObject);
 * - ExcelApi 1.18: notes (the explanation on a result cell); below it, threaded comments (ExcelApi 1.10);
 * - ExcelApi 1.7: sheet visibility (the undo record kept very hidden).
 */

import type { Messages } from '../../i18n/messages';

export type IsSetSupported = (name: string, version: string) => boolean;

export type Capability = 'pageLayout' | 'fonts' | 'merges' | 'notes' | 'hiddenSheets';

export const REQUIREMENTS: Record<Capability, { set: string; version: string }> = {
  pageLayout: { set: 'ExcelApi', version: '1.9' },
  fonts: { set: 'ExcelApi', version: '1.9' },
  merges: { set: 'ExcelApi', version: '1.13' },
  notes: { set: 'ExcelApi', version: '1.18' },
  hiddenSheets: { set: 'ExcelApi', version: '1.7' },
};

/** Office.context.requirements.isSetSupported where Office is loaded; everything otherwise (tests, Node). */
export function officeIsSetSupported(name: string, version: string): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported?: IsSetSupported } } } }).Office;
  const check = office?.context?.requirements?.isSetSupported;
  return check ? check.call(office?.context?.requirements, name, version) : true;
}

export function supports(isSetSupported: IsSetSupported = officeIsSetSupported): IsSetSupported {
  const seen = new Map<string, boolean>();
  return (name, version) => {
    const key = `${name} ${version}`;
    let ok = seen.get(key);
    if (ok === undefined) seen.set(key, (ok = isSetSupported(name, version)));
    return ok;
  };
}

/** Notes as threaded comments where notes are missing (ExcelApi 1.10); none below. */
export function noteKind(has: IsSetSupported): 'notes' | 'comments' | 'none' {
  if (has('ExcelApi', '1.18')) return 'notes';
  return has('ExcelApi', '1.10') ? 'comments' : 'none';
}

/** What this Excel cannot do, in a fixed order; empty when it has everything. */
export function missingCapabilities(isSetSupported: IsSetSupported = officeIsSetSupported): Capability[] {
  const has = supports(isSetSupported);
  return (Object.keys(REQUIREMENTS) as Capability[]).filter((c) => {
    if (c === 'notes') return noteKind(has) === 'none';
    const r = REQUIREMENTS[c];
    return !has(r.set, r.version);
  });
}

/** What to tell the user, in their language: a heading and one line per missing capability; none when nothing is missing. */
export function missingText(m: Pick<Messages, 'excel'>, missing: readonly Capability[]): string[] {
  return missing.length ? [m.excel.missing, ...missing.map((c) => m.excel.capabilities[c])] : [];
}
