import ExcelJS from 'exceljs';
import { performance } from 'perf_hooks';
import { readXlsx } from './src/hosts/xlsx/read';
import { runPipeline } from './src/workbook/pipeline';
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Minh', 'Thanh', 'Ngọc'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Giang', 'Hà', 'Hạnh', 'Hòa', 'Khánh', 'Lan', 'Long', 'Mai', 'Nam', 'Oanh', 'Phúc', 'Quân', 'Sơn', 'Thảo', 'Yến'];
const TITLES = ['Trưởng phòng', 'Phó Trưởng phòng'];
void (async () => {
  const wb = new ExcelJS.Workbook();
  const roster = wb.addWorksheet('Danh sách trích ngang');
  roster.addRow(['DANH SÁCH TRÍCH NGANG']); roster.addRow([]);
  roster.addRow(['STT', 'Mã cán bộ', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Chức vụ hiện tại', 'Chức danh quy hoạch']);
  const votes = wb.addWorksheet('KP HN cán bộ');
  votes.addRow(['KẾT QUẢ KIỂM PHIẾU — HỘI NGHỊ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC']);
  votes.addRow(['Tổng số người được triệu tập: 120', null, null, 'Số người có mặt: 100']);
  votes.addRow(['STT', 'Mã cán bộ', 'Họ và tên', 'Chức danh', 'Số phiếu đồng ý']);
  for (let i = 0; i < 10000; i++) {
    const name = `${FAMILY[i % 10]} ${MIDDLE[(i >> 2) % 6]} ${GIVEN[(i * 7) % 20]}`;
    const code = `CB${String(i + 1).padStart(6, '0')}`;
    roster.addRow([i + 1, code, name, `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/${1965 + (i % 30)}`, i % 3 ? 'Nam' : 'Nữ', 'Chuyên viên', TITLES[i % 2]]);
    votes.addRow([i + 1, code, name, TITLES[i % 2], (i * 37) % 101]);
  }
  const { snapshot } = await readXlsx(Buffer.from(await wb.xlsx.writeBuffer()));
  const ts: number[] = [];
  for (let k = 0; k < 12; k++) { const t = performance.now(); runPipeline(snapshot, { procedure: 'next-term', step: 2, lang: 'vi' }); ts.push(performance.now() - t); }
  console.log(ts.map((x) => x.toFixed(0)).join(' '));
})();
