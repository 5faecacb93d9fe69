import type { ConferenceInput, Gender, IsoDate, PartialDate, SourceRef } from '../../rules';
import { workbookDiagnostic } from '../codes';
import { conferenceKindOf, conferenceNumbers, dateAround, sectionTitle, titleAbove, unitAbove } from './around-table';
import { cellRef, identity, type Reader } from './people';
import { rowCells } from './rows';
import type { SheetView } from './sheet-view';
import type { FoundTable, TableCell } from './table';
import { cellText, tidyText } from './text';
import { readCount } from './values';

/** The lines of a vote count: a person, a title, the agree and/or removal votes, each with its cell. */

/** A person's row in a vote sheet. */
export interface VoteLine {
  row: number;
  name: string;
  code?: string;
  birth?: PartialDate;
  gender?: Gender;
  title: string;
  agree?: number;
  removeAgree?: number;
  nameCell: SourceRef;
  agreeCell?: SourceRef;
  removeCell?: SourceRef;
}

export interface ParsedVotes {
  table: FoundTable;
  hasAgree: boolean;
  hasRemoval: boolean;
  /** Conference numbers written above or below the table. */
  conference: Partial<ConferenceInput>;
  /** Which conference the sheet's name and titles speak of. */
  conferenceKind?: 'staff' | 'leadership';
  /** The unit named top left above the table ("ỦY BAN NHÂN DÂN HUYỆN THANH SƠN\nPHÒNG NỘI VỤ"), one line per row. */
  unit?: string;
  /** The date of the count, from a line "…, ngày 05 tháng 01 năm 2026" (or "…, 05/01/2026") around the table. */
  date?: IsoDate;
  lines: VoteLine[];
}

/** A vote count from its cell; a word where the number belongs is E-NOT-A-NUMBER at that cell. */
function readCountCell(r: Reader, cell: TableCell | undefined, row: number, name: string, field: 'agree' | 'removeAgree'): number | undefined {
  if (!cell) return undefined;
  const n = readCount(cell.value);
  if (n.ok) return n.value;
  if (!n.empty) {
    const value = cellText(cell.value) || (cell.value && typeof cell.value === 'object' ? cell.value.error : '');
    r.diagnostics.push(workbookDiagnostic('E-NOT-A-NUMBER', { value, name, field }, cellRef(r, cell, row)));
  }
  return undefined;
}

export function readVotes(r: Reader, view: SheetView, table: FoundTable): ParsedVotes {
  const hasAgree = 'agree' in table.columns;
  const hasRemoval = 'removeAgree' in table.columns;
  const defaultTitle = titleAbove(view, table) ?? '';
  const lines: VoteLine[] = [];
  const cellsOf = rowCells(table);
  for (const line of table.rows) {
    const c = cellsOf(line);
    const who = identity(r, line, c);
    const agree = readCountCell(r, c.agree, line.row, who.name, 'agree');
    const removeAgree = readCountCell(r, c.removeAgree, line.row, who.name, 'removeAgree');
    if (!who.name) {
      if (agree !== undefined || removeAgree !== undefined) r.diagnostics.push(workbookDiagnostic('E-NAME-MISSING', {}, cellRef(r, c.name, line.row)));
      continue;
    }
    if (agree === undefined && removeAgree === undefined) {
      const blank = [c.agree, c.removeAgree].find((cell) => cell && (cell.value === null || (typeof cell.value === 'string' && cell.value.trim() === '')));
      if (blank) r.diagnostics.push(workbookDiagnostic('W-COUNT-BLANK', { name: who.name }, cellRef(r, blank, line.row)));
    }
    const title = c.title ? tidyText(c.title.value, c.title.font) : line.section ? sectionTitle(line.section) : defaultTitle;
    const vote: VoteLine = { row: line.row, name: who.name, title, nameCell: cellRef(r, c.name, line.row) };
    if (who.code) vote.code = who.code;
    if (who.birth) vote.birth = who.birth;
    if (who.gender) vote.gender = who.gender;
    if (agree !== undefined) {
      vote.agree = agree;
      vote.agreeCell = cellRef(r, c.agree, line.row);
    }
    if (removeAgree !== undefined) {
      vote.removeAgree = removeAgree;
      vote.removeCell = cellRef(r, c.removeAgree, line.row);
    }
    lines.push(vote);
  }
  const kind = conferenceKindOf(view, table);
  const unit = unitAbove(view, table);
  const date = dateAround(view, table);
  return { table, hasAgree, hasRemoval, conference: conferenceNumbers(view, table), ...(kind ? { conferenceKind: kind } : {}), ...(unit ? { unit } : {}), ...(date ? { date } : {}), lines };
}
