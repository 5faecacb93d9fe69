import { columnLetters } from '../address';
import { headerLabels, labelNames } from './header';
import type { TableRole } from './layouts';
import type { SheetView } from './sheet-view';
import type { EndReason, FoundTable, RowReason, TableSpec } from './table';

/**
 * What a run read, as data (issue 14, "never silently wrong"): per sheet, the header rows, which
 * column fed each field (its letter and header text), the rows read, and each row or column left out
 * with its reason. The command prints it a line per sheet (and whole in --json, `read`), the task
 * pane shows it under "Đã đọc", the run log keeps it; i18n/reader.ts puts it in words.
 */

export type ColumnReason = 'hidden' | 'not-recognised' | 'computed' | 'other-vote-column' | 'unclear';

export interface ColumnRead {
  /** The field key ("name", "agree", "rating:2024"). */
  field: string;
  col: string;
  header: string;
  /** The title of the column's group, where votes are grouped per title. */
  title?: string;
}

export interface TableRead {
  header: { top: number; bottom: number };
  columns: ColumnRead[];
  rows: { count: number; first?: number; last?: number };
  skippedRows: { from: number; to: number; reason: RowReason }[];
  skippedColumns: { col: string; header: string; reason: ColumnReason }[];
  ended?: { row: number; reason: EndReason };
  /** Read as the user mapped it (the column-mapping dialog). */
  mapped: boolean;
}

export interface SheetRead {
  sheet: string;
  role: TableRole;
  tables: TableRead[];
}

export interface ReadReport {
  sheets: SheetRead[];
}

/** A header cell's text as the user sees it, its rows top to bottom ("Chức danh Trưởng phòng / Số phiếu"). */
export function headerCaption(view: SheetView, table: FoundTable, col: number): string {
  const parts: string[] = [];
  for (let row = table.headerTop; row <= table.headerBottom; row++) {
    const origin = view.mergeCovering(row, col);
    const text = (origin ? view.text(origin.top, origin.left) : view.text(row, col)).replace(/\s+/g, ' ');
    if (text && parts[parts.length - 1] !== text) parts.push(text);
  }
  const caption = parts.join(' / ');
  return caption.length > 80 ? `${caption.slice(0, 79)}…` : caption;
}

/** One table's part of the report. */
export function tableRead(view: SheetView, table: FoundTable, spec: TableSpec, mapped: boolean, only?: readonly string[]): TableRead {
  const columns: ColumnRead[] = [];
  const read = new Set<number>();
  const found = new Set<number>();
  // Where the vote column is not clear (E-VOTE-COLUMN-AMBIGUOUS), none of its candidates counts as read.
  const unclear = new Set((table.choices ?? []).filter((c) => c.chosen === undefined).flatMap((c) => c.candidates));
  const add = (field: string, col: number, title?: string) => {
    if (unclear.has(col)) return;
    found.add(col);
    // A field the run does not read (the standards columns, where the roster only matches names) is not reported as read.
    if (only && !only.includes(field)) return;
    read.add(col);
    columns.push({ field, col: columnLetters(col), header: headerCaption(view, table, col), ...(title ? { title } : {}) });
  };
  for (const [field, col] of Object.entries(table.columns)) add(field, col);
  for (const r of table.ratingYears) add(`rating:${r.year}`, r.col);
  for (const g of table.groups) for (const [field, col] of Object.entries(g.columns)) add(field, col, g.title);
  columns.sort((a, b) => a.col.length - b.col.length || (a.col < b.col ? -1 : a.col > b.col ? 1 : 0));

  const labels = headerLabels(view, table.headerTop, table.headerBottom);
  const otherVotes = new Set((table.choices ?? []).flatMap((c) => c.candidates.filter((x) => x !== c.chosen)));
  const skippedColumns: TableRead['skippedColumns'] = [];
  for (let col = table.left; col <= table.lastCol; col++) {
    if (found.has(col)) continue;
    const label = labels.get(col) ?? '';
    const reason: ColumnReason | undefined = unclear.has(col)
      ? 'unclear'
      : view.colHidden(col)
      ? 'hidden'
      : otherVotes.has(col)
        ? 'other-vote-column'
        : spec.computed && labelNames(label, spec.computed)
          ? 'computed'
          : label
            ? 'not-recognised'
            : undefined;
    if (reason) skippedColumns.push({ col: columnLetters(col), header: headerCaption(view, table, col), reason });
  }
  const rows = table.rows;
  return {
    header: { top: table.headerTop, bottom: table.headerBottom },
    columns,
    rows: rows.length ? { count: rows.length, first: rows[0].row, last: rows[rows.length - 1].row } : { count: 0 },
    skippedRows: table.skipped.map((s) => ({ ...s })),
    skippedColumns,
    ...(table.ended ? { ended: { ...table.ended } } : {}),
    mapped,
  };
}
