/** npm run bench — prints figures (no pass/fail): the rules engine alone, then the whole run on .xlsx files. */
import { benchPipeline } from './pipeline';
import { benchRules } from './rules';

void (async () => {
  benchRules();
  await benchPipeline();
})();
