import { readFileSync } from 'fs';
import { join } from 'path';
import { CODES } from '../../src/rules';
import { WORKBOOK_CODES } from '../../src/workbook/codes';

const readme = readFileSync(join(__dirname, '..', '..', 'README.md'), 'utf8');

test('README documents every diagnostic code, so a message can be looked up', () => {
  const missing = [...Object.keys(CODES), ...Object.keys(WORKBOOK_CODES)].filter((code) => !readme.includes(`| ${code} |`));
  expect(missing).toEqual([]);
});

test('README names the test commands CI runs', () => {
  const ci = readFileSync(join(__dirname, '..', '..', '.ci', 'run'), 'utf8');
  for (const cmd of ci.match(/npm (run )?test[a-z:-]*/g) ?? []) expect(readme).toContain(cmd);
});
