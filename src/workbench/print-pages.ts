/**
 * The printed pages of a worksheet, worked out in the browser for the workbench's print view
 * (issue 7: "a 'print' view renders each results sheet as it will print"). Pure: no DOM, the
 * ExcelJS worksheet only read.
 *
 * From the sheet's page setup (A4, orientation, margins, a fixed scale or one page wide, the print
 * area, the rows repeated at the top, centring), its column widths and row heights (hidden ones
 * left out), merged areas, manual page breaks and header/footer codes → the pages: on each, the
 * rows (the repeated ones first, on every page after they were printed), the columns, the scale,
 * the page box in millimetres and the header/footer texts with their codes resolved ("Trang 2/5").
 *
 * The measures are src/workbook/render/page-layout.ts's, the ones the pipeline planned the pages with:
 * printableArea (the room within the margins and the header/footer bands), columnPx (a column's
 * width, as the text measure that sized the rows has it) and paginate (a page ends where the next
 * row would not fit, never inside rows merged down). A sheet the pipeline created carries a manual
 * break at every page end (PlanSheet.breaks, written by src/hosts/xlsx/apply.ts): those are the
 * pages. ExcelJS does not read manual breaks back from a file (worksheet.rowBreaks is empty after
 * `xlsx.load`): a sheet without them is paginated from its row heights at its scale, which agrees
 * with the plan but for the groups the renderer kept together (not in the file); a caller that
 * knows the breaks can pass them (PrintOptions.breaks).
 */
import type * as ExcelJS from 'exceljs';
import { mergedAreasOf, type CellLike, type SheetLike } from './sheet-view';
import { columnLetters, parseRange, type RangePos } from '../workbook/address';
import type { PlanSheet } from '../workbook/plan';
import { columnPx, DEFAULT_COLUMN_WIDTH, DEFAULT_ROW_POINTS, HEADER_FOOTER_INCHES, HEADER_FOOTER_SIZE, paginate, printableArea } from '../workbook/render/page-layout';

export const MM_PER_INCH = 25.4;
const PT_PER_MM = 72 / MM_PER_INCH;
const PT_PER_PX = 0.75;
/** A4 in millimetres, portrait. */
export const A4_MM = { width: 210, height: 297 } as const;
/** Excel's default margins (inches) when a sheet has none. */
const DEFAULT_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };

/** One section of a header or footer line, its codes resolved. */
export interface HeaderFooterSection {
  text: string;
  font?: { name?: string; size?: number; bold?: boolean; italic?: boolean; underline?: boolean };
}

/** A header or footer line: left, centre and right sections (absent when empty). */
export interface HeaderFooterLine {
  left?: HeaderFooterSection;
  center?: HeaderFooterSection;
  right?: HeaderFooterSection;
}

/** Where things are on the page, millimetres from the page's top left corner. */
export interface PageBox {
  /** The paper: A4 in the page's orientation. */
  width: number;
  height: number;
  margins: { top: number; bottom: number; left: number; right: number; header: number; footer: number };
  /** The room the cells print in (within the margins and the header/footer bands). */
  body: { top: number; left: number; width: number; height: number };
}

export interface PrintPage {
  /** 1-based, in printing order. */
  number: number;
  /** Rows repeated at the top of this page (none on the page where they are printed in place). */
  titleRows: number[];
  /** The rows of the sheet printed on this page, in order (hidden rows left out). */
  rows: number[];
  /** The columns printed on this page (within the print area; hidden ones left out). */
  columns: number[];
  /** The print scale, 1 = 100%. */
  scale: number;
  orientation: 'portrait' | 'landscape';
  box: PageBox;
  header?: HeaderFooterLine;
  footer?: HeaderFooterLine;
}

export interface PrintLayout {
  sheet: string;
  orientation: 'portrait' | 'landscape';
  /** The print scale, 1 = 100% (a whole percent, as the hosts print it). */
  scale: number;
  /** Printed one page wide (fit to page) rather than at a fixed scale. */
  fit: boolean;
  /** The area printed. */
  area: RangePos;
  /** Width of every column of the area in points at 100% (0: hidden). */
  columnPoints: Map<number, number>;
  /** Height of every row of the area (and of the repeated rows) in points at 100% (0: hidden). */
  rowPoints: Map<number, number>;
  /** Merged areas that touch the print area. */
  merges: RangePos[];
  /** The page ends taken from the sheet (manual breaks, or PrintOptions.breaks): rows after which a page ends. */
  manualBreaks: number[];
  pages: PrintPage[];
}

export interface PrintOptions {
  /** Rows after which a page ends, when the caller knows them and the worksheet does not carry them. */
  breaks?: readonly number[];
  /** For &D and &T in a header or footer. */
  now?: Date;
  /** For &F (file name) and &Z (path). */
  fileName?: string;
}

/** The pages a worksheet prints on. */
export function printPages(ws: SheetLike, options: PrintOptions = {}): PrintLayout {
  const setup: Partial<ExcelJS.PageSetup> = ws.pageSetup ?? {};
  const orientation: 'portrait' | 'landscape' = setup.orientation === 'landscape' ? 'landscape' : 'portrait';
  const inches = { ...DEFAULT_MARGINS, ...(setup.margins ?? {}) };
  const marginsMm = {
    top: inches.top * MM_PER_INCH,
    bottom: inches.bottom * MM_PER_INCH,
    left: inches.left * MM_PER_INCH,
    right: inches.right * MM_PER_INCH,
    header: (inches.header ?? HEADER_FOOTER_INCHES) * MM_PER_INCH,
    footer: (inches.footer ?? HEADER_FOOTER_INCHES) * MM_PER_INCH,
  };
  const area = printAreaOf(ws);
  const titles = titleRowsOf(setup.printTitlesRow);
  const hf = ws.headerFooter;
  const footerCode = hf?.oddFooter ?? undefined;
  const headerCode = hf?.oddHeader ?? undefined;

  // Column widths and row heights at 100%, in points (hidden: 0).
  const defaultWidth = ws.properties?.defaultColWidth ?? DEFAULT_COLUMN_WIDTH;
  const widths: number[] = [];
  const columnPoints = new Map<number, number>();
  // ws.columns, not getColumn: that would add columns to the sheet (the print view only reads it).
  const columns = ws.columns ?? [];
  for (let col = 1; col <= area.right; col++) {
    const column = columns[col - 1] as Partial<ExcelJS.Column> | undefined;
    const w = column?.width ?? defaultWidth;
    widths.push(w);
    if (col >= area.left) columnPoints.set(col, column?.hidden ? 0 : columnPx(w) * PT_PER_PX);
  }
  const defaultHeight = ws.properties?.defaultRowHeight ?? DEFAULT_ROW_POINTS;
  const rowPoints = new Map<number, number>();
  const rowHeight = (row: number): number => {
    const r = ws.findRow(row);
    return r?.hidden ? 0 : (r?.height ?? defaultHeight);
  };
  for (let row = area.top; row <= area.bottom; row++) rowPoints.set(row, rowHeight(row));
  if (titles) for (let row = titles.from; row <= titles.to; row++) rowPoints.set(row, rowHeight(row));

  const merges = mergesOf(ws).filter((m) => m.bottom >= area.top && m.top <= area.bottom && m.right >= area.left && m.left <= area.right);

  // The sheet as page-layout knows one: the page, the widths, the print area.
  const plan: PlanSheet = {
    name: ws.name,
    widths,
    merges: [],
    font: { name: 'Times New Roman', size: 11 },
    page: {
      orientation,
      margins: { top: marginsMm.top, bottom: marginsMm.bottom, left: marginsMm.left, right: marginsMm.right },
      ...(titles ? { repeatRows: titles } : {}),
      printArea: `${columnLetters(area.left)}${area.top}:${columnLetters(area.right)}${area.bottom}`,
      footer: footerCode ?? '',
      ...(headerCode ? { header: headerCode } : {}),
    },
    protect: false,
  };
  const room = printableArea(plan);
  let areaWidth = 0;
  for (const pts of columnPoints.values()) areaWidth += pts;

  // The scale: fixed, or the largest that prints the area fitToWidth pages wide (and fitToHeight high).
  const fit = Boolean(setup.fitToPage);
  let scale: number;
  if (fit) {
    const wide = Math.max(1, setup.fitToWidth ?? 1);
    const high = setup.fitToHeight ?? 0;
    let s = areaWidth > 0 ? (room.width * wide) / areaWidth : 1;
    if (high > 0) {
      let total = 0;
      for (const pts of rowPoints.values()) total += pts;
      if (total > 0) s = Math.min(s, (room.height * high) / total);
    }
    scale = clampPercent(Math.floor(s * 100 + 1e-9)) / 100;
    scale = Math.min(scale, 1);
  } else scale = clampPercent(setup.scale ?? 100) / 100;

  // The column groups, each one page wide at the scale (a sheet one page wide has one).
  const columnGroups: number[][] = [];
  let group: number[] = [];
  let used = 0;
  for (let col = area.left; col <= area.right; col++) {
    const pts = (columnPoints.get(col) ?? 0) * scale;
    if (pts === 0) continue;
    if (group.length && used + pts > room.width + 0.01) {
      columnGroups.push(group);
      group = [];
      used = 0;
    }
    group.push(col);
    used += pts;
  }
  if (group.length || !columnGroups.length) columnGroups.push(group);

  // The row pages: the manual breaks, and within what lies between them, page ends where a page is full.
  // Excel ignores the manual breaks of a sheet fit to pages (which is why the pipeline sets a scale with them).
  const sheetBreaks = fit ? [] : (ws.rowBreaks?.map((b) => b.id) ?? []);
  const manual = [...(options.breaks ?? sheetBreaks)].filter((r) => r >= area.top && r < area.bottom).sort((a, b) => a - b);
  const manualBreaks = [...new Set(manual)];
  const mergedDown = merges.filter((m) => m.bottom > m.top).map((m) => ({ from: m.top, to: m.bottom }));
  const starts: number[] = [];
  const segmentStarts = [area.top, ...manualBreaks.map((b) => b + 1)];
  segmentStarts.forEach((from, i) => {
    const to = i + 1 < segmentStarts.length ? segmentStarts[i + 1] - 1 : area.bottom;
    const heights = new Map<number, number>();
    if (titles) for (let row = titles.from; row <= titles.to; row++) heights.set(row, rowPoints.get(row) ?? defaultHeight);
    for (let row = from; row <= to; row++) heights.set(row, rowPoints.get(row) ?? defaultHeight);
    // The repeated rows take their room above the first row of a segment that starts after them.
    if (titles && from > titles.to) {
      let extra = 0;
      for (let row = titles.from; row <= titles.to; row++) extra += rowPoints.get(row) ?? 0;
      heights.set(from, (heights.get(from) ?? 0) + extra);
    }
    const segment: PlanSheet = { ...plan, page: { ...plan.page, printArea: `${columnLetters(area.left)}${from}:${columnLetters(area.right)}${to}` } };
    starts.push(...paginate(segment, heights, mergedDown, scale).pages);
  });

  const rowPages = starts.map((from, i) => {
    const to = i + 1 < starts.length ? starts[i + 1] - 1 : area.bottom;
    const rows: number[] = [];
    for (let row = from; row <= to; row++) if ((rowPoints.get(row) ?? 0) > 0) rows.push(row);
    const titleRows: number[] = [];
    if (titles && from > titles.to) for (let row = titles.from; row <= titles.to; row++) if ((rowPoints.get(row) ?? 0) > 0) titleRows.push(row);
    return { rows, titleRows };
  });

  // Printing order: down, then over (Excel's default), or over, then down.
  const order: { rowPage: number; colGroup: number }[] = [];
  if (setup.pageOrder === 'overThenDown') rowPages.forEach((_, r) => columnGroups.forEach((__, c) => order.push({ rowPage: r, colGroup: c })));
  else columnGroups.forEach((_, c) => rowPages.forEach((__, r) => order.push({ rowPage: r, colGroup: c })));

  const [paperW, paperH] = orientation === 'landscape' ? [A4_MM.height, A4_MM.width] : [A4_MM.width, A4_MM.height];
  const bodyWidthMm = room.width / PT_PER_MM;
  const bodyHeightMm = room.height / PT_PER_MM;
  const box: PageBox = {
    width: paperW,
    height: paperH,
    margins: marginsMm,
    body: { top: room.top / PT_PER_MM, left: marginsMm.left, width: bodyWidthMm, height: bodyHeightMm },
  };
  const total = order.length;
  // ExcelJS reads useFirstPageNumber but does not type it.
  const firstNumber = (setup as { useFirstPageNumber?: boolean }).useFirstPageNumber && setup.firstPageNumber ? setup.firstPageNumber : 1;
  const codes = (i: number): CodeValues => ({ page: firstNumber + i, pages: total, sheet: ws.name, now: options.now, fileName: options.fileName });
  const pages: PrintPage[] = order.map(({ rowPage, colGroup }, i) => {
    const which = headerFooterCodes(hf, i);
    const header = which.header ? headerFooterLine(which.header, codes(i)) : undefined;
    const footer = which.footer ? headerFooterLine(which.footer, codes(i)) : undefined;
    const page: PrintPage = {
      number: i + 1,
      titleRows: rowPages[rowPage].titleRows,
      rows: rowPages[rowPage].rows,
      columns: columnGroups[colGroup],
      scale,
      orientation,
      box,
    };
    if (header) page.header = header;
    if (footer) page.footer = footer;
    return page;
  });
  return { sheet: ws.name, orientation, scale, fit, area, columnPoints, rowPoints, merges, manualBreaks, pages };
}

function clampPercent(p: number): number {
  return Math.max(10, Math.min(400, Math.round(p)));
}

/** The print area (the first, when several), or the used range of the sheet. */
function printAreaOf(ws: SheetLike): RangePos {
  const text = ws.pageSetup?.printArea;
  if (text) {
    const first = text.split('&&')[0].split('!').pop() ?? '';
    const r = parseRange(first.replace(/\$/g, ''));
    if (r) return r;
  }
  return { top: 1, left: 1, bottom: Math.max(1, ws.rowCount), right: Math.max(1, ws.columnCount) };
}

function titleRowsOf(text: string | undefined): { from: number; to: number } | undefined {
  const m = /^\$?(\d+):\$?(\d+)$/.exec((text ?? '').split('!').pop() ?? '');
  if (!m) return undefined;
  const [a, b] = [Number(m[1]), Number(m[2])];
  return { from: Math.min(a, b), to: Math.max(a, b) };
}

function mergesOf(ws: SheetLike): RangePos[] {
  return mergedAreasOf(ws).map((r) => ({ top: r.top, left: r.left, bottom: r.bottom, right: r.right }));
}

/** The header and footer codes of page `index` (0-based): the first page's own, even pages' own, or the odd ones. */
function headerFooterCodes(hf: Partial<ExcelJS.HeaderFooter> | undefined, index: number): { header?: string; footer?: string } {
  if (!hf) return {};
  if (hf.differentFirst && index === 0) return { header: hf.firstHeader ?? undefined, footer: hf.firstFooter ?? undefined };
  if (hf.differentOddEven && index % 2 === 1) return { header: hf.evenHeader ?? undefined, footer: hf.evenFooter ?? undefined };
  return { header: hf.oddHeader ?? undefined, footer: hf.oddFooter ?? undefined };
}

interface CodeValues {
  page: number;
  pages: number;
  sheet: string;
  now?: Date;
  fileName?: string;
}

const two = (n: number): string => String(n).padStart(2, '0');

/**
 * A header or footer code (OOXML §18.3.1.36: &L &C &R sections; &P page, &N pages, &A sheet,
 * &D date, &T time, &F file, &Z path, &G picture; &"font,style", &nn size, &B &I &U &E &S &X &Y &K
 * formatting; &&) → its sections' texts and fonts. The project writes
 * '&C&"Times New Roman,Regular"&12Trang &P/&N' (src/hosts/xlsx/apply.ts headerFooterText).
 */
export function headerFooterLine(code: string, values: CodeValues): HeaderFooterLine | undefined {
  const line: HeaderFooterLine = {};
  let key: keyof HeaderFooterLine = 'center';
  let section: HeaderFooterSection = { text: '' };
  const flush = (): void => {
    section.text = section.text.trim();
    if (section.text.trim()) line[key] = section;
  };
  const font = (): NonNullable<HeaderFooterSection['font']> => (section.font ??= {});
  for (let i = 0; i < code.length; i++) {
    const ch = code[i];
    if (ch !== '&') {
      section.text += ch;
      continue;
    }
    const next = code[i + 1] ?? '';
    i++;
    switch (next) {
      case 'L':
      case 'C':
      case 'R':
        flush();
        key = next === 'L' ? 'left' : next === 'C' ? 'center' : 'right';
        section = { ...(line[key] ?? { text: '' }) };
        break;
      case 'P':
      case 'N': {
        let n = next === 'P' ? values.page : values.pages;
        // &P+1, &P-1: page arithmetic.
        const m = /^([+-])(\d+)/.exec(code.slice(i + 1));
        if (m) {
          n += (m[1] === '+' ? 1 : -1) * Number(m[2]);
          i += m[0].length;
        }
        section.text += String(n);
        break;
      }
      case 'A':
        section.text += values.sheet;
        break;
      case 'D': {
        const d = values.now ?? new Date();
        section.text += `${two(d.getDate())}/${two(d.getMonth() + 1)}/${d.getFullYear()}`;
        break;
      }
      case 'T': {
        const d = values.now ?? new Date();
        section.text += `${two(d.getHours())}:${two(d.getMinutes())}`;
        break;
      }
      case 'F':
      case 'Z':
        section.text += values.fileName ?? '';
        break;
      case '&':
        section.text += '&';
        break;
      case '"': {
        const end = code.indexOf('"', i + 1);
        const spec = code.slice(i + 1, end < 0 ? code.length : end);
        i = end < 0 ? code.length : end;
        const [name, style = ''] = spec.split(',');
        if (name && name !== '-') font().name = name;
        font().bold = /bold/i.test(style);
        font().italic = /italic|oblique/i.test(style);
        break;
      }
      case 'B':
        font().bold = !font().bold;
        break;
      case 'I':
        font().italic = !font().italic;
        break;
      case 'U':
      case 'E':
        font().underline = !font().underline;
        break;
      case 'K':
        // A colour: 6 hex digits, or a theme colour "ttSnnn".
        i += /^[0-9A-Fa-f]{6}/.test(code.slice(i + 1)) ? 6 : /^\d\d[+-]\d\d\d/.test(code.slice(i + 1)) ? 6 : 0;
        break;
      default:
        if (/\d/.test(next)) {
          // A font size: the digits after '&' (apply.ts keeps a text starting with a digit apart with a space).
          let digits = next;
          while (/\d/.test(code[i + 1] ?? '')) digits += code[++i];
          font().size = Number(digits);
        }
      // &S &X &Y &G &H &O and unknown codes: nothing printed.
    }
  }
  flush();
  return line.left || line.center || line.right ? line : undefined;
}

/** The text of a header or footer line, its sections joined (for tests and summaries). */
export function lineText(line: HeaderFooterLine | undefined): string {
  return [line?.left?.text, line?.center?.text, line?.right?.text].filter(Boolean).join(' ');
}

/** Font size of a header or footer with no size code. */
export const HEADER_FOOTER_DEFAULT_SIZE = HEADER_FOOTER_SIZE;

/** The text a cell shows (numbers in their format where it is a common one; dates dd/mm/yyyy). */
export function cellText(cell: CellLike, decimal = '.'): string {
  const v = cell.value;
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberText(v, cell.numFmt, decimal);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return `${two(v.getUTCDate())}/${two(v.getUTCMonth() + 1)}/${v.getUTCFullYear()}`;
  if (typeof v === 'object') {
    if ('richText' in v) return (v.richText as { text: string }[]).map((t) => t.text).join('');
    if ('error' in v) return String(v.error);
    if ('formula' in v || 'sharedFormula' in v) {
      const result = (v as { result?: unknown }).result;
      if (result === undefined || result === null) return '';
      if (typeof result === 'number') return numberText(result, cell.numFmt, decimal);
      if (result instanceof Date) return `${two(result.getUTCDate())}/${two(result.getUTCMonth() + 1)}/${result.getUTCFullYear()}`;
      if (typeof result === 'object' && 'error' in (result as object)) return String((result as { error: string }).error);
      return String(result);
    }
    if ('text' in v) return typeof v.text === 'string' ? v.text : (v.text as { richText: { text: string }[] }).richText.map((t) => t.text).join('');
  }
  return String(v);
}

/** A number in a format: percent and fixed decimals (0.00, 0%, 0.00%); otherwise as it is. */
function numberText(n: number, format: string | undefined, decimal: string): string {
  const f = (format ?? '').split(';')[0];
  const m = /0(?:\.(0+))?(%?)/.exec(f);
  if (!m || f === 'General') return String(n).replace('.', decimal);
  const decimals = m[1]?.length ?? 0;
  const value = m[2] ? n * 100 : n;
  return `${value.toFixed(decimals).replace('.', decimal)}${m[2]}`;
}
