import type { Diagnostic, PartialDate } from '../../rules';
import { columnLetters, columnNumber } from '../address';
import { SPECS, type TableRole } from './layouts';
import type { ParsedWorkbook } from './parse';
import { readTableRows } from './rows';
import { ownedAreas, views } from './sheets';
import type { SheetView } from './sheet-view';
import type { WorkbookSnapshot } from '../snapshot';
import { guessHeader, headerLabels, labelNames, mappedTableHeader } from './header';
import type { FoundTable } from './table';
import { cellText, tidyText } from './text';
import { readCount, readDate } from './values';

/**
 * Where header detection is unsure, the user says which column is which: a ColumnMap per sheet,
 * kept with the run's settings (src/workbook/bookkeeping/settings.ts) and given to the parser
 * (ParseOptions.columns), which then reads that sheet as mapped instead of by its header words.
 * This module says, for the pane, when detection is unsure and what to ask (previewRun's
 * `mapping`), and shows the first rows as a mapping would read them.
 */

export type { TableRole } from './layouts';

export interface ColumnMap {
  /** Which table the sheet holds. */
  role: TableRole;
  /** The header's row (its last row, where it spans two), 1-based: data rows are read below it. */
  headerRow: number;
  /** Field key ("name", "agree", "birth", "rating:2024"…) → sheet column letters ("C"). */
  columns: Record<string, string>;
}

/**
 * Why the pane should ask: no header found; a header row found but a required field missing from it
 * (`missing` says which); or two columns could be one field (`competing` says which).
 */
export type Unsure = 'no-header' | 'missing' | 'competing';

export interface MappingQuestion {
  role: TableRole;
  sheet: string;
  /** Undefined when detection is sure (or the user mapped the sheet): the dialog can still be opened. */
  unsure?: Unsure;
  /** Whether the user's mapping is in use for this sheet. */
  mapped: boolean;
  /** Rows that could be the header row (the guess's among them), 1-based, top to bottom. */
  headerRows: number[];
  /** The sheet's columns, with their header text at each candidate row (where not empty). */
  columns: { col: string; headers: Record<number, string> }[];
  /** The fields the role reads: a required one must be mapped; of a `oneOf` group, one must be. */
  fields: { key: string; required: boolean; oneOf?: string[] }[];
  /** The current answer: the user's mapping, else what detection found (or its best partial guess). */
  guess: ColumnMap;
  /** Fields more than one column could be: the column detection took first, then the others (vote columns: every candidate, none taken). */
  competing: { key: string; cols: string[] }[];
  /** Where a header row was found without them: the required fields missing (of a group, any one would do). */
  missing?: string[][];
}

/** Fields whose column decides the outcome: two candidates for one of them is worth asking about. */
const DECISIVE = ['name', 'agree', 'removeAgree', 'agency'];

const ROLES: TableRole[] = ['roster', 'votes', 'candidates'];

/** The fields of a role, required groups first, in the order the layout lists them. */
function fieldsOf(role: TableRole): MappingQuestion['fields'] {
  const spec = SPECS[role];
  const group = new Map<string, string[]>();
  for (const any of spec.required) for (const k of any) group.set(k, any);
  const order = [...spec.required.flat(), ...spec.fields.map((f) => f.key)].filter((k, i, all) => all.indexOf(k) === i);
  return order.map((key) => {
    const any = group.get(key);
    if (!any) return { key, required: false };
    return any.length === 1 ? { key, required: true } : { key, required: false, oneOf: any };
  });
}

const letters = (columns: Record<string, number>): Record<string, string> => Object.fromEntries(Object.entries(columns).map(([k, c]) => [k, columnLetters(c)]));

/** A header cell as the user reads it: its text, under a label merged across it above ("Ngày sinh / Nam"). */
function headerText(view: SheetView, row: number, col: number): string {
  const own = cellText(view.shown(row, col)).replace(/\s+/g, ' ').trim();
  const above = row > 1 ? view.mergeCovering(row - 1, col) : undefined;
  const group = above && above.right > above.left && above.bottom === row - 1 ? cellText(view.shown(row - 1, col)).replace(/\s+/g, ' ').trim() : '';
  const text = group && own && group !== own ? `${group} / ${own}` : own || group;
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}

/** What to ask about one sheet for one role: the candidate header rows, the columns, the fields, the guess. */
function question(view: SheetView, role: TableRole, table: FoundTable | undefined, map: ColumnMap | undefined): MappingQuestion {
  const spec = SPECS[role];
  let guess: ColumnMap;
  let missing: string[][] | undefined;
  if (map) guess = map;
  else if (table) {
    const columns = letters(table.columns);
    for (const r of table.ratingYears) columns[`rating:${r.year}`] = columnLetters(r.col);
    guess = { role, headerRow: table.headerBottom, columns };
  } else {
    const g = guessHeader(view, spec);
    guess = { role, headerRow: g?.row ?? 1, columns: g ? letters(g.columns) : {} };
    if (g && Object.keys(g.columns).length) missing = spec.required.filter((any) => !any.some((k) => k in g.columns));
  }
  // Rows that could be a header: the first 40 with two texts or more.
  const headerRows: number[] = [];
  for (let row = 1; row <= Math.min(view.rowCount, 40) && headerRows.length < 25; row++) {
    let texts = 0;
    for (let c = 1; c <= view.colCount && texts < 2; c++) if (cellText(view.shown(row, c)).trim()) texts++;
    if (texts >= 2 || row === guess.headerRow) headerRows.push(row);
  }
  if (!headerRows.includes(guess.headerRow)) headerRows.push(guess.headerRow);
  headerRows.sort((a, b) => a - b);
  const width = Math.min(Math.max(view.colCount, ...Object.values(guess.columns).map((l) => columnNumber(l))), 60);
  const columns: MappingQuestion['columns'] = [];
  for (let c = 1; c <= width; c++) {
    const headers: Record<number, string> = {};
    for (const row of headerRows) {
      const t = headerText(view, row, c);
      if (t) headers[row] = t;
    }
    columns.push({ col: columnLetters(c), headers });
  }
  // Two columns that could be one decisive field, where detection took one of them.
  const competing: MappingQuestion['competing'] = [];
  if (table && !map) {
    const labels = headerLabels(view, table.headerTop, table.headerBottom);
    const used = new Set([...Object.values(table.columns), ...table.ratingYears.map((r) => r.col)]);
    for (const field of spec.fields) {
      const taken = table.columns[field.key];
      // Vote columns: unsure where the reader could not choose (vote-columns.ts: E-VOTE-COLUMN-AMBIGUOUS).
      const choice = table.choices?.find((c) => c.field === field.key);
      if (choice) {
        if (choice.chosen === undefined) competing.push({ key: field.key, cols: choice.candidates.map(columnLetters) });
        continue;
      }
      if (!DECISIVE.includes(field.key) || taken === undefined) continue;
      const others = [...labels].filter(([col, label]) => !used.has(col) && labelNames(label, field)).map(([col]) => col);
      if (others.length) competing.push({ key: field.key, cols: [taken, ...others].map(columnLetters) });
    }
  }
  const unsure: Unsure | undefined = map ? undefined : !table ? (missing?.length ? 'missing' : 'no-header') : competing.length ? 'competing' : undefined;
  return { role, sheet: view.name, ...(unsure ? { unsure } : {}), mapped: !!map, headerRows, columns, fields: fieldsOf(role), guess, competing, ...(unsure === 'missing' ? { missing } : {}) };
}

/**
 * For the pane, before a run: for each role the run reads, the sheet chosen (or named, or the one
 * sheet left over when none was found), and whether detection is unsure there. `diagnostics` are
 * the run's as far as reading tells (E-NO-TABLE and E-SHEET-NOT-FOUND say which roles are missing).
 */
export function mappingQuestions(
  snapshot: WorkbookSnapshot,
  parsed: ParsedWorkbook,
  diagnostics: readonly Diagnostic[],
  request: { rosterSheet?: string; votesSheet?: string; candidatesSheet?: string; columns?: Record<string, ColumnMap> },
): MappingQuestion[] {
  const all = views(snapshot, parsed.owned);
  const claimed = new Set(ROLES.map((r) => parsed[r]?.table.sheet).filter((s): s is string => !!s));
  // The user's sheets (views() leaves out those the add-in created) that no role took.
  const leftOver = all.filter((v) => !claimed.has(v.name) && v.rowCount > 0);
  const out: MappingQuestion[] = [];
  for (const role of ROLES) {
    const named = request[`${role}Sheet`];
    const table = parsed[role]?.table;
    let sheet = table?.sheet;
    if (!sheet && diagnostics.some((d) => d.params?.kind === role && (d.code === 'E-NO-TABLE' || d.code === 'E-SHEET-NOT-FOUND') && (named || !d.params?.sheet))) {
      sheet = named ?? (leftOver.length === 1 ? leftOver[0].name : undefined);
    }
    if (!sheet && named && diagnostics.some((d) => d.at?.sheet === named && d.code.startsWith('E-MAP-'))) sheet = named;
    if (!sheet) {
      // A mapping for this role whose sheet the parser refused (its diagnostics say why): ask again.
      const refused = Object.entries(request.columns ?? {}).find(([s, m]) => m.role === role && diagnostics.some((d) => d.code.startsWith('E-MAP-') && d.at?.sheet === s));
      if (refused) sheet = refused[0];
    }
    const view = sheet === undefined ? undefined : all.find((v) => v.name === sheet);
    if (!view || out.some((q) => q.sheet === view.name)) continue;
    const map = request.columns?.[view.name];
    out.push(question(view, role, table, map && map.role === role ? map : undefined));
  }
  return out;
}

const formatDate = (d: PartialDate): string => d.split('-').reverse().join('/');

/** A cell as the run would read it: a date as dd/mm/yyyy, a count as its number, text tidied. */
function shownAsRead(key: string, value: Parameters<typeof cellText>[0], font: string | undefined): string {
  if (key === 'birth' || key === 'birthMale' || key === 'birthFemale') {
    const d = readDate(value);
    if (d.ok) return formatDate(d.value);
  }
  if (key === 'agree' || key === 'removeAgree') {
    const n = readCount(value);
    if (n.ok) return String(n.value);
  }
  return tidyText(value, font);
}

/**
 * The first rows of a sheet as a mapping would read them (for the dialog's live sample): each
 * row's number and its cells by field key. Columns that are no column, or fields given twice,
 * are left out (the parser reports them).
 */
export function sampleRows(snapshot: WorkbookSnapshot, sheet: string, map: ColumnMap, count = 3): { row: number; cells: Record<string, string> }[] {
  const view = views(snapshot, ownedAreas(snapshot)).find((v) => v.name === sheet);
  if (!view) return [];
  const columns: Record<string, number> = {};
  for (const [key, l] of Object.entries(map.columns)) if (/^[A-Za-z]{1,3}$/.test(l)) columns[key] = columnNumber(l);
  if (!Object.keys(columns).length) return [];
  const table = readTableRows(view, mappedTableHeader(view, Math.max(1, map.headerRow), columns));
  return table.rows.slice(0, count).map((line) => ({
    row: line.row,
    cells: Object.fromEntries(table.keys.map((key, k) => [key, shownAsRead(key, line.values[k], line.fonts?.[k])])),
  }));
}
