import type { UndoOutcome } from '../workbook/bookkeeping/undo';
import type { RunOutcome, RunRequest } from '../workbook/pipeline';
import type { WritePlan } from '../workbook/plan';
import type { WorkbookSnapshot } from '../workbook/snapshot';

/**
 * What the task pane (and the browser page) talks to, whatever holds the workbook: Excel through
 * Office.js, or an .xlsx file in memory (src/hosts/xlsx/session.ts). The pane reads a snapshot,
 * runs the pipeline itself, and hands the plan back to be applied; it never sees the host.
 */
export interface WorkbookSession {
  /** The workbook's values as plain data (src/workbook/snapshot.ts). */
  read(): Promise<WorkbookSnapshot>;
  /** Writes a run's (or an undo's) plan into the workbook. */
  apply(plan: WritePlan): Promise<void>;
  /** Shows a sheet to the user, with a cell selected ('A1', 'E9') when given. */
  select(sheet: string, cell?: string): Promise<void>;
  /** The host's local date and time, 'YYYY-MM-DDTHH:MM', for the audit log. */
  now(): string;
  /** What this host cannot do (an older Excel: no page layout, no notes…), in the user's language. */
  readonly limits?: readonly string[];
  /**
   * A host that runs the pipeline where the workbook is (the browser workbench's Web Worker, so that
   * the page stays responsive): read, run, and apply the plan when the run is ok, in one step. Hosts
   * without it leave the pane to run the pipeline itself and apply the plan.
   */
  run?(request: RunRequest): Promise<RunOutcome>;
  /** The same for undoing the last run (src/workbook/bookkeeping/undo.ts planUndo). */
  undo?(request: { lang: RunRequest['lang']; now?: string }): Promise<UndoOutcome>;
  /** Set where the add-in cannot run at all (an Excel older than it needs): what it needs, in the user's language; nothing is read. */
  readonly unsupported?: string;
}

/** A Date as local 'YYYY-MM-DDTHH:MM' (the clock belongs to the host, never to the rules). */
export function localNow(date: Date = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())}T${two(date.getHours())}:${two(date.getMinutes())}`;
}
