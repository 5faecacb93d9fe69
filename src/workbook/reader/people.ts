import type { Diagnostic, Gender, PartialDate, RosterPerson, SourceRef } from '../../rules';
import { workbookDiagnostic } from '../codes';
import { splitNameSuffix } from './names';
import { rowCells } from './rows';
import { sourceAt } from './sheet-view';
import type { FoundTable, TableCell, TableRow } from './table';
import { cellText, nameText, tidyText, unicodeText } from './text';
import { readDate, readGender, readYesNo, type Read } from './values';

/**
 * People from a roster-like table (the roster, the external candidates, a vote sheet's names):
 * name, code, birth and gender, post, titles planned for, in planning, the standards columns.
 */

/** Where the rows come from, and where their diagnostics go. */
export interface Reader {
  diagnostics: Diagnostic[];
  sheet: string;
}

export function cellRef(r: Reader, cell: TableCell, row: number): SourceRef {
  return sourceAt(r.sheet, row, cell.col);
}

export function warnBad<T>(r: Reader, read: Read<T>, code: 'W-BAD-DATE' | 'W-BAD-GENDER' | 'W-BAD-MARK', cell: TableCell, row: number, name: string): T | undefined {
  if (read.ok) return read.value;
  if (!read.empty) r.diagnostics.push(workbookDiagnostic(code, { value: cellText(cell.value), name }, cellRef(r, cell, row)));
  return undefined;
}

const BIRTH_BY_GENDER = [
  ['birthMale', 'male'],
  ['birthFemale', 'female'],
] as const;
const ATTRIBUTE_FIELDS = ['training', 'politicalTheory', 'discipline'];

/** The fields a roster read for identity only gives (readPeople's `identity`): who a person is, not the standards. */
export const IDENTITY_FIELDS = ['stt', 'name', 'code', 'birth', 'birthMale', 'birthFemale', 'gender', 'post', 'titles', 'inPlanning'];

/** Name, code, birth and gender of a row: birth may sit in a "Nam" or a "Nữ" column, which also gives the gender. */
export function identity(r: Reader, line: TableRow, c: Record<string, TableCell>): { name: string; suffix?: string; code?: string; birth?: PartialDate; gender?: Gender } {
  const { name, suffix } = splitNameSuffix(c.name ? nameText(c.name.value, c.name.font) : '');
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
  return { name, ...(suffix ? { suffix } : {}), code, birth, gender };
}

const TITLE_LISTS = new Map<string, string[]>();
/** "Trưởng phòng; Phó Trưởng phòng" → the titles (each list split once). */
export function splitTitles(text: string): string[] {
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
export function readPeople(r: Reader, table: FoundTable, detail: 'full' | 'identity', extra?: (c: Record<string, TableCell>, line: TableRow, person: RosterPerson) => void): RosterPerson[] {
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
      source: sourceAt(table.sheet, line.row, c.name.col),
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
