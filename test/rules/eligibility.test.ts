/**
 * ELIG (mục I.1): standards and conditions, read from roster columns; STRUCT: composition
 * targets as warnings. Through runStep('next-term', 1, { roster, termStart }).
 */
import {
  DEFAULT_PROFILE,
  runStep,
  type AgeFinding,
  type CriterionFinding,
  type PersonResult,
  type RosterPerson,
  type RuleProfile,
  type StepInput,
} from '../../src/rules';
import { codes, DEPUTY, only, person, TITLE } from './helpers';

const termStart = '2026-01-01';
const GOOD = 'Hoàn thành tốt nhiệm vụ';
const EXCELLENT = 'Hoàn thành xuất sắc nhiệm vụ';

/** A person who meets every default criterion; override what a test is about. */
function cadre(id: string, over: Partial<RosterPerson> = {}, attributes: Record<string, string | undefined> = {}): RosterPerson {
  return {
    id,
    name: `Lê Văn ${id}`,
    birth: '1975-03',
    gender: 'male',
    titles: [TITLE],
    inPlanning: false,
    attributes: { training: 'Đại học', politicalTheory: 'Trung cấp', discipline: '', ...attributes },
    ratings: [
      { year: 2024, value: GOOD },
      { year: 2025, value: EXCELLENT },
    ],
    ...over,
  };
}

const elig = (roster: RosterPerson[], extra: Partial<StepInput> = {}) => runStep('next-term', 1, { roster, termStart, ...extra });
const ageOf = (p: PersonResult): AgeFinding => p.explanation.find((f): f is AgeFinding => 'retirementDate' in f)!;
const criterionOf = (p: PersonResult, id: string): CriterionFinding | undefined =>
  p.explanation.find((f): f is CriterionFinding => f.rule === 'ELIG' && 'field' in f && f.criterion === id);

describe('ELIG (mục I.1): age allows one full term', () => {
  test('ELIG: a term from 2026-01-01 ends 2030-12-31; a man retiring 2030-12-31 (born 12/1968) is eligible with 60 months remaining', () => {
    const result = elig([cadre('a', { birth: '1968-12' })]);
    const p = person(result, 'a');
    expect(p.outcome).toBe('eligible');
    expect(ageOf(p)).toEqual({
      rule: 'ELIG',
      clause: 'I.1',
      criterion: 'age',
      retirementDate: '2030-12-31',
      termStart: '2026-01-01',
      termEnd: '2030-12-31',
      monthsRemaining: 60,
      requiredMonths: 60,
      met: true,
    });
  });

  test('ELIG: a man retiring 2030-11-30 (born 11/1968), one month before the term ends, is ineligible with 59 months remaining', () => {
    const p = person(elig([cadre('a', { birth: '1968-11' })]), 'a');
    expect(p.outcome).toBe('ineligible');
    expect(ageOf(p)).toMatchObject({ retirementDate: '2030-11-30', termEnd: '2030-12-31', monthsRemaining: 59, requiredMonths: 60, met: false });
  });

  test('ELIG: a woman retiring 2030-12-31 at 58y4m (born 08/1972) is eligible; born 07/1972 (2030-11-30) is not', () => {
    const result = elig([cadre('w1', { birth: '1972-08', gender: 'female' }), cadre('w2', { birth: '1972-07', gender: 'female' })]);
    expect(person(result, 'w1').outcome).toBe('eligible');
    expect(ageOf(person(result, 'w1')).retirementDate).toBe('2030-12-31');
    expect(person(result, 'w2').outcome).toBe('ineligible');
    expect(ageOf(person(result, 'w2')).retirementDate).toBe('2030-11-30');
  });

  test('ELIG: the term length is the profile\'s — with a 36-month term from 2026-01-01 ending 2028-12-31, 12/1968 has ample time', () => {
    const profile: RuleProfile = { ...DEFAULT_PROFILE, eligibility: { ...DEFAULT_PROFILE.eligibility, termMonths: 36, minServiceMonths: 36 } };
    const p = person(elig([cadre('a', { birth: '1966-06' })], { profile }), 'a'); // retires 2028-06-30
    expect(p.outcome).toBe('ineligible');
    expect(ageOf(p)).toMatchObject({ termEnd: '2028-12-31', requiredMonths: 36, monthsRemaining: 30 });
    expect(person(elig([cadre('b', { birth: '1966-12' })], { profile }), 'b').outcome).toBe('eligible'); // retires 2028-12-31
  });

  test('ELIG: a term from mid-month (2026-03-15) ends 2031-03-14; retiring 2031-03-31 is eligible (60 whole months), 2031-02-28 is not (59)', () => {
    const result = elig([cadre('a', { birth: '1969-03' }), cadre('b', { birth: '1969-02' })], { termStart: '2026-03-15' });
    expect(person(result, 'a').outcome).toBe('eligible');
    expect(ageOf(person(result, 'a'))).toMatchObject({ retirementDate: '2031-03-31', termEnd: '2031-03-14', monthsRemaining: 60 });
    expect(person(result, 'b').outcome).toBe('ineligible');
    expect(ageOf(person(result, 'b'))).toMatchObject({ retirementDate: '2031-02-28', monthsRemaining: 59 });
  });

  test('ELIG: missing birth date → ineligible with a missing age finding and W-ELIG-NO-BIRTH naming the row', () => {
    const source = { sheet: 'Danh sách', cell: 'A7' };
    const result = elig([cadre('a', { birth: undefined, source })]);
    const p = person(result, 'a');
    expect(p.outcome).toBe('ineligible');
    expect(criterionOf(p, 'age')).toMatchObject({ field: 'birth', missing: true, met: false });
    expect(only(result, 'W-ELIG-NO-BIRTH')).toMatchObject({ params: { name: 'Lê Văn a' }, at: source });
  });

  test('ELIG: missing gender → ineligible (no retirement age can be set) and W-ELIG-NO-GENDER', () => {
    const result = elig([cadre('a', { gender: undefined })]);
    expect(person(result, 'a').outcome).toBe('ineligible');
    expect(criterionOf(person(result, 'a'), 'age')).toMatchObject({ field: 'gender', missing: true, met: false });
    expect(codes(result)).toContain('W-ELIG-NO-GENDER');
  });

  test('ELIG: no term start is E-TERM-START-MISSING and blocks the step', () => {
    const result = runStep('next-term', 1, { roster: [cadre('a')] });
    expect(result.blocked).toBe(true);
    expect(result.people).toEqual([]);
    expect(codes(result)).toEqual(['E-TERM-START-MISSING']);
  });
});

describe('ELIG (mục I.1): other standards read from roster columns', () => {
  test.each([
    ['Đại học', true],
    ['Thạc sĩ', true],
    ['Tiến sĩ', true],
    ['  đại   HỌC ', true],
    ['Cao đẳng', false],
    ['Trung cấp', false],
    // Degrees as rosters write them: the profile's vocabulary (DEFAULT_PROFILE, TRAINING_LEVELS), not code.
    ['Cử nhân Luật', true],
    ['Kỹ sư xây dựng', true],
    ['Kỹ sư', true],
    ['Thạc sỹ Quản lý công', true],
    ['Tiến sĩ Kinh tế', true],
    ['Cao đẳng sư phạm', false],
    ['Trung cấp kế toán', false],
    ['Chuyên khoa I', false], // not a word of the default profile
  ])('ELIG (training ≥ Đại học): "%s" → met %s', (training, met) => {
    const p = person(elig([cadre('a', {}, { training })]), 'a');
    expect(p.outcome).toBe(met ? 'eligible' : 'ineligible');
    expect(criterionOf(p, 'training')).toMatchObject({ field: 'training', required: '≥ Đại học', met });
  });

  test('ELIG (training): a missing value is marked missing and makes the person ineligible', () => {
    const result = elig([cadre('a'), cadre('b', {}, { training: undefined }), cadre('c', {}, { training: '   ' })]);
    expect(person(result, 'a').outcome).toBe('eligible');
    for (const id of ['b', 'c']) {
      expect(person(result, id).outcome).toBe('ineligible');
      expect(criterionOf(person(result, id), 'training')).toMatchObject({ missing: true, met: false });
    }
  });

  test('ELIG (political theory ≥ Trung cấp): "Sơ cấp" fails, "Cao cấp" passes', () => {
    const result = elig([cadre('a', {}, { politicalTheory: 'Sơ cấp' }), cadre('b', {}, { politicalTheory: 'Cao cấp' })]);
    expect(person(result, 'a').outcome).toBe('ineligible');
    expect(criterionOf(person(result, 'a'), 'politicalTheory')?.met).toBe(false);
    expect(person(result, 'b').outcome).toBe('eligible');
  });

  test('ELIG (ratings, last 2 years ≥ Hoàn thành tốt): only the latest two years count', () => {
    const result = elig([
      cadre('old-bad', { ratings: [{ year: 2023, value: 'Không hoàn thành nhiệm vụ' }, { year: 2025, value: GOOD }, { year: 2024, value: EXCELLENT }] }),
      cadre('recent-bad', { ratings: [{ year: 2024, value: 'Hoàn thành nhiệm vụ' }, { year: 2025, value: EXCELLENT }] }),
      cadre('one-year', { ratings: [{ year: 2025, value: EXCELLENT }] }),
    ]);
    expect(person(result, 'old-bad').outcome).toBe('eligible');
    expect(person(result, 'recent-bad').outcome).toBe('ineligible');
    expect(criterionOf(person(result, 'recent-bad'), 'ratings')).toMatchObject({ met: false, required: `${GOOD} × 2` });
    expect(person(result, 'one-year').outcome).toBe('ineligible');
    expect(criterionOf(person(result, 'one-year'), 'ratings')).toMatchObject({ missing: true, met: false });
  });

  test.each([
    ['', true],
    ['Không', true],
    ['không', true],
    ['Khiển trách', false],
    ['Cảnh cáo', false],
  ])('ELIG (discipline none-of): "%s" → met %s', (discipline, met) => {
    const p = person(elig([cadre('a', {}, { discipline })]), 'a');
    expect(p.outcome).toBe(met ? 'eligible' : 'ineligible');
    expect(criterionOf(p, 'discipline')?.met).toBe(met);
  });

  test('ELIG (profile levels with synonyms "Đại học|Kỹ sư|Cử nhân"): Kỹ sư and Cử nhân count as Đại học', () => {
    const profile: RuleProfile = {
      ...DEFAULT_PROFILE,
      eligibility: {
        ...DEFAULT_PROFILE.eligibility,
        criteria: [
          { kind: 'min-level', id: 'training', field: 'training', levels: ['Trung cấp', 'Cao đẳng', 'Đại học|Kỹ sư|Cử nhân', 'Thạc sĩ', 'Tiến sĩ'], min: 'Đại học|Kỹ sư|Cử nhân' },
        ],
      },
    };
    const result = elig([cadre('a', {}, { training: 'Kỹ sư' }), cadre('b', {}, { training: 'cử nhân' }), cadre('c', {}, { training: 'Cao đẳng' }), cadre('d', {}, { training: 'Thạc sĩ' })], { profile });
    expect(person(result, 'a').outcome).toBe('eligible');
    expect(person(result, 'b').outcome).toBe('eligible');
    expect(person(result, 'c').outcome).toBe('ineligible');
    expect(person(result, 'd').outcome).toBe('eligible');
    expect(criterionOf(person(result, 'a'), 'training')?.required).toBe('≥ Đại học');
    // An alias without "*" is the whole value: "Kỹ sư xây dựng" is not "Kỹ sư" in this profile.
    expect(person(elig([cadre('a', {}, { training: 'Kỹ sư xây dựng' })], { profile }), 'a').outcome).toBe('ineligible');
  });

  test.each([
    ['Cao cấp', true],
    ['Cao cấp LLCT', true],
    ['Cao cấp lý luận chính trị', true],
    ['Cử nhân chính trị', true],
    ['Trung cấp', true],
    ['TRUNG CẤP LLCT', true],
    ['Sơ cấp', false],
  ])('ELIG (political theory ≥ Trung cấp): "%s" → met %s', (politicalTheory, met) => {
    expect(criterionOf(person(elig([cadre('a', {}, { politicalTheory })]), 'a'), 'politicalTheory')).toMatchObject({ met });
  });

  test.each([
    ['HTXSNV', 'HTTNV', true],
    ['HTT NV', 'Hoàn thành tốt nhiệm vụ', true],
    ['Xuất sắc', 'Hoàn thành tốt', true],
    ['HTNV', 'HTXSNV', false],
    ['KHTNV', 'HTTNV', false],
  ])('ELIG (ratings ≥ Hoàn thành tốt nhiệm vụ, two years): %s, %s → met %s', (a, b, met) => {
    const p = person(elig([cadre('a', { ratings: [{ year: 2024, value: a }, { year: 2025, value: b }] })]), 'a');
    expect(criterionOf(p, 'ratings')).toMatchObject({ met });
  });

  test('ELIG: a criterion whose column nobody has is not applied and warns W-ELIG-NO-COLUMN', () => {
    const bare: RosterPerson = { id: 'a', name: 'Lê Văn a', birth: '1980-05', gender: 'male', titles: [TITLE], inPlanning: false };
    const result = elig([bare]);
    expect(person(result, 'a').outcome).toBe('eligible');
    expect(person(result, 'a').explanation.map((f) => ('field' in f ? f.criterion : 'age'))).toEqual(['age']);
    expect(result.diagnostics.filter((d) => d.code === 'W-ELIG-NO-COLUMN').map((d) => d.params.criterion)).toEqual([
      'training',
      'politicalTheory',
      'ratings',
      'discipline',
    ]);
    // When one person has the column, it is checked for everyone (and the one without it is missing).
    const mixed = elig([bare, cadre('b')]);
    expect(codes(mixed)).not.toContain('W-ELIG-NO-COLUMN');
    expect(person(mixed, 'a').outcome).toBe('ineligible');
  });

  test('ELIG: an ineligible person stays in the results with every reason, never dropped', () => {
    const roster = [
      cadre('ok'),
      cadre('bad', { birth: '1966-01', ratings: [{ year: 2024, value: GOOD }, { year: 2025, value: 'Hoàn thành nhiệm vụ' }] }, { training: 'Cao đẳng', discipline: 'Khiển trách' }),
    ];
    const result = elig(roster);
    expect(result.blocked).toBe(false);
    expect(result.people.map((p) => p.id).sort()).toEqual(['bad', 'ok']);
    const bad = person(result, 'bad');
    expect(bad.outcome).toBe('ineligible');
    expect(bad.titles).toEqual([TITLE]);
    const failed = bad.explanation.filter((f) => 'met' in f && !f.met).map((f) => ('field' in f ? f.criterion : 'age'));
    expect(failed).toEqual(['age', 'training', 'ratings', 'discipline']);
    expect(criterionOf(bad, 'politicalTheory')?.met).toBe(true);
  });
});

describe('STRUCT (mục I.1): composition targets are warnings, never blocks', () => {
  const noCriteria: RuleProfile = { ...DEFAULT_PROFILE, eligibility: { ...DEFAULT_PROFILE.eligibility, criteria: [] } };
  const man = (id: string, birth = '1975-03') => cadre(id, { birth, gender: 'male' });
  const woman = (id: string, birth = '1975-03') => cadre(id, { birth, gender: 'female' });
  const run = (roster: RosterPerson[]) => elig(roster, { profile: noCriteria });

  test('STRUCT (women ≥ 25%): exactly 1 of 4 is fine, 0 of 3 warns W-STRUCT-WOMEN with the numbers', () => {
    const ok = run([woman('a'), man('b'), man('c'), man('d', '1988-01')]);
    expect(codes(ok)).not.toContain('W-STRUCT-WOMEN');
    const short = run([man('a'), man('b'), man('c', '1988-01')]);
    expect(short.blocked).toBe(false);
    expect(only(short, 'W-STRUCT-WOMEN')).toMatchObject({ severity: 'warning', rule: 'STRUCT', params: { title: TITLE, women: 0, count: 3, num: 25, den: 100 } });
    expect(run([woman('a'), man('b'), man('c'), man('d'), man('e', '1990-01')]).diagnostics.map((d) => d.code)).toContain('W-STRUCT-WOMEN'); // 1 of 5 = 20%
  });

  test('STRUCT (young < 40 at term start, ≥ 15%): 3 of 20 exactly is fine, 2 of 20 warns W-STRUCT-YOUNG', () => {
    const roster = (young: number) =>
      Array.from({ length: 20 }, (_, i) => (i < young ? woman(`y${i}`, '1990-06') : i % 2 ? man(`o${i}`) : woman(`o${i}`)));
    expect(codes(run(roster(3)))).not.toContain('W-STRUCT-YOUNG');
    expect(only(run(roster(2)), 'W-STRUCT-YOUNG').params).toMatchObject({ title: TITLE, young: 2, count: 20, num: 15, den: 100, age: 40 });
  });

  test('STRUCT (young = under 40 on the term start): born 1986-01-02 is 39 on 2026-01-01 (young), born 1986-01-01 is 40 (not)', () => {
    const young = run([man('a', '1986-01-02')]);
    expect(young.titles?.[0]).toMatchObject({ young: 1 });
    const forty = run([man('a', '1986-01-01')]);
    expect(forty.titles?.[0]).toMatchObject({ young: 0 });
  });

  test('STRUCT: the titles summary counts the eligible people, women and young per title, with the quota', () => {
    const roster = [
      woman('a', '1990-01'),
      man('b'),
      cadre('c', { titles: [TITLE, DEPUTY], gender: 'female' }),
      man('d', '1966-01'), // retires before the term ends: not counted
      cadre('e', { titles: [DEPUTY], birth: '1992-02' }),
    ];
    const result = elig(roster, { profile: noCriteria, quota: { [DEPUTY]: 2 } });
    expect(result.titles).toEqual([
      { title: DEPUTY, quota: 2, count: 2, women: 1, young: 1 },
      { title: TITLE, quota: 3, count: 3, women: 2, young: 1 },
    ]);
  });

  test('STRUCT: a title with nobody eligible gives a summary with count 0 and no composition warnings', () => {
    const result = run([man('d', '1966-01')]);
    expect(result.titles).toEqual([{ title: TITLE, quota: 3, count: 0, women: 0, young: 0 }]);
    expect(codes(result).filter((c) => c.startsWith('W-STRUCT'))).toEqual([]);
  });
});
