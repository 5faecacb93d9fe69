import { mkdirSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { servedBuild, watchPage } from '../support/built-pages';
import { layoutProblems } from '../support/layout-check';
import { modelOfFixture } from '../support/model-of';
import { excelHostScript, installExcel, serveOfficeJs } from '../support/office-browser';

/**
 * The task pane at Excel's task-pane width (320 and 350 px) and the workbench in a window as narrow,
 * in Debian's Chromium on the built pages: in every state a user meets — opening, after a run, with
 * errors, a tie awaiting the head, the head's decision refused and recorded, the profile editor
 * open, outside Office — nothing runs past the window or out of its box, no control lies over
 * another or over text, no list or field shows its text cut, fields side by side are level
 * (test/support/layout-check.ts). The workbench stacks its pane under the grid. Along the way: the
 * head's date typed dd/mm/yyyy in an en-US browser, the decision's form kept when the decision is
 * refused, and the pane saying who decided whom. Screenshots of every state: SHOTS=<dir>.
 */
const built = servedBuild('taskpane.html', excelHostScript);
const WIDTHS = [320, 350];
const SHOTS = process.env.SHOTS;
if (SHOTS) mkdirSync(SHOTS, { recursive: true });

const opened: { page: Page; foreign: string[]; errors: string[] }[] = [];
afterEach(async () => {
  for (const o of opened.splice(0)) {
    expect(o.errors).toEqual([]);
    expect(o.foreign).toEqual([]);
    await o.page.close();
  }
});

async function open(path: string, width: number, fixture?: string): Promise<Page> {
  // An en-US browser: the head's date must still be typed and read day first.
  const context = await built.browser.newContext({ viewport: { width, height: 800 }, locale: 'en-US' });
  const page = await context.newPage();
  const o = { page, ...watchPage(page, built.url) };
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith("Framing 'https://telemetryservice")) o.errors.push(m.text());
  });
  opened.push(o);
  // Microsoft's office.js (served for its CDN address); in Excel, the Excel side simulated over the fixture.
  if (fixture) await installExcel(page, await modelOfFixture(fixture));
  else if (path.startsWith('taskpane')) await serveOfficeJs(page);
  await page.goto(`${built.url}/${path}`);
  return page;
}

async function enabled(page: Page, name: string) {
  const button = page.getByRole('button', { name, exact: true });
  await button.waitFor({ timeout: 20_000 });
  for (let i = 0; i < 300 && !(await button.isEnabled()); i++) await page.waitForTimeout(50);
  return button;
}

/** Nothing broken in `root` (and the page no wider than the window); a screenshot when asked. */
async function expectLaidOut(page: Page, state: string, root = 'body') {
  await page.waitForTimeout(300); // Fluent's transitions
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${state.replace(/[^a-z0-9]+/gi, '-')}.png`), fullPage: true });
  expect({ state, problems: await layoutProblems(page, root) }).toEqual({ state, problems: [] });
}

describe.each(WIDTHS)('the task pane in Excel, %i px wide', (width) => {
  test('opening, a run with a tie awaiting the head, the decision refused then recorded, the profile editor', async () => {
    const page = await open('taskpane.html', width, 'next-term-3-leadership.xlsx');
    await (await enabled(page, 'Chạy')).waitFor();
    await page.getByTestId('profile-rules').waitFor();
    await expectLaidOut(page, `pane-${width}-opening`);

    await (await enabled(page, 'Chạy')).click();
    await page.getByTestId('notice').filter({ hasText: 'Đã ghi kết quả vào sổ tính.' }).waitFor({ timeout: 20_000 });
    await page.getByRole('checkbox', { name: /Lê Văn Cường/ }).waitFor();
    await expectLaidOut(page, `pane-${width}-tie-awaiting`);

    // The date typed day first in an en-US browser, read back in words.
    const date = page.getByLabel('Ngày quyết định');
    await date.fill('04/12/2026');
    expect(await page.getByText('Tức ngày 04 tháng 12 năm 2026').count()).toBe(1);
    await page.getByLabel('Họ tên người đứng đầu').fill('Nguyễn Văn Thủ');
    // Both tied people for the one place: refused (E-DECISION-TOO-MANY), the form and its choices kept.
    await page.getByRole('checkbox', { name: /Lê Văn Cường/ }).check();
    await page.getByRole('checkbox', { name: /Phạm Thị Dung/ }).check();
    await (await enabled(page, 'Ghi quyết định và chạy lại')).click();
    await page.getByTestId('diagnostics').filter({ hasText: 'chỉ còn 1 chỗ' }).waitFor({ timeout: 20_000 });
    expect(await page.getByRole('checkbox', { name: /Phạm Thị Dung/ }).isChecked()).toBe(true);
    expect(await date.inputValue()).toBe('04/12/2026');
    await expectLaidOut(page, `pane-${width}-decision-refused`);

    await page.getByRole('checkbox', { name: /Lê Văn Cường/ }).uncheck();
    await (await enabled(page, 'Ghi quyết định và chạy lại')).click();
    await page.getByTestId('decision').waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('decision').innerText()).toContain('Trưởng phòng: ngày 04/12/2026, người đứng đầu Nguyễn Văn Thủ đã chọn Phạm Thị Dung; không chọn Lê Văn Cường.');
    expect(await page.getByRole('checkbox').count()).toBe(0);
    await expectLaidOut(page, `pane-${width}-decided`);

    await page.getByRole('button', { name: 'Sao chép để sửa' }).click();
    await page.getByRole('button', { name: 'Lưu vào sổ tính' }).waitFor({ timeout: 20_000 });
    await expectLaidOut(page, `pane-${width}-profile-editor`);
  });

  test('with errors: the red bar and the messages wrap within their cards', async () => {
    const page = await open('taskpane.html', width, 'error-not-a-number.xlsx');
    await (await enabled(page, 'Chạy')).click();
    await page.getByTestId('diagnostics').waitFor({ timeout: 20_000 });
    await expectLaidOut(page, `pane-${width}-errors`);
  });

  test('outside Office: the rules, and where to run without Excel (the workbench)', async () => {
    const page = await open('taskpane.html', width);
    await page.getByTestId('profile-rules').waitFor({ timeout: 20_000 });
    expect(await page.getByRole('link', { name: 'Mở trang làm việc trên trình duyệt' }).getAttribute('href')).toBe('workbench.html');
    await expectLaidOut(page, `pane-${width}-outside-office`);
  });
});

describe.each(WIDTHS)('the workbench in a window %i px wide', (width) => {
  test('the welcome page, then a sample run: the pane under the grid, nothing past the window', async () => {
    const page = await open('workbench.html', width);
    await page.getByTestId('welcome').waitFor({ timeout: 20_000 });
    await expectLaidOut(page, `workbench-${width}-welcome`);

    await page.goto(`${built.url}/workbench.html?sample=quy-hoach-nhiem-ky-toi.xlsx`);
    await page.getByTestId('file-name').waitFor({ timeout: 30_000 });
    await page.getByLabel('Bước', { exact: true }).selectOption('3');
    await (await enabled(page, 'Chạy')).click();
    await page.getByTestId('counts').waitFor({ timeout: 30_000 });
    const [grid, pane] = await Promise.all([page.locator('section').first().boundingBox(), page.locator('aside').boundingBox()]);
    expect(pane!.y).toBeGreaterThanOrEqual(grid!.y + grid!.height - 1);
    expect(pane!.width).toBeLessThanOrEqual(width);
    expect(grid!.width).toBeLessThanOrEqual(width);
    // The grid's cells spill over each other as in Excel: the pane and the header are measured.
    await expectLaidOut(page, `workbench-${width}-run`, 'aside');
    expect(await layoutProblems(page, 'header')).toEqual([]);
  });
});
