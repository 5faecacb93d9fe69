/**
 * The golden runs whose printed sheets the tests check: every golden fixture that runs through
 * (test/cli/golden.test.ts and the layouts), as the command would run it.
 */
import type { ProcedureId } from '../../src/rules';
import type { Overrides } from '../../src/workbook/reader/inputs';
import { GOLDEN_RUNS as GOLDEN } from '../support/golden-runs';

export interface GoldenRun {
  label: string;
  /** A fixture file in test/fixtures. */
  fixture: string;
  procedure: ProcedureId;
  step: number;
  overrides?: Overrides;
}

/** test/support/golden-runs.ts's list, as the print tests name and run them. */
export const GOLDEN_RUNS: GoldenRun[] = GOLDEN.map(([fixture, request]) => ({
  label: `${fixture} (step ${request.step})`,
  fixture,
  procedure: request.procedure!,
  step: request.step!,
  ...(request.overrides ? { overrides: request.overrides } : {}),
}));

/** The golden run with a tie at the quota line, and the head's decision on it (Phạm Thị Dung of the two at 6 votes). */
export const TIE_RUN = GOLDEN_RUNS[2];
export const TIE_DECISION = { title: 'Trưởng phòng', name: 'Phạm Thị Dung', by: 'Nguyễn Văn Thủ', on: '2026-12-04' };
