/**
 * The task pane's Office.js session (src/hosts/excel/session.ts) through Microsoft's office.js over
 * the Excel host simulation: every batch an Excel.run({ delayForCellEdit: true }); a run is a read,
 * a check and a write; what the user is told when Excel is busy with a cell, when the workbook changed
 * between the read and the write, when a write stops part way (and that undo then puts it back), and,
 * on an Excel older than the add-in needs, what it needs — before anything is read.
 */
import { ExcelSession } from '../../../src/hosts/excel/session';
import { runPipeline } from '../../../src/workbook/pipeline';
import { planUndo } from '../../../src/workbook/bookkeeping/undo';
import type { DWorkbook } from '../../support/excel-model';
import { modelOfFixture } from '../../support/model-of';
import { officeJs, settled, type OfficeJs, type Tier } from '../../support/office-js';

let office: OfficeJs;
let restore: () => void;
let book: DWorkbook;
beforeAll(async () => {
  office = officeJs(await modelOfFixture('next-term-3-leadership.xlsx'));
  restore = office.install();
});
afterAll(async () => {
  await settled();
  restore();
});

async function open(tier: Tier = 'all') {
  book = await modelOfFixture('next-term-3-leadership.xlsx');
  const host = office.reset(book, tier);
  return { host, session: new ExcelSession('vi') };
}
const sent = (host: OfficeJs['host']) => host.requests.filter((r) => !r.cleanup);
const run = (session: ExcelSession) => session.read().then((s) => runPipeline(s, { procedure: 'next-term', step: 3, lang: 'vi', now: session.now() }));
const values = (sheet: string) => [...(book.find(sheet)?.cells ?? [])].filter(([, c]) => c.value !== null).map(([k, c]) => `${k}=${JSON.stringify(c.value)}`).sort();

test('a run is a read, the check and the write, every batch asking Excel to wait for a cell being edited', async () => {
  const { host, session } = await open();
  expect(session.limits).toEqual([]);
  const outcome = await run(session);
  expect(outcome.ok).toBe(true);
  await session.apply(outcome.plan!);
  expect(sent(host).map((r) => r.flags & 64)).toEqual([64, 64, 64]);
  expect(book.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(['KQ Kế tiếp B3', 'BB Kế tiếp B3', 'Nhật ký Quy Hoạch']));
});

test('while the user types in a cell, the batch waits for it; an Excel that cannot wait says so in Vietnamese', async () => {
  let { session } = await open();
  book.editing = "'KP lãnh đạo'!B2";
  expect((await run(session)).ok).toBe(true);
  expect(book.editing).toBeUndefined();

  ({ session } = await open('minimum')); // no DelayForCellEdit
  book.editing = "'KP lãnh đạo'!B2";
  await expect(session.read()).rejects.toThrow('Excel đang chờ bạn sửa xong một ô: nhấn Enter (hoặc Esc) để rời ô rồi bấm lại. Chưa ghi gì.');
});

test('rows inserted between the read and the write: nothing written, and the user is told where', async () => {
  const { session } = await open();
  const outcome = await run(session);
  const before = values('KP lãnh đạo');
  const sheet = book.find('KP lãnh đạo')!;
  sheet.cell(40, 2).value = 'Người mới thêm';
  await expect(session.apply(outcome.plan!)).rejects.toThrow('Sổ tính đã thay đổi sau khi Quy Hoạch đọc (KP lãnh đạo!B40): chưa ghi gì. Bấm lại để chạy trên số liệu mới.');
  sheet.cell(40, 2).value = null;
  expect(values('KP lãnh đạo')).toEqual(before);
  expect(book.find('KQ Kế tiếp B3')).toBeUndefined();
});

test('a write that stops part way says what it may have written, and undo puts the workbook back', async () => {
  const { host, session } = await open();
  const input = Object.fromEntries(book.sheets.map((s) => [s.name, values(s.name)]));
  const outcome = await run(session);
  host.failAt = { request: sent(host).length + 1, action: 150 }; // the write, after the check
  await expect(session.apply(outcome.plan!)).rejects.toThrow(/^Lần ghi bị gián đoạn giữa chừng \(.*\), có thể đã ghi một phần vào: .*KP lãnh đạo.*\. Bấm “Hoàn tác lần chạy gần nhất” để trả sổ tính về như trước lần chạy này\.$/);
  const undo = planUndo(await session.read(), { lang: 'vi', now: session.now() });
  expect(undo.diagnostics).toEqual([]);
  await session.apply(undo.plan!);
  for (const [name, before] of Object.entries(input)) expect({ name, values: values(name) }).toEqual({ name, values: before });
});

test('an error’s cell is shown: the sheet activated and the cell selected', async () => {
  const { session } = await open();
  await session.select('KP lãnh đạo', 'D14');
  expect(book.active).toBe('KP lãnh đạo');
  expect(book.selected).toBe('KP lãnh đạo!D14');
});

test('an older Excel: what will be missing; below the minimum, what the add-in needs, and nothing is read', async () => {
  let { session } = await open('1.9');
  expect(session.unsupported).toBeUndefined();
  expect(session.limits.join(' ')).toContain('Phiên bản Excel này chưa hỗ trợ đủ');
  expect(session.limits.join(' ')).toContain('đọc các ô đã gộp');

  const { host } = await open();
  office.answerSets((name, version = '1.1') => name === 'ExcelApi' && Number(version.split('.')[1]) <= 6);
  session = new ExcelSession('vi');
  expect(session.unsupported).toBe(
    'Quy Hoạch cần Excel hỗ trợ bộ API ExcelApi 1.7 trở lên (Microsoft 365, Excel 2019 trở lên, Excel trên web, Excel cho Mac). Excel này chưa đủ nên ngăn tác vụ không đọc sổ tính. Hãy cập nhật Office, hoặc dùng lệnh quy-hoach hay trang làm việc trên trình duyệt với tệp .xlsx.',
  );
  await expect(session.read()).rejects.toThrow(session.unsupported);
  expect(host.requests).toEqual([]);
});
