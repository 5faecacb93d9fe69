import { formatDate, messages, profileUsed, type Lang } from '../../i18n';
import type { HeadDecision, RuleProfile } from '../../rules';
import type { Overrides } from '../reader/inputs';
import { OWNED_SHEET_PREFIX, type CreatedSheet, type PlanCell } from '../plan';
import { printedSheet } from '../render/printed-sheet';
import type { CellValue, WorkbookSnapshot } from '../snapshot';
import { HEADER_STYLE } from '../render/styles';

/**
 * render (audit log): one row per run or undo — when, what, the rule profile and its settings, the
 * sheets read, the fingerprint of the inputs, the counts by outcome. The sheet is made again on
 * every run with the rows it already had and one more: its earlier rows are kept as they were.
 */

export const AUDIT_NAME = `${OWNED_SHEET_PREFIX}NhatKy`;
const WIDTHS = [6, 16, 14, 32, 36, 18, 24, 30];
const HEADER_ROW = 3;

export interface AuditEntry {
  /** Local date and time, 'YYYY-MM-DDTHH:MM'. */
  at: string;
  action: 'run' | 'undo';
  /** The procedure and step in words. */
  step: string;
  settings: string;
  sheets: string[];
  fingerprint: string;
  counts: string;
}

/** '2026-11-25T14:05' → '25/11/2026 14:05' (English: '25 Nov 2026 14:05'). */
function when(at: string, lang: Lang): string {
  const [date, time = ''] = at.split('T');
  return `${formatDate(date, lang)} ${time.slice(0, 5)}`.trim();
}

/** The settings of a run in words: the profile and what differs from it, the numbers typed in, the head's decisions. */
export function settingsText(profile: RuleProfile, overrides: Overrides, decisions: readonly HeadDecision[], lang: Lang, names: (id: string) => string): string {
  const a = messages(lang).audit;
  const day = (iso: string) => formatDate(iso, lang);
  // The profile by name (the column says what it is), then where it differs from Phụ lục 12, a rule a line.
  const used = profileUsed(profile, lang);
  const lines = used.changes.length ? [`${used.name} — ${messages(lang).profileUsed.differs}:`, ...used.changes] : [used.name];
  if (overrides.convened !== undefined) lines.push(a.convened(overrides.convened));
  if (overrides.present !== undefined) lines.push(a.present(overrides.present));
  if (overrides.quota !== undefined) lines.push(a.quota(typeof overrides.quota === 'number' ? String(overrides.quota) : Object.entries(overrides.quota).map(([t, q]) => `${t} ${q}`).join(', ')));
  if (overrides.termStart) lines.push(a.termStart(day(overrides.termStart)));
  for (const d of decisions) lines.push(a.decision(d.title, d.by, day(d.on), d.chosen.map(names).join(', ')));
  return lines.join('\n');
}

/** The rows of the audit log an earlier run left (below its header), as they are. */
function earlierRows(snapshot: WorkbookSnapshot): CellValue[][] {
  const name = snapshot.names.find((n) => n.name === AUDIT_NAME);
  const sheet = name && snapshot.sheets.find((s) => s.name === name.sheet);
  return (sheet?.values.slice(HEADER_ROW) ?? []).filter((row) => row?.some((v) => v !== null && v !== ''));
}

export function renderAudit(snapshot: WorkbookSnapshot, entry: AuditEntry, lang: Lang): CreatedSheet {
  const a = messages(lang).audit;
  const sheetName = a.sheet;
  const width = WIDTHS.length;
  const text = (value: CellValue, align: PlanCell['align'] = 'left'): PlanCell => ({
    value: value === null || typeof value === 'object' ? null : typeof value === 'boolean' ? String(value) : value,
    border: true,
    wrap: true,
    align,
  });
  const rows: PlanCell[][] = [
    [{ value: a.heading, bold: true, size: 14, align: 'center' }],
    [{ value: a.note, italic: true, wrap: true, align: 'left' }],
    a.columns.map((label) => ({ value: label, ...HEADER_STYLE })),
  ];
  const earlier = earlierRows(snapshot);
  for (const row of earlier) rows.push(Array.from({ length: width }, (_, i) => text(row[i] ?? null, i < 3 ? 'center' : 'left')));
  rows.push(
    [
      earlier.length + 1,
      when(entry.at, lang),
      entry.action === 'run' ? a.run : a.undo,
      entry.step,
      entry.settings,
      entry.sheets.join('\n'),
      entry.fingerprint,
      entry.counts,
    ].map((v, i) => text(v, i < 3 ? 'center' : 'left')),
  );
  return printedSheet({
    name: sheetName,
    definedName: AUDIT_NAME,
    lang,
    rows,
    widths: WIDTHS,
    orientation: 'landscape',
    merges: [`A1:${String.fromCharCode(64 + width)}1`, `A2:${String.fromCharCode(64 + width)}2`],
    headerRow: HEADER_ROW,
    size: 12,
  });
}
