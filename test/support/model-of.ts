/**
 * The Excel model (test/support/excel-model.ts) holding an .xlsx workbook — a golden workbook of
 * test/fixtures, a bench's generated file — and that workbook through the xlsx host, to compare the
 * two hosts: the one place to adapt if the xlsx host's reader or writer changes.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type * as ExcelJS from 'exceljs';
import { applyPlan } from '../../src/hosts/xlsx/apply';
import { readXlsx, snapshotOf } from '../../src/hosts/xlsx/read';
import type { WritePlan } from '../../src/workbook/plan';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { modelFromExcelJS, type DWorkbook } from './excel-model';

/** The same workbook through the xlsx host: read, and written by plan. */
export interface XlsxTwin {
  workbook: ExcelJS.Workbook;
  snapshot(): WorkbookSnapshot;
  apply(plan: WritePlan): void;
}

export const fixtureFile = (name: string): Buffer => readFileSync(join(__dirname, '..', 'fixtures', name));

export async function twins(buffer: Buffer): Promise<{ book: DWorkbook; xlsx: XlsxTwin }> {
  const { workbook } = await readXlsx(buffer);
  return { book: modelFromExcelJS(workbook), xlsx: { workbook, snapshot: () => snapshotOf(workbook), apply: (plan) => applyPlan(workbook, plan) } };
}

export async function modelOfXlsx(buffer: Buffer): Promise<DWorkbook> {
  return (await twins(buffer)).book;
}

export function modelOfFixture(name: string): Promise<DWorkbook> {
  return modelOfXlsx(fixtureFile(name));
}
