/** @jest-environment jsdom */
/**
 * The column-mapping dialog, driven as a user would (jsdom, React 19, Fluent UI v9) against the
 * xlsx session: a workbook whose vote-count header the parser cannot read → the pane warns and
 * offers "Chọn cột…" → the dialog maps the columns (header row, one list per field, a live sample)
 * → Run writes the results; the answer is kept in the workbook, so opening it again asks nothing.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { act } from 'react';
import { XlsxSession } from '../../src/hosts/xlsx/session';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { xlsxBytes } from '../support/xlsx-run';
import { messages } from '../../src/i18n';
import { readSettings } from '../../src/workbook/bookkeeping/settings';
import { App } from '../../src/taskpane/App';
// The pane's text, and the dialog's (Fluent renders a dialog in a portal, outside the container): text() here is the page's.
import { button, choose, click, mount, pane, pageText as text, unmount, until, usePaneDom } from '../support/pane-dom';

usePaneDom();
jest.setTimeout(60_000);

const t = messages('vi');
const VOTES = 'KP lãnh đạo';

const dialog = () => document.querySelector<HTMLElement>('[data-testid="column-map-dialog"]');

const select = (testId: string, within: ParentNode = document.body) => {
  const el = within.querySelector<HTMLSelectElement>(`[data-testid="${testId}"]`);
  if (!el) throw new Error(`no [data-testid="${testId}"] in: ${text()}`);
  return el;
};

/** The leadership vote count (golden workbook) with header words the parser does not know. */
async function unrecognisable(): Promise<{ buffer: Buffer; headerRow: number }> {
  const { workbook } = await readXlsx(readFileSync(join(__dirname, '..', 'fixtures', 'next-term-3-leadership.xlsx')));
  const ws = workbook.getWorksheet(VOTES)!;
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (!headerRow && String(row.getCell(1).value ?? '').trim() === 'STT') headerRow = n;
  });
  ws.getCell(headerRow, 1).value = 'Thứ';
  ws.getCell(headerRow, 2).value = 'Cán bộ';
  ws.getCell(headerRow, 3).value = 'Vị trí';
  ws.getCell(headerRow, 4).value = 'Ủng hộ';
  return { buffer: await xlsxBytes(workbook), headerRow };
}

async function open(buffer: Buffer): Promise<XlsxSession> {
  const session = await XlsxSession.load(buffer, () => '2026-11-25T10:00');
  await mount(<App lang="vi" host={{ inExcel: true, displayLanguage: 'vi-VN' }} session={session} />);
  await until(() => (pane().querySelector<HTMLSelectElement>('[data-testid="sheet-roster"]')?.value ?? '') !== '', 'the sheets found');
  return session;
}

test('an unrecognisable vote header: the warning, the dialog maps the columns, Run writes the results, and the next opening asks nothing', async () => {
  const { buffer, headerRow } = await unrecognisable();
  const session = await open(buffer);
  // The leadership conference's step: its vote count is not found, and the pane says which sheet it could be.
  const step = [...pane().querySelectorAll('select')].find((s) => [...s.options].some((o) => o.textContent?.includes('Bước 3')))!;
  await choose(step, '3');
  await until(() => !!pane().querySelector('[data-testid="unsure-votes"]'), 'the warning');
  const warning = pane().querySelector<HTMLElement>('[data-testid="unsure-votes"]')!;
  expect(warning.textContent).toContain(t.columnMap.noHeader(VOTES, 'votes'));

  // Keyboard: Escape closes the dialog without an answer.
  await click(button(t.columnMap.choose, warning));
  await until(() => !!dialog(), 'the dialog');
  await act(async () => {
    document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  });
  await until(() => !dialog(), 'the dialog to close on Escape');
  expect(pane().querySelector('[data-testid="unsure-votes"]')).not.toBeNull();

  await click(button(t.columnMap.choose, pane().querySelector('[data-testid="unsure-votes"]')!));
  await until(() => !!dialog(), 'the dialog');
  const d = dialog()!;
  expect(d.textContent).toContain('Chọn cột — trang “KP lãnh đạo” (kết quả kiểm phiếu)');
  // Every list is labelled; "Họ và tên" is required.
  for (const s of d.querySelectorAll('select')) expect(s.labels?.length ?? 0).toBeGreaterThan(0);
  expect(select('column-map-name', d).required || select('column-map-name', d).getAttribute('aria-required') === 'true').toBe(true);
  // Nothing to save yet: the name and the count have no column.
  expect(button(t.columnMap.save, d).disabled).toBe(true);
  expect(d.textContent).toContain('Chưa chọn cột cho: “Họ và tên”');

  await choose(select('column-map-header-row', d), String(headerRow));
  const options = [...select('column-map-name', d).options].map((o) => o.textContent);
  expect(options).toContain('B — Cán bộ');
  expect(options).toContain('D — Ủng hộ');
  await choose(select('column-map-name', d), 'B');
  await choose(select('column-map-title', d), 'C');
  await choose(select('column-map-agree', d), 'D');
  // The live sample: the first three rows as the run will read them.
  const sample = d.querySelector('[data-testid="column-map-sample"]')?.textContent ?? '';
  expect(sample).toContain('Nguyễn Văn An');
  expect(sample).toContain('Lê Văn Cường');
  expect(sample).not.toContain('Phạm Thị Dung');
  // Two fields in one column cannot be saved.
  await choose(select('column-map-title', d), 'D');
  expect(button(t.columnMap.save, d).disabled).toBe(true);
  expect(d.textContent).toContain('Cột D đang được chọn cho nhiều thông tin');
  await choose(select('column-map-title', d), 'C');
  expect(button(t.columnMap.save, d).disabled).toBe(false);
  await click(button(t.columnMap.save, d));
  await until(() => !dialog(), 'the dialog to close');

  // No warning now; the sheet is read by the columns chosen, and the dialog can be opened again.
  await until(() => !pane().querySelector('[data-testid="unsure-votes"]'), 'the warning to go');
  expect(pane().querySelector('[data-testid="column-map-links"]')?.textContent).toContain(t.columnMap.mapped(VOTES));
  expect(text()).toContain('Trưởng phòng: số lượng quy hoạch');
  expect(text()).toContain('Danh sách có 5 người');

  await click(button(t.taskpane.run, pane()));
  await until(() => text().includes(t.taskpane.written), 'the run');
  expect(pane().querySelector('[data-testid="counts"]')?.textContent).toContain('Được giới thiệu 4');
  expect((await session.view()).getWorksheet('KQ Kế tiếp B3')).toBeDefined();
  // The results beside the vote table, in the first column right of it.
  const ws = (await session.view()).getWorksheet(VOTES)!;
  const results = [...Array(8).keys()].map((i) => String(ws.getCell(headerRow + 1 + i, 6).value ?? '') + String(ws.getCell(headerRow + 1 + i, 7).value ?? ''));
  expect(results.join(' ')).toContain('Được giới thiệu');
  // The answer is kept in the workbook with the run's settings.
  expect(readSettings((await session.read())).settings?.columns).toEqual({ [VOTES]: { role: 'votes', headerRow, columns: { name: 'B', title: 'C', agree: 'D' } } });

  // The next opening: the columns saved are used, nothing is asked.
  await unmount();
  await open(Buffer.from(session.bytes()));
  await until(() => !!pane().querySelector('[data-testid="column-map-links"]'), 'the mapped note');
  expect(pane().querySelector('[data-testid="unsure-votes"]')).toBeNull();
  expect(pane().querySelector('[data-testid="column-map-links"]')?.textContent).toContain(t.columnMap.mapped(VOTES));
  expect(pane().querySelector<HTMLSelectElement>('[data-testid="sheet-votes"]')?.value).toBe(VOTES);
});

test('two columns that could be the votes (a count and a recount): the run stops and the pane asks; the dialog chooses, Run writes', async () => {
  const session = await open(readFileSync(join(__dirname, '..', 'fixtures', 'family-5-vote-columns-recount.xlsx')));
  await until(() => !!pane().querySelector('[data-testid="unsure-votes"]'), 'the warning');
  const warning = pane().querySelector<HTMLElement>('[data-testid="unsure-votes"]')!;
  expect(warning.textContent).toContain(t.columnMap.competing('KP HN cán bộ', t.columnMap.field('agree'), ['D', 'E']));
  // The error that stops the run names both columns and how to choose.
  expect(pane().querySelector('[data-testid="diagnostics"]')?.textContent).toContain('E “Số phiếu đồng ý (kiểm lại)”');

  await click(button(t.columnMap.choose, warning));
  await until(() => !!dialog(), 'the dialog');
  const d = dialog()!;
  await choose(select('column-map-agree', d), 'E');
  await click(button(t.columnMap.save, d));
  await until(() => !dialog(), 'the dialog to close');
  await until(() => !pane().querySelector('[data-testid="unsure-votes"]'), 'the warning to go');

  await click(button(t.taskpane.run, pane()));
  await until(() => text().includes(t.taskpane.written), 'the run');
  const ws = (await session.view()).getWorksheet('KP HN cán bộ')!;
  // Nguyễn Văn An's recount: 12 of 20, 60%.
  let an = 0;
  ws.eachRow((row, n) => {
    if (row.getCell(2).value === 'Nguyễn Văn An') an = n;
  });
  expect(ws.getCell(an, 6).value).toBe(0.6);
});
