/**
 * RULES.md "Input invariants (a breach blocks that conference, with the cell named)".
 * Every breach: result.blocked, no outcomes, the diagnostic's code, and the `at` cell given on input.
 */
import { checkConference, checkVotes, runStep, type ConferenceInput, type ProcedureId, type StepInput, type StepResult, type VoteRow } from '../../src/rules';
import { codes, only, TITLE } from './helpers';

const at = (cell: string) => ({ sheet: 'KP HN cán bộ', cell });
const row = (id: string, agree: unknown, cell: string, title = TITLE): VoteRow => ({ id, name: `Trần Văn ${id}`, title, agree: agree as number, source: at(cell) });
const cleanVotes = [row('a', 7, 'E9'), row('b', 2, 'E10')];
const conf = (c: Partial<ConferenceInput> = {}): ConferenceInput => ({
  convened: 10,
  present: 10,
  source: { convened: at('C4'), present: at('C5'), ballots: { issued: at('C6'), returned: at('C7'), valid: at('C8'), invalid: at('C9') } },
  ...c,
});

/** The breach blocks the step, leaves no outcome, and names the cell. */
function expectBlocked(result: StepResult, code: string, cell: string | undefined): void {
  expect(result.blocked).toBe(true);
  expect(result.people).toEqual([]);
  const d = only(result, code);
  expect(d.severity).toBe('error');
  if (cell) expect(d.at).toEqual(at(cell));
}

const VOTING_STEPS: [ProcedureId, number][] = [
  ['next-term', 2],
  ['next-term', 3],
  ['annual-local', 1],
  ['annual-local', 2],
  ['annual-external', 4],
];

describe('Input invariants (RULES.md): counts are whole numbers ≥ 0', () => {
  test.each([
    ['a fraction', 10.5],
    ['a negative number', -1],
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['text', '10'],
    ['empty', undefined],
  ])('Input invariants: convened given as %s is E-COUNT-NOT-WHOLE naming the convened cell', (_label, value) => {
    const result = runStep('next-term', 3, { conference: conf({ convened: value as number }), votes: cleanVotes });
    expectBlocked(result, 'E-COUNT-NOT-WHOLE', 'C4');
    expect(only(result, 'E-COUNT-NOT-WHOLE').params).toMatchObject({ field: 'convened', value: String(value) });
  });

  test.each([
    ['a fraction', 7.25],
    ['a negative number', -3],
    ['NaN', NaN],
    ['text', 'bảy'],
  ])('Input invariants: present given as %s is E-COUNT-NOT-WHOLE naming the present cell', (_label, value) => {
    const result = runStep('next-term', 2, { conference: conf({ present: value as number }), votes: cleanVotes });
    expectBlocked(result, 'E-COUNT-NOT-WHOLE', 'C5');
    expect(only(result, 'E-COUNT-NOT-WHOLE').params).toMatchObject({ field: 'present' });
  });

  test.each([
    ['a fraction', 6.5],
    ['a negative number', -1],
    ['NaN', NaN],
    ['text', '6'],
  ])('Input invariants: agree given as %s is E-COUNT-NOT-WHOLE naming the vote cell, in every voting step', (_label, value) => {
    for (const [procedure, step] of VOTING_STEPS) {
      const result = runStep(procedure, step, { conference: conf(), votes: [row('a', 7, 'E9'), row('b', value, 'E10')] });
      expectBlocked(result, 'E-COUNT-NOT-WHOLE', 'E10');
      expect(only(result, 'E-COUNT-NOT-WHOLE').params).toMatchObject({ field: 'agree', name: 'Trần Văn b' });
    }
  });

  test('Input invariants (RM50): removeAgree given as a fraction is E-COUNT-NOT-WHOLE naming the removal cell', () => {
    const result = runStep('annual-local', 1, {
      conference: conf(),
      removals: [row('x', 5.5, 'F12')],
      roster: [{ id: 'x', name: 'Trần Văn x', titles: [TITLE], inPlanning: true }],
    });
    expectBlocked(result, 'E-COUNT-NOT-WHOLE', 'F12');
    expect(only(result, 'E-COUNT-NOT-WHOLE').params).toMatchObject({ field: 'removeAgree' });
  });

  test('Input invariants: a ballot count given as a fraction is E-COUNT-NOT-WHOLE naming the ballot cell', () => {
    const result = runStep('next-term', 3, { conference: conf({ ballots: { issued: 9.5 } }), votes: cleanVotes });
    expectBlocked(result, 'E-COUNT-NOT-WHOLE', 'C6');
    expect(only(result, 'E-COUNT-NOT-WHOLE').params).toMatchObject({ field: 'ballots.issued' });
  });

  test('Input invariants: zero is a whole number — 0 agree votes is a valid count (it fails, it does not block)', () => {
    const result = runStep('next-term', 2, { conference: conf(), votes: [row('a', 0, 'E9')] });
    expect(result.blocked).toBe(false);
    expect(result.people[0].outcome).toBe('fail');
  });
});

describe('Input invariants (RULES.md): present ≤ convened, agree ≤ present', () => {
  test.each(VOTING_STEPS)('Input invariants: %s step %i with 11 present of 10 convened is E-PRESENT-GT-CONVENED naming the present cell', (procedure, step) => {
    const result = runStep(procedure, step, { conference: conf({ present: 11 }), votes: cleanVotes });
    expectBlocked(result, 'E-PRESENT-GT-CONVENED', 'C5');
    expect(only(result, 'E-PRESENT-GT-CONVENED').params).toMatchObject({ present: 11, convened: 10 });
  });

  test('Input invariants: E-PRESENT-GT-CONVENED also blocks the approval conference of II.2(2)', () => {
    const result = runStep('annual-external', 2, { conference: conf({ present: 11 }), approval: { date: '2026-03-01' } });
    expectBlocked(result, 'E-PRESENT-GT-CONVENED', 'C5');
  });

  test.each(VOTING_STEPS)('Input invariants: %s step %i with 9 present and 10 agree is E-AGREE-GT-PRESENT naming the vote cell', (procedure, step) => {
    const result = runStep(procedure, step, { conference: conf({ present: 9 }), votes: [row('a', 7, 'E9'), row('b', 10, 'E10')] });
    expectBlocked(result, 'E-AGREE-GT-PRESENT', 'E10');
    expect(only(result, 'E-AGREE-GT-PRESENT').params).toMatchObject({ name: 'Trần Văn b', agree: 10, present: 9 });
  });

  test('Input invariants: agree equal to present (unanimous) is fine', () => {
    const result = runStep('next-term', 3, { conference: conf({ present: 9 }), votes: [row('a', 9, 'E9')] });
    expect(result.blocked).toBe(false);
    expect(result.people[0].outcome).toBe('selected');
  });

  test('Input invariants (RM50): remove-agree above present is E-AGREE-GT-PRESENT naming the removal cell', () => {
    const result = runStep('annual-local', 1, {
      conference: conf({ present: 8 }),
      removals: [row('x', 9, 'F12')],
      roster: [{ id: 'x', name: 'Trần Văn x', titles: [TITLE], inPlanning: true }],
    });
    expectBlocked(result, 'E-AGREE-GT-PRESENT', 'F12');
  });
});

describe('Input invariants (RULES.md): where ballots are recorded, valid + invalid = returned ≤ issued ≤ present', () => {
  test('Input invariants: consistent ballots (issued 10, returned 9 = 8 valid + 1 invalid, present 10) do not block', () => {
    const result = runStep('next-term', 3, { conference: conf({ ballots: { issued: 10, returned: 9, valid: 8, invalid: 1 } }), votes: cleanVotes });
    expect(result.blocked).toBe(false);
    expect(codes(result).filter((c) => c.startsWith('E-'))).toEqual([]);
  });

  test('Input invariants: 7 valid + 2 invalid ≠ 10 returned is E-BALLOTS-SUM naming the returned cell', () => {
    const result = runStep('next-term', 3, { conference: conf({ ballots: { issued: 10, returned: 10, valid: 7, invalid: 2 } }), votes: cleanVotes });
    expectBlocked(result, 'E-BALLOTS-SUM', 'C7');
    expect(only(result, 'E-BALLOTS-SUM').params).toMatchObject({ valid: 7, invalid: 2, returned: 10 });
  });

  test('Input invariants: 10 returned of 9 issued is E-BALLOTS-RETURNED-GT-ISSUED naming the returned cell', () => {
    const result = runStep('annual-local', 2, { conference: conf({ ballots: { issued: 9, returned: 10 } }), votes: cleanVotes });
    expectBlocked(result, 'E-BALLOTS-RETURNED-GT-ISSUED', 'C7');
    expect(only(result, 'E-BALLOTS-RETURNED-GT-ISSUED').params).toMatchObject({ returned: 10, issued: 9 });
  });

  test('Input invariants: 11 issued with 10 present is E-BALLOTS-ISSUED-GT-PRESENT naming the issued cell', () => {
    const result = runStep('annual-external', 4, { conference: conf({ ballots: { issued: 11 } }), votes: cleanVotes });
    expectBlocked(result, 'E-BALLOTS-ISSUED-GT-PRESENT', 'C6');
    expect(only(result, 'E-BALLOTS-ISSUED-GT-PRESENT').params).toMatchObject({ issued: 11, present: 10 });
  });

  test('Input invariants: checkConference gives nothing for a clean conference and each ballot breach once', () => {
    expect(checkConference({ convened: 10, present: 7 })).toEqual([]);
    expect(checkConference({ convened: 10, present: 7, ballots: { issued: 8, returned: 9, valid: 9, invalid: 0 } }).map((d) => d.code)).toEqual([
      'E-BALLOTS-RETURNED-GT-ISSUED',
      'E-BALLOTS-ISSUED-GT-PRESENT',
    ]);
  });
});

describe('Input invariants (RULES.md): one row per person per title', () => {
  test('Input invariants: the same person twice for the same title is E-DUPLICATE-ROW naming the second row and the first', () => {
    const rows = [row('a', 7, 'E9'), row('b', 6, 'E10'), row('a', 5, 'E11')];
    for (const [procedure, step] of VOTING_STEPS) {
      const result = runStep(procedure, step, { conference: conf(), votes: rows });
      expectBlocked(result, 'E-DUPLICATE-ROW', 'E11');
      expect(only(result, 'E-DUPLICATE-ROW').params).toMatchObject({ name: 'Trần Văn a', title: TITLE, firstSheet: 'KP HN cán bộ', firstCell: 'E9' });
    }
  });

  test('Input invariants: the same person for two different titles is fine', () => {
    const rows = [row('a', 7, 'E9'), row('a', 8, 'E10', 'Phó Trưởng phòng')];
    const result = runStep('next-term', 3, { conference: conf(), votes: rows });
    expect(result.blocked).toBe(false);
    expect(result.people.map((p) => [p.id, p.title, p.outcome])).toEqual([
      ['a', TITLE, 'selected'],
      ['a', 'Phó Trưởng phòng', 'selected'],
    ]);
  });

  test('Input invariants: checkVotes on clean rows gives nothing', () => {
    expect(checkVotes(cleanVotes, 10)).toEqual([]);
  });
});

describe('Input invariants (RULES.md, RM50 mục II.1(1)): removal applies only to people currently in planning', () => {
  const roster: StepInput['roster'] = [
    { id: 'in', name: 'Trần Văn in', titles: [TITLE], inPlanning: true },
    { id: 'out', name: 'Trần Văn out', titles: [TITLE], inPlanning: false },
  ];

  test('Input invariants: a removal vote on someone not in planning is E-REMOVAL-NOT-IN-PLANNING naming the row', () => {
    const result = runStep('annual-local', 1, { conference: conf(), removals: [row('in', 6, 'F9'), row('out', 6, 'F10')], roster });
    expectBlocked(result, 'E-REMOVAL-NOT-IN-PLANNING', 'F10');
    expect(only(result, 'E-REMOVAL-NOT-IN-PLANNING')).toMatchObject({ rule: 'RM50', params: { name: 'Trần Văn out', title: TITLE } });
  });

  test('Input invariants: a removal vote on someone not on the roster at all is E-REMOVAL-NOT-IN-PLANNING', () => {
    const result = runStep('annual-local', 1, { conference: conf(), removals: [row('ghost', 6, 'F11')], roster });
    expectBlocked(result, 'E-REMOVAL-NOT-IN-PLANNING', 'F11');
  });

  test('Input invariants: removal votes on people in planning do not block', () => {
    const result = runStep('annual-local', 1, { conference: conf(), removals: [row('in', 6, 'F9')], roster });
    expect(result.blocked).toBe(false);
    expect(result.people[0]).toMatchObject({ id: 'in', outcome: 'removed' });
  });
});

describe('Input invariants: unknown steps and empty counts', () => {
  test('Input invariants: a step that does not exist is E-STEP-UNKNOWN and blocked', () => {
    const result = runStep('next-term', 4, { conference: conf(), votes: cleanVotes });
    expect(result.blocked).toBe(true);
    expect(codes(result)).toEqual(['E-STEP-UNKNOWN']);
  });

  test('Input invariants: a voting step with no vote rows warns W-NO-VOTES and does not block', () => {
    const result = runStep('next-term', 2, { conference: conf(), votes: [] });
    expect(result.blocked).toBe(false);
    expect(codes(result)).toEqual(['W-NO-VOTES']);
  });
});
