/**
 * What a host reads from a workbook (docs/ARCHITECTURE.md "read"): plain data, the same from
 * Office.js and from an .xlsx file, so parsing never knows where it came from.
 */

/** A cell as Excel holds it: dates are serial numbers (see numberFormats), formulas their results. */
export type CellValue = string | number | boolean | null | { error: string };

export interface SheetSnapshot {
  name: string;
  /** Rows × columns from A1 to the end of the used range (ragged rows allowed; missing = null). */
  values: CellValue[][];
  /** Number formats, same shape as values where known ("dd/mm/yyyy", "General", …). */
  numberFormats?: (string | null)[][];
  /** Font names by A1 address, where known and not the workbook default (for .VnTime / VNI text). */
  fonts?: Record<string, string>;
  /** Merged areas, A1 ranges ("A1:F1"). */
  merges: string[];
  /** Excel Tables (ListObjects): name and A1 range including the header row. */
  tables: { name: string; range: string }[];
  /**
   * Widths of the columns from A (WIDTH_COLUMNS of them at most, those of the sheet's standard
   * width at the end left out), as the file gives them (characters and padding); null for a column
   * of the sheet's standard width. What an undo puts back where a run set a column's width.
   * Absent where the host cannot read them.
   */
  widths?: (number | null)[];
}

/** How many columns from A a snapshot holds the widths of: past any table's result columns in an office workbook. */
export const WIDTH_COLUMNS = 64;

export interface DefinedName {
  name: string;
  sheet: string;
  /** A1 range on that sheet. */
  range: string;
}

export interface WorkbookSnapshot {
  sheets: SheetSnapshot[];
  /** Workbook-level defined names that point at a range (the add-in marks its own areas with them). */
  names: DefinedName[];
}
