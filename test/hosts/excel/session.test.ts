/**
 * The task pane's Office.js session (src/hosts/excel/session.ts) on the Office.js double: read, run,
 * apply in two round trips; show a sheet and a cell; say in Vietnamese what an older Excel lacks.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { ExcelSession } from '../../../src/hosts/excel/session';
import { runPipeline } from '../../../src/workbook/pipeline';
import { DoubleContext, doubleFromExcelJS, looksOfDouble, type DWorkbook } from '../../support/office-double';

const globals = globalThis as { Excel?: unknown; Office?: unknown };
let book: DWorkbook;
let contexts: DoubleContext[];

function installOffice(supported: (set: string, version: string) => boolean = () => true): void {
  contexts = [];
  globals.Excel = {
    run: async <T>(batch: (context: DoubleContext) => Promise<T>): Promise<T> => {
      const context = new DoubleContext(book);
      contexts.push(context);
      return batch(context);
    },
  };
  globals.Office = { context: { requirements: { isSetSupported: supported } } };
}

beforeEach(async () => {
  book = doubleFromExcelJS((await readXlsx(readFileSync(join(__dirname, '..', '..', 'fixtures', 'next-term-3-leadership.xlsx')))).workbook);
  installOffice();
});
afterAll(() => {
  delete globals.Excel;
  delete globals.Office;
});

test('a run is one read and one write: two round trips, and the shortlist is in the workbook', async () => {
  const session = new ExcelSession('vi');
  expect(session.limits).toEqual([]);
  const snapshot = await session.read();
  const run = runPipeline(snapshot, { procedure: 'next-term', step: 3, lang: 'vi', now: session.now() });
  expect(run.ok).toBe(true);
  await session.apply(run.plan!);
  expect(contexts.map((c) => c.syncs)).toEqual([1, 1]);
  const sheets = looksOfDouble(book).sheets.map((s) => s.name);
  expect(sheets).toEqual(expect.arrayContaining(['KQ Kế tiếp B3', 'BB Kế tiếp B3', 'Nhật ký Quy Hoạch']));
});

test('an error’s cell is shown: the sheet activated and the cell selected', async () => {
  const session = new ExcelSession('vi');
  await session.select('KP lãnh đạo', 'D14');
  expect(book.active).toBe('KP lãnh đạo');
  expect(book.selected).toBe('KP lãnh đạo!D14');
});

test('an older Excel: the session says in Vietnamese what will be missing', () => {
  installOffice((set, version) => set !== 'ExcelApi' || Number(version.split('.')[1]) < 9);
  const limits = new ExcelSession('vi').limits;
  expect(limits.length).toBeGreaterThan(0);
  expect(limits.join(' ')).toContain('Phiên bản Excel này chưa hỗ trợ đủ');
  expect(limits.join(' ')).toContain('định dạng trang in (khổ A4');
});
