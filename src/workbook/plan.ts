/**
 * What a run writes (shared/DESIGN.md "render → apply"): pure data that every host applies the same way.
 * A run writes only into areas it owns; each owned area carries a defined name (prefix OWNED_PREFIX)
 * so the next run finds it, clears it and writes it again.
 */

export const OWNED_PREFIX = 'QuyHoach_';

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
}
