import type { Page } from 'playwright-core';
import { servedBuild, watchPage } from '../support/built-pages';
import { serveOfficeJs } from '../support/office-browser';

/**
 * The profile editor by keyboard alone, in the built task pane in real Chromium (outside Excel:
 * the profile is applied to the pane, there is no workbook to save it in): Tab reaches "Sao chép
 * để sửa", Enter opens the editor with the focus in its first field, Tab moves through the fields,
 * the N30 words and arithmetic follow what is typed, Enter in a field saves, "Về mặc định" returns.
 */
const built = servedBuild('taskpane.html');

/** Presses Tab until the focused element matches, at most `max` times; returns how many presses. */
/** The element Tab should reach: a button by its text, or an element by its data-testid (no code run in the page: its CSP refuses eval). */
type Target = { button: string } | { testId: string };

async function tabTo(page: Page, target: Target, max = 80): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    const reached = await page.evaluate((t) => {
      const el = document.activeElement;
      if (!el) return false;
      return 'button' in t ? el.tagName === 'BUTTON' && el.textContent?.trim() === t.button : el.getAttribute('data-testid') === t.testId;
    }, target);
    if (reached) return i;
  }
  throw new Error(`Tab never reached ${JSON.stringify(target)}`);
}

test('copy, edit N30 to 1/3 and save, then back to the default — by keyboard alone', async () => {
  const page = await built.browser.newPage({ viewport: { width: 360, height: 900 } });
  const { errors } = watchPage(page, built.url);
  await serveOfficeJs(page);
  await page.goto(`${built.url}/taskpane.html`);
  await page.getByTestId('profile-rules').waitFor({ timeout: 15_000 });

  await tabTo(page, { button: 'Sao chép để sửa' });
  await page.keyboard.press('Enter');
  await page.getByTestId('profile-editor').waitFor({ timeout: 15_000 });
  // The editor opens with the focus in its first field, the name of the copy.
  await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'profile-name');
  expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe('Phụ lục 12 (2022) — bản sửa của đơn vị');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('Quy chế của Sở');

  await tabTo(page, { testId: 'ratio-nomination-num' }, 20);
  await page.keyboard.press('Control+A');
  await page.keyboard.type('1');
  await page.keyboard.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('ratio-nomination-den');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('3');
  expect(await page.getByTestId('words-nomination').innerText()).toContain('trên 1/3 số người có mặt (3 × số phiếu đồng ý > 1 × số người có mặt)');

  // Enter in a field submits the editor.
  await page.keyboard.press('Enter');
  await page.getByText('Đã áp dụng bộ quy tắc').waitFor({ timeout: 15_000 });
  const shown = await page.locator('main').innerText();
  expect(shown).toContain('Bộ quy tắc đang dùng: Quy chế của Sở');
  expect(shown).toContain('Khác Phụ lục 12');
  expect(shown).toContain('trên 1/3 số người có mặt');

  await tabTo(page, { button: 'Về mặc định' });
  await page.keyboard.press('Enter');
  await page.getByText('Đã trở về bộ quy tắc Phụ lục 12').waitFor({ timeout: 15_000 });
  expect(await page.locator('main').innerText()).toContain('Bộ quy tắc đang dùng: Phụ lục 12 (2022)');
  expect(errors).toEqual([]);
  await page.close();
});
