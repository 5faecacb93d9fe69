/**
 * RULES.md: "Every number below is a default of the rule profile 'Phụ lục 12 (2022)', not a constant
 * in code … A user must be able to copy the profile, change a threshold, base, quota or age bound,
 * and run again, without new code."
 */
import { compareProfiles, DEFAULT_PROFILE, loadProfile, quotaFor, runStep, type Ratio, type RuleProfile } from '../../src/rules';
import { person, TITLE, votes } from './helpers';

/** A deep copy to edit, as a user copying the profile file would. */
const copy = (): RuleProfile => JSON.parse(JSON.stringify(DEFAULT_PROFILE)) as RuleProfile;
const sameRatio = (a: Ratio, b: Ratio) => a.num * b.den === b.num * a.den;

function issuesOf(input: unknown): { path: string; expected: string }[] {
  const loaded = loadProfile(input);
  if (loaded.ok) throw new Error('expected the profile to be rejected');
  return loaded.issues;
}

describe('Profile "Phụ lục 12 (2022)" holds the numbers of RULES.md', () => {
  test('QUORUM (Lưu ý 1): at least 2/3, not strict', () => {
    expect(DEFAULT_PROFILE.quorum.strict).toBe(false);
    expect(sameRatio(DEFAULT_PROFILE.quorum.threshold, { num: 2, den: 3 })).toBe(true);
  });

  test('N30 (mục I.2, II.1(1)): strictly above 3/10 of those present', () => {
    expect(DEFAULT_PROFILE.nomination).toMatchObject({ strict: true, base: 'present' });
    expect(sameRatio(DEFAULT_PROFILE.nomination.threshold, { num: 3, den: 10 })).toBe(true);
  });

  test('RM50 (mục II.1(1)): strictly above 1/2 of those convened', () => {
    expect(DEFAULT_PROFILE.removal).toMatchObject({ strict: true, base: 'convened' });
    expect(sameRatio(DEFAULT_PROFILE.removal.threshold, { num: 1, den: 2 })).toBe(true);
  });

  test('L50 (mục I.3, II.1(2)) and L50C (mục II.2(4)): strictly above 1/2 of those convened', () => {
    for (const setting of [DEFAULT_PROFILE.leadership, DEFAULT_PROFILE.externalLeadership]) {
      expect(setting).toMatchObject({ strict: true, base: 'convened' });
      expect(sameRatio(setting.threshold, { num: 1, den: 2 })).toBe(true);
    }
  });

  test('TOP (Quy định 377): quota 3 per title, a person at most 3 titles; TIE straddle by default', () => {
    expect(DEFAULT_PROFILE.quota).toEqual({ default: 3, perTitle: {}, maxTitlesPerPerson: 3 });
    expect(quotaFor(DEFAULT_PROFILE, 'any title')).toBe(3);
    expect(DEFAULT_PROFILE.tie.mode).toBe('straddle');
  });

  test('ELIG: one full term of 60 months; retirement schedules of Nghị định 135/2020', () => {
    expect(DEFAULT_PROFILE.eligibility.termMonths).toBe(60);
    expect(DEFAULT_PROFILE.eligibility.minServiceMonths).toBe(60);
    expect(DEFAULT_PROFILE.eligibility.retirement).toEqual({
      male: { previousAgeMonths: 60 * 12, startYear: 2021, startAgeMonths: 60 * 12 + 3, stepMonths: 3, finalAgeMonths: 62 * 12 },
      female: { previousAgeMonths: 55 * 12, startYear: 2021, startAgeMonths: 55 * 12 + 4, stepMonths: 4, finalAgeMonths: 60 * 12 },
    });
  });

  test('STRUCT: young is under 40; young ≥ 15%, women ≥ 25%', () => {
    expect(DEFAULT_PROFILE.structure.youngBelowAge).toBe(40);
    expect(sameRatio(DEFAULT_PROFILE.structure.youngMin, { num: 15, den: 100 })).toBe(true);
    expect(sameRatio(DEFAULT_PROFILE.structure.womenMin, { num: 25, den: 100 })).toBe(true);
  });
});

describe('loadProfile: a profile file is checked, every issue names its path', () => {
  test('loadProfile accepts the default profile as an object and as JSON text', () => {
    const asObject = loadProfile(DEFAULT_PROFILE);
    expect(asObject).toEqual({ ok: true, profile: DEFAULT_PROFILE });
    const asText = loadProfile(JSON.stringify(DEFAULT_PROFILE, null, 2));
    expect(asText.ok && asText.profile).toEqual(DEFAULT_PROFILE);
  });

  test('loadProfile accepts a copy with a changed threshold, base, quota and age bound', () => {
    const p = copy();
    p.id = 'don-vi-x';
    p.nomination.threshold = { num: 25, den: 100 };
    p.leadership.base = 'present';
    p.quota.perTitle[TITLE] = 2;
    p.eligibility.retirement.male.finalAgeMonths = 65 * 12;
    expect(loadProfile(JSON.stringify(p))).toEqual({ ok: true, profile: p });
  });

  test('loadProfile rejects text that is not JSON, at the root path', () => {
    const issues = issuesOf('{ "version": 1, ');
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('');
    expect(issues[0].expected).toMatch(/^JSON/);
  });

  test.each<[string, (p: RuleProfile) => void, string]>([
    ['a negative default quota', (p) => (p.quota.default = -1), 'quota.default'],
    ['a zero default quota', (p) => (p.quota.default = 0), 'quota.default'],
    ['a negative per-title quota', (p) => (p.quota.perTitle[TITLE] = -2), `quota.perTitle.${TITLE}`],
    ['a fractional quota', (p) => (p.quota.default = 2.5), 'quota.default'],
    ['a threshold with den 0', (p) => (p.nomination.threshold = { num: 3, den: 0 }), 'nomination.threshold'],
    ['a threshold above 1', (p) => (p.removal.threshold = { num: 3, den: 2 }), 'removal.threshold'],
    ['a quorum with den 0', (p) => (p.quorum.threshold = { num: 2, den: 0 }), 'quorum.threshold'],
    ['an unknown base', (p) => ((p.leadership as { base: string }).base = 'attending'), 'leadership.base'],
    ['strict not a boolean', (p) => ((p.externalLeadership as { strict: unknown }).strict = 'yes'), 'externalLeadership.strict'],
    ['an unknown tie mode', (p) => ((p.tie as { mode: string }).mode = 'never'), 'tie.mode'],
    ['an announce flag that is not a boolean', (p) => ((p.announce as Record<string, unknown>)['next-term:3'] = 1), 'announce.next-term:3'],
    ['a min level not among the levels', (p) => ((p.eligibility.criteria[0] as { min: string }).min = 'Cử nhân'), 'eligibility.criteria[0].min'],
    ['a ratings min not among the levels', (p) => ((p.eligibility.criteria[2] as { min: string }).min = 'Tốt'), 'eligibility.criteria[2].min'],
    ['an unknown criterion kind', (p) => ((p.eligibility.criteria[3] as { kind: string }).kind = 'max-level'), 'eligibility.criteria[3].kind'],
    ['a term of 0 months', (p) => (p.eligibility.termMonths = 0), 'eligibility.termMonths'],
    ['a young age that is not whole', (p) => (p.structure.youngBelowAge = 39.5), 'structure.youngBelowAge'],
    ['the wrong version', (p) => ((p as { version: number }).version = 2), 'version'],
    ['an empty name', (p) => (p.name = '  '), 'name'],
  ])('loadProfile rejects %s, naming %s', (_label, edit, path) => {
    const p = copy();
    edit(p);
    const issues = issuesOf(p);
    expect(issues.map((i) => i.path)).toEqual([path]);
    // The same through JSON text.
    expect(issuesOf(JSON.stringify(p)).map((i) => i.path)).toEqual([path]);
  });

  test.each<[string, (p: RuleProfile) => void, string]>([
    ['the male start age below the age before it', (p) => (p.eligibility.retirement.male.startAgeMonths = 700), 'eligibility.retirement.male'],
    ['the female final age below the start age', (p) => (p.eligibility.retirement.female.finalAgeMonths = 600), 'eligibility.retirement.female'],
  ])('ELIG (loadProfile): retirement ages must not decrease — rejects %s, naming %s', (_label, edit, path) => {
    const p = copy();
    edit(p);
    expect(issuesOf(p)).toEqual([{ path, expected: 'previousAgeMonths ≤ startAgeMonths ≤ finalAgeMonths' }]);
  });

  test('loadProfile lists every issue, not only the first', () => {
    const p = copy();
    p.quota.default = -1;
    (p.leadership as { base: string }).base = 'attending';
    expect(issuesOf(p).map((i) => i.path)).toEqual(['leadership.base', 'quota.default']);
  });

  test('loadProfile rejects a value that is not an object at all', () => {
    expect(issuesOf(null)).toEqual([{ path: '', expected: 'object' }]);
    expect(issuesOf('[]').map((i) => i.path)).toEqual(['']);
  });
});

describe('compareProfiles lists exactly the changed leaves', () => {
  test('compareProfiles: the default against itself (and a deep copy) differs nowhere', () => {
    expect(compareProfiles(DEFAULT_PROFILE)).toEqual([]);
    expect(compareProfiles(copy(), DEFAULT_PROFILE)).toEqual([]);
  });

  test('compareProfiles: one changed threshold is one difference with its path and both values', () => {
    const p = copy();
    p.nomination.threshold.num = 25;
    expect(compareProfiles(p)).toEqual([{ path: 'nomination.threshold.num', base: 30, other: 25 }]);
  });

  test('compareProfiles: several changes, including an added per-title quota and a criterion inside the list', () => {
    const p = copy();
    p.leadership.base = 'present';
    p.quota.perTitle[TITLE] = 2;
    (p.eligibility.criteria[0] as { min: string }).min = 'Thạc sĩ';
    p.announce['annual-external:4'] = false;
    const diff = compareProfiles(p);
    expect(diff).toEqual(
      expect.arrayContaining([
        { path: 'leadership.base', base: 'convened', other: 'present' },
        { path: `quota.perTitle.${TITLE}`, base: undefined, other: 2 },
        { path: 'eligibility.criteria[0].min', base: 'Đại học', other: 'Thạc sĩ' },
        { path: 'announce.annual-external:4', base: true, other: false },
      ]),
    );
    expect(diff).toHaveLength(4);
  });

  test('compareProfiles: a list of levels is one setting (changed as a whole)', () => {
    const p = copy();
    (p.eligibility.criteria[0] as { levels: string[] }).levels = ['Trung cấp', 'Cao đẳng', 'Đại học|Kỹ sư', 'Thạc sĩ', 'Tiến sĩ'];
    expect(compareProfiles(p).map((d) => d.path)).toEqual(['eligibility.criteria[0].levels']);
  });
});

describe('A changed profile changes an outcome without new code', () => {
  test('N30 at 25% (profile loaded from JSON text): 3 of 10 present fails by default and passes under the edited profile', () => {
    const edited = copy();
    edited.nomination.threshold = { num: 25, den: 100 };
    const loaded = loadProfile(JSON.stringify(edited));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const input = { conference: { convened: 10, present: 10 }, votes: votes([['a', 3]]) };
    expect(person(runStep('next-term', 2, input), 'a').outcome).toBe('fail');
    const p = person(runStep('next-term', 2, { ...input, profile: loaded.profile }), 'a');
    expect(p.outcome).toBe('pass');
    expect(p.explanation[0]).toMatchObject({ rule: 'N30', threshold: { num: 25, den: 100 } });
  });

  test('N30 made non-strict ("at least 30%"): exactly 3 of 10 now passes', () => {
    const p = copy();
    p.nomination.strict = false;
    const input = { conference: { convened: 10, present: 10 }, votes: votes([['a', 3]]), profile: p };
    expect(person(runStep('next-term', 2, input), 'a').outcome).toBe('pass');
  });

  test('TOP: quota 2 in the profile leaves the third passer "đạt nhưng ngoài số lượng"', () => {
    const p = copy();
    p.quota.default = 2;
    const result = runStep('next-term', 3, { conference: { convened: 10, present: 10 }, votes: votes([['a', 9], ['b', 8], ['c', 7]]), profile: p });
    expect(person(result, 'c').outcome).toBe('passed-not-selected');
  });

  test('ELIG: a male retirement age of 65 from 2021 in the profile makes a man born 06/1966 (retiring 2031-06-30) eligible for the 2026–2030 term', () => {
    const p = copy();
    p.eligibility.retirement.male = { previousAgeMonths: 720, startYear: 2021, startAgeMonths: 780, stepMonths: 0, finalAgeMonths: 780 };
    const roster = [{ id: 'a', name: 'Lê Văn A', birth: '1966-06', gender: 'male' as const, titles: [TITLE], inPlanning: true }];
    expect(person(runStep('next-term', 1, { roster, termStart: '2026-01-01' }), 'a').outcome).toBe('ineligible');
    const edited = person(runStep('next-term', 1, { roster, termStart: '2026-01-01', profile: p }), 'a');
    expect(edited.outcome).toBe('eligible');
    expect(edited.explanation[0]).toMatchObject({ retirementDate: '2031-06-30' });
  });
});
