/**
 * RULES.md "Names and order": compare names after NFC and whitespace folding; Vietnamese alphabetical
 * order is by given name (last word), then the rest, with Vietnamese collation (a < ă < â, d < đ, …);
 * equal vote counts on a shortlist are listed in that order and keep equal rank.
 */
import fc from 'fast-check';
import { compareNames, compareVietnamese, nameKey, normalizeName, runStep, sameName, shortlistOrder, splitName, type VoteRow } from '../../src/rules';
import { TITLE } from './helpers';

const NFC_NAME = 'Nguyễn Thị Hồng';
const NFD_NAME = NFC_NAME.normalize('NFD');
const sign = (n: number) => Math.sign(n) || 0;

describe('Names (RULES.md): NFC and whitespace folding', () => {
  test('Names: the NFD spelling of "Nguyễn Thị Hồng" is different text but the same name', () => {
    expect(NFD_NAME).not.toBe(NFC_NAME);
    expect(NFD_NAME.length).toBeGreaterThan(NFC_NAME.length);
    expect(normalizeName(NFD_NAME)).toBe(NFC_NAME);
    expect(nameKey(NFD_NAME)).toBe(nameKey(NFC_NAME));
    expect(sameName(NFD_NAME, NFC_NAME)).toBe(true);
  });

  test('Names: non-breaking, repeated, leading and trailing spaces and tabs fold to single spaces', () => {
    expect(normalizeName('  Nguyễn\u00a0Thị   Hồng\t')).toBe(NFC_NAME);
    expect(normalizeName('Nguyễn\u202fThị\nHồng')).toBe(NFC_NAME);
    expect(sameName('Nguyễn\u00a0\u00a0Thị Hồng ', NFC_NAME)).toBe(true);
  });

  test('Names: case does not matter for equality (including Đ/đ and accented capitals)', () => {
    expect(nameKey('NGUYỄN THỊ HỒNG')).toBe(nameKey(NFC_NAME));
    expect(sameName('ĐỖ VĂN ĐỨC', 'đỗ văn đức')).toBe(true);
    expect(sameName('NGUYỄN THỊ HỒNG'.normalize('NFD'), 'nguyễn thị hồng')).toBe(true);
  });

  test('Names: different tones or letters are different names', () => {
    expect(sameName('Nguyễn Thị Hồng', 'Nguyễn Thị Hông')).toBe(false);
    expect(sameName('Lê Văn Dũng', 'Lê Văn Đũng')).toBe(false);
    expect(sameName('Trần Văn An', 'Trần Văn Ân')).toBe(false);
  });

  test('Names: the given name is the last word, the rest is family and middle names', () => {
    expect(splitName('  Nguyễn  Thị\u00a0Hồng ')).toEqual({ given: 'Hồng', rest: 'Nguyễn Thị' });
    expect(splitName('Hồng')).toEqual({ given: 'Hồng', rest: '' });
  });
});

describe('Vietnamese collation (RULES.md): letters, then tones', () => {
  const ordered = (list: string[]) => {
    for (let i = 0; i + 1 < list.length; i++) {
      expect([list[i], list[i + 1], sign(compareVietnamese(list[i], list[i + 1]))]).toEqual([list[i], list[i + 1], -1]);
      expect(sign(compareVietnamese(list[i + 1], list[i]))).toBe(1);
    }
    expect([...list].reverse().sort(compareVietnamese)).toEqual(list);
  };

  test('Collation: a < ă < â < b', () => ordered(['a', 'ă', 'â', 'b']));
  test('Collation: d < đ < e < ê < g', () => ordered(['d', 'đ', 'e', 'ê', 'g']));
  test('Collation: o < ô < ơ < p', () => ordered(['o', 'ô', 'ơ', 'p']));
  test('Collation: u < ư < v', () => ordered(['u', 'ư', 'v']));
  test('Collation: capitals sort with their letter — D < Đ, Ư after U', () => {
    ordered(['Dung', 'Đông']);
    ordered(['Dũng', 'Dương']);
    ordered(['Uyên', 'Ưng']);
  });
  test('Collation: tones none < huyền < hỏi < ngã < sắc < nặng', () => ordered(['a', 'à', 'ả', 'ã', 'á', 'ạ']));
  test('Collation: tones only decide between otherwise equal letters (Anh < Ảnh < Ánh < Ăn; Ạnh < Ăn)', () => {
    ordered(['Anh', 'Ảnh', 'Ánh', 'Ăn']);
    ordered(['Ạnh', 'Ăn']);
    ordered(['Hòa', 'Hóa', 'Hoan']);
  });
  test('Collation: a word sorts before a longer word it begins (Hà < Hàn, Lê < Lê Văn)', () => {
    ordered(['Hà', 'Hàn']);
    ordered(['Lê', 'Lê Văn']);
  });
});

describe('compareNames (RULES.md): given name first, then the rest', () => {
  test('compareNames: "Trần Văn An" comes before "Nguyễn Thị Bình" (An < Bình), whatever the family names', () => {
    expect(compareNames('Trần Văn An', 'Nguyễn Thị Bình')).toBeLessThan(0);
  });

  test('compareNames: equal given names are ordered by the rest ("Lê Văn An" < "Nguyễn Văn An")', () => {
    expect(compareNames('Lê Văn An', 'Nguyễn Văn An')).toBeLessThan(0);
    expect(compareNames('Nguyễn Thị An', 'Nguyễn Văn An')).toBeLessThan(0);
  });

  test('compareNames: family names compare word by word — "Hà Thị An" before "Hàn Văn An" (Hà < Hàn)', () => {
    expect(compareNames('Hà Thị An', 'Hàn Văn An')).toBeLessThan(0);
    expect(compareNames('Hàn Văn An', 'Hà Thị An')).toBeGreaterThan(0);
  });

  test('compareNames: a roster sorts in Vietnamese order', () => {
    const roster = ['Phạm Văn Đức', 'Nguyễn Văn Dũng', 'Lê Thị Ánh', 'Trần Văn Anh', 'Hoàng Thị Ân', 'Vũ Văn Dương', 'Đỗ Thị Ơn', 'Bùi Văn Ông', 'Lê Văn Ước', 'Lê Văn Uyên', 'Ngô Thị Ảnh'];
    expect([...roster].sort(compareNames)).toEqual([
      'Trần Văn Anh',
      'Ngô Thị Ảnh',
      'Lê Thị Ánh',
      'Hoàng Thị Ân',
      'Nguyễn Văn Dũng',
      'Vũ Văn Dương',
      'Phạm Văn Đức',
      'Bùi Văn Ông',
      'Đỗ Thị Ơn',
      'Lê Văn Uyên',
      'Lê Văn Ước',
    ]);
  });

  test('compareNames: NFC and NFD spellings, spaces and NBSP compare equal', () => {
    expect(compareNames(NFD_NAME, NFC_NAME)).toBe(0);
    expect(compareNames('Nguyễn\u00a0Thị  Hồng', NFC_NAME)).toBe(0);
  });
});

describe('shortlistOrder (RULES.md): equal votes in Vietnamese name order, with equal rank', () => {
  const rows: VoteRow[] = [
    { id: '1', name: 'Phạm Văn Đức', title: TITLE, agree: 7 },
    { id: '2', name: 'Nguyễn Văn Bình', title: TITLE, agree: 7 },
    { id: '3', name: 'Hoàng Văn Cường', title: TITLE, agree: 9 },
    { id: '4', name: 'Trần Thị An'.normalize('NFD'), title: TITLE, agree: 7 },
    { id: '5', name: 'Lê Văn Dũng', title: TITLE, agree: 7 },
    { id: '6', name: 'Vũ Thị Ánh', title: TITLE, agree: 2 },
  ];

  test('shortlistOrder (N30, mục I.2): equal counts are listed by given name, share the rank, and the next rank skips', () => {
    const result = runStep('next-term', 2, { conference: { convened: 10, present: 10 }, votes: rows });
    expect(result.people.map((p) => [normalizeName(p.name), p.agree, p.rank, p.outcome])).toEqual([
      ['Hoàng Văn Cường', 9, 1, 'pass'],
      ['Trần Thị An', 7, 2, 'pass'],
      ['Nguyễn Văn Bình', 7, 2, 'pass'],
      ['Lê Văn Dũng', 7, 2, 'pass'],
      ['Phạm Văn Đức', 7, 2, 'pass'],
      ['Vũ Thị Ánh', 2, 6, 'fail'],
    ]);
  });

  test('shortlistOrder: the order does not depend on the order of the input rows', () => {
    const a = runStep('next-term', 2, { conference: { convened: 10, present: 10 }, votes: rows });
    const b = runStep('next-term', 2, { conference: { convened: 10, present: 10 }, votes: [...rows].reverse() });
    expect(b.people.map((p) => p.id)).toEqual(a.people.map((p) => p.id));
    expect(shortlistOrder([...a.people].reverse()).map((p) => p.id)).toEqual(a.people.map((p) => p.id));
  });

  test('shortlistOrder (TOP, mục I.3): selected before awaiting-head before "ngoài số lượng" before fail, names breaking ties', () => {
    const result = runStep('next-term', 3, {
      conference: { convened: 10, present: 10 },
      votes: [
        { id: 'e', name: 'Lê Văn Em', title: TITLE, agree: 3 },
        { id: 'd', name: 'Lê Văn Dũng', title: TITLE, agree: 6 },
        { id: 'b', name: 'Lê Văn Bình', title: TITLE, agree: 7 },
        { id: 'a', name: 'Lê Văn An', title: TITLE, agree: 7 },
        { id: 'x', name: 'Lê Văn Xuân', title: TITLE, agree: 9 },
        { id: 'c', name: 'Lê Văn Chiến', title: TITLE, agree: 7 },
      ],
    });
    expect(result.people.map((p) => [p.id, p.outcome])).toEqual([
      ['x', 'selected'],
      ['a', 'awaiting-head'],
      ['b', 'awaiting-head'],
      ['c', 'awaiting-head'],
      ['d', 'passed-not-selected'],
      ['e', 'fail'],
    ]);
  });
});

describe('compareNames (RULES.md): properties', () => {
  const syllables = ['An', 'Ân', 'Ánh', 'anh', 'Bình', 'Cường', 'Dũng', 'Dung', 'Đức', 'đức', 'Hà', 'Hàn', 'Hạnh', 'Hồng', 'Hông', 'Lê', 'Nguyễn', 'NGUYỄN', 'Ơn', 'Ông', 'Oanh', 'Thị', 'Trần', 'Ước', 'Uyên', 'Văn', 'Vân', 'Yến', 'Ý'];
  const name = fc.array(fc.constantFrom(...syllables), { minLength: 1, maxLength: 4 }).map((w) => w.join(' '));
  /** The same name written another way: NFD, NBSP, doubled or padded spaces. */
  const respell = (n: string, how: number) =>
    [n.normalize('NFD'), n.replace(/ /g, '\u00a0'), ` ${n.replace(/ /g, '  ')} `, n][how % 4];

  test('compareNames: antisymmetric and reflexive on random names', () => {
    fc.assert(
      fc.property(name, name, (a, b) => {
        expect(sign(compareNames(a, b)) + sign(compareNames(b, a))).toBe(0);
        expect(compareNames(a, a)).toBe(0);
        // Equal exactly when the names are the same after normalisation.
        expect(compareNames(a, b) === 0).toBe(normalizeName(a) === normalizeName(b));
      }),
      { numRuns: 2000 },
    );
  });

  test('compareNames: transitive on random triples', () => {
    fc.assert(
      fc.property(name, name, name, (a, b, c) => {
        if (compareNames(a, b) <= 0 && compareNames(b, c) <= 0) expect(compareNames(a, c)).toBeLessThanOrEqual(0);
        if (compareNames(a, b) < 0 && compareNames(b, c) < 0) expect(compareNames(a, c)).toBeLessThan(0);
      }),
      { numRuns: 3000 },
    );
  });

  test('compareNames: NFC, NFD and whitespace variants compare equal, and compare the same against any other name', () => {
    fc.assert(
      fc.property(name, name, fc.nat(), (a, b, how) => {
        const a2 = respell(a, how);
        expect(compareNames(a2, a)).toBe(0);
        expect(sign(compareNames(a2, b))).toBe(sign(compareNames(a, b)));
        expect(nameKey(a2)).toBe(nameKey(a));
      }),
      { numRuns: 2000 },
    );
  });

  test('compareNames: sorting a random list gives the same order as sorting its respelled copy', () => {
    fc.assert(
      fc.property(fc.array(name, { maxLength: 15 }), fc.nat(), (list, how) => {
        const sorted = [...list].sort(compareNames).map(normalizeName);
        const respelled = list.map((n, i) => respell(n, how + i)).sort(compareNames).map(normalizeName);
        expect(respelled).toEqual(sorted);
      }),
      { numRuns: 500 },
    );
  });
});
