/**
 * previewRun: what the task pane and the browser page show before a run — the step, the sheets,
 * the conference numbers read from the sheet with the quorum verdict (QUORUM), the quota per title
 * (TOP) — on the golden workbooks, and after a run (its own sheets are not offered as inputs).
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { previewRun } from '../../src/workbook/preview';
import type { RunRequest } from '../../src/workbook/pipeline';
import { runXlsx } from '../support/xlsx-run';

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', name));
const preview = async (name: string | Buffer, request: Partial<RunRequest> = {}) =>
  previewRun((await readXlsx(typeof name === 'string' ? fixture(name) : name)).snapshot, { procedure: 'next-term', lang: 'vi', ...request });

test.each([
  ['next-term-2-staff.xlsx', {}, 2, 'KP HN cán bộ', 25, 20, true, 17],
  ['next-term-3-leadership.xlsx', {}, 3, 'KP lãnh đạo', 9, 8, true, 6],
  ['annual-local-1-review.xlsx', { procedure: 'annual-local' as const }, 1, undefined, undefined, undefined, undefined, undefined],
] as [string, Partial<RunRequest>, number, ...unknown[]][])('%s: the step, the vote sheet and the conference numbers as read, with the quorum verdict', async (file, request, step, votes, convened, present, quorate, required) => {
  const p = await preview(file, request);
  expect(p.step).toBe(step);
  if (votes) expect(p.votes).toBe(votes);
  if (convened !== undefined) {
    expect(p.conference).toMatchObject({ convened, present, verdict: { quorate, required } });
    expect(p.conference?.source.convened?.sheet).toBe(votes);
  }
  expect(p.title?.step).toMatch(new RegExp(`^Bước ${step}`));
  expect(p.steps.map((s) => s.step)).toEqual(request.procedure === 'annual-local' ? [1, 2] : [1, 2, 3]);
});

test('numbers typed in override the sheet’s, and the verdict follows them: 2/3 is met exactly, one fewer is not', async () => {
  const met = await preview('next-term-3-leadership.xlsx', { overrides: { convened: 9, present: 6 } });
  expect(met.conference).toMatchObject({ convened: 9, present: 6, verdict: { quorate: true, required: 6 } });
  const short = await preview('next-term-3-leadership.xlsx', { overrides: { convened: 9, present: 5 } });
  expect(short.conference?.verdict?.quorate).toBe(false);
  expect(short.diagnostics.map((d) => d.code)).toContain('E-QUORUM');
  // The number came from the form, not from the sheet's cell: the message points at no cell.
  expect(short.diagnostics.find((d) => d.code === 'E-QUORUM')?.at).toBeUndefined();
});

test('a quorum error on the sheet’s own numbers points at the cell of the number present', async () => {
  const read = await preview('error-quorum.xlsx', { step: 2 });
  expect(read.diagnostics.find((d) => d.code === 'E-QUORUM')?.at).toEqual({ sheet: expect.any(String), cell: 'A9' });
  // Present typed in (the same short number): no cell, since the number is not the cell's any more.
  const typed = await preview('error-quorum.xlsx', { step: 2, overrides: { present: 15 } });
  expect(typed.diagnostics.find((d) => d.code === 'E-QUORUM')?.at).toBeUndefined();
});

test('the titles voted on, with how many people and the quota the run would apply', async () => {
  expect((await preview('next-term-3-leadership.xlsx')).titles).toEqual([
    { title: 'Trưởng phòng', quota: 3, people: 5 },
    { title: 'Phó Trưởng phòng', quota: 3, people: 3 },
  ]);
  expect((await preview('next-term-3-leadership.xlsx', { overrides: { quota: 2 } })).titles.map((t) => t.quota)).toEqual([2, 2]);
});

test('a sheet the user names is the one read; a name that is not a sheet says so', async () => {
  const named = await preview('next-term-3-leadership.xlsx', { votesSheet: 'KP lãnh đạo' });
  expect(named.votes).toBe('KP lãnh đạo');
  const wrong = await preview('next-term-3-leadership.xlsx', { votesSheet: 'Không có' });
  expect(wrong.diagnostics.map((d) => d.code)).toContain('E-SHEET-NOT-FOUND');
});

test('after a run, the sheets the add-in made are not offered as inputs', async () => {
  const before = await preview('next-term-3-leadership.xlsx');
  const run = await runXlsx(fixture('next-term-3-leadership.xlsx'), { procedure: 'next-term', step: 3, lang: 'vi' });
  const after = await preview(run.buffer);
  expect(after.sheets).toEqual(before.sheets);
  expect(after.conference?.verdict).toEqual(before.conference?.verdict);
});
