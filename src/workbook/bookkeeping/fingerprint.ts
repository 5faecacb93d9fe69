import type { RangePos } from '../address';
import type { ParsedWorkbook } from '../reader/parse';
import { sha256 } from './sha256';
import type { CellValue, WorkbookSnapshot } from '../snapshot';

/**
 * The fingerprint of a run's inputs: SHA-256 over the values of the sheets read (the add-in's own
 * areas left out) and the settings (procedure, step, profile, the numbers and decisions given).
 * Printed at the foot of the minutes and kept in the audit log, so a printout can be matched to
 * its data. Trailing empty cells and rows do not count: hosts disagree about where a sheet ends.
 */

const CELL = '\u001f';
const ROW = '\u001e';
const SHEET = '\u001d';

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
function sheetsRead(parsed: ParsedWorkbook): string[] {
  const names = [parsed.roster?.table.sheet, parsed.votes?.table.sheet, parsed.candidates?.table.sheet];
  return [...new Set(names.filter((n): n is string => n !== undefined))];
}

export function fingerprint(snapshot: WorkbookSnapshot, parsed: ParsedWorkbook, settings: unknown): string {
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
