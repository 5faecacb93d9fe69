/**
 * The Excel model (test/support/excel-model.ts) holding an .xlsx workbook — a golden workbook of
 * test/fixtures, a bench's generated file — and that workbook through the xlsx host, to compare the
 * two hosts: the one place to adapt if the xlsx host's reader or writer changes.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type * as ExcelJS from 'exceljs';
import { applyPlan } from '../../src/hosts/xlsx/apply';
import type { CheckOptions } from '../../src/hosts/xlsx/package-check';
import { readXlsx } from '../../src/hosts/xlsx/read';
import type { WritePlan } from '../../src/workbook/plan';
import type { WorkbookSnapshot } from '../../src/workbook/snapshot';
import { modelFromExcelJS, type DWorkbook } from './excel-model';

/** The same workbook through the xlsx host: read, and written by plan (the file's bytes patched, then read again). */
export interface XlsxTwin {
  readonly workbook: ExcelJS.Workbook;
  snapshot(): WorkbookSnapshot;
  apply(plan: WritePlan): Promise<void>;
}

export const fixtureFile = (name: string): Buffer => readFileSync(join(__dirname, '..', 'fixtures', name));

export async function twins(buffer: Buffer, options: CheckOptions = {}): Promise<{ book: DWorkbook; xlsx: XlsxTwin }> {
  let bytes: Uint8Array = buffer;
  let read = await readXlsx(bytes, options);
  const xlsx: XlsxTwin = {
    get workbook() {
      return read.workbook;
    },
    snapshot: () => read.snapshot,
    async apply(plan) {
      bytes = await applyPlan(bytes, plan);
      read = await readXlsx(bytes, options);
    },
  };
  return { book: modelFromExcelJS(read.workbook), xlsx };
}

export async function modelOfXlsx(buffer: Buffer, options: CheckOptions = {}): Promise<DWorkbook> {
  return (await twins(buffer, options)).book;
}

export function modelOfFixture(name: string): Promise<DWorkbook> {
  return modelOfXlsx(fixtureFile(name));
}
