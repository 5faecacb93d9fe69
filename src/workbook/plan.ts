/**
 * What a run writes (docs/ARCHITECTURE.md "render → apply"): pure data that every host applies the same way.
 * A run writes only into areas it owns; each owned area carries a defined name (prefix OWNED_PREFIX)
 * so the next run finds it, clears it and writes it again.
 */

import type { WorkbookSnapshot } from './snapshot';

export const OWNED_PREFIX = 'QuyHoach_';
/** A sheet the add-in created carries a defined name with this prefix on its A1. */
export const OWNED_SHEET_PREFIX = `${OWNED_PREFIX}Trang_`;

export interface PlanCell {
  value: string | number | null;
  /** Excel number format, e.g. '0.00%'. */
  numberFormat?: string;
  /** Background colour, 'RRGGBB'. */
  fill?: string;
  /** Font colour, 'RRGGBB'. */
  color?: string;
  bold?: boolean;
  /** A cell note (comment) with the explanation. */
  note?: string;
  /** Thin borders on all sides, like the table beside it. */
  border?: boolean;
  /** Wrap the text within the column (centred, for headers). */
  wrap?: boolean;
  italic?: boolean;
  /** Font size in points (the sheet's font otherwise). */
  size?: number;
  align?: 'left' | 'center' | 'right';
  /** Left editable on a protected sheet (the head's decision is typed here). */
  unlocked?: boolean;
}

/** A sheet the add-in creates whole: its page is laid out for printing (Nghị định 30/2020). */
export interface PlanSheet {
  name: string;
  /** Column widths in characters, from column A. */
  widths: number[];
  /** Merged areas, A1 ranges. */
  merges: string[];
  /**
   * Heights in points of rows that need more than the default (a merged cell never grows by itself,
   * and no host fits rows to their text when it prints). A renderer's height is the least the row
   * gets; the pipeline (addSheets → page-layout.ts) measures the text and gives every row what it needs.
   */
  heights?: { row: number; height: number }[];
  /**
   * Groups of rows printed on one page (1-based, inclusive): a title with its first rows, a section
   * heading with what follows, the closing sentence with the signatures. A page ends before a group
   * it would cut (page-layout.ts); a group taller than a page is cut where it must.
   */
  keep?: { from: number; to: number }[];
  /**
   * Rows after which a printed page ends (manual page breaks), worked out by page-layout.ts from the
   * heights, the page and the groups kept together; none when the sheet fits one page. Every page end
   * is given, so that every host prints the same rows on the same pages (ExcelJS: a break on the row;
   * Office.js: horizontalPageBreaks.add on the row after it).
   */
  breaks?: number[];
  /** The font of every cell on the sheet. */
  font: { name: string; size: number };
  page: {
    orientation: 'portrait' | 'landscape';
    /** Margins in millimetres. */
    margins: { top: number; bottom: number; left: number; right: number };
    /** Rows repeated at the top of every printed page (1-based, inclusive). */
    repeatRows?: { from: number; to: number };
    /** A1 range printed. */
    printArea: string;
    /**
     * Footer, centre: page x of y, in words of the sheet's language ("Trang &P/&N"), printed in the
     * sheet's font. The pipeline writes the sheet's own number of pages for &N (page-layout.ts knows
     * it: every page end is a manual break), and the hosts start every sheet at page 1: a whole
     * workbook printed or exported at once numbers each sheet on its own ("Trang 2/3"), where &N
     * would count the pages of every sheet printed with it (LibreOffice, Excel).
     */
    footer: string;
    /**
     * Printed at this scale (percent) rather than fit to one page wide: set with `breaks`, because
     * Excel ignores manual page breaks on a sheet fit to pages.
     */
    scale?: number;
    /** Header, centre, on every page, in the sheet's font (e.g. "KHÔNG CÔNG BỐ TẠI HỘI NGHỊ"); the same codes as the footer. */
    header?: string;
  };
  /** Protected against accidental edits (no password). */
  protect: boolean;
  /**
   * Kept out of sight (very hidden): the undo record and the saved settings are sheets the user never
   * needs to see. One that is there already is rewritten in place, never deleted (Excel refuses to
   * delete a very hidden sheet), and before anything else of the plan (src/hosts/excel/apply.ts); where
   * it stands among the sheets is no part of the plan (the xlsx host may add it again at the end).
   */
  hidden?: boolean;
}

/** A sheet a renderer makes whole: the sheet, its cells, and the defined name that marks it as owned. */
export interface CreatedSheet {
  sheet: PlanSheet;
  block: WriteBlock;
  name: { name: string; sheet: string; range: string };
}

/** A rectangle of cells whose top-left corner is at (row, col), 1-based. */
export interface WriteBlock {
  sheet: string;
  row: number;
  col: number;
  cells: PlanCell[][];
  /**
   * Columns beside a user's table first take the formats of this column of the table, row by row
   * (its font and size above all), so they print like the table; the cells' own formats then apply.
   */
  formatsFrom?: number;
}

export interface WritePlan {
  /** Owned areas of an earlier run to empty (values, formats, notes) before writing; A1 ranges. */
  clear: { sheet: string; range: string }[];
  blocks: WriteBlock[];
  /** Defined names to (re)create for the owned areas; names of an earlier run not listed here are deleted. */
  names: { name: string; sheet: string; range: string }[];
  /**
   * Widths (in characters) of the owned columns. `standard`: the width is the sheet's standard width,
   * the column having none of its own (an undo puts that back): the xlsx host takes the column's own
   * width away; a host that cannot (Office.js) sets `width`, which looks the same.
   */
  widths?: { sheet: string; col: number; width: number; standard?: boolean }[];
  /**
   * Sheets to create whole, before the blocks are written (their cells come as blocks). An owned
   * sheet of an earlier run (defined name OWNED_PREFIX + 'Trang_…' on its A1) is deleted first;
   * the plan names the new ones in `names`.
   */
  sheets?: PlanSheet[];
  /** Owned sheets of an earlier run to delete (by name). */
  dropSheets?: string[];
}

/**
 * The workbook's outline after a plan is applied, from the snapshot it was made from: the sheets
 * it creates added (their cells left out), those it drops removed, the add-in's names as planned.
 * Enough for the task pane to offer the result sheets without reading the workbook again (a Run
 * stays one read and one write); a run always reads the workbook afresh.
 */
export function outlineAfter(snapshot: WorkbookSnapshot, plan: WritePlan): WorkbookSnapshot {
  const key = (name: string) => name.toLowerCase();
  const gone = new Set([...(plan.dropSheets ?? []), ...(plan.sheets ?? []).map((s) => s.name)].map(key));
  const created = (plan.sheets ?? []).map((s) => ({ name: s.name, values: [], merges: s.merges, tables: [] }));
  return {
    sheets: [...snapshot.sheets.filter((s) => !gone.has(key(s.name))), ...created],
    names: [...snapshot.names.filter((n) => !n.name.startsWith(OWNED_PREFIX)), ...plan.names],
  };
}
