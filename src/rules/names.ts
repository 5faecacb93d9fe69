/**
 * Vietnamese names — RULES.md "Names and order".
 * Comparison: Unicode NFC, whitespace folded, case folded.
 * Order: by given name (the last word), then the rest, in Vietnamese collation:
 * letters a < ă < â < b < c < d < đ < e < ê < … < o < ô < ơ < … < u < ư < …,
 * then tones (none < huyền < hỏi < ngã < sắc < nặng), then case.
 */

const TIDY = /^[^\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+(?: [^\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+)*$/u;

/** NFC, no leading/trailing space, every run of white space (NBSP, tabs, line breaks) one space. */
export function normalizeName(name: string): string {
  // Most names are already tidy: one space between words, nothing around.
  if (TIDY.test(name)) return name.normalize('NFC');
  return name.normalize('NFC').replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/gu, ' ').trim();
}

/**
 * Text folded for matching words as people type them: NFC, lower case, no diacritics (đ → d),
 * punctuation and line breaks as single spaces. "Họ và tên", "HỌ VÀ\nTÊN", "Ho va ten" → "ho va ten".
 */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A key for equality: two spellings of the same name give the same key. */
export function nameKey(name: string): string {
  let key = NAME_EQUALITY_KEYS.get(name);
  if (key === undefined) {
    if (NAME_EQUALITY_KEYS.size > 100_000) NAME_EQUALITY_KEYS.clear();
    // Vietnamese has no locale-specific case mappings, so the plain lower-casing is exact.
    NAME_EQUALITY_KEYS.set(name, (key = normalizeName(name).toLowerCase()));
  }
  return key;
}

const NAME_EQUALITY_KEYS = new Map<string, string>();

export function sameName(a: string, b: string): boolean {
  return nameKey(a) === nameKey(b);
}

// Combining marks after NFD.
const TONES: Record<string, number> = {
  '\u0300': 1, // huyền
  '\u0309': 2, // hỏi
  '\u0303': 3, // ngã
  '\u0301': 4, // sắc
  '\u0323': 5, // nặng
};
const BREVE = '\u0306';
const CIRCUMFLEX = '\u0302';
const HORN = '\u031b';

/** Primary letter order: each base letter with its vowel modifiers is one letter. */
const ALPHABET = ['a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o', 'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z'];
const LETTER_RANK = new Map(ALPHABET.map((l, i) => [l, i]));

interface CollationKey {
  primary: number[];
  secondary: number[];
  tertiary: number[];
}

interface CharWeights {
  primary: number;
  secondary: number;
  tertiary: number;
}

/** Weights of one precomposed character (NFC), worked out once from its decomposition. */
function charWeights(ch: string): CharWeights {
  const decomposed = ch.normalize('NFD');
  const base = decomposed[0];
  let letter = base.toLowerCase();
  let tone = 0;
  for (const mark of decomposed.slice(1)) {
    if (mark in TONES) tone = TONES[mark];
    else if (mark === BREVE || mark === CIRCUMFLEX || mark === HORN) letter = (letter + mark).normalize('NFC');
    else letter += mark;
  }
  const rank = LETTER_RANK.get(letter);
  return {
    // The space between words sorts before every letter, so words compare one by one (Hà Thị < Hàn Văn).
    // Letters outside the Vietnamese alphabet (digits, punctuation, foreign letters) sort by code point after z.
    primary: base === ' ' ? -1 : rank !== undefined ? rank : ALPHABET.length + (letter.codePointAt(0) ?? 0),
    secondary: tone,
    tertiary: base === base.toLowerCase() ? 0 : 1,
  };
}

const WEIGHTS = new Map<string, CharWeights>();

function collationKey(text: string): CollationKey {
  const key: CollationKey = { primary: [], secondary: [], tertiary: [] };
  for (const ch of normalizeName(text)) {
    let w = WEIGHTS.get(ch);
    if (!w) WEIGHTS.set(ch, (w = charWeights(ch)));
    key.primary.push(w.primary);
    key.secondary.push(w.secondary);
    key.tertiary.push(w.tertiary);
  }
  return key;
}

/**
 * A string whose code-unit order is the collation order: the letters, then the tones, then the
 * case, each level ended by a separator lower than any element (a shorter word sorts first).
 * Computing it once per name keeps sorting long lists fast.
 */
export function sortKey(text: string): string {
  let key = SORT_KEYS.get(text);
  if (key === undefined) {
    if (SORT_KEYS.size > 100_000) SORT_KEYS.clear();
    SORT_KEYS.set(text, (key = computeSortKey(text)));
  }
  return key;
}

/** Names repeat their words (family, middle and given names): keys are kept once computed. */
const SORT_KEYS = new Map<string, string>();

function computeSortKey(text: string): string {
  const k = collationKey(text);
  const encode = (xs: number[]) => String.fromCharCode(...xs.map((x) => 0x100 + Math.min(x, 0xfeff)));
  return `${encode(k.primary)}\u0001${encode(k.secondary)}\u0001${encode(k.tertiary)}`;
}

const order = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Vietnamese collation of two strings: letters, then tones, then case. */
export function compareVietnamese(a: string, b: string): number {
  return order(sortKey(a), sortKey(b));
}

/** Split a full name into the given name (last word) and the rest. */
export function splitName(name: string): { given: string; rest: string } {
  const words = normalizeName(name).split(' ');
  const given = words.pop() ?? '';
  return { given, rest: words.join(' ') };
}

/** The sort key of a name in the order of Vietnamese lists: given name, then family and middle names. */
export function nameSortKey(name: string): string {
  let key = NAME_KEYS.get(name);
  if (key === undefined) {
    const { given, rest } = splitName(name);
    if (NAME_KEYS.size > 100_000) NAME_KEYS.clear();
    NAME_KEYS.set(name, (key = `${sortKey(given)}\u0000${sortKey(rest)}`));
  }
  return key;
}

const NAME_KEYS = new Map<string, string>();

export function compareNames(a: string, b: string): number {
  return order(nameSortKey(a), nameSortKey(b));
}
