/**
 * Legacy Vietnamese fonts: names typed in .VnTime (TCVN3) or VNI-Times read
 * back as the Unicode names the typist saw on screen.
 */
import fc from 'fast-check';
import {
  encodingOfFont,
  fromLegacy,
  guessLegacy,
  isVietnameseSyllable,
  toUnicodeText,
  type LegacyEncoding,
} from '../../../src/workbook/reader/legacy-text';

const SOFT_HYPHEN = '\u00ad'; // TCVN3 code of ư

// [Unicode name, as typed in .VnTime (TCVN3), as typed in VNI-Times]
const NAMES: ReadonlyArray<readonly [string, string, string]> = [
  ['Nguyễn Văn An', 'NguyÔn V¨n An', 'Nguyeãn Vaên An'],
  ['Trần Thị Bích', 'TrÇn ThÞ BÝch', 'Traàn Thò Bích'],
  ['Lê Hồng Phúc', 'Lª Hång Phóc', 'Leâ Hoàng Phuùc'],
  ['Phạm Đức Thắng', 'Ph¹m §øc Th¾ng', 'Phaïm Ñöùc Thaéng'],
  ['Hoàng Thị Thu Hường', `Hoµng ThÞ Thu H${SOFT_HYPHEN}êng`, 'Hoaøng Thò Thu Höôøng'],
  ['Đỗ Quốc Việt', '§ç Quèc ViÖt', 'Ñoã Quoác Vieät'],
  ['Vũ Ngọc Anh', 'Vò Ngäc Anh', 'Vuõ Ngoïc Anh'],
  ['Bùi Thị Mỹ Hạnh', 'Bïi ThÞ Mü H¹nh', 'Buøi Thò Myõ Haïnh'],
  ['Đặng Hữu Lợi', '§Æng H÷u Lîi', 'Ñaëng Höõu Lôïi'],
  ['Ngô Thanh Tùng', 'Ng« Thanh Tïng', 'Ngoâ Thanh Tuøng'],
  ['Dương Văn Hải', `D${SOFT_HYPHEN}¬ng V¨n H¶i`, 'Döông Vaên Haûi'],
  ['Võ Thị Kiều Oanh', 'Vâ ThÞ KiÒu Oanh', 'Voõ Thò Kieàu Oanh'],
  ['Huỳnh Minh Trí', 'Huúnh Minh TrÝ', 'Huyønh Minh Trí'],
  ['Lý Thường Kiệt', `Lý Th${SOFT_HYPHEN}êng KiÖt`, 'Lyù Thöôøng Kieät'],
  ['Tạ Quang Bửu', 'T¹ Quang Böu', 'Taï Quang Böûu'],
  ['Phan Bội Châu', 'Phan Béi Ch©u', 'Phan Boäi Chaâu'],
  ['Lương Thế Vinh', `L${SOFT_HYPHEN}¬ng ThÕ Vinh`, 'Löông Theá Vinh'],
  ['Hồ Xuân Hương', `Hå Xu©n H${SOFT_HYPHEN}¬ng`, 'Hoà Xuaân Höông'],
  ['Trịnh Công Sơn', 'TrÞnh C«ng S¬n', 'Trònh Coâng Sôn'],
  ['Nguyễn Trãi', 'NguyÔn Tr·i', 'Nguyeãn Traõi'],
  ['Mạc Đĩnh Chi', 'M¹c §Ünh Chi', 'Maïc Ñónh Chi'],
  ['Trương Thị Nở', `Tr${SOFT_HYPHEN}¬ng ThÞ Në`, 'Tröông Thò Nôû'],
  ['Đoàn Thị Điểm', '§oµn ThÞ §iÓm', 'Ñoaøn Thò Ñieåm'],
  ['Lã Văn Lỡ', 'L· V¨n Lì', 'Laõ Vaên Lôõ'],
];

describe('a name typed in .VnTime (TCVN3) shows as its Unicode name', () => {
  it.each(NAMES)('%s', (unicode, tcvn3) => {
    expect(fromLegacy(tcvn3, 'tcvn3')).toBe(unicode);
    expect(toUnicodeText(tcvn3, '.VnTime')).toBe(unicode);
  });
});

describe('a name typed in VNI-Times shows as its Unicode name', () => {
  it.each(NAMES)('%s', (unicode, _tcvn3, vni) => {
    expect(fromLegacy(vni, 'vni')).toBe(unicode);
    expect(toUnicodeText(vni, 'VNI-Times')).toBe(unicode);
  });
});

describe('a name typed in an all-caps H font (.VnTimeH) shows in capitals', () => {
  it.each([
    ['NGUYÔN V¨N AN', 'NGUYỄN VĂN AN'],
    ['NGUYÔN V¡N AN', 'NGUYỄN VĂN AN'],
    ['®ÆNG THïY TR©M', 'ĐẶNG THÙY TRÂM'],
    ['§ÆNG THïY TR¢M', 'ĐẶNG THÙY TRÂM'],
    [`TRÇN H${SOFT_HYPHEN}NG ®¹O`, 'TRẦN HƯNG ĐẠO'],
    ['nguyÔn thÞ ¸nh', 'NGUYỄN THỊ ÁNH'],
  ])('%s reads %s', (typed, unicode) => {
    expect(fromLegacy(typed, 'tcvn3-upper')).toBe(unicode);
    expect(toUnicodeText(typed, '.VnTimeH')).toBe(unicode);
  });
});

describe('VNI capitals have codes of their own', () => {
  it.each([
    ['NGUYEÃN VAÊN AN', 'NGUYỄN VĂN AN'],
    ['ÑAËNG THUØY TRAÂM', 'ĐẶNG THÙY TRÂM'],
    ['TRÖÔØNG ÑAÏI HOÏC', 'TRƯỜNG ĐẠI HỌC'],
    ['ÍT ÌA ÆA ÓA ÒA YÕ Î', 'ÍT ÌA ỈA ĨA ỊA Ỹ Ỵ'],
  ])('%s reads %s', (typed, unicode) => {
    expect(fromLegacy(typed, 'vni')).toBe(unicode);
  });
});

describe('the font name tells the encoding', () => {
  it.each<[string | undefined, LegacyEncoding | undefined]>([
    ['.VnTime', 'tcvn3'],
    ['.VnArial', 'tcvn3'],
    ['.VnArial Narrow', 'tcvn3'],
    ['.VnTimeH', 'tcvn3-upper'],
    ['.VnArialH', 'tcvn3-upper'],
    ['.VnArial NarrowH', 'tcvn3-upper'],
    ['VNI-Times', 'vni'],
    ['VNI-Helve', 'vni'],
    ['VNI-Helve-Condense', 'vni'],
    ['Times New Roman', undefined],
    ['Arial', undefined],
    ['Calibri', undefined],
    ['VnTime', undefined],
    ['VNIX', undefined],
    ['', undefined],
    [undefined, undefined],
  ])('%s → %s', (font, encoding) => {
    expect(encodingOfFont(font)).toBe(encoding);
  });
});

describe('with no font, the text itself tells the encoding — conservatively', () => {
  it.each(NAMES)('%s in TCVN3 is recognised', (unicode, tcvn3) => {
    expect(guessLegacy(tcvn3)).toBe('tcvn3');
    expect(toUnicodeText(tcvn3)).toBe(unicode);
  });

  it.each(NAMES)('%s in VNI is recognised', (unicode, _tcvn3, vni) => {
    expect(guessLegacy(vni)).toBe('vni');
    expect(toUnicodeText(vni)).toBe(unicode);
  });

  it.each(NAMES)('%s in Unicode is left alone', (unicode) => {
    expect(guessLegacy(unicode)).toBeUndefined();
    expect(toUnicodeText(unicode)).toBe(unicode);
  });

  it('an all-caps TCVN3 name reads in capitals', () => {
    expect(guessLegacy('NGUYÔN V¨N AN')).toBe('tcvn3-upper');
    expect(toUnicodeText('NGUYÔN V¨N AN')).toBe('NGUYỄN VĂN AN');
  });

  it.each([
    'Café',
    'Renée Dupont',
    'José María',
    'Müller',
    'Ñ',
    '©',
    '© 2020 Công ty',
    'Hoàng Anh', // Unicode that only uses Latin-1 letters: VNI would misread it as "Hồng Anh"
    'Hoà',
    'Lý',
    'John Smith',
    'Nguyen Van An',
    '12/05/1980',
    '',
  ])('%s is left alone', (text) => {
    expect(guessLegacy(text)).toBeUndefined();
    expect(toUnicodeText(text)).toBe(text.normalize('NFC'));
  });

  it('decomposed (NFD) Unicode comes back composed, not converted', () => {
    const nfd = 'Nguyễn Văn An'.normalize('NFD');
    expect(guessLegacy(nfd)).toBeUndefined();
    expect(toUnicodeText(nfd)).toBe('Nguyễn Văn An');
  });
});

describe('the syllable check used for guessing', () => {
  it.each(['nguyễn', 'người', 'trường', 'khuỷu', 'quốc', 'giữ', 'gì', 'thuở', 'hoặc', 'a', 'ươu'])('%s is a syllable', (w) => {
    expect(isVietnameseSyllable(w)).toBe(true);
  });
  it.each(['café', 'john', 'nguyeón', 'hoaàng', 'ááa', 'ẩấ', 'đ', 'str', 'coõng'])('%s is not', (w) => {
    expect(isVietnameseSyllable(w)).toBe(false);
  });
});

// --- Property tests: an encoder written here, independently of the module's tables. ---

const TONES = ['', '\u0300', '\u0309', '\u0303', '\u0301', '\u0323'] as const; // none, huyền, hỏi, ngã, sắc, nặng
const VOWELS = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'] as const;
const LOWER_LETTERS: string[] = [...VOWELS.flatMap((v) => TONES.map((t) => (v + t).normalize('NFC'))), 'đ'];
const UPPER_LETTERS: string[] = LOWER_LETTERS.map((l) => l.toUpperCase());
const CONSONANTS = [...'bcdghklmnpqrstvx'];

it('the alphabet has the 134 Vietnamese letters beyond ASCII', () => {
  const nonAscii = [...LOWER_LETTERS, ...UPPER_LETTERS].filter((l) => l.charCodeAt(0) > 0x7f);
  expect(new Set(nonAscii).size).toBe(134);
});

/** TCVN3 lowercase-font codes, written out from the TCVN 5712:1993 VN3 chart. */
const TCVN3_OF: Record<string, string> = {
  à: 'µ', ả: '¶', ã: '·', á: '¸', ạ: '¹',
  ă: '¨', ằ: '»', ẳ: '¼', ẵ: '½', ắ: '¾', ặ: 'Æ',
  â: '©', ầ: 'Ç', ẩ: 'È', ẫ: 'É', ấ: 'Ê', ậ: 'Ë',
  è: 'Ì', ẻ: 'Î', ẽ: 'Ï', é: 'Ð', ẹ: 'Ñ',
  ê: 'ª', ề: 'Ò', ể: 'Ó', ễ: 'Ô', ế: 'Õ', ệ: 'Ö',
  ì: '×', ỉ: 'Ø', ĩ: 'Ü', í: 'Ý', ị: 'Þ',
  ò: 'ß', ỏ: 'á', õ: 'â', ó: 'ã', ọ: 'ä',
  ô: '«', ồ: 'å', ổ: 'æ', ỗ: 'ç', ố: 'è', ộ: 'é',
  ơ: '¬', ờ: 'ê', ở: 'ë', ỡ: 'ì', ớ: 'í', ợ: 'î',
  ù: 'ï', ủ: 'ñ', ũ: 'ò', ú: 'ó', ụ: 'ô',
  ư: SOFT_HYPHEN, ừ: 'õ', ử: 'ö', ữ: '÷', ứ: 'ø', ự: 'ù',
  ỳ: 'ú', ỷ: 'û', ỹ: 'ü', ý: 'ý', ỵ: 'þ',
  đ: '®',
  Ă: '¡', Â: '¢', Ê: '£', Ô: '¤', Ơ: '¥', Ư: '¦', Đ: '§',
};

const toTcvn3 = (s: string): string => [...s].map((c) => TCVN3_OF[c] ?? c).join('');
/** In an H font the typist uses the lowercase codes; the font draws capitals. */
const toTcvn3Upper = (s: string): string => toTcvn3(s.toLowerCase());

/** VNI-Windows: the characters following the base letter, per tone (none, huyền, hỏi, ngã, sắc, nặng). */
const VNI_TONE = ['', 'ø', 'û', 'õ', 'ù', 'ï'];
const VNI_CIRCUMFLEX = ['â', 'à', 'å', 'ã', 'á', 'ä'];
const VNI_BREVE = ['ê', 'è', 'ú', 'ü', 'é', 'ë'];
const VNI_I = ['i', 'ì', 'æ', 'ó', 'í', 'ò'];

const VNI_OF: Record<string, string> = (() => {
  const table: Record<string, string> = { đ: 'ñ', Đ: 'Ñ' };
  const add = (vowel: string, tone: number, lower: string) => {
    const letter = (vowel + TONES[tone]).normalize('NFC');
    table[letter] = lower;
    table[letter.toUpperCase()] = lower.toUpperCase();
  };
  TONES.forEach((_t, k) => {
    for (const v of ['a', 'e', 'o', 'u', 'y']) add(v, k, v + VNI_TONE[k]);
    add('ă', k, 'a' + VNI_BREVE[k]);
    add('â', k, 'a' + VNI_CIRCUMFLEX[k]);
    add('ê', k, 'e' + VNI_CIRCUMFLEX[k]);
    add('ô', k, 'o' + VNI_CIRCUMFLEX[k]);
    add('ơ', k, 'ô' + VNI_TONE[k]);
    add('ư', k, 'ö' + VNI_TONE[k]);
    add('i', k, VNI_I[k]);
  });
  table['ỵ'] = 'î';
  table['Ỵ'] = 'Î';
  return table;
})();

const toVni = (s: string): string => [...s].map((c) => VNI_OF[c] ?? c).join('');

const textOf = (letters: readonly string[]) =>
  fc.array(fc.constantFrom(...letters, ' '), { maxLength: 40 }).map((cs) => cs.join(''));

const tcvn3Letters = [...LOWER_LETTERS, ...CONSONANTS, ...CONSONANTS.map((c) => c.toUpperCase()), 'Ă', 'Â', 'Ê', 'Ô', 'Ơ', 'Ư', 'Đ'];
const upperLetters = [...UPPER_LETTERS, ...CONSONANTS.map((c) => c.toUpperCase())];
const allLetters = [...LOWER_LETTERS, ...UPPER_LETTERS, ...CONSONANTS, ...CONSONANTS.map((c) => c.toUpperCase())];

describe('any Vietnamese text survives a trip through a legacy font', () => {
  it('TCVN3 (.VnTime)', () => {
    fc.assert(fc.property(textOf(tcvn3Letters), (s) => fromLegacy(toTcvn3(s), 'tcvn3') === s.normalize('NFC')));
  });

  it('TCVN3 all-caps (.VnTimeH)', () => {
    fc.assert(fc.property(textOf(upperLetters), (s) => fromLegacy(toTcvn3Upper(s), 'tcvn3-upper') === s.normalize('NFC')));
  });

  it('VNI (VNI-Times)', () => {
    fc.assert(fc.property(textOf(allLetters), (s) => fromLegacy(toVni(s), 'vni') === s.normalize('NFC')));
  });

  it('every letter has its own TCVN3 and VNI spelling', () => {
    expect(tcvn3Letters.filter((l) => l.charCodeAt(0) > 0x7f && TCVN3_OF[l] === undefined && !'aeiouy'.includes(l))).toEqual([]);
    expect(allLetters.filter((l) => l.charCodeAt(0) > 0x7f && VNI_OF[l] === undefined)).toEqual([]);
  });
});

describe('reading a cell never breaks', () => {
  const anyText = fc.oneof(
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.array(fc.integer({ min: 0, max: 0x2ff }).map((n) => String.fromCharCode(n)), { maxLength: 40 }).map((cs) => cs.join('')),
  );
  const fonts = fc.constantFrom(undefined, '.VnTime', '.VnTimeH', 'VNI-Times', 'Arial');

  it('toUnicodeText never throws and always returns NFC', () => {
    fc.assert(
      fc.property(anyText, fonts, (s, font) => {
        const out = toUnicodeText(s, font);
        return out === out.normalize('NFC');
      }),
    );
  });

  it('Unicode Vietnamese text read twice reads the same as once', () => {
    fc.assert(
      fc.property(textOf(allLetters), (s) => {
        const once = toUnicodeText(s);
        return toUnicodeText(once) === once;
      }),
    );
  });

  it('Unicode Vietnamese text with any letter beyond Latin-1 is never changed', () => {
    fc.assert(
      fc.property(textOf(allLetters), fc.constantFrom('ă', 'đ', 'ễ', 'ư', 'Ơ', 'Ự', 'ĩ'), (s, v) => {
        const text = `${s} ${v}`;
        return toUnicodeText(text) === text.normalize('NFC');
      }),
    );
  });
});
