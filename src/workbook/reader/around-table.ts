import type { ConferenceInput, IsoDate, SourceRef } from '../../rules';
import { parseRange, type RangePos } from '../address';
import type { WorkbookSnapshot } from '../snapshot';
import { sourceAt, type SheetView } from './sheet-view';
import type { FoundTable } from './table';
import { cellText, fold, hasPhrase, unicodeText } from './text';
import { readCount, readFullDate } from './values';

/**
 * What a sheet says around a table: the unit and the date of the paper, the conference's numbers,
 * the title ("Chức danh: …") and the term written above it, the ballots summed up below it.
 */

/** Text of the rows above a table (titles) and a few below (ballot summaries), folded. */
export function surroundings(view: SheetView, table: FoundTable): { row: number; col: number; text: string }[] {
  const out: { row: number; col: number; text: string }[] = [];
  const rows = [...Array(table.headerTop - 1).keys()].map((i) => i + 1);
  for (let r = table.end; r <= Math.min(view.rowCount, table.end + 15); r++) rows.push(r);
  for (const row of rows)
    for (let col = 1; col <= view.colCount; col++) {
      const text = cellText(view.value(row, col)).trim();
      if (text) out.push({ row, col, text });
    }
  return out;
}

const CONFERENCE_PATTERNS: { field: 'convened' | 'present' | 'issued' | 'returned' | 'valid' | 'invalid'; re: RegExp }[] = [
  { field: 'convened', re: /trieu tap\D{0,40}?(\d+)/ },
  { field: 'present', re: /co mat\D{0,40}?(\d+)/ },
  { field: 'issued', re: /phat ra\D{0,30}?(\d+)/ },
  { field: 'returned', re: /thu vao\D{0,30}?(\d+)/ },
  { field: 'invalid', re: /khong hop le\D{0,30}?(\d+)/ },
  { field: 'valid', re: /(?<!khong )hop le\D{0,30}?(\d+)/ },
];

/** "Tổng số người được triệu tập: 25", "Số người có mặt: 20", ballots… in a cell or the cell to its right. */
export function conferenceNumbers(view: SheetView, table: FoundTable): Partial<ConferenceInput> {
  const found: Partial<Record<(typeof CONFERENCE_PATTERNS)[number]['field'], { value: number; at: SourceRef }>> = {};
  for (const { row, col, text } of surroundings(view, table)) {
    const folded = fold(text);
    for (const { field, re } of CONFERENCE_PATTERNS) {
      if (found[field]) continue;
      const m = re.exec(folded);
      if (m) {
        found[field] = { value: Number(m[1]), at: sourceAt(view.name, row, col) };
        continue;
      }
      const phrase = re.source.split('\\D')[0].replace(/^\(\?<!khong \)/, '');
      if (hasPhrase(folded, phrase) && !(field === 'valid' && hasPhrase(folded, 'khong hop le'))) {
        for (let c = col + 1; c <= Math.min(view.colCount, col + 4); c++) {
          const n = readCount(view.value(row, c));
          if (n.ok) {
            found[field] = { value: n.value, at: sourceAt(view.name, row, c) };
            break;
          }
          if (cellText(view.value(row, c)).trim()) break;
        }
      }
    }
  }
  const out: Partial<ConferenceInput> = {};
  if (found.convened) out.convened = found.convened.value;
  if (found.present) out.present = found.present.value;
  if (found.convened || found.present) out.source = { convened: found.convened?.at, present: found.present?.at };
  if (found.issued || found.returned || found.valid || found.invalid) {
    out.ballots = { issued: found.issued?.value, returned: found.returned?.value, valid: found.valid?.value, invalid: found.invalid?.value };
  }
  return out;
}

/** "Chức danh: Trưởng phòng" above a table. */
export function titleAbove(view: SheetView, table: FoundTable): string | undefined {
  for (let row = 1; row < table.headerTop; row++)
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

/** A section heading as a title: "I. Chức danh Trưởng phòng" → "Trưởng phòng". */
export function sectionTitle(section: string): string {
  return section
    .normalize('NFC')
    .replace(/^\s*(?:[IVXLC]+|\d+|[a-zđ])\s*[.)/-]\s*/iu, '')
    .replace(/^(?:quy hoạch\s+)?chức danh(?: quy hoạch)?\s*[:：]?\s*/iu, '')
    .trim();
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
  for (const { text } of surroundings(view, table)) {
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
  const text = [fold(view.name), ...surroundings(view, table).filter((s) => s.row < table.headerTop).map((s) => fold(s.text))].join(' ');
  if (hasPhrase(text, 'can bo cong chuc vien chuc') || hasPhrase(text, 'hn can bo') || hasPhrase(text, 'hoi nghi can bo')) return 'staff';
  if (hasPhrase(text, 'lanh dao') || hasPhrase(text, 'tap the')) return 'leadership';
  return undefined;
}
