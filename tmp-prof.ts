import { performance } from 'perf_hooks';
import ExcelJS from 'exceljs';
import { readXlsx } from './src/hosts/xlsx/read';
import { runPipeline } from './src/workbook/pipeline';
import { parseWorkbook } from './src/workbook/parse';
import { buildStepInput } from './src/workbook/inputs';
import { runStep } from './src/rules';
void (async () => {
  const wb = new ExcelJS.Workbook();
  const roster = wb.addWorksheet('Danh sách trích ngang');
  roster.addRow(['STT', 'Mã cán bộ', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Chức vụ hiện tại', 'Chức danh quy hoạch']);
  const votes = wb.addWorksheet('KP HN cán bộ');
  votes.addRow(['Tổng số người được triệu tập: 120', null, null, 'Số người có mặt: 100']);
  votes.addRow(['STT', 'Mã cán bộ', 'Họ và tên', 'Chức danh', 'Số phiếu đồng ý']);
  for (let i = 0; i < 10000; i++) { roster.addRow([i+1, `CB${i}`, `Nguyễn Văn An${i}`, '01/02/1970', 'Nam', 'CV', 'TP']); votes.addRow([i+1, `CB${i}`, `Nguyễn Văn An${i}`, 'TP', i % 101]); }
  const { snapshot } = await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
  for (let k = 0; k < 4; k++) {
    let t = performance.now(); const parsed = parseWorkbook(snapshot); const tp = performance.now() - t;
    t = performance.now(); const built = buildStepInput(parsed, 'next-term', 2); const tb = performance.now() - t;
    t = performance.now(); runStep('next-term', 2, built.input); const tr = performance.now() - t;
    t = performance.now(); runPipeline(snapshot, { procedure: 'next-term', step: 2, lang: 'vi' }); const tall = performance.now() - t;
    console.log({ parse: tp.toFixed(0), build: tb.toFixed(0), decide: tr.toFixed(0), all: tall.toFixed(0) });
  }
})();
