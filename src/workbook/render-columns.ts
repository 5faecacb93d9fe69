import { messages, type Lang } from '../i18n';
import type { Diagnostic, PersonResult, StepResult } from '../rules';
import { a1, rangeA1 } from './address';
import { workbookDiagnostic } from './codes';
import type { ParsedWorkbook } from './parse';
import { OWNED_PREFIX, type PlanCell, type WritePlan } from './plan';
import type { WorkbookSnapshot } from './snapshot';
import { resultCells } from './result-cells';
import { HEADER_STYLE } from './styles';
import { SheetView } from './table';
import { cellText } from './text';

/**
 * render (result columns): percent, outcome in words and rank beside the vote table, colour-coded,
 * each outcome cell with its explanation as a note. The area is owned: a defined name marks it,
 * and the next run clears and rewrites it. A column holding the user's data stops the run.
 */

/** The row of an A1 cell reference ("E12" → 12). */
function rowOf(cell: string): number | undefined {
  let i = cell.length;
  while (i > 0 && cell.charCodeAt(i - 1) >= 48 && cell.charCodeAt(i - 1) <= 57) i--;
  return i < cell.length ? Number(cell.slice(i)) : undefined;
}

type Column = { label: string; width: number; cell: (p: PersonResult) => PlanCell };

export function resultAreaName(snapshot: WorkbookSnapshot, sheet: string): string {
  return `${OWNED_PREFIX}KetQua_${snapshot.sheets.findIndex((s) => s.name === sheet) + 1}`;
}

export function renderResultColumns(
  snapshot: WorkbookSnapshot,
  parsed: ParsedWorkbook,
  result: StepResult,
  lang: Lang,
  names: (id: string) => string,
): { plan: WritePlan; diagnostics: Diagnostic[] } {
  const m = messages(lang);
  const keep = parsed.owned.map((o) => ({ name: o.name, sheet: o.sheet, range: rangeA1(o.range) }));
  const empty: WritePlan = { clear: [], blocks: [], names: keep };
  const votes = parsed.votes;
  if (!votes || result.blocked || result.people.length === 0) return { plan: empty, diagnostics: [] };
  const { table } = votes;
  const sheet = table.sheet;
  const name = resultAreaName(snapshot, sheet);

  const { percent: percentCell, outcome, rank: rankCell } = resultCells(lang, names);
  const removal = result.people.some((p) => p.outcome === 'removed' || p.outcome === 'kept');
  const nomination = result.people.some((p) => p.outcome !== 'removed' && p.outcome !== 'kept');
  const sets: { removal: boolean; columns: Column[] }[] = [];
  if (removal)
    sets.push({
      removal: true,
      columns: [
        { label: m.columns.removalPercent, width: 11, cell: percentCell },
        { label: m.columns.removalOutcome, width: 24, cell: outcome },
      ],
    });
  if (nomination)
    sets.push({
      removal: false,
      columns: [
        { label: m.columns.percent, width: 11, cell: percentCell },
        { label: m.columns.outcome, width: 30, cell: outcome },
        { label: m.columns.rank, width: 9, cell: rankCell },
      ],
    });
  const columns = sets.flatMap((s) => s.columns.map((c) => ({ ...c, removal: s.removal })));

  // Rows of the table, and which result goes on which row (by the cell the count was read from).
  let lastRow = table.headerBottom;
  for (const r of table.rows) if (r.row > lastRow) lastRow = r.row;
  const removals: (PersonResult | undefined)[] = [];
  const nominations: (PersonResult | undefined)[] = [];
  for (const p of result.people) {
    const row = p.source?.cell ? rowOf(p.source.cell) : undefined;
    if (row === undefined) continue;
    if (p.outcome === 'removed' || p.outcome === 'kept') removals[row] = p;
    else nominations[row] = p;
  }

  const left = table.lastCol + 1;
  const area = { top: table.headerTop, left, bottom: lastRow, right: left + columns.length - 1 };
  const sheetSnapshot = snapshot.sheets.find((s) => s.name === sheet);
  if (sheetSnapshot) {
    const view = new SheetView(sheetSnapshot, parsed.owned.filter((o) => o.sheet === sheet).map((o) => o.range));
    for (let row = area.top; row <= area.bottom; row++)
      for (let col = area.left; col <= area.right; col++)
        if (cellText(view.value(row, col)).trim() !== '') {
          return { plan: empty, diagnostics: [workbookDiagnostic('E-TARGET-NOT-EMPTY', { range: rangeA1(area) }, { sheet, cell: a1(row, col) })] };
        }
  }

  const header: PlanCell[] = columns.map((c) => ({ value: c.label, ...HEADER_STYLE }));
  const blank = (): PlanCell[] => columns.map(() => ({ value: null }));
  const noResult: PlanCell = { value: null, border: true };
  const cells: PlanCell[][] = [header];
  for (let row = table.headerTop + 1; row <= lastRow; row++) {
    if (!removals[row] && !nominations[row]) {
      cells.push(blank());
      continue;
    }
    const line: PlanCell[] = [];
    for (const c of columns) {
      const p = c.removal ? removals[row] : nominations[row];
      line.push(p ? c.cell(p) : noResult);
    }
    cells.push(line);
  }
  return {
    plan: {
      clear: parsed.owned.filter((o) => o.sheet === sheet).map((o) => ({ sheet, range: rangeA1(o.range) })),
      blocks: [{ sheet, row: area.top, col: area.left, cells }],
      names: [...keep.filter((k) => k.name !== name && k.sheet !== sheet), { name, sheet, range: rangeA1(area) }],
      widths: columns.map((c, i) => ({ sheet, col: left + i, width: c.width })),
    },
    diagnostics: [],
  };
}
