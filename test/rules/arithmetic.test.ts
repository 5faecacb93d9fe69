/**
 * RULES.md "All comparisons are on whole numbers, never on rounded percentages."
 * The whole-number helpers are checked against exact rational arithmetic done
 * independently with BigInt, and at the boundaries the rulebook names.
 */
import fc from 'fast-check';
import { competitionRanks, exceeds, leastMeeting, meets, reaches, type Ratio } from '../../src/rules';

// ── an independent oracle: exact rationals with BigInt ──
const B = (n: number): bigint => BigInt(n);
/** sign of count/base − num/den, computed as count·den − num·base in BigInt. */
const cmp = (count: number, base: number, r: Ratio): bigint => B(count) * B(r.den) - B(r.num) * B(base);
const oracleExceeds = (count: number, base: number, r: Ratio): boolean => cmp(count, base, r) > 0n;
const oracleReaches = (count: number, base: number, r: Ratio): boolean => cmp(count, base, r) >= 0n;
/** Least whole c with c/base (>|≥) num/den: ⌊num·base/den⌋ + 1 when strict, ⌈num·base/den⌉ otherwise. */
function oracleLeast(base: number, r: Ratio, strict: boolean): number {
  const product = B(r.num) * B(base);
  const den = B(r.den);
  return Number(strict ? product / den + 1n : (product + den - 1n) / den);
}

const N30: Ratio = { num: 3, den: 10 };
const HALF: Ratio = { num: 1, den: 2 };
const TWO_THIRDS: Ratio = { num: 2, den: 3 };

// Counts up to 10^9 and ratios up to 10^6/10^6 keep every product below 2^53, as real counts do.
const count = fc.integer({ min: 0, max: 1_000_000_000 });
const ratio = fc.record({ num: fc.integer({ min: 0, max: 1_000_000 }), den: fc.integer({ min: 1, max: 1_000_000 }) });
/** Counts of a conference's size, where count ≤ base as in a real vote. */
const countAndBase = fc.integer({ min: 0, max: 10_000_000 }).chain((base) => fc.tuple(fc.integer({ min: 0, max: base }), fc.constant(base)));

describe('arithmetic (RULES.md: whole numbers, no rounded percentages)', () => {
  test('N30/RM50/L50 (RULES.md): exceeds(count, base, r) is exactly count/base > num/den, for random whole numbers', () => {
    fc.assert(
      fc.property(count, count, ratio, (c, b, r) => {
        expect(exceeds(c, b, r)).toBe(oracleExceeds(c, b, r));
      }),
      { numRuns: 2000 },
    );
  });

  test('QUORUM (RULES.md): reaches(count, base, r) is exactly count/base ≥ num/den, for random whole numbers', () => {
    fc.assert(
      fc.property(count, count, ratio, (c, b, r) => {
        expect(reaches(c, b, r)).toBe(oracleReaches(c, b, r));
      }),
      { numRuns: 2000 },
    );
  });

  test('RULES.md thresholds: meets(…, strict) is exceeds, meets(…, not strict) is reaches', () => {
    fc.assert(
      fc.property(count, count, ratio, fc.boolean(), (c, b, r, strict) => {
        expect(meets(c, b, r, strict)).toBe(strict ? oracleExceeds(c, b, r) : oracleReaches(c, b, r));
      }),
      { numRuns: 2000 },
    );
  });

  test('RULES.md thresholds: leastMeeting is the least whole count that meets the ratio (checked with BigInt)', () => {
    fc.assert(
      fc.property(count, ratio, fc.boolean(), (b, r, strict) => {
        const least = leastMeeting(b, r, strict);
        expect(least).toBe(oracleLeast(b, r, strict));
        const ok = (c: number): boolean => (strict ? oracleExceeds(c, b, r) : oracleReaches(c, b, r));
        expect(ok(least)).toBe(true);
        if (least > 0) expect(ok(least - 1)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  test('RULES.md thresholds: on counts of conference size (count ≤ base ≤ 10^7) the strict and non-strict tests differ only at exact equality', () => {
    fc.assert(
      fc.property(countAndBase, ratio, ([c, b], r) => {
        const equal = cmp(c, b, r) === 0n;
        expect(reaches(c, b, r) && !exceeds(c, b, r)).toBe(equal);
      }),
      { numRuns: 2000 },
    );
  });

  describe('N30 (mục I.2, II.1(1)): "ít nhất trên 30%" — exactly 30% does not pass', () => {
    test.each([
      [3, 10, false],
      [4, 10, true],
      [6, 20, false],
      [7, 20, true],
      [30, 100, false],
      [31, 100, true],
      [2, 7, false], // 28.57%
      [3, 9, true], // 33.3%
      [3_000_000, 10_000_000, false],
      [3_000_001, 10_000_000, true],
      [0, 0, false],
    ])('N30: %i of %i present → passes: %s', (agree, present, expected) => {
      expect(exceeds(agree, present, N30)).toBe(expected);
      expect(meets(agree, present, { num: 30, den: 100 }, true)).toBe(expected);
    });

    test('N30: the least passing count is one above exactly 30% (3 of 10 fails, so 4 is needed)', () => {
      expect(leastMeeting(10, N30, true)).toBe(4);
      expect(leastMeeting(20, N30, true)).toBe(7);
      expect(leastMeeting(100, N30, true)).toBe(31);
      expect(leastMeeting(11, N30, true)).toBe(4); // 3.3 → 4
      expect(leastMeeting(10_000_000, N30, true)).toBe(3_000_001);
    });
  });

  describe('RM50 / L50 / L50C (mục II.1(1), I.3, II.2(4)): "trên 50%" — exactly 50% does not pass', () => {
    test.each([
      [5, 10, false],
      [6, 10, true],
      [10, 20, false],
      [11, 20, true],
      [4, 9, false],
      [5, 9, true],
      [5_000_000, 10_000_000, false],
      [5_000_001, 10_000_000, true],
    ])('RM50/L50/L50C: %i of %i convened → met: %s', (agree, convened, expected) => {
      expect(exceeds(agree, convened, HALF)).toBe(expected);
      expect(meets(agree, convened, { num: 50, den: 100 }, true)).toBe(expected);
    });

    test('RM50/L50/L50C: the least count above half of 10 convened is 6, of 9 is 5', () => {
      expect(leastMeeting(10, HALF, true)).toBe(6);
      expect(leastMeeting(9, HALF, true)).toBe(5);
      expect(leastMeeting(10_000_001, HALF, true)).toBe(5_000_001);
    });
  });

  describe('QUORUM (Lưu ý 1): "ít nhất 2/3" — exactly 2/3 is quorate', () => {
    test.each([
      [10, 15, true],
      [9, 15, false],
      [2, 3, true],
      [1, 3, false],
      [14, 20, true], // 14/20 = 70%
      [13, 20, false], // 65% < 66.67%
      [6_666_667, 10_000_000, true],
      [6_666_666, 10_000_000, false],
    ])('QUORUM: %i present of %i convened → quorate: %s', (present, convened, expected) => {
      expect(reaches(present, convened, TWO_THIRDS)).toBe(expected);
      expect(meets(present, convened, TWO_THIRDS, false)).toBe(expected);
    });

    test('QUORUM: required attendance is ⌈2 × convened / 3⌉ (15 → 10, 3 → 2, 20 → 14, 10^7 → 6 666 667)', () => {
      expect(leastMeeting(15, TWO_THIRDS, false)).toBe(10);
      expect(leastMeeting(3, TWO_THIRDS, false)).toBe(2);
      expect(leastMeeting(20, TWO_THIRDS, false)).toBe(14);
      expect(leastMeeting(10_000_000, TWO_THIRDS, false)).toBe(6_666_667);
    });

    test('QUORUM: a rounded percentage would be wrong — 66.67% displayed is not how 2/3 is tested', () => {
      // 6 666 666 / 10 000 000 rounds to 66.67% at two decimals yet is below 2/3.
      expect(Math.round((6_666_666 / 10_000_000) * 10_000) / 100).toBe(66.67);
      expect(reaches(6_666_666, 10_000_000, TWO_THIRDS)).toBe(false);
    });
  });

  describe('TOP (mục II.2(4) "lấy từ trên xuống"): competition ranks', () => {
    test('TOP: equal values share a rank and the next rank skips (1, 2, 2, 4)', () => {
      expect(competitionRanks([9, 7, 7, 5])).toEqual([1, 2, 2, 4]);
      expect(competitionRanks([5, 7, 9, 7])).toEqual([4, 2, 1, 2]);
      expect(competitionRanks([3, 3, 3])).toEqual([1, 1, 1]);
      expect(competitionRanks([])).toEqual([]);
    });

    test('TOP: property — rank = 1 + number of values strictly greater, so equal values share a rank', () => {
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { maxLength: 40 }), (values) => {
          const ranks = competitionRanks(values);
          expect(ranks).toHaveLength(values.length);
          values.forEach((v, i) => {
            expect(ranks[i]).toBe(1 + values.filter((w) => w > v).length);
            values.forEach((w, j) => {
              if (v === w) expect(ranks[i]).toBe(ranks[j]);
              if (v > w) expect(ranks[i]).toBeLessThan(ranks[j]);
            });
          });
        }),
        { numRuns: 500 },
      );
    });
  });
});
