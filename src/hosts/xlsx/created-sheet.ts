/**
 * A sheet the add-in creates whole (PlanSheet), as worksheet XML before its cells are written (the
 * cells come as blocks, through the same writer as the user's sheets): widths, row heights, merges,
 * protection, and the printed page — A4, margins, fit to one page wide or a set scale, header and
 * footer in the sheet's font, the page breaks page-layout.ts worked out. The print area and the rows
 * repeated on every page are defined names of the workbook (see apply.ts).
 */
import { HEADER_FOOTER_INCHES, HEADER_FOOTER_SIZE } from '../../workbook/render/page-layout';
import type { PlanSheet } from '../../workbook/plan';
import { escapeText, xmlText } from './xml';

const MM_PER_INCH = 25.4;
/** A4 in the OOXML paperSize enumeration. */
const PAPER_A4 = 9;
/** Excel's last column (XFD), 0-based: a page break runs across every column. */
const LAST_COLUMN = 16383;

const HEAD =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">';

/** A sheet with nothing on it (a block aimed at a sheet the workbook lacks). */
export const EMPTY_SHEET = `${HEAD}<sheetData/></worksheet>`;

/**
 * A header or footer, centred, in the sheet's font (regular, at the size page-layout counts with):
 * '&C&"Times New Roman,Regular"&12Trang &P/&N'. A text starting with a digit is kept apart from the size.
 */
function headerFooterText(sheet: PlanSheet, text: string): string {
  const clean = xmlText(text);
  return `&C&"${sheet.font.name.replace(/"/g, '')},Regular"&${HEADER_FOOTER_SIZE}${/^\d/.test(clean) ? ' ' : ''}${clean}`;
}

export function createdSheetXml(sheet: PlanSheet): string {
  const { page } = sheet;
  const fit = !page.scale;
  const inch = (mm: number) => String(mm / MM_PER_INCH);
  const out: string[] = [HEAD];
  if (fit) out.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  out.push('<dimension ref="A1"/><sheetFormatPr defaultRowHeight="15"/>');
  if (sheet.widths.length) out.push(`<cols>${sheet.widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`);
  const heights = [...(sheet.heights ?? [])].sort((a, b) => a.row - b.row);
  out.push(heights.length ? `<sheetData>${heights.map((h) => `<row r="${h.row}" ht="${h.height}" customHeight="1"/>`).join('')}</sheetData>` : '<sheetData/>');
  // Objects and scenarios locked too, as Excel protects a sheet; no password.
  if (sheet.protect) out.push('<sheetProtection sheet="1" objects="1" scenarios="1"/>');
  if (sheet.merges.length) out.push(`<mergeCells count="${sheet.merges.length}">${sheet.merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`);
  const m = page.margins;
  out.push(`<pageMargins left="${inch(m.left)}" right="${inch(m.right)}" top="${inch(m.top)}" bottom="${inch(m.bottom)}" header="${HEADER_FOOTER_INCHES}" footer="${HEADER_FOOTER_INCHES}"/>`);
  // At the plan's scale where it breaks the pages itself (Excel ignores manual breaks on a sheet fit
  // to pages); else one page wide, as many pages high as it takes.
  // Each sheet numbers its own pages from 1, also when the whole workbook is printed at once.
  out.push(`<pageSetup paperSize="${PAPER_A4}" ${page.scale ? `scale="${page.scale}"` : 'fitToWidth="1" fitToHeight="0"'} firstPageNumber="1" orientation="${page.orientation}" useFirstPageNumber="1"/>`);
  // In the sheet's font: without one, LibreOffice prints them in its default (Carlito).
  const header = page.header ? `<oddHeader>${escapeText(headerFooterText(sheet, page.header))}</oddHeader>` : '';
  out.push(`<headerFooter>${header}<oddFooter>${escapeText(headerFooterText(sheet, page.footer))}</oddFooter></headerFooter>`);
  // The page ends the plan worked out (every one, so every host prints the same pages); a hidden sheet never prints.
  const breaks = sheet.hidden ? [] : (sheet.breaks ?? []);
  if (breaks.length) out.push(`<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r}" max="${LAST_COLUMN}" man="1"/>`).join('')}</rowBreaks>`);
  out.push('</worksheet>');
  return out.join('');
}
