/**
 * Undo complete (issue 15): the widths of the user's columns come back with everything else the
 * run changed, through the command and through the Excel host alike; a damaged undo record is its
 * own coded error naming the cell (and a run over it says it replaces it); the record is capped, a
 * run whose record would pass the cap stops; a record written before the record was deflated
 * still undoes.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type * as ExcelJS from 'exceljs';
import { deflateSync, strFromU8, strToU8, inflateSync } from 'fflate';
import { main } from '../../../src/cli/main';
import { applyPlan as applyExcel, widthPoints } from '../../../src/hosts/excel/apply';
import { readWorkbook } from '../../../src/hosts/excel/read';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { describeDiagnostic } from '../../../src/i18n';
import { planUndo } from '../../../src/workbook/bookkeeping/undo';
import { RECORD_CAP, RECORD_NAME, RECORD_SHEET, readRecord, recordSheet, STANDARD_WIDTH } from '../../../src/workbook/bookkeeping/undo-record';
import { runPipeline, type RunRequest } from '../../../src/workbook/pipeline';
import type { WorkbookSnapshot } from '../../../src/workbook/snapshot';
import { modelFromExcelJS, type DWorkbook } from '../../support/excel-model';
import { officeJs, settled, type OfficeJs } from '../../support/office-js';
import { runXlsx, undoXlsx, xlsxBytes } from '../../support/xlsx-run';

jest.setTimeout(60_000);

const FIXTURE = readFileSync(join(__dirname, '..', '..', 'fixtures', 'next-term-3-leadership.xlsx'));
const VOTES = 'KP lãnh đạo';
const request = (now: string): RunRequest => ({ procedure: 'next-term', step: 3, lang: 'vi', now });

/** The leadership vote count with the user's own width on column F (where the run's "Kết quả" goes); E and G of the standard width. */
async function withUserWidth(): Promise<Buffer> {
  const { workbook } = await readXlsx(FIXTURE);
  workbook.getWorksheet(VOTES)!.getColumn(6).width = 20;
  return xlsxBytes(workbook);
}

const widthsOf = (wb: ExcelJS.Workbook) => [5, 6, 7].map((c) => wb.getWorksheet(VOTES)!.getColumn(c).width ?? null);
const colsXml = async (bytes: Buffer) => {
  const JSZip = (await import('jszip')).default;
  const zip = await JSZip.loadAsync(bytes);
  return /<cols>[\s\S]*?<\/cols>/.exec(await zip.file('xl/worksheets/sheet2.xml')!.async('string'))?.[0];
};

describe('the widths of the user’s columns come back', () => {
  test('the command: the run’s widths out, the user’s 20 and the standard widths back; <cols> as the file had it', async () => {
    const input = await withUserWidth();
    expect(widthsOf((await readXlsx(input)).workbook)).toEqual([null, 20, null]);
    const run = await runXlsx(input, request('2026-11-25T09:05'));
    expect(widthsOf(run.workbook)).toEqual([11, 30, 9]);
    const undone = await undoXlsx(run.buffer);
    expect(undone.run.ok).toBe(true);
    expect(widthsOf(undone.workbook)).toEqual([null, 20, null]);
    expect(await colsXml(undone.buffer)).toBe(await colsXml(input));
  });

  test('run, run again, undo: the first run’s widths (the record keeps what the add-in set)', async () => {
    const first = await runXlsx(await withUserWidth(), request('2026-11-25T09:05'));
    // The user widens the result column between the runs; the second run sets it again.
    const { workbook } = await readXlsx(first.buffer);
    workbook.getWorksheet(VOTES)!.getColumn(7).width = 15;
    const second = await runXlsx(await xlsxBytes(workbook), request('2026-11-25T09:10'));
    expect(widthsOf(second.workbook)).toEqual([11, 30, 9]);
    const undone = await undoXlsx(second.buffer);
    expect(widthsOf(undone.workbook)).toEqual([11, 30, 9]);
  });

  test('the Excel host (through Microsoft’s office.js) applies the same undo plan: the standard width and the user’s width back, in points', async () => {
    const wb = (await readXlsx(await withUserWidth())).workbook;
    const book: DWorkbook = modelFromExcelJS(wb);
    const office: OfficeJs = officeJs(book);
    const restore = office.install();
    const inExcel = <T>(work: (context: Excel.RequestContext) => Promise<T>) => office.Excel.run({ delayForCellEdit: true }, (context) => work(context as unknown as Excel.RequestContext));
    const read = () => inExcel((context) => readWorkbook(context));
    try {
    const before = await read();
    expect(before.sheets.find((s) => s.name === VOTES)!.widths).toEqual([6, 28, 22, 16, null, 20]);
    const run = runPipeline(before, request('2026-11-25T09:05'));
    await inExcel((context) => applyExcel(context, run.plan!, { before }));
    const votes = book.find(VOTES)!;
    expect([5, 6, 7].map((c) => votes.widths.get(c))).toEqual([11, 30, 9].map(widthPoints));
    const after = await read();
    const undo = planUndo(after, { lang: 'vi', now: '2026-11-25T09:10' });
    expect(undo.plan!.widths).toEqual(
      expect.arrayContaining([
        { sheet: VOTES, col: 5, width: STANDARD_WIDTH, standard: true },
        { sheet: VOTES, col: 6, width: 20 },
        { sheet: VOTES, col: 7, width: STANDARD_WIDTH, standard: true },
      ]),
    );
    await inExcel((context) => applyExcel(context, undo.plan!, { before: after }));
    // The sheet's standard width (useStandardWidth: the column has no width of its own again); and the user's 20.
    expect([5, 6, 7].map((c) => votes.widths.get(c))).toEqual([undefined, widthPoints(20), undefined]);
    expect((await read()).sheets.find((s) => s.name === VOTES)!.widths).toEqual(before.sheets.find((s) => s.name === VOTES)!.widths);
    } finally {
      await settled();
      restore();
    }
  });
});

/** The workbook with the record sheet's pieces changed by `edit` (as if damaged outside the add-in). */
async function damaged(bytes: Buffer, edit: (pieces: string[]) => string[]): Promise<Buffer> {
  const { workbook } = await readXlsx(bytes);
  const ws = workbook.getWorksheet(RECORD_SHEET)!;
  const pieces: string[] = [];
  for (let r = 2; r <= ws.rowCount; r++) pieces.push(String(ws.getCell(r, 1).value ?? ''));
  const next = edit(pieces);
  for (let r = 2; r <= Math.max(ws.rowCount, next.length + 1); r++) ws.getCell(r, 1).value = next[r - 2] ?? null;
  return xlsxBytes(workbook);
}

describe('a damaged undo record', () => {
  let run: Buffer;
  beforeAll(async () => {
    run = (await runXlsx(FIXTURE, request('2026-11-25T09:05'))).buffer;
  });

  test.each([
    ['a piece that is not one', (p: string[]) => ['hỏng', ...p.slice(1)], 'A2'],
    ['a piece cut short', (p: string[]) => [...p.slice(0, -1), p[p.length - 1].slice(0, Math.floor(p[p.length - 1].length / 2))], 'last'],
    ['a letter base64 has not', (p: string[]) => [p[0].slice(0, 50) + '!' + p[0].slice(51), ...p.slice(1)], 'A2'],
    ['pieces gone', () => [], 'A2'],
  ])('%s: E-UNDO-DAMAGED naming the cell, not "nothing to undo"', async (_, edit, cell) => {
    const bytes = await damaged(run, edit);
    const { snapshot } = await readXlsx(bytes);
    const pieces = snapshot.sheets.find((s) => s.name === RECORD_SHEET)!.values.length - 1;
    const undo = planUndo(snapshot, { lang: 'vi' });
    expect(undo.ok).toBe(false);
    expect(undo.diagnostics.map((d) => [d.code, d.at])).toEqual([['E-UNDO-DAMAGED', { sheet: RECORD_SHEET, cell: cell === 'last' ? `A${pieces + 1}` : cell }]]);
    expect(describeDiagnostic(undo.diagnostics[0], 'vi')).toMatch(/^QuyHoach_HoanTac!A\d+: Bản ghi hoàn tác trong sổ tính bị hỏng/);
  });

  test('the command: exit 1, the coded message naming the cell, nothing written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qh-undo-'));
    try {
      const input = join(dir, 'hong.xlsx');
      writeFileSync(input, await damaged(run, (p) => ['hỏng', ...p.slice(1)]));
      const err: string[] = [];
      const out: string[] = [];
      expect(await main(['undo', input, '--out', join(dir, 'out.xlsx')], { out: (s) => out.push(s), err: (s) => err.push(s) })).toBe(1);
      expect(err.join('\n')).toContain('Lỗi E-UNDO-DAMAGED: QuyHoach_HoanTac!A2: Bản ghi hoàn tác trong sổ tính bị hỏng');
      expect(out.join('\n')).toContain('Không ghi gì');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a run over it goes ahead, says the record is replaced, and can itself be undone', async () => {
    const bytes = await damaged(run, (p) => ['hỏng', ...p.slice(1)]);
    const again = await runXlsx(bytes, request('2026-11-25T09:10'));
    expect(again.run.ok).toBe(true);
    expect(again.run.diagnostics.map((d) => [d.code, d.at])).toContainEqual(['W-UNDO-REPLACED', { sheet: RECORD_SHEET, cell: 'A2' }]);
    expect(readRecord(again.snapshot).record?.wrote?.length).toBeGreaterThan(0);
    expect((await undoXlsx(again.buffer)).run.ok).toBe(true);
  });
});

describe('the record’s size', () => {
  test('kept deflated: a fraction of its JSON, read back the same', async () => {
    const { snapshot } = await runXlsx(FIXTURE, request('2026-11-25T09:05'));
    const pieces = snapshot.sheets.find((s) => s.name === RECORD_SHEET)!.values.slice(1).map((r) => String(r[0]));
    const kept = pieces.map((p) => p.slice(1)).join('');
    expect(kept.startsWith('z')).toBe(true);
    const json = strFromU8(inflateSync(strToU8(atob(kept.slice(1)), true)));
    expect(kept.length * 3).toBeLessThan(json.length);
    expect(readRecord(snapshot).record?.wrote?.length).toBeGreaterThan(0);
  });

  test('a record written as plain JSON (before it was deflated) still undoes', async () => {
    const run = await runXlsx(FIXTURE, request('2026-11-25T09:05'));
    const plain = await damaged(run.buffer, (p) => {
      const json = strFromU8(inflateSync(strToU8(atob(p.map((x) => x.slice(1)).join('').slice(1)), true)));
      const out: string[] = [];
      for (let i = 0; i < json.length; i += 30_000) out.push(`~${json.slice(i, i + 30_000)}`);
      return out;
    });
    const compressed = await undoXlsx(run.buffer);
    const fromPlain = await undoXlsx(plain);
    expect(fromPlain.run.ok).toBe(true);
    expect(fromPlain.snapshot.sheets.find((s) => s.name === VOTES)).toEqual(compressed.snapshot.sheets.find((s) => s.name === VOTES));
  });

  test(`past ${RECORD_CAP.toLocaleString('en-US')} characters: E-UNDO-TOO-LARGE, the run writes nothing`, async () => {
    // A record an earlier run left, with a part of text that does not compress (a deterministic pseudo-random one).
    let seed = 42;
    const random = () => {
      // xorshift32
      seed ^= seed << 13;
      seed ^= seed >>> 17;
      seed ^= seed << 5;
      return (seed >>> 0) / 4294967296;
    };
    const noise = () => Array.from({ length: 1000 }, () => Math.floor(random() * 36).toString(36)).join('');
    const cells = Array.from({ length: 3000 }, () => ({ value: noise() }));
    const packed = { v: 2, cells, parts: { QuyHoach_Cu: { name: { name: 'QuyHoach_Cu', sheet: VOTES, range: 'H1' }, blocks: [{ sheet: VOTES, row: 1, col: 8, cells: [cells.map((_, i) => i)] }] } } };
    const bytes = deflateSync(strToU8(JSON.stringify(packed)));
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += strFromU8(bytes.subarray(i, i + 0x8000), true);
    const kept = `z${btoa(binary)}`;
    expect(kept.length).toBeGreaterThan(RECORD_CAP);
    const { snapshot } = await readXlsx(FIXTURE);
    const pieces: string[][] = [['Bản ghi']];
    for (let i = 0; i < kept.length; i += 30_000) pieces.push([`~${kept.slice(i, i + 30_000)}`]);
    const withRecord: WorkbookSnapshot = {
      sheets: [...snapshot.sheets, { name: RECORD_SHEET, values: pieces, merges: [], tables: [] }],
      names: [...snapshot.names, { name: RECORD_NAME, sheet: RECORD_SHEET, range: 'A1' }],
    };
    expect(readRecord(withRecord).record?.parts.QuyHoach_Cu).toBeDefined();
    const run = runPipeline(withRecord, request('2026-11-25T09:05'));
    expect(run.ok).toBe(false);
    expect(run.plan).toBeUndefined();
    const d = run.diagnostics.find((x) => x.code === 'E-UNDO-TOO-LARGE')!;
    expect(Number(d.params.size)).toBeGreaterThan(RECORD_CAP);
    expect(describeDiagnostic(d, 'vi')).toContain('tối đa 2.000.000');
    // The record sheet alone says so too.
    expect('code' in recordSheet({ parts: readRecord(withRecord).record!.parts }, '')).toBe(true);
  });
});
