/**
 * The built task pane "inside Excel" in a real browser, on Microsoft's own office.js: the page loads
 * office.js from its CDN URL (package.json config.office_js) as it does in Office, and the test serves
 * that URL — and the host scripts office.js loads beside it — from @microsoft/office-js (Playwright
 * routes it; nothing leaves the machine). Excel is Excel desktop's side of the channel office.js uses
 * on Windows (`window.external`), over the Excel host simulation and a workbook read from an .xlsx in
 * Node: test/support/office-browser-entry.ts, bundled here with webpack (ExcelJS left out).
 * Used by the browser tests (test/browser/) and by npm run bench (bench/taskpane.ts).
 */
import { existsSync, mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { dirname, join, normalize } from 'path';
import type { Page } from 'playwright-core';
import webpack from 'webpack';
import { config } from '../../package.json';
import type { DCell, DPage, DWorkbook } from './excel-model';

/** Where office.js comes from in Office, and the folder it loads its host scripts and strings from. */
export const OFFICE_JS_URL = config.office_js;
export const OFFICE_JS_BASE = OFFICE_JS_URL.slice(0, OFFICE_JS_URL.lastIndexOf('/') + 1);
const LIBRARY = dirname(require.resolve('@microsoft/office-js/dist/office.js'));

/** A DWorkbook as JSON (its maps as entry lists), to cross into the page. */
export interface SerializedBook {
  sheets: {
    name: string;
    cells: [string, DCell][];
    merges: { top: number; left: number; bottom: number; right: number }[];
    tables: { name: string; range: string }[];
    visibility: string;
    protected: boolean;
    widths: [number, number][];
    heights: [number, number][];
    page: DPage;
  }[];
  names: [string, { sheet: string; range: string }][];
  active?: string;
  selected?: string;
}

/** What the page's Excel reports, and the workbook it holds. */
export interface ExcelInput {
  book: SerializedBook;
  displayLanguage: string;
  dark: boolean;
  /** The requirement sets, as Excel gives them to office.js ({ ExcelApi: '1.18', … }). */
  requirements: Record<string, string>;
}

export function serializeBook(book: DWorkbook): SerializedBook {
  return {
    sheets: book.sheets.map((s) => ({
      name: s.name,
      cells: [...s.cells],
      merges: s.merges,
      tables: s.tables,
      visibility: s.visibility,
      protected: s.protected,
      widths: [...s.widths],
      heights: [...s.heights],
      page: s.page,
    })),
    names: [...book.names],
    active: book.active,
    selected: book.selected,
  };
}

let built: Promise<string> | undefined;

/** The browser script that is Excel's side of office.js's channel (built once per process). */
export function excelHostScript(): Promise<string> {
  built ??= new Promise<string>((resolve, reject) => {
    const out = mkdtempSync(join(tmpdir(), 'quy-hoach-excel-host-'));
    webpack(
      {
        mode: 'development',
        devtool: false,
        target: 'web',
        context: join(__dirname, '..', '..'),
        entry: join(__dirname, 'office-browser-entry.ts'),
        output: { path: out, filename: 'excel-host.js' },
        resolve: { extensions: ['.ts', '.tsx', '.js'], alias: { exceljs: false } },
        module: {
          rules: [
            {
              test: /\.tsx?$/,
              exclude: /node_modules/,
              use: { loader: 'ts-loader', options: { transpileOnly: true, configFile: join(__dirname, '..', '..', 'tsconfig.json'), compilerOptions: { noEmit: false } } },
            },
          ],
        },
        performance: { hints: false },
        infrastructureLogging: { level: 'error' },
      },
      (error, stats) => {
        if (error || !stats || stats.hasErrors()) reject(error ?? new Error(stats?.toString('errors-only') ?? 'webpack failed'));
        else resolve(readFileSync(join(out, 'excel-host.js'), 'utf8'));
      },
    );
  });
  return built;
}

/**
 * office.js's CDN URL served from @microsoft/office-js (a file the package lacks: 404), for any page,
 * in Office or not. Returns the URLs served, in order.
 */
export async function serveOfficeJs(page: Page): Promise<string[]> {
  const served: string[] = [];
  await page.route(`${OFFICE_JS_BASE}**`, (route) => {
    const url = route.request().url().split(/[?#]/)[0];
    const file = normalize(join(LIBRARY, url.slice(OFFICE_JS_BASE.length)));
    served.push(url);
    if (!file.startsWith(LIBRARY) || !existsSync(file)) return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: readFileSync(file) });
  });
  return served;
}

/** Requirement sets of an Excel that has everything this office.js knows (ExcelApi 1.18: notes), and waits for a cell being edited. */
export const EVERY_SET: Record<string, string> = { ExcelApi: '1.18', DelayForCellEdit: '1.1' };

/**
 * Before the page loads: Excel desktop holding `book`, with Office's display language, theme and
 * requirement sets as given; office.js served from the package at its CDN URL.
 */
export async function installExcel(page: Page, book: DWorkbook, options: { displayLanguage?: string; dark?: boolean; requirements?: Record<string, string> } = {}): Promise<string[]> {
  const script = await excelHostScript();
  const input: ExcelInput = { book: serializeBook(book), displayLanguage: options.displayLanguage ?? 'vi-VN', dark: options.dark ?? false, requirements: options.requirements ?? EVERY_SET };
  await page.addInitScript((data) => {
    (window as unknown as { __QH_EXCEL_INPUT__: unknown }).__QH_EXCEL_INPUT__ = data;
  }, input);
  await page.addInitScript({ content: script });
  return serveOfficeJs(page);
}
