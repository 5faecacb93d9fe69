import { foldText, normalizeName } from '../../rules';
import { toUnicodeText } from './legacy-text';
import type { CellValue } from '../snapshot';

/**
 * Text as people type it into headers and labels, folded for matching (the rulebook's foldText):
 * "Họ và tên", "HỌ VÀ TÊN", "Họ  và\ntên", "Ho va ten" all fold to "ho va ten".
 */
export const fold = foldText;

/** The text of a cell, whatever it holds ('' for empty and errors). */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined || typeof v === 'object') return '';
  return String(v);
}

/**
 * Memoised conversions of cell text: titles, posts, units and names repeat down a list, so each
 * distinct text (per font) is converted once. Bounded: a cache past 100,000 entries starts again.
 */
function memo(convert: (text: string, font?: string) => string): (v: CellValue | undefined, font?: string) => string {
  const byFont = new Map<string, Map<string, string>>();
  let size = 0;
  return (v, font) => {
    const text = cellText(v);
    if (!text) return '';
    let cache = byFont.get(font ?? '');
    if (!cache) byFont.set(font ?? '', (cache = new Map()));
    let out = cache.get(text);
    if (out === undefined) {
      if (++size > 100_000) {
        byFont.clear();
        size = 0;
        byFont.set(font ?? '', (cache = new Map()));
      }
      cache.set(text, (out = convert(text, font)));
    }
    return out;
  };
}

/** A cell's text as Unicode, converted from .VnTime/VNI where its font or its characters say so. */
export const unicodeText = memo((text, font) => toUnicodeText(text, font));

/** A cell's text as Unicode with its white space folded (titles, posts, units…); '' for empty. */
export const tidyText = memo((text, font) => toUnicodeText(text, font).replace(/\s+/g, ' ').trim());

/** A person's name from a cell: Unicode, NFC, spaces folded. */
export const nameText = memo((text, font) => normalizeName(toUnicodeText(text, font)));

/** Whole words of `phrase` appear in order, contiguously, in `label` (both folded). */
export function hasPhrase(label: string, phrase: string): boolean {
  return ` ${label} `.includes(` ${phrase} `);
}
