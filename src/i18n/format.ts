import type { Ratio } from '../rules';
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

/** 'YYYY-MM-DD' → dd/mm/yyyy (the Vietnamese and the British order; both audiences read it). */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}
