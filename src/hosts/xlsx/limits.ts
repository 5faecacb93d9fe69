/**
 * What the xlsx host reads at most (README "Tệp không đọc được" / "Files the command refuses"),
 * checked by src/hosts/xlsx/package-check.ts before ExcelJS sees a byte. Far past any office's
 * workbook (a roster of 25,000 people on 20 columns is 500,000 cells), far before memory runs out:
 * ExcelJS keeps about 450 bytes per cell once loaded, and a whole run (read, run, write) peaks at
 * about 3 KB per cell (bench/limits.ts), so 500,000 cells stay under 1.6 GB, within the 2 GB that
 * Node gives a machine with 8 GB of memory.
 */
export const LIMITS = {
  /** The .xlsx file itself. */
  fileBytes: 100 * 1024 * 1024,
  /** Parts (files) in the package. */
  entries: 10_000,
  /** All parts together, inflated. */
  totalBytes: 200 * 1024 * 1024,
  /** One part, inflated. */
  partBytes: 100 * 1024 * 1024,
  /** Inflated size over compressed size, for a part above `ratioFloor` bytes inflated. */
  ratio: 200,
  ratioFloor: 1024 * 1024,
  /** Rows (<row> elements) of one sheet. */
  rows: 100_000,
  /** Cells (<c> elements) of all sheets together. */
  cells: 500_000,
  /** Shared strings (<si>). */
  strings: 500_000,
  /** Characters of one text: Excel's own limit for a cell. */
  stringChars: 32_767,
} as const;

export type Limits = { [K in keyof typeof LIMITS]: number };
