import { isIsoDate, type Ratio } from '../rules';
import type { Lang } from './messages';

/** Number, date and list formatting shared by the catalogues. */

export function list(v: unknown, map: (s: string) => string = (s) => s): string {
  return Array.isArray(v) ? v.map((x) => map(String(x))).join(', ') : String(v);
}

/** A created sheet's name (Vietnamese in both languages: the sheets are the workbook's): "KQ Kế tiếp B2". */
export function sheetName(prefix: string, procedure: string, step: number): string {
  const words: Record<string, string> = { 'next-term': 'Kế tiếp', 'annual-local': 'Hằng năm', 'annual-external': 'Nơi khác' };
  return `${prefix} ${words[procedure] ?? procedure} B${step}`;
}

/** Names joined as a sentence lists them: "A", "A và B", "A, B và C". */
export function joinNames(names: readonly string[], and: string): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

/** The formula of a profile sentence in brackets, where there is one (printed sheets have none). */
export function formulaOf(s: { formula: string }): string {
  return s.formula ? ` (${s.formula})` : '';
}

/** A ratio in words: 30/100 → "30%", 2/3 → "2/3". */
export function formatRatio(r: Ratio): string {
  const percent = (r.num * 100) / r.den;
  return Number.isInteger(percent) ? `${percent}%` : `${r.num}/${r.den}`;
}

/** The ratio of diagnostic params { num, den }. */
export function ratio(p: Record<string, unknown>): string {
  return formatRatio({ num: Number(p.num), den: Number(p.den) });
}

/** A percentage with two decimals in the language's style: 35,00% (vi), 35.00% (en). For display only. */
export function formatPercent(count: number, base: number, lang: Lang): string {
  if (base === 0) return '—';
  const hundredths = Math.round((count * 10000) / base);
  const whole = Math.floor(hundredths / 100);
  const frac = String(hundredths % 100).padStart(2, '0');
  return `${whole}${lang === 'vi' ? ',' : '.'}${frac}%`;
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A date as people read it: 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY' → Vietnamese dd/mm/yyyy, mm/yyyy,
 * yyyy; English in a form no reader takes for month first: "4 Dec 2026", "Dec 2026". Anything else
 * (a date as the user typed it) as it is.
 */
export function formatDate(date: string, lang: Lang = 'vi'): string {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(date);
  if (!m) return date;
  const [, y, mo, d] = m;
  if (lang === 'en') return [d && String(Number(d)), mo && MONTHS_EN[Number(mo) - 1], y].filter(Boolean).join(' ');
  return [d, mo, y].filter(Boolean).join('/');
}

/** A date in a cell the add-in writes and may read back (a birth date column, the head's date): dd/mm/yyyy in every language. */
export function cellDate(date: string | undefined): string {
  return date ? formatDate(date, 'vi') : '';
}

/**
 * A date typed as people write it — dd/mm/yyyy, d/m/yyyy, with "/", "-" or "." — as 'YYYY-MM-DD',
 * or undefined when it is not a day of the calendar (31/02/2026) or not written so. The year has four digits.
 */
export function parseDayMonthYear(text: string): string | undefined {
  const m = /^\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\s*$/.exec(text);
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}
