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
  /** Rows and columns the user hid (1-based, ascending), where the host can tell; absent: none known. */
  hiddenRows?: number[];
  hiddenColumns?: number[];
  /**
   * Formulas the values cannot be taken at their word for, by A1 address (the xlsx host, where a
   * file keeps no result or reaches into another workbook: src/hosts/xlsx/formulas.ts).
   */
  formulas?: Record<string, FormulaMark>;
}

/** A formula cell whose value is the host's own work, or could not be had, or comes from another workbook. */
export interface FormulaMark {
  /** The formula, without '='. */
  formula: string;
  /** computed: the host computed the value (the file kept none); not-computed: the value is blank; external: the saved value of another workbook's cell. */
  status: 'computed' | 'not-computed' | 'external';
  /** Why not computed: function, external, circular, text, error, syntax. */
  reason?: string;
  detail?: string;
  /** The other workbook (external). */
  book?: string;
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
