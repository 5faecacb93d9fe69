/**
 * The formula marks of the sheets a run reads (SheetSnapshot.formulas, set by the xlsx host:
 * src/hosts/xlsx/formulas.ts) as diagnostics at their cells: a value the host computed because the
 * file kept none (W-FORMULA-COMPUTED), one it could not compute (E-FORMULA-NOT-COMPUTED: the run
 * stops, never reading the cell as blank), one taken from another workbook (W-EXTERNAL-LINK). The
 * blank-count warning of a cell that is really an uncomputed formula gives way to the error.
 */
import type { Diagnostic } from '../rules';
import { parseCell } from './address';
import { workbookDiagnostic } from './codes';
import type { WorkbookSnapshot } from './snapshot';
import { sheetsRead } from './bookkeeping/fingerprint';
import type { ParsedWorkbook } from './reader/parse';

export function withFormulaNotes(snapshot: WorkbookSnapshot, parsed: ParsedWorkbook): Diagnostic[] {
  const notes: Diagnostic[] = [];
  const uncomputed = new Set<string>();
  for (const name of sheetsRead(parsed)) {
    const sheet = snapshot.sheets.find((s) => s.name === name);
    // The add-in's own areas (result columns of an earlier run) are not the user's data.
    const owned = parsed.owned.filter((o) => o.sheet === name).map((o) => o.range);
    for (const [cell, mark] of Object.entries(sheet?.formulas ?? {})) {
      const pos = parseCell(cell);
      if (pos && owned.some((r) => pos.row >= r.top && pos.row <= r.bottom && pos.col >= r.left && pos.col <= r.right)) continue;
      const at = { sheet: name, cell };
      if (mark.status === 'computed') {
        notes.push(workbookDiagnostic('W-FORMULA-COMPUTED', { formula: mark.formula, value: String(pos ? (sheet?.values[pos.row - 1]?.[pos.col - 1] ?? '') : '') }, at));
      } else if (mark.status === 'external') notes.push(workbookDiagnostic('W-EXTERNAL-LINK', { formula: mark.formula, book: mark.book ?? '' }, at));
      else {
        uncomputed.add(`${name}!${cell}`);
        notes.push(workbookDiagnostic('E-FORMULA-NOT-COMPUTED', { formula: mark.formula, reason: mark.reason ?? '', detail: mark.detail ?? '' }, at));
      }
    }
  }
  const kept = parsed.diagnostics.filter((d) => !(d.code === 'W-COUNT-BLANK' && uncomputed.has(`${d.at?.sheet}!${d.at?.cell}`)));
  return [...notes, ...kept];
}
