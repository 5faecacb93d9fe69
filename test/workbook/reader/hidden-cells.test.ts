/**
 * Hidden rows and columns reach the snapshot from both hosts (src/workbook/snapshot.ts): the reader
 * names what it leaves out because of them, and prefers a visible vote column to a hidden one.
 */
import * as ExcelJS from 'exceljs';
import { readWorkbook } from '../../../src/hosts/excel/read';
import { readXlsx, snapshotOf } from '../../../src/hosts/xlsx/read';
import { DoubleContext, doubleFromExcelJS } from '../../support/office-double';

function book(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('KP');
  ws.addRow(['STT', 'Họ và tên', 'Số phiếu 2025', 'Số phiếu 2026']);
  ws.addRow([1, 'Nguyễn Văn An', 9, 12]);
  ws.addRow([2, 'Trần Thị Bích', 4, 7]);
  ws.addRow([3, 'Lê Văn Cường', 2, 3]);
  ws.getColumn(3).hidden = true;
  ws.getRow(3).hidden = true;
  return wb;
}

test('the xlsx host reads hidden rows and columns, also after a save', async () => {
  const wb = book();
  expect(snapshotOf(wb).sheets[0]).toMatchObject({ hiddenRows: [3], hiddenColumns: [3] });
  const again = await readXlsx((await wb.xlsx.writeBuffer()) as unknown as Buffer);
  expect(again.snapshot.sheets[0]).toMatchObject({ hiddenRows: [3], hiddenColumns: [3] });
});

test('a sheet with nothing hidden says so by leaving the fields out', () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('A').addRow(['x', 1]);
  const s = snapshotOf(wb).sheets[0];
  expect(s.hiddenRows).toBeUndefined();
  expect(s.hiddenColumns).toBeUndefined();
});

test('the Excel host reads the same hidden rows and columns (visible cells, one address list)', async () => {
  const read = await readWorkbook(new DoubleContext(doubleFromExcelJS(book())) as unknown as Excel.RequestContext);
  expect(read.sheets[0]).toMatchObject({ hiddenRows: [3], hiddenColumns: [3] });
});
