import type * as ExcelJS from 'exceljs';
import type { WritePlan } from '../../workbook/plan';
import type { WorkbookSnapshot } from '../../workbook/snapshot';
import { localNow, type WorkbookSession } from '../session';
import { applyPlan } from './apply';
import { readXlsx } from './read';

type Input = Buffer | ArrayBuffer | Uint8Array;

/**
 * A WorkbookSession over an .xlsx file's bytes held in memory: for the command, the browser page
 * (which loads a file and offers the result for download) and the tests of the task pane.
 *
 * The bytes are the workbook: `apply` patches them (src/hosts/xlsx/apply.ts), `bytes()` gives them
 * back. An ExcelJS view of them (what the page's grid and print view draw, and what `read` makes
 * the snapshot from) is read when loaded and again, only when asked, after each apply: `view()`;
 * `workbook` is the view already read.
 * "Showing" a sheet cannot happen without Excel: each request is recorded in `selected`.
 */
export class XlsxSession implements WorkbookSession {
  readonly selected: { sheet: string; cell?: string }[] = [];
  private data: Uint8Array;
  private current?: { workbook: ExcelJS.Workbook; snapshot: WorkbookSnapshot };

  private constructor(
    data: Uint8Array,
    private readonly clock: () => string = () => localNow(),
  ) {
    this.data = data;
  }

  static async load(data: Input, clock?: () => string): Promise<XlsxSession> {
    const session = new XlsxSession(data instanceof Uint8Array ? data : new Uint8Array(data), clock);
    await session.view();
    return session;
  }

  /** The workbook's bytes as they are now (the file as loaded, with every plan applied since). */
  bytes(): Uint8Array {
    return this.data;
  }

  /** The ExcelJS view of the bytes as they are now (read again after an apply). */
  async view(): Promise<ExcelJS.Workbook> {
    this.current ??= await readXlsx(this.data);
    return this.current.workbook;
  }

  /** The view already read: after an apply, `await view()` first. */
  get workbook(): ExcelJS.Workbook {
    if (!this.current) throw new Error('XlsxSession: the workbook changed; await session.view() for its new view');
    return this.current.workbook;
  }

  async read(): Promise<WorkbookSnapshot> {
    await this.view();
    return this.current!.snapshot;
  }

  async apply(plan: WritePlan): Promise<void> {
    this.data = await applyPlan(this.data, plan);
    this.current = undefined;
  }

  async select(sheet: string, cell?: string): Promise<void> {
    this.selected.push(cell === undefined ? { sheet } : { sheet, cell });
  }

  now(): string {
    return this.clock();
  }
}
