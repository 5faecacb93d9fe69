import type { RunRequest } from '../../src/workbook/pipeline';

/** Every golden workbook the command runs to a result (test/fixtures, test/cli/golden.test.ts), with the step it is made for. */
export const GOLDEN_RUNS: [file: string, request: Omit<RunRequest, 'lang' | 'now'>][] = [
  ['next-term-1-roster.xlsx', { procedure: 'next-term', step: 1, overrides: { termStart: '2026-01-01' } }],
  ['next-term-2-staff.xlsx', { procedure: 'next-term', step: 2 }],
  ['next-term-3-leadership.xlsx', { procedure: 'next-term', step: 3 }],
  ['annual-local-1-review.xlsx', { procedure: 'annual-local', step: 1 }],
  ['annual-local-2-leadership.xlsx', { procedure: 'annual-local', step: 2 }],
  ['annual-external-1-gap.xlsx', { procedure: 'annual-external', step: 1, overrides: { termStart: '2026-01-01' } }],
  ['annual-external-2-approval.xlsx', { procedure: 'annual-external', step: 2, overrides: { convened: 9, present: 8 } }],
  ['annual-external-3-consult.xlsx', { procedure: 'annual-external', step: 3 }],
  ['annual-external-4-leadership.xlsx', { procedure: 'annual-external', step: 4 }],
  ['layout-roster-don-vi-cong-tac.xlsx', { procedure: 'next-term', step: 1, overrides: { termStart: '2026-01-01' } }],
  ['layout-vote-ghi-chu.xlsx', { procedure: 'next-term', step: 2 }],
  ['layout-candidates-co-quan-dong-y.xlsx', { procedure: 'annual-external', step: 3 }],
];
