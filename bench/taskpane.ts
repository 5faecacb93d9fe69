/**
 * The task pane's budgets (issue 6): its first script within 200 KB gzipped, ExcelJS never in it;
 * its first render within 1 s in headless Chromium on this machine. From dist/ (built if missing):
 * - the script(s) taskpane.html loads itself (the webpack bundles; office.js is Microsoft's and is
 *   printed apart), gzipped (level 9), and the chunks it fetches later, for reference;
 * - N cold loads of dist/taskpane.html from a local static server, each in a new browser context with
 *   the cache disabled: navigation start → performance.mark('quy-hoach:first-render') (the pane's
 *   first React commit, src/taskpane/index.tsx), outside Office and inside Excel (Microsoft's office.js
 *   from its CDN URL, served from the package; Excel desktop's side simulated: test/support/office-browser.ts); inside it also → the run form ready (Run enabled: the engine
 *   and the workbook read). Median and max. Figures only: no test times anything.
 */
import { execSync } from 'child_process';
import { existsSync, readFileSync, readdirSync } from 'fs';
import { cpus, loadavg } from 'os';
import { join } from 'path';
import { gzipSync } from 'zlib';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../test/support/chromium';
import { modelOfFixture } from '../test/support/model-of';
import { excelHostScript, installExcel, serveOfficeJs } from '../test/support/office-browser';
import { serveFolder } from '../test/support/static-server';

const root = join(__dirname, '..');
const dist = join(root, 'dist');
const SCRIPT_BUDGET_KB = 200;
const RENDER_BUDGET_MS = 1000;

const kb = (bytes: number) => bytes / 1024;
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

/** Microsoft's office.js: a URL (its CDN), or the self-hosted copy; 'lib/1/hosted/…' as a fetched path. */
const isOffice = (s: string) => s.startsWith('office-js/') || s.startsWith('lib/') || /^https?:/.test(s);

/** The scripts taskpane.html names, in order. */
function initialScripts(): string[] {
  const html = readFileSync(join(dist, 'taskpane.html'), 'utf8');
  // Attributes as the minified page has them: quoted or not.
  return [...html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

function sizes(): void {
  const scripts = initialScripts();
  const ours = scripts.filter((s) => !isOffice(s));
  const total = ours.reduce((sum, s) => sum + gz(join(dist, s)), 0);
  const text = ours.map((s) => readFileSync(join(dist, s), 'utf8')).join('\n');
  // ExcelJS's own marks: its zip entries and its class names.
  const exceljs = ['xl/worksheets/', 'xl/sharedStrings.xml', 'WorkbookXform'].filter((mark) => text.includes(mark));
  console.log('\ntask pane: first script, gzipped (level 9)');
  for (const s of ours) console.log(`  ${s.padEnd(34)}${kb(gz(join(dist, s))).toFixed(1).padStart(8)} KB`);
  console.log(`  ${'total'.padEnd(34)}${kb(total).toFixed(1).padStart(8)} KB   budget ${SCRIPT_BUDGET_KB} KB: ${kb(total) <= SCRIPT_BUDGET_KB ? 'within' : 'OVER'}; ExcelJS in it: ${exceljs.length ? `YES (${exceljs.join(', ')})` : 'no'}`);
  const later = readdirSync(dist).filter((f) => f.endsWith('.js') && !ours.includes(f));
  console.log(`  the other scripts in dist/ (chunks the pane fetches later, and other pages'): ${later.map((f) => `${f} ${kb(gz(join(dist, f))).toFixed(1)} KB`).join(', ')}`);
  const office = scripts.filter(isOffice);
  for (const s of office) console.log(`  and Microsoft's office.js: ${s}${existsSync(join(dist, s)) ? ` (self-hosted, ${kb(gz(join(dist, s))).toFixed(1)} KB)` : ' (from Microsoft\'s CDN)'}`);
}

async function coldLoad(browser: Browser, url: string, inExcel: boolean): Promise<{ render: number; busy: number; ready?: number; scripts: string[] }> {
  const context = await browser.newContext({ viewport: { width: 360, height: 900 } });
  const page: Page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' }); // durations in the main thread's CPU time
  if (inExcel) await installExcel(page, await modelOfFixture('next-term-3-leadership.xlsx'));
  else await serveOfficeJs(page);
  await page.goto(url);
  await page.waitForFunction(() => performance.getEntriesByName('quy-hoach:first-render').length > 0, undefined, { timeout: 15_000 });
  const { render, scripts } = await page.evaluate(() => {
    const mark = performance.getEntriesByName('quy-hoach:first-render')[0].startTime;
    const fetched = performance.getEntriesByType('resource').filter((e) => e.startTime < mark && /\.js$/.test(e.name));
    return { render: mark, scripts: fetched.map((e) => new URL(e.name).pathname.slice(1)) };
  });
  // The page's main thread: CPU time spent running tasks (script, style, layout) until just after the mark, which a busy machine stretches less than the wall clock.
  const { metrics } = await cdp.send('Performance.getMetrics');
  const busy = 1000 * (metrics.find((m) => m.name === 'TaskDuration')?.value ?? NaN);
  let ready: number | undefined;
  if (inExcel) {
    const handle = await page.waitForFunction(
      () => {
        const run = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Chạy');
        return run && !run.disabled ? performance.now() : false;
      },
      undefined,
      { polling: 'raf', timeout: 15_000 },
    );
    ready = (await handle.jsonValue()) as number;
  }
  await context.close();
  return { render, busy, ready, scripts };
}

export async function benchTaskpane(loads = 10): Promise<void> {
  if (!existsSync(join(dist, 'taskpane.html'))) {
    console.log('\ndist/ is missing: npm run build');
    execSync('npm run build', { cwd: root, stdio: 'inherit' });
  }
  sizes();
  await excelHostScript();
  const server = await serveFolder(dist);
  const browser = await launchChromium();
  try {
    console.log(`\ntask pane: first render in headless Chromium, ${loads} cold loads (new context, cache disabled), ms from navigation start`);
    console.log(`  (this machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} at the start: other work slows the figures)`);
    const row = (what: string, xs: number[], budget?: number) =>
      console.log(`  ${what.padEnd(44)} median ${median(xs).toFixed(0).padStart(5)}   max ${Math.max(...xs).toFixed(0).padStart(5)}${budget ? `   budget ${budget}: ${Math.max(...xs) <= budget ? 'within' : median(xs) <= budget ? 'median within, max OVER' : 'OVER'}` : ''}`);
    for (const inExcel of [false, true]) {
      const results = [];
      for (let i = 0; i < loads; i++) results.push(await coldLoad(browser, `${server.url}/taskpane.html`, inExcel));
      row(inExcel ? 'in Excel (Microsoft’s office.js): first render' : 'outside Office: first render', results.map((r) => r.render), RENDER_BUDGET_MS);
      row('  its main thread busy until then (CPU time)', results.map((r) => r.busy));
      const before = results[0].scripts.filter((f) => !isOffice(f) && existsSync(join(dist, f)));
      console.log(`  ${''.padEnd(44)} our scripts fetched before it: ${before.join(', ')} — ${kb(before.reduce((sum, f) => sum + gz(join(dist, f)), 0)).toFixed(1)} KB gzipped`);
      if (inExcel) row('in Excel (Microsoft’s office.js): run form ready', results.map((r) => r.ready ?? NaN));
    }
  } finally {
    await browser.close();
    await server.close();
  }
}
