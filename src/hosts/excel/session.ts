import { messages, type Lang } from '../../i18n';
import type { WritePlan } from '../../workbook/plan';
import type { WorkbookSnapshot } from '../../workbook/snapshot';
import { localNow, type WorkbookSession } from '../session';
import { applyPlan } from './apply';
import { readWorkbook } from './read';
import { missingCapabilities, missingText } from './requirements';

/**
 * The task pane's session inside Excel: one Excel.run to read (1 sync; 2 with an Excel Table), one
 * to apply the plan (1 sync unless the payload passes Excel on the web's request limit). The plan
 * is applied against the snapshot it was made from (`before`): Office.js cannot tell, without
 * another round trip, which of the add-in's names and sheets are already there.
 */
export class ExcelSession implements WorkbookSession {
  private last: WorkbookSnapshot | undefined;
  readonly limits: string[];

  constructor(lang: Lang) {
    const missing = missingCapabilities();
    this.limits = missing.length ? missingText(messages(lang), missing) : [];
  }

  async read(): Promise<WorkbookSnapshot> {
    const snapshot = await Excel.run((context) => readWorkbook(context));
    this.last = snapshot;
    return snapshot;
  }

  async apply(plan: WritePlan): Promise<void> {
    await Excel.run((context) => applyPlan(context, plan, { before: this.last }));
    this.last = undefined;
  }

  async select(sheet: string, cell?: string): Promise<void> {
    await Excel.run(async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      if (cell) worksheet.getRange(cell).select();
      await context.sync();
    });
  }

  now(): string {
    return localNow();
  }
}
