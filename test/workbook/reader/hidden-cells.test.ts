/**
 * Hidden rows and columns reach the snapshot from both hosts (src/workbook/snapshot.ts): the reader
 * names what it leaves out because of them, and prefers a visible vote column to a hidden one.
 */
import * as ExcelJS from 'exceljs';
import { readWorkbook } from '../../../src/hosts/excel/read';
import { readXlsx, snapshotOf } from '../../../src/hosts/xlsx/read';
import { modelFromExcelJS } from '../../support/excel-model';
import { officeJs, settled, type OfficeJs } from '../../support/office-js';

let office: OfficeJs;
let restore: () => void;
beforeAll(() => {
  office = officeJs(modelFromExcelJS(new ExcelJS.Workbook()));
  restore = office.install();
});
afterAll(async () => {
  await settled();
  restore();
});

/** The Excel host's read through Microsoft's office.js, over a model of the workbook. */
async function readThroughOffice(wb: ExcelJS.Workbook, tier: Parameters<OfficeJs['reset']>[1] = 'all', budget?: number) {
  office.reset(modelFromExcelJS(wb), tier);
  return office.Excel.run((context) => readWorkbook(context as unknown as Excel.RequestContext, budget ? { budget, expected: { bytes: budget + 1, sheets: {} } } : {}));
}

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

test('the Excel host reads the same hidden rows and columns through office.js (visible cells, ExcelApi 1.9)', async () => {
  const read = await readThroughOffice(book());
  expect(read.sheets[0]).toMatchObject({ hiddenRows: [3], hiddenColumns: [3] });
});

test('read in blocks, the hidden rows and columns are the same', async () => {
  const read = await readThroughOffice(book(), 'all', 200);
  expect(read.sheets[0]).toMatchObject({ hiddenRows: [3], hiddenColumns: [3] });
});

test('below ExcelApi 1.9 nothing is asked that the library would refuse: nothing is known hidden', async () => {
  const read = await readThroughOffice(book(), 'minimum');
  expect(read.sheets[0].hiddenRows).toBeUndefined();
  expect(read.sheets[0].hiddenColumns).toBeUndefined();
});
