/**
 * The bookkeeping of a run: the fingerprint of its inputs, the audit log, and "Hoàn tác lần chạy
 * gần nhất" — which must put the workbook back as it was before the last run, cell by cell, the
 * head's typed decision included.
 */
import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { join } from 'path';
import * as ExcelJS from 'exceljs';
import fc from 'fast-check';
import { deflateSync } from 'fflate';
import { nodeDeflate } from '../../../src/hosts/xlsx/node-zlib';
import { readXlsx, snapshotOf } from '../../../src/hosts/xlsx/read';
import { AUDIT_NAME } from '../../../src/workbook/bookkeeping/audit-log';
import { sha256 } from '../../../src/workbook/bookkeeping/sha256';
import { readRecord, RECORD_SHEET, useRecordDeflater } from '../../../src/workbook/bookkeeping/undo-record';
import { planUndo } from '../../../src/workbook/bookkeeping/undo';
import { runXlsx, undoXlsx, xlsxBytes } from '../../support/xlsx-run';

const FIXTURE = readFileSync(join(__dirname, '..', '..', 'fixtures', 'next-term-3-leadership.xlsx'));
const AUDIT = 'Nhật ký Quy Hoạch';
const SHORTLIST = 'KQ Kế tiếp B3';
const request = (now: string, extra: Partial<Parameters<typeof runXlsx>[1]> = {}) => ({ procedure: 'next-term' as const, step: 3, lang: 'vi' as const, now, ...extra });

/** Every cell of every sheet but the audit log and the undo record: value, number format, fill, font, note. */
function cells(wb: ExcelJS.Workbook): Record<string, string> {
  const out: Record<string, string> = {};
  for (const ws of wb.worksheets) {
    if (ws.name === AUDIT || ws.name === RECORD_SHEET) continue;
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (c) => {
        out[`${ws.name}!${c.address}`] = JSON.stringify([c.value, c.numFmt, c.fill, c.font?.bold, c.font?.color, c.note, c.protection]);
      }),
    );
  }
  return out;
}
const sheetNames = (wb: ExcelJS.Workbook) => wb.worksheets.map((w) => w.name).sort();
const auditRows = (wb: ExcelJS.Workbook) => {
  const ws = wb.getWorksheet(AUDIT)!;
  const rows: string[][] = [];
  for (let r = 4; r <= ws.rowCount; r++) rows.push([1, 2, 3, 4, 5, 6, 7, 8].map((c) => String(ws.getCell(r, c).value ?? '')));
  return rows;
};

async function decide(buffer: Buffer): Promise<Buffer> {
  const { workbook } = await readXlsx(buffer);
  const ws = workbook.getWorksheet(SHORTLIST)!;
  ws.getCell('I9').value = 'x';
  ws.getCell('C14').value = 'Nguyễn Văn Thủ';
  ws.getCell('H14').value = '25/11/2026';
  return xlsxBytes(workbook);
}

describe('sha256', () => {
  test('agrees with Node’s crypto on any text, across block boundaries', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (s) => sha256(s) === createHash('sha256').update(s).digest('hex')),
      { numRuns: 300 },
    );
    for (const n of [0, 55, 56, 63, 64, 65, 119, 120, 1000]) expect(sha256('a'.repeat(n))).toBe(createHash('sha256').update('a'.repeat(n)).digest('hex'));
  });
});

describe('the audit log and the fingerprint', () => {
  test('one row per run; the same inputs give the same fingerprint, and the earlier rows stay as they were', async () => {
    const first = await runXlsx(FIXTURE, request('2026-11-25T09:05'));
    const second = await runXlsx(first.buffer, request('2026-11-25T09:30'));
    const rows = auditRows(second.workbook);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual(auditRows(first.workbook)[0]);
    expect(rows[0].slice(0, 3)).toEqual(['1', '25/11/2026 09:05', 'Chạy']);
    expect(rows[1].slice(0, 3)).toEqual(['2', '25/11/2026 09:30', 'Chạy']);
    expect(rows[1][3]).toMatch(/Bước 3: Hội nghị tập thể lãnh đạo/);
    expect(rows[1][4]).toBe('Phụ lục 12 (2022)');
    // What was read, compactly: each sheet, the columns an outcome turns on, the rows.
    expect(rows[1][5]).toBe('“DS trich ngang”: B Họ và tên, K Chức danh quy hoạch; 8 dòng (9–16)\n“KP lãnh đạo”: B Họ và tên, C Chức danh, D Số phiếu đồng ý; 8 dòng (12–19)');
    expect(rows[1][6]).toMatch(/^[0-9a-f]{64}$/);
    expect(rows[1][6]).toBe(rows[0][6]);
    expect(rows[1][6]).toBe(second.run.fingerprint);
    expect(rows[1][7]).toBe('Được giới thiệu 4, Chờ người đứng đầu quyết định 2, Không đạt 2');
    expect(second.workbook.getWorksheet(AUDIT)!.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9 });
    expect(second.workbook.definedNames.model.some((n) => n.name === AUDIT_NAME)).toBe(true);
  });

  test('a changed count or a number typed in changes the fingerprint, the head’s decision does not (a record of its own), and the settings say so', async () => {
    const base = (await runXlsx(FIXTURE, request('2026-11-25T09:05'))).run.fingerprint;
    const { workbook } = await readXlsx(FIXTURE);
    workbook.getWorksheet('KP lãnh đạo')!.getCell('D12').value = 5;
    const edited = (await runXlsx(await xlsxBytes(workbook), request('2026-11-25T09:05'))).run.fingerprint;
    const typed = await runXlsx(FIXTURE, request('2026-11-25T09:05', { overrides: { convened: 10 } }));
    const decided = await runXlsx(await decide((await runXlsx(FIXTURE, request('2026-11-25T09:05'))).buffer), request('2026-11-25T09:10'));
    expect(new Set([base, edited, typed.run.fingerprint]).size).toBe(3);
    expect(decided.run.fingerprint).toBe(base);
    expect(auditRows(typed.workbook)[0][4]).toBe('Phụ lục 12 (2022)\ntriệu tập 10 (nhập tay)');
    expect(auditRows(decided.workbook)[1][4]).toBe('Phụ lục 12 (2022)\nngười đứng đầu quyết định (Trưởng phòng): Lê Văn Cường — Nguyễn Văn Thủ, 25/11/2026');
  });
});

describe('Hoàn tác lần chạy gần nhất', () => {
  test('undoing the first run leaves the user’s workbook as it was, bar the audit log', async () => {
    const original = await readXlsx(FIXTURE);
    const first = await runXlsx(FIXTURE, request('2026-11-25T09:05'));
    const undone = await undoXlsx(first.buffer);
    expect(undone.run.ok).toBe(true);
    expect(cells(undone.workbook)).toEqual(cells(original.workbook));
    expect(sheetNames(undone.workbook)).toEqual([...sheetNames(original.workbook), AUDIT, RECORD_SHEET].sort());
    expect(auditRows(undone.workbook).map((r) => r[2])).toEqual(['Chạy', 'Hoàn tác lần chạy gần nhất']);
    expect(undone.workbook.definedNames.model.map((n) => n.name).filter((n) => n.startsWith('QuyHoach_KetQua'))).toEqual([]);
  });

  test('undoing a run puts back what it replaced, the head’s typed decision included; a second undo has nothing to undo', async () => {
    const first = await runXlsx(FIXTURE, request('2026-11-25T09:05'));
    const typed = await decide(first.buffer);
    const before = (await readXlsx(typed)).workbook;
    const second = await runXlsx(typed, request('2026-11-25T09:10'));
    expect(second.run.result?.people.find((p) => p.name === 'Lê Văn Cường')?.outcome).toBe('selected');
    const undone = await undoXlsx(second.buffer);
    expect(cells(undone.workbook)).toEqual(cells(before));
    expect(undone.workbook.getWorksheet(SHORTLIST)!.getCell('I9').value).toBe('x');
    // The record sheet stays out of sight.
    expect(undone.workbook.getWorksheet(RECORD_SHEET)!.state).toBe('veryHidden');
    // And a run after the undo reads the decision back again.
    const again = await runXlsx(undone.buffer, request('2026-11-25T09:20'));
    expect(cells(again.workbook)).toEqual(cells(second.workbook));

    const twice = await undoXlsx(undone.buffer);
    expect(twice.run.ok).toBe(false);
    expect(twice.run.diagnostics.map((d) => d.code)).toEqual(['E-NOTHING-TO-UNDO']);
  });

  test('a workbook never run has nothing to undo', async () => {
    const { workbook } = await readXlsx(FIXTURE);
    expect(planUndo(snapshotOf(workbook), { lang: 'vi' }).diagnostics.map((d) => d.code)).toEqual(['E-NOTHING-TO-UNDO']);
  });

  test('a user’s value where a restored column would go stops the undo, naming the cell', async () => {
    const first = await runXlsx(FIXTURE, request('2026-11-25T09:05'));
    const second = await runXlsx(first.buffer, request('2026-11-25T09:10'));
    const { workbook } = await readXlsx(second.buffer);
    const snapshot = snapshotOf(workbook);
    // The last run's result area as if it had been one row shorter, and the user wrote below it.
    const area = snapshot.names.find((n) => n.name.startsWith('QuyHoach_KetQua_'))!;
    const [from, to] = area.range.split(':');
    const last = Number(to.replace(/^[A-Z]+/, ''));
    area.range = `${from}:${to.replace(/\d+$/, String(last - 1))}`;
    const sheet = snapshot.sheets.find((s) => s.name === area.sheet)!;
    const col = to.replace(/\d+$/, '');
    const row = sheet.values[last - 1];
    for (let c = from.charCodeAt(0) - 65; c < row.length; c++) row[c] = null;
    row[col.charCodeAt(0) - 65] = 'ghi chú của tôi';
    const undone = planUndo(snapshot, { lang: 'vi' });
    expect(undone.ok).toBe(false);
    expect(undone.diagnostics.map((d) => [d.code, d.at?.sheet, d.at?.cell])).toEqual([['E-TARGET-NOT-EMPTY', area.sheet, `${col}${last}`]]);
  });
});

describe('the undo record deflated by Node’s zlib (the command) reads back as one deflated by fflate (the browser)', () => {
  const fflate = (b: Uint8Array) => deflateSync(b, { level: 6 });
  afterEach(() => useRecordDeflater(fflate));

  test('the same record either way, and undo gives the input back from the zlib one', async () => {
    const recordAfterRun = async () => {
      const ran = await runXlsx(FIXTURE, request('2026-12-04T09:00'));
      const sheet = ran.snapshot.sheets.find((x) => x.name === RECORD_SHEET)!;
      return { ran, text: sheet.values.map((r) => r[0]).join('|'), read: readRecord(ran.snapshot) };
    };
    useRecordDeflater(nodeDeflate);
    const zlib = await recordAfterRun();
    useRecordDeflater(fflate);
    const other = await recordAfterRun();
    expect(zlib.text).not.toBe(other.text); // two deflaters indeed
    expect(zlib.read.damaged).toBeUndefined();
    expect(zlib.read.record).toEqual(other.read.record);
    const undone = await undoXlsx(zlib.ran.buffer);
    expect(undone.run.ok).toBe(true);
    const input = new ExcelJS.Workbook();
    await input.xlsx.load(FIXTURE as unknown as ArrayBuffer);
    expect(cells(undone.workbook)).toEqual(cells(input));
  });
});
