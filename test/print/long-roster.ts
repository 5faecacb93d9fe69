/**
 * A long list for the print tests: a generated roster of LONG_COUNT people and their staff
 * conference (next-term step 2, not announced), every name unique, the first "Nguyễn Thị Hường".
 */
import * as ExcelJS from 'exceljs';
import { xlsxBytes } from '../support/xlsx-run';

export const LONG_COUNT = 120;
const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng'];
const GIVEN = ['Hường', 'Bình', 'Cường', 'Dũng', 'Đức', 'Giang', 'Hạnh', 'Hòa', 'Khánh', 'Lộc', 'Mỹ', 'Nguyệt'];
const POSTS = ['Chuyên viên', 'Chuyên viên chính', 'Phó Trưởng phòng', 'Cán sự'];
const TITLES = ['Trưởng phòng', 'Phó Trưởng phòng'];
/** Unique names; the first is "Nguyễn Thị Hường". */
export const longName = (i: number): string => `${FAMILY[i % 10]} ${i % 3 === 0 ? 'Thị' : 'Văn'} ${GIVEN[Math.floor(i / 10) % GIVEN.length]}`;

export async function longWorkbook(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const font = { name: 'Times New Roman', size: 13 };
  const roster = wb.addWorksheet('Danh sách trích ngang');
  roster.addRow(['DANH SÁCH TRÍCH NGANG CÁN BỘ, CÔNG CHỨC']);
  roster.addRow([]);
  roster.addRow(['STT', 'Mã cán bộ', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Chức vụ hiện tại', 'Chức danh quy hoạch']);
  const votes = wb.addWorksheet('KP HN cán bộ');
  votes.addRow(['KẾT QUẢ KIỂM PHIẾU GIỚI THIỆU NHÂN SỰ QUY HOẠCH']);
  votes.addRow(['Tổng số người được triệu tập: 120', null, null, 'Số người có mặt: 100']);
  votes.addRow(['STT', 'Mã cán bộ', 'Họ và tên', 'Chức danh', 'Số phiếu đồng ý']);
  for (let i = 0; i < LONG_COUNT; i++) {
    const code = `CB${String(i + 1).padStart(4, '0')}`;
    const birth = `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/${1970 + (i % 25)}`;
    roster.addRow([i + 1, code, longName(i), birth, i % 3 === 0 ? 'Nữ' : 'Nam', POSTS[i % POSTS.length], TITLES[i % 2]]);
    votes.addRow([i + 1, code, longName(i), TITLES[i % 2], (i * 37) % 101]);
  }
  for (const ws of [roster, votes]) ws.eachRow((row) => row.eachCell((cell) => (cell.font = font)));
  return xlsxBytes(wb);
}

