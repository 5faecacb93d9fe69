import type { RangePos } from '../address';
import type { ParsedWorkbook } from '../reader/parse';
import type { ColumnMap } from '../reader/column-map';
import { quotaFor, type IsoDate, type ProcedureId, type RuleProfile, type StepInput } from '../../rules';
import { sha256 } from './sha256';
import type { CellValue, WorkbookSnapshot } from '../snapshot';

/**
 * The data check code ("mã kiểm tra dữ liệu") of a count: SHA-256 over exactly what the count was
 * made from, so that two runs on the same data give the same code whoever ran them and however the
 * numbers were given. Printed at the foot of the minutes and of the head's decision record, kept in
 * the run log. It covers:
 *
 * 1. every sheet read (the roster, the vote count, the external list), by name: the value of each
 *    cell — text as typed, numbers (dates are serial numbers) as numbers, TRUE/FALSE, error codes —
 *    except in the add-in's own areas (the result columns beside a table); formats, notes and
 *    trailing empty cells and rows do not count (hosts disagree about where a sheet ends);
 * 2. the settings that change the count: the procedure and step, the rule profile (every setting,
 *    its name included), the conference numbers the count used (convened, present — typed in or read,
 *    the same number gives the same code), the quotas that depart from the profile's, the term's
 *    start, the columns chosen for a sheet read ("Chọn cột…").
 *
 * Not covered: the head's decision in a tie (a record of its own, with the head's name and the date,
 * beside the count it decides on: the count and its code stay what they were), the time of the run,
 * the language, the add-in's own sheets, and sheets not read.
 */

const CELL = '\u001f';
const ROW = '\u001e';
const SHEET = '\u001d';

/** The settings a count depends on (point 2 above), as they went into it. */
export interface CountSettings {
  procedure: ProcedureId;
  step: number;
  profile: RuleProfile;
  conference?: { convened: number; present: number };
  /** Quotas that depart from the profile's, by title. */
  quota?: Record<string, number>;
  termStart?: IsoDate;
  /** The column mapping of each sheet read. */
  columns?: Record<string, ColumnMap>;
}

/** The settings of a step's input as the count used them: the same count, the same settings, however given. */
export function countSettings(
  procedure: ProcedureId,
  step: number,
  profile: RuleProfile,
  input: StepInput,
  sheets: readonly string[],
  columns: Record<string, ColumnMap> = {},
): CountSettings {
  const out: CountSettings = { procedure, step, profile };
  if (input.conference) out.conference = { convened: input.conference.convened, present: input.conference.present };
  const quota = Object.entries(input.quota ?? {}).filter(([title, n]) => n !== quotaFor(profile, title));
  if (quota.length) out.quota = Object.fromEntries(quota);
  if (input.termStart) out.termStart = input.termStart;
  const mapped = Object.entries(columns).filter(([sheet]) => sheets.includes(sheet));
  if (mapped.length) out.columns = Object.fromEntries(mapped);
  return out;
}

function cellKey(v: CellValue): string {
  if (v === null || v === '') return '';
  if (typeof v === 'string') return `s${v}`;
  if (typeof v === 'number') return `n${v}`;
  if (typeof v === 'boolean') return v ? 'b1' : 'b0';
  return `e${v.error}`;
}

/** JSON with keys in order, so equal settings give equal text. */
export function canonicalJson(value: unknown): string {
  if (value === undefined) return 'null';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The sheets a run read its inputs from, in the order roster, votes, candidates. */
export function sheetsRead(parsed: ParsedWorkbook): string[] {
  const names = [parsed.roster?.table.sheet, parsed.votes?.table.sheet, parsed.candidates?.table.sheet];
  return [...new Set(names.filter((n): n is string => n !== undefined))];
}

export function fingerprint(snapshot: WorkbookSnapshot, parsed: ParsedWorkbook, settings: CountSettings): string {
  const parts: string[] = [canonicalJson(settings)];
  for (const name of sheetsRead(parsed)) {
    const sheet = snapshot.sheets.find((s) => s.name === name);
    if (!sheet) continue;
    const owned: RangePos[] = parsed.owned.filter((o) => o.sheet === name).map((o) => o.range);
    let text = '';
    let blankRows = '';
    sheet.values.forEach((values, r) => {
      const row = r + 1;
      const hidden = owned.filter((o) => row >= o.top && row <= o.bottom);
      let line = '';
      let blanks = '';
      values?.forEach((v, c) => {
        const key = hidden.length && hidden.some((o) => c + 1 >= o.left && c + 1 <= o.right) ? '' : cellKey(v);
        if (key === '') blanks += CELL;
        else {
          line += blanks + key + CELL;
          blanks = '';
        }
      });
      if (line === '') blankRows += ROW;
      else {
        text += blankRows + line + ROW;
        blankRows = '';
      }
    });
    parts.push(name + ROW + text);
  }
  return sha256(parts.join(SHEET));
}
