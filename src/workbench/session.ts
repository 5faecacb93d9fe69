import type { WorkbookSession } from '../hosts/session';
import { localNow } from '../hosts/session';
import type { UndoOutcome } from '../workbook/bookkeeping/undo';
import type { RunOutcome, RunRequest } from '../workbook/pipeline';
import type { WritePlan } from '../workbook/plan';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import type { SheetData } from './sheet-view';
import type { WorkbookWorker } from './worker-client';

/**
 * The page's WorkbookSession: the workbook lives in the workbench's Web Worker (./worker.ts); the
 * task pane's components talk to this as to Excel; runs and undos happen in the worker too (`run`,
 * `undo`). `select` shows the sheet in the grid with the
 * cell highlighted and scrolled to; after each `apply` the grid redraws from the sheets the worker
 * hands back.
 */
export class WorkbenchSession implements WorkbookSession {
  constructor(
    readonly worker: WorkbookWorker,
    private readonly view: { show(sheet: string, cell?: string): void; changed(sheets?: SheetData[]): void },
    private readonly clock: () => string = () => localNow(),
  ) {}

  read(): Promise<WorkbookSnapshot> {
    return this.worker.read();
  }

  async apply(plan: WritePlan): Promise<void> {
    let sheets: SheetData[] | undefined;
    try {
      sheets = await this.worker.apply(plan);
    } finally {
      this.view.changed(sheets);
    }
  }

  /** The run in the worker (read, pipeline, apply): the page stays responsive on a large workbook. */
  async run(request: RunRequest): Promise<RunOutcome> {
    const { outcome, sheets } = await this.worker.run(request);
    if (sheets) this.view.changed(sheets);
    return outcome;
  }

  async undo(request: { lang: RunRequest['lang']; now?: string }): Promise<UndoOutcome> {
    const { outcome, sheets } = await this.worker.undo(request);
    if (sheets) this.view.changed(sheets);
    return outcome;
  }

  async select(sheet: string, cell?: string): Promise<void> {
    this.view.show(sheet, cell);
  }

  now(): string {
    return this.clock();
  }
}
