/**
 * The print view (src/workbench/PrintView.tsx) in real Chromium: a page bundled here with esbuild
 * (test/workbench/print-view-page.tsx) runs the pipeline on a workbook in the browser, as the
 * workbench does, and shows one result sheet. On the minutes and the shortlist of a golden run and
 * of the 120-person list: as many A4 pages as LibreOffice prints (test/print); each page's rows fit
 * in its body; no text cut at the bottom of its cell; and the browser's own Print (page.pdf, the
 * print stylesheet) makes a PDF of exactly those pages, A4 in their orientation. Screenshots go to
 * $QH_SHOTS (a temp folder unless set), to be compared with docs/images (LibreOffice's pictures).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { watchPage } from '../support/built-pages';
import { serveFolder } from '../support/static-server';
import { longWorkbook } from '../print/long-roster';
import type { RunRequest } from '../../src/workbook/pipeline';

const root = join(__dirname, '..', '..');
const fixture = (name: string) => readFileSync(join(root, 'test', 'fixtures', name));
let browser: Browser;
let server: { url: string; close: () => Promise<void> };
let dir: string;
const shots = process.env.QH_SHOTS ?? mkdtempSync(join(tmpdir(), 'qh-print-view-shots-'));

interface Case {
  name: string;
  input: () => Promise<Buffer>;
  request: RunRequest;
  sheet: string;
  /** As LibreOffice prints the sheet (test/workbench/runs.ts). */
  pages: number;
  orientation: 'portrait' | 'landscape';
}

const CASES: Case[] = [
  { name: 'kq-ke-tiep-b3', input: async () => fixture('next-term-3-leadership.xlsx'), request: { procedure: 'next-term', step: 3, lang: 'vi' }, sheet: 'KQ Kế tiếp B3', pages: 1, orientation: 'landscape' },
  { name: 'bb-ke-tiep-b2', input: async () => fixture('next-term-2-staff.xlsx'), request: { procedure: 'next-term', step: 2, lang: 'vi' }, sheet: 'BB Kế tiếp B2', pages: 2, orientation: 'portrait' },
  { name: 'kq-120', input: longWorkbook, request: { procedure: 'next-term', step: 2, lang: 'vi' }, sheet: 'KQ Kế tiếp B2', pages: 6, orientation: 'landscape' },
  { name: 'bb-120', input: longWorkbook, request: { procedure: 'next-term', step: 2, lang: 'vi' }, sheet: 'BB Kế tiếp B2', pages: 5, orientation: 'portrait' },
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qh-print-view-'));
  // esbuild comes with tsx (a devDependency): the page is bundled here, not by the product's build.
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [join(root, 'test', 'workbench', 'print-view-page.tsx')],
    bundle: true,
    outfile: join(dir, 'page.js'),
    platform: 'browser',
    format: 'iife',
    jsx: 'automatic',
    define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis' },
    minify: true,
    logLevel: 'error',
  });
  for (const c of CASES) {
    const input = (await c.input()).toString('base64');
    writeFileSync(
      join(dir, `${c.name}.html`),
      `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${c.sheet}</title><style>html,body,#root{margin:0;height:100%}</style></head><body><div id="root"></div>` +
        `<script>window.QH_INPUT=${JSON.stringify(input)};window.QH_REQUEST=${JSON.stringify(c.request)};</script><script src="page.js"></script></body></html>`,
    );
  }
  mkdirSync(shots, { recursive: true });
  server = await serveFolder(dir);
  browser = await launchChromium();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Pages of a PDF and their sizes in points (the objects of type /Page). */
function pdfPages(pdf: Buffer): { width: number; height: number }[] {
  const text = pdf.toString('latin1');
  const out: { width: number; height: number }[] = [];
  for (const m of text.matchAll(/\/Type\s*\/Page\b(?!s)[\s\S]*?\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)) out.push({ width: Number(m[3]) - Number(m[1]), height: Number(m[4]) - Number(m[2]) });
  return out;
}

test.each(CASES.map((c) => [c.sheet, c.name, c] as const))('“%s” (%s): the pages LibreOffice prints, rows within each page, no text cut; Print makes those pages', async (_sheet, _name, c) => {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const { foreign, errors } = watchPage(page, server.url);
  await page.goto(`${server.url}/${c.name}.html?sheet=${encodeURIComponent(c.sheet)}`);
  await page.waitForFunction(() => (window as unknown as { QH_READY?: boolean; QH_ERROR?: string }).QH_READY || (window as unknown as { QH_ERROR?: string }).QH_ERROR, undefined, { timeout: 30_000 });
  expect(await page.evaluate(() => (window as unknown as { QH_ERROR?: string }).QH_ERROR ?? null)).toBeNull();
  await page.getByTestId('print-page').first().waitFor();
  await page.evaluate(() => document.fonts.ready);
  expect(await page.getByTestId('print-page').count()).toBe(c.pages);
  expect(await page.getByTestId('print-summary').innerText()).toMatch(new RegExp(`^${c.pages} trang A4 ${c.orientation === 'landscape' ? 'ngang' : 'dọc'}, tỷ lệ \\d+%`));

  // Measured at 100% zoom: the table within the page's body; every cell's text within its cell's height.
  await page.getByRole('button', { name: 'Phóng to' }).waitFor();
  const measures = await page.evaluate(() => {
    const pages = document.querySelector<HTMLElement>('.qh-pv-pages')!;
    pages.dataset.zoom = pages.style.zoom;
    pages.style.zoom = '1';
    return [...document.querySelectorAll<HTMLElement>('[data-testid="print-page"]')].map((p) => {
      const body = p.querySelector<HTMLElement>('.qh-pv-body')!.getBoundingClientRect();
      const table = p.querySelector<HTMLElement>('table')!.getBoundingClientRect();
      const cut = [...p.querySelectorAll<HTMLElement>('.qh-pv-cell')]
        .filter((cell) => cell.scrollHeight > cell.clientHeight + 1)
        .map((cell) => `${cell.parentElement!.getAttribute('data-cell')} “${cell.textContent!.slice(0, 40)}” ${cell.scrollHeight}>${cell.clientHeight}px`);
      const paper = p.getBoundingClientRect();
      return { body: { w: body.width, h: body.height }, table: { w: table.width, h: table.height }, paper: { w: paper.width, h: paper.height }, cut };
    });
  });
  const mm = 96 / 25.4;
  for (const [i, m] of measures.entries()) {
    const [w, h] = c.orientation === 'landscape' ? [297, 210] : [210, 297];
    expect({ page: i + 1, w: Math.round(m.paper.w / mm), h: Math.round(m.paper.h / mm) }).toEqual({ page: i + 1, w, h });
    expect({ page: i + 1, fitsHeight: m.table.h <= m.body.h + 1, fitsWidth: m.table.w <= m.body.w + 1 }).toEqual({ page: i + 1, fitsHeight: true, fitsWidth: true });
    expect({ page: i + 1, cut: m.cut }).toEqual({ page: i + 1, cut: [] });
  }
  await page.evaluate(() => {
    const pages = document.querySelector<HTMLElement>('.qh-pv-pages')!;
    pages.style.zoom = pages.dataset.zoom ?? '';
  });
  // At the zoom that fits the panel, the pages are within it.
  const overflow = await page.evaluate(() => {
    const scroll = document.querySelector<HTMLElement>('.qh-pv-scroll')!;
    return scroll.scrollWidth - scroll.clientWidth;
  });
  expect(overflow).toBeLessThanOrEqual(0);
  await page.screenshot({ path: join(shots, `${c.name}.png`), fullPage: false });

  // The browser's Print: the print stylesheet's pages, A4 in the orientation, one per page shown.
  await page.emulateMedia({ media: 'print' });
  await page.locator('.qh-pv-page').first().screenshot({ path: join(shots, `${c.name}-print-1.png`) });
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  writeFileSync(join(shots, `${c.name}.pdf`), pdf);
  const sizes = pdfPages(pdf);
  expect(sizes.length).toBe(c.pages);
  for (const s of sizes) {
    const [w, h] = c.orientation === 'landscape' ? [842, 595] : [595, 842];
    expect([Math.round(s.width), Math.round(s.height)]).toEqual([w, h]);
  }
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
  await page.close();
});
