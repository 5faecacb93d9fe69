/**
 * The result columns beside a user's table print like the table: they take its formats row by row
 * (Times New Roman 13 in the golden workbooks), with the outcome's colours and the percent format on top.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { runXlsx } from '../../support/xlsx-run';

test('result columns take the table’s font and size, and keep their own colours and formats', async () => {
  const { workbook } = await runXlsx(readFileSync(join(__dirname, '..', '..', 'fixtures', 'next-term-2-staff.xlsx')), { procedure: 'next-term', step: 2, lang: 'vi' });
  const ws = workbook.getWorksheet('KP HN cán bộ')!;
  const table = ws.getCell('D14');
  expect(table.font).toMatchObject({ name: 'Times New Roman', size: 13 });
  for (const address of ['E14', 'F14', 'G14', 'E11']) expect(ws.getCell(address).font).toMatchObject({ name: 'Times New Roman', size: 13 });
  // The percent a number (the column sorts), in the Vietnamese locale's format (LibreOffice prints 60,00% on any machine).
  expect(typeof ws.getCell('E14').value).toBe('number');
  expect(ws.getCell('E14').numFmt).toBe('[$-42A]0.00%');
  expect(ws.getCell('F14').value).toBe('Đạt');
  expect(ws.getCell('F14').font.color).toEqual({ argb: 'FF006100' });
  expect(ws.getCell('F14').fill).toMatchObject({ fgColor: { argb: 'FFC6EFCE' } });
  // The table's own cells keep their formats.
  const original = (await readXlsx(readFileSync(join(__dirname, '..', '..', 'fixtures', 'next-term-2-staff.xlsx')))).workbook.getWorksheet('KP HN cán bộ')!;
  for (const address of ['D11', 'D14']) expect(ws.getCell(address).style).toEqual(original.getCell(address).style);
});
