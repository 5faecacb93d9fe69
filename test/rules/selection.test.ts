/**
 * TOP ("lấy từ trên xuống cho đủ số lượng theo quy định") and TIE ("Trường hợp có từ 02 người
 * trở lên có số phiếu bằng nhau trên 50%, thì giao cho người đứng đầu xem xét, quyết định").
 * Leadership vote of next-term step 3 unless stated; 10 convened and present, so L50 needs 6.
 */
import fc from 'fast-check';
import { DEFAULT_PROFILE, runStep, type HeadDecision, type RuleProfile, type StepInput, type VoteRow } from '../../src/rules';
import { codes, DEPUTY, isTop, only, outcomes, person, tieOf, TITLE, votes } from './helpers';

const conference = { convened: 10, present: 10 };
const run = (rows: VoteRow[], extra: Partial<StepInput> = {}) => runStep('next-term', 3, { conference, votes: rows, ...extra });
const decision = (chosen: string[], extra: Partial<HeadDecision> = {}): HeadDecision => ({
  title: TITLE,
  chosen,
  by: 'Bí thư Chi bộ Lê Văn Hùng',
  on: '2026-03-10',
  ...extra,
});

describe('TOP (mục I.3, II.2(4)): select from the top down to the quota of the title', () => {
  test('TOP (mục I.3): quota 3 with a clear top 3 — the three highest are selected, other passers are "đạt nhưng ngoài số lượng", failers fail', () => {
    const result = run(votes([['a', 10], ['b', 9], ['c', 8], ['d', 7], ['e', 6], ['f', 5]]));
    expect(result.blocked).toBe(false);
    expect(codes(result).filter((c) => c.startsWith('E-'))).toEqual([]);
    expect(outcomes(result)).toEqual({ a: 'selected', b: 'selected', c: 'selected', d: 'passed-not-selected', e: 'passed-not-selected', f: 'fail' });
    expect(result.people.map((p) => p.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(person(result, 'c').explanation.find(isTop)).toEqual({ rule: 'TOP', clause: 'I.3', quota: 3, rank: 3, within: true });
    expect(person(result, 'd').explanation.find(isTop)).toEqual({ rule: 'TOP', clause: 'I.3', quota: 3, rank: 4, within: false });
    expect(person(result, 'f').explanation.find(isTop)).toBeUndefined();
  });

  test('TOP (mục I.3): people who fail L50 take no seat — one passer and many failers gives one selected', () => {
    const result = run(votes([['a', 9], ['b', 5], ['c', 5], ['d', 4]]));
    expect(outcomes(result)).toEqual({ a: 'selected', b: 'fail', c: 'fail', d: 'fail' });
    // A tie among people who fail is not a TIE: nothing goes to the head.
    expect(result.people.some((p) => tieOf(p))).toBe(false);
  });

  test('TOP (mục I.3): fewer passers than the quota — all passers are selected', () => {
    const result = run(votes([['a', 6], ['b', 3]]));
    expect(outcomes(result)).toEqual({ a: 'selected', b: 'fail' });
  });

  test('TOP (mục I.3): titles are ranked and filled separately', () => {
    const result = run([...votes([['a', 9], ['b', 8], ['c', 7], ['d', 6]]), ...votes([['a', 6], ['e', 7]], DEPUTY)]);
    expect(person(result, 'd', TITLE).outcome).toBe('passed-not-selected');
    expect(person(result, 'a', DEPUTY).outcome).toBe('selected');
    expect(person(result, 'a', DEPUTY).rank).toBe(2);
    expect(person(result, 'e', DEPUTY).rank).toBe(1);
  });

  test('TOP (quota per title from the step input): quota 2 for the title selects 2 and the title summary reports quota 2', () => {
    const result = run(votes([['a', 9], ['b', 8], ['c', 7]]), { quota: { [TITLE]: 2 } });
    expect(outcomes(result)).toEqual({ a: 'selected', b: 'selected', c: 'passed-not-selected' });
    expect(person(result, 'a').explanation.find(isTop)?.quota).toBe(2);
    expect(result.titles?.find((t) => t.title === TITLE)).toMatchObject({ quota: 2, count: 2 });
  });

  test('TOP (quota per title from the profile): perTitle 1 selects only the top; other titles keep the default 3', () => {
    const profile: RuleProfile = { ...DEFAULT_PROFILE, quota: { ...DEFAULT_PROFILE.quota, perTitle: { [TITLE]: 1 } } };
    const result = run([...votes([['a', 9], ['b', 8]]), ...votes([['c', 9], ['d', 8], ['e', 7], ['f', 6]], DEPUTY)], { profile });
    expect(outcomes(result)).toMatchObject({ a: 'selected', b: 'passed-not-selected' });
    expect([...result.people].filter((p) => p.title === DEPUTY && p.outcome === 'selected').map((p) => p.id)).toEqual(['c', 'd', 'e']);
    expect(result.titles?.find((t) => t.title === TITLE)?.quota).toBe(1);
    expect(result.titles?.find((t) => t.title === DEPUTY)?.quota).toBe(3);
  });

  test('TOP (Quy định 377: one person at most 3 titles at one level): selected for 4 titles warns W-STRUCT-TITLES-PER-PERSON', () => {
    const titles = ['Trưởng phòng', 'Phó Trưởng phòng', 'Chánh Văn phòng', 'Phó Chánh Văn phòng'];
    const rows = titles.map((title) => ({ id: 'a', name: 'Nguyễn Văn A', title, agree: 8 }));
    const result = run(rows);
    expect(only(result, 'W-STRUCT-TITLES-PER-PERSON').params).toMatchObject({ name: 'Nguyễn Văn A', count: 4, max: 3 });
    expect(result.blocked).toBe(false);
    expect(run(rows.slice(0, 3)).diagnostics.map((d) => d.code)).not.toContain('W-STRUCT-TITLES-PER-PERSON');
  });
});

describe('TIE (mục I.3, II.1(2), II.2(4)): equal votes above 50% that the quota cannot all take go to the head', () => {
  test('TIE (mục I.3): a tie wholly inside the quota needs no decision — all are selected (straddle mode)', () => {
    const result = run(votes([['a', 9], ['b', 8], ['c', 8], ['d', 7]]));
    expect(outcomes(result)).toEqual({ a: 'selected', b: 'selected', c: 'selected', d: 'passed-not-selected' });
    expect(result.people.some((p) => tieOf(p))).toBe(false);
    expect(person(result, 'b').rank).toBe(2);
    expect(person(result, 'c').rank).toBe(2);
    expect(person(result, 'd').rank).toBe(4);
    expect(codes(result)).toEqual([]);
  });

  test('TIE (mục I.3): a three-way tie exactly filling quota 3 selects all three', () => {
    const result = run(votes([['a', 7], ['b', 7], ['c', 7]]));
    expect(outcomes(result)).toEqual({ a: 'selected', b: 'selected', c: 'selected' });
  });

  test('TIE (mục I.3): a tie straddling the quota line — nobody in it is selected, they await the head, seats = places left', () => {
    const result = run(votes([['a', 9], ['b', 8], ['c', 8], ['d', 8], ['e', 7], ['f', 2]]));
    expect(result.blocked).toBe(false);
    expect(outcomes(result)).toEqual({ a: 'selected', b: 'awaiting-head', c: 'awaiting-head', d: 'awaiting-head', e: 'passed-not-selected', f: 'fail' });
    for (const id of ['b', 'c', 'd']) {
      const tie = tieOf(person(result, id));
      expect(tie).toEqual({ rule: 'TIE', clause: 'I.3', votes: 8, tiedWith: ['b', 'c', 'd'], seats: 2 });
      expect(person(result, id).explanation.find(isTop)?.within).toBe(false);
    }
    expect(tieOf(person(result, 'a'))).toBeUndefined();
  });

  test('TIE (mục I.3): a tie for the first places when quota is 1 — seats 1, everyone in the tie awaits', () => {
    const result = run(votes([['a', 8], ['b', 8], ['c', 6]]), { quota: { [TITLE]: 1 } });
    expect(outcomes(result)).toEqual({ a: 'awaiting-head', b: 'awaiting-head', c: 'passed-not-selected' });
    expect(tieOf(person(result, 'a'))?.seats).toBe(1);
  });

  test('TIE (mục I.3): the head\'s recorded decision selects the chosen, puts the rest of the tie "đạt nhưng ngoài số lượng", and stays on the explanation', () => {
    const rows = votes([['a', 9], ['b', 8], ['c', 8], ['d', 8], ['e', 7]]);
    const d = decision(['b', 'd'], { source: { sheet: 'Quyết định', cell: 'B3' } });
    const result = run(rows, { decisions: [d] });
    expect(result.blocked).toBe(false);
    expect(codes(result)).toEqual([]);
    expect(outcomes(result)).toEqual({ a: 'selected', b: 'selected', c: 'passed-not-selected', d: 'selected', e: 'passed-not-selected' });
    for (const id of ['b', 'c', 'd']) {
      expect(tieOf(person(result, id))).toEqual({
        rule: 'TIE',
        clause: 'I.3',
        votes: 8,
        tiedWith: ['b', 'c', 'd'],
        seats: 2,
        decision: { by: 'Bí thư Chi bộ Lê Văn Hùng', on: '2026-03-10', chosen: ['b', 'd'] },
      });
    }
    expect(person(result, 'b').explanation.find(isTop)?.within).toBe(true);
    expect(person(result, 'c').explanation.find(isTop)?.within).toBe(false);
    expect(result.titles?.find((t) => t.title === TITLE)?.count).toBe(3);
  });

  test('TIE (mục II.1(2) and II.2(4)): the same tie handling applies to the annual leadership votes', () => {
    for (const [procedure, step, clause] of [
      ['annual-local', 2, 'II.1(2)'],
      ['annual-external', 4, 'II.2(4)'],
    ] as const) {
      const rows = votes([['a', 8], ['b', 8], ['c', 8], ['d', 8]]);
      const waiting = runStep(procedure, step, { conference, votes: rows });
      expect(waiting.people.every((p) => p.outcome === 'awaiting-head')).toBe(true);
      expect(tieOf(waiting.people[0])).toMatchObject({ clause, seats: 3 });
      const decided = runStep(procedure, step, { conference, votes: rows, decisions: [decision(['a', 'c', 'd'])] });
      expect(outcomes(decided)).toEqual({ a: 'selected', b: 'passed-not-selected', c: 'selected', d: 'selected' });
    }
  });

  test('TIE (mục I.3): a decision choosing someone not in the tie is E-DECISION-NOT-IN-TIE and blocks the step', () => {
    const rows = votes([['a', 9], ['b', 8], ['c', 8], ['d', 8], ['e', 7]]);
    const at = { sheet: 'Quyết định', cell: 'B4' };
    const mixed = run(rows, { decisions: [decision(['b', 'e'], { source: at })] });
    expect(mixed.blocked).toBe(true);
    expect(mixed.people).toEqual([]);
    const d = only(mixed, 'E-DECISION-NOT-IN-TIE');
    expect(d.params).toMatchObject({ title: TITLE, chosen: ['e'] });
    expect(d.at).toEqual(at);

    // Choosing only people outside the tie is the same error — there is a tie, the choice is outside it.
    const outside = run(rows, { decisions: [decision(['e'], { source: at })] });
    expect(outside.blocked).toBe(true);
    expect(codes(outside)).toContain('E-DECISION-NOT-IN-TIE');
    expect(codes(outside)).not.toContain('E-DECISION-NO-TIE');
    expect(only(outside, 'E-DECISION-NOT-IN-TIE').params).toMatchObject({ chosen: ['e'] });
  });

  test('TIE (mục I.3): a decision choosing more than the seats left is E-DECISION-TOO-MANY and blocks the step', () => {
    const result = run(votes([['a', 9], ['b', 8], ['c', 8], ['d', 8]]), { decisions: [decision(['b', 'c', 'd'])] });
    expect(result.blocked).toBe(true);
    expect(result.people).toEqual([]);
    expect(only(result, 'E-DECISION-TOO-MANY').params).toMatchObject({ title: TITLE, chosen: 3, seats: 2 });
  });

  test('TIE (mục I.3): a decision for a title with no tie is E-DECISION-NO-TIE and blocks the step', () => {
    const at = { sheet: 'Quyết định', cell: 'B5' };
    const result = run(votes([['a', 9], ['b', 8], ['c', 7]]), { decisions: [decision(['b'], { source: at })] });
    expect(result.blocked).toBe(true);
    const d = only(result, 'E-DECISION-NO-TIE');
    expect(d.params).toMatchObject({ title: TITLE, chosen: ['b'] });
    expect(d.at).toEqual(at);
  });

  test('TIE (mục I.3): a decision naming a title with no tie does not touch a tie of another title', () => {
    const rows = [...votes([['a', 8], ['b', 8], ['c', 8], ['d', 8]]), ...votes([['x', 9]], DEPUTY)];
    const result = run(rows, { decisions: [decision(['x'], { title: DEPUTY })] });
    expect(codes(result)).toContain('E-DECISION-NO-TIE');
    const still = run(rows);
    expect(still.people.filter((p) => p.title === TITLE).every((p) => p.outcome === 'awaiting-head')).toBe(true);
  });

  test('TIE (mục I.3): a decision choosing fewer than the seats warns W-DECISION-FEWER; the chosen are selected, the rest not', () => {
    const result = run(votes([['a', 9], ['b', 8], ['c', 8], ['d', 8]]), { decisions: [decision(['c'])] });
    expect(result.blocked).toBe(false);
    expect(only(result, 'W-DECISION-FEWER')).toMatchObject({ severity: 'warning', params: { title: TITLE, chosen: 1, seats: 2 } });
    expect(outcomes(result)).toEqual({ a: 'selected', b: 'passed-not-selected', c: 'selected', d: 'passed-not-selected' });
  });

  test('TIE (profile switch, mode "all"): every tie among passers goes to the head, even one inside the quota', () => {
    const profile: RuleProfile = { ...DEFAULT_PROFILE, tie: { mode: 'all' } };
    const rows = votes([['a', 9], ['b', 9], ['c', 7], ['d', 6]]);
    const result = run(rows, { profile });
    expect(outcomes(result)).toEqual({ a: 'awaiting-head', b: 'awaiting-head', c: 'selected', d: 'passed-not-selected' });
    expect(tieOf(person(result, 'a'))).toMatchObject({ votes: 9, tiedWith: ['a', 'b'], seats: 2 });
    // Default mode: the same votes need no decision.
    expect(outcomes(run(rows))).toEqual({ a: 'selected', b: 'selected', c: 'selected', d: 'passed-not-selected' });
    // Mode "all" still never sends a tie among people who fail.
    const failing = run(votes([['a', 9], ['b', 5], ['c', 5]]), { profile });
    expect(outcomes(failing)).toEqual({ a: 'selected', b: 'fail', c: 'fail' });
    // And a decision completes it.
    const decided = run(rows, { profile, decisions: [decision(['a', 'b'])] });
    expect(codes(decided)).toEqual([]);
    expect(outcomes(decided)).toEqual({ a: 'selected', b: 'selected', c: 'selected', d: 'passed-not-selected' });
  });
});

describe('TIE (mục I.3): decisions are matched to their own tie', () => {
  const all: RuleProfile = { ...DEFAULT_PROFILE, tie: { mode: 'all' } };
  const rows = votes([['a', 9], ['b', 9], ['c', 7], ['d', 7], ['e', 6]]);

  test('TIE (mode "all", two ties): a decision for the second tie is not taken for the first, which still awaits the head', () => {
    const result = run(rows, { profile: all, decisions: [decision(['c'])] });
    expect(codes(result)).toEqual([]);
    expect(outcomes(result)).toEqual({ a: 'awaiting-head', b: 'awaiting-head', c: 'selected', d: 'passed-not-selected', e: 'passed-not-selected' });
    expect(tieOf(person(result, 'c'))).toMatchObject({ tiedWith: ['c', 'd'], seats: 1, decision: { chosen: ['c'] } });
  });

  test('TIE (mode "all", two ties): one decision per tie completes the selection', () => {
    const result = run(rows, { profile: all, decisions: [decision(['d']), decision(['a', 'b'])] });
    expect(codes(result)).toEqual([]);
    expect(outcomes(result)).toEqual({ a: 'selected', b: 'selected', c: 'passed-not-selected', d: 'selected', e: 'passed-not-selected' });
  });
});

describe('TOP + TIE (mục I.3): properties over random vote lists', () => {
  const input = fc
    .record({
      convened: fc.integer({ min: 3, max: 30 }),
      quota: fc.integer({ min: 1, max: 5 }),
      mode: fc.constantFrom('straddle' as const, 'all' as const),
      seed: fc.array(fc.nat(), { maxLength: 12 }),
    })
    .chain(({ convened, quota, mode, seed }) =>
      fc.integer({ min: Math.ceil((2 * convened) / 3), max: convened }).map((present) => ({
        convened,
        present,
        quota,
        mode,
        // votes concentrated on few values to make ties common
        agrees: seed.map((s) => present - (s % Math.min(present + 1, 6))),
      })),
    );

  test('TOP/TIE (mục I.3): invariants — fail iff 2 × agree ≤ convened; selected ≤ quota; selected = min(quota, passers) without awaiting; ordering and ranks consistent', () => {
    fc.assert(
      fc.property(input, ({ convened, present, quota, mode, agrees }) => {
        const rows = agrees.map((agree, i) => ({ id: `p${i}`, name: `Người ${i}`, title: TITLE, agree }));
        const profile: RuleProfile = { ...DEFAULT_PROFILE, tie: { mode } };
        const result = runStep('next-term', 3, { conference: { convened, present }, votes: rows, quota: { [TITLE]: quota }, profile });
        expect(result.blocked).toBe(false);
        expect(result.people).toHaveLength(rows.length);

        const by = (o: string) => result.people.filter((p) => p.outcome === o);
        const agreeOf = (ps: typeof result.people) => ps.map((p) => p.agree ?? -1);
        const selected = by('selected');
        const awaiting = by('awaiting-head');
        const notSelected = by('passed-not-selected');
        const passers = result.people.filter((p) => p.outcome !== 'fail');

        for (const p of result.people) {
          expect(p.outcome === 'fail').toBe(2 * (p.agree ?? 0) <= convened);
          expect(p.rank).toBe(1 + rows.filter((r) => r.agree > (p.agree ?? 0)).length);
        }
        for (const p of result.people) for (const q of result.people) if (p.agree === q.agree) expect(p.rank).toBe(q.rank);
        expect(selected.length).toBeLessThanOrEqual(quota);
        expect(passers.length).toBe(selected.length + awaiting.length + notSelected.length);

        const seatsAwaiting = [...new Map(awaiting.map((p) => [JSON.stringify(tieOf(p)?.tiedWith), tieOf(p)?.seats ?? 0])).values()].reduce((a, b) => a + b, 0);
        expect(selected.length + seatsAwaiting).toBe(Math.min(quota, passers.length));
        if (awaiting.length === 0) expect(selected.length).toBe(Math.min(quota, passers.length));
        if (mode === 'straddle') {
          // at most one tie goes to the head, and it has more people than seats
          expect(new Set(agreeOf(awaiting)).size).toBeLessThanOrEqual(1);
          if (awaiting.length) expect(awaiting.length).toBeGreaterThan(seatsAwaiting);
          // everyone selected has more votes than everyone awaiting, who have more than everyone left out
          if (selected.length && awaiting.length) expect(Math.min(...agreeOf(selected))).toBeGreaterThan(Math.max(...agreeOf(awaiting)));
          if (awaiting.length && notSelected.length) expect(Math.min(...agreeOf(awaiting))).toBeGreaterThan(Math.max(...agreeOf(notSelected)));
        }
        if (selected.length && notSelected.length) expect(Math.min(...agreeOf(selected))).toBeGreaterThan(Math.max(...agreeOf(notSelected)));

        // Completing every awaiting tie with a head decision that picks the first `seats` fills exactly min(quota, passers).
        const ties = new Map(awaiting.map((p) => [JSON.stringify(tieOf(p)?.tiedWith), tieOf(p)!]));
        const decisions = [...ties.values()].map((t) => ({ title: TITLE, chosen: t.tiedWith.slice(0, t.seats), by: 'Trưởng phòng', on: '2026-03-10' }));
        const decided = runStep('next-term', 3, { conference: { convened, present }, votes: rows, quota: { [TITLE]: quota }, profile, decisions });
        expect(decided.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
        expect(decided.people.filter((p) => p.outcome === 'awaiting-head')).toEqual([]);
        expect(decided.people.filter((p) => p.outcome === 'selected')).toHaveLength(Math.min(quota, passers.length));
      }),
      { numRuns: 500 },
    );
  });
});
