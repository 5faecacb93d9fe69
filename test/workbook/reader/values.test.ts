/**
 * Values as HR staff type them (src/workbook/reader/values.ts): counts as numbers or text,
 * dates as Excel serials, dd/mm/yyyy text or a year alone, genders and yes/no marks.
 */
import fc from 'fast-check';
import type { CellValue } from '../../../src/workbook/snapshot';
import { readCount, readDate, readFullDate, readGender, readYesNo, serialToIso, type Read } from '../../../src/workbook/reader/values';

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const EMPTY = { ok: false, empty: true };
const BAD = { ok: false, empty: false };

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);
/** Excel's serial of a date (1900 system, from 1900-03-01 on, past the Lotus leap-year bug). */
const serialOf = (y: number, m: number, d: number): number => Math.round((Date.UTC(y, m - 1, d) - SERIAL_EPOCH) / 86_400_000);
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const daysIn = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

describe('readCount', () => {
  const cases: [string, CellValue | undefined, Read<number> | typeof EMPTY | typeof BAD][] = [
    ['a number', 7, ok(7)],
    ['zero', 0, ok(0)],
    ['text with spaces', ' 7 ', ok(7)],
    ['text with a non-breaking space', '\u00a07\u00a0', ok(7)],
    ['text "7,0" (decimal comma, zero fraction)', '7,0', ok(7)],
    ['text "7.00"', '7.00', ok(7)],
    ['negative text (the rules reject it later)', '-3', ok(-3)],
    ['negative number (the rules reject it later)', -3, ok(-3)],
    // A fractional number is passed through: the rules' invariants (E-COUNT-NOT-WHOLE) reject it.
    ['a fractional number', 7.5, ok(7.5)],
    ['fractional text', '7.5', BAD],
    ['"7,5"', '7,5', BAD],
    ['a word', 'bảy', BAD],
    ['a number with a word', '7 phiếu', BAD],
    ['empty text', '', EMPTY],
    ['blank text', '   ', EMPTY],
    ['null', null, EMPTY],
    ['undefined', undefined, EMPTY],
    ['NaN', NaN, BAD],
    ['Infinity', Infinity, BAD],
    ['-Infinity', -Infinity, BAD],
    ['an error value', { error: '#N/A' }, BAD],
    ['a boolean', true, BAD],
    ['ten digits of text (beyond 9)', '1234567890', BAD],
    ['thousands separator', '1.000', ok(1)], // "1.000" reads as 1 (a zero fraction), documented here
  ];
  test.each(cases)('%s', (_label, input, expected) => {
    expect(readCount(input)).toEqual(expected);
  });

  test('property: String(n) padded with random spaces reads back as n', () => {
    const spaces = fc.array(fc.constantFrom(' ', '\u00a0', '\t'), { maxLength: 4 }).map((a) => a.join(''));
    fc.assert(
      fc.property(fc.integer({ min: -999_999_999, max: 999_999_999 }), spaces, spaces, (n, before, after) => {
        const r = readCount(`${before}${n}${after}`);
        expect(r).toEqual(ok(n === 0 ? 0 : n));
      }),
    );
  });

  test('property: a finite number reads as itself; anything non-finite is bad', () => {
    fc.assert(
      fc.property(fc.double(), (x) => {
        expect(readCount(x)).toEqual(Number.isFinite(x) ? ok(x) : BAD);
      }),
    );
  });
});

describe('readDate', () => {
  const cases: [string, CellValue | undefined, Read<string> | typeof EMPTY | typeof BAD][] = [
    ['Excel serial 24153', 24153, ok('1966-02-15')],
    ['Excel serial with a time of day', 24153.75, ok('1966-02-15')],
    ['Excel serial 1 day after the epoch of 1900-03-01', 61, ok('1900-03-01')],
    ['Excel serial of 2000-01-01', 36526, ok('2000-01-01')],
    ['dd/mm/yyyy', '15/02/1966', ok('1966-02-15')],
    ['d/m/yyyy', '5/2/1966', ok('1966-02-05')],
    ['dd-mm-yyyy', '15-02-1966', ok('1966-02-15')],
    ['dd.mm.yyyy', '15.02.1966', ok('1966-02-15')],
    ['with spaces around separators', ' 15 / 02 / 1966 ', ok('1966-02-15')],
    ['mm/yyyy', '02/1966', ok('1966-02')],
    ['m/yyyy', '2/1966', ok('1966-02')],
    ['yyyy as text', '1966', ok('1966')],
    ['yyyy as a number', 1966, ok('1966')],
    ['ISO yyyy-mm-dd', '1966-02-15', ok('1966-02-15')],
    ['ISO without padding', '1966-2-5', ok('1966-02-05')],
    ['31/02/1966 does not exist', '31/02/1966', BAD],
    ['29/02/1967 does not exist', '29/02/1967', BAD],
    ['29/02/1968 does', '29/02/1968', ok('1968-02-29')],
    ['month 13', '13/1966', BAD],
    ['month 0', '00/1966', BAD],
    ['day 0', '00/02/1966', BAD],
    ['ISO with a bad day', '1966-02-30', BAD],
    ['two-digit year is not guessed', '15/02/66', BAD],
    ['a word', 'không rõ', BAD],
    ['empty', '', EMPTY],
    ['blank', '  ', EMPTY],
    ['null', null, EMPTY],
    ['undefined', undefined, EMPTY],
    ['zero serial', 0, BAD],
    ['negative serial', -5, BAD],
    ['NaN', NaN, BAD],
    ['Infinity', Infinity, BAD],
    ['serial beyond 9999-12-31', 2_958_466, BAD],
    ['an error value', { error: '#VALUE!' }, BAD],
    ['a boolean', false, BAD],
  ];
  test.each(cases)('%s', (_label, input, expected) => {
    expect(readDate(input)).toEqual(expected);
  });

  test('readFullDate refuses a year or month alone, accepts a full date', () => {
    expect(readFullDate('1966')).toEqual(BAD);
    expect(readFullDate('02/1966')).toEqual(BAD);
    expect(readFullDate(1966)).toEqual(BAD);
    expect(readFullDate('15/02/1966')).toEqual(ok('1966-02-15'));
    expect(readFullDate(24153)).toEqual(ok('1966-02-15'));
    expect(readFullDate('')).toEqual(EMPTY);
  });

  const validDate = fc
    .record({ y: fc.integer({ min: 1901, max: 2099 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
    .map(({ y, m, d }) => ({ y, m, d: Math.min(d, daysIn(y, m)) }));

  test('property: a valid dd/mm/yyyy (padded or not, / - or .) reads as its ISO date', () => {
    fc.assert(
      fc.property(validDate, fc.constantFrom('/', '-', '.'), fc.boolean(), ({ y, m, d }, sep, padded) => {
        const text = padded ? `${pad(d)}${sep}${pad(m)}${sep}${y}` : `${d}${sep}${m}${sep}${y}`;
        expect(readDate(text)).toEqual(ok(`${y}-${pad(m)}-${pad(d)}`));
      }),
    );
  });

  test('property: a day past the end of its month is bad', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1901, max: 2099 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 3 }), (y, m, extra) => {
        const d = daysIn(y, m) + extra;
        if (d > 99) return;
        expect(readDate(`${pad(d)}/${pad(m)}/${y}`)).toEqual(BAD);
      }),
    );
  });

  test('property: serialToIso inverts date → serial', () => {
    fc.assert(
      fc.property(
        fc.record({ y: fc.integer({ min: 1901, max: 9999 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) }),
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        ({ y, m, d: d0 }, time) => {
          const d = Math.min(d0, daysIn(y, m));
          const serial = serialOf(y, m, d);
          const iso = `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
          expect(serialToIso(serial)).toBe(iso);
          expect(serialToIso(serial + time)).toBe(iso);
          // readDate reads a serial as that date, except small integers it takes for a year (1900…2100).
          if (!(serial >= 1900 && serial <= 2100)) expect(readDate(serial)).toEqual(ok(iso));
        },
      ),
    );
  });

  test('property: readDate never throws and answers ok or not ok', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.double(), fc.constant(null), fc.boolean()), (v) => {
        const r = readDate(v);
        expect(typeof r.ok).toBe('boolean');
      }),
    );
  });
});

describe('readGender', () => {
  const cases: [CellValue | undefined, Read<string> | typeof EMPTY | typeof BAD][] = [
    ['Nam', ok('male')],
    ['NAM', ok('male')],
    [' nam ', ok('male')],
    ['Nữ', ok('female')],
    ['NỮ', ok('female')],
    ['Nu', ok('female')],
    ['Nu\u0303', ok('female')], // decomposed "Nũ" folds to "nu" as well
    ['N\u1eef'.normalize('NFD'), ok('female')], // decomposed "Nữ"
    ['M', ok('male')],
    ['F', ok('female')],
    ['male', ok('male')],
    ['Female', ok('female')],
    ['x', BAD],
    ['Nam/Nữ', BAD],
    ['1', BAD],
    ['', EMPTY],
    [null, EMPTY],
    [undefined, EMPTY],
    [{ error: '#N/A' }, BAD],
    [1, BAD],
  ];
  test.each(cases)('%p', (input, expected) => {
    expect(readGender(input)).toEqual(expected);
  });
});

describe('readYesNo', () => {
  const cases: [CellValue | undefined, Read<boolean> | typeof EMPTY | typeof BAD][] = [
    ['x', ok(true)],
    ['X', ok(true)],
    ['Có', ok(true)],
    ['có', ok(true)],
    ['CÓ', ok(true)],
    ['1', ok(true)],
    [1, ok(true)],
    [true, ok(true)],
    ['Đang quy hoạch', ok(true)],
    ['Trong quy hoạch', ok(true)],
    ['Đồng ý', ok(true)],
    ['Đã nhận', ok(true)],
    ['Không', ok(false)],
    ['không', ok(false)],
    ['0', ok(false)],
    [0, ok(false)],
    [false, ok(false)],
    ['Chưa', ok(false)],
    ['Ngoài quy hoạch', ok(false)],
    ['Không đồng ý', ok(false)],
    ['có thể', BAD],
    ['2', BAD],
    ['', EMPTY],
    [' ', EMPTY],
    [null, EMPTY],
    [undefined, EMPTY],
    [{ error: '#REF!' }, BAD],
  ];
  test.each(cases)('%p', (input, expected) => {
    expect(readYesNo(input)).toEqual(expected);
  });
});
