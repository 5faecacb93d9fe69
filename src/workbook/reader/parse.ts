import { findStep, nameKey, type Diagnostic, type IsoDate, type ProcedureId, type RosterPerson } from '../../rules';
import type { WorkbookSnapshot } from '../snapshot';
import { termAbove, conferenceKindOf } from './around-table';
import { readCandidates, type ParsedCandidates } from './candidates';
import type { ColumnMap } from './column-map';
import { findTableHeader } from './header';
import { SPECS, type TableRole } from './layouts';
import { emptyMappedColumns, mappedTable } from './mapped-table';
import { readPeople } from './people';
import { readTableRows } from './rows';
import { ownedAreas, pick, views, type Candidate, type OwnedArea } from './sheets';
import type { SheetView } from './sheet-view';
import type { FoundTable } from './table';
import { readVotes, type ParsedVotes } from './votes';

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

export interface ParsedWorkbook {
  roster?: { table: FoundTable; people: RosterPerson[] };
  votes?: ParsedVotes;
  candidates?: ParsedCandidates;
  /** Term start written in the workbook ("giai đoạn 2026 - 2031"), if any. */
  termStart?: IsoDate;
  /** Owned areas of an earlier run, per sheet (hidden from parsing). */
  owned: OwnedArea[];
  diagnostics: Diagnostic[];
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
