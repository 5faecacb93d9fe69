/**
 * Vietnamese names — RULES.md "Names and order".
 * Comparison: Unicode NFC, whitespace folded, case folded.
 * Order: by given name (the last word), then the rest, in Vietnamese collation:
 * letters a < ă < â < b < c < d < đ < e < ê < … < o < ô < ơ < … < u < ư < …,
 * then tones (none < huyền < hỏi < ngã < sắc < nặng), then case.
 */

/** NFC, no leading/trailing space, every run of white space (NBSP, tabs, line breaks) one space. */
export function normalizeName(name: string): string {
  return name.normalize('NFC').replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/gu, ' ').trim();
}

/** A key for equality: two spellings of the same name give the same key. */
export function nameKey(name: string): string {
  return normalizeName(name).toLocaleLowerCase('vi');
}

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

function collationKey(text: string): CollationKey {
  const key: CollationKey = { primary: [], secondary: [], tertiary: [] };
  const decomposed = normalizeName(text).normalize('NFD');
  let i = 0;
  while (i < decomposed.length) {
    const base = decomposed[i];
    i++;
    let letter = base.toLowerCase();
    let tone = 0;
    while (i < decomposed.length && /\p{M}/u.test(decomposed[i])) {
      const mark = decomposed[i];
      if (mark in TONES) tone = TONES[mark];
      else if (mark === BREVE || mark === CIRCUMFLEX || mark === HORN) letter = (letter + mark).normalize('NFC');
      else letter += mark;
      i++;
    }
    const rank = LETTER_RANK.get(letter);
    // Letters outside the Vietnamese alphabet (digits, punctuation, foreign letters) sort by code point after z.
    key.primary.push(rank !== undefined ? rank : ALPHABET.length + (letter.codePointAt(0) ?? 0));
    key.secondary.push(tone);
    key.tertiary.push(base === base.toLowerCase() ? 0 : 1);
  }
  return key;
}

function compareArrays(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return a.length - b.length;
}

/** Vietnamese collation of two strings: letters, then tones, then case. */
export function compareVietnamese(a: string, b: string): number {
  const ka = collationKey(a);
  const kb = collationKey(b);
  return (
    compareArrays(ka.primary, kb.primary) ||
    compareArrays(ka.secondary, kb.secondary) ||
    compareArrays(ka.tertiary, kb.tertiary)
  );
}

/** Split a full name into the given name (last word) and the rest. */
export function splitName(name: string): { given: string; rest: string } {
  const words = normalizeName(name).split(' ');
  const given = words.pop() ?? '';
  return { given, rest: words.join(' ') };
}

/** Order of Vietnamese lists: given name, then family and middle names. */
export function compareNames(a: string, b: string): number {
  const na = splitName(a);
  const nb = splitName(b);
  return compareVietnamese(na.given, nb.given) || compareVietnamese(na.rest, nb.rest);
}
