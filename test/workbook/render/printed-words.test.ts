/**
 * Printed documents speak administrative Vietnamese (README, "Các trang một lần chạy ghi"): on every
 * sheet a run creates to print — the shortlist, the minutes, the review sheets, the head's decision
 * record — no rule ID (QUORUM, L50…), no diagnostic code and no formula (3 × 8 = 24 ≥ …): numbers and
 * the clause of the procedure. Every golden run, in both languages, and the run after the head's
 * decision. (The run log keeps the IDs, as do the cell notes and the JSON; test/print checks the
 * same on the PDFs LibreOffice prints.)
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { messages } from '../../../src/i18n';
import type { RunOutcome } from '../../../src/workbook/pipeline';
import { GOLDEN_RUNS, TIE_DECISION, TIE_RUN } from '../../print/golden-runs';
import { softwareWords } from '../../print/checks';
import { runXlsx } from '../../support/xlsx-run';

jest.setTimeout(60_000);

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const LOG = messages('vi').audit.sheet;

/** Every text of every printed sheet a run creates (not the run log, not the hidden records), with where it is. */
function printedTexts(run: RunOutcome): { sheet: string; text: string }[] {
  const out: { sheet: string; text: string }[] = [];
  for (const sheet of run.plan?.sheets ?? []) {
    if (sheet.hidden || sheet.name === LOG) continue;
    for (const block of run.plan!.blocks.filter((b) => b.sheet === sheet.name))
      for (const row of block.cells) for (const cell of row) if (typeof cell.value === 'string') out.push({ sheet: sheet.name, text: cell.value });
    for (const text of [sheet.page.header, sheet.page.footer]) if (text) out.push({ sheet: sheet.name, text: text.replace(/&[PN]/g, '1') });
  }
  return out;
}

const problems = (run: RunOutcome) => printedTexts(run).flatMap(({ sheet, text }) => softwareWords(text).map((w) => `${sheet}: ${w}`));

describe.each(['vi', 'en'] as const)('printed sheets in %s: words, not software', (lang) => {
  test.each(GOLDEN_RUNS.map((r) => [r.label, r] as const))('%s', async (_label, r) => {
    const { run } = await runXlsx(readFileSync(join(FIXTURES, r.fixture)), { procedure: r.procedure, step: r.step, lang, overrides: r.overrides });
    expect(run.ok).toBe(true);
    expect(problems(run)).toEqual([]);
  });

  test('after the head’s decision (shortlist, minutes, decision record)', async () => {
    const first = await runXlsx(readFileSync(join(FIXTURES, TIE_RUN.fixture)), { procedure: TIE_RUN.procedure, step: TIE_RUN.step, lang });
    const chosen = first.run.result!.people.find((p) => p.name === TIE_DECISION.name)!;
    const decided = await runXlsx(first.buffer, { procedure: TIE_RUN.procedure, step: TIE_RUN.step, lang, overrides: { decisions: [{ ...TIE_DECISION, chosen: [chosen.id] }] } });
    const after = await runXlsx(decided.buffer, { procedure: TIE_RUN.procedure, step: TIE_RUN.step, lang });
    expect(after.run.plan?.sheets?.map((s) => s.name)).toContain(messages(lang).decisionRecord.sheet(TIE_RUN.procedure, TIE_RUN.step));
    expect(problems(decided.run)).toEqual([]);
    expect(problems(after.run)).toEqual([]);
  });
});

test('the check sees software words: rule IDs, codes and formulas are reported', () => {
  const found = softwareWords('Số người có mặt đạt (3 × 8 = 24 ≥ 2 × 9 = 18) — quy tắc QUORUM, mục Lưu ý; lỗi W-STRUCT-YOUNG.');
  expect(found.filter((w) => w.startsWith('rule ID “QUORUM”'))).toHaveLength(1);
  expect(found.filter((w) => w.startsWith('diagnostic code “W-STRUCT-YOUNG”'))).toHaveLength(1);
  expect(found.filter((w) => w.startsWith('formula sign'))).toHaveLength(5);
  expect(softwareWords('Có mặt 8/9 người, bảo đảm ít nhất 2/3 số người được triệu tập — hội nghị hợp lệ (Lưu ý, Phụ lục 12). Tỷ lệ 66,67%. Trang 1/2. TỔ TRƯỞNG')).toEqual([]);
});
