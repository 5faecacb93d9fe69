import { describeDiagnostic, describeProfile, explainFinding, explainPerson, formatPercent, languageFor, messages, quoteSheet } from '../../src/i18n';
import { CODES, DEFAULT_PROFILE, diagnostic, runStep, type DiagnosticCode } from '../../src/rules';
import { WORKBOOK_CODES, workbookDiagnostic, type WorkbookCode } from '../../src/workbook/codes';

const conference = { convened: 25, present: 20 };

describe('explanations say in words what the decision data says', () => {
  test('N30 (mục I.2): a pass reads "Đạt: 7/20 = 35,00% > 30% số người có mặt — quy tắc N30, mục I.2"', () => {
    const r = runStep('next-term', 2, { conference, votes: [{ id: 'a', name: 'Nguyễn Văn An', title: 'Trưởng phòng', agree: 7 }] });
    expect(explainPerson(r.people[0], 'vi')).toEqual(['Đạt: 7/20 = 35,00% > 30% số người có mặt — quy tắc N30, mục I.2']);
    expect(explainPerson(r.people[0], 'en')).toEqual(['Pass: 7/20 = 35.00% > 30% of those present — rule N30, clause I.2']);
  });

  test('N30 (mục I.2): exactly 30% reads as a fail with ≤', () => {
    const r = runStep('next-term', 2, { conference, votes: [{ id: 'a', name: 'An', title: 'T', agree: 6 }] });
    expect(explainFinding(r.people[0].explanation[0], 'vi')).toBe('Không đạt: 6/20 = 30,00% ≤ 30% số người có mặt — quy tắc N30, mục I.2');
  });

  test('RM50 (mục II.1(1)): removal names its base, those convened', () => {
    const r = runStep('annual-local', 1, { conference, removals: [{ id: 'a', name: 'An', title: 'T', agree: 13 }] });
    expect(r.people[0].outcome).toBe('removed');
    expect(explainFinding(r.people[0].explanation[0], 'vi')).toBe('Đưa ra khỏi quy hoạch: 13/25 = 52,00% > 50% số người được triệu tập — quy tắc RM50, mục II.1(1)');
  });

  test('TIE (mục I.3): the tie and then the head decision, with who, when and whom', () => {
    const votes = [
      { id: 'a', name: 'Nguyễn Văn An', title: 'Phó phòng', agree: 20 },
      { id: 'b', name: 'Trần Thị Bình', title: 'Phó phòng', agree: 19 },
      { id: 'c', name: 'Lê Văn Cường', title: 'Phó phòng', agree: 18 },
      { id: 'd', name: 'Phạm Thị Dung', title: 'Phó phòng', agree: 18 },
    ];
    const names = (id: string) => votes.find((v) => v.id === id)?.name ?? id;
    const waiting = runStep('next-term', 3, { conference, votes, quota: { 'Phó phòng': 3 } });
    const c = waiting.people.find((p) => p.id === 'c')!;
    expect(c.outcome).toBe('awaiting-head');
    expect(explainPerson(c, 'vi', names)[2]).toBe('2 người bằng 18 phiếu tranh 1 chỗ còn lại — quy tắc TIE, mục I.3');
    const decided = runStep('next-term', 3, {
      conference,
      votes,
      decisions: [{ title: 'Phó phòng', chosen: ['d'], by: 'Hoàng Văn Em', on: '2026-03-02' }],
    });
    const d = decided.people.find((p) => p.id === 'd')!;
    expect(d.outcome).toBe('selected');
    expect(explainPerson(d, 'vi', names)[2]).toBe(
      '2 người bằng 18 phiếu tranh 1 chỗ còn lại; người đứng đầu (Hoàng Văn Em) đã quyết định ngày 02/03/2026: Phạm Thị Dung — quy tắc TIE, mục I.3',
    );
  });

  test('ELIG (mục I.1): the retirement date and months remaining are in the sentence', () => {
    const r = runStep('next-term', 1, {
      termStart: '2026-01-01',
      roster: [{ id: 'a', name: 'Nguyễn Văn An', birth: '1966-02', gender: 'male', titles: ['Trưởng phòng'], inPlanning: false }],
    });
    expect(r.people[0].outcome).toBe('ineligible');
    expect(explainFinding(r.people[0].explanation[0], 'vi')).toBe(
      'Không đủ tuổi: nghỉ hưu ngày 30/11/2027, còn 23 tháng công tác kể từ 01/01/2026 (cần 60 tháng, đến 31/12/2030) — quy tắc ELIG, mục I.1',
    );
  });
});

describe('diagnostics in words', () => {
  test('every code has a Vietnamese and an English message that uses its numbers', () => {
    const make = (code: string, params: Parameters<typeof diagnostic>[1]) =>
      code in CODES ? diagnostic(code as DiagnosticCode, params) : workbookDiagnostic(code as WorkbookCode, params);
    for (const code of [...Object.keys(CODES), ...Object.keys(WORKBOOK_CODES)]) {
      for (const lang of ['vi', 'en'] as const) {
        const text = describeDiagnostic(make(code, { name: 'Nguyễn Văn An', title: 'Trưởng phòng', present: 17, convened: 25, required: 17, num: 2, den: 3, agree: 18, chosen: ['x'], tied: ['y'], seats: 1, missing: ['metOn'], titles: ['a'], count: 4, max: 3, quota: 3, have: 2, shortfall: 1, women: 0, young: 0, age: 40, value: 'bảy', field: 'agree', criterion: 'training', procedure: 'next-term', step: 9, valid: 1, invalid: 1, returned: 3, issued: 2, kind: 'votes', sheet: 'KP', sheets: ['A', 'B'], cells: ['A!B7', 'A!B9'], range: 'E5:G9', birth: '1966', other: 'KP B', formula: '6*2', file: 'so.ket-qua.xlsx', book: 'khac.xlsx', part: 'xl/workbook.xml', reason: 'xml', limit: 100_000, actual: 100_001, detail: 'ROUND', first: 25, second: 26, firstCell: 'A5', secondCell: 'A7', absent: 4, presentCell: 'A6', absentCell: 'A6', convenedCell: 'A5', votes: 7, of: 21, presentCell2: 'A6', columns: ['D “2025”', 'E “2026”'], letters: ['D', 'E'], rows: ['14', '15'], end: 12, column: 'E', header: 'Số phiếu 2025', why: 'year', what: 'removal-column' }), lang);
        expect(text.length).toBeGreaterThan(10);
        expect(text).not.toContain('undefined');
      }
    }
  });

  test('E-QUORUM names both numbers and the minimum, at the cell given', () => {
    const r = runStep('next-term', 2, { conference: { convened: 25, present: 16, source: { present: { sheet: 'KP HN cán bộ', cell: 'C4' } } }, votes: [] });
    expect(r.blocked).toBe(true);
    expect(describeDiagnostic(r.diagnostics[0], 'vi')).toBe(
      "'KP HN cán bộ'!C4: Hội nghị không hợp lệ: có mặt 16/25 người, cần ít nhất 17 người (2/3 số người được triệu tập). Không xét kết quả.",
    );
  });

  test('sheet names are quoted as Excel quotes them', () => {
    expect(quoteSheet('KP')).toBe('KP');
    expect(quoteSheet("KP HN cán bộ")).toBe("'KP HN cán bộ'");
    expect(quoteSheet("O'Neil")).toBe("'O''Neil'");
  });
});

describe('numbers and language', () => {
  test.each([
    [7, 20, 'vi', '35,00%'],
    [6, 20, 'vi', '30,00%'],
    [1, 3, 'vi', '33,33%'],
    [2, 3, 'en', '66.67%'],
    [20, 20, 'vi', '100,00%'],
    [0, 0, 'vi', '—'],
  ] as const)('formatPercent(%i, %i, %s) = %s', (count, base, lang, text) => {
    expect(formatPercent(count, base, lang)).toBe(text);
  });

  test.each([
    ['vi-VN', 'vi'],
    ['vi', 'vi'],
    ['en-US', 'en'],
    ['fr-FR', 'en'],
    [null, 'vi'],
  ] as const)("Office's display language %s gives %s", (display, lang) => {
    expect(languageFor(display)).toBe(lang);
  });

  test('the profile in words covers every rule of RULES.md with its numbers', () => {
    const lines = describeProfile(DEFAULT_PROFILE, 'vi');
    const ids = new Set(lines.flatMap((l) => l.rules));
    for (const id of ['QUORUM', 'N30', 'RM50', 'L50', 'L50C', 'TOP', 'TIE', 'ANNOUNCE', 'ELIG', 'STRUCT']) expect(ids).toContain(id);
    const text = lines.map((l) => l.text).join('\n');
    expect(text).toContain('ít nhất 2/3 số người được triệu tập có mặt (3 × số người có mặt ≥ 2 × số người được triệu tập)');
    expect(text).toContain('trên 30% số người có mặt (10 × số phiếu đồng ý > 3 × số người có mặt)');
    expect(text).toContain('nam 60 tuổi 3 tháng năm 2021, mỗi năm tăng 3 tháng đến 62 tuổi');
    expect(text).toContain('nữ 55 tuổi 4 tháng năm 2021, mỗi năm tăng 4 tháng đến 60 tuổi');
    expect(messages('en').outcomes['awaiting-head']).toBe("Awaiting the head's decision");
  });
});
