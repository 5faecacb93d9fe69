import type { IsoDate, PartialDate } from './types';

/** Calendar arithmetic on 'YYYY-MM-DD' strings, with no time zone and no clock. */

export interface YearMonth {
  year: number;
  /** 1–12 */
  month: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const PARTIAL = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS[month - 1];
}

export function isIsoDate(s: unknown): s is IsoDate {
  if (typeof s !== 'string') return false;
  const m = ISO.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo);
}

export function isPartialDate(s: unknown): s is PartialDate {
  if (typeof s !== 'string') return false;
  const m = PARTIAL.exec(s);
  if (!m) return false;
  if (m[3] !== undefined) return isIsoDate(s);
  return m[2] === undefined || (Number(m[2]) >= 1 && Number(m[2]) <= 12);
}

export function parseIso(date: IsoDate): { year: number; month: number; day: number } {
  const m = ISO.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  return { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
}

/** Birth month of a partial date; a birth year alone counts from January (RULES.md ELIG). */
export function birthMonth(birth: PartialDate): YearMonth {
  const m = PARTIAL.exec(birth);
  if (!m) throw new RangeError(`not a birth date: ${birth}`);
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : 1 };
}

/** First day of a birth date as far as known: 'YYYY' → YYYY-01-01, 'YYYY-MM' → YYYY-MM-01. */
export function birthDay(birth: PartialDate): { year: number; month: number; day: number } {
  const m = PARTIAL.exec(birth);
  if (!m) throw new RangeError(`not a birth date: ${birth}`);
  return { year: Number(m[1]), month: m[2] ? Number(m[2]) : 1, day: m[3] ? Number(m[3]) : 1 };
}

export function toIso(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Month index counting from year 0, for month arithmetic. */
export function monthIndex(ym: YearMonth): number {
  return ym.year * 12 + (ym.month - 1);
}

export function fromMonthIndex(index: number): YearMonth {
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function lastDayOfMonth(ym: YearMonth): IsoDate {
  return toIso(ym.year, ym.month, daysInMonth(ym.year, ym.month));
}

/** date + n months − 1 day: the last day of a period of n months starting on date (01/01/2026 + 60 → 31/12/2030). */
export function periodEnd(start: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIso(start);
  const target = fromMonthIndex(monthIndex({ year, month }) + months);
  // A period that would end on a day the month lacks (31/01 + 1 month) ends on that month's last day.
  if (day > daysInMonth(target.year, target.month)) return lastDayOfMonth(target);
  const t = Date.UTC(target.year, target.month - 1, day) - 86_400_000;
  const d = new Date(t);
  return toIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** Whole months from `from` to `to` (negative when `to` is earlier). 2026-01-01 → 2030-12-31 is 59. */
export function wholeMonthsBetween(from: IsoDate, to: IsoDate): number {
  const a = parseIso(from);
  const b = parseIso(to);
  let months = (b.year - a.year) * 12 + (b.month - a.month);
  if (months > 0 && b.day < a.day) months -= 1;
  if (months < 0 && b.day > a.day) months += 1;
  return months;
}

/** Age in whole years on a date, from a (partial) birth date. */
export function ageOn(birth: PartialDate, on: IsoDate): number {
  const b = birthDay(birth);
  const d = parseIso(on);
  let age = d.year - b.year;
  if (d.month < b.month || (d.month === b.month && d.day < b.day)) age -= 1;
  return age;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = parseIso(date);
  const d = new Date(Date.UTC(year, month - 1, day) + days * 86_400_000);
  return toIso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}
