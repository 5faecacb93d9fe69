import type { Diagnostic } from '../../rules';
import { a1, columnLetters, columnNumber } from '../address';
import { workbookDiagnostic } from '../codes';
import type { ColumnMap } from './column-map';
import { mappedTableHeader } from './header';
import type { SheetView } from './sheet-view';
import type { FoundTable, TableSpec } from './table';
import { cellText } from './text';

/** A table as the user mapped it (the column-mapping dialog, column-map.ts), checked before it is read. */

/** A sheet column as mapped: "C" → 3 (a letter past XFD, or none, is no column). */
export function mappedColumn(letters: string): number | undefined {
  const col = /^[A-Za-z]{1,3}$/.test(letters.trim()) ? columnNumber(letters.trim()) : 0;
  return col > 0 && col <= 16_384 ? col : undefined;
}

/**
 * The table of a sheet as the user mapped it (ColumnMap): every required field given, no column
 * given twice, else a diagnostic naming the sheet and the cell, and no table.
 */
export function mappedTable(view: SheetView, map: ColumnMap, spec: TableSpec, diagnostics: Diagnostic[]): FoundTable | undefined {
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
export function emptyMappedColumns(table: FoundTable, spec: TableSpec): Diagnostic[] {
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
