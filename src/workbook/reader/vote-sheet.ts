import type { ConferenceInput } from '../../rules';
import { a1 } from '../address';
import { workbookDiagnostic } from '../codes';
import { conferenceKindOf, dateAround, sheetYear, titleAbove, unitAbove } from './around-table';
import { conferenceNumbers } from './counts-text';
import { VOTES } from './layouts';
import type { Reader } from './people';
import { tablesIn } from './sheet-tables';
import type { SheetView } from './sheet-view';
import type { FoundTable } from './table';
import { unreadData } from './unread';
import { chooseVoteColumns, type VoteField } from './vote-columns';
import { countsOf, readVoteLines, type ParsedVotes } from './votes';

/**
 * A vote-count sheet read whole: each of its tables (a removal table and a nomination table of one
 * conference are both read; of two conferences one under the other, the one the run asks for, the
 * other named in W-TABLE-LEFT-OUT), each table's vote columns chosen (vote-columns.ts), the
 * conference's numbers around them checked (counts-text.ts), what looks like data but was not read named.
 */
export function readVoteSheet(
  r: Reader,
  view: SheetView,
  first: FoundTable,
  options: { kind?: 'staff' | 'leadership'; user?: Partial<Record<VoteField, number>>; mapped: boolean },
): ParsedVotes {
  const diagnostics = r.diagnostics;
  const sheetKind = conferenceKindOf(view, first);
  const prepare = (t: FoundTable): FoundTable => {
    const chosen = chooseVoteColumns(view, t, { year: sheetYear(view, t), kind: options.kind ?? conferenceKindOf(view, t) ?? sheetKind, user: options.user });
    diagnostics.push(...chosen.diagnostics);
    return { ...chosen.table, choices: chosen.choices };
  };
  const all = tablesIn(view, VOTES, first, prepare, !options.mapped);
  // Two conferences in one sheet: the one asked for (else the first one's), the other named.
  const kinds = all.map((t, i) => (i === 0 ? sheetKind : conferenceKindOf(view, t)));
  const wanted = options.kind && kinds.includes(options.kind) ? options.kind : kinds[0];
  const tables = all.filter((_, i) => !kinds[i] || !wanted || kinds[i] === wanted);
  for (const t of all) {
    if (tables.includes(t)) continue;
    diagnostics.push(workbookDiagnostic('W-TABLE-LEFT-OUT', { sheet: view.name, header: t.headerTop, kind: conferenceKindOf(view, t) ?? '' }, { sheet: view.name, cell: a1(t.headerTop, t.left) }));
  }
  const defaultTitle = titleAbove(view, first) ?? '';
  const lines = tables.flatMap((t) => readVoteLines(r, t, titleAbove(view, t) ?? defaultTitle));
  const conference: Partial<ConferenceInput> = conferenceNumbers(view, tables, diagnostics);
  for (const t of tables) diagnostics.push(...unreadData(view, t, 'error'));
  const counts = tables.map(countsOf);
  const unit = unitAbove(view, first);
  const date = dateAround(view, first);
  const kind = wanted ?? sheetKind;
  return {
    table: tables[0],
    tables,
    hasAgree: counts.some((c) => c.agree),
    hasRemoval: counts.some((c) => c.removal),
    conference,
    ...(kind ? { conferenceKind: kind } : {}),
    ...(unit ? { unit } : {}),
    ...(date ? { date } : {}),
    lines,
  };
}

