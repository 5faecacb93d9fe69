/** One run (or undo) of the pipeline on an .xlsx file in memory, through the xlsx host, as the command does it. */
import * as ExcelJS from 'exceljs';
import { applyPlan, writeXlsx } from '../../src/hosts/xlsx/apply';
import { readXlsx, snapshotOf } from '../../src/hosts/xlsx/read';
import { runPipeline, type RunOutcome, type RunRequest } from '../../src/workbook/pipeline';
import { planUndo, type UndoOutcome } from '../../src/workbook/bookkeeping/undo';

export interface Applied<T> {
  run: T;
  /** The workbook written (the input when nothing was planned). */
  buffer: Buffer;
  /** The written workbook read back. */
  workbook: ExcelJS.Workbook;
}

async function applied<T extends { plan?: RunOutcome['plan'] }>(buffer: Buffer, plan: (wb: ExcelJS.Workbook) => T): Promise<Applied<T>> {
  const { workbook } = await readXlsx(buffer);
  const outcome = plan(workbook);
  if (outcome.plan) applyPlan(workbook, outcome.plan);
  const out = outcome.plan ? await writeXlsx(workbook) : buffer;
  return { run: outcome, buffer: out, workbook: (await readXlsx(out)).workbook };
}

export const runXlsx = (buffer: Buffer, request: RunRequest): Promise<Applied<RunOutcome>> => applied(buffer, (wb) => runPipeline(snapshotOf(wb), request));

export const undoXlsx = (buffer: Buffer, now = '2026-11-25T10:00'): Promise<Applied<UndoOutcome>> => applied(buffer, (wb) => planUndo(snapshotOf(wb), { lang: 'vi', now }));
