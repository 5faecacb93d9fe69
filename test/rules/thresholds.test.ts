/**
 * The vote thresholds through runStep, one table per rule (RULES.md N30, RM50, L50, L50C),
 * with the explanation data a result cell's note is built from.
 */
import { DEFAULT_PROFILE, runStep, type ProcedureId, type RuleProfile } from '../../src/rules';
import { codes, person, thresholdOf, votes } from './helpers';

type Row = [convened: number, present: number, agree: number, expected: string];

function single(procedure: ProcedureId, step: number, convened: number, present: number, agree: number, profile?: RuleProfile) {
  const result = runStep(procedure, step, { conference: { convened, present }, votes: votes([['a', agree]]), profile });
  expect(result.blocked).toBe(false);
  return person(result, 'a');
}

describe('N30 (mục I.2 and II.1(1)): nominated iff 10 × agree > 3 × present', () => {
  const rows: Row[] = [
    [10, 10, 3, 'fail'], // exactly 30%
    [10, 10, 4, 'pass'],
    [20, 20, 6, 'fail'], // exactly 30%
    [20, 20, 7, 'pass'],
    [100, 100, 30, 'fail'], // exactly 30%
    [100, 100, 31, 'pass'],
    [30, 20, 6, 'fail'], // 6/20 = 30% of those present
    [30, 20, 7, 'pass'], // 7/20 = 35% of present, though only 23% of convened: the base is present
    [15, 10, 3, 'fail'],
    [15, 10, 4, 'pass'],
    [12, 12, 0, 'fail'],
  ];

  test.each(rows)('N30 (mục I.2): next-term step 2, convened %i, present %i, agree %i → %s', (convened, present, agree, expected) => {
    const p = single('next-term', 2, convened, present, agree);
    expect(p.outcome).toBe(expected);
    expect(thresholdOf(p)).toEqual({
      rule: 'N30',
      clause: 'I.2',
      numerator: agree,
      base: present,
      baseKind: 'present',
      threshold: { num: 30, den: 100 },
      strict: true,
      met: expected === 'pass',
    });
  });

  test.each(rows)('N30 (mục II.1(1)): annual-local step 1 nomination, convened %i, present %i, agree %i → %s', (convened, present, agree, expected) => {
    const p = single('annual-local', 1, convened, present, agree);
    expect(p.outcome).toBe(expected);
    expect(thresholdOf(p)).toMatchObject({ rule: 'N30', clause: 'II.1(1)', numerator: agree, base: present, baseKind: 'present', met: expected === 'pass' });
  });

  test('N30 (mục I.2): a nomination step never selects — passing is "pass", no TOP or TIE, however many pass', () => {
    const result = runStep('next-term', 2, {
      conference: { convened: 10, present: 10 },
      votes: votes([['a', 9], ['b', 9], ['c', 8], ['d', 8], ['e', 7], ['f', 3]]),
    });
    expect(result.people.map((p) => p.outcome)).toEqual(['pass', 'pass', 'pass', 'pass', 'pass', 'fail']);
    for (const p of result.people) expect(p.explanation.map((f) => f.rule)).toEqual(['N30']);
  });
});

describe('RM50 (mục II.1(1)): proposed for removal iff 2 × removeAgree > convened (base convened, not present)', () => {
  const rows: Row[] = [
    [20, 16, 10, 'kept'], // 10/20 = 50%, although 10/16 = 62.5% of those present
    [20, 16, 11, 'removed'],
    [10, 10, 5, 'kept'], // exactly 50%
    [10, 10, 6, 'removed'],
    [9, 7, 4, 'kept'], // 4/9 < 50%, 4/7 > 50%
    [9, 7, 5, 'removed'],
    [12, 8, 0, 'kept'],
  ];

  test.each(rows)('RM50 (mục II.1(1)): convened %i, present %i, remove-agree %i → %s', (convened, present, agree, expected) => {
    const result = runStep('annual-local', 1, {
      conference: { convened, present },
      removals: votes([['x', agree]]),
      roster: [{ id: 'x', name: 'Nguyễn Văn X', titles: ['Trưởng phòng'], inPlanning: true }],
    });
    expect(result.blocked).toBe(false);
    const p = person(result, 'x');
    expect(p.outcome).toBe(expected);
    expect(thresholdOf(p)).toEqual({
      rule: 'RM50',
      clause: 'II.1(1)',
      numerator: agree,
      base: convened,
      baseKind: 'convened',
      threshold: { num: 50, den: 100 },
      strict: true,
      met: expected === 'removed',
    });
  });

  test('RM50 and N30 (mục II.1(1)): one conference decides removals (against convened) and nominations (against present) side by side', () => {
    const result = runStep('annual-local', 1, {
      conference: { convened: 20, present: 16 },
      removals: votes([['old', 10], ['gone', 11]]),
      votes: votes([['new', 5], ['weak', 4]]),
      roster: [
        { id: 'old', name: 'A', titles: [], inPlanning: true },
        { id: 'gone', name: 'B', titles: [], inPlanning: true },
      ],
    });
    expect(result.blocked).toBe(false);
    expect(person(result, 'old').outcome).toBe('kept');
    expect(person(result, 'gone').outcome).toBe('removed');
    expect(person(result, 'new').outcome).toBe('pass'); // 5/16 = 31.25% > 30%
    expect(person(result, 'weak').outcome).toBe('fail'); // 4/16 = 25%
    expect(thresholdOf(person(result, 'new')).base).toBe(16);
    expect(thresholdOf(person(result, 'gone')).base).toBe(20);
  });
});

describe('L50 (mục I.3 and II.1(2)): passes iff 2 × agree > convened by default; the base is a profile setting', () => {
  const rows: Row[] = [
    [20, 16, 10, 'fail'], // 10/20 = 50% of convened
    [20, 16, 11, 'selected'],
    [10, 10, 5, 'fail'],
    [10, 10, 6, 'selected'],
    [9, 6, 4, 'fail'], // 4/9 < 50% though 4/6 > 50%
    [9, 6, 5, 'selected'],
  ];

  test.each(rows)('L50 (mục I.3): next-term step 3, convened %i, present %i, agree %i → %s', (convened, present, agree, expected) => {
    const p = single('next-term', 3, convened, present, agree);
    expect(p.outcome).toBe(expected);
    expect(thresholdOf(p)).toEqual({
      rule: 'L50',
      clause: 'I.3',
      numerator: agree,
      base: convened,
      baseKind: 'convened',
      threshold: { num: 50, den: 100 },
      strict: true,
      met: expected === 'selected',
    });
  });

  test.each(rows)('L50 (mục II.1(2)): annual-local step 2, convened %i, present %i, agree %i → %s', (convened, present, agree, expected) => {
    const p = single('annual-local', 2, convened, present, agree);
    expect(p.outcome).toBe(expected);
    expect(thresholdOf(p)).toMatchObject({ rule: 'L50', clause: 'II.1(2)', numerator: agree, base: convened, baseKind: 'convened' });
  });

  const presentBase: RuleProfile = { ...DEFAULT_PROFILE, leadership: { ...DEFAULT_PROFILE.leadership, base: 'present' } };

  test.each([
    ['next-term', 3, 'I.3'],
    ['annual-local', 2, 'II.1(2)'],
  ] as const)('L50 (mục %s step %i): with base "present" in the profile, 9 of 16 present (20 convened) passes and the finding says baseKind "present"', (procedure, step, clause) => {
    expect(single(procedure, step, 20, 16, 9).outcome).toBe('fail'); // 9/20 by default
    const p = single(procedure, step, 20, 16, 9, presentBase);
    expect(p.outcome).toBe('selected');
    expect(thresholdOf(p)).toEqual({
      rule: 'L50',
      clause,
      numerator: 9,
      base: 16,
      baseKind: 'present',
      threshold: { num: 50, den: 100 },
      strict: true,
      met: true,
    });
    // Exactly half of those present still fails.
    expect(single(procedure, step, 20, 16, 8, presentBase).outcome).toBe('fail');
  });
});

describe('L50C (mục II.2(4)): "ít nhất trên 50% so với tổng số người được triệu tập" — 2 × agree > convened', () => {
  const rows: Row[] = [
    [20, 14, 10, 'fail'], // 10/20 = 50%, though 10/14 > 50% of present
    [20, 14, 11, 'selected'],
    [7, 5, 3, 'fail'],
    [7, 5, 4, 'selected'],
    [10, 10, 5, 'fail'],
    [10, 10, 6, 'selected'],
  ];

  test.each(rows)('L50C (mục II.2(4)): annual-external step 4, convened %i, present %i, agree %i → %s', (convened, present, agree, expected) => {
    const p = single('annual-external', 4, convened, present, agree);
    expect(p.outcome).toBe(expected);
    expect(thresholdOf(p)).toEqual({
      rule: 'L50C',
      clause: 'II.2(4)',
      numerator: agree,
      base: convened,
      baseKind: 'convened',
      threshold: { num: 50, den: 100 },
      strict: true,
      met: expected === 'selected',
    });
  });

  test('L50C (mục II.2(4)): changing the L50 base in the profile does not touch L50C', () => {
    const profile: RuleProfile = { ...DEFAULT_PROFILE, leadership: { ...DEFAULT_PROFILE.leadership, base: 'present' } };
    const p = single('annual-external', 4, 20, 14, 10, profile);
    expect(p.outcome).toBe('fail');
    expect(thresholdOf(p).baseKind).toBe('convened');
  });

  test('L50C (mục II.2(4)): a fail carries no TOP finding and no diagnostics are raised for a clean count', () => {
    const result = runStep('annual-external', 4, { conference: { convened: 20, present: 14 }, votes: votes([['a', 10]]) });
    expect(codes(result)).toEqual([]);
    expect(person(result, 'a').explanation.map((f) => f.rule)).toEqual(['L50C']);
  });
});
