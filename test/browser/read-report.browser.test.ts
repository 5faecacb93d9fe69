import { join } from 'path';
import type { Page } from 'playwright-core';
import { servedBuild, watchPage } from '../support/built-pages';

/**
 * The "Đã đọc" report and the procedure inferred, in the built workbench (npm run build →
 * dist/workbench.html) in Debian's Chromium, as a new user meets them: the sample with removal votes
 * opened with no choice made runs the annual review (II.1 step 1) and says why; a count laid out
 * after a youth union's minutes (TCVN3 names, "Có mặt: 20/25 …", votes "12/20 phiếu (60%)") is read,
 * and the report, expanded, says which column fed what. Screenshots: docs/images/workbench-read*.png.
 */
const root = join(__dirname, '..', '..');
const images = join(root, 'docs', 'images');
const built = servedBuild('workbench.html');

async function open(query: string, width = 1280): Promise<{ page: Page; foreign: string[]; errors: string[] }> {
  const page = await built.browser.newPage({ viewport: { width, height: 900 } });
  const watched = watchPage(page, built.url);
  await page.goto(`${built.url}/workbench.html${query}`);
  return { page, ...watched };
}

test('the removal sample, no choice made: the annual review inferred and why; Run removes', async () => {
  const { page, foreign, errors } = await open('?sample=ra-soat-bo-sung-tai-cho.xlsx');
  await page.getByTestId('inferred').waitFor({ timeout: 30_000 });
  expect(await page.getByTestId('step-title').innerText()).toContain('Rà soát, bổ sung quy hoạch hằng năm — nguồn tại chỗ — Bước 1');
  expect(await page.getByTestId('inferred').innerText()).toMatch(/vì trang “KP rà soát 2026” có cột số phiếu đưa ra khỏi quy hoạch/);
  await page.getByRole('button', { name: 'Chạy', exact: true }).click();
  await page.getByTestId('counts').filter({ hasText: 'Đưa ra khỏi quy hoạch 1' }).waitFor({ timeout: 30_000 });
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
  await page.close();
});

test('a count after a youth union’s minutes: read, and the report expanded says what fed what', async () => {
  const { page, foreign, errors } = await open('');
  await page.getByTestId('open-file').setInputFiles(join(root, 'test', 'fixtures', 'family-3-prose-fractions.xlsx'));
  await page.getByTestId('read-report').waitFor({ timeout: 30_000 });
  const heading = page.locator('#read-heading');
  expect(await heading.innerText()).toBe('Đã đọc: “Danh sách trích ngang” 8 dòng (11–18), “Biên bản kiểm phiếu” 4 dòng (11–14)');
  await heading.getByRole('button').click();
  const details = await page.getByTestId('read-sheets').innerText();
  expect(details).toContain('Họ và tên ← B “Họ và tên”');
  expect(details).toContain('Số phiếu đồng ý ← D “Số phiếu đồng ý”');
  expect(details).toContain('hết bảng ở dòng 16 (khối chữ ký)');
  // The count as the office laid it out, beside the report.
  await page.getByTestId('sheet-tabs').getByRole('tab', { name: 'Biên bản kiểm phiếu' }).click();
  await page.getByTestId('read-report').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(images, 'workbench-read.png') });
  await page.getByRole('button', { name: 'Chạy', exact: true }).click();
  await page.getByTestId('counts').filter({ hasText: 'Đạt 3' }).waitFor({ timeout: 30_000 });
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
  await page.close();
});
