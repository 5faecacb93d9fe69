import { findTableHeader } from './header';
import { readTableRows } from './rows';
import type { SheetView } from './sheet-view';
import type { FoundTable, TableSpec } from './table';

/**
 * Every table of one layout in a sheet, top to bottom: a removal table above a nomination table in
 * one minutes sheet, two conferences one under the other. Each table's page runs from the lines just
 * above its header (its title, its conference's numbers, after the blank row that ends the table
 * above) to those of the table below.
 * `prepare` settles a table's columns before its rows are read (vote-columns.ts).
 */
export function tablesIn(view: SheetView, spec: TableSpec, first: FoundTable, prepare: (t: FoundTable) => FoundTable = (t) => t, more = true): FoundTable[] {
  const out: FoundTable[] = [];
  let header: FoundTable | undefined = first;
  let above = 1;
  while (header) {
    const table = readTableRows(view, prepare({ ...header, above }), 'name', spec);
    out.push(table);
    if (!more || out.length >= 20) break;
    const from = table.ended?.reason === 'next-table' ? table.ended.row : Math.max(table.end, table.ended?.row ?? table.end);
    header = from <= view.rowCount ? findTableHeader(view, spec, from) : undefined;
    if (header && header.headerTop < from) header = undefined;
    if (header) {
      // The lines just above the next header (its title, its conference's numbers) are the next table's.
      let titles = header.headerTop;
      while (titles - 1 >= table.end && !view.rowIsEmpty(titles - 1)) titles--;
      table.below = titles - 1;
      above = titles;
    }
  }
  return out;
}
