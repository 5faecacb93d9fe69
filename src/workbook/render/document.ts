import { messages, type Lang } from '../../i18n';
import { a1 } from '../address';
import type { PlanCell, PlanSheet } from '../plan';
import { cellLines, fontPx, textPx } from './page-layout';

/**
 * A document in administrative form (Nghị định 30/2020/NĐ-CP, Phụ lục I), row by row, for the
 * sheets that are signed and filed: the vote-count minutes (minutes.ts) and the head's decision
 * record (decision-record.ts). Columns split in two halves — the unit and the left signature on
 * the left, the national motto and the right signature on the right —; a text longer than its cells
 * wraps, and page-layout.ts gives the rows their heights and the pages their ends.
 */

/** Points of a blank line, and of the space above a section heading. */
const BLANK_LINE = 18;
const SPACER = 8;
/** The unit's lines (Nghị định 30/2020: 12–13 pt, the unit that issues the document bold). */
const UNIT_SIZE = 12;
/**
 * The short rules under the unit's name and under the motto (Nghị định 30/2020, Phụ lục I): a line
 * of underscores in a small font on a row of its own, as tall as the font (a text taller than its
 * row is cut by the hosts). An underscore of Times New Roman is half an em wide.
 */
const RULE_SIZE = 10;
const RULE_HEIGHT = 12;
const UNDERSCORE_EM = 0.5;
/** The rule under the unit's name: this share of the name's length (a third to a half). */
const UNIT_RULE_SHARE = 0.45;
/** Where a unit's name reads best broken in two: before the level of government ("ỦY BAN NHÂN DÂN / HUYỆN THANH SƠN"). */
const LEVEL = /^(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)(\s|$)/iu;
/** Rows of space to sign in (about 2.5 cm). */
const SIGN_ROWS = 4;

/** A line of underscores about `px` pixels long. */
function underscores(px: number): PlanCell {
  const n = Math.max(4, Math.round(px / (UNDERSCORE_EM * fontPx(RULE_SIZE))));
  return { value: '_'.repeat(n), size: RULE_SIZE, align: 'center' };
}

/**
 * A line of the unit, as it prints in columns `widths`: whole when it fits, else in two at the space
 * that reads best — before the level of government where both halves fit, else where they are the
 * most even.
 */
export function unitLines(line: string, widths: readonly number[], size: number, bold: boolean): string[] {
  if (cellLines(line, widths, size, bold) <= 1) return [line];
  const words = line.split(' ').filter(Boolean);
  const px = fontPx(size, bold);
  let best: string[] = [line];
  let bestScore = Infinity;
  for (let i = 1; i < words.length; i++) {
    const first = words.slice(0, i).join(' ');
    const second = words.slice(i).join(' ');
    if (cellLines(first, widths, size, bold) > 1 || cellLines(second, widths, size, bold) > 1) continue;
    const score = (LEVEL.test(second) ? 0 : 1e6) + Math.max(textPx(first, px), textPx(second, px));
    if (score < bestScore) [best, bestScore] = [[first, second], score];
  }
  return best;
}

export type Document = ReturnType<typeof documentRows>;

/** Rows of a document `widths` wide, the left half `left` columns, in `size` points. */
export function documentRows(widths: readonly number[], left: number, size: number) {
  const width = widths.length;
  const merges: string[] = [];
  const heights: { row: number; height: number }[] = [];
  const keep: NonNullable<PlanSheet['keep']> = [];
  const rows: PlanCell[][] = [];
  const empty = (n: number): PlanCell[] => Array.from({ length: n }, () => ({ value: null }));
  /** The next row; a height only where the text does not set it (blank lines, rules): page-layout measures the rest. */
  const add = (cells: PlanCell[], height?: number) => {
    rows.push(cells);
    if (height !== undefined) heights.push({ row: rows.length, height });
  };
  /**
   * The next row: a text longer than a line of its cell (the columns `widths`) wraps, left-aligned
   * (page-layout gives the row the height of the longest); `place` lays the cells out across the row.
   */
  const fit = (cells: { cell: PlanCell; widths: readonly number[] }[], place: (cells: PlanCell[]) => PlanCell[] = (c) => c, height?: number) => {
    const wraps = cells.some(({ cell, widths: w }) => typeof cell.value === 'string' && cellLines(cell.value, w, cell.size ?? size, cell.bold) > 1);
    const fitted = wraps ? cells.map(({ cell }): PlanCell => ({ align: 'left', ...cell, wrap: true })) : cells.map((c) => c.cell);
    add(place(fitted), height);
  };
  /** A line across the page (in a table, with its borders). */
  const line = (cell: PlanCell) => {
    merges.push(`${a1(rows.length + 1, 1)}:${a1(rows.length + 1, width)}`);
    const rest = Array.from({ length: width - 1 }, (): PlanCell => (cell.border ? { value: null, border: true } : { value: null }));
    fit([{ cell, widths }], ([c]) => [c, ...rest]);
  };
  const paragraph = (text: string, extra: Partial<PlanCell> = {}) => line({ value: text, align: 'left', ...extra });
  /** Two cells side by side, the left half and the right half (the unit and the motto; the signatures). */
  const pair = (l: PlanCell, r: PlanCell, height?: number) => {
    const row = rows.length + 1;
    merges.push(`${a1(row, 1)}:${a1(row, left)}`, `${a1(row, left + 1)}:${a1(row, width)}`);
    fit(
      [
        { cell: { align: 'center', ...l }, widths: widths.slice(0, left) },
        { cell: { align: 'center', ...r }, widths: widths.slice(left) },
      ],
      ([lc, rc]) => [lc, ...empty(left - 1), rc, ...empty(width - left - 1)],
      height,
    );
  };
  /** A row of a table: one cell per column, wrapping where its text needs. */
  const tableRow = (cells: PlanCell[]) => fit(cells.map((cell, col) => ({ cell, widths: [widths[col]] })));
  const blankRow = (height = BLANK_LINE) => add(empty(width), height);
  /** A section heading, a little apart from what comes before, kept on a page with the `next` rows after it. */
  const heading = (text: string, next = 2) => {
    blankRow(SPACER);
    paragraph(text, { bold: true });
    if (next) keep.push({ from: rows.length, to: rows.length + next });
  };

  /**
   * The head of the document: the unit (the last line is the unit itself, bold; a line too long in
   * two) and the national motto, each with its short rule under it; then a blank line.
   */
  const letterhead = (unitText: string | undefined, lang: Lang) => {
    const t = messages(lang).minutes;
    const leftWidths = widths.slice(0, left);
    const given = unitText ? unitText.split('\n') : [t.unitBlank];
    const unit: PlanCell[] = given.flatMap((text, i) => {
      const bold = i === given.length - 1;
      return unitLines(text, leftWidths, UNIT_SIZE, bold).map((part): PlanCell => ({ value: part, size: UNIT_SIZE, bold }));
    });
    const own = given[given.length - 1];
    unit.push(underscores(UNIT_RULE_SHARE * Math.max(...unitLines(own, leftWidths, UNIT_SIZE, true).map((part) => textPx(part, fontPx(UNIT_SIZE, true))))));
    const motto: PlanCell[] = [
      { value: t.nation, bold: true, size: 12 },
      { value: t.motto, bold: true, size },
      underscores(textPx(t.motto, fontPx(size, true))),
    ];
    const isRule = (c: PlanCell | undefined) => !c || c.size === RULE_SIZE;
    for (let i = 0; i < Math.max(unit.length, motto.length); i++) {
      // A row of rules alone is a thin one.
      pair(unit[i] ?? { value: null }, motto[i] ?? { value: null }, isRule(unit[i]) && isRule(motto[i]) ? RULE_HEIGHT : undefined);
    }
    blankRow();
  };

  /**
   * Signatures side by side (either side may be empty): the signers' titles line by line, level with
   * each other, "(Ký, ghi rõ họ tên)", room to sign, and the names where they are known.
   */
  const signatures = (l: { title: string; sign: string; name?: string } | undefined, r: { title: string; sign: string; name?: string } | undefined) => {
    const lt = l?.title.split('\n') ?? [];
    const rt = r?.title.split('\n') ?? [];
    for (let i = 0; i < Math.max(lt.length, rt.length); i++) pair({ value: lt[i] ?? null, bold: true }, { value: rt[i] ?? null, bold: true });
    pair({ value: l?.sign ?? null, italic: true }, { value: r?.sign ?? null, italic: true });
    for (let i = 0; i < SIGN_ROWS; i++) blankRow();
    if (l?.name || r?.name) pair({ value: l?.name ?? null, bold: true }, { value: r?.name ?? null, bold: true });
  };

  return { rows, merges, heights, keep, add, fit, line, paragraph, pair, tableRow, blankRow, heading, letterhead, signatures };
}
