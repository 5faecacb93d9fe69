import type * as ExcelJS from 'exceljs';
import type { WritePlan } from '../../workbook/plan';
import type { WorkbookSnapshot } from '../../workbook/snapshot';
import { localNow, type WorkbookSession } from '../session';
import { applyPlan } from './apply';
import { readXlsx, snapshotOf } from './read';

/**
 * A WorkbookSession over an ExcelJS workbook held in memory: for the tests of the task pane and
 * the browser page (issue 7), which loads an .xlsx file and offers it back for download.
 * "Showing" a sheet cannot happen without Excel: each request is recorded in `selected`.
 */
export class XlsxSession implements WorkbookSession {
  readonly selected: { sheet: string; cell?: string }[] = [];

  constructor(
    readonly workbook: ExcelJS.Workbook,
    private readonly clock: () => string = () => localNow(),
  ) {}

  static async load(data: Buffer | ArrayBuffer | Uint8Array, clock?: () => string): Promise<XlsxSession> {
    return new XlsxSession((await readXlsx(data)).workbook, clock);
  }

  async read(): Promise<WorkbookSnapshot> {
    return snapshotOf(this.workbook);
  }

  async apply(plan: WritePlan): Promise<void> {
    applyPlan(this.workbook, plan);
  }

  async select(sheet: string, cell?: string): Promise<void> {
    this.selected.push(cell === undefined ? { sheet } : { sheet, cell });
  }

  now(): string {
    return this.clock();
  }
}
