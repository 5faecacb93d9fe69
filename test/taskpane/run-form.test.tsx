/** @jest-environment jsdom */
/**
 * The task pane's run form, driven as a user would (jsdom, React 19, Fluent UI v9) against the
 * xlsx session holding a golden workbook in memory: the step and sheets found, the quorum verdict
 * as the numbers change, Run and its counts, the head's decision on a tie, an error linked to its
 * cell, the result sheets and undo.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { XlsxSession } from '../../src/hosts/xlsx/session';
import { runPipeline } from '../../src/workbook/pipeline';
import { App } from '../../src/taskpane/App';
import type { Lang } from '../../src/i18n';
import { button, byTestId, click, input, mount, pane, text, type, until as paneUntil, usePaneDom } from '../support/pane-dom';

usePaneDom();
jest.setTimeout(30_000);

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', name));

/** Waits up to 2 s (200 × 10 ms) until the pane shows what is expected: the run reads and writes asynchronously. */
const until = (ok: () => boolean, what?: string) => paneUntil(ok, what, 200);

async function open(name: string, lang: Lang = 'vi') {
  const session = await XlsxSession.load(fixture(name), () => '2026-11-25T10:00');
  await mount(<App lang={lang} host={{ inExcel: true, displayLanguage: lang === 'vi' ? 'vi-VN' : 'en-US' }} session={session} />);
  await until(() => (pane().querySelector<HTMLSelectElement>('[data-testid="sheet-votes"]')?.value ?? '') !== '');
  return session;
}

test('the step in the words of the text, the sheets found and the conference numbers as read', async () => {
  await open('next-term-3-leadership.xlsx');
  expect(byTestId('step-title').textContent).toBe('Xây dựng quy hoạch giai đoạn kế tiếp (nguồn tại chỗ) — Bước 3: Hội nghị tập thể lãnh đạo');
  expect(byTestId<HTMLSelectElement>('sheet-roster').value).toBe('DS trich ngang');
  expect(byTestId<HTMLSelectElement>('sheet-votes').value).toBe('KP lãnh đạo');
  expect(input('conference-convened').value).toBe('9');
  expect(input('conference-present').value).toBe('8');
  expect(byTestId('quorum').textContent).toBe('Hội nghị hợp lệ: 8/9 có mặt, cần ít nhất 6');
  // The quota in its own words, the number of people on the list apart from it.
  expect(text()).toContain('Trưởng phòng: số lượng quy hoạchDanh sách có 5 người');
  expect(text()).toContain('Chọn trang kết quả rồi nhấn Ctrl+P');
});

test('the quorum verdict follows the numbers typed in, and nothing is written', async () => {
  const session = await open('next-term-3-leadership.xlsx');
  const before = (await session.view()).worksheets.map((w) => w.name);
  await type(input('conference-present'), '6');
  expect(byTestId('quorum').textContent).toBe('Hội nghị hợp lệ: 6/9 có mặt, cần ít nhất 6');
  await type(input('conference-present'), '5');
  expect(byTestId('quorum').textContent).toBe('Hội nghị không hợp lệ: 5/9 có mặt, cần ít nhất 6 — không xét kết quả');
  expect((await session.view()).worksheets.map((w) => w.name)).toEqual(before);
  // Run with too few present: an error, nothing written.
  await click(button('Chạy'));
  await until(() => text().includes('chưa ghi gì'));
  expect(text()).toContain('2/3');
  expect((await session.view()).worksheets.map((w) => w.name)).toEqual(before);
});

test('Run writes the shortlist and shows the counts; the head’s decision completes the tie; undo restores the shortlist', async () => {
  const session = await open('next-term-3-leadership.xlsx');
  await click(button('Chạy'));
  await until(() => text().includes('Đã ghi kết quả'));
  const counts = byTestId('counts').textContent ?? '';
  expect(counts).toContain('Được giới thiệu 4');
  expect(counts).toContain('Chờ người đứng đầu quyết định 2');
  expect((await session.view()).getWorksheet('KQ Kế tiếp B3')).toBeDefined();
  expect((await session.view()).getWorksheet('BB Kế tiếp B3')).toBeDefined();
  const firstShortlist = await sheetText(session, 'KQ Kế tiếp B3');

  // The result sheets, shown on request.
  await click(button('Xem danh sách kết quả'));
  await click(button('Xem biên bản kiểm phiếu'));
  expect(session.selected).toEqual([
    { sheet: 'KQ Kế tiếp B3', cell: 'A1' },
    { sheet: 'BB Kế tiếp B3', cell: 'A1' },
  ]);

  // The head chooses Lê Văn Cường of the two tied for the last "Trưởng phòng" place.
  expect(text()).toContain('Trưởng phòng: chọn 1 người');
  const decide = button('Ghi quyết định và chạy lại');
  expect(decide.disabled).toBe(true);
  const box = [...pane().querySelectorAll<HTMLInputElement>('input[type="checkbox"]')].find((c) => c.closest('span, div')?.textContent?.includes('Lê Văn Cường'));
  expect(box).toBeDefined();
  await click(box!);
  await type(input('head-name'), 'Nguyễn Văn Thủ');
  expect(input('head-date').value).toBe('25/11/2026'); // today, from the session's clock, day first
  await type(input('head-date'), '31/02/2026');
  expect(button('Ghi quyết định và chạy lại').disabled).toBe(true); // not a day of the calendar
  await type(input('head-date'), '24/11/2026');
  expect(text()).toContain('Tức ngày 24 tháng 11 năm 2026');
  expect(button('Ghi quyết định và chạy lại').disabled).toBe(false);
  await click(button('Ghi quyết định và chạy lại'));
  await until(() => !text().includes('Chờ người đứng đầu quyết định 2') && text().includes('Đã ghi kết quả'));
  expect(byTestId('counts').textContent).toContain('Được giới thiệu 5');
  expect(byTestId('counts').textContent).not.toContain('Chờ người đứng đầu');
  const rerun = runPipeline((await session.read()), { procedure: 'next-term', lang: 'vi' });
  expect(rerun.result?.people.find((p) => p.name === 'Lê Văn Cường')?.outcome).toBe('selected');
  expect(await sheetText(session, 'KQ Kế tiếp B3')).toContain('Nguyễn Văn Thủ');
  expect(await sheetText(session, 'KQ Kế tiếp B3')).toContain('24/11/2026');
  // The pane says who decided, when and whom; the decision record is one of the result sheets.
  expect(byTestId('decision').textContent).toContain('Trưởng phòng: ngày 24/11/2026, người đứng đầu Nguyễn Văn Thủ đã chọn Lê Văn Cường; không chọn Phạm Thị Dung.');
  await click(button('Xem quyết định của người đứng đầu'));
  expect(session.selected[session.selected.length - 1]).toEqual({ sheet: 'QĐ Kế tiếp B3', cell: 'A1' });

  // Undo: the shortlist as the first run left it, the tie open again.
  await click(button('Hoàn tác lần chạy gần nhất'));
  await until(() => text().includes('Đã hoàn tác'));
  expect(await sheetText(session, 'KQ Kế tiếp B3')).toBe(firstShortlist);
  const undone = runPipeline((await session.read()), { procedure: 'next-term', lang: 'vi' });
  expect(undone.result?.people.find((p) => p.name === 'Lê Văn Cường')?.outcome).toBe('awaiting-head');
});

test('an error is a link to its cell, and nothing is written', async () => {
  const session = await open('error-not-a-number.xlsx');
  const before = (await session.view()).worksheets.map((w) => w.name);
  await click(button('Chạy'));
  await until(() => text().includes('chưa ghi gì'));
  const links = [...byTestId('diagnostics').querySelectorAll('button')];
  const link = links.find((l) => l.textContent?.includes('“bảy” không phải là số'));
  expect(link?.textContent).toBe("'KP HN cán bộ'!E12: “bảy” không phải là số (số phiếu đồng ý của Nguyễn Văn An).");
  await click(link!);
  expect(session.selected).toEqual([{ sheet: 'KP HN cán bộ', cell: 'E12' }]);
  expect((await session.view()).worksheets.map((w) => w.name)).toEqual(before);
});

test('English when Office’s display language is not Vietnamese', async () => {
  await open('next-term-3-leadership.xlsx', 'en');
  expect(byTestId('quorum').textContent).toBe('Conference valid: 8/9 present, at least 6 needed');
  expect(text()).toContain('Run one step of a procedure');
});

test('without a workbook session the form is disabled, with a note, and the rules are shown', async () => {
  await mount(<App lang="vi" host={{ inExcel: false, displayLanguage: null }} />);
  await until(() => text().includes('Cần mở một sổ tính trong Excel'));
  expect(text()).toContain('Phụ lục 12 (2022)');
  expect(button('Chạy').disabled).toBe(true);
});

/** A sheet's cells as text, row by row. */
async function sheetText(session: XlsxSession, name: string): Promise<string> {
  const ws = (await session.view()).getWorksheet(name);
  if (!ws) return '';
  const rows: string[] = [];
  ws.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).map((v) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v))).join('|')));
  return rows.join('\n');
}
