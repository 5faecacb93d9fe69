// Vietnamese text typed in legacy 8-bit fonts, read back as Unicode (NFC).
//
// Old personnel workbooks were typed before Unicode fonts were common. The
// cell holds Latin-1 characters; the font (.VnTime, VNI-Times, …) drew them
// as Vietnamese letters. Read without that font, "Nguyễn Văn An" shows as
// "NguyÔn V¨n An" (TCVN3) or "Nguyeãn Vaên An" (VNI). This module turns such
// text back into the Vietnamese it was meant to be.
//
// - TCVN3 (ABC, TCVN 5712:1993 VN3): one byte per letter. Only Ă Â Đ Ê Ô Ơ Ư
//   have uppercase codes; the "H" fonts (.VnTimeH, .VnArialH, …) are all-caps
//   fonts that draw every code, the lowercase ones included, as capitals.
// - VNI (VNI-Windows): a base letter followed by one mark character that
//   carries the circumflex/breve and/or the tone; ơ ư đ and the toned i, ỵ are
//   single characters.
//
// Pure: no clock, no randomness, no I/O.

export type LegacyEncoding = 'tcvn3' | 'tcvn3-upper' | 'vni';

const GRAVE = '\u0300'; // huyền
const ACUTE = '\u0301'; // sắc
const TILDE = '\u0303'; // ngã
const HOOK = '\u0309'; // hỏi
const DOT = '\u0323'; // nặng
const CIRCUMFLEX = '\u0302';
const BREVE = '\u0306';

/** Tone order of the TCVN3 rows below: none, huyền, hỏi, ngã, sắc, nặng. */
const TCVN3_TONE_ORDER = ['', GRAVE, HOOK, TILDE, ACUTE, DOT] as const;

/**
 * TCVN3 (VN3) code of each lowercase vowel, untoned then à ả ã á ạ order.
 * Codes below 0x80 are the plain ASCII letter and need no mapping.
 */
const TCVN3_VOWELS: ReadonlyArray<readonly [string, readonly [number, number, number, number, number, number]]> = [
  ['a', [0x61, 0xb5, 0xb6, 0xb7, 0xb8, 0xb9]], // a µ ¶ · ¸ ¹
  ['ă', [0xa8, 0xbb, 0xbc, 0xbd, 0xbe, 0xc6]], // ¨ » ¼ ½ ¾ Æ
  ['â', [0xa9, 0xc7, 0xc8, 0xc9, 0xca, 0xcb]], // © Ç È É Ê Ë
  ['e', [0x65, 0xcc, 0xce, 0xcf, 0xd0, 0xd1]], // e Ì Î Ï Ð Ñ
  ['ê', [0xaa, 0xd2, 0xd3, 0xd4, 0xd5, 0xd6]], // ª Ò Ó Ô Õ Ö
  ['i', [0x69, 0xd7, 0xd8, 0xdc, 0xdd, 0xde]], // i × Ø Ü Ý Þ
  ['o', [0x6f, 0xdf, 0xe1, 0xe2, 0xe3, 0xe4]], // o ß á â ã ä
  ['ô', [0xab, 0xe5, 0xe6, 0xe7, 0xe8, 0xe9]], // « å æ ç è é
  ['ơ', [0xac, 0xea, 0xeb, 0xec, 0xed, 0xee]], // ¬ ê ë ì í î
  ['u', [0x75, 0xef, 0xf1, 0xf2, 0xf3, 0xf4]], // u ï ñ ò ó ô
  ['ư', [0xad, 0xf5, 0xf6, 0xf7, 0xf8, 0xf9]], // (soft hyphen) õ ö ÷ ø ù
  ['y', [0x79, 0xfa, 0xfb, 0xfc, 0xfd, 0xfe]], // y ú û ü ý þ
];

/** The other TCVN3 letters: đ and the seven uppercase letters with a code of their own. */
const TCVN3_OTHERS: ReadonlyArray<readonly [number, string]> = [
  [0xae, 'đ'], // ®
  [0xa1, 'Ă'], // ¡
  [0xa2, 'Â'], // ¢
  [0xa3, 'Ê'], // £
  [0xa4, 'Ô'], // ¤
  [0xa5, 'Ơ'], // ¥
  [0xa6, 'Ư'], // ¦
  [0xa7, 'Đ'], // §
];

const TCVN3_TO_UNICODE: ReadonlyMap<string, string> = (() => {
  const map = new Map<string, string>();
  for (const [vowel, codes] of TCVN3_VOWELS) {
    codes.forEach((code, tone) => {
      if (code >= 0x80) map.set(String.fromCharCode(code), (vowel + TCVN3_TONE_ORDER[tone]).normalize('NFC'));
    });
  }
  for (const [code, letter] of TCVN3_OTHERS) map.set(String.fromCharCode(code), letter);
  return map;
})();

function fromTcvn3(text: string): string {
  let out = '';
  for (const ch of text) out += TCVN3_TO_UNICODE.get(ch) ?? ch;
  return out.normalize('NFC');
}

// --- VNI ---------------------------------------------------------------------

/** VNI characters that stand for a whole letter. */
const VNI_LETTERS: ReadonlyMap<string, string> = new Map([
  ['ñ', 'đ'], ['Ñ', 'Đ'],
  ['í', 'í'], ['ì', 'ì'], ['æ', 'ỉ'], ['ó', 'ĩ'], ['ò', 'ị'],
  ['Í', 'Í'], ['Ì', 'Ì'], ['Æ', 'Ỉ'], ['Ó', 'Ĩ'], ['Ò', 'Ị'],
  ['î', 'ỵ'], ['Î', 'Ỵ'],
]);

/** VNI characters that can take marks after them, and the letter they stand for. */
const VNI_BASES: ReadonlyMap<string, string> = new Map([
  ...[...'aeiouyAEIOUY'].map((c): [string, string] => [c, c]),
  ['ô', 'ơ'], ['Ô', 'Ơ'], ['ö', 'ư'], ['Ö', 'Ư'],
]);

interface VniMark {
  readonly modifier?: string;
  readonly tone?: string;
}

/** VNI mark characters (lowercase, uppercase) and what they add to the letter before them. */
const VNI_MARK_ROWS: ReadonlyArray<readonly [string, string, VniMark]> = [
  ['ù', 'Ù', { tone: ACUTE }],
  ['ø', 'Ø', { tone: GRAVE }],
  ['û', 'Û', { tone: HOOK }],
  ['õ', 'Õ', { tone: TILDE }],
  ['ï', 'Ï', { tone: DOT }],
  ['â', 'Â', { modifier: CIRCUMFLEX }],
  ['á', 'Á', { modifier: CIRCUMFLEX, tone: ACUTE }],
  ['à', 'À', { modifier: CIRCUMFLEX, tone: GRAVE }],
  ['å', 'Å', { modifier: CIRCUMFLEX, tone: HOOK }],
  ['ã', 'Ã', { modifier: CIRCUMFLEX, tone: TILDE }],
  ['ä', 'Ä', { modifier: CIRCUMFLEX, tone: DOT }],
  ['ê', 'Ê', { modifier: BREVE }],
  ['é', 'É', { modifier: BREVE, tone: ACUTE }],
  ['è', 'È', { modifier: BREVE, tone: GRAVE }],
  ['ú', 'Ú', { modifier: BREVE, tone: HOOK }],
  ['ü', 'Ü', { modifier: BREVE, tone: TILDE }],
  ['ë', 'Ë', { modifier: BREVE, tone: DOT }],
];

const VNI_MARKS: ReadonlyMap<string, VniMark> = new Map(
  VNI_MARK_ROWS.flatMap(([lower, upper, mark]): Array<[string, VniMark]> => [[lower, mark], [upper, mark]]),
);

function takesModifier(base: string, modifier: string): boolean {
  const b = base.toLowerCase();
  return modifier === BREVE ? b === 'a' : b === 'a' || b === 'e' || b === 'o';
}

function fromVni(text: string): string {
  const chars = [...text];
  let out = '';
  let i = 0;
  while (i < chars.length) {
    const ch = chars[i];
    const base = VNI_BASES.get(ch);
    if (base === undefined) {
      out += VNI_LETTERS.get(ch) ?? ch;
      i += 1;
      continue;
    }
    let modifier = '';
    let tone = '';
    let j = i + 1;
    while (j < chars.length) {
      const mark = VNI_MARKS.get(chars[j]);
      if (mark === undefined) break;
      if (mark.modifier !== undefined && (modifier !== '' || !takesModifier(base, mark.modifier))) break;
      if (mark.tone !== undefined && tone !== '') break;
      modifier = mark.modifier ?? modifier;
      tone = mark.tone ?? tone;
      j += 1;
    }
    out += (base + modifier + tone).normalize('NFC');
    i = j;
  }
  return out.normalize('NFC');
}

// --- API -----------------------------------------------------------------------

/** Converts text typed in a legacy Vietnamese font to Unicode NFC. */
export function fromLegacy(text: string, encoding: LegacyEncoding): string {
  switch (encoding) {
    case 'tcvn3':
      return fromTcvn3(text);
    case 'tcvn3-upper':
      // The H fonts draw every letter as a capital, ASCII letters included.
      return fromTcvn3(text).toUpperCase().normalize('NFC');
    case 'vni':
      return fromVni(text);
  }
}

/**
 * The legacy encoding a font name implies: ".VnTime", ".VnArial", … → tcvn3;
 * ".VnTimeH", ".VnArialH", … (all-caps fonts) → tcvn3-upper; "VNI-Times",
 * "VNI-Helve", … → vni; any other font (Unicode fonts included) → undefined.
 */
export function encodingOfFont(fontName: string | undefined): LegacyEncoding | undefined {
  if (fontName === undefined) return undefined;
  const name = fontName.trim();
  if (/^\.vn\S/i.test(name)) return /h$/i.test(name) ? 'tcvn3-upper' : 'tcvn3';
  if (/^vni(?:[-_ ]\S|$)/i.test(name)) return 'vni';
  return undefined;
}

// --- Guessing --------------------------------------------------------------------

/** Letters only Vietnamese Unicode text contains (never a legacy 8-bit code). */
const VIETNAMESE_UNICODE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/u;
const COMBINING = /[\u0300-\u036f]/u;
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;
/** Word separators: whitespace, digits, ASCII punctuation. No legacy letter code is among them. */
const SEPARATORS = /[\s\d!-/:-@[-`{-~]+/u;

const INITIALS = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])';
const NUCLEI = [
  'iêu', 'oai', 'oao', 'oay', 'oeo', 'uây', 'uôi', 'uya', 'uyê', 'uyu', 'ươi', 'ươu', 'yêu',
  'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'eo', 'êu', 'ia', 'iê', 'iu', 'oa', 'oă', 'oe', 'oi', 'ôi', 'ơi',
  'ua', 'uâ', 'uê', 'ui', 'uô', 'uơ', 'uy', 'ưa', 'ưi', 'ươ', 'ưu', 'yê',
  'a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y',
];
const FINALS = '(?:ch|ng|nh|[cmnpt])';
const SYLLABLE = new RegExp(`^${INITIALS}?(?:${NUCLEI.join('|')})${FINALS}?$`, 'u');

/**
 * Whether a word is shaped like one Vietnamese syllable: an initial consonant
 * cluster, a vowel nucleus, a final consonant, and at most one tone mark.
 */
export function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.normalize('NFD').toLowerCase();
  const tones = decomposed.match(TONE_MARKS);
  if (tones !== null && tones.length > 1) return false;
  return SYLLABLE.test(decomposed.replace(TONE_MARKS, '').normalize('NFC'));
}

/**
 * Whether every word of the text, converted, is a Vietnamese syllable, and at
 * least one word that has an ASCII letter was changed by the conversion. For a
 * legacy reading (needChange) a one-character word must be an ASCII letter, so
 * a lone symbol ("©", "Ñ") is never read as a letter.
 */
function readsAsVietnamese(text: string, convert: (word: string) => string, needChange: boolean): boolean {
  const words = text.split(SEPARATORS).filter((w) => w.length > 0);
  if (words.length === 0) return false;
  let changed = false;
  for (const word of words) {
    const converted = convert(word).normalize('NFC');
    if (needChange && !/[A-Za-z]/.test(word) && [...word].length < 2) return false;
    if (!/^\p{L}+$/u.test(converted) || !isVietnameseSyllable(converted)) return false;
    if (converted !== word && /[A-Za-z]/.test(word)) changed = true;
  }
  return changed || !needChange;
}

/**
 * Guesses the legacy encoding of text whose font is unknown. Conservative:
 * undefined for plain ASCII, for text that already reads as Unicode
 * Vietnamese, for text that reads as Vietnamese in both encodings, and for
 * anything whose conversion is not made only of Vietnamese syllables.
 */
export function guessLegacy(text: string): LegacyEncoding | undefined {
  const nfc = text.normalize('NFC');
  if (VIETNAMESE_UNICODE.test(nfc) || COMBINING.test(nfc)) return undefined;
  if (![...nfc].some((c) => c.charCodeAt(0) > 0x7f)) return undefined;
  if (readsAsVietnamese(nfc, (w) => w, false)) return undefined;
  const tcvn3 = readsAsVietnamese(nfc, fromTcvn3, true);
  const vni = readsAsVietnamese(nfc, fromVni, true);
  if (tcvn3 === vni) return undefined;
  if (vni) return 'vni';
  // Typed in an all-caps H font: no lowercase ASCII, and some word has several capitals.
  const allCaps = !/[a-z]/.test(nfc) && nfc.split(SEPARATORS).some((w) => (w.match(/[A-Z]/g) ?? []).length >= 2);
  return allCaps ? 'tcvn3-upper' : 'tcvn3';
}

/**
 * Text of a cell as Unicode NFC: converted from the legacy encoding of its
 * font when the font says so, else from the guessed encoding, else unchanged.
 */
export function toUnicodeText(text: string, fontName?: string): string {
  const encoding = encodingOfFont(fontName) ?? guessLegacy(text);
  return encoding === undefined ? text.normalize('NFC') : fromLegacy(text, encoding);
}
