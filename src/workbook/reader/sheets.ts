import { nameKey, type Diagnostic } from '../../rules';
import { parseRange, type RangePos } from '../address';
import { workbookDiagnostic } from '../codes';
import { OWNED_PREFIX, OWNED_SHEET_PREFIX } from '../plan';
import type { WorkbookSnapshot } from '../snapshot';
import { SheetView } from './sheet-view';
import type { FoundTable } from './table';

/**
 * The sheets a run reads: the user's (the add-in's own sheets and areas left out), and which of
 * them holds each table when several could — the one named, else the one preferred, else the best.
 */

/** An area an earlier run wrote, marked by its defined name. */
export interface OwnedArea {
  sheet: string;
  name: string;
  range: RangePos;
}

/** Areas an earlier run wrote, found by their defined names. */
export function ownedAreas(snapshot: WorkbookSnapshot): OwnedArea[] {
  return snapshot.names.flatMap((n) => {
    const range = n.name.startsWith(OWNED_PREFIX) ? parseRange(n.range) : undefined;
    return range ? [{ sheet: n.sheet, name: n.name, range }] : [];
  });
}

/** The sheets to read: the user's, with the add-in's own areas hidden (sheets it created are skipped whole). */
export function views(snapshot: WorkbookSnapshot, owned: readonly OwnedArea[]): SheetView[] {
  const created = new Set(owned.filter((o) => o.name.startsWith(OWNED_SHEET_PREFIX)).map((o) => o.sheet));
  return snapshot.sheets.filter((s) => !created.has(s.name)).map((s) => new SheetView(s, owned.filter((o) => o.sheet === s.name).map((o) => o.range)));
}

/** A sheet whose header matched a table's layout (rows not read yet). */
export interface Candidate<T = unknown> {
  view: SheetView;
  table: FoundTable;
  extra?: T;
}

/** The sheet for a role: the one named, else the one found, else the one preferred, else the best score (or E-SHEET-AMBIGUOUS). */
export function pick<T>(kind: string, named: string | undefined, found: Candidate<T>[], all: SheetView[], diagnostics: Diagnostic[], prefer?: (c: Candidate<T>) => boolean): Candidate<T> | undefined {
  if (named) {
    const view = all.find((v) => v.name === named) ?? all.find((v) => nameKey(v.name) === nameKey(named));
    if (!view) {
      diagnostics.push(workbookDiagnostic('E-SHEET-NOT-FOUND', { kind, sheet: named }));
      return undefined;
    }
    const hit = found.find((c) => c.view === view);
    if (!hit) diagnostics.push(workbookDiagnostic('E-NO-TABLE', { kind, sheet: view.name }, { sheet: view.name }));
    return hit;
  }
  if (found.length <= 1) return found[0];
  const preferred = prefer ? found.filter(prefer) : [];
  if (preferred.length === 1) return preferred[0];
  const pool = preferred.length ? preferred : found;
  const best = Math.max(...pool.map((c) => c.table.score));
  const top = pool.filter((c) => c.table.score === best);
  if (top.length === 1) return top[0];
  diagnostics.push(workbookDiagnostic('E-SHEET-AMBIGUOUS', { kind, sheets: top.map((c) => c.view.name) }));
  return undefined;
}
