import type { ConferenceInput, Gender, IsoDate, PartialDate, SourceRef } from '../../rules';
import { workbookDiagnostic } from '../codes';
import { cellRef, identity, type Reader } from './people';
import { rowCells } from './rows';
import type { FoundTable, TableCell } from './table';
import { sectionTitle } from './titles';
import { cellText, tidyText } from './text';
import { percentAgrees, readVoteCount, type VoteCount } from './values';

/**
 * The lines of a vote count: a person, a title, the agree and/or removal votes, each with its cell.
 * The title comes from a "Chức danh" column, the section heading above the row, the title's column
 * group (one row per person, a group of count columns per title), or "Chức danh: …" above the table.
 */

/** A person's count for one title in a vote sheet. */
export interface VoteLine {
  row: number;
  name: string;
  /** A post written after the name ("(Phó phòng)", "- CVC"): not part of the name, kept for display. */
  suffix?: string;
  code?: string;
  birth?: PartialDate;
  gender?: Gender;
  title: string;
  agree?: number;
  removeAgree?: number;
  /** The base written with a count ("7/20": 20), checked against those present. */
  agreeOf?: number;
  removeOf?: number;
  nameCell: SourceRef;
  agreeCell?: SourceRef;
  removeCell?: SourceRef;
}

export interface ParsedVotes {
  /** The first table read (the sheet's, for the run's bookkeeping). */
  table: FoundTable;
  /** Every table read from the sheet (a removal table and a nomination table in one minutes sheet). */
  tables: FoundTable[];
  hasAgree: boolean;
  hasRemoval: boolean;
  /** Conference numbers written above or below the tables. */
  conference: Partial<ConferenceInput>;
  /** Which conference the sheet's name and titles speak of. */
  conferenceKind?: 'staff' | 'leadership';
  /** The unit named top left above the table ("ỦY BAN NHÂN DÂN HUYỆN THANH SƠN\nPHÒNG NỘI VỤ"), one line per row. */
  unit?: string;
  /** The date of the count, from a line "…, ngày 05 tháng 01 năm 2026" (or "…, 05/01/2026") around the table. */
  date?: IsoDate;
  lines: VoteLine[];
}

const isBlank = (cell: TableCell | undefined): boolean => !cell || cell.value === null || (typeof cell.value === 'string' && cell.value.trim() === '');

/**
 * A vote count from its cell; a word where the number belongs is E-NOT-A-NUMBER at that cell, a
 * percent written beside a fraction that does not agree with it E-VOTE-PERCENT-MISMATCH.
 */
function readCountCell(r: Reader, cell: TableCell | undefined, row: number, name: string, field: 'agree' | 'removeAgree'): VoteCount | undefined {
  if (!cell) return undefined;
  const n = readVoteCount(cell.value);
  if (n.ok) {
    if (n.value.of !== undefined && !percentAgrees(n.value, n.value.of)) {
      r.diagnostics.push(workbookDiagnostic('E-VOTE-PERCENT-MISMATCH', { value: cellText(cell.value), name }, cellRef(r, cell, row)));
    }
    return n.value;
  }
  if (!n.empty) {
    const value = cellText(cell.value) || (cell.value && typeof cell.value === 'object' ? cell.value.error : '');
    r.diagnostics.push(workbookDiagnostic('E-NOT-A-NUMBER', { value, name, field }, cellRef(r, cell, row)));
  }
  return undefined;
}

/** The lines of one vote table; `defaultTitle`: the title written above it, for rows without one of their own. */
export function readVoteLines(r: Reader, table: FoundTable, defaultTitle: string): VoteLine[] {
  const lines: VoteLine[] = [];
  const cellsOf = rowCells(table);
  // Count cells per title: the table's own columns (title from the row), then each title group's.
  const sources: { title?: string; agree: string; removeAgree: string }[] = [{ agree: 'agree', removeAgree: 'removeAgree' }];
  table.groups.forEach((g, i) => sources.push({ title: g.title, agree: `agree#${i}`, removeAgree: `removeAgree#${i}` }));
  for (const line of table.rows) {
    const c = cellsOf(line);
    const who = identity(r, line, c);
    const counts = sources.map((s) => ({
      s,
      agree: readCountCell(r, c[s.agree], line.row, who.name, 'agree'),
      removeAgree: readCountCell(r, c[s.removeAgree], line.row, who.name, 'removeAgree'),
    }));
    const any = counts.some((x) => x.agree !== undefined || x.removeAgree !== undefined);
    if (!who.name) {
      if (any) r.diagnostics.push(workbookDiagnostic('E-NAME-MISSING', {}, cellRef(r, c.name, line.row)));
      continue;
    }
    if (!any) {
      const blank = sources.flatMap((s) => [c[s.agree], c[s.removeAgree]]).find((cell) => cell && isBlank(cell));
      if (blank) r.diagnostics.push(workbookDiagnostic('W-COUNT-BLANK', { name: who.name }, cellRef(r, blank, line.row)));
    }
    const rowTitle = c.title ? tidyText(c.title.value, c.title.font) : line.section ? sectionTitle(line.section) : defaultTitle;
    for (const { s, agree, removeAgree } of counts) {
      // A title group the person is not counted in (both cells blank) is no line.
      if (s.title !== undefined && agree === undefined && removeAgree === undefined) continue;
      if (s.title === undefined && table.groups.length && agree === undefined && removeAgree === undefined) continue;
      const vote: VoteLine = { row: line.row, name: who.name, title: s.title ?? rowTitle, nameCell: cellRef(r, c.name, line.row) };
      if (who.suffix) vote.suffix = who.suffix;
      if (who.code) vote.code = who.code;
      if (who.birth) vote.birth = who.birth;
      if (who.gender) vote.gender = who.gender;
      if (agree !== undefined) {
        vote.agree = agree.value;
        vote.agreeCell = cellRef(r, c[s.agree], line.row);
        if (agree.of !== undefined) vote.agreeOf = agree.of;
      }
      if (removeAgree !== undefined) {
        vote.removeAgree = removeAgree.value;
        vote.removeCell = cellRef(r, c[s.removeAgree], line.row);
        if (removeAgree.of !== undefined) vote.removeOf = removeAgree.of;
      }
      lines.push(vote);
    }
  }
  return lines;
}

/** Whether a table reads nomination (agree) or removal counts, in its own columns or in a title's group. */
export function countsOf(table: FoundTable): { agree: boolean; removal: boolean } {
  return {
    agree: 'agree' in table.columns || table.groups.some((g) => 'agree' in g.columns),
    removal: 'removeAgree' in table.columns || table.groups.some((g) => 'removeAgree' in g.columns),
  };
}
