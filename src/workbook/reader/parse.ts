import {
  findStep,
  nameKey,
  type ConferenceInput,
  type ConsultFacts,
  type Diagnostic,
  type Gender,
  type IsoDate,
  type PartialDate,
  type ProcedureId,
  type RosterPerson,
  type SourceRef,
} from '../../rules';
import { a1, columnLetters, columnNumber, parseRange, type RangePos } from '../address';
import type { ColumnMap } from './column-map';
import { workbookDiagnostic } from '../codes';
import { SPECS, type TableRole } from './layouts';
import { OWNED_PREFIX, OWNED_SHEET_PREFIX } from '../plan';
import type { WorkbookSnapshot } from '../snapshot';
import { findTableHeader, mappedTableHeader, rowCells, readTableRows, SheetView, type FoundTable, type TableCell, type TableRow, type TableSpec } from './table';
import { cellText, fold, hasPhrase, nameText, tidyText, unicodeText } from './text';
import { readCount, readDate, readFullDate, readGender, readYesNo, type Read } from './values';

/**
 * parse: snapshot → the engine's inputs, with diagnostics naming the sheet and cell.
 * Sheets are found by their content; the user can always say which sheet is which.
 */

export interface ParseOptions {
  rosterSheet?: string;
  votesSheet?: string;
  candidatesSheet?: string;
  /** Which conference the votes are from, to choose among several vote sheets. */
  conferenceKind?: 'staff' | 'leadership';
  /** 'identity' when the roster serves only to match vote rows (default 'full'). */
  rosterDetail?: 'full' | 'identity';
  /** The user's answer where header detection was unsure, by sheet name: used instead of detection on that sheet. */
  columns?: Record<string, ColumnMap>;
}

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

export interface ParsedWorkbook {
  roster?: { table: FoundTable; people: RosterPerson[] };
  votes?: ParsedVotes;
  candidates?: {
    table: FoundTable;
    people: RosterPerson[];
    consultations: ConsultFacts[];
    approval: { date?: IsoDate; minutesRef?: string };
    /** Conference numbers written around the list (II.2(2), the leadership's first meeting). */
    conference: Partial<ConferenceInput>;
  };
  /** Term start written in the workbook ("giai đoạn 2026 - 2031"), if any. */
  termStart?: IsoDate;
  /** Owned areas of an earlier run, per sheet (hidden from parsing). */
  owned: { sheet: string; name: string; range: RangePos }[];
  diagnostics: Diagnostic[];
}

const at = (sheet: string, row: number, col: number): SourceRef => ({ sheet, cell: a1(row, col) });

/** Areas an earlier run wrote, found by their defined names. */
export function ownedAreas(snapshot: WorkbookSnapshot): ParsedWorkbook['owned'] {
  return snapshot.names.flatMap((n) => {
    const range = n.name.startsWith(OWNED_PREFIX) ? parseRange(n.range) : undefined;
    return range ? [{ sheet: n.sheet, name: n.name, range }] : [];
  });
}

/** The sheets to read: the user's, with the add-in's own areas hidden (sheets it created are skipped whole). */
export function views(snapshot: WorkbookSnapshot, owned: ParsedWorkbook['owned']): SheetView[] {
  const created = new Set(owned.filter((o) => o.name.startsWith(OWNED_SHEET_PREFIX)).map((o) => o.sheet));
  return snapshot.sheets.filter((s) => !created.has(s.name)).map((s) => new SheetView(s, owned.filter((o) => o.sheet === s.name).map((o) => o.range)));
}

/** Text of the rows above a table (titles) and a few below (ballot summaries), folded. */
function surroundings(view: SheetView, table: FoundTable): { row: number; col: number; text: string }[] {
  const out: { row: number; col: number; text: string }[] = [];
  const rows = [...Array(table.headerTop - 1).keys()].map((i) => i + 1);
  for (let r = table.end; r <= Math.min(view.rowCount, table.end + 15); r++) rows.push(r);
  for (const row of rows)
    for (let col = 1; col <= view.colCount; col++) {
      const text = cellText(view.value(row, col)).trim();
      if (text) out.push({ row, col, text });
    }
  return out;
}

const CONFERENCE_PATTERNS: { field: 'convened' | 'present' | 'issued' | 'returned' | 'valid' | 'invalid'; re: RegExp }[] = [
  { field: 'convened', re: /trieu tap\D{0,40}?(\d+)/ },
  { field: 'present', re: /co mat\D{0,40}?(\d+)/ },
  { field: 'issued', re: /phat ra\D{0,30}?(\d+)/ },
  { field: 'returned', re: /thu vao\D{0,30}?(\d+)/ },
  { field: 'invalid', re: /khong hop le\D{0,30}?(\d+)/ },
  { field: 'valid', re: /(?<!khong )hop le\D{0,30}?(\d+)/ },
];

/** "Tổng số người được triệu tập: 25", "Số người có mặt: 20", ballots… in a cell or the cell to its right. */
function conferenceNumbers(view: SheetView, table: FoundTable): Partial<ConferenceInput> {
  const found: Partial<Record<(typeof CONFERENCE_PATTERNS)[number]['field'], { value: number; at: SourceRef }>> = {};
  for (const { row, col, text } of surroundings(view, table)) {
    const folded = fold(text);
    for (const { field, re } of CONFERENCE_PATTERNS) {
      if (found[field]) continue;
      const m = re.exec(folded);
      if (m) {
        found[field] = { value: Number(m[1]), at: at(view.name, row, col) };
        continue;
      }
      const phrase = re.source.split('\\D')[0].replace(/^\(\?<!khong \)/, '');
      if (hasPhrase(folded, phrase) && !(field === 'valid' && hasPhrase(folded, 'khong hop le'))) {
        for (let c = col + 1; c <= Math.min(view.colCount, col + 4); c++) {
          const n = readCount(view.value(row, c));
          if (n.ok) {
            found[field] = { value: n.value, at: at(view.name, row, c) };
            break;
          }
          if (cellText(view.value(row, c)).trim()) break;
        }
      }
    }
  }
  const out: Partial<ConferenceInput> = {};
  if (found.convened) out.convened = found.convened.value;
  if (found.present) out.present = found.present.value;
  if (found.convened || found.present) out.source = { convened: found.convened?.at, present: found.present?.at };
  if (found.issued || found.returned || found.valid || found.invalid) {
    out.ballots = { issued: found.issued?.value, returned: found.returned?.value, valid: found.valid?.value, invalid: found.invalid?.value };
  }
  return out;
}

/** "Chức danh: Trưởng phòng" above a table. */
function titleAbove(view: SheetView, table: FoundTable): string | undefined {
  for (let row = 1; row < table.headerTop; row++)
    for (let col = 1; col <= view.colCount; col++) {
      const text = unicodeText(view.value(row, col), view.font(row, col)).trim();
      const m = /^chức danh(?: quy hoạch| giới thiệu)?\s*[:：]\s*(.+)$/iu.exec(text.normalize('NFC'));
      if (m) return m[1].trim();
    }
  return undefined;
}

/** "Giai đoạn 2026 - 2031" / "nhiệm kỳ 2026-2031" in the titles: the term starts on 1 January of its first year. */
function termAbove(snapshot: WorkbookSnapshot): IsoDate | undefined {
  for (const sheet of snapshot.sheets)
    for (const row of sheet.values.slice(0, 10))
      for (const v of row ?? []) {
        const m = /(?:giai doan|nhiem ky)\s+(\d{4})\s+(\d{4})/.exec(fold(cellText(v)));
        if (m) return `${m[1]}-01-01`;
      }
  return undefined;
}

/** A section heading as a title: "I. Chức danh Trưởng phòng" → "Trưởng phòng". */
function sectionTitle(section: string): string {
  return section
    .normalize('NFC')
    .replace(/^\s*(?:[IVXLC]+|\d+|[a-zđ])\s*[.)/-]\s*/iu, '')
    .replace(/^(?:quy hoạch\s+)?chức danh(?: quy hoạch)?\s*[:：]?\s*/iu, '')
    .trim();
}

interface Reader {
  diagnostics: Diagnostic[];
  sheet: string;
}

function cellRef(r: Reader, cell: TableCell, row: number): SourceRef {
  return at(r.sheet, row, cell.col);
}

function warnBad<T>(r: Reader, read: Read<T>, code: 'W-BAD-DATE' | 'W-BAD-GENDER' | 'W-BAD-MARK', cell: TableCell, row: number, name: string): T | undefined {
  if (read.ok) return read.value;
  if (!read.empty) r.diagnostics.push(workbookDiagnostic(code, { value: cellText(cell.value), name }, cellRef(r, cell, row)));
  return undefined;
}

const BIRTH_BY_GENDER = [
  ['birthMale', 'male'],
  ['birthFemale', 'female'],
] as const;
const ATTRIBUTE_FIELDS = ['training', 'politicalTheory', 'discipline'];

/** Name, code, birth and gender of a row: birth may sit in a "Nam" or a "Nữ" column, which also gives the gender. */
function identity(r: Reader, line: TableRow, c: Record<string, TableCell>): { name: string; code?: string; birth?: PartialDate; gender?: Gender } {
  const name = c.name ? nameText(c.name.value, c.name.font) : '';
  const code = c.code ? cellText(c.code.value).trim() || undefined : undefined;
  let birth: PartialDate | undefined;
  let gender: Gender | undefined;
  for (const [key, g] of BIRTH_BY_GENDER) {
    const cell = c[key];
    if (!cell) continue;
    const d = warnBad(r, readDate(cell.value), 'W-BAD-DATE', cell, line.row, name);
    if (d) {
      birth = d;
      gender = g;
    }
  }
  if (!birth && c.birth) birth = warnBad(r, readDate(c.birth.value), 'W-BAD-DATE', c.birth, line.row, name);
  if (c.gender) gender = warnBad(r, readGender(c.gender.value), 'W-BAD-GENDER', c.gender, line.row, name) ?? gender;
  return { name, code, birth, gender };
}

const TITLE_LISTS = new Map<string, string[]>();
/** "Trưởng phòng; Phó Trưởng phòng" → the titles (each list split once). */
function splitTitles(text: string): string[] {
  let list = TITLE_LISTS.get(text);
  if (!list) {
    if (TITLE_LISTS.size > 10_000) TITLE_LISTS.clear();
    list = text
      .split(/[;,\n]+/)
      .map((t) => t.normalize('NFC').replace(/\s+/g, ' ').trim())
      .filter(Boolean);
    TITLE_LISTS.set(text, list);
  }
  return [...list];
}

/**
 * The people of a roster-like table. `identity` reads only what matching, composition and the
 * shortlist need (name, code, birth, gender, post, titles, in planning): not the standards columns.
 */
function readPeople(r: Reader, table: FoundTable, detail: 'full' | 'identity', extra?: (c: Record<string, TableCell>, line: TableRow, person: RosterPerson) => void): RosterPerson[] {
  const people: RosterPerson[] = [];
  const codes = new Map<string, number>();
  const codeAt = table.keys.indexOf('code');
  if (codeAt >= 0) {
    for (const line of table.rows) {
      const code = cellText(line.values[codeAt]).trim();
      codes.set(code, (codes.get(code) ?? 0) + 1);
    }
  }
  const cellsOf = rowCells(table);
  for (const line of table.rows) {
    const c = cellsOf(line);
    const who = identity(r, line, c);
    if (!who.name) {
      if (Object.entries(c).some(([k, cell]) => k !== 'stt' && k !== 'code' && cellText(cell.value).trim())) {
        r.diagnostics.push(workbookDiagnostic('E-NAME-MISSING', {}, cellRef(r, c.name ?? Object.values(c)[0], line.row)));
      }
      continue;
    }
    const titles = c.titles ? splitTitles(unicodeText(c.titles.value, c.titles.font)) : [];
    const planning = c.inPlanning ? warnBad(r, readYesNo(c.inPlanning.value), 'W-BAD-MARK', c.inPlanning, line.row, who.name) : undefined;
    const id = who.code && codes.get(who.code) === 1 ? who.code : `${table.sheet}!${line.row}`;
    const person: RosterPerson = {
      id,
      name: who.name,
      titles,
      inPlanning: planning ?? (c.inPlanning ? false : titles.length > 0),
      source: at(table.sheet, line.row, c.name.col),
    };
    if (who.code) person.code = who.code;
    if (who.birth) person.birth = who.birth;
    if (who.gender) person.gender = who.gender;
    if (c.post) person.post = tidyText(c.post.value, c.post.font) || undefined;
    if (detail === 'full') {
      if (c.unit) person.unit = tidyText(c.unit.value, c.unit.font) || undefined;
      const attributes: Record<string, string | undefined> = {};
      for (const key of ATTRIBUTE_FIELDS) if (c[key]) attributes[key] = tidyText(c[key].value, c[key].font) || undefined;
      if (Object.keys(attributes).length) person.attributes = attributes;
      if (table.ratingYears.length) person.ratings = table.ratingYears.map(({ year }) => ({ year, value: tidyText(c[`rating:${year}`].value, c[`rating:${year}`].font) }));
    }
    extra?.(c, line, person);
    people.push(person);
  }
  return people;
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

function readVotes(r: Reader, view: SheetView, table: FoundTable): ParsedVotes {
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

/** The national motto and a document's title are never a unit's name. */
const NOT_A_UNIT = ['cong hoa xa hoi chu nghia', 'doc lap tu do hanh phuc', 'ket qua', 'kiem phieu', 'danh sach', 'bien ban', 'tong hop'];

/**
 * The unit above a vote table, as the top-left of an official page names it: the upper-case lines
 * in the left half of the page, one per row from the first row with text, up to the first row
 * without one ("ỦY BAN NHÂN DÂN HUYỆN THANH SƠN" / "PHÒNG NỘI VỤ"). Conservative: a title merged
 * across the page, mixed case or a title's words end the unit.
 */
function unitAbove(view: SheetView, table: FoundTable): string | undefined {
  const merges = view.sheet.merges.map(parseRange).filter((r): r is RangePos => r !== undefined && r.top < table.headerTop);
  const width = Math.max(table.right, view.colCount, ...merges.map((r) => r.right));
  const lines: string[] = [];
  for (let row = 1; row < table.headerTop && lines.length < 4; row++) {
    const cells = [...Array(view.colCount).keys()].map((i) => ({ col: i + 1, text: unicodeText(view.value(row, i + 1), view.font(row, i + 1)).normalize('NFC').trim() })).filter((c) => c.text);
    if (cells.length === 0) {
      if (lines.length) break;
      continue;
    }
    const first = cells[0];
    const right = merges.find((r) => r.top === row && r.left === first.col)?.right ?? first.col;
    const text = first.text.split('\n').map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
    const upper = text.every((t) => /\p{Lu}/u.test(t) && t === t.toUpperCase() && t.length <= 80);
    if (2 * right > width || !upper || text.some((t) => NOT_A_UNIT.some((w) => hasPhrase(fold(t), w)))) break;
    lines.push(...text);
  }
  return lines.length ? lines.join('\n') : undefined;
}

/** "Thanh Sơn, ngày 05 tháng 01 năm 2026", "Hà Nội, 05/01/2026", "ngày 05/01/2026" above (else below) a vote table; never a birth date. */
function dateAround(view: SheetView, table: FoundTable): IsoDate | undefined {
  for (const { text } of surroundings(view, table)) {
    const folded = fold(text);
    if (hasPhrase(folded, 'sinh')) continue;
    const m = /\bngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})\b/.exec(folded) ?? /(?:,|\bngày)\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b/iu.exec(text.normalize('NFC'));
    const d = m ? readFullDate(`${m[1]}/${m[2]}/${m[3]}`) : undefined;
    if (d?.ok) return d.value;
  }
  return undefined;
}

function readCandidates(r: Reader, view: SheetView, table: FoundTable): NonNullable<ParsedWorkbook['candidates']> {
  const consultations: ConsultFacts[] = [];
  const people = readPeople(r, table, 'full', (c, line, person) => {
    const date = (key: string): IsoDate | true | undefined => {
      const cell = c[key];
      if (!cell) return undefined;
      const d = readFullDate(cell.value);
      if (d.ok) return d.value;
      // A mark instead of a date ("x", "Đã nhận") still records the fact.
      const mark = readYesNo(cell.value);
      if (mark.ok) return mark.value ? true : undefined;
      return warnBad(r, d, 'W-BAD-DATE', cell, line.row, person.name);
    };
    const title = c.title ? tidyText(c.title.value, c.title.font) : '';
    if (title && person.titles.length === 0) person.titles = splitTitles(title);
    const facts: ConsultFacts = { id: person.id, name: person.name, source: person.source };
    if (title) facts.title = title;
    if (c.agency) facts.currentAgency = tidyText(c.agency.value, c.agency.font) || undefined;
    for (const key of ['metOn', 'letterSentOn', 'opinionReceivedOn', 'dossierReceivedOn'] as const) {
      const d = date(key);
      if (d) facts[key] = d;
    }
    if (c.opinionAgrees) {
      const agrees = warnBad(r, readYesNo(c.opinionAgrees.value), 'W-BAD-MARK', c.opinionAgrees, line.row, person.name);
      if (agrees !== undefined) facts.opinionAgrees = agrees;
    }
    consultations.push(facts);
  });
  const approval: { date?: IsoDate; minutesRef?: string } = {};
  for (const { row, col, text } of surroundings(view, table)) {
    const folded = fold(text);
    if (!approval.date && (hasPhrase(folded, 'thong qua') || hasPhrase(folded, 'phe duyet'))) {
      const m = /(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})/.exec(text);
      const d = m ? readFullDate(m[1]) : readFullDate(view.value(row, col + 1));
      if (d.ok) approval.date = d.value;
    }
    if (!approval.minutesRef && hasPhrase(folded, 'bien ban')) {
      const m = /biên bản\s*(?:số)?\s*[:：]?\s*(\S.*)$/iu.exec(text.normalize('NFC'));
      if (m) approval.minutesRef = m[1].trim();
    }
  }
  return { table, people, consultations, approval, conference: conferenceNumbers(view, table) };
}

/** Which conference a vote sheet is from, by its name and titles: staff or leadership. */
function conferenceKindOf(view: SheetView, table: FoundTable): 'staff' | 'leadership' | undefined {
  const text = [fold(view.name), ...surroundings(view, table).filter((s) => s.row < table.headerTop).map((s) => fold(s.text))].join(' ');
  if (hasPhrase(text, 'can bo cong chuc vien chuc') || hasPhrase(text, 'hn can bo') || hasPhrase(text, 'hoi nghi can bo')) return 'staff';
  if (hasPhrase(text, 'lanh dao') || hasPhrase(text, 'tap the')) return 'leadership';
  return undefined;
}

interface Candidate<T> {
  view: SheetView;
  table: FoundTable;
  extra?: T;
}

function pick<T>(kind: string, named: string | undefined, found: Candidate<T>[], all: SheetView[], diagnostics: Diagnostic[], prefer?: (c: Candidate<T>) => boolean): Candidate<T> | undefined {
  if (named) {
    const view = all.find((v) => v.name === named) ?? all.find((v) => nameKey(v.name) === nameKey(named));
    if (!view) {
      diagnostics.push(workbookDiagnostic('E-SHEET-NOT-FOUND', { kind, sheet: named }));
      return undefined;
    }
    const hit = found.find((c) => c.view === view);
    if (!hit) diagnostics.push(workbookDiagnostic('E-NO-TABLE', { kind, sheet: view.name }, { sheet: view.name }));
    return hit;
  }
  if (found.length <= 1) return found[0];
  const preferred = prefer ? found.filter(prefer) : [];
  if (preferred.length === 1) return preferred[0];
  const pool = preferred.length ? preferred : found;
  const best = Math.max(...pool.map((c) => c.table.score));
  const top = pool.filter((c) => c.table.score === best);
  if (top.length === 1) return top[0];
  diagnostics.push(workbookDiagnostic('E-SHEET-AMBIGUOUS', { kind, sheets: top.map((c) => c.view.name) }));
  return undefined;
}

/** A sheet column as mapped: "C" → 3 (a letter past XFD, or none, is no column). */
function mappedColumn(letters: string): number | undefined {
  const col = /^[A-Za-z]{1,3}$/.test(letters.trim()) ? columnNumber(letters.trim()) : 0;
  return col > 0 && col <= 16_384 ? col : undefined;
}

/**
 * The table of a sheet as the user mapped it (ColumnMap): every required field given, no column
 * given twice, else a diagnostic naming the sheet and the cell, and no table.
 */
function mappedTable(view: SheetView, map: ColumnMap, spec: TableSpec, diagnostics: Diagnostic[]): FoundTable | undefined {
  const headerRow = Number.isInteger(map.headerRow) && map.headerRow > 0 ? map.headerRow : 1;
  const columns: Record<string, number> = {};
  const byCol = new Map<number, string[]>();
  const known = new Set(spec.fields.map((f) => f.key));
  let bad = false;
  for (const [key, letters] of Object.entries(map.columns)) {
    if (!known.has(key) && !/^rating:\d{4}$/.test(key)) continue;
    const col = mappedColumn(letters);
    if (col === undefined) {
      diagnostics.push(workbookDiagnostic('E-MAP-COLUMN-EMPTY', { sheet: view.name, field: key, column: letters }, { sheet: view.name, cell: a1(headerRow, 1) }));
      bad = true;
      continue;
    }
    columns[key] = col;
    byCol.set(col, [...(byCol.get(col) ?? []), key]);
  }
  for (const [col, keys] of byCol) {
    if (keys.length < 2) continue;
    diagnostics.push(workbookDiagnostic('E-MAP-SAME-COLUMN', { sheet: view.name, column: columnLetters(col), fields: keys }, { sheet: view.name, cell: a1(headerRow, col) }));
    bad = true;
  }
  const missing = spec.required.filter((any) => !any.some((k) => k in columns));
  if (missing.length) {
    diagnostics.push(workbookDiagnostic('E-MAP-FIELD-MISSING', { sheet: view.name, fields: missing.map((any) => any.join('|')) }, { sheet: view.name, cell: a1(headerRow, 1) }));
    bad = true;
  }
  return bad ? undefined : mappedTableHeader(view, headerRow, columns);
}

/**
 * A mapped column with nothing in it under the header: the mapping points at the wrong column.
 * An error for a field the run needs (a required one), a warning for another.
 */
function emptyMappedColumns(table: FoundTable, spec: TableSpec): Diagnostic[] {
  const required = new Set(spec.required.flat());
  const out: Diagnostic[] = [];
  table.keys.forEach((key, k) => {
    if (table.rows.some((line) => cellText(line.values[k]).trim() !== '')) return;
    const code = required.has(key) ? 'E-MAP-COLUMN-EMPTY' : 'W-MAP-COLUMN-EMPTY';
    const col = table.keyCols[k];
    out.push(workbookDiagnostic(code, { sheet: table.sheet, field: key, column: columnLetters(col) }, { sheet: table.sheet, cell: a1(table.headerBottom + 1, col) }));
  });
  return out;
}

export function parseWorkbook(snapshot: WorkbookSnapshot, options: ParseOptions = {}): ParsedWorkbook {
  const owned = ownedAreas(snapshot);
  const all = views(snapshot, owned);
  const diagnostics: Diagnostic[] = [];
  const out: ParsedWorkbook = { owned, diagnostics };
  const termStart = termAbove(snapshot);
  if (termStart) out.termStart = termStart;

  // A sheet the user mapped is read as mapped, for its role only (its diagnostics once it is chosen).
  const maps = new Map<SheetView, ColumnMap>();
  for (const [name, map] of Object.entries(options.columns ?? {})) {
    const view = all.find((v) => v.name === name) ?? all.find((v) => nameKey(v.name) === nameKey(name));
    if (view && map && SPECS[map.role]) maps.set(view, map);
  }
  const mapDiagnostics = new Map<SheetView, Diagnostic[]>();
  // Headers first (cheap), rows only for the sheets chosen.
  const find = (role: TableRole) => all.flatMap((view) => {
    const map = maps.get(view);
    if (map && map.role !== role) return [];
    const found: Diagnostic[] = [];
    const table = map ? mappedTable(view, map, SPECS[role], found) : findTableHeader(view, SPECS[role]);
    if (map) mapDiagnostics.set(view, found);
    return table ? [{ view, table }] : [];
  });
  /** The rows of the table chosen, and where it was mapped, what the mapping got wrong. */
  const read = (c: Candidate<unknown>, role: TableRole) => {
    const table = readTableRows(c.view, c.table);
    if (maps.has(c.view)) diagnostics.push(...emptyMappedColumns(table, SPECS[role]));
    return table;
  };
  /** A sheet named for a role and mapped for it, whose mapping is wrong: its diagnostics instead of "no table". */
  const mappedWrong = (role: TableRole, named: string | undefined, found: Candidate<unknown>[]) => {
    for (const [view, map] of maps) {
      const ds = mapDiagnostics.get(view) ?? [];
      if (map.role === role && ds.length && (!named || nameKey(view.name) === nameKey(named)) && !found.some((c) => c.view === view)) return ds;
    }
    return undefined;
  };
  const choose = <T,>(role: TableRole, named: string | undefined, found: Candidate<T>[], prefer?: (c: Candidate<T>) => boolean) => {
    const wrong = mappedWrong(role, named, found);
    if (wrong) {
      diagnostics.push(...wrong);
      return undefined;
    }
    // The user's mapping says which sheet this is, unless a sheet is named.
    const mapped = named ? [] : found.filter((c) => maps.has(c.view));
    if (mapped.length === 1) return mapped[0];
    return pick(role, named, found, all, diagnostics, prefer);
  };
  const votes = find('votes');
  const voteSheets = new Set(votes.map((c) => c.view));
  const candidates = find('candidates').filter((c) => !voteSheets.has(c.view));
  const candidateSheets = new Set(candidates.map((c) => c.view));
  const rosters = find('roster').filter((c) => !voteSheets.has(c.view) && !candidateSheets.has(c.view));

  const roster = choose('roster', options.rosterSheet, rosters);
  if (roster) {
    const table = read(roster, 'roster');
    out.roster = { table, people: readPeople({ diagnostics, sheet: roster.view.name }, table, options.rosterDetail ?? 'full') };
  }
  // Several counts and no step asked: the earlier conference (the staff one) first, as the procedure goes.
  const kind = options.conferenceKind ?? 'staff';
  const vote = choose('votes', options.votesSheet, votes, (c) => conferenceKindOf(c.view, c.table) === kind);
  if (vote) out.votes = readVotes({ diagnostics, sheet: vote.view.name }, vote.view, read(vote, 'votes'));
  const cand = choose('candidates', options.candidatesSheet, candidates);
  if (cand) out.candidates = readCandidates({ diagnostics, sheet: cand.view.name }, cand.view, read(cand, 'candidates'));
  return out;
}

/** What a run asks of parsing: the procedure, the step (else inferred), the sheets and columns chosen. */
export interface ParseRequest extends Pick<ParseOptions, 'rosterSheet' | 'votesSheet' | 'candidatesSheet' | 'columns'> {
  procedure: ProcedureId;
  step?: number;
}

const STAFF_STEP: Record<ProcedureId, number> = { 'next-term': 2, 'annual-local': 1, 'annual-external': 4 };
const LEADERSHIP_STEP: Record<ProcedureId, number> = { 'next-term': 3, 'annual-local': 2, 'annual-external': 4 };

function conferenceKind(procedure: ProcedureId, step: number | undefined): 'staff' | 'leadership' | undefined {
  if (step === undefined) return undefined;
  if (STAFF_STEP[procedure] === step && procedure !== 'annual-external') return 'staff';
  return LEADERSHIP_STEP[procedure] === step ? 'leadership' : undefined;
}

/** The step the sheets point at: a vote count for its conference's step, else the first step. */
function inferStep(procedure: ProcedureId, parsed: ParsedWorkbook): number {
  if (parsed.votes) return parsed.votes.conferenceKind === 'leadership' ? LEADERSHIP_STEP[procedure] : STAFF_STEP[procedure];
  return 1;
}

/** parse: the sheets the request names (else those found by content), and the step (else inferred from them). */
export function parseFor(snapshot: WorkbookSnapshot, request: ParseRequest): { parsed: ParsedWorkbook; step: number } {
  const { procedure } = request;
  const kind = request.step === undefined ? undefined : findStep(procedure, request.step)?.kind;
  const parsed = parseWorkbook(snapshot, {
    rosterSheet: request.rosterSheet,
    votesSheet: request.votesSheet,
    candidatesSheet: request.candidatesSheet,
    columns: request.columns,
    conferenceKind: conferenceKind(procedure, request.step),
    // A vote step reads the roster only to match people: the standards columns are left unread.
    rosterDetail: request.step !== undefined && kind !== 'eligibility' && kind !== 'gap' ? 'identity' : 'full',
  });
  return { parsed, step: request.step ?? inferStep(procedure, parsed) };
}
