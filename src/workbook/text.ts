import { normalizeName } from '../rules';
import { toUnicodeText } from './legacy-text';
import type { CellValue } from './snapshot';

/**
 * Text as people type it into headers and labels, folded for matching: legacy fonts converted,
 * NFC, lower case, no diacritics (đ → d), punctuation and line breaks as single spaces.
 * "Họ và tên", "HỌ VÀ TÊN", "Họ  và\ntên", "Ho va ten" all fold to "ho va ten".
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The text of a cell, whatever it holds ('' for empty and errors). */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined || typeof v === 'object') return '';
  return String(v);
}

/** A cell's text as Unicode, converted from .VnTime/VNI where its font or its characters say so. */
export function unicodeText(v: CellValue | undefined, font?: string): string {
  const text = cellText(v);
  if (!text) return '';
  // Titles, posts, units and given names repeat down a list: each distinct text is converted once.
  const key = font ? `${font}\u0000${text}` : text;
  let out = CONVERTED.get(key);
  if (out === undefined) {
    if (CONVERTED.size > 100_000) CONVERTED.clear();
    CONVERTED.set(key, (out = toUnicodeText(text, font)));
  }
  return out;
}

const CONVERTED = new Map<string, string>();

/** A cell's text as Unicode with its white space folded (titles, posts, units…); '' for empty. */
export function tidyText(v: CellValue | undefined, font?: string): string {
  const text = cellText(v);
  if (!text) return '';
  const key = font ? `${font}\u0001${text}` : `\u0001${text}`;
  let out = CONVERTED.get(key);
  if (out === undefined) {
    if (CONVERTED.size > 100_000) CONVERTED.clear();
    CONVERTED.set(key, (out = toUnicodeText(text, font).replace(/\s+/g, ' ').trim()));
  }
  return out;
}

/** A person's name from a cell: Unicode, NFC, spaces folded. */
export function nameText(v: CellValue | undefined, font?: string): string {
  const text = cellText(v);
  if (!text) return '';
  const key = font ? `${font}\u0002${text}` : `\u0002${text}`;
  let out = CONVERTED.get(key);
  if (out === undefined) {
    if (CONVERTED.size > 100_000) CONVERTED.clear();
    CONVERTED.set(key, (out = normalizeName(toUnicodeText(text, font))));
  }
  return out;
}

/** Whole words of `phrase` appear in order, contiguously, in `label` (both folded). */
export function hasPhrase(label: string, phrase: string): boolean {
  return ` ${label} `.includes(` ${phrase} `);
}
