/**
 * The golden runs whose printed sheets the tests check: every golden fixture that runs through
 * (test/cli/golden.test.ts and the layouts), as the command would run it.
 */
import type { ProcedureId } from '../../src/rules';
import type { Overrides } from '../../src/workbook/reader/inputs';

export interface GoldenRun {
  label: string;
  /** A fixture file in test/fixtures. */
  fixture: string;
  procedure: ProcedureId;
  step: number;
  overrides?: Overrides;
}

const run = (fixture: string, procedure: ProcedureId, step: number, overrides?: Overrides): GoldenRun => ({ label: `${fixture} (step ${step})`, fixture, procedure, step, ...(overrides ? { overrides } : {}) });

export const GOLDEN_RUNS: GoldenRun[] = [
  run('next-term-1-roster.xlsx', 'next-term', 1, { termStart: '2026-01-01' }),
  run('next-term-2-staff.xlsx', 'next-term', 2),
  run('next-term-3-leadership.xlsx', 'next-term', 3),
  run('annual-local-1-review.xlsx', 'annual-local', 1),
  run('annual-local-2-leadership.xlsx', 'annual-local', 2),
  run('annual-external-1-gap.xlsx', 'annual-external', 1, { termStart: '2026-01-01' }),
  run('annual-external-2-approval.xlsx', 'annual-external', 2, { convened: 9, present: 8 }),
  run('annual-external-3-consult.xlsx', 'annual-external', 3),
  run('annual-external-4-leadership.xlsx', 'annual-external', 4),
  run('layout-roster-don-vi-cong-tac.xlsx', 'next-term', 1, { termStart: '2026-01-01' }),
  run('layout-vote-ghi-chu.xlsx', 'next-term', 2),
  run('layout-candidates-co-quan-dong-y.xlsx', 'annual-external', 3),
];

/** The golden run with a tie at the quota line, and the head's decision on it (Phạm Thị Dung of the two at 6 votes). */
export const TIE_RUN = GOLDEN_RUNS[2];
export const TIE_DECISION = { title: 'Trưởng phòng', name: 'Phạm Thị Dung', by: 'Nguyễn Văn Thủ', on: '2026-12-04' };
