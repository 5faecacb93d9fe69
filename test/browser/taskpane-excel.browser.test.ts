import { readFileSync } from 'fs';
import { join } from 'path';
import type { Page } from 'playwright-core';
import { messages } from '../../src/i18n';
import { servedBuild, watchPage } from '../support/built-pages';
import { modelOfFixture } from '../support/model-of';
import { excelHostScript, installExcel, OFFICE_JS_URL, serveOfficeJs } from '../support/office-browser';

/**
 * The built task pane (dist/taskpane.html, the production build unchanged) in Debian's Chromium,
 * "inside Excel" on Microsoft's own office.js: the page loads it from its CDN URL, which the test
 * serves from @microsoft/office-js, and office.js finds Excel desktop's side of its channel
 * (test/support/office-browser.ts): the Excel host simulation, whose workbook is read back to check
 * what Excel holds. Driven as a user would: the step, the quorum line, Run, the counts, the head's
 * decision on a tie (TIE), a result sheet shown, undo; an error linked to its cell; and axe-core finds
 * no violation, in light and dark theme, in Vietnamese and English. Any page error, any breach of
 * the page's Content-Security-Policy, or any request to another origin (office.js's CDN folder
 * aside) fails the test.
 */
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const built = servedBuild('taskpane.html', excelHostScript);

type Values = (string | number | boolean | null)[][];
interface Opened {
  page: Page;
  /** Requests to any origin but the pane's own, page errors and console errors: all must stay empty. */
  foreign: string[];
  errors: string[];
  /** Frames the page's Content-Security-Policy refused. */
  blocked: string[];
  /** What the page fetched from office.js's CDN folder (served by the test). */
  officeJs: string[];
}
const TELEMETRY = 'https://telemetryservice.firstpartyapps.oaspapps.com/';
const opened: Opened[] = [];
const watched = (page: Page): Opened => opened.find((x) => x.page === page)!;

afterEach(async () => {
  for (const o of opened.splice(0)) {
    expect(o.errors).toEqual([]);
    expect(o.foreign).toEqual([]);
    await o.page.close();
  }
});

/** The pane in Excel (holding `fixture`), or outside Office (no fixture), ready to use. */
async function open(fixture: string | undefined, options: { displayLanguage?: string; dark?: boolean } = {}): Promise<Page> {
  const page = await built.browser.newPage({ viewport: { width: 360, height: 900 } });
  const o: Opened = { page, ...watchPage(page, built.url), blocked: [], officeJs: [] };
  opened.push(o);
  page.on('console', (m) => {
    if (m.type() !== 'error') return;
    // office.js's telemetry frame, refused by the pane's Content-Security-Policy (src/taskpane/taskpane.html).
    if (m.text().startsWith(`Framing '${TELEMETRY}'`)) o.blocked.push(TELEMETRY);
    else o.errors.push(`${m.text()} (${m.location().url})`);
  });
  await page.addInitScript({ content: axeSource });
  o.officeJs = fixture ? await installExcel(page, await modelOfFixture(fixture), options) : await serveOfficeJs(page);
  await page.goto(`${built.url}/taskpane.html`);
  await page.getByTestId('profile-rules').waitFor({ timeout: 15_000 });
  if (fixture) await enabled(page.getByRole('button', { name: runLabel(options.displayLanguage), exact: true }));
  return page;
}

const runLabel = (displayLanguage = 'vi-VN') => (displayLanguage.startsWith('vi') ? 'Chạy' : 'Run');

async function enabled(locator: ReturnType<Page['getByRole']>): Promise<void> {
  await locator.waitFor();
  for (let i = 0; i < 300 && !(await locator.isEnabled()); i++) await new Promise((r) => setTimeout(r, 50));
  if (!(await locator.isEnabled())) throw new Error(`${locator} stayed disabled`);
}

/** What Excel's workbook holds. */
const excel = {
  values: (page: Page, sheet: string) => page.evaluate((s) => (window as unknown as QhWindow).__QH_EXCEL__.values(s), sheet),
  sheetNames: (page: Page) => page.evaluate(() => (window as unknown as QhWindow).__QH_EXCEL__.sheetNames()),
  active: (page: Page) => page.evaluate(() => (window as unknown as QhWindow).__QH_EXCEL__.active()),
  requests: (page: Page) => page.evaluate(() => (window as unknown as QhWindow).__QH_EXCEL__.requests()),
};
interface QhWindow {
  __QH_EXCEL__: {
    values: (sheet: string) => Values;
    sheetNames: () => string[];
    active: () => { sheet?: string; selected?: string };
    requests: () => { bytes: number; actions: number; flags: number; error?: string }[];
  };
}

const text = (page: Page, testId: string) => page.getByTestId(testId).innerText();
const flat = (values: Values) => values.flat().filter((v) => v !== null).map(String);
/** The row of a sheet naming `name`. */
const rowOf = (values: Values, name: string) => values.find((row) => row.some((v) => v === name)) ?? [];

async function noticeSays(page: Page, words: string): Promise<void> {
  await page.getByTestId('notice').filter({ hasText: words }).waitFor({ timeout: 15_000 });
}

/** axe-core (its own source injected, no URL) on the whole page: no violation. */
async function expectAccessible(page: Page, where: string): Promise<void> {
  // Given before the page's scripts (an init script): the page's Content-Security-Policy refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) throw new Error('axe-core was not given to the page');
  // The pane at rest: no run in progress, no transition half way (a colour between two is no colour a user reads).
  await page.getByRole('button', { name: new RegExp(`^(${messages('vi').taskpane.working}|${messages('en').taskpane.working})$`) }).waitFor({ state: 'detached' });
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished)));
  const { passed, violations } = await page.evaluate(async () => {
    type Rule = { id: string; impact: string; help: string; nodes: { target: string[]; failureSummary: string }[] };
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return { passed: result.passes.length, violations: result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary}`) })) };
  });
  expect({ where, violations }).toEqual({ where, violations: [] });
  expect(passed).toBeGreaterThan(10); // axe did look: contrast, names, labels, landmarks…
}

test('in Excel: step 3, the quorum, Run and its counts, the head’s decision written to the workbook, a result sheet shown, undo', async () => {
  const page = await open('next-term-3-leadership.xlsx');
  const input = Object.fromEntries(await Promise.all((await excel.sheetNames(page)).map(async (s) => [s, await excel.values(page, s)] as const)));
  const requestsAtStart = (await excel.requests(page)).length;

  // The step, in the words of the text; the sheets found; the quorum line (QUORUM) from the sheet's numbers.
  await page.getByLabel('Quy trình', { exact: true }).selectOption('next-term');
  await page.getByLabel('Bước', { exact: true }).selectOption('3');
  expect(await text(page, 'step-title')).toBe('Xây dựng quy hoạch giai đoạn kế tiếp (nguồn tại chỗ) — Bước 3: Hội nghị tập thể lãnh đạo');
  expect(await page.getByTestId('sheet-votes').inputValue()).toBe('KP lãnh đạo');
  expect(await page.getByLabel('Số người được triệu tập').inputValue()).toBe('9');
  expect(await page.getByLabel('Số người có mặt').inputValue()).toBe('8');
  expect(await text(page, 'quorum')).toBe('Hội nghị hợp lệ: 8/9 có mặt, cần ít nhất 6');

  // Run: the counts; a tie at the last "Trưởng phòng" place is left to the head (TIE).
  await page.getByRole('button', { name: 'Chạy', exact: true }).click();
  await noticeSays(page, 'Đã ghi kết quả vào sổ tính.');
  const counts = await text(page, 'counts');
  expect(counts).toContain('Được giới thiệu 4');
  expect(counts).toContain('Chờ người đứng đầu quyết định 2');
  expect(await excel.sheetNames(page)).toEqual(expect.arrayContaining(['KQ Kế tiếp B3', 'BB Kế tiếp B3']));
  const firstShortlist = await excel.values(page, 'KQ Kế tiếp B3');
  expect(flat(firstShortlist)).toContain('Lê Văn Cường');

  // Round trips: a Run is a read, the check that nothing changed since, and the write — one request
  // each at this size, every one asking Excel to wait while a cell is being edited (delayForCellEdit).
  const requests = (await excel.requests(page)).slice(requestsAtStart);
  console.log(`Microsoft's office.js: a Run sent ${requests.length} requests (read, check, write) of ${requests.map((r) => `${r.actions} actions, ${(r.bytes / 1024).toFixed(0)} KB`).join('; ')}`);
  expect(requests.map((r) => ({ delayed: Boolean(r.flags & 64), error: r.error }))).toEqual([{ delayed: true }, { delayed: true }, { delayed: true }]);
  expect(watched(page).officeJs).toEqual([OFFICE_JS_URL, OFFICE_JS_URL.replace('office.js', 'excel-win32-16.01.js'), OFFICE_JS_URL.replace('office.js', 'vi-vn/office_strings.js')]);

  await page.screenshot({ path: join(__dirname, '..', '..', 'docs', 'images', 'taskpane-run.png'), fullPage: true });

  // The head's decision: Lê Văn Cường of the two tied, by name and date; the run again.
  expect(await page.getByText('Trưởng phòng: chọn 1 người').count()).toBe(1);
  const record = page.getByRole('button', { name: 'Ghi quyết định và chạy lại' });
  expect(await record.isDisabled()).toBe(true);
  await page.getByRole('checkbox', { name: /Lê Văn Cường/ }).check();
  await page.getByLabel('Họ tên người đứng đầu').fill('Nguyễn Văn Thủ');
  expect(await page.getByLabel('Ngày quyết định').inputValue()).toMatch(/^\d{2}\/\d{2}\/\d{4}$/); // today, from the session's clock, day first
  await page.getByLabel('Ngày quyết định').fill('24/11/2026');
  await enabled(record);
  await record.click();
  await page.getByTestId('counts').filter({ hasText: 'Được giới thiệu 5' }).waitFor({ timeout: 15_000 });
  expect(await text(page, 'counts')).not.toContain('Chờ người đứng đầu');
  expect(await page.getByRole('button', { name: 'Ghi quyết định và chạy lại' }).count()).toBe(0);

  // What Excel now holds: the shortlist names the head and the date of the decision, and
  // Lê Văn Cường's row says he is put forward, where the first run left the tie open.
  const decided = await excel.values(page, 'KQ Kế tiếp B3');
  expect(flat(decided).join(' ')).toContain('Nguyễn Văn Thủ');
  expect(flat(decided).join(' ')).toContain('24/11/2026');
  expect(rowOf(firstShortlist, 'Lê Văn Cường').join(' ')).toContain('Chờ người đứng đầu quyết định');
  expect(rowOf(decided, 'Lê Văn Cường').join(' ')).toContain('Được giới thiệu');
  // The head's mark beside the one chosen, in the tie's column.
  expect(rowOf(firstShortlist, 'Lê Văn Cường')).not.toContain(messages('vi').sheets.chosenMark);
  expect(rowOf(decided, 'Lê Văn Cường')).toContain(messages('vi').sheets.chosenMark);
  expect(rowOf(decided, 'Phạm Thị Dung')).not.toContain(messages('vi').sheets.chosenMark);
  const votes = await excel.values(page, 'KP lãnh đạo');
  expect(rowOf(input['KP lãnh đạo'], 'Lê Văn Cường').join(' ')).not.toContain('Được giới thiệu');
  expect(rowOf(votes, 'Lê Văn Cường').join(' ')).toContain('Được giới thiệu'); // the result columns on the user's vote sheet
  console.log(`After the head's decision, Lê Văn Cường's row on 'KP lãnh đạo': ${JSON.stringify(rowOf(votes, 'Lê Văn Cường'))}; on the shortlist: ${JSON.stringify(rowOf(decided, 'Lê Văn Cường'))}`);

  // A result sheet shown: Excel's active sheet and selection move to it.
  await page.getByRole('button', { name: 'Xem danh sách kết quả' }).click();
  await page.waitForFunction(() => (window as unknown as QhWindow).__QH_EXCEL__.active().sheet === 'KQ Kế tiếp B3');
  expect(await excel.active(page)).toEqual({ sheet: 'KQ Kế tiếp B3', selected: 'KQ Kế tiếp B3!A1' });

  // Undo: the shortlist as the first run left it, the tie open again.
  await page.getByRole('button', { name: 'Hoàn tác lần chạy gần nhất' }).click();
  await noticeSays(page, 'Đã hoàn tác lần chạy gần nhất.');
  expect(await excel.values(page, 'KQ Kế tiếp B3')).toEqual(firstShortlist);
});

test('in Excel: Run then undo leaves the user’s sheets as they were, cell for cell', async () => {
  const page = await open('next-term-3-leadership.xlsx');
  const names = await excel.sheetNames(page);
  const input = await Promise.all(names.map((s) => excel.values(page, s)));
  await page.getByRole('button', { name: 'Chạy', exact: true }).click();
  await noticeSays(page, 'Đã ghi kết quả vào sổ tính.');
  expect(await excel.values(page, 'KP lãnh đạo')).not.toEqual(input[names.indexOf('KP lãnh đạo')]);
  await page.getByRole('button', { name: 'Hoàn tác lần chạy gần nhất' }).click();
  await noticeSays(page, 'Đã hoàn tác lần chạy gần nhất.');
  expect(await Promise.all(names.map((s) => excel.values(page, s)))).toEqual(input);
  expect(await excel.sheetNames(page)).toEqual(expect.arrayContaining(names));
  expect((await excel.sheetNames(page)).filter((s) => /^(KQ|BB) /.test(s))).toEqual([]);
});

test('in Excel: an error is a link to its cell, which Excel then shows; nothing is written', async () => {
  const page = await open('error-not-a-number.xlsx');
  const names = await excel.sheetNames(page);
  await page.getByRole('button', { name: 'Chạy', exact: true }).click();
  await noticeSays(page, 'chưa ghi gì');
  const link = page.getByTestId('diagnostics').getByRole('button', { name: /“bảy” không phải là số/ });
  expect(await link.innerText()).toBe("'KP HN cán bộ'!E12: “bảy” không phải là số (số phiếu đồng ý của Nguyễn Văn An).");
  await link.click();
  await page.waitForFunction(() => (window as unknown as QhWindow).__QH_EXCEL__.active().sheet === 'KP HN cán bộ');
  expect(await excel.active(page)).toEqual({ sheet: 'KP HN cán bộ', selected: 'KP HN cán bộ!E12' });
  expect(await excel.sheetNames(page)).toEqual(names);
});

describe.each([
  ['light', false],
  ['dark', true],
])('axe-core finds no violation (%s theme)', (_, dark) => {
  test('the pane on opening, after a run with its counts and the head’s form, and in English', async () => {
    const page = await open('next-term-3-leadership.xlsx', { dark });
    if (dark) expect(await page.evaluate(() => getComputedStyle(document.querySelector('.fui-FluentProvider')!).backgroundColor)).toBe('rgb(41, 41, 41)');
    await expectAccessible(page, 'the pane on opening');
    await page.getByRole('button', { name: 'Chạy', exact: true }).click();
    await noticeSays(page, 'Đã ghi kết quả vào sổ tính.');
    await page.getByRole('checkbox', { name: /Lê Văn Cường/ }).waitFor();
    await expectAccessible(page, 'after a run: the counts and the head’s form');

    const english = await open('next-term-3-leadership.xlsx', { dark, displayLanguage: 'en-US' });
    expect(await english.evaluate(() => document.documentElement.lang)).toBe('en');
    await expectAccessible(english, 'the pane in English');
    await english.getByRole('button', { name: 'Run', exact: true }).click();
    await noticeSays(english, 'The results were written to the workbook.');
    await expectAccessible(english, 'after a run, in English');
  });

  test('a run with errors listed, and the pane outside Office', async () => {
    const page = await open('error-not-a-number.xlsx', { dark });
    await page.getByRole('button', { name: 'Chạy', exact: true }).click();
    await noticeSays(page, 'chưa ghi gì');
    await expectAccessible(page, 'a run with errors listed');
    if (!dark) {
      const outside = await open(undefined);
      await expectAccessible(outside, 'outside Office');
    }
  });
});

test('outside Office, office.js’s telemetry frame is refused: no request leaves the pane’s origin', async () => {
  const page = await open(undefined);
  expect(await page.locator('main').innerText()).toContain('Trang đang mở ngoài Excel');
  // office.js (Microsoft's, from its CDN URL) opens telemetryservice.firstpartyapps.oaspapps.com in a hidden frame 3 s after it loads outside Office.
  await page.waitForTimeout(4_000);
  expect(watched(page).blocked).toEqual([TELEMETRY]);
  expect(watched(page).officeJs).toEqual([OFFICE_JS_URL, OFFICE_JS_URL.replace('office.js', 'o15apptofilemappingtable.js')]);
});
