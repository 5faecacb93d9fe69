import { parseRange } from '../address';
import type { PlanCell, PlanSheet, WriteBlock } from '../plan';

/**
 * The printed page of a sheet the add-in creates, measured in pure code so that every host prints
 * the same pages from the same plan (docs/ARCHITECTURE.md "render → apply"): how many lines a wrapped
 * text takes, the height every row needs, the print scale "one page wide" gives, and the manual page
 * breaks — a page ends before a group of rows the renderer keeps together (PlanSheet.keep) would be
 * cut. Hosts only apply the numbers: neither ExcelJS nor LibreOffice (which does not fit row heights
 * of an .xlsx on opening) measures text, and Office.js would measure it differently from LibreOffice.
 *
 * The measure is tuned against the PDFs LibreOffice makes (test/print): Times New Roman by kind of
 * character, a little wide; columns in Excel's width unit. The pagination is on the safe side for
 * both Excel and LibreOffice (a page planned here always fits the host's page): the widest scale any
 * of them prints at, rows rounded up to whole pixels, a little room spare. So the host never breaks
 * a page before the plan does, and every page end of a sheet longer than a page is written as a
 * manual break: both hosts print the same rows on the same pages.
 */

/** The height of a row nobody sized (sheetFormatPr defaultRowHeight as ExcelJS writes it), points. */
export const DEFAULT_ROW_POINTS = 15;
/** Header and footer distance from the page edge, inches (as the hosts write the page setup). */
export const HEADER_FOOTER_INCHES = 0.3;
/** Font size of the page header and footer ("Trang 1/3"), points. */
export const HEADER_FOOTER_SIZE = 12;
/** Excel's column width unit: the maximum digit width of the default font (Calibri 11), in pixels at 96 dpi. */
const DIGIT_PX = 7;
/** Excel's width of a column with no width of its own, in its unit. */
export const DEFAULT_COLUMN_WIDTH = 8.43;
/** LibreOffice's width of one unit of an .xlsx column width (Carlito's digit and its rounding), points, measured on its PDFs. */
const LIBREOFFICE_UNIT_PT = 5.7;
/** A4, points. */
const A4_PT = { short: (210 * 72) / 25.4, long: (297 * 72) / 25.4 };
const PT_PER_MM = 72 / 25.4;
const PT_PER_PX = 0.75;
/** Room kept spare on every page (rounding of the hosts), as a share of the page. */
const SPARE = 0.015;
/** Excel holds at most 1026 manual page breaks on a sheet. */
const MAX_BREAKS = 1026;

/** Width in em of one character of Times New Roman (an office's font), by kind, rounded up a little. */
function emOfChar(ch: string): number {
  if (ch === ' ') return 0.25;
  const base = ch.normalize('NFD')[0];
  if (/[0-9]/.test(base)) return 0.5;
  if (/[A-Z]/.test(base) || ch === 'Đ') return /[MW]/.test(base) ? 0.92 : /[IJ]/.test(base) ? 0.4 : 0.72;
  if (/[a-z]/.test(base) || ch === 'đ') return /[mw]/.test(base) ? 0.74 : /[fijlrt]/.test(base) ? 0.3 : 0.46;
  if (/[—–…]/.test(ch)) return 1;
  return 0.36;
}

/** emOfChar of every character of the Basic Multilingual Plane met so far (0: not yet). */
const EM_BMP = new Float64Array(0x10000);
const EM_ASTRAL = new Map<number, number>();

/** Width of a character in em of Times New Roman (cached: the kind is worked out once per character). */
export function emOf(ch: string): number {
  const code = ch.codePointAt(0) ?? 32;
  return emOfCode(code, ch);
}

function emOfCode(code: number, ch?: string): number {
  if (code < 0x10000) {
    const em = EM_BMP[code];
    if (em) return em;
    return (EM_BMP[code] = emOfChar(ch ?? String.fromCharCode(code)));
  }
  let em = EM_ASTRAL.get(code);
  if (em === undefined) EM_ASTRAL.set(code, (em = emOfChar(ch ?? String.fromCodePoint(code))));
  return em;
}

/** Width of `text` in em (a loop over its characters, no allocation). */
function emsOf(text: string, from = 0, to = text.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code < 0xdc00 && i + 1 < to) {
      const cp = text.codePointAt(i) ?? code;
      if (cp > 0xffff) {
        sum += emOfCode(cp);
        i++;
        continue;
      }
    }
    sum += emOfCode(code);
  }
  return sum;
}

/** Width of `text` in pixels (96 dpi) in a font of `fontPx` pixels. */
export function textPx(text: string, fontPx: number): number {
  return emsOf(text) * fontPx;
}

/** How many lines `text` takes in a cell `widthPx` wide, wrapped at spaces (a word longer than a line is cut). */
export function linesOf(text: string, widthPx: number, fontPx: number): number {
  const space = emOfCode(32) * fontPx;
  let lines = 0;
  let start = 0;
  while (start <= text.length) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    // One paragraph: its words, at spaces.
    lines += 1;
    let line = 0;
    let word = start;
    while (word <= end) {
      let stop = text.indexOf(' ', word);
      if (stop < 0 || stop > end) stop = end;
      if (stop > word) {
        const w = emsOf(text, word, stop) * fontPx;
        if (line > 0 && line + space + w <= widthPx) line += space + w;
        else {
          if (line > 0) lines += 1;
          // A word wider than the cell runs on over several lines.
          const extra = Math.max(0, Math.ceil(w / widthPx) - 1);
          lines += extra;
          line = w - extra * widthPx;
        }
      }
      word = stop + 1;
    }
    start = end + 1;
  }
  return lines;
}

/** Pixels (96 dpi) of a column `width` characters wide, Excel's way (the characters and 5 pixels of padding, in 1/256 of a digit). */
export function columnPx(width: number): number {
  return ((Math.trunc((((width * DIGIT_PX + 5) / DIGIT_PX) * 256)) / 256) * DIGIT_PX);
}

/** Pixels of a font `size` points high, bold a little wider. */
export function fontPx(size: number, bold = false): number {
  return ((size * 96) / 72) * (bold ? 1.06 : 1);
}

/** Points a row of `lines` lines of a `size`-point font needs: Times New Roman's line spacing and room above for stacked accents (ễ, ầ, ỗ). */
export function rowPoints(lines: number, size: number): number {
  return (lines * 1.15 + 0.2) * size;
}

/** Lines a text takes in a cell spanning columns of these widths (characters), at `size` points. */
export function cellLines(text: string, widths: readonly number[], size: number, bold = false): number {
  const px = fontPx(size, bold);
  let widthPx = 0;
  for (const w of widths) widthPx += columnPx(w);
  // Padding on each side of the text.
  return linesOf(text, Math.max(widthPx - 6, px), px);
}

/** The page a sheet is printed on, in points: A4 in its orientation, the room within the margins, the header and footer (and where that room starts from the top). */
export function printableArea(sheet: PlanSheet): { width: number; height: number; top: number } {
  const { page } = sheet;
  const [w, h] = page.orientation === 'landscape' ? [A4_PT.long, A4_PT.short] : [A4_PT.short, A4_PT.long];
  // A header or footer takes its distance from the edge and a line; a margin narrower than that gives way to it.
  const band = HEADER_FOOTER_INCHES * 72 + HEADER_FOOTER_SIZE * 1.25;
  const top = Math.max(page.margins.top * PT_PER_MM, page.header ? band : 0);
  const bottom = Math.max(page.margins.bottom * PT_PER_MM, page.footer ? band : 0);
  return { width: w - (page.margins.left + page.margins.right) * PT_PER_MM, height: h - top - bottom, top };
}

/**
 * The scale of a sheet printed one page wide (at most 1), from its column widths: the largest any
 * host prints at — Excel (a column of w units is 7w pixels, or 7w + 5 counting the padding as the
 * text measure does) and LibreOffice (5.7 points a unit) — so that a page planned here fits them all.
 */
export function printScale(sheet: PlanSheet): number {
  const narrowest = Math.min(...printedWidths(sheet));
  return narrowest > 0 ? Math.min(1, printableArea(sheet).width / narrowest) : 1;
}

/**
 * The scale (percent, whole) at which a sheet printed without fit-to-page is one page wide in every
 * host: the widest of their renderings must fit. Pages then hold at least what paginate planned.
 */
export function fixedScale(sheet: PlanSheet): number {
  const widest = Math.max(...printedWidths(sheet));
  return widest > 0 ? Math.max(10, Math.min(100, Math.floor((100 * printableArea(sheet).width) / widest))) : 100;
}

/** The printed width in points of a sheet's print area at 100%, as Excel, the padded text measure and LibreOffice have it. */
function printedWidths(sheet: PlanSheet): [number, number, number] {
  const area = parseRange(sheet.page.printArea);
  const left = area?.left ?? 1;
  const right = area?.right ?? Math.max(1, sheet.widths.length);
  let excel = 0;
  let padded = 0;
  let libre = 0;
  for (let col = left; col <= right; col++) {
    const w = sheet.widths[col - 1] ?? DEFAULT_COLUMN_WIDTH;
    excel += Math.trunc(((256 * w + Math.trunc(128 / DIGIT_PX)) / 256) * DIGIT_PX) * PT_PER_PX;
    padded += columnPx(w) * PT_PER_PX;
    libre += w * LIBREOFFICE_UNIT_PT;
  }
  return [excel, padded, libre];
}

/** What page-layout works out for a sheet. */
export interface SheetLayout {
  /** Heights in points of every row that needs more than the default, and of every row the renderer gave one (kept as the least). */
  heights: { row: number; height: number }[];
  /** Rows after which a page ends (PlanSheet.breaks); none when the sheet fits one page. */
  breaks: number[];
  /** The first row of every printed page. */
  pages: number[];
  /** The print scale (one page wide). */
  scale: number;
}

/** Where merged areas put a cell: the columns a merged top-left cell spans, the cells it hides, the rows merged down. */
interface Merges {
  span: Map<number, Map<number, number>>;
  hidden: Map<number, Set<number>>;
  tall: Set<number>;
  /** Rows merged down together: never split by a page end. */
  groups: { from: number; to: number }[];
}

function mergesOf(sheet: PlanSheet): Merges {
  const m: Merges = { span: new Map(), hidden: new Map(), tall: new Set(), groups: [] };
  for (const range of sheet.merges) {
    const r = parseRange(range);
    if (!r) continue;
    if (r.bottom > r.top) {
      // Merged down several rows: the height is shared, left as it is.
      for (let row = r.top; row <= r.bottom; row++) m.tall.add(row);
      m.groups.push({ from: r.top, to: r.bottom });
    }
    let spans = m.span.get(r.top);
    if (!spans) m.span.set(r.top, (spans = new Map()));
    spans.set(r.left, r.right - r.left + 1);
    for (let row = r.top; row <= r.bottom; row++)
      for (let col = r.left; col <= r.right; col++) {
        if (row === r.top && col === r.left) continue;
        let set = m.hidden.get(row);
        if (!set) m.hidden.set(row, (set = new Set()));
        set.add(col);
      }
  }
  return m;
}

/**
 * The heights every row needs and the page breaks of a sheet the add-in creates, from its cells
 * (the block or blocks written on it), its fonts, merged areas and column widths, its page and the
 * groups of rows it keeps together. Linear in the cells; a text is measured once per width and font.
 */
export function layoutSheet(sheet: PlanSheet, blocks: WriteBlock | readonly WriteBlock[]): SheetLayout {
  const list: readonly WriteBlock[] = 'cells' in blocks ? [blocks] : blocks;
  const own = list.filter((b) => b.sheet.toLowerCase() === sheet.name.toLowerCase());
  const merges = mergesOf(sheet);
  const planned = new Map<number, number>();
  for (const h of sheet.heights ?? []) planned.set(h.row, Math.max(h.height, planned.get(h.row) ?? 0));
  const measured = new Map<number, number>();
  const cache = new Map<string, number>();
  const widthOf = (col: number): number => sheet.widths[col - 1] ?? DEFAULT_COLUMN_WIDTH;

  const measure = (row: number, col: number, cell: PlanCell): void => {
    if (cell.value === null || cell.value === undefined || cell.value === '' || merges.tall.has(row) || merges.hidden.get(row)?.has(col)) return;
    const size = cell.size ?? sheet.font.size;
    let lines = 1;
    if (!cell.wrap) {
      // Not wrapped: one line, but for the line breaks typed in it (LibreOffice prints them).
      if (typeof cell.value === 'string') for (let at = cell.value.indexOf('\n'); at >= 0; at = cell.value.indexOf('\n', at + 1)) lines++;
    } else {
      const text = String(cell.value);
      const px = fontPx(size, cell.bold);
      let widthPx = 0;
      const span = merges.span.get(row)?.get(col) ?? 1;
      for (let k = 0; k < span; k++) widthPx += columnPx(widthOf(col + k));
      const key = `${widthPx}|${px}|${text}`;
      const known = cache.get(key);
      if (known !== undefined) lines = known;
      else {
        // Padding on each side of the text.
        lines = linesOf(text, Math.max(widthPx - 6, px), px);
        cache.set(key, lines);
      }
    }
    const points = rowPoints(lines, size);
    if (points > (measured.get(row) ?? 0)) measured.set(row, points);
  };
  for (const block of own) block.cells.forEach((cells, i) => cells.forEach((cell, j) => measure(block.row + i, block.col + j, cell)));

  const heights = new Map<number, number>(planned);
  for (const [row, points] of measured) {
    if (points > Math.max(DEFAULT_ROW_POINTS, planned.get(row) ?? 0)) heights.set(row, Math.ceil(points));
  }
  const sorted = [...heights].sort((a, b) => a[0] - b[0]).map(([row, height]) => ({ row, height }));
  const { breaks, pages, scale } = paginate(sheet, heights, merges.groups);
  return { heights: sorted, breaks, pages, scale };
}

/**
 * The page ends of a sheet whose rows have these heights: pages filled from the top, a page ending
 * before a group it would cut (PlanSheet.keep, and rows merged down); the rows repeated at the top
 * take their room on every page after they were first printed. A group taller than a page is cut
 * where it must. At `scale` when given (the print view's, src/workbench/print-pages.ts), else one page wide.
 */
export function paginate(
  sheet: PlanSheet,
  heights: ReadonlyMap<number, number>,
  merged: readonly { from: number; to: number }[] = [],
  scale: number = printScale(sheet),
): { breaks: number[]; pages: number[]; scale: number } {
  const area = parseRange(sheet.page.printArea);
  const top = area?.top ?? 1;
  let bottom = area?.bottom ?? top;
  if (!area) for (const row of heights.keys()) bottom = Math.max(bottom, row);
  // The rows as the hosts print them: whole pixels, the height not less than a pixel's worth.
  const pt = (row: number): number => Math.ceil((heights.get(row) ?? DEFAULT_ROW_POINTS) / PT_PER_PX) * PT_PER_PX;
  const capacity = (printableArea(sheet).height / scale) * (1 - SPARE);
  const repeat = sheet.page.repeatRows;
  let repeatHeight = 0;
  if (repeat) for (let r = repeat.from; r <= repeat.to; r++) repeatHeight += pt(r);

  // No page end right after a row inside a group (the group's last row ends it as well as any).
  const keep = new Uint8Array(bottom - top + 2);
  for (const g of [...(sheet.keep ?? []), ...merged]) {
    for (let r = Math.max(g.from, top); r < Math.min(g.to, bottom); r++) keep[r - top] = 1;
  }

  const pages = [top];
  const ends: number[] = [];
  /** Rows that are page ends because a group would have been cut there. */
  const needed = new Set<number>();
  let start = top;
  let used = 0;
  for (let r = top; r <= bottom; r++) {
    const h = pt(r);
    if (used + h <= capacity || r === start) {
      used += h;
      continue;
    }
    // Row r does not fit: the page ends after the last row before it that no group holds together,
    // unless what would go over to the next page does not fit there either (a group taller than a
    // page is cut where it must).
    let end = r - 1;
    while (end >= start && keep[end - top]) end--;
    if (end >= start && end < r - 1) {
      let moved = repeat && end + 1 > repeat.to ? repeatHeight : 0;
      for (let k = end + 1; k <= r; k++) moved += pt(k);
      if (moved > capacity) end = r - 1;
      else needed.add(end);
    } else end = r - 1;
    ends.push(end);
    start = end + 1;
    pages.push(start);
    used = repeat && start > repeat.to ? repeatHeight : 0;
    for (let k = start; k <= r; k++) used += pt(k);
  }
  // Excel holds a limited number of manual breaks: past it, only those that keep a group whole.
  const breaks = ends.length > MAX_BREAKS ? ends.filter((e) => needed.has(e)).slice(0, MAX_BREAKS) : ends;
  return { breaks, pages, scale };
}
