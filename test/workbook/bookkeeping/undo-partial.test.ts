/**
 * Undo after a write that stopped part way (src/hosts/excel/apply.ts writes the undo record first):
 * the parts the run wrote whose defined names it never set are still removed, found where the record
 * says they went.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { snapshotOf } from '../../../src/hosts/xlsx/read';
import { planUndo } from '../../../src/workbook/bookkeeping/undo';
import { readRecord } from '../../../src/workbook/bookkeeping/undo-record';
import { runXlsx } from '../../support/xlsx-run';

test('a run’s parts without their names: undo still drops its sheets and clears its columns', async () => {
  const { workbook } = await runXlsx(readFileSync(join(__dirname, '..', '..', 'fixtures', 'next-term-3-leadership.xlsx')), { procedure: 'next-term', step: 3, lang: 'vi', now: '2026-11-25T10:00' });
  const written = snapshotOf(workbook);
  const wrote = readRecord(written).record!.wrote!;
  // As a write that stopped after the record, before the names: none of the parts' names is there.
  const stopped = { ...written, names: written.names.filter((n) => !wrote.includes(n.name)) };
  const undo = planUndo(stopped, { lang: 'vi', now: '2026-11-25T10:05' });
  expect(undo.diagnostics).toEqual([]);
  expect(undo.plan!.dropSheets).toEqual(expect.arrayContaining(['KQ Kế tiếp B3', 'BB Kế tiếp B3']));
  expect(undo.plan!.clear.map((c) => c.sheet)).toContain('KP lãnh đạo');
  // With the names there, the same parts go (as before).
  const whole = planUndo(written, { lang: 'vi', now: '2026-11-25T10:05' });
  expect(new Set(whole.plan!.dropSheets)).toEqual(new Set(undo.plan!.dropSheets));
});
