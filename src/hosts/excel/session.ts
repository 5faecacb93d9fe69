import { messages, type Lang } from '../../i18n';
import type { WritePlan } from '../../workbook/plan';
import type { WorkbookSnapshot } from '../../workbook/snapshot';
import { localNow, type WorkbookSession } from '../session';
import { applyPlan, WorkbookChanged, WriteFailed } from './apply';
import { errorCode, expectedAnswer, readWorkbook, type Expected } from './read';
import { abilities, MINIMUM_EXCEL_API, missingCapabilities, missingText } from './requirements';

/**
 * The task pane's session inside Excel. Every batch is an `Excel.run({ delayForCellEdit: true })`:
 * sent while the user types in a cell, it waits until they leave it (an Excel without that option
 * refuses it, and the pane says why). A run is a read (one sync while the answer fits one request)
 * and a write: first the check that the cells read are unchanged (one more sync), then the plan, in
 * as many syncs as keep each request under Excel on the web's limit. The plan is applied against the
 * snapshot it was made from (`last`): Office.js cannot tell, without another round trip, which of
 * the add-in's names and sheets are already there.
 */
export class ExcelSession implements WorkbookSession {
  /** The snapshot the next plan is made from (the last read); what the next read will answer (bytes). */
  private last: WorkbookSnapshot | undefined;
  private expected: Expected | undefined;
  readonly limits: string[];
  readonly unsupported?: string;

  constructor(private readonly lang: Lang) {
    const m = messages(lang);
    if (!abilities().enough) this.unsupported = m.excel.needs(MINIMUM_EXCEL_API);
    const missing = missingCapabilities();
    this.limits = missing.length ? missingText(m, missing) : [];
  }

  async read(): Promise<WorkbookSnapshot> {
    if (this.unsupported) throw new Error(this.unsupported);
    const snapshot = await this.batch((context) => readWorkbook(context, { expected: this.expected }));
    this.last = snapshot;
    this.expected = expectedAnswer(snapshot);
    return snapshot;
  }

  async apply(plan: WritePlan): Promise<void> {
    const before = this.last;
    this.last = undefined;
    if (before) this.expected = expectedAnswer(before, plan);
    await this.batch((context) => applyPlan(context, plan, { before, check: before !== undefined }));
  }

  async select(sheet: string, cell?: string): Promise<void> {
    await this.batch(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      if (cell) worksheet.getRange(cell).select();
      await context.sync();
    });
  }

  now(): string {
    return localNow();
  }

  /** One Excel.run, its failures said in the user's words. */
  private async batch<T>(work: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
    try {
      return await Excel.run({ delayForCellEdit: true }, work);
    } catch (e) {
      throw new Error(this.explain(e), { cause: e });
    }
  }

  private explain(e: unknown): string {
    const m = messages(this.lang).excel;
    if (e instanceof WorkbookChanged) return m.changed(e.cell ? `${e.sheet}!${e.cell}` : e.sheet);
    const cause = e instanceof WriteFailed ? e.cause : e;
    if (errorCode(cause) === 'InvalidOperationInCellEditMode') return m.cellEdit;
    const reason = cause && typeof cause === 'object' && 'message' in cause ? String((cause as { message: unknown }).message) : String(cause);
    if (e instanceof WriteFailed) return e.written.length ? m.partlyWritten(e.written, reason) : m.notWritten(reason);
    return reason;
  }
}
