/**
 * ANNOUNCE (Lưu ý 3): "Kết quả biểu quyết giới thiệu tại bước 3 (…) và ở bước 2 (rà soát…) được công bố
 * tại hội nghị tập thể lãnh đạo. Đối với kết quả kiểm phiếu phát hiện, giới thiệu ở các bước còn lại
 * không công bố tại hội nghị tương ứng." II.2 step 4 is a leadership vote: announced by default, a profile switch.
 */
import { announceKey, DEFAULT_PROFILE, runStep, type ProcedureId, type RuleProfile } from '../../src/rules';
import { votes } from './helpers';

const conference = { convened: 10, present: 9 };
const rows = votes([['a', 8], ['b', 4]]);
const announced = (procedure: ProcedureId, step: number, profile?: RuleProfile) => {
  const result = runStep(procedure, step, { conference, votes: rows, profile });
  expect(result.blocked).toBe(false);
  expect(result.rules).toContain('ANNOUNCE');
  return result.conference?.announced;
};

describe('ANNOUNCE (Lưu ý 3): which vote counts are announced at their conference', () => {
  test('ANNOUNCE (mục I.2): next-term step 2 — discovery and nomination counts are not announced', () => {
    expect(announced('next-term', 2)).toBe(false);
  });

  test('ANNOUNCE (mục II.1(1)): annual-local step 1 — removal and nomination counts are not announced', () => {
    const result = runStep('annual-local', 1, { conference, votes: rows, removals: votes([['c', 6]]) });
    expect(result.conference?.announced).toBe(false);
  });

  test('ANNOUNCE (mục I.3): next-term step 3 — the leadership vote is announced', () => {
    expect(announced('next-term', 3)).toBe(true);
  });

  test('ANNOUNCE (mục II.1(2)): annual-local step 2 — the leadership vote is announced', () => {
    expect(announced('annual-local', 2)).toBe(true);
  });

  test('ANNOUNCE (mục II.2(4)): annual-external step 4 — announced by default', () => {
    expect(announced('annual-external', 4)).toBe(true);
  });

  test('ANNOUNCE (mục II.2(4), profile switch): a profile with annual-external:4 false keeps step 4 unannounced, other steps unchanged', () => {
    const profile: RuleProfile = { ...DEFAULT_PROFILE, announce: { ...DEFAULT_PROFILE.announce, [announceKey('annual-external', 4)]: false } };
    expect(announced('annual-external', 4, profile)).toBe(false);
    expect(announced('next-term', 3, profile)).toBe(true);
    expect(announced('next-term', 2, profile)).toBe(false);
  });

  test('ANNOUNCE: the profile key of a step is "procedure:step" and the default profile names all five voting steps', () => {
    expect(announceKey('annual-external', 4)).toBe('annual-external:4');
    expect(DEFAULT_PROFILE.announce).toEqual({
      'next-term:2': false,
      'next-term:3': true,
      'annual-local:1': false,
      'annual-local:2': true,
      'annual-external:4': true,
    });
  });

  test('ANNOUNCE: a step missing from the profile\'s announce table is not announced (the safe side)', () => {
    const profile: RuleProfile = { ...DEFAULT_PROFILE, announce: {} };
    expect(announced('next-term', 3, profile)).toBe(false);
  });
});
