import type { CreatedSheet, PlanCell } from '../plan';
import { A4_MARGINS } from '../render/printed-sheet';
import type { WorkbookSnapshot } from '../snapshot';
import { cellText } from '../reader/text';

/**
 * Data the add-in keeps in the workbook itself (the undo record, the saved settings): JSON in
 * column A of a very hidden, protected sheet it owns, after a line for the curious in A1. A sheet
 * survives Excel for Mac and the web, and the command line reads it as plain values.
 */

/** Below the 32,767 characters an Excel cell holds. */
const CHUNK = 30_000;
/** Each piece starts with this, so none starts with '=' (a formula to Excel). */
export const PIECE = '~';

export function jsonSheet(spec: { name: string; definedName: string; heading: string; json: string }): CreatedSheet {
  const { name, json } = spec;
  const rows: PlanCell[][] = [[{ value: spec.heading }]];
  for (let i = 0; i < json.length; ) {
    // Never split a surrogate pair.
    let end = Math.min(i + CHUNK, json.length);
    if (end < json.length && /[\uD800-\uDBFF]/.test(json[end - 1])) end--;
    rows.push([{ value: PIECE + json.slice(i, end) }]);
    i = end;
  }
  return {
    sheet: {
      name,
      widths: [100],
      merges: [],
      font: { name: 'Times New Roman', size: 11 },
      page: { orientation: 'portrait', margins: A4_MARGINS, printArea: `A1:A${rows.length}`, footer: '' },
      protect: true,
      hidden: true,
    },
    block: { sheet: name, row: 1, col: 1, cells: rows },
    name: { name: spec.definedName, sheet: name, range: 'A1' },
  };
}

/** The pieces below A1 of the sheet a defined name marks (trailing blanks left out), as they are. */
export function jsonCells(snapshot: WorkbookSnapshot, definedName: string): string[] | undefined {
  const name = snapshot.names.find((n) => n.name === definedName);
  const sheet = name && snapshot.sheets.find((s) => s.name.toLowerCase() === name.sheet.toLowerCase());
  if (!sheet) return undefined;
  const cells = sheet.values.slice(1).map((row) => cellText(row?.[0] ?? null));
  while (cells.length && cells[cells.length - 1] === '') cells.pop();
  return cells;
}
