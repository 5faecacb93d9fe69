import { join } from 'path';
import { servedBuild, watchPage } from '../support/built-pages';
import { serveOfficeJs } from '../support/office-browser';

/**
 * The built task pane (npm run build → dist/) loads in real Chromium outside Excel and shows
 * the engine's rule profile in Vietnamese (and English on request), contacting no other origin
 * (office.js's CDN URL is served by the test).
 */
const built = servedBuild('taskpane.html');

async function open(query = '') {
  const page = await built.browser.newPage({ viewport: { width: 360, height: 900 } });
  const { foreign, errors } = watchPage(page, built.url);
  await serveOfficeJs(page);
  await page.goto(`${built.url}/taskpane.html${query}`);
  await page.getByTestId('profile-rules').waitFor({ timeout: 15_000 });
  return { page, foreign, errors };
}

test('the task pane shows the default profile "Phụ lục 12 (2022)" in Vietnamese, every rule with its ID', async () => {
  const { page, foreign, errors } = await open();
  const text = await page.locator('main').innerText();
  expect(text).toContain('Phụ lục 12 (2022)');
  expect(text).toContain('Hội nghị hợp lệ khi có ít nhất 2/3 số người được triệu tập có mặt');
  expect(text).toContain('trên 30% số người có mặt (10 × số phiếu đồng ý > 3 × số người có mặt)');
  expect(text).toContain('trên 50% số người được triệu tập');
  for (const id of ['QUORUM', 'N30', 'RM50', 'L50', 'L50C', 'TOP', 'TIE', 'ANNOUNCE', 'ELIG', 'STRUCT']) expect(text).toContain(id);
  expect(text).toContain('Trang đang mở ngoài Excel');
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('vi');
  await page.screenshot({ path: join(__dirname, '..', '..', 'docs', 'images', 'taskpane-profile.png'), fullPage: true });
  expect(errors).toEqual([]);
  expect(foreign).toEqual([]);
  await page.close();
});

test('?lang=en shows the same profile in English', async () => {
  const { page, errors } = await open('?lang=en');
  const text = await page.locator('main').innerText();
  expect(text).toContain('A conference is valid when at least 2/3 of those convened are present');
  expect(text).toContain('more than 30% of those present');
  expect(errors).toEqual([]);
  await page.close();
});
