import { readFileSync } from 'fs';
import { join } from 'path';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { columnLetters, columnPixels, displayText, layoutOf, parseCell, rowCells } from '../../src/workbench/grid-model';

/** The workbench's read-only grid shows values as Excel displays them, with the workbook's merges and colours. */

test.each([
  [0.7142857142857143, '0.00%', '71.43%'],
  [0.35, '0%', '35%'],
  [new Date(Date.UTC(1980, 2, 12)), 'dd/mm/yyyy', '12/03/1980'],
  [29292, 'dd/mm/yyyy', '12/03/1980'],
  [29292, 'd/m/yy', '12/3/80'],
  [1234.5, '#,##0.00', '1,234.50'],
  [15, '', '15'],
  [0.1 + 0.2, 'General', '0.3'],
  ['Đạt', '', 'Đạt'],
  [true, '', 'TRUE'],
  [null, '0.00%', ''],
] as const)('displayText(%p, %p) = %p', (value, format, text) => {
  expect(displayText(value, format)).toBe(text);
});

test.each([
  [0.8888888888888888, '0.00%', '88,89%'],
  [1234.5, '#,##0.00', '1.234,50'],
  [2.5, '', '2,5'],
  [new Date(Date.UTC(2026, 0, 20)), 'dd/mm/yyyy', '20/01/2026'],
] as const)('in Vietnamese, displayText(%p, %p) = %p', (value, format, text) => {
  expect(displayText(value, format, false, ',')).toBe(text);
});

test.each([
  [1, 'A'],
  [26, 'Z'],
  [27, 'AA'],
  [703, 'AAA'],
])('column %p is %p, and back', (col, letters) => {
  expect(columnLetters(col)).toBe(letters);
  expect(parseCell(`${letters}12`)).toEqual({ row: 12, col });
});

test('Excel widths in characters become pixels: the default 8.43 is 64 px', () => {
  expect(columnPixels(undefined)).toBe(64);
  expect(columnPixels(26)).toBe(187);
});

test('the next-term sample: merged titles span their cells, dates read as typed, the header bordered', async () => {
  const { workbook } = await readXlsx(readFileSync(join(__dirname, '..', '..', 'samples', 'quy-hoach-nhiem-ky-toi.xlsx')));
  const roster = workbook.getWorksheet('Danh sách trích ngang')!;
  const layout = layoutOf(roster);
  expect(layout.cols).toBe(13);
  const first = rowCells(roster, layout, 1, false);
  expect(first[0].text).toBe('ỦY BAN NHÂN DÂN HUYỆN THANH SƠN');
  expect(first[0].colSpan).toBeGreaterThan(1);
  expect(first[1].covered).toBe(true);
  const an = rowCells(roster, layout, 11, false);
  expect(an[1].text).toBe('Nguyễn Văn An');
  expect(an[2].text).toBe('12/03/1980');
  expect(an[2].borders).toEqual({ top: true, right: true, bottom: true, left: true });
});
