import type { CellValue } from '../snapshot';

/**
 * A table as the reader finds it (header.ts) and reads it (rows.ts): the columns its header names,
 * then its data rows, and what reading left out and why. Plain types, shared by every room of the reader.
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
  /**
   * Fields several columns may name (this year's and last year's votes): every column that could be
   * the field is kept as a candidate, for vote-columns.ts to choose among, never silently the first.
   */
  choose?: string[];
  /**
   * Column groups per title ("Chức danh Trưởng phòng" merged over "Số phiếu | Tỷ lệ"): the fields read
   * inside each group; a group's label names its title. Folded words a title's label starts with.
   */
  groups?: { fields: string[]; titleWords: string[] };
  /** Columns whose values the add-in works out itself ("Tỷ lệ %"): recognised, never read. */
  computed?: FieldSpec;
}

/** How one of several columns that could be a field was chosen (vote-columns.ts). */
export interface ColumnChoice {
  field: 'agree' | 'removeAgree';
  /** The column read; undefined where the choice is not clear. */
  chosen?: number;
  /** Every column that could be the field (the chosen one among them). */
  candidates: number[];
  why: 'user' | 'visible' | 'year' | 'heading' | 'unclear';
}

/** A group of columns headed by a title: its vote columns, by field key. */
export interface ColumnGroup {
  /** The title as written in the group's label ("Chức danh Trưởng phòng"). */
  title: string;
  /** The group's label cell, its first and last column. */
  row: number;
  left: number;
  right: number;
  columns: Record<string, number>;
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

/** Why a row inside a table was not read as data. */
export type RowReason = 'blank' | 'numbering' | 'section' | 'repeated-header' | 'total' | 'hidden';
/** Why the rows of a table ended. */
export type EndReason = 'sheet-end' | 'table-end' | 'blank' | 'signature' | 'note' | 'text' | 'next-table';

export interface SkippedRows {
  from: number;
  to: number;
  reason: RowReason;
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
  /** Vote columns per title, where the header groups them (TableSpec.groups). */
  groups: ColumnGroup[];
  /** Every column that could be a `choose` field, where more than one could (vote-columns.ts chooses). */
  candidates: Record<string, number[]>;
  /** How vote-columns.ts chose among them (or that it could not). */
  choices?: ColumnChoice[];
  /** Field keys of the columns read, and their sheet columns (same order as each row's values). */
  keys: string[];
  keyCols: number[];
  rows: TableRow[];
  /** Row after the last data row. */
  end: number;
  /** Rows inside the table not read as data, with the reason (consecutive rows of one reason together). */
  skipped: SkippedRows[];
  /** Where and why the rows ended. */
  ended?: { row: number; reason: EndReason };
  /** Hidden rows inside the table that hold data (not read: RowReason 'hidden'). */
  hiddenData: number[];
  /** Last row of an Excel table (ListObject), where the table is one. */
  tableBottom?: number;
  /** The table's last column, counting headed columns the spec does not read ("Ghi chú"). */
  lastCol: number;
  /** Rows of the sheet that belong to this table's page: from `above` (titles) to `below` (signatures, ballots). */
  above: number;
  below: number;
  /** How many fields matched (to compare candidate sheets). */
  score: number;
}
