import { nameKey, type Diagnostic, type IsoDate, type RosterPerson } from '../../rules';
import { workbookDiagnostic } from '../codes';
import type { WorkbookSnapshot } from '../snapshot';
import { termAbove, conferenceKindOf } from './around-table';
import { readCandidates, type ParsedCandidates } from './candidates';
import type { ColumnMap } from './column-map';
import { findTableHeader } from './header';
import { SPECS, type TableRole } from './layouts';
import { emptyMappedColumns, mappedColumn, mappedTable } from './mapped-table';
import { IDENTITY_FIELDS, readPeople, type Reader } from './people';
import { tableRead, type ReadReport, type SheetRead } from './report';
import { tablesIn } from './sheet-tables';
import { ownedAreas, pick, views, type Candidate, type OwnedArea } from './sheets';
import type { SheetView } from './sheet-view';
import type { FoundTable } from './table';
import { TitleBook } from './titles';
import { unreadData } from './unread';
import type { VoteField } from './vote-columns';
import { readVoteSheet } from './vote-sheet';
import type { ParsedVotes } from './votes';

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
  /** The vote columns the user chose on the vote sheet (`--column votes=E`), by field: column letters. */
  voteColumns?: Partial<Record<VoteField, string>>;
  /** Titles as the unit spells them (the rule profile's quota): every title is printed in one tidy spelling. */
  titles?: string[];
}

export interface ParsedWorkbook {
  roster?: { table: FoundTable; tables: FoundTable[]; people: RosterPerson[] };
  votes?: ParsedVotes;
  candidates?: ParsedCandidates;
  /** Term start written in the workbook ("giai đoạn 2026 - 2031"), if any. */
  termStart?: IsoDate;
  /** Owned areas of an earlier run, per sheet (hidden from parsing). */
  owned: OwnedArea[];
  diagnostics: Diagnostic[];
  /** What was read, sheet by sheet (report.ts). */
  read: ReadReport;
}

export function parseWorkbook(snapshot: WorkbookSnapshot, options: ParseOptions = {}): ParsedWorkbook {
  const owned = ownedAreas(snapshot);
  const all = views(snapshot, owned);
  const diagnostics: Diagnostic[] = [];
  const out: ParsedWorkbook = { owned, diagnostics, read: { sheets: [] } };
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

  const reader = (view: SheetView): Reader => ({ diagnostics, sheet: view.name });
  /** Every table of the chosen sheet (one, where the user mapped it), rows read. */
  const readAll = (c: Candidate, role: TableRole): FoundTable[] => {
    const tables = tablesIn(c.view, SPECS[role], c.table, undefined, !maps.has(c.view));
    if (maps.has(c.view)) diagnostics.push(...emptyMappedColumns(tables[0], SPECS[role]));
    return tables;
  };
  const report: SheetRead[] = out.read.sheets;
  const reported = (c: Candidate, role: TableRole, tables: FoundTable[], only?: readonly string[]) =>
    report.push({ sheet: c.view.name, role, tables: tables.map((t) => tableRead(c.view, t, SPECS[role], maps.has(c.view), only)) });

  const roster = choose('roster', options.rosterSheet, rosters);
  if (roster) {
    const tables = readAll(roster, 'roster');
    const detail = options.rosterDetail ?? 'full';
    out.roster = { table: tables[0], tables, people: tables.flatMap((t) => readPeople(reader(roster.view), t, detail)) };
    // A person left unread changes an outcome where the roster is judged (ELIG), not where it only matches names.
    for (const t of tables) diagnostics.push(...unreadData(roster.view, t, detail === 'full' ? 'error' : 'warning'));
    reported(roster, 'roster', tables, detail === 'identity' ? IDENTITY_FIELDS : undefined);
  }
  // Several counts and no step asked: the earlier conference (the staff one) first, as the procedure goes.
  const kind = options.conferenceKind ?? 'staff';
  const vote = choose('votes', options.votesSheet, votes, (c) => conferenceKindOf(c.view, c.table) === kind);
  if (vote) {
    const user = userColumns(options.voteColumns, vote.view.name, diagnostics);
    out.votes = readVoteSheet(reader(vote.view), vote.view, vote.table, { kind: options.conferenceKind, user, mapped: maps.has(vote.view) });
    if (maps.has(vote.view)) diagnostics.push(...emptyMappedColumns(out.votes.table, SPECS.votes));
    reported(vote, 'votes', out.votes.tables);
  }
  const cand = choose('candidates', options.candidatesSheet, candidates);
  if (cand) {
    const tables = readAll(cand, 'candidates');
    out.candidates = readCandidates(reader(cand.view), cand.view, tables);
    for (const t of tables) diagnostics.push(...unreadData(cand.view, t, 'error'));
    reported(cand, 'candidates', tables);
  }
  tidyTitles(out, options.titles);
  return out;
}

/** The vote columns the user chose (`--column votes=E`), as sheet columns; a letter that is no column is an error. */
function userColumns(choice: ParseOptions['voteColumns'], sheet: string, diagnostics: Diagnostic[]): Partial<Record<VoteField, number>> | undefined {
  if (!choice) return undefined;
  const out: Partial<Record<VoteField, number>> = {};
  for (const [field, letters] of Object.entries(choice) as [VoteField, string | undefined][]) {
    if (letters === undefined) continue;
    const col = mappedColumn(letters);
    if (col === undefined) diagnostics.push(workbookDiagnostic('E-COLUMN-CHOICE-BAD', { sheet, field, column: letters }, { sheet }));
    else out[field] = col;
  }
  return out;
}

/** Every title in one tidy spelling (titles.ts): the roster's, the votes', the external candidates'. */
function tidyTitles(parsed: ParsedWorkbook, preferred: readonly string[] = []): void {
  const book = new TitleBook(preferred);
  const people = [...(parsed.roster?.people ?? []), ...(parsed.candidates?.people ?? [])];
  for (const p of people) for (const t of p.titles) book.offer(t);
  for (const l of parsed.votes?.lines ?? []) book.offer(l.title);
  for (const p of people) p.titles = p.titles.map((t) => book.tidy(t));
  for (const l of parsed.votes?.lines ?? []) l.title = book.tidy(l.title);
  for (const f of parsed.candidates?.consultations ?? []) if (f.title) f.title = book.tidy(f.title);
}
