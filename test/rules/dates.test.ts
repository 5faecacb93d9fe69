/** Calendar arithmetic behind ELIG (term's last day, months remaining, age on a date). */
import { ageOn, periodEnd, wholeMonthsBetween } from '../../src/rules';

test.each([
  ['2026-01-01', 60, '2030-12-31'], // RULES.md ELIG: a term from 01/01/2026 ends 31/12/2030
  ['2025-07-01', 60, '2030-06-30'],
  ['2026-03-15', 60, '2031-03-14'],
  ['2026-01-31', 1, '2026-02-28'], // Bộ luật Dân sự art. 148: a month lacking the day ends on its last day
  ['2024-01-31', 1, '2024-02-29'],
  ['2026-02-28', 12, '2027-02-27'],
])('ELIG: the period from %s of %i months ends on %s', (start, months, end) => {
  expect(periodEnd(start, months)).toBe(end);
});

test.each([
  ['2026-01-01', '2031-01-01', 60],
  ['2026-01-01', '2030-12-31', 59],
  ['2026-01-15', '2026-02-14', 0],
  ['2026-01-15', '2026-02-15', 1],
])('ELIG: whole months from %s to %s = %i', (from, to, n) => {
  expect(wholeMonthsBetween(from, to)).toBe(n);
});

test.each([
  ['1986-01-02', '2026-01-01', 39], // STRUCT: still under 40 the day before the birthday
  ['1986-01-01', '2026-01-01', 40],
  ['1986', '2026-01-01', 40], // a year alone counts from 1 January
  ['1986-02', '2026-01-01', 39],
])('STRUCT: born %s, on %s, is %i years old', (birth, on, age) => {
  expect(ageOn(birth, on)).toBe(age);
});
