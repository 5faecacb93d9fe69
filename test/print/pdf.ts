/**
 * Printing with real LibreOffice (test/print and scripts/render-pages.mjs): find the sheets a run
 * created, make a copy of the workbook in which one of them is the only visible (so the only
 * printed) sheet, convert a batch of such copies to PDF in one `soffice` call, and read the PDFs
 * back with poppler (pdfinfo, pdftotext -layout, pdffonts).
 *
 * The sheet under test is left byte for byte as the run wrote it: only xl/workbook.xml changes
 * (the other sheets hidden and without print areas, the workbook view on the sheet), so its page
 * setup, print area, print titles and footer are the run's own.
 */
import { execFileSync, spawnSync } from 'child_process';
import { existsSync, mkdirSync } from 'fs';
import { basename, join } from 'path';
import JSZip from 'jszip';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { OWNED_SHEET_PREFIX } from '../../src/workbook/plan';
import type { CellValue, SheetSnapshot } from '../../src/workbook/snapshot';

/** The programs the print tests need. */
export const PRINT_TOOLS = ['soffice', 'pdfinfo', 'pdftotext', 'pdffonts'] as const;

export function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

export function missingPrintTools(extra: string[] = []): string[] {
  return [...PRINT_TOOLS, ...extra].filter((t) => !has(t));
}

/** A sheet the run created, as the run wrote its page setup. */
export interface CreatedSheet {
  name: string;
  /** The defined name (OWNED_SHEET_PREFIX…) that marks it. */
  definedName: string;
  orientation: 'portrait' | 'landscape';
  /** Rows repeated at the top of every page, 1-based inclusive. */
  repeatRows?: { from: number; to: number };
  /** The odd-page footer code, e.g. "&CTrang &P/&N". */
  footer?: string;
  /** Left and right page margins, points. */
  margins: { left: number; right: number };
  /** Rows × columns of values (the snapshot), limited to the print area when there is one. */
  values: CellValue[][];
}

function rangeOf(ref: string | undefined): { top: number; left: number; bottom: number; right: number } | undefined {
  const m = /^\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)$/i.exec((ref ?? '').split('!').pop() ?? '');
  if (!m) return undefined;
  const col = (s: string) => [...s.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { top: Number(m[2]), left: col(m[1]), bottom: Number(m[4]), right: col(m[3]) };
}

function printed(sheet: SheetSnapshot, area: string | undefined): CellValue[][] {
  const r = rangeOf(area);
  if (!r) return sheet.values;
  return sheet.values.slice(r.top - 1, r.bottom).map((row) => (row ?? []).slice(r.left - 1, r.right));
}

/**
 * The sheets a run created: a defined name starting with OWNED_SHEET_PREFIX points at them; hidden
 * sheets (the run's own records) are left out. In workbook order.
 */
export async function createdSheets(xlsx: Buffer): Promise<CreatedSheet[]> {
  const { workbook, snapshot } = await readXlsx(xlsx);
  const marked = new Map<string, string>();
  for (const n of snapshot.names) if (n.name.startsWith(OWNED_SHEET_PREFIX)) marked.set(n.sheet.toLowerCase(), n.name);
  const out: CreatedSheet[] = [];
  for (const ws of workbook.worksheets) {
    const definedName = marked.get(ws.name.toLowerCase());
    if (!definedName || (ws.state && ws.state !== 'visible')) continue;
    const sheet = snapshot.sheets.find((s) => s.name === ws.name);
    const rows = ws.pageSetup.printTitlesRow ? /^\$?(\d+):\$?(\d+)$/.exec(ws.pageSetup.printTitlesRow) : null;
    out.push({
      name: ws.name,
      definedName,
      orientation: ws.pageSetup.orientation === 'landscape' ? 'landscape' : 'portrait',
      ...(rows ? { repeatRows: { from: Number(rows[1]), to: Number(rows[2]) } } : {}),
      ...(ws.headerFooter?.oddFooter ? { footer: ws.headerFooter.oddFooter } : {}),
      // ExcelJS margins are inches (Excel's defaults when none is set).
      margins: { left: (ws.pageSetup.margins?.left ?? 0.7) * 72, right: (ws.pageSetup.margins?.right ?? 0.7) * 72 },
      values: sheet ? printed(sheet, ws.pageSetup.printArea) : [],
    });
  }
  return out;
}

/** The hidden sheets of a workbook (the run's records, and any of the user's) and their texts. */
export async function hiddenSheets(xlsx: Buffer): Promise<{ name: string; texts: string[] }[]> {
  const { workbook, snapshot } = await readXlsx(xlsx);
  return workbook.worksheets
    .filter((ws) => ws.state && ws.state !== 'visible')
    .map((ws) => ({
      name: ws.name,
      texts: (snapshot.sheets.find((s) => s.name === ws.name)?.values ?? []).flat().filter((v): v is string => typeof v === 'string' && v.trim() !== ''),
    }));
}

const unescapeXml = (s: string): string =>
  s.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' };
    if (named[e.toLowerCase()]) return named[e.toLowerCase()];
    return String.fromCodePoint(e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
  });

/** A copy of the workbook in which `sheet` is the only visible sheet (and the active one). */
export async function onlySheet(xlsx: Buffer, sheet: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(xlsx);
  const file = zip.file('xl/workbook.xml');
  if (!file) throw new Error('no xl/workbook.xml');
  let xml = await file.async('string');
  let index = -1;
  let i = 0;
  xml = xml.replace(/<sheet\b[^>]*?\/>/g, (tag) => {
    const name = unescapeXml(/\sname="([^"]*)"/.exec(tag)?.[1] ?? '');
    const state = name === sheet ? 'visible' : 'hidden';
    if (name === sheet) index = i;
    i++;
    return /\sstate="/.test(tag) ? tag.replace(/\sstate="[^"]*"/, ` state="${state}"`) : tag.replace(/\s*\/>$/, ` state="${state}"/>`);
  });
  if (index < 0) throw new Error(`no sheet “${sheet}” in the workbook`);
  const view = `<workbookView activeTab="${index}" firstSheet="${index}"/>`;
  if (/<bookViews>[\s\S]*?<\/bookViews>/.test(xml)) {
    xml = xml.replace(/<workbookView\b[^>]*?\/>/, (tag) =>
      tag.replace(/\s(activeTab|firstSheet)="[^"]*"/g, '').replace(/<workbookView/, `<workbookView activeTab="${index}" firstSheet="${index}"`),
    );
  } else xml = xml.replace('<sheets>', `<bookViews>${view}</bookViews><sheets>`);
  // LibreOffice prints a hidden sheet that has a print area: the other sheets' print areas and
  // titles go (the sheet under test keeps its own).
  xml = xml.replace(/<definedName\b[^>]*\bname="_xlnm\.(?:Print_Area|Print_Titles)"[^>]*>[^<]*<\/definedName>/g, (tag) => {
    const local = /\slocalSheetId="(\d+)"/.exec(tag)?.[1];
    return local !== undefined && Number(local) === index ? tag : '';
  });
  zip.file('xl/workbook.xml', xml);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * One `soffice --convert-to pdf` for many workbooks (each start costs seconds), with a private
 * profile so parallel runs do not collide, in an English locale (a decimal point): the pages must
 * print numbers the Vietnamese way (35,00%) whatever the machine's locale. Returns the PDF of each
 * input (same base name, in outDir).
 */
export function convertToPdf(files: string[], outDir: string, profileDir: string): string[] {
  mkdirSync(outDir, { recursive: true });
  if (files.length === 0) return [];
  const r = spawnSync(
    'soffice',
    [`-env:UserInstallation=file://${profileDir}`, '--headless', '--norestore', '--nologo', '--nodefault', '--convert-to', 'pdf', '--outdir', outDir, ...files],
    { encoding: 'utf8', timeout: 600_000, env: { ...process.env, LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8', LANGUAGE: 'en' } },
  );
  const pdfs = files.map((f) => join(outDir, `${basename(f).replace(/\.[^.]+$/, '')}.pdf`));
  const missing = pdfs.filter((p) => !existsSync(p));
  if (missing.length) throw new Error(`soffice did not write ${missing.join(', ')} (status ${r.status}): ${r.stderr || r.error?.message || ''}`);
  return pdfs;
}

export interface PdfPage {
  width: number;
  height: number;
  /** pdftotext -layout of this page. */
  text: string;
  /** pdftotext -raw of this page: the text in the order it is drawn (a wrapped cell's lines together). */
  raw: string;
  /** Each word and its box (points, from the top left). */
  words: PdfWord[];
}

export interface PdfWord {
  text: string;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

export interface Pdf {
  file: string;
  pages: PdfPage[];
  fonts: PdfFont[];
}

export function readPdf(file: string): Pdf {
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const count = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? 0);
  const sizes = count ? execFileSync('pdfinfo', ['-f', '1', '-l', String(count), file], { encoding: 'utf8' }) : '';
  const size = new Map<number, [number, number]>();
  for (const m of sizes.matchAll(/^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts/gm)) size.set(Number(m[1]), [Number(m[2]), Number(m[3])]);
  // Pages end with a form feed.
  const texts = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\f');
  const raws = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\f');
  const boxes = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 << 20 })
    .split(/<page\b/)
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        text: unescapeXml(m[5]),
        x0: Number(m[1]),
        y0: Number(m[2]),
        x1: Number(m[3]),
        y1: Number(m[4]),
      })),
    );
  const pages = Array.from({ length: count }, (_, i) => ({
    width: size.get(i + 1)?.[0] ?? 0,
    height: size.get(i + 1)?.[1] ?? 0,
    text: texts[i] ?? '',
    raw: raws[i] ?? '',
    words: boxes[i] ?? [],
  }));
  return { file, pages, fonts: readFonts(file) };
}

/** pdffonts, its columns cut where the dashed line under the heading cuts them. */
function readFonts(file: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n');
  const dashes = lines.findIndex((l) => /^-+ -+/.test(l));
  if (dashes < 0) return [];
  const cols: [number, number][] = [];
  for (const m of lines[dashes].matchAll(/-+/g)) cols.push([m.index!, m.index! + m[0].length]);
  return lines
    .slice(dashes + 1)
    .filter((l) => l.trim())
    .map((l) => {
      const cell = (k: number) => l.slice(cols[k][0], k + 1 < cols.length ? cols[k + 1][0] : undefined).trim();
      return { name: cell(0), type: cell(1), embedded: cell(3) === 'yes' };
    });
}
