import { fold } from './text';

/**
 * Titles ("chức danh") compared as a person compares them: case, diacritics, the words "chức danh"
 * ("quy hoạch chức danh", "giới thiệu quy hoạch chức danh"), a leading numeral and punctuation do
 * not count — "Phó trưởng phòng" = "Phó Trưởng phòng" = "II. CHỨC DANH PHÓ TRƯỞNG PHÒNG" — and one
 * tidy spelling is printed for all of them.
 */

const NUMERAL = /^\s*(?:[IVXLC]+|\d+(?:\.\d+)*|[a-zđ])\s*[.)/:-]\s*/iu;
const TITLE_WORDS = /^(?:(?:đề nghị|giới thiệu|kết quả)\s+)?(?:(?:bổ sung\s+)?quy hoạch\s+)?(?:vào\s+)?(?:chức danh|chức vụ)(?:\s+(?:quy hoạch|giới thiệu))?\s*[:：-]?\s*/iu;

/** A title as written, without its numeral, its "chức danh" and the punctuation around it: "I. Chức danh Trưởng phòng:" → "Trưởng phòng". */
export function sectionTitle(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\s+/g, ' ')
    .replace(NUMERAL, '')
    .replace(TITLE_WORDS, '')
    .replace(/[\s.:;,–-]+$/u, '')
    .trim();
}

/** The key two spellings of one title share. */
export function titleKey(text: string): string {
  return fold(sectionTitle(text));
}

/** Written as the text prints a title: a capital first, not all capitals ("Phó Trưởng phòng", not "PHÓ TRƯỞNG PHÒNG" or "phó trưởng phòng"). */
const isTidy = (t: string): boolean => /^\p{Lu}/u.test(t) && t !== t.toUpperCase();

/** A title typed in capitals, as the text prints it: "PHÓ TRƯỞNG PHÒNG" → "Phó Trưởng phòng". */
function sentenceCase(title: string): string {
  const words = title.toLocaleLowerCase('vi').split(' ');
  const cap = (w: string) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1);
  return words.map((w, i) => (i === 0 || (i === 1 && words[0] === 'phó') ? cap(w) : w)).join(' ');
}

/**
 * One spelling per title: the preferred one where given (the rule profile's quota names a title as
 * the unit writes it), else the first written as the text prints titles, else the first made tidy.
 */
export class TitleBook {
  private readonly spelling = new Map<string, string>();
  private readonly fallback = new Map<string, string>();
  /** Each distinct text read once (a long list repeats its titles). */
  private readonly seen = new Map<string, { title: string; key: string }>();

  constructor(preferred: readonly string[] = []) {
    for (const p of preferred) this.offer(p);
  }

  private read(text: string): { title: string; key: string } {
    let r = this.seen.get(text);
    if (!r) {
      const title = sectionTitle(text);
      this.seen.set(text, (r = { title, key: fold(title) }));
    }
    return r;
  }

  /** A spelling met in the workbook (in reading order). */
  offer(text: string): void {
    const { title, key } = this.read(text);
    if (!key || this.spelling.has(key)) return;
    if (isTidy(title)) this.spelling.set(key, title);
    else if (!this.fallback.has(key)) this.fallback.set(key, sentenceCase(title));
  }

  /** The spelling printed for a title as written ('' stays ''). */
  tidy(text: string): string {
    const { title, key } = this.read(text);
    if (!key) return title;
    return this.spelling.get(key) ?? this.fallback.get(key) ?? (isTidy(title) ? title : sentenceCase(title));
  }
}
