/**
 * Dates as people read and type them: Vietnamese dd/mm/yyyy everywhere (messages, notes, printed
 * sheets, the task pane), English in a form no reader takes for month first ("4 Dec 2026"); a date
 * typed dd/mm/yyyy read back exactly, and a day that is not in the calendar refused.
 */
import fc from 'fast-check';
import { describeDiagnostic, formatDate, parseDayMonthYear } from '../../src/i18n';

const iso = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2199, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

test('Vietnamese dd/mm/yyyy, English "4 Dec 2026"; partial dates and text as they are', () => {
  expect(formatDate('2026-12-04')).toBe('04/12/2026');
  expect(formatDate('2026-12-04', 'en')).toBe('4 Dec 2026');
  expect(formatDate('1984-06', 'vi')).toBe('06/1984');
  expect(formatDate('1984-06', 'en')).toBe('Jun 1984');
  expect(formatDate('1992', 'en')).toBe('1992');
  expect(formatDate('02/09/1990')).toBe('02/09/1990');
});

test('what is printed is read back: dd/mm/yyyy of any day gives that day', () => {
  fc.assert(fc.property(iso, (d) => parseDayMonthYear(formatDate(d, 'vi')) === d));
  fc.assert(
    fc.property(iso, fc.constantFrom('/', '-', '.'), (d, sep) => {
      const [y, m, day] = d.split('-').map(Number);
      return parseDayMonthYear(`${day}${sep}${m}${sep}${y}`) === d;
    }),
  );
});

test('not a day of the calendar, or not day-first with a four-digit year: nothing', () => {
  for (const text of ['31/02/2026', '29/02/2025', '00/01/2026', '12/13/2026', '2026-12-04', '4/12/26', '04122026', 'mai', '']) expect(parseDayMonthYear(text)).toBeUndefined();
  expect(parseDayMonthYear('29/02/2028')).toBe('2028-02-29');
});

test('messages print dates the reader’s way: “sinh 04/06/1984”, “born 4 Jun 1984”', () => {
  const d = { code: 'E-NO-MATCH', severity: 'error' as const, rule: 'INPUT' as const, params: { name: 'Lê Thị Hoa', birth: '1984-06-04' } };
  expect(describeDiagnostic(d, 'vi')).toBe('Lê Thị Hoa (sinh 04/06/1984) không có trong danh sách trích ngang.');
  expect(describeDiagnostic(d, 'en')).toBe('Lê Thị Hoa (born 4 Jun 1984) is not on the roster.');
});
