import type { Diagnostic, Severity } from '../../rules';
import { a1, columnLetters } from '../address';
import { workbookDiagnostic } from '../codes';
import { countColumns, dataBelow } from './rows';
import type { SheetView } from './sheet-view';
import type { FoundTable } from './table';

/**
 * What looks like data but was not read is named, never passed over in silence: hidden rows holding
 * data inside a table, rows with a name and a count below its end, hidden columns with numbers. An
 * error where reading it could change an outcome (`severity`), a warning otherwise; a hidden column
 * read, or one passed over, is a warning.
 */
export function unreadData(view: SheetView, table: FoundTable, severity: Severity): Diagnostic[] {
  const out: Diagnostic[] = [];
  const sheet = table.sheet;
  const nameCol = table.columns.name ?? table.left;
  const cells = (rows: number[]) => rows.map((r) => a1(r, nameCol));
  if (table.hiddenData.length) {
    const code = severity === 'error' ? 'E-HIDDEN-ROWS' : 'W-HIDDEN-ROWS';
    out.push(workbookDiagnostic(code, { sheet, rows: table.hiddenData.map(String), cells: cells(table.hiddenData) }, { sheet, cell: a1(table.hiddenData[0], nameCol) }));
  }
  const below = dataBelow(view, table, table.below);
  if (below.length) {
    const code = severity === 'error' && countColumns(table).length ? 'E-DATA-BELOW-TABLE' : 'W-DATA-BELOW-TABLE';
    out.push(workbookDiagnostic(code, { sheet, rows: below.map(String), cells: cells(below), end: table.ended?.row ?? table.end }, { sheet, cell: a1(below[0], nameCol) }));
  }
  // Hidden columns of the table: read (the only column for its field), or passed over with numbers in them.
  const read = new Set(table.keyCols);
  for (let col = table.left; col <= table.lastCol; col++) {
    if (!view.colHidden(col)) continue;
    const numbers = table.rows.some((r) => typeof view.value(r.row, col) === 'number');
    if (!read.has(col) && !numbers) continue;
    out.push(workbookDiagnostic('W-HIDDEN-COLUMN', { sheet, column: columnLetters(col), header: view.text(table.headerBottom, col) || view.text(table.headerTop, col), read: read.has(col) }, { sheet, cell: a1(table.headerBottom, col) }));
  }
  return out;
}
