import { messages, type Lang } from '../../i18n';
import type { Diagnostic, PersonResult, RosterPerson, RuleProfile, StepResult } from '../../rules';
import { a1, rangeA1 } from '../address';
import { workbookDiagnostic } from '../codes';
import { eligibilityReasons } from './eligibility-reasons';
import type { ParsedWorkbook } from '../reader/parse';
import { OWNED_PREFIX, type PlanCell, type WritePlan } from '../plan';
import type { WorkbookSnapshot } from '../snapshot';
import { EMPTY_CELL, resultCells } from './result-cells';
import { HEADER_STYLE } from './styles';
import { SheetView } from '../reader/sheet-view';
import type { FoundTable } from '../reader/table';
import { cellText } from '../reader/text';

/**
 * render (result columns): beside the table each result was read from, colour-coded, each outcome
 * cell with its explanation as a note —
 * - a vote count: percent, outcome in words and rank (N30, RM50, L50, L50C, TOP, TIE);
 * - the roster and the external candidates (ELIG, GAP): outcome and the reasons in words.
 * Each area is owned: a defined name QuyHoach_KetQua_<n> marks it, and the next run clears and
 * rewrites it. A column holding the user's data stops the run (E-TARGET-NOT-EMPTY).
 */

/** The row of an A1 cell reference ("E12" → 12). */
function rowOf(cell: string): number | undefined {
  let i = cell.length;
  while (i > 0 && cell.charCodeAt(i - 1) >= 48 && cell.charCodeAt(i - 1) <= 57) i--;
  return i < cell.length ? Number(cell.slice(i)) : undefined;
}

/**
 * `removal`: the column reads the row's removal result (RM50), else the row's other result; `title`:
 * the result for that title, where a row holds one count per title (a column group per title).
 */
type Column = { label: string; width: number; cell: (p: PersonResult) => PlanCell; removal: boolean; title?: string };

export interface ColumnOptions {
  /** GAP (II.2(1)): ELIG of those in planning, which the step reports only as counts (in-planning.ts). */
  onSite?: readonly PersonResult[];
  /** For the reasons in words (ELIG: which rating years fall below the standard). */
  profile?: RuleProfile;
}

export function resultAreaName(snapshot: WorkbookSnapshot, sheet: string): string {
  return `${OWNED_PREFIX}KetQua_${snapshot.sheets.findIndex((s) => s.name === sheet) + 1}`;
}

const isRemoval = (p: PersonResult): boolean => p.outcome === 'removed' || p.outcome === 'kept';
const isEligibility = (p: PersonResult): boolean => p.outcome === 'eligible' || p.outcome === 'ineligible';

/** The columns for the results of one table: eligibility (ELIG), removal (RM50) and/or nomination (per title, where a row holds several). */
function columnsFor(results: readonly PersonResult[], lang: Lang, names: (id: string) => string, reasonOf: (p: PersonResult) => string, titles: readonly string[] = []): Column[] {
  const m = messages(lang);
  const { percent, outcome, rank } = resultCells(lang, names);
  if (results.some(isEligibility)) {
    // One line per person (the user's rows keep their height): the column as wide as the longest reason.
    const reasons = new Map(results.map((p) => [p, reasonOf(p)]));
    let longest = 0;
    for (const s of reasons.values()) longest = Math.max(longest, s.length);
    return [
      { label: m.report.resultColumns.outcome, width: 20, cell: outcome, removal: false },
      { label: m.report.resultColumns.reason, width: Math.min(70, Math.max(24, longest + 2)), cell: (p) => ({ value: reasons.get(p) || null, border: true, align: 'left' }), removal: false },
    ];
  }
  const columns: Column[] = [];
  const each = titles.length > 1 ? titles : [undefined];
  const named = (label: string, title: string | undefined) => (title === undefined ? label : m.columns.forTitle(label, title));
  for (const title of each) {
    const mine = (p: PersonResult) => title === undefined || p.title === title;
    if (results.some((p) => isRemoval(p) && mine(p)))
      columns.push(
        { label: named(m.columns.removalPercent, title), width: 11, cell: percent, removal: true, title },
        { label: named(m.columns.removalOutcome, title), width: 24, cell: outcome, removal: true, title },
      );
    if (results.some((p) => !isRemoval(p) && mine(p)))
      columns.push(
        { label: named(m.columns.percent, title), width: 11, cell: percent, removal: false, title },
        { label: named(m.columns.outcome, title), width: 30, cell: outcome, removal: false, title },
        { label: named(m.columns.rank, title), width: 9, cell: rank, removal: false, title },
      );
  }
  return columns;
}

/** "(13)" in a row of column numbers under the header: the number, to carry on with ours. */
function columnNumber(text: string): number | undefined {
  const match = /^\(?(\d{1,3})\)?$/.exec(text.trim());
  return match ? Number(match[1]) : undefined;
}

type Beside = { block: WritePlan['blocks'][number]; range: string; widths: NonNullable<WritePlan['widths']> } | { diagnostic: Diagnostic };

/** The columns right of one table, a row per result (by the cell it was read from). */
function beside(snapshot: WorkbookSnapshot, parsed: ParsedWorkbook, table: FoundTable, results: readonly PersonResult[], columns: Column[]): Beside {
  const sheet = table.sheet;
  let lastRow = table.headerBottom;
  for (const r of table.rows) if (r.row > lastRow) lastRow = r.row;
  // Each row's results (one per title where the row holds a count per title).
  const removals: (PersonResult[] | undefined)[] = [];
  const others: (PersonResult[] | undefined)[] = [];
  for (const p of results) {
    const row = p.source?.cell ? rowOf(p.source.cell) : undefined;
    if (row === undefined) continue;
    const into = isRemoval(p) ? removals : others;
    (into[row] ??= []).push(p);
  }

  const left = table.lastCol + 1;
  const area = { top: table.headerTop, left, bottom: lastRow, right: left + columns.length - 1 };
  const sheetSnapshot = snapshot.sheets.find((s) => s.name === sheet);
  const view = sheetSnapshot ? new SheetView(sheetSnapshot, parsed.owned.filter((o) => o.sheet === sheet).map((o) => o.range)) : undefined;
  if (view) {
    for (let row = area.top; row <= area.bottom; row++)
      for (let col = area.left; col <= area.right; col++)
        if (cellText(view.value(row, col)).trim() !== '') {
          return { diagnostic: workbookDiagnostic('E-TARGET-NOT-EMPTY', { range: rangeA1(area) }, { sheet, cell: a1(row, col) }) };
        }
  }

  const dataRows = new Set(table.rows.map((r) => r.row));
  let firstData = lastRow + 1;
  for (const r of table.rows) firstData = Math.min(firstData, r.row);
  const cells: PlanCell[][] = [columns.map((c) => ({ value: c.label, ...HEADER_STYLE }))];
  for (let row = table.headerTop + 1; row <= lastRow; row++) {
    // A header over two rows (merged cells above "Nam" / "Nữ"): ours is one box over both.
    if (row <= table.headerBottom) {
      cells.push(columns.map(() => ({ value: null, fill: HEADER_STYLE.fill, border: true })));
      continue;
    }
    // A row of column numbers under the header, "(1) … (13)": ours go on "(14)", "(15)".
    const numbered = row < firstData && view ? columnNumber(cellText(view.value(row, table.lastCol))) : undefined;
    if (numbered !== undefined) {
      const wrapped = /^\(/.test(cellText(view?.value(row, table.lastCol)).trim());
      cells.push(columns.map((_, i) => ({ value: wrapped ? `(${numbered + i + 1})` : numbered + i + 1, border: true, align: 'center' })));
      continue;
    }
    if (!removals[row] && !others[row]) {
      cells.push(columns.map(() => (dataRows.has(row) ? EMPTY_CELL : { value: null })));
      continue;
    }
    cells.push(columns.map((c) => {
      const p = (c.removal ? removals[row] : others[row])?.find((x) => c.title === undefined || x.title === c.title);
      return p ? c.cell(p) : EMPTY_CELL;
    }));
  }
  return {
    block: { sheet, row: area.top, col: area.left, cells, formatsFrom: table.lastCol },
    range: rangeA1(area),
    widths: columns.map((c, i) => ({ sheet, col: left + i, width: c.width })),
  };
}

export function renderResultColumns(
  snapshot: WorkbookSnapshot,
  parsed: ParsedWorkbook,
  result: StepResult,
  lang: Lang,
  names: (id: string) => string,
  options: ColumnOptions = {},
): { plan: WritePlan; diagnostics: Diagnostic[] } {
  const keep = parsed.owned.map((o) => ({ name: o.name, sheet: o.sheet, range: rangeA1(o.range) }));
  const empty: WritePlan = { clear: [], blocks: [], names: keep };
  const all = [...result.people, ...(options.onSite ?? [])];
  if (result.blocked || all.length === 0) return { plan: empty, diagnostics: [] };

  const people = new Map<string, RosterPerson>([...(parsed.roster?.people ?? []), ...(parsed.candidates?.people ?? [])].map((p) => [p.id, p]));
  const reasonOf = (p: PersonResult): string => eligibilityReasons(p, lang, people.get(p.id), options.profile, true).join('; ');
  const plan: WritePlan = { clear: [], blocks: [], names: keep, widths: [] };
  // Each table gets the results read from its rows, found by their source cell: the vote count's for
  // a vote step; the roster's and the external candidates' for ELIG and GAP. A sheet may hold several
  // tables (a removal table above a nomination table): an area beside each.
  const done = new Set<string>();
  const areas = new Map<string, number>();
  const tables = [...(parsed.votes?.tables ?? []), ...(parsed.roster?.tables ?? []), ...(parsed.candidates?.tables ?? [])];
  for (const table of tables) {
    const rows = new Set(table.rows.map((r) => r.row));
    const results = all.filter((p) => p.source?.sheet === table.sheet && rows.has(p.source.cell ? (rowOf(p.source.cell) ?? 0) : 0));
    if (!results.length) continue;
    const { sheet } = table;
    const titles = table.groups.length ? [...new Set(results.filter((p) => !isEligibility(p)).map((p) => p.title ?? ''))] : [];
    const out = beside(snapshot, parsed, table, results, columnsFor(results, lang, names, reasonOf, titles));
    if ('diagnostic' in out) return { plan: empty, diagnostics: [out.diagnostic] };
    const n = (areas.get(sheet) ?? 0) + 1;
    areas.set(sheet, n);
    const name = `${resultAreaName(snapshot, sheet)}${n > 1 ? `_${n}` : ''}`;
    if (!done.has(sheet)) {
      done.add(sheet);
      plan.clear.push(...parsed.owned.filter((o) => o.sheet === sheet).map((o) => ({ sheet, range: rangeA1(o.range) })));
      plan.names = plan.names.filter((k) => k.sheet !== sheet);
    }
    plan.blocks.push(out.block);
    plan.names = [...plan.names.filter((k) => k.name !== name), { name, sheet, range: out.range }];
    plan.widths?.push(...out.widths);
  }
  return { plan, diagnostics: [] };
}
