/**
 * npm run bench — prints figures (no pass/fail): the whole run on .xlsx files (the budget), then the
 * Excel host's round trips and request sizes on Microsoft's office.js (bench/excel-requests.ts), then
 * the rules engine alone (and the figures behind the xlsx host's limits: bench/limits.ts), then the task pane (its first script gzipped, its first render in headless
 * Chromium; bench/taskpane.ts, from dist/, built if missing). The whole run goes first, so that no
 * other benchmark's garbage weighs on it; the pane's figures come from another process (Chromium).
 */
import { benchExcelRequests } from './excel-requests';
import { benchLimits } from './limits';
import { benchPipeline } from './pipeline';
import { benchRules } from './rules';
import { benchTaskpane } from './taskpane';

void (async () => {
  await benchPipeline();
  await benchLimits();
  await benchExcelRequests();
  benchRules();
  await benchTaskpane();
})();
