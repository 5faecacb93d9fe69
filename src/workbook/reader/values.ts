import { daysInMonth, isIsoDate, type Gender, type IsoDate, type PartialDate } from '../../rules';
import type { CellValue } from '../snapshot';
import { cellText, fold } from './text';

/**
 * Values as HR staff type them: counts as numbers or text (" 7 "), dates as Excel serials,
 * dd/mm/yyyy text or a year alone, genders and yes/no marks in their usual words.
 */

export type Read<T> = { ok: true; value: T } | { ok: false; empty: boolean };

const EMPTY = { ok: false, empty: true } as const;
const BAD = { ok: false, empty: false } as const;

const isEmpty = (v: CellValue | undefined): boolean => v === null || v === undefined || (typeof v === 'string' && v.trim() === '');

/** A count: a whole number, typed as a number or as text. Negative numbers are read (the rules reject them). */
/** Reads of small whole numbers, made once (a long vote sheet repeats them). */
const COUNTS: Read<number>[] = Array.from({ length: 1000 }, (_, value) => Object.freeze({ ok: true as const, value }));
const countRead = (value: number): Read<number> => (Number.isInteger(value) && value < COUNTS.length && (value > 0 || Object.is(value, 0)) ? COUNTS[value] : { ok: true, value });

export function readCount(v: CellValue | undefined): Read<number> {
  if (isEmpty(v)) return EMPTY;
  if (typeof v === 'number') return Number.isFinite(v) ? countRead(v) : BAD;
  if (typeof v !== 'string') return BAD;
  const m = /^\s*(-?\d{1,9})(?:[.,]0+)?\s*$/.exec(v.replace(/\u00a0/g, ' '));
  return m ? countRead(Number(m[1])) : BAD;
}

/** A vote count as typed: 7, " 7 ", "7 phiếu", "7/20", "7/20 phiếu (35%)" — the count, and the base and percent where written. */
export interface VoteCount {
  value: number;
  /** The denominator written ("7/20": 20), to be checked against those present. */
  of?: number;
  /** The percent written ("(35%)": 35), to be checked against the count and its base. */
  percent?: number;
  /** Decimals of the percent as written (a "35%" is right from 34,5% to 35,5%). */
  decimals?: number;
}

const VOTE_TEXT = /^\s*(\d{1,9})\s*(?:\/\s*(\d{1,9}))?\s*(?:phiếu|phieu)?\s*(?:[(,;-]?\s*(\d{1,3})(?:[.,](\d{1,4}))?\s*%\s*\)?)?\s*$/iu;

/** Plain counts, made once (a long vote sheet repeats them). */
const PLAIN_VOTES: Read<VoteCount>[] = Array.from({ length: 1000 }, (_, value) => Object.freeze({ ok: true as const, value: Object.freeze({ value }) }));

export function readVoteCount(v: CellValue | undefined): Read<VoteCount> {
  const n = readCount(v);
  if (n.ok) return Number.isInteger(n.value) && n.value >= 0 && n.value < PLAIN_VOTES.length ? PLAIN_VOTES[n.value] : { ok: true, value: { value: n.value } };
  if (n.empty || typeof v !== 'string') return n;
  const m = VOTE_TEXT.exec(v.replace(/\u00a0/g, ' ').normalize('NFC'));
  if (!m) return BAD;
  const out: VoteCount = { value: Number(m[1]) };
  if (m[2] !== undefined) out.of = Number(m[2]);
  if (m[3] !== undefined) {
    out.percent = Number(`${m[3]}.${m[4] ?? '0'}`);
    out.decimals = m[4]?.length ?? 0;
  }
  return { ok: true, value: out };
}

/** Whether a percent as written agrees with count/base, to the decimals written (35% for 7/20; 33% or 33,3% for 1/3). */
export function percentAgrees(count: VoteCount, base: number): boolean {
  if (count.percent === undefined || base <= 0) return true;
  const exact = (100 * count.value) / base;
  return Math.abs(exact - count.percent) <= 0.5 * 10 ** -(count.decimals ?? 0) + 1e-9;
}

const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** An Excel serial date (1900 system) as 'YYYY-MM-DD'. */
export function serialToIso(serial: number): IsoDate | undefined {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2_958_465) return undefined;
  const d = new Date(SERIAL_EPOCH + Math.floor(serial) * 86_400_000);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${String(d.getUTCDate()).padStart(2, '0')}`;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A date as far as it is known: an Excel serial, 'dd/mm/yyyy' (or with - or .), 'mm/yyyy',
 * 'yyyy-mm-dd', or a year alone (as a number or text). Two-digit years are not guessed.
 */
export function readDate(v: CellValue | undefined): Read<PartialDate> {
  if (isEmpty(v)) return EMPTY;
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 1900 && v <= 2100) return { ok: true, value: String(v) };
    const iso = serialToIso(v);
    return iso ? { ok: true, value: iso } : BAD;
  }
  if (typeof v !== 'string') return BAD;
  const s = v.trim();
  let m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (m) {
    const [day, month, year] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) ? { ok: true, value: `${m[3]}-${pad(month)}-${pad(day)}` } : BAD;
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) {
    const iso = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
    return isIsoDate(iso) ? { ok: true, value: iso } : BAD;
  }
  m = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(s);
  if (m) return Number(m[1]) >= 1 && Number(m[1]) <= 12 ? { ok: true, value: `${m[2]}-${pad(Number(m[1]))}` } : BAD;
  m = /^(\d{4})$/.exec(s);
  if (m) return { ok: true, value: m[1] };
  return BAD;
}

/** A full date only (for the term start and recorded decisions). */
export function readFullDate(v: CellValue | undefined): Read<IsoDate> {
  const r = readDate(v);
  return r.ok && !isIsoDate(r.value) ? BAD : r;
}

const MALE = new Set(['nam', 'm', 'male']);
const IS_MALE: Read<Gender> = { ok: true, value: 'male' };
const IS_FEMALE: Read<Gender> = { ok: true, value: 'female' };
const YES_READ: Read<boolean> = { ok: true, value: true };
const NO_READ: Read<boolean> = { ok: true, value: false };
const FEMALE = new Set(['nu', 'f', 'female']);

/** Folded short words (genders, marks): few distinct values down a column, folded once each. */
const FOLDED = new Map<string, string>();
function foldWord(v: CellValue | undefined): string {
  const text = cellText(v);
  let f = FOLDED.get(text);
  if (f === undefined) {
    if (FOLDED.size > 10_000) FOLDED.clear();
    FOLDED.set(text, (f = fold(text)));
  }
  return f;
}

export function readGender(v: CellValue | undefined): Read<Gender> {
  if (isEmpty(v)) return EMPTY;
  const f = foldWord(v);
  if (MALE.has(f)) return IS_MALE;
  if (FEMALE.has(f)) return IS_FEMALE;
  return BAD;
}

const YES = new Set(['x', '✓', '✔', 'chon', 'duoc chon', 'co', 'c', 'yes', 'y', '1', 'true', 'dang quy hoach', 'trong quy hoach', 'da quy hoach', 'dong y', 'roi', 'da nhan', 'da gui']);
const NO = new Set(['khong', 'k', 'no', 'n', '0', 'false', 'chua', 'ngoai quy hoach', 'khong dong y']);

/** A yes/no mark: "x", "Có", "1" … or "Không", "0", "Chưa" …; an empty cell is no answer. */
export function readYesNo(v: CellValue | undefined): Read<boolean> {
  if (isEmpty(v)) return EMPTY;
  if (typeof v === 'boolean') return v ? YES_READ : NO_READ;
  const f = foldWord(v);
  if (YES.has(f)) return YES_READ;
  if (NO.has(f)) return NO_READ;
  return BAD;
}
