import { readFileSync } from 'fs';
import { join } from 'path';
import type { ProcedureId } from '../../src/rules';
import { SAMPLES } from '../../src/workbench/samples';
import { runXlsx } from '../support/xlsx-run';

/**
 * The sample workbooks behind "Mở tệp mẫu" (samples/, npm run samples): every step of their
 * procedure runs without an error, each step reading its own sheet. In the next-term sample the
 * staff count (step 2, rule N30) and the leadership count (step 3, L50) sit in one file: the parser
 * picks the vote sheet of the step's conference; the leadership count has a tie at the quota line (TIE).
 */
const file = (name: string) => readFileSync(join(__dirname, '..', '..', 'samples', name));
const STEPS: Record<ProcedureId, { step: number; votes?: string; convened?: number; present?: number }[]> = {
  'next-term': [{ step: 1 }, { step: 2, votes: 'KP HN cán bộ' }, { step: 3, votes: 'KP lãnh đạo' }],
  'annual-local': [
    { step: 1, votes: 'KP rà soát 2026' },
    { step: 2, votes: 'KP tập thể lãnh đạo' },
  ],
  'annual-external': [{ step: 1 }, { step: 2, convened: 9, present: 9 }, { step: 3 }, { step: 4, votes: 'KP lãnh đạo lần 2' }],
};

test('one sample per procedure', () => {
  expect(SAMPLES.map((s) => s.procedure).sort()).toEqual(['annual-external', 'annual-local', 'next-term']);
});

describe.each(SAMPLES.map((s) => [s.file, s.procedure] as const))('%s (%s)', (name, procedure) => {
  test.each(STEPS[procedure].map((s) => [s.step, s] as const))('step %i runs and writes its results', async (_, s) => {
    const overrides = s.convened === undefined ? {} : { convened: s.convened, present: s.present };
    const { run } = await runXlsx(file(name), { procedure, step: s.step, lang: 'vi', now: '2026-01-20T09:00', overrides });
    expect(run.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(run.ok).toBe(true);
    if (s.votes) expect(run.parsed.votes?.table.sheet).toBe(s.votes);
  });
});

test('next-term: step 2 then step 3 in the same file; step 3 leaves the tie at the quota line to the head', async () => {
  const step2 = await runXlsx(file('quy-hoach-nhiem-ky-toi.xlsx'), { procedure: 'next-term', step: 2, lang: 'vi', now: '2026-01-20T09:00' });
  const step3 = await runXlsx(step2.buffer, { procedure: 'next-term', step: 3, lang: 'vi', now: '2026-01-20T10:00' });
  expect(step3.run.ok).toBe(true);
  const awaiting = step3.run.result?.people.filter((p) => p.outcome === 'awaiting-head').map((p) => p.name);
  expect(awaiting).toEqual(['Lê Văn Cường', 'Phạm Thị Dung']);
  // Both steps' sheets are in the result.
  expect(step3.workbook.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['KQ Kế tiếp B2', 'KQ Kế tiếp B3']));
});

test.each([
  ['quy-hoach-nhiem-ky-toi.xlsx', 'next-term', 2, 'KP HN cán bộ'],
  ['ra-soat-bo-sung-tai-cho.xlsx', 'annual-local', 1, 'KP rà soát 2026'],
] as const)('%s opened without a step: the earlier conference first (step %i, “%s”), as the procedure goes', async (name, procedure, step, votes) => {
  const { run } = await runXlsx(file(name), { procedure, lang: 'vi', now: '2026-01-20T09:00' });
  expect(run.step).toBe(step);
  expect(run.parsed.votes?.table.sheet).toBe(votes);
});
