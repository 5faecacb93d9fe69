import type { Diagnostic } from '../../rules';
import { a1, columnLetters } from '../address';
import { workbookDiagnostic } from '../codes';
import { headerLabels } from './header';
import type { SheetView } from './sheet-view';
import type { ColumnChoice, FoundTable } from './table';
import { hasPhrase } from './text';

/**
 * Several columns that could be the votes — last year's beside this year's, a hidden column, a
 * count per conference — are never settled silently by taking the first. The user's choice wins
 * (the column-mapping dialog, `--column votes=E`); else a visible column over a hidden one; else the
 * column whose year is the count's year, or whose heading names this conference; else nothing is
 * chosen and the run stops with E-VOTE-COLUMN-AMBIGUOUS naming the columns and how to choose.
 */

export type VoteField = ColumnChoice['field'];

export interface ChoiceContext {
  /** The year of this count (its title, its sheet's name, its date). */
  year?: number;
  /** The conference the run reads (from its step), else the one the sheet speaks of. */
  kind?: 'staff' | 'leadership';
  /** Columns the user chose, by field. */
  user?: Partial<Record<VoteField, number>>;
}

const yearOf = (label: string): number | undefined => {
  const years = [...label.matchAll(/\b(?:19|20)\d{2}\b/g)].map((m) => Number(m[0]));
  return years.length === 1 ? years[0] : undefined;
};

function kindOf(label: string): 'staff' | 'leadership' | undefined {
  if (hasPhrase(label, 'can bo cong chuc') || hasPhrase(label, 'hoi nghi can bo') || hasPhrase(label, 'hn can bo')) return 'staff';
  if (hasPhrase(label, 'lanh dao') || hasPhrase(label, 'tap the')) return 'leadership';
  return undefined;
}

/** The one column of `pool` that `keep` keeps, if exactly one. */
const single = (pool: number[], keep: (col: number) => boolean): number | undefined => {
  const kept = pool.filter(keep);
  return kept.length === 1 ? kept[0] : undefined;
};

/** The table with its vote columns chosen, how each was chosen, and what stops the run. */
export function chooseVoteColumns(view: SheetView, table: FoundTable, ctx: ChoiceContext): { table: FoundTable; choices: ColumnChoice[]; diagnostics: Diagnostic[] } {
  const columns = { ...table.columns };
  const candidates = { ...table.candidates };
  let groups = table.groups;
  const choices: ColumnChoice[] = [];
  const diagnostics: Diagnostic[] = [];
  const labels = headerLabels(view, table.headerTop, table.headerBottom);
  for (const field of ['agree', 'removeAgree'] as const) {
    const user = ctx.user?.[field];
    // A count column with no title beside the columns grouped per title: one more candidate.
    const grouped = groups.flatMap((g) => (field in g.columns ? [g.columns[field]] : []));
    if (grouped.length && columns[field] !== undefined) {
      const plain = columns[field];
      if (user !== undefined && (user === plain || grouped.includes(user))) {
        if (user === plain) groups = groups.map((g) => ({ ...g, columns: Object.fromEntries(Object.entries(g.columns).filter(([k]) => k !== field)) })).filter((g) => Object.keys(g.columns).length);
        else delete columns[field];
        choices.push({ field, chosen: user, candidates: [plain, ...grouped].sort((a, b) => a - b), why: 'user' });
      } else {
        const pool = [plain, ...grouped].sort((a, b) => a - b);
        choices.push({ field, candidates: pool, why: 'unclear' });
        const names = pool.map((c) => `${columnLetters(c)} “${view.text(table.headerBottom, c) || view.text(table.headerTop, c)}”`);
        diagnostics.push(workbookDiagnostic('E-VOTE-COLUMN-AMBIGUOUS', { sheet: table.sheet, field, columns: names, letters: pool.map(columnLetters) }, { sheet: table.sheet, cell: a1(table.headerTop, plain) }));
      }
      continue;
    }
    const pool = candidates[field] ?? [];
    if (user !== undefined) {
      const taken = Object.entries(columns).find(([k, c]) => c === user && k !== field && k !== 'agree' && k !== 'removeAgree');
      if (user > Math.max(view.colCount, table.lastCol) || taken) {
        diagnostics.push(workbookDiagnostic('E-COLUMN-CHOICE-BAD', { sheet: table.sheet, field, column: columnLetters(user), ...(taken ? { taken: taken[0] } : {}) }, { sheet: table.sheet, cell: a1(table.headerBottom, user) }));
        continue;
      }
      // The other vote field gives the column up (the user said what it is).
      for (const other of ['agree', 'removeAgree'] as const) if (other !== field && columns[other] === user) delete columns[other];
      columns[field] = user;
      delete candidates[field];
      choices.push({ field, chosen: user, candidates: [...new Set([user, ...pool])].sort((a, b) => a - b), why: 'user' });
      continue;
    }
    if (pool.length < 2) continue;
    const visible = pool.filter((c) => !view.colHidden(c));
    const label = (c: number) => labels.get(c) ?? '';
    let chosen: number | undefined;
    let why: ColumnChoice['why'] = 'unclear';
    if (visible.length === 1) [chosen, why] = [visible[0], 'visible'];
    const among = visible.length ? visible : pool;
    if (chosen === undefined && ctx.year !== undefined) {
      chosen = single(among, (c) => yearOf(label(c)) === ctx.year);
      if (chosen !== undefined) why = 'year';
    }
    if (chosen === undefined && ctx.kind) {
      chosen = single(among, (c) => kindOf(label(c)) === ctx.kind);
      if (chosen !== undefined) why = 'heading';
    }
    delete candidates[field];
    choices.push({ field, chosen, candidates: pool, why });
    if (chosen === undefined) {
      const names = pool.map((c) => `${columnLetters(c)} “${view.text(table.headerBottom, c) || view.text(table.headerTop, c)}”`);
      diagnostics.push(workbookDiagnostic('E-VOTE-COLUMN-AMBIGUOUS', { sheet: table.sheet, field, columns: names, letters: pool.map(columnLetters) }, { sheet: table.sheet, cell: a1(table.headerTop, pool[0]) }));
      continue;
    }
    columns[field] = chosen;
    for (const c of pool) {
      if (c === chosen) continue;
      diagnostics.push(
        workbookDiagnostic('W-VOTE-COLUMN-UNUSED', { sheet: table.sheet, field, column: columnLetters(c), header: view.text(table.headerBottom, c) || view.text(table.headerTop, c), chosen: columnLetters(chosen), why }, { sheet: table.sheet, cell: a1(table.headerBottom, c) }),
      );
    }
  }
  return { table: { ...table, columns, candidates, groups }, choices, diagnostics };
}
