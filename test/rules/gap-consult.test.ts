/**
 * II.2 — annual review, external source (`annual-external`):
 * step 1 GAP (+ ELIG, STRUCT), step 2 QUORUM + approval, step 3 CONSULT, step 4 L50C + CONSULT warnings.
 */
import { runStep, type ConsultFacts, type RosterPerson } from '../../src/rules';
import { codes, only, person, TITLE } from './helpers';

const termStart = '2026-01-01';

const staff = (id: string, over: Partial<RosterPerson> = {}): RosterPerson => ({
  id,
  name: `Phạm Văn ${id}`,
  birth: '1978-04',
  gender: 'male',
  titles: [TITLE],
  inPlanning: true,
  ...over,
});

describe('GAP (mục II.2(1)): quota minus people in planning who still meet ELIG', () => {
  const roster = [
    staff('p1'),
    staff('p2', { gender: 'female' }),
    staff('retiring', { birth: '1966-01' }), // in planning, but retires 2027-10-31: no longer meets ELIG
    staff('outside', { inPlanning: false }), // not in planning: not counted
  ];
  const candidates = [staff('x1', { inPlanning: false, name: 'Đỗ Thị Xuân', gender: 'female', birth: '1990-02' })];

  test('GAP: quota 3, two in planning still eligible → shortfall 1 and W-GAP-SHORTFALL with quota, have, shortfall', () => {
    const result = runStep('annual-external', 1, { roster, candidates, termStart, quota: { [TITLE]: 3 } });
    expect(result.blocked).toBe(false);
    expect(result.titles).toEqual([
      { title: TITLE, quota: 3, count: 2, women: 1, young: 0, inPlanningEligible: 2, shortfall: 1, womenNeeded: 0, youngNeeded: 1 },
    ]);
    expect(only(result, 'W-GAP-SHORTFALL')).toMatchObject({ severity: 'warning', rule: 'GAP', params: { title: TITLE, quota: 3, have: 2, shortfall: 1 } });
  });

  test('GAP: a title only external candidates are proposed for still gets its row (nobody in planning: the whole quota is short)', () => {
    const result = runStep('annual-external', 1, {
      roster,
      candidates: [staff('y1', { inPlanning: false, titles: ['Chánh Văn phòng'] })],
      termStart,
      quota: { [TITLE]: 3 },
    });
    expect(result.titles?.map((t) => [t.title, t.inPlanningEligible, t.shortfall])).toEqual([
      [TITLE, 2, 1],
      ['Chánh Văn phòng', 0, 3],
    ]);
  });

  test('GAP: a missing criterion column is reported once, not once per list', () => {
    const result = runStep('annual-external', 1, { roster, candidates, termStart });
    const missing = result.diagnostics.filter((d) => d.code === 'W-ELIG-NO-COLUMN').map((d) => d.params.criterion);
    expect(missing).toEqual(['training', 'politicalTheory', 'ratings', 'discipline']);
  });

  test('GAP: the external candidates are the people of the step, each with an ELIG outcome', () => {
    const result = runStep('annual-external', 1, {
      roster,
      candidates: [...candidates, staff('x2', { inPlanning: false, birth: '1966-05' })],
      termStart,
      quota: { [TITLE]: 3 },
    });
    expect(result.people.map((p) => [p.id, p.outcome])).toEqual([
      ['x1', 'eligible'],
      ['x2', 'ineligible'],
    ]);
  });

  test('GAP (women ≥ 25%, young ≥ 15% of the quota): none of the two are women or young → womenNeeded 1, youngNeeded 1', () => {
    const result = runStep('annual-external', 1, { roster: [staff('p1'), staff('p2')], termStart, quota: { [TITLE]: 3 } });
    expect(result.titles?.[0]).toMatchObject({ shortfall: 1, womenNeeded: 1, youngNeeded: 1 });
  });

  test('GAP: a full title (3 eligible in planning for quota 3) has no shortfall and no warning', () => {
    const result = runStep('annual-external', 1, {
      roster: [staff('p1'), staff('p2', { gender: 'female' }), staff('p3', { birth: '1991-01' })],
      termStart,
      quota: { [TITLE]: 3 },
    });
    expect(result.titles?.[0]).toMatchObject({ inPlanningEligible: 3, shortfall: 0, womenNeeded: 0, youngNeeded: 0 });
    expect(codes(result)).not.toContain('W-GAP-SHORTFALL');
  });

  test('GAP: a title with nobody in planning has the whole quota as shortfall', () => {
    const result = runStep('annual-external', 1, { roster: [], candidates, termStart, quota: { [TITLE]: 2 } });
    expect(result.titles?.[0]).toMatchObject({ title: TITLE, quota: 2, inPlanningEligible: 0, shortfall: 2 });
    expect(only(result, 'W-GAP-SHORTFALL').params).toMatchObject({ have: 0, shortfall: 2 });
  });

  test('GAP: without a term start ELIG cannot be judged: E-TERM-START-MISSING blocks', () => {
    const result = runStep('annual-external', 1, { roster, candidates, quota: { [TITLE]: 3 } });
    expect(result.blocked).toBe(true);
    expect(codes(result)).toContain('E-TERM-START-MISSING');
  });
});

describe('II.2(2) (QUORUM, COMPOSE): the first leadership conference approves the external list', () => {
  test('II.2(2): a quorate conference without the approval recorded warns W-APPROVAL-MISSING and does not block', () => {
    const result = runStep('annual-external', 2, { conference: { convened: 9, present: 6 } });
    expect(result.blocked).toBe(false);
    expect(result.conference).toMatchObject({ quorate: true, required: 6 });
    expect(only(result, 'W-APPROVAL-MISSING').severity).toBe('warning');
  });

  test('II.2(2): with the approval date recorded there is no warning, and the titles of the external list are summarised with their quota', () => {
    const result = runStep('annual-external', 2, {
      conference: { convened: 9, present: 6 },
      approval: { date: '2026-02-15', minutesRef: 'BB 03' },
      candidates: [staff('x1', { inPlanning: false })],
      quota: { [TITLE]: 2 },
    });
    expect(codes(result)).toEqual([]);
    expect(result.titles).toEqual([{ title: TITLE, quota: 2, count: 0, women: 0, young: 0 }]);
  });

  test('II.2(2) (QUORUM): 5 of 9 present is not a valid conference — E-QUORUM blocks', () => {
    const result = runStep('annual-external', 2, { conference: { convened: 9, present: 5 }, approval: { date: '2026-02-15' } });
    expect(result.blocked).toBe(true);
    expect(only(result, 'E-QUORUM').params).toMatchObject({ convened: 9, present: 5, required: 6 });
  });
});

const complete = (id: string, name: string, over: Partial<ConsultFacts> = {}): ConsultFacts => ({
  id,
  name,
  title: TITLE,
  currentAgency: 'Phòng Tài chính – Kế hoạch huyện B',
  metOn: '2026-03-02',
  letterSentOn: '2026-03-03',
  opinionReceivedOn: '2026-03-10',
  opinionAgrees: true,
  dossierReceivedOn: '2026-03-12',
  ...over,
});

describe('CONSULT (mục II.2(3)): facts recorded per external person', () => {
  test('CONSULT: all four facts recorded → complete, nothing missing, no warnings', () => {
    const result = runStep('annual-external', 3, { consultations: [complete('x1', 'Đỗ Thị Xuân')] });
    expect(result.blocked).toBe(false);
    expect(result.consultations).toEqual([{ id: 'x1', name: 'Đỗ Thị Xuân', title: TITLE, complete: true, missing: [], opinionAgrees: true }]);
    expect(codes(result)).toEqual([]);
  });

  test('CONSULT: missing facts are listed and warned with W-CONSULT-INCOMPLETE naming the row', () => {
    const source = { sheet: 'Trao đổi', cell: 'A5' };
    const facts = complete('x2', 'Vũ Văn Yên', { letterSentOn: undefined, opinionReceivedOn: undefined, opinionAgrees: undefined, dossierReceivedOn: '', source });
    const result = runStep('annual-external', 3, { consultations: [complete('x1', 'Đỗ Thị Xuân'), facts] });
    expect(result.blocked).toBe(false);
    expect(result.consultations?.[1]).toMatchObject({ id: 'x2', complete: false, missing: ['letterSentOn', 'opinionReceivedOn', 'dossierReceivedOn'] });
    expect(only(result, 'W-CONSULT-INCOMPLETE')).toMatchObject({
      rule: 'CONSULT',
      severity: 'warning',
      params: { name: 'Vũ Văn Yên', missing: ['letterSentOn', 'opinionReceivedOn', 'dossierReceivedOn'] },
      at: source,
    });
  });

  test('CONSULT: nothing recorded but the name → all four facts missing', () => {
    const result = runStep('annual-external', 3, { consultations: [{ id: 'x3', name: 'Hà Văn Z' }] });
    expect(result.consultations?.[0].missing).toEqual(['metOn', 'letterSentOn', 'opinionReceivedOn', 'dossierReceivedOn']);
  });

  test('CONSULT: the current agency\'s opinion disagreeing warns W-CONSULT-DISAGREE (the record is complete)', () => {
    const result = runStep('annual-external', 3, { consultations: [complete('x1', 'Đỗ Thị Xuân', { opinionAgrees: false })] });
    expect(result.consultations?.[0]).toMatchObject({ complete: true, opinionAgrees: false });
    expect(codes(result)).toEqual(['W-CONSULT-DISAGREE']);
    expect(only(result, 'W-CONSULT-DISAGREE').params).toMatchObject({ name: 'Đỗ Thị Xuân' });
  });
});

describe('L50C + CONSULT (mục II.2(4)): the second leadership vote warns about incomplete consultations', () => {
  const conference = { convened: 9, present: 8 };
  const rows = [
    { id: 'x1', name: 'Đỗ Thị Xuân', title: TITLE, agree: 7 },
    { id: 'x2', name: 'Vũ Văn Yên', title: TITLE, agree: 6 },
    { id: 'x3', name: 'Hà Văn Z', title: TITLE, agree: 3 },
  ];

  test('L50C/CONSULT: a voted person with incomplete facts gets W-CONSULT-INCOMPLETE; the vote still counts', () => {
    const source = { sheet: 'Trao đổi', cell: 'A6' };
    const result = runStep('annual-external', 4, {
      conference,
      votes: rows,
      consultations: [complete('x1', 'Đỗ Thị Xuân'), complete('x2', 'Vũ Văn Yên', { dossierReceivedOn: undefined, source }), complete('x3', 'Hà Văn Z')],
    });
    expect(result.blocked).toBe(false);
    expect(person(result, 'x1').outcome).toBe('selected');
    expect(person(result, 'x2').outcome).toBe('selected'); // 6/9 > 50%
    expect(person(result, 'x3').outcome).toBe('fail');
    expect(only(result, 'W-CONSULT-INCOMPLETE')).toMatchObject({ params: { name: 'Vũ Văn Yên', missing: ['dossierReceivedOn'] }, at: source });
  });

  test('L50C/CONSULT: a voted person with no consultation record at all is incomplete in all four facts', () => {
    const result = runStep('annual-external', 4, { conference, votes: rows.slice(0, 2), consultations: [complete('x1', 'Đỗ Thị Xuân')] });
    expect(only(result, 'W-CONSULT-INCOMPLETE').params).toMatchObject({
      name: 'Vũ Văn Yên',
      missing: ['metOn', 'letterSentOn', 'opinionReceivedOn', 'dossierReceivedOn'],
    });
  });

  test('L50C/CONSULT: complete consultations for everyone voted give no CONSULT warning', () => {
    const result = runStep('annual-external', 4, { conference, votes: rows.slice(0, 1), consultations: [complete('x1', 'Đỗ Thị Xuân')] });
    expect(codes(result).filter((c) => c.startsWith('W-CONSULT'))).toEqual([]);
  });
});
