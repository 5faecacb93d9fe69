import type { CellValue } from '../snapshot';

/**
 * A table as the reader finds it (header.ts) and reads it (rows.ts): the columns its header names,
 * then its data rows. Plain types, shared by every room of the reader.
 */

export interface FieldSpec {
  key: string;
  /** Folded phrases that name the column ("ho va ten"); the longest match wins. */
  phrases: string[];
  /** Folded phrases that rule a label out ("khong dong y" is not "dong y"). */
  exclude?: string[];
}

export interface TableSpec {
  fields: FieldSpec[];
  /** Keys that must all be found for a header to count. */
  required: string[][];
}

export interface TableCell {
  value: CellValue;
  col: number;
  font?: string;
}

/** A data row: its values in the order of the table's `keys` (kept lean: long lists hold many). */
export interface TableRow {
  /** 1-based sheet row. */
  row: number;
  values: CellValue[];
  /** Font names in the same order, where the sheet records any. */
  fonts?: (string | undefined)[];
  /** The section heading above this row, if the table is split into sections ("I. Trưởng phòng"). */
  section?: string;
}

export interface FoundTable {
  sheet: string;
  headerTop: number;
  headerBottom: number;
  left: number;
  right: number;
  columns: Record<string, number>;
  /** Annual rating columns ("Xếp loại năm 2024"): year → column. */
  ratingYears: { year: number; col: number }[];
  /** Field keys of the columns read, and their sheet columns (same order as each row's values). */
  keys: string[];
  keyCols: number[];
  rows: TableRow[];
  /** Row after the last data row. */
  end: number;
  /** Last row of an Excel table (ListObject), where the table is one. */
  tableBottom?: number;
  /** The table's last column, counting headed columns the spec does not read ("Ghi chú"). */
  lastCol: number;
  /** How many fields matched (to compare candidate sheets). */
  score: number;
}
