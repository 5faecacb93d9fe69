/** The pane follows Office's theme: a dark body background gives Fluent's dark theme. */
import { isDark } from '../../src/taskpane/office-context';

test.each([
  ['#FFFFFF', false],
  ['#f3f3f3', false],
  ['#1f1f1f', true],
  ['#262626', true],
  ['#000000', true],
  ['', false],
  [undefined, false],
  ['not a colour', false],
])('isDark(%p) is %p', (color, dark) => {
  expect(isDark(color)).toBe(dark);
});
