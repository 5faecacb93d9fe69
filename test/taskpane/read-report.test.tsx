/** @jest-environment jsdom */
/**
 * The task pane's "Đã đọc" section (src/taskpane/ReadReport.tsx), driven as a user would: what the
 * run inferred from the workbook and why, a short line per sheet, expandable to which column fed
 * each field and what was passed over; the workbench's own sample with removal votes runs the
 * annual review (II.1 step 1), not next-term step 2, with no choice made.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { XlsxSession } from '../../src/hosts/xlsx/session';
import { App } from '../../src/taskpane/App';
import type { Lang } from '../../src/i18n';
import { button, byTestId, click, mount, pane, text, until as paneUntil, usePaneDom } from '../support/pane-dom';

usePaneDom();
jest.setTimeout(30_000);

const until = (ok: () => boolean, what?: string) => paneUntil(ok, what, 200);

async function open(file: string, lang: Lang = 'vi') {
  const session = await XlsxSession.load(readFileSync(file), () => '2026-11-25T10:00');
  await mount(<App lang={lang} host={{ inExcel: true, displayLanguage: lang === 'vi' ? 'vi-VN' : 'en-US' }} session={session} />);
  await until(() => pane().querySelector('[data-testid="read-report"]') !== null, 'the read report');
  return session;
}

const fixture = (name: string) => join(__dirname, '..', 'fixtures', name);

test('the sample with removal votes: the annual review inferred and why, before any run; Run removes and nominates', async () => {
  const session = await open(join(__dirname, '..', '..', 'samples', 'ra-soat-bo-sung-tai-cho.xlsx'));
  expect(byTestId('step-title').textContent).toBe('Rà soát, bổ sung quy hoạch hằng năm — nguồn tại chỗ — Bước 1: Hội nghị cán bộ, công chức, viên chức (đưa ra khỏi và giới thiệu bổ sung)');
  expect(byTestId('inferred').textContent).toMatch(/^Suy ra từ sổ tính: .*vì trang “KP rà soát 2026” có cột số phiếu đưa ra khỏi quy hoạch \(E/);
  await click(button('Chạy'));
  await until(() => text().includes('Đã ghi kết quả'));
  expect(byTestId('counts').textContent).toContain('Đưa ra khỏi quy hoạch 1');
  expect((await session.view()).getWorksheet('KQ Hằng năm B1')).toBeDefined();
});

test('"Đã đọc": a short line per sheet, expanded to the columns read and the rows passed over', async () => {
  await open(fixture('family-2-sections-blank-rows.xlsx'));
  const heading = pane().querySelector('#read-heading');
  const toggle = heading?.querySelector('button') ?? heading?.closest('button');
  expect(pane().querySelector('#read-heading')?.textContent).toBe('Đã đọc: “Danh sách trích ngang” 8 dòng (11–18), “KP chi bộ” 6 dòng (13–22)');
  expect(pane().querySelector('[data-testid="read-sheets"]')).toBeNull();
  if (!toggle) throw new Error('no toggle for "Đã đọc"');
  await click(toggle);
  const details = byTestId('read-sheets').textContent ?? '';
  expect(details).toContain('Đã đọc “KP chi bộ” (kết quả kiểm phiếu)');
  expect(details).toContain('Số phiếu đồng ý ← D “Số phiếu đồng ý”');
  expect(details).toContain('bỏ qua 12 (dòng mục), 16 (dòng trống), 17 (dòng mục)');
});

test('in English', async () => {
  await open(fixture('family-5-vote-columns-years.xlsx'), 'en');
  expect(byTestId('inferred').textContent).toMatch(/^Inferred from the workbook: .*Step 2/);
  expect(pane().querySelector('#read-heading')?.textContent).toMatch(/^Read: “Danh sách trích ngang” 8 rows \(11–18\), “KP HN cán bộ” 4 rows \(12–15\)$/);
});
