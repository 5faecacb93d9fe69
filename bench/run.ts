/**
 * npm run bench — prints figures (no pass/fail): the whole run on .xlsx files (the budget), then the
 * rules engine alone. The whole run goes first, so that no other benchmark's garbage weighs on it.
 */
import { benchPipeline } from './pipeline';
import { benchRules } from './rules';

void (async () => {
  await benchPipeline();
  benchRules();
})();
