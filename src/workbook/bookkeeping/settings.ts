import { messages, type Lang, type SavedSetting } from '../../i18n';
import { DEFAULT_PROFILE, isIsoDate, loadProfile, type Diagnostic, type IsoDate, type ProcedureId, type RuleProfile } from '../../rules';
import type { ColumnMap } from '../reader/column-map';
import { workbookDiagnostic } from '../codes';
import { canonicalJson } from './fingerprint';
import { jsonCells, jsonSheet, PIECE } from './hidden-json';
import { parseFor } from '../reader/procedure';
import { OWNED_SHEET_PREFIX, type CreatedSheet } from '../plan';
import type { WorkbookSnapshot } from '../snapshot';

/**
 * The settings chosen for a run, kept in the workbook itself so that reopening the file, the
 * command-line tool and the task pane use the same choices. A hidden sheet (not document settings
 * or custom XML parts, which misbehave on Excel for Mac and the web) that ExcelJS reads as plain
 * values: a line for the curious in A1, then the JSON in column A in pieces, each starting with
 * '~' (as the undo record, src/workbook/bookkeeping/undo-record.ts). The sheet is very hidden and protected.
 *
 * Conference numbers are kept per procedure and step ('next-term:2'): a staff conference and a
 * leadership conference have different numbers. A custom rule profile is kept whole (as JSON),
 * checked by loadProfile when read.
 */

export const SETTINGS_SHEET = 'QuyHoach_CaiDat';
export const SETTINGS_NAME = `${OWNED_SHEET_PREFIX}CaiDat`;
const VERSION = 1;

const PROCEDURES: readonly ProcedureId[] = ['next-term', 'annual-local', 'annual-external'];

/** Numbers typed in for one conference (they replace what the vote-count sheet says). */
export interface ConferenceNumbers {
  convened?: number;
  present?: number;
}

export interface RunSettings {
  procedure?: ProcedureId;
  step?: number;
  rosterSheet?: string;
  votesSheet?: string;
  candidatesSheet?: string;
  /** Numbers typed in, by conference: key `${procedure}:${step}` (conferenceKey). */
  conferences?: Record<string, ConferenceNumbers>;
  /** One quota for every title, or per title. */
  quota?: number | Record<string, number>;
  termStart?: IsoDate;
  /** A rule profile other than the default. */
  profile?: RuleProfile;
  /** The columns the user chose where header detection was unsure, by sheet (src/workbook/reader/column-map.ts). */
  columns?: Record<string, ColumnMap>;
}

export const conferenceKey = (procedure: ProcedureId, step: number): string => `${procedure}:${step}`;

/** Where the settings are, for a diagnostic: the sheet, and the cell holding the given offset of the JSON. */
function at(pieces: readonly number[], offset: number): { sheet: string; cell: string } {
  let row = 2;
  let start = 0;
  for (const length of pieces) {
    if (offset < start + length) break;
    start += length;
    row++;
  }
  return { sheet: SETTINGS_SHEET, cell: `A${Math.min(row, pieces.length + 1)}` };
}

const whole = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const text = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** What is wrong with one field of the settings, or undefined when it is fine. */
function check(key: string, v: unknown): string | undefined {
  switch (key) {
    case 'v':
      return v === VERSION ? undefined : `${VERSION}`;
    case 'procedure':
      return PROCEDURES.includes(v as ProcedureId) ? undefined : PROCEDURES.join(' | ');
    case 'step':
      return whole(v) && v > 0 ? undefined : 'N > 0';
    case 'rosterSheet':
    case 'votesSheet':
    case 'candidatesSheet':
      return text(v) ? undefined : '"…"';
    case 'termStart':
      return isIsoDate(v) ? undefined : 'YYYY-MM-DD';
    case 'quota':
      return whole(v) || (isRecord(v) && Object.values(v).every(whole)) ? undefined : 'N | { "…": N }';
    case 'conferences':
      return isRecord(v) && Object.entries(v).every(([k, c]) => /^[a-z-]+:\d+$/.test(k) && isRecord(c) && Object.entries(c).every(([f, n]) => (f === 'convened' || f === 'present') && whole(n)))
        ? undefined
        : '{ "next-term:2": { "convened": N, "present": N } }';
    case 'columns':
      return isRecord(v) && Object.entries(v).every(([sheet, m]) => text(sheet) && isColumnMap(m)) ? undefined : '{ "Trang": { "role": "votes", "headerRow": N, "columns": { "name": "B", … } } }';
    case 'profile':
      return undefined;
    default:
      return '—';
  }
}

/** A sheet's column mapping as saved: its role, header row and columns by letter, nothing else. */
function isColumnMap(m: unknown): boolean {
  if (!isRecord(m) || !Object.keys(m).every((k) => k === 'role' || k === 'headerRow' || k === 'columns')) return false;
  const { role, headerRow, columns } = m;
  return (
    (role === 'roster' || role === 'votes' || role === 'candidates') &&
    whole(headerRow) &&
    headerRow > 0 &&
    isRecord(columns) &&
    Object.entries(columns).every(([k, l]) => text(k) && typeof l === 'string' && /^[A-Z]{1,3}$/.test(l))
  );
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * The settings an earlier run saved, if any. Damaged settings (edited by hand, cut short) give
 * E-SETTINGS-DAMAGED naming the sheet and cell, and no settings.
 */
export function readSettings(snapshot: WorkbookSnapshot): { settings?: RunSettings; diagnostics: Diagnostic[] } {
  const cells = jsonCells(snapshot, SETTINGS_NAME);
  if (!cells) return { diagnostics: [] };
  const damaged = (where: { sheet: string; cell: string }, problem: string) => ({
    diagnostics: [workbookDiagnostic('E-SETTINGS-DAMAGED', { sheet: SETTINGS_SHEET, problem }, where)],
  });
  if (!cells.length) return damaged({ sheet: SETTINGS_SHEET, cell: 'A2' }, '');
  const bad = cells.findIndex((c) => !c.startsWith(PIECE));
  if (bad >= 0) return damaged({ sheet: SETTINGS_SHEET, cell: `A${bad + 2}` }, cells[bad].slice(0, 20));
  const pieces = cells.map((c) => c.slice(PIECE.length));
  const json = pieces.join('');
  const lengths = pieces.map((p) => p.length);
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    const position = /position (\d+)/.exec((e as Error).message);
    return damaged(at(lengths, position ? Number(position[1]) : json.length - 1), 'JSON');
  }
  if (!isRecord(value)) return damaged(at(lengths, 0), 'JSON');
  for (const [key, v] of Object.entries(value)) {
    const expected = check(key, v);
    if (expected !== undefined) return damaged(at(lengths, Math.max(0, json.indexOf(JSON.stringify(key)))), `${key}: ${expected}`);
  }
  if (value.v !== VERSION) return damaged(at(lengths, 0), `v: ${VERSION}`);
  const { profile, ...rest } = value;
  delete rest.v;
  const settings = rest as RunSettings;
  if (profile !== undefined) {
    const loaded = loadProfile(profile);
    if (!loaded.ok) {
      const issue = loaded.issues[0];
      return damaged(at(lengths, Math.max(0, json.indexOf('"profile"'))), `profile${issue.path ? `.${issue.path}` : ''}: ${issue.expected}`);
    }
    settings.profile = loaded.profile;
  }
  return { settings, diagnostics: [] };
}

/**
 * Saved settings under the ones given now: a setting given wins, field by field; conference
 * numbers are merged per conference and per number.
 */
export function mergeSettings(saved: RunSettings | undefined, explicit: RunSettings): RunSettings {
  const out: RunSettings = { ...(saved ?? {}) };
  for (const [k, v] of Object.entries(explicit) as [keyof RunSettings, unknown][]) if (v !== undefined && k !== 'conferences') (out as Record<string, unknown>)[k] = v;
  const conferences: Record<string, ConferenceNumbers> = { ...(saved?.conferences ?? {}) };
  for (const [k, c] of Object.entries(explicit.conferences ?? {})) {
    const merged = { ...(conferences[k] ?? {}) };
    if (c.convened !== undefined) merged.convened = c.convened;
    if (c.present !== undefined) merged.present = c.present;
    conferences[k] = merged;
  }
  for (const k of Object.keys(conferences)) if (conferences[k].convened === undefined && conferences[k].present === undefined) delete conferences[k];
  if (Object.keys(conferences).length) out.conferences = conferences;
  else delete out.conferences;
  return out;
}

/** The settings as a hidden, protected sheet: a line for the curious in A1, then the JSON in pieces. */
export function settingsSheet(settings: RunSettings, lang: Lang): CreatedSheet {
  // Keys in order, so equal settings give an equal sheet (a second run with --save changes nothing).
  return jsonSheet({ name: SETTINGS_SHEET, definedName: SETTINGS_NAME, heading: messages(lang).audit.savedSettings, json: canonicalJson({ ...settings, v: VERSION }) });
}

/** The settings a run request carries (its step as run), as they are saved: the default profile is not kept. */
export function settingsOf(
  request: { procedure: ProcedureId; rosterSheet?: string; votesSheet?: string; candidatesSheet?: string; columns?: Record<string, ColumnMap>; profile?: RuleProfile; overrides?: { convened?: number; present?: number; quota?: number | Record<string, number>; termStart?: IsoDate } },
  step: number,
): RunSettings {
  const o = request.overrides ?? {};
  const numbers: ConferenceNumbers = { ...(o.convened !== undefined ? { convened: o.convened } : {}), ...(o.present !== undefined ? { present: o.present } : {}) };
  const custom = request.profile && canonicalJson(request.profile) !== canonicalJson(DEFAULT_PROFILE);
  return {
    procedure: request.procedure,
    step,
    ...(request.rosterSheet ? { rosterSheet: request.rosterSheet } : {}),
    ...(request.votesSheet ? { votesSheet: request.votesSheet } : {}),
    ...(request.candidatesSheet ? { candidatesSheet: request.candidatesSheet } : {}),
    ...(Object.keys(numbers).length ? { conferences: { [conferenceKey(request.procedure, step)]: numbers } } : {}),
    ...(o.quota !== undefined ? { quota: o.quota } : {}),
    ...(o.termStart ? { termStart: o.termStart } : {}),
    ...(custom ? { profile: request.profile } : {}),
    ...(request.columns ? { columns: request.columns } : {}),
  };
}

export interface EffectiveSettings {
  /** The procedure given or saved; undefined: the run infers it from the workbook. */
  procedure?: ProcedureId;
  /** The settings of the run: those given, else the saved ones (the step inferred where it must be, to find the numbers kept for its conference). */
  settings: RunSettings;
  /** The conference numbers of the run: those typed in, else those saved for its conference. */
  numbers: ConferenceNumbers;
  /** What came from the saved settings, as data (i18n describeSaved puts it in words). */
  used: SavedSetting[];
}

/**
 * The run's settings: those given (on the command line, in the task pane), else those saved in the
 * workbook. A saved step belongs to its procedure; conference numbers are saved per procedure and
 * step, so where neither the request nor the settings name the step, it is inferred from the sheets
 * to find them. `typed`: the conference numbers given now.
 */
export function effectiveSettings(snapshot: WorkbookSnapshot, saved: RunSettings | undefined, explicit: RunSettings, typed: ConferenceNumbers = {}): EffectiveSettings {
  const procedure = explicit.procedure ?? saved?.procedure;
  const base: RunSettings | undefined = saved && (saved.procedure === undefined || saved.procedure === procedure ? saved : { ...saved, step: undefined });
  const settings = mergeSettings(base, explicit);
  let step = settings.step;
  // Numbers kept for a conference: the step (and the procedure, where not given) the sheets point at, to find them.
  let keyedFor = procedure;
  const keyed = Object.keys(settings.conferences ?? {}).some((k) => procedure === undefined || k.startsWith(`${procedure}:`));
  if ((step === undefined || procedure === undefined) && keyed) {
    const found = parseFor(snapshot, { procedure, step, rosterSheet: settings.rosterSheet, votesSheet: settings.votesSheet, candidatesSheet: settings.candidatesSheet, columns: settings.columns });
    step ??= found.step;
    keyedFor = found.procedure;
  }
  const kept = step === undefined || keyedFor === undefined ? {} : (settings.conferences?.[conferenceKey(keyedFor, step)] ?? {});
  const numbers: ConferenceNumbers = { convened: typed.convened ?? kept.convened, present: typed.present ?? kept.present };
  const used: SavedSetting[] = [];
  if (base) {
    if (explicit.procedure === undefined && base.procedure !== undefined) used.push({ kind: 'procedure', procedure: base.procedure });
    if (explicit.step === undefined && base.step !== undefined) used.push({ kind: 'step', step: base.step });
    for (const sheet of ['roster', 'votes', 'candidates'] as const) {
      const name = base[`${sheet}Sheet`];
      if (explicit[`${sheet}Sheet`] === undefined && name !== undefined) used.push({ kind: 'sheet', sheet, name });
    }
    if (typed.convened === undefined && kept.convened !== undefined) used.push({ kind: 'convened', n: kept.convened });
    if (typed.present === undefined && kept.present !== undefined) used.push({ kind: 'present', n: kept.present });
    if (explicit.quota === undefined && base.quota !== undefined) used.push({ kind: 'quota', quota: base.quota });
    if (explicit.termStart === undefined && base.termStart !== undefined) used.push({ kind: 'termStart', date: base.termStart });
    if (explicit.profile === undefined && base.profile !== undefined) used.push({ kind: 'profile', name: base.profile.name });
    if (explicit.columns === undefined && base.columns && Object.keys(base.columns).length) used.push({ kind: 'columns', sheets: Object.keys(base.columns) });
  }
  return { procedure, settings: { ...settings, step }, numbers, used };
}

/**
 * The settings to keep after a run: the run's own over those kept. A run under the default profile
 * drops a custom one kept before ("Về mặc định" in the task pane, or --profile with the default).
 */
export function settingsToSave(saved: RunSettings | undefined, request: Parameters<typeof settingsOf>[0], step: number): RunSettings {
  const merged = mergeSettings(saved, settingsOf(request, step));
  if (request.profile && canonicalJson(request.profile) === canonicalJson(DEFAULT_PROFILE)) delete merged.profile;
  return merged;
}

/** The kept settings with another rule profile (none: the default), as saved from the task pane's profile panel. */
export function withProfile(saved: RunSettings | undefined, profile: RuleProfile | undefined): RunSettings {
  const out: RunSettings = { ...(saved ?? {}) };
  if (profile && canonicalJson(profile) !== canonicalJson(DEFAULT_PROFILE)) out.profile = profile;
  else delete out.profile;
  return out;
}
