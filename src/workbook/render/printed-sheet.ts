import { messages, type Lang } from '../../i18n';
import { rangeA1 } from '../address';
import type { CreatedSheet, PlanCell, PlanSheet } from '../plan';

/**
 * A sheet the add-in creates to be printed and filed, laid out after Nghị định 30/2020/NĐ-CP:
 * A4, margins top and bottom 20 mm, left 30 mm, right 15 mm, Times New Roman, page numbers
 * "Trang x/y", the print area over every row, protected against accidental edits. One maker for
 * the shortlist, the minutes, the review report and the run log.
 */

/** Nghị định 30/2020/NĐ-CP, Phụ lục I: page margins in millimetres. */
export const A4_MARGINS = { top: 20, bottom: 20, left: 30, right: 15 };
export const PRINT_FONT = 'Times New Roman';

export interface PrintedSheetSpec {
  name: string;
  /** The defined name on A1 that marks the sheet as the add-in's. */
  definedName: string;
  lang: Lang;
  rows: PlanCell[][];
  widths: number[];
  orientation: PlanSheet['page']['orientation'];
  merges?: string[];
  keep?: PlanSheet['keep'];
  heights?: PlanSheet['heights'];
  /** The row of column headings, repeated on every printed page. */
  headerRow?: number;
  /** Printed at the top of every page. */
  header?: string;
  /** Font size in points (13 unless said). */
  size?: number;
}

export function printedSheet(spec: PrintedSheetSpec): CreatedSheet {
  const { name, rows, widths } = spec;
  const sheet: PlanSheet = {
    name,
    widths,
    merges: spec.merges ?? [],
    ...(spec.keep?.length ? { keep: spec.keep } : {}),
    ...(spec.heights?.length ? { heights: spec.heights } : {}),
    font: { name: PRINT_FONT, size: spec.size ?? 13 },
    page: {
      orientation: spec.orientation,
      margins: A4_MARGINS,
      ...(spec.headerRow ? { repeatRows: { from: spec.headerRow, to: spec.headerRow } } : {}),
      printArea: rangeA1({ top: 1, left: 1, bottom: Math.max(1, rows.length), right: widths.length }),
      footer: messages(spec.lang).sheets.footer,
      ...(spec.header ? { header: spec.header } : {}),
    },
    protect: true,
  };
  return { sheet, block: { sheet: name, row: 1, col: 1, cells: rows }, name: { name: spec.definedName, sheet: name, range: 'A1' } };
}
