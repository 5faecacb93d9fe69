/**
 * Runs of the pipeline on the golden fixtures and the 120-person list of the print tests, applied
 * to the file and read back as the workbench does (src/hosts/xlsx/session.ts): the manual page
 * breaks are on the worksheets (read.ts reads them back from the file, which ExcelJS does not).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type * as ExcelJS from 'exceljs';
import type { RunRequest } from '../../src/workbook/pipeline';
import { longWorkbook } from '../print/long-roster';
import { runXlsx } from '../support/xlsx-run';

export interface RunCase {
  label: string;
  file: string | (() => Promise<Buffer>);
  request: RunRequest;
  /**
   * Pages of every sheet the run creates to be printed, as LibreOffice prints them (test/print:
   * soffice → PDF → pdfinfo on each sheet printed alone; counted on 2026-11-25 for these runs).
   */
  pages: Record<string, number>;
}

export const RUNS: RunCase[] = [
  { label: 'next-term step 1', file: 'next-term-1-roster.xlsx', request: { procedure: 'next-term', step: 1, lang: 'vi', overrides: { termStart: '2026-01-01' } }, pages: { 'Rà soát Kế tiếp B1': 2, 'Nhật ký Quy Hoạch': 1 } },
  { label: 'next-term step 2', file: 'next-term-2-staff.xlsx', request: { procedure: 'next-term', step: 2, lang: 'vi' }, pages: { 'KQ Kế tiếp B2': 1, 'BB Kế tiếp B2': 2, 'Nhật ký Quy Hoạch': 1 } },
  { label: 'next-term step 3', file: 'next-term-3-leadership.xlsx', request: { procedure: 'next-term', step: 3, lang: 'vi' }, pages: { 'KQ Kế tiếp B3': 1, 'BB Kế tiếp B3': 2, 'Nhật ký Quy Hoạch': 1 } },
  { label: 'annual-local step 1', file: 'annual-local-1-review.xlsx', request: { procedure: 'annual-local', step: 1, lang: 'vi' }, pages: { 'KQ Hằng năm B1': 1, 'BB Hằng năm B1': 2, 'Nhật ký Quy Hoạch': 1 } },
  { label: 'annual-local step 2', file: 'annual-local-2-leadership.xlsx', request: { procedure: 'annual-local', step: 2, lang: 'vi' }, pages: { 'KQ Hằng năm B2': 1, 'BB Hằng năm B2': 2, 'Nhật ký Quy Hoạch': 1 } },
  { label: 'annual-external step 1', file: 'annual-external-1-gap.xlsx', request: { procedure: 'annual-external', step: 1, lang: 'vi', overrides: { termStart: '2026-01-01' } }, pages: { 'Thiếu hụt Nơi khác B1': 2, 'Nhật ký Quy Hoạch': 1 } },
  { label: 'annual-external step 4', file: 'annual-external-4-leadership.xlsx', request: { procedure: 'annual-external', step: 4, lang: 'vi' }, pages: { 'KQ Nơi khác B4': 1, 'BB Nơi khác B4': 2, 'Nhật ký Quy Hoạch': 1 } },
  { label: 'the 120-person list (next-term step 2)', file: longWorkbook, request: { procedure: 'next-term', step: 2, lang: 'vi' }, pages: { 'KQ Kế tiếp B2': 6, 'BB Kế tiếp B2': 5, 'Nhật ký Quy Hoạch': 1 } },
];

export async function inputOf(c: RunCase): Promise<Buffer> {
  return typeof c.file === 'string' ? readFileSync(join(__dirname, '..', 'fixtures', c.file)) : c.file();
}

/** The run applied to the workbook: the ExcelJS view of the file written. */
export async function runInMemory(c: RunCase): Promise<ExcelJS.Workbook> {
  const applied = await runXlsx(await inputOf(c), c.request);
  if (!applied.run.ok || !applied.run.plan) throw new Error(`${c.label}: the run failed: ${applied.run.diagnostics.map((d) => d.code).join(', ')}`);
  return applied.workbook;
}
