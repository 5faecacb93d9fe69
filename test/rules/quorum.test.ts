/**
 * QUORUM (Lưu ý 1): "Các hội nghị được tiến hành khi có ít nhất 2/3 số người được triệu tập có mặt."
 * Valid iff 3 × present ≥ 2 × convened; an invalid conference gives no pass/fail at all,
 * only the error with both numbers.
 */
import fc from 'fast-check';
import { assessConference, DEFAULT_PROFILE, runStep, type ProcedureId } from '../../src/rules';
import { codes, only, votes } from './helpers';

const VOTING_STEPS: [ProcedureId, number][] = [
  ['next-term', 2],
  ['next-term', 3],
  ['annual-local', 1],
  ['annual-local', 2],
  ['annual-external', 4],
];
const ALL_CONFERENCES: [ProcedureId, number][] = [...VOTING_STEPS, ['annual-external', 2]];

const ballot = votes([['a', 9], ['b', 7], ['c', 2]]);

describe('QUORUM (Lưu ý 1): at least 2/3 of those convened present', () => {
  test.each([
    [15, 10, true, 10],
    [15, 9, false, 10],
    [3, 2, true, 2],
    [3, 1, false, 2],
    [20, 14, true, 14],
    [20, 13, false, 14],
    [9, 6, true, 6],
    [9, 5, false, 6],
    [10, 7, true, 7],
    [10, 6, false, 7],
    [1, 1, true, 1],
    [1, 0, false, 1],
  ])('QUORUM (Lưu ý 1): convened %i, present %i → quorate %s, required ⌈2c/3⌉ = %i', (convened, present, quorate, required) => {
    const result = runStep('next-term', 3, { conference: { convened, present }, votes: votes([['a', Math.min(present, 1)]]) });
    expect(result.conference).toMatchObject({ convened, present, quorate, required });
    expect(result.blocked).toBe(!quorate);
    expect(codes(result).includes('E-QUORUM')).toBe(!quorate);
  });

  test.each(ALL_CONFERENCES)('QUORUM (Lưu ý 1): %s step %i with 9 of 15 present gives no outcome at all, only E-QUORUM with convened, present and required', (procedure, step) => {
    const result = runStep(procedure, step, {
      conference: { convened: 15, present: 9, source: { present: { sheet: 'Hội nghị', cell: 'C5' } } },
      votes: ballot,
      removals: votes([['a', 9]]),
      approval: { date: '2026-03-01' },
    });
    expect(result.blocked).toBe(true);
    expect(result.people).toEqual([]);
    expect(result.conference?.quorate).toBe(false);
    const d = only(result, 'E-QUORUM');
    expect(d).toMatchObject({ severity: 'error', rule: 'QUORUM', at: { sheet: 'Hội nghị', cell: 'C5' } });
    expect(d.params).toMatchObject({ convened: 15, present: 9, required: 10 });
  });

  test.each(VOTING_STEPS)('QUORUM (Lưu ý 1): %s step %i with 10 of 15 present (exactly 2/3) is valid and gives outcomes', (procedure, step) => {
    const result = runStep(procedure, step, { conference: { convened: 15, present: 10 }, votes: votes([['a', 9], ['b', 2]]) });
    expect(result.blocked).toBe(false);
    expect(codes(result)).not.toContain('E-QUORUM');
    expect(result.people.map((p) => p.id).sort()).toEqual(['a', 'b']);
  });

  test('QUORUM (Lưu ý 1): a unanimous vote at an inquorate conference is still not a pass', () => {
    const result = runStep('annual-external', 4, { conference: { convened: 30, present: 19 }, votes: votes([['a', 19]]) });
    expect(result.people).toEqual([]);
    expect(only(result, 'E-QUORUM').params).toMatchObject({ convened: 30, present: 19, required: 20 });
  });

  test('QUORUM (Lưu ý 1): a conference with nobody convened is not valid', () => {
    const result = runStep('next-term', 2, { conference: { convened: 0, present: 0 }, votes: [] });
    expect(result.conference?.quorate).toBe(false);
    expect(result.blocked).toBe(true);
    expect(result.people).toEqual([]);
    expect(only(result, 'E-QUORUM').params).toMatchObject({ convened: 0, present: 0 });
  });

  test('QUORUM / COMPOSE: a voting step with no conference numbers is blocked with E-CONFERENCE-MISSING (counts are never guessed)', () => {
    const result = runStep('next-term', 3, { votes: ballot });
    expect(result.blocked).toBe(true);
    expect(result.people).toEqual([]);
    expect(codes(result)).toEqual(['E-CONFERENCE-MISSING']);
  });

  test('QUORUM (Lưu ý 1): the threshold is the profile\'s — at 3/4, 11 of 15 present is not valid (12 required)', () => {
    const profile = { ...DEFAULT_PROFILE, quorum: { threshold: { num: 3, den: 4 }, strict: false } };
    const result = runStep('next-term', 2, { conference: { convened: 15, present: 11 }, votes: ballot.map((v) => ({ ...v, agree: 1 })), profile });
    expect(result.blocked).toBe(true);
    expect(only(result, 'E-QUORUM').params).toMatchObject({ convened: 15, present: 11, required: 12 });
  });

  test('QUORUM (Lưu ý 1): property — for random convened and present, quorate iff convened > 0 and 3 × present ≥ 2 × convened; required = ⌈2c/3⌉', () => {
    const conference = fc.integer({ min: 1, max: 5000 }).chain((c) => fc.tuple(fc.constant(c), fc.integer({ min: 0, max: c })));
    fc.assert(
      fc.property(conference, ([convened, present]) => {
        const expectedQuorate = 3 * present >= 2 * convened;
        const required = Math.ceil((2 * convened) / 3);
        const { result, diagnostics } = assessConference({ convened, present }, DEFAULT_PROFILE, 'next-term', 3);
        expect(result).toMatchObject({ convened, present, quorate: expectedQuorate, required });
        // required is the least attendance that is quorate
        expect(3 * required >= 2 * convened && 3 * (required - 1) < 2 * convened).toBe(true);

        const step = runStep('next-term', 3, { conference: { convened, present }, votes: votes([['a', 0]]) });
        if (expectedQuorate) {
          expect(diagnostics).toEqual([]);
          expect(step.blocked).toBe(false);
          expect(step.people).toHaveLength(1);
        } else {
          expect(diagnostics.map((d) => d.code)).toEqual(['E-QUORUM']);
          expect(diagnostics[0].params).toMatchObject({ convened, present, required });
          expect(step.blocked).toBe(true);
          expect(step.people).toEqual([]);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
