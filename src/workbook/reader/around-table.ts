import type { IsoDate } from '../../rules';
import { parseRange, type RangePos } from '../address';
import type { WorkbookSnapshot } from '../snapshot';
import { pageTexts } from './counts-text';
import type { SheetView } from './sheet-view';
import type { FoundTable } from './table';
import { cellText, fold, hasPhrase, unicodeText } from './text';
import { readFullDate } from './values';

/**
 * What a sheet says around a table: the unit and the date of the paper, the title ("Chức danh: …"),
 * the term and the year written above it, which conference it is from (the numbers: counts-text.ts).
 */

/**
 * The year of a count: "năm 2026" in the titles above its table, else a year in the sheet's name
 * ("KP rà soát 2026"), else the year of its date. Undefined where none says.
 */
export function sheetYear(view: SheetView, table: FoundTable): number | undefined {
  for (let row = table.above; row < table.headerTop; row++)
    for (let col = 1; col <= view.colCount; col++) {
      const m = /\bnam (\d{4})\b/.exec(fold(view.text(row, col)));
      if (m && !/\bngay \d{1,2} thang \d{1,2} nam \d{4}\b/.test(fold(view.text(row, col)))) return Number(m[1]);
    }
  const named = /\b(20\d{2})\b/.exec(view.name);
  if (named) return Number(named[1]);
  const date = dateAround(view, table);
  return date ? Number(date.slice(0, 4)) : undefined;
}

/** "Chức danh: Trưởng phòng" above a table. */
export function titleAbove(view: SheetView, table: FoundTable): string | undefined {
  for (let row = table.above; row < table.headerTop; row++)
    for (let col = 1; col <= view.colCount; col++) {
      const text = unicodeText(view.value(row, col), view.font(row, col)).trim();
      const m = /^chức danh(?: quy hoạch| giới thiệu)?\s*[:：]\s*(.+)$/iu.exec(text.normalize('NFC'));
      if (m) return m[1].trim();
    }
  return undefined;
}

/** "Giai đoạn 2026 - 2031" / "nhiệm kỳ 2026-2031" in the titles: the term starts on 1 January of its first year. */
export function termAbove(snapshot: WorkbookSnapshot): IsoDate | undefined {
  for (const sheet of snapshot.sheets)
    for (const row of sheet.values.slice(0, 10))
      for (const v of row ?? []) {
        const m = /(?:giai doan|nhiem ky)\s+(\d{4})\s+(\d{4})/.exec(fold(cellText(v)));
        if (m) return `${m[1]}-01-01`;
      }
  return undefined;
}

/** The national motto and a document's title are never a unit's name. */
const NOT_A_UNIT = ['cong hoa xa hoi chu nghia', 'doc lap tu do hanh phuc', 'ket qua', 'kiem phieu', 'danh sach', 'bien ban', 'tong hop'];

/**
 * The unit above a vote table, as the top-left of an official page names it: the upper-case lines
 * in the left half of the page, one per row from the first row with text, up to the first row
 * without one ("ỦY BAN NHÂN DÂN HUYỆN THANH SƠN" / "PHÒNG NỘI VỤ"). Conservative: a title merged
 * across the page, mixed case or a title's words end the unit.
 */
export function unitAbove(view: SheetView, table: FoundTable): string | undefined {
  const merges = view.sheet.merges.map(parseRange).filter((r): r is RangePos => r !== undefined && r.top < table.headerTop);
  const width = Math.max(table.right, view.colCount, ...merges.map((r) => r.right));
  const lines: string[] = [];
  for (let row = 1; row < table.headerTop && lines.length < 4; row++) {
    const cells = [...Array(view.colCount).keys()].map((i) => ({ col: i + 1, text: unicodeText(view.value(row, i + 1), view.font(row, i + 1)).normalize('NFC').trim() })).filter((c) => c.text);
    if (cells.length === 0) {
      if (lines.length) break;
      continue;
    }
    const first = cells[0];
    const right = merges.find((r) => r.top === row && r.left === first.col)?.right ?? first.col;
    const text = first.text.split('\n').map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
    const upper = text.every((t) => /\p{Lu}/u.test(t) && t === t.toUpperCase() && t.length <= 80);
    if (2 * right > width || !upper || text.some((t) => NOT_A_UNIT.some((w) => hasPhrase(fold(t), w)))) break;
    lines.push(...text);
  }
  return lines.length ? lines.join('\n') : undefined;
}

/** "Thanh Sơn, ngày 05 tháng 01 năm 2026", "Hà Nội, 05/01/2026", "ngày 05/01/2026" above (else below) a vote table; never a birth date. */
export function dateAround(view: SheetView, table: FoundTable): IsoDate | undefined {
  for (const { text } of pageTexts(view, table)) {
    const folded = fold(text);
    if (hasPhrase(folded, 'sinh')) continue;
    const m = /\bngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})\b/.exec(folded) ?? /(?:,|\bngày)\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})\b/iu.exec(text.normalize('NFC'));
    const d = m ? readFullDate(`${m[1]}/${m[2]}/${m[3]}`) : undefined;
    if (d?.ok) return d.value;
  }
  return undefined;
}

/** Which conference a vote sheet is from, by its name and titles: staff or leadership. */
export function conferenceKindOf(view: SheetView, table: FoundTable): 'staff' | 'leadership' | undefined {
  const text = [fold(view.name), ...pageTexts(view, table).filter((s) => s.row < table.headerTop).map((s) => fold(s.text))].join(' ');
  if (hasPhrase(text, 'can bo cong chuc vien chuc') || hasPhrase(text, 'hn can bo') || hasPhrase(text, 'hoi nghi can bo')) return 'staff';
  if (hasPhrase(text, 'lanh dao') || hasPhrase(text, 'tap the')) return 'leadership';
  return undefined;
}
