import type { WorkbookSession } from '../hosts/session';
import type { XlsxSession } from '../hosts/xlsx/session';
import type { WritePlan } from '../workbook/plan';
import type { WorkbookSnapshot } from '../workbook/snapshot';

/**
 * The page's WorkbookSession: the xlsx host's session (the file's bytes in memory), with what only
 * a screen can do. `select` shows the sheet in the grid with the cell highlighted and scrolled to;
 * after each `apply` the workbook's ExcelJS view is read again and the grid redraws. The task pane's
 * components talk to it as to Excel.
 */
export class WorkbenchSession implements WorkbookSession {
  constructor(
    readonly inner: XlsxSession,
    private readonly view: { show(sheet: string, cell?: string): void; changed(): void },
  ) {}

  get workbook() {
    return this.inner.workbook;
  }

  read(): Promise<WorkbookSnapshot> {
    return this.inner.read();
  }

  async apply(plan: WritePlan): Promise<void> {
    try {
      await this.inner.apply(plan);
    } finally {
      await this.inner.view();
      this.view.changed();
    }
  }

  async select(sheet: string, cell?: string): Promise<void> {
    await this.inner.select(sheet, cell);
    this.view.show(sheet, cell);
  }

  now(): string {
    return this.inner.now();
  }
}
