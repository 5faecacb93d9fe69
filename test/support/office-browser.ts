/**
 * The Office.js double (test/support/office-double.ts) in a real browser: bundles
 * test/support/office-browser-entry.ts with webpack (ExcelJS left out) into a temporary folder, and
 * serves it in place of the built pane's office-js/office.js, over a workbook read from an .xlsx in
 * Node. Used by the browser tests (test/browser/) and by npm run bench (bench/taskpane.ts).
 */
import { mkdtempSync, readFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import type { Page } from 'playwright-core';
import webpack from 'webpack';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { doubleFromExcelJS, type DCell, type DPage, type DWorkbook } from './office-double';

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

/** What the page's Office reports, and the workbook its Excel holds. */
export interface DoubleInput {
  book: SerializedBook;
  displayLanguage: string;
  bodyBackgroundColor: string;
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

/** The double holding a workbook of test/fixtures. */
export async function fixtureBook(name: string): Promise<DWorkbook> {
  const { workbook } = await readXlsx(readFileSync(join(__dirname, '..', 'fixtures', name)));
  return doubleFromExcelJS(workbook);
}

let built: Promise<string> | undefined;

/** The browser script defining Office and Excel over the double (built once per process). */
export function officeDoubleScript(): Promise<string> {
  built ??= new Promise<string>((resolve, reject) => {
    const out = mkdtempSync(join(tmpdir(), 'quy-hoach-office-double-'));
    webpack(
      {
        mode: 'development',
        devtool: false,
        target: 'web',
        context: join(__dirname, '..', '..'),
        entry: join(__dirname, 'office-browser-entry.ts'),
        output: { path: out, filename: 'office.js' },
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
        else resolve(readFileSync(join(out, 'office.js'), 'utf8'));
      },
    );
  });
  return built;
}

/**
 * Before the page loads: its office.js is the double (the request never leaves the test), Office's
 * display language and theme as given, Excel holding `book`.
 */
export async function installOfficeDouble(page: Page, book: DWorkbook, options: { displayLanguage?: string; dark?: boolean } = {}): Promise<void> {
  const script = await officeDoubleScript();
  const input: DoubleInput = { book: serializeBook(book), displayLanguage: options.displayLanguage ?? 'vi-VN', bodyBackgroundColor: options.dark ? '#1f1f1f' : '#ffffff' };
  await page.addInitScript((data) => {
    (window as unknown as { __QH_DOUBLE_INPUT__: unknown }).__QH_DOUBLE_INPUT__ = data;
  }, input);
  await page.route('**/office-js/office.js', (route) => route.fulfill({ status: 200, contentType: 'text/javascript; charset=utf-8', body: script }));
}
