/** Plans (a run's, an undo's, a test's own) applied to an .xlsx file in memory, through the xlsx host, as the command does it. */
import type * as ExcelJS from 'exceljs';
import { applyPlan } from '../../src/hosts/xlsx/apply';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { runPipeline, type RunOutcome, type RunRequest } from '../../src/workbook/pipeline';
import type { WritePlan } from '../../src/workbook/plan';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { planUndo, type UndoOutcome } from '../../src/workbook/bookkeeping/undo';

export interface Written {
  /** The workbook written (the input when nothing was planned). */
  buffer: Buffer;
  /** The written workbook read back. */
  workbook: ExcelJS.Workbook;
  snapshot: WorkbookSnapshot;
}

export interface Applied<T> extends Written {
  run: T;
}

/** An ExcelJS workbook as an .xlsx file's bytes (to make a test's input). */
export async function xlsxBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Plans applied one after the other to a file's bytes: the bytes written, and the workbook read back. */
export async function applyXlsx(bytes: Buffer | Uint8Array, ...plans: WritePlan[]): Promise<Written> {
  let out: Uint8Array = bytes;
  for (const plan of plans) out = await applyPlan(out, plan);
  const buffer = Buffer.from(out);
  return { buffer, ...(await readXlsx(buffer)) };
}

async function applied<T extends { plan?: WritePlan }>(buffer: Buffer, plan: (snapshot: WorkbookSnapshot) => T): Promise<Applied<T>> {
  const outcome = plan((await readXlsx(buffer)).snapshot);
  return { run: outcome, ...(await applyXlsx(buffer, ...(outcome.plan ? [outcome.plan] : []))) };
}

export const runXlsx = (buffer: Buffer, request: RunRequest): Promise<Applied<RunOutcome>> => applied(buffer, (s) => runPipeline(s, request));

export const undoXlsx = (buffer: Buffer, now = '2026-11-25T10:00'): Promise<Applied<UndoOutcome>> => applied(buffer, (s) => planUndo(s, { lang: 'vi', now }));
