/**
 * What a run writes (shared/DESIGN.md "render → apply"): pure data that every host applies the same way.
 * A run writes only into areas it owns; each owned area carries a defined name (prefix OWNED_PREFIX)
 * so the next run finds it, clears it and writes it again.
 */

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
}

/** A sheet the add-in creates whole: its page is laid out for printing (Nghị định 30/2020). */
export interface PlanSheet {
  name: string;
  /** Column widths in characters, from column A. */
  widths: number[];
  /** Merged areas, A1 ranges. */
  merges: string[];
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
    /** Footer, centre: page x of y, in words of the sheet's language ("Trang &P/&N"). */
    footer: string;
  };
  /** Protected against accidental edits (no password). */
  protect: boolean;
}

/** A rectangle of cells whose top-left corner is at (row, col), 1-based. */
export interface WriteBlock {
  sheet: string;
  row: number;
  col: number;
  cells: PlanCell[][];
}

export interface WritePlan {
  /** Owned areas of an earlier run to empty (values, formats, notes) before writing; A1 ranges. */
  clear: { sheet: string; range: string }[];
  blocks: WriteBlock[];
  /** Defined names to (re)create for the owned areas; names of an earlier run not listed here are deleted. */
  names: { name: string; sheet: string; range: string }[];
  /** Widths (in characters) of the owned columns. */
  widths?: { sheet: string; col: number; width: number }[];
  /**
   * Sheets to create whole, before the blocks are written (their cells come as blocks). An owned
   * sheet of an earlier run (defined name OWNED_PREFIX + 'Trang_…' on its A1) is deleted first;
   * the plan names the new ones in `names`.
   */
  sheets?: PlanSheet[];
  /** Owned sheets of an earlier run to delete (by name). */
  dropSheets?: string[];
}
