/**
 * TIE through the workbook: a tie at the quota line leaves the shortlist with an empty
 * "Quyết định của người đứng đầu" column; the head marks whom they choose, writes their name and the
 * date, and the next run completes the selection (RULES.md TIE). Run in-process on the golden
 * workbook next-term-3-leadership.xlsx: Lê Văn Cường and Phạm Thị Dung tie at 6 votes for the last
 * "Trưởng phòng" place.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import * as ExcelJS from 'exceljs';
import { readXlsx } from '../../src/hosts/xlsx/read';
import type { RunOutcome } from '../../src/workbook/pipeline';
import { runXlsx, xlsxBytes } from '../support/xlsx-run';

const SHEET = 'KQ Kế tiếp B3';

const run = (buffer: Buffer, lang: 'vi' | 'en' = 'vi') => runXlsx(buffer, { procedure: 'next-term', step: 3, lang });

const outcomeOf = (r: RunOutcome, name: string) => r.result?.people.find((p) => p.name === name)?.outcome;

/** The shortlist's rows as text, and where the decision column and the head's line are. */
function shortlist(wb: ExcelJS.Workbook) {
  const ws = wb.getWorksheet(SHEET)!;
  const text = (r: number, c: number) => String(ws.getCell(r, c).value ?? '');
  let markCol = 0;
  for (let c = 1; c <= 12; c++) if (/người đứng đầu|head's decision/i.test(text(5, c))) markCol = c;
  const rowOf = (needle: string) => {
    for (let r = 1; r <= ws.rowCount; r++) if (text(r, 1) === needle || text(r, 2) === needle) return r;
    return 0;
  };
  return { ws, text, markCol, rowOf, headRow: rowOf('Người đứng đầu (họ tên):') || rowOf('Head (full name):') };
}

async function decide(buffer: Buffer, marks: string[], by: string | null, on: string | number | null): Promise<Buffer> {
  const { workbook } = await readXlsx(buffer);
  const s = shortlist(workbook);
  for (const name of marks) s.ws.getCell(s.rowOf(name), s.markCol).value = 'x';
  s.ws.getCell(s.headRow, 3).value = by;
  s.ws.getCell(s.headRow, 8).value = on;
  return xlsxBytes(workbook);
}

let first: Awaited<ReturnType<typeof run>>;
beforeAll(async () => {
  first = await run(readFileSync(join(__dirname, '..', 'fixtures', 'next-term-3-leadership.xlsx')));
});

test('a tie at the quota line gives an empty, editable decision column and a line for the head', () => {
  expect(outcomeOf(first.run, 'Lê Văn Cường')).toBe('awaiting-head');
  const s = shortlist(first.workbook);
  expect(s.text(5, s.markCol)).toBe('Quyết định của người đứng đầu');
  for (const name of ['Lê Văn Cường', 'Phạm Thị Dung']) {
    const cell = s.ws.getCell(s.rowOf(name), s.markCol);
    expect(cell.value).toBeNull();
    expect(cell.protection?.locked).toBe(false);
  }
  // People outside the tie cannot be marked on the protected sheet.
  expect(s.ws.getCell(s.rowOf('Nguyễn Văn An'), s.markCol).protection?.locked).not.toBe(false);
  expect(s.headRow).toBeGreaterThan(s.rowOf('Phạm Thị Dung'));
  expect(s.ws.getCell(s.headRow, 3).protection?.locked).toBe(false);
  expect(s.ws.getCell(s.headRow, 8).protection?.locked).toBe(false);
});

test('the head’s marks, name and date complete the selection on the next run, and stay for the runs after', async () => {
  const decided = await run(await decide(first.buffer, ['Lê Văn Cường'], 'Nguyễn Văn Thủ', '25/11/2026'));
  expect(decided.run.ok).toBe(true);
  expect(outcomeOf(decided.run, 'Lê Văn Cường')).toBe('selected');
  expect(outcomeOf(decided.run, 'Phạm Thị Dung')).toBe('passed-not-selected');
  const tie = decided.run.result?.people.find((p) => p.name === 'Lê Văn Cường')?.explanation.find((f) => f.rule === 'TIE');
  expect(tie).toMatchObject({ decision: { by: 'Nguyễn Văn Thủ', on: '2026-11-25' } });
  // The decision is printed back, so the next run reads it again: a third run gives the same sheet.
  const s = shortlist(decided.workbook);
  expect(s.ws.getCell(s.rowOf('Lê Văn Cường'), s.markCol).value).toBe('x');
  expect(s.text(s.headRow, 3)).toBe('Nguyễn Văn Thủ');
  expect(s.text(s.headRow, 8)).toBe('25/11/2026');
  const again = await run(decided.buffer);
  expect(outcomeOf(again.run, 'Lê Văn Cường')).toBe('selected');
  const t = shortlist(again.workbook);
  for (let r = 1; r <= s.ws.rowCount; r++) for (let c = 1; c <= 9; c++) expect([r, c, t.text(r, c)]).toEqual([r, c, s.text(r, c)]);
});

test.each([
  ['no name', null, '25/11/2026', 'C'],
  ['no date', 'Nguyễn Văn Thủ', null, 'H'],
  ['a date that is not one', 'Nguyễn Văn Thủ', 'hôm qua', 'H'],
])('marks with %s stop the run with E-DECISION-UNSIGNED at the cell, and nothing is written', async (_, by, on, col) => {
  const r = await run(await decide(first.buffer, ['Lê Văn Cường'], by, on));
  expect(r.run.ok).toBe(false);
  expect(r.run.plan).toBeUndefined();
  const d = r.run.diagnostics.find((x) => x.code === 'E-DECISION-UNSIGNED');
  expect(d?.at).toEqual({ sheet: SHEET, cell: `${col}${shortlist(first.workbook).headRow}` });
});

test('choosing both tied people for one place is refused (E-DECISION-TOO-MANY)', async () => {
  const r = await run(await decide(first.buffer, ['Lê Văn Cường', 'Phạm Thị Dung'], 'Nguyễn Văn Thủ', '25/11/2026'));
  expect(r.run.ok).toBe(false);
  expect(r.run.diagnostics.map((d) => d.code)).toContain('E-DECISION-TOO-MANY');
});

test('a shortlist made in English is read back the same', async () => {
  const en = await run(readFileSync(join(__dirname, '..', 'fixtures', 'next-term-3-leadership.xlsx')), 'en');
  const decided = await run(await decide(en.buffer, ['Phạm Thị Dung'], 'Nguyễn Văn Thủ', '25/11/2026'));
  expect(outcomeOf(decided.run, 'Phạm Thị Dung')).toBe('selected');
  expect(outcomeOf(decided.run, 'Lê Văn Cường')).toBe('passed-not-selected');
});
