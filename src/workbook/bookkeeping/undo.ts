import type { Lang } from '../../i18n';
import type { Diagnostic } from '../../rules';
import { a1, parseRange, rangeA1 } from '../address';
import { workbookDiagnostic } from '../codes';
import { ownedAreas } from '../reader/sheets';
import { addBookkeeping, addSheets } from '../pipeline';
import { OWNED_SHEET_PREFIX, type WritePlan } from '../plan';
import type { WorkbookSnapshot } from '../snapshot';
import { readRecord, type UndoRecord } from './undo-record';
import { cellText } from '../reader/text';

/**
 * "Hoàn tác lần chạy gần nhất": removes every part the last run wrote and puts back what each
 * replaced (src/workbook/bookkeeping/undo-record.ts), as a WritePlan like any run's. One level: the record
 * then forgets the run it undid. A user's cell where a restored part would go stops the undo
 * (E-TARGET-NOT-EMPTY), as it stops a run.
 */

export interface UndoOutcome {
  plan?: WritePlan;
  diagnostics: Diagnostic[];
  ok: boolean;
}

export function planUndo(snapshot: WorkbookSnapshot, request: { lang: Lang; now?: string }): UndoOutcome {
  const { record, damaged } = readRecord(snapshot);
  if (damaged) return { diagnostics: [damaged], ok: false };
  if (!record?.wrote || !record.replaced) return { diagnostics: [workbookDiagnostic('E-NOTHING-TO-UNDO', {})], ok: false };
  const owned = ownedAreas(snapshot);
  const wrote = new Set(record.wrote);
  const plan: WritePlan = { clear: [], blocks: [], names: [], widths: [], sheets: [], dropSheets: [] };

  // Out with what the last run wrote.
  for (const o of owned) {
    if (!wrote.has(o.name)) plan.names.push({ name: o.name, sheet: o.sheet, range: rangeA1(o.range) });
    else if (o.name.startsWith(OWNED_SHEET_PREFIX)) plan.dropSheets?.push(o.sheet);
    else plan.clear.push({ sheet: o.sheet, range: rangeA1(o.range) });
  }
  // A part whose name a write that stopped part way never set (the record is written first): where the record says it went.
  for (const key of record.wrote) {
    const part = record.parts[key];
    const there = part && snapshot.sheets.some((s) => s.name.toLowerCase() === part.name.sheet.toLowerCase());
    if (!there || owned.some((o) => o.name === key)) continue;
    if (part.sheet) plan.dropSheets?.push(part.name.sheet);
    else plan.clear.push({ sheet: part.name.sheet, range: part.name.range });
  }

  // In with what it replaced: a user's cell in the way stops the undo.
  const parts = { ...record.parts };
  const restored = record.wrote.flatMap((key) => {
    const part = record.replaced?.[key];
    if (part) parts[key] = part;
    else delete parts[key];
    return part ? [part] : [];
  });
  const diagnostics: Diagnostic[] = [];
  const cleared = plan.clear.flatMap((c) => parseRange(c.range) ?? []);
  for (const part of restored.filter((p) => !p.sheet)) {
    const sheet = snapshot.sheets.find((s) => s.name.toLowerCase() === part.name.sheet.toLowerCase());
    const area = parseRange(part.name.range);
    if (!sheet || !area) continue;
    const blocked = (row: number, col: number) =>
      !cleared.some((c) => row >= c.top && row <= c.bottom && col >= c.left && col <= c.right) && cellText(sheet.values[row - 1]?.[col - 1] ?? null).trim() !== '';
    for (let row = area.top; row <= area.bottom && !diagnostics.length; row++)
      for (let col = area.left; col <= area.right && !diagnostics.length; col++)
        if (blocked(row, col)) diagnostics.push(workbookDiagnostic('E-TARGET-NOT-EMPTY', { range: part.name.range }, { sheet: sheet.name, cell: a1(row, col) }));
    plan.blocks.push(...part.blocks);
    plan.widths?.push(...(part.widths ?? []));
    plan.names.push(part.name);
  }
  if (diagnostics.length) return { diagnostics, ok: false };
  // The widths the user's columns had before the last run (after the replaced parts' own: these are what was there).
  plan.widths?.push(...(record.widths ?? []));
  // Sheets the last run dropped are free again; a user's sheet of a restored sheet's name stops the undo.
  for (const part of restored) {
    if (!part.sheet || !part.blocks.length) continue;
    const taken = addSheets(plan, [{ sheet: part.sheet, block: part.blocks[0], name: part.name }], snapshot, owned);
    if (taken) return { diagnostics: [taken], ok: false };
    plan.blocks.push(...part.blocks.slice(1));
  }

  const entry = { at: request.now ?? '', action: 'undo' as const, step: '', settings: '', sheets: [], fingerprint: '', counts: '' };
  const logTaken = addBookkeeping(plan, snapshot, owned, entry, { parts } satisfies UndoRecord, request.lang);
  if (logTaken) return { diagnostics: [logTaken], ok: false };
  return { plan, diagnostics: [], ok: true };
}
