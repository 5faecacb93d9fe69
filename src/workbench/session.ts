import type { WorkbookSession } from '../hosts/session';
import { localNow } from '../hosts/session';
import type { WritePlan } from '../workbook/plan';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import type { SheetData } from './sheet-view';
import type { WorkbookWorker } from './worker-client';

/**
 * The page's WorkbookSession: the workbook lives in the workbench's Web Worker (./worker.ts); the
 * task pane's components talk to this as to Excel. `select` shows the sheet in the grid with the
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

  async select(sheet: string, cell?: string): Promise<void> {
    this.view.show(sheet, cell);
  }

  now(): string {
    return this.clock();
  }
}
