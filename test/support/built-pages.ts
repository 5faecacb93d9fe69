import { existsSync } from 'fs';
import { join } from 'path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { OFFICE_JS_BASE } from './office-browser';
import { serveFolder } from './static-server';

/** The build (npm run build → dist/). */
export const DIST = join(__dirname, '..', '..', 'dist');

/**
 * For one browser test file: dist/ served on localhost and Debian's Chromium, up before its tests
 * (after `prepare`, if given) and closed after them. `page` must be in the build.
 */
export function servedBuild(page: string, prepare?: () => Promise<unknown>): { browser: Browser; url: string } {
  const served = {} as { browser: Browser; url: string };
  let server: { url: string; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    if (!existsSync(join(DIST, page))) throw new Error(`dist/${page} is missing: run \`npm run build\` first`);
    server = await serveFolder(DIST);
    served.url = server.url;
    served.browser = await launchChromium();
    await prepare?.();
  }, 120_000);
  afterAll(async () => {
    await served.browser?.close();
    await server?.close();
  });
  return served;
}

/**
 * What a page must not do, recorded for the test to check empty: requests to any origin but
 * `origin` (data: and blob: URLs are the page's own) — Microsoft's office.js from its CDN folder
 * aside, which the test serves (test/support/office-browser.ts serveOfficeJs) — and uncaught errors.
 */
export function watchPage(page: Page, origin: string): { foreign: string[]; errors: string[] } {
  const watched = { foreign: [] as string[], errors: [] as string[] };
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(origin) && !url.startsWith(OFFICE_JS_BASE) && !url.startsWith('data:') && !url.startsWith('blob:')) watched.foreign.push(url);
  });
  page.on('pageerror', (e) => watched.errors.push(e.message));
  return watched;
}
