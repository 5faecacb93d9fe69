/**
 * Stands in for office.js in a real browser (bundled by test/support/office-browser.ts and served in
 * place of dist/office-js/office.js): `Office` says the host is Excel, with the display language and
 * theme the test asks for, every requirement set supported; `Excel.run` runs the batch on the
 * Office.js double (test/support/office-double.ts) over the workbook the test sent
 * (window.__QH_DOUBLE_INPUT__, set before the page's scripts by page.addInitScript).
 * The test reads back what Excel would hold through window.__QH_DOUBLE__.
 */
import { DSheet, DWorkbook, DoubleContext, looksOfDouble } from './office-double';
import type { DoubleInput, SerializedBook } from './office-browser';

function bookOf(data: SerializedBook): DWorkbook {
  const book = new DWorkbook();
  for (const s of data.sheets) {
    const sheet = new DSheet(s.name);
    sheet.cells = new Map(s.cells);
    sheet.merges = s.merges;
    sheet.tables = s.tables;
    sheet.visibility = s.visibility;
    sheet.protected = s.protected;
    sheet.widths = new Map(s.widths);
    sheet.heights = new Map(s.heights);
    sheet.page = s.page;
    book.sheets.push(sheet);
  }
  book.names = new Map(data.names);
  book.active = data.active;
  book.selected = data.selected;
  return book;
}

const input = (window as unknown as { __QH_DOUBLE_INPUT__: DoubleInput }).__QH_DOUBLE_INPUT__;
const book = bookOf(input.book);
/** One entry per Excel.run: its syncs and queued commands. */
const runs: { syncs: number; commands: number }[] = [];

const values = (name: string): (string | number | boolean | null)[][] => {
  const sheet = book.find(name);
  if (!sheet) return [];
  const used = sheet.used(true);
  if (!used) return [];
  const out: (string | number | boolean | null)[][] = [];
  for (let r = 1; r <= used.bottom; r++) {
    const row: (string | number | boolean | null)[] = [];
    for (let c = 1; c <= used.right; c++) {
      const v = sheet.peek(r, c)?.value ?? null;
      row.push(v !== null && typeof v === 'object' ? `#${v.error}` : v);
    }
    out.push(row);
  }
  return out;
};

Object.assign(window, {
  __QH_DOUBLE__: {
    book,
    runs,
    sheetNames: () => book.sheets.map((s) => s.name),
    visibleSheetNames: () => book.sheets.filter((s) => s.visibility === 'Visible').map((s) => s.name),
    values,
    looks: () => looksOfDouble(book),
    active: () => ({ sheet: book.active, selected: book.selected }),
  },
  Office: {
    HostType: { Excel: 'Excel', Word: 'Word' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    context: {
      displayLanguage: input.displayLanguage,
      officeTheme: { bodyBackgroundColor: input.bodyBackgroundColor, bodyForegroundColor: input.bodyBackgroundColor === '#ffffff' ? '#000000' : '#ffffff' },
      requirements: { isSetSupported: () => true },
    },
    onReady(callback?: (info: { host: string; platform: string }) => void) {
      const info = { host: 'Excel', platform: 'OfficeOnline' };
      // Office calls back asynchronously, once its own scripts are in.
      return new Promise((resolve) =>
        setTimeout(() => {
          callback?.(info);
          resolve(info);
        }, 0),
      );
    },
  },
  Excel: {
    async run<T>(batch: (context: DoubleContext) => Promise<T>): Promise<T> {
      const context = new DoubleContext(book);
      const entry = { syncs: 0, commands: 0 };
      runs.push(entry);
      try {
        return await batch(context);
      } finally {
        entry.syncs = context.syncs;
        entry.commands = context.commands;
      }
    },
  },
});
