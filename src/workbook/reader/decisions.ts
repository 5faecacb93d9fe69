import { messages } from '../../i18n';
import { nameKey, STEPS, type Diagnostic, type HeadDecision, type ProcedureId, type VoteRow } from '../../rules';
import { a1 } from '../address';
import { workbookDiagnostic } from '../codes';
import type { ParsedWorkbook } from './parse';
import type { OwnedArea } from './sheets';
import { birthText, DECIDED_BY_COL, DECIDED_ON_COL, SHORTLIST_HEADER_ROW, shortlistName } from '../render/shortlist';
import type { WorkbookSnapshot } from '../snapshot';
import { cellText, fold, nameText } from './text';
import { readFullDate, readYesNo } from './values';

/**
 * The head's decisions in a tie (RULES.md TIE), read back from the shortlist sheet an earlier run
 * made: the people marked in the "Quyết định của người đứng đầu" column, and the head's name and
 * the date on the line under the title's list. The sheet may have been made in either language.
 * A mark without the head's name and a date is an error: a decision is recorded with both.
 */

const LANGS = ['vi', 'en'] as const;
const folded = (pick: (m: ReturnType<typeof messages>) => string): string[] => LANGS.map((l) => fold(pick(messages(l))));

/** The column of a shortlist sheet where the head marks those chosen (1-based; 0: none). */
function decisionColumn(values: WorkbookSnapshot['sheets'][number]['values']): number {
  const header = values[SHORTLIST_HEADER_ROW - 1] ?? [];
  const labels = folded((m) => m.sheets.decisionColumn);
  return header.findIndex((v) => labels.includes(fold(cellText(v)))) + 1;
}

/**
 * A results sheet an earlier run made where the head has marked those chosen: the step to run again
 * (step 3's re-run, RULES.md TIE). The first such sheet, in the order of the procedures' steps.
 */
export function markedShortlist(snapshot: WorkbookSnapshot, owned: readonly OwnedArea[]): { procedure: ProcedureId; step: number; sheet: string; cell: string } | undefined {
  for (const def of STEPS) {
    const marker = owned.find((o) => o.name === shortlistName(def.procedure, def.step));
    const sheet = marker && snapshot.sheets.find((s) => s.name === marker.sheet);
    if (!sheet) continue;
    const col = decisionColumn(sheet.values);
    if (col === 0) continue;
    for (let row = SHORTLIST_HEADER_ROW + 1; row <= sheet.values.length; row++) {
      const mark = readYesNo(sheet.values[row - 1]?.[col - 1] ?? null);
      if (mark.ok && mark.value) return { procedure: def.procedure, step: def.step, sheet: sheet.name, cell: a1(row, col) };
    }
  }
  return undefined;
}

export function readDecisions(
  snapshot: WorkbookSnapshot,
  parsed: ParsedWorkbook,
  procedure: ProcedureId,
  step: number,
  votes: readonly VoteRow[],
): { decisions: HeadDecision[]; diagnostics: Diagnostic[] } {
  const none = { decisions: [], diagnostics: [] };
  const marker = parsed.owned.find((o) => o.name === shortlistName(procedure, step));
  const sheet = marker && snapshot.sheets.find((s) => s.name === marker.sheet);
  if (!sheet) return none;
  const text = (row: number, col: number): string => cellText(sheet.values[row - 1]?.[col - 1] ?? null).trim();
  const markCol = decisionColumn(sheet.values);
  if (markCol === 0) return none;

  // Title rows: the title's words (longest first, so "Trưởng phòng" does not take "Trưởng phòng Tổ chức").
  const titles = [...new Set(votes.map((v) => v.title))].sort((a, b) => b.length - a.length);
  // Compared as written (folding would drop the parenthesis that sets the quota apart).
  const plain = (s: string): string => s.normalize('NFC').replace(/\s+/g, ' ').trim().toLowerCase();
  const titleRows = titles.flatMap((t) => LANGS.map((l) => ({ title: t, prefix: plain(messages(l).sheets.title(t)) })));
  const titleOf = (line: string): string | undefined => {
    const f = plain(line);
    return titleRows.find((t) => f === t.prefix || f.startsWith(`${t.prefix} (`))?.title;
  };
  const byLabels = folded((m) => m.sheets.decidedBy);

  type Open = { title: string; chosen: VoteRow[]; marks: string[] };
  const decisions: HeadDecision[] = [];
  const diagnostics: Diagnostic[] = [];
  let current: Open | undefined;
  for (let row = SHORTLIST_HEADER_ROW + 1; row <= sheet.values.length; row++) {
    const first = text(row, 1);
    const title = titleOf(first);
    if (title !== undefined) {
      current = { title, chosen: [], marks: [] };
      continue;
    }
    if (!current) continue;
    if (byLabels.includes(fold(first))) {
      if (current.marks.length) {
        const by = text(row, DECIDED_BY_COL);
        const on = readFullDate(sheet.values[row - 1]?.[DECIDED_ON_COL - 1] ?? null);
        const at = { sheet: sheet.name, cell: a1(row, by === '' ? DECIDED_BY_COL : DECIDED_ON_COL) };
        if (by === '' || !on.ok) diagnostics.push(workbookDiagnostic('E-DECISION-UNSIGNED', { title: current.title }, at));
        else decisions.push({ title: current.title, chosen: current.chosen.map((v) => v.id), by, on: on.value, source: { sheet: sheet.name, cell: current.marks[0] } });
      }
      current = undefined;
      continue;
    }
    const mark = sheet.values[row - 1]?.[markCol - 1] ?? null;
    const read = readYesNo(mark);
    if (!read.ok && read.empty) continue;
    const cell = a1(row, markCol);
    if (!read.ok) {
      diagnostics.push(workbookDiagnostic('W-BAD-MARK', { name: text(row, 2), value: cellText(mark) }, { sheet: sheet.name, cell }));
      continue;
    }
    if (read.ok && !read.value) continue;
    // The person: by name within the title, and the birth date printed beside it where two share a name.
    const key = nameKey(nameText(text(row, 2), undefined));
    const born = text(row, 3);
    const same = votes.filter((v) => v.title === current?.title && nameKey(v.name) === key);
    const person = same.length > 1 ? same.filter((v) => birthText(v.birth) === born) : same;
    if (person.length !== 1) {
      const where = { sheet: sheet.name, cell: a1(row, 2) };
      if (person.length) diagnostics.push(workbookDiagnostic('E-AMBIGUOUS-MATCH', { name: text(row, 2), cells: person.map((v) => v.source?.cell ?? '') }, where));
      else diagnostics.push(workbookDiagnostic('E-NO-MATCH', { name: text(row, 2), birth: born }, where));
      continue;
    }
    current.chosen.push(person[0]);
    current.marks.push(cell);
  }
  return { decisions, diagnostics };
}
