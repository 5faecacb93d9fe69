/**
 * The Excel host (src/hosts/excel) against the Office.js double (test/support/office-double.ts):
 * every golden workbook the command runs to a result (test/cli/golden.test.ts) goes through
 * runPipeline on the xlsx host and on the Excel host, and both must read the same snapshot, make
 * the same plan and leave the same workbook (values, number formats, fills, font colours, bold,
 * notes, merges, names, created sheets with their page setup, protection and visibility), in
 * 2 round trips (one to read, one to write) — 3 when the workbook has an Excel Table (its range
 * takes a second read).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import type * as ExcelJS from 'exceljs';
import { applyPlan as applyExcel } from '../../../src/hosts/excel/apply';
import { readWorkbook } from '../../../src/hosts/excel/read';
import { readXlsx, snapshotOf } from '../../../src/hosts/xlsx/read';
import { runPipeline, type RunRequest } from '../../../src/workbook/pipeline';
import type { WritePlan } from '../../../src/workbook/plan';
import { planUndo } from '../../../src/workbook/bookkeeping/undo';
import { GOLDEN_RUNS } from '../../support/golden-runs';
import { applyXlsx, type Written } from '../../support/xlsx-run';
import { DoubleContext, doubleFromExcelJS, looksOfDouble, looksOfExcelJS, pageOfDouble, pageOfExcelJS, type DWorkbook } from '../../support/office-double';

jest.setTimeout(60_000);

const NOW = '2026-11-25T10:00';
const fixture = (name: string): Buffer => readFileSync(join(__dirname, '..', '..', 'fixtures', name));

const hasTables = (wb: ExcelJS.Workbook): boolean => snapshotOf(wb).sheets.some((s) => s.tables.length > 0);

/** One plan through both hosts (the xlsx host's file is `xlsx`, written anew); the two workbooks must then look the same. */
async function applyBoth(xlsx: Written, book: DWorkbook, plan: WritePlan, before: Parameters<typeof applyExcel>[2]): Promise<number> {
  Object.assign(xlsx, await applyXlsx(xlsx.buffer, plan));
  const ctx = new DoubleContext(book);
  const { syncs } = await applyExcel(ctx as unknown as Excel.RequestContext, plan, before);
  expect(ctx.syncs).toBe(syncs);
  await expectSame(xlsx.workbook, book, plan);
  return syncs;
}

async function expectSame(wb: ExcelJS.Workbook, book: DWorkbook, plan: WritePlan): Promise<void> {
  // Values, number formats, merges, tables, names: the Excel host reads back what the xlsx host does.
  const read = await readWorkbook(new DoubleContext(book) as unknown as Excel.RequestContext);
  expect(read).toEqual(snapshotOf(wb));
  // Fills, font colours, bold, notes, unlocked cells, visibility, protection.
  expect(looksOfDouble(book)).toEqual(looksOfExcelJS(wb));
  // The created sheets' page setup, rows, widths and page breaks.
  for (const sheet of plan.sheets ?? []) {
    const page = pageOfDouble(book.find(sheet.name)!);
    expect({ sheet: sheet.name, ...page }).toEqual({ sheet: sheet.name, ...pageOfExcelJS(wb.getWorksheet(sheet.name)!) });
  }
}

describe('golden workbooks: the Excel host leaves what the xlsx host leaves', () => {
  test.each(GOLDEN_RUNS)('%s', async (file, request) => {
    const xlsx = await applyXlsx(fixture(file));
    const { workbook: wb, snapshot } = xlsx;
    const book = doubleFromExcelJS(wb);

    // Read: the same snapshot, in one sync (two with an Excel Table).
    const ctx = new DoubleContext(book);
    const read = await readWorkbook(ctx as unknown as Excel.RequestContext);
    expect(read).toEqual(snapshot);
    const readSyncs = ctx.syncs;
    expect(readSyncs).toBe(hasTables(wb) ? 2 : 1);

    // Plan: the same from both snapshots.
    const req: RunRequest = { ...request, lang: 'vi', now: NOW };
    const run = runPipeline(read, req);
    expect(run.ok).toBe(true);
    expect(run.plan).toEqual(runPipeline(snapshot, req).plan);

    // Write: one sync.
    const writeSyncs = await applyBoth(xlsx, book, run.plan!, { before: read });
    expect(writeSyncs).toBe(1);
    expect(readSyncs + writeSyncs).toBe(hasTables(wb) ? 3 : 2);

    // Again on its own result (drops, clears and renames what the first run made).
    const reread = await readWorkbook(new DoubleContext(book) as unknown as Excel.RequestContext);
    const again = runPipeline(reread, req);
    expect(again.ok).toBe(true);
    expect(again.plan).toEqual(runPipeline(xlsx.snapshot, req).plan);
    expect(await applyBoth(xlsx, book, again.plan!, { before: reread })).toBe(1);

    // Undo, through the Excel host as well.
    const beforeUndo = await readWorkbook(new DoubleContext(book) as unknown as Excel.RequestContext);
    const undo = planUndo(beforeUndo, { lang: 'vi', now: NOW });
    expect(undo).toEqual(planUndo(xlsx.snapshot, { lang: 'vi', now: NOW }));
    if (undo.ok) expect(await applyBoth(xlsx, book, undo.plan!, { before: beforeUndo })).toBe(1);
    else expect(undo.diagnostics.map((d) => d.code)).toEqual(['E-NOTHING-TO-UNDO']);
  });

  test('what the xlsx host writes reads back the same through the double (file round trip)', async () => {
    const input = fixture('next-term-2-staff.xlsx');
    const run = runPipeline((await readXlsx(input)).snapshot, { procedure: 'next-term', step: 2, lang: 'vi', now: NOW });
    const { workbook: back, snapshot } = await applyXlsx(input, run.plan!);
    const read = await readWorkbook(new DoubleContext(doubleFromExcelJS(back)) as unknown as Excel.RequestContext);
    expect(read).toEqual(snapshot);
  });
});
