import { list } from './format';
import type { Params } from './messages';

/**
 * The words of reading a workbook (src/workbook/reader/): the diagnostics of what the sheets say
 * that does not hold together, or looks like data but was not read (issue 14). Joined into the
 * catalogues' diagnostics.
 */

type Diagnostics = Record<
  | 'E-COUNTS-DISAGREE'
  | 'E-ATTENDANCE-SUM'
  | 'E-VOTE-PERCENT-MISMATCH'
  | 'E-VOTE-BASE-MISMATCH'
  | 'E-VOTE-COLUMN-AMBIGUOUS'
  | 'E-COLUMN-CHOICE-BAD'
  | 'E-HIDDEN-ROWS'
  | 'E-DATA-BELOW-TABLE'
  | 'W-VOTE-COLUMN-UNUSED'
  | 'W-HIDDEN-COLUMN'
  | 'W-HIDDEN-ROWS'
  | 'W-DATA-BELOW-TABLE'
  | 'W-TABLE-LEFT-OUT'
  | 'W-LEFT-UNUSED',
  (p: Params) => string
>;

const COUNTS_VI: Record<string, string> = {
  convened: 'số người được triệu tập',
  present: 'số người có mặt',
  absent: 'số người vắng mặt',
  issued: 'số phiếu phát ra',
  returned: 'số phiếu thu vào',
  valid: 'số phiếu hợp lệ',
  invalid: 'số phiếu không hợp lệ',
};
const COUNTS_EN: Record<string, string> = {
  convened: 'the number convened',
  present: 'the number present',
  absent: 'the number absent',
  issued: 'ballots issued',
  returned: 'ballots returned',
  valid: 'valid ballots',
  invalid: 'invalid ballots',
};
const VOTE_FIELD_VI: Record<string, string> = { agree: 'số phiếu đồng ý', removeAgree: 'số phiếu đồng ý đưa ra khỏi quy hoạch' };
const VOTE_FIELD_EN: Record<string, string> = { agree: 'the agree votes', removeAgree: 'the votes to remove from planning' };
const OPTION: Record<string, string> = { agree: 'votes', removeAgree: 'removal' };
const WHY_VI: Record<string, string> = { user: 'theo lựa chọn của người dùng', visible: 'cột kia đang ẩn', year: 'đúng năm của lần kiểm phiếu này', heading: 'tiêu đề cột đúng hội nghị này' };
const WHY_EN: Record<string, string> = { user: 'as the user chose', visible: 'the other one is hidden', year: 'its year is this count’s', heading: 'its heading names this conference' };
const KIND_VI: Record<string, string> = { staff: 'hội nghị cán bộ, công chức, viên chức', leadership: 'hội nghị tập thể lãnh đạo' };
const KIND_EN: Record<string, string> = { staff: 'the staff conference', leadership: 'the leadership conference' };
const UNUSED_VI: Record<string, string> = {
  'removal-column': 'số phiếu đưa ra khỏi quy hoạch: thuộc bước 1 của rà soát, bổ sung quy hoạch hằng năm (II.1)',
  'candidates-sheet': 'danh sách nguồn từ nơi khác: thuộc quy trình bổ sung nguồn từ nơi khác (II.2)',
  'agree-column': 'số phiếu giới thiệu',
};
const UNUSED_EN: Record<string, string> = {
  'removal-column': 'votes to remove from planning: they belong to step 1 of the annual review (II.1)',
  'candidates-sheet': 'external candidates: they belong to the external-source procedure (II.2)',
  'agree-column': 'nomination votes',
};

const rows = (p: Params) => list(p.rows);
const cellsOf = (p: Params) => list(p.cells);

export const readerDiagnosticsVi: Diagnostics = {
  'E-COUNTS-DISAGREE': (p) => `Sổ tính ghi ${COUNTS_VI[String(p.field)] ?? p.field} hai lần khác nhau: ${p.first} (ô ${p.firstCell}) và ${p.second} (ô ${p.secondCell}). Hãy sửa cho thống nhất.`,
  'E-ATTENDANCE-SUM': (p) =>
    `Có mặt ${p.present} (ô ${p.presentCell}) + vắng mặt ${p.absent} (ô ${p.absentCell}) = ${Number(p.present) + Number(p.absent)}, khác số người được triệu tập ${p.convened} (ô ${p.convenedCell}).`,
  'E-VOTE-PERCENT-MISMATCH': (p) => `${p.name}: “${p.value}” — tỷ lệ phần trăm ghi trong ô không khớp với số phiếu.`,
  'E-VOTE-BASE-MISMATCH': (p) =>
    `${p.name}: số phiếu ghi “${p.votes}/${p.of}” nhưng số người có mặt là ${p.present}${p.presentCell ? ` (ô ${p.presentCell})` : ''}: mẫu số phải bằng số người có mặt.`,
  'E-VOTE-COLUMN-AMBIGUOUS': (p) =>
    `Trang tính “${p.sheet}” có nhiều cột có thể là ${VOTE_FIELD_VI[String(p.field)] ?? p.field}: ${list(p.columns)}. Không rõ cột nào là của lần kiểm phiếu này nên không chạy. Hãy chọn cột: nút “Chọn cột…” trong ngăn tác vụ, hoặc với lệnh quy-hoach: --column ${OPTION[String(p.field)] ?? p.field}=${Array.isArray(p.letters) ? p.letters[p.letters.length - 1] : ''}.`,
  'E-COLUMN-CHOICE-BAD': (p) =>
    `Trang tính “${p.sheet}”: cột “${p.column}” chọn cho ${VOTE_FIELD_VI[String(p.field)] ?? p.field} ${p.taken ? `đang là cột của thông tin khác (${p.taken})` : 'không phải là cột của bảng'}.`,
  'E-HIDDEN-ROWS': (p) =>
    `Trang tính “${p.sheet}”: dòng ${rows(p)} đang ẩn nhưng có dữ liệu (${cellsOf(p)}); dòng ẩn không được đọc. Hãy hiện các dòng đó (hoặc xoá nếu không thuộc bảng) rồi chạy lại.`,
  'E-DATA-BELOW-TABLE': (p) =>
    `Trang tính “${p.sheet}”: bảng kết thúc ở dòng ${p.end} nhưng bên dưới còn dòng ${rows(p)} có họ tên và số liệu (${cellsOf(p)}), không được đọc. Nếu là người của bảng, hãy bỏ phần ngăn cách để bảng liền nhau; nếu không, hãy xoá hoặc chuyển đi.`,
  'W-VOTE-COLUMN-UNUSED': (p) =>
    `Trang tính “${p.sheet}”: cột ${p.column} “${p.header}” cũng có thể là ${VOTE_FIELD_VI[String(p.field)] ?? p.field} nhưng không được đọc; đọc cột ${p.chosen} (${WHY_VI[String(p.why)] ?? p.why}).`,
  'W-HIDDEN-COLUMN': (p) =>
    p.read
      ? `Trang tính “${p.sheet}”: cột ${p.column} “${p.header}” đang ẩn nhưng được đọc (là cột duy nhất của thông tin này).`
      : `Trang tính “${p.sheet}”: cột ${p.column} “${p.header}” đang ẩn, có số liệu, không được đọc.`,
  'W-HIDDEN-ROWS': (p) => `Trang tính “${p.sheet}”: dòng ${rows(p)} đang ẩn nhưng có dữ liệu (${cellsOf(p)}); dòng ẩn không được đọc.`,
  'W-DATA-BELOW-TABLE': (p) => `Trang tính “${p.sheet}”: bảng kết thúc ở dòng ${p.end} nhưng bên dưới còn dòng ${rows(p)} có họ tên và số liệu (${cellsOf(p)}), không được đọc.`,
  'W-TABLE-LEFT-OUT': (p) => `Trang tính “${p.sheet}”: bảng thứ hai (tiêu đề ở dòng ${p.header}${p.kind ? `, ${KIND_VI[String(p.kind)] ?? p.kind}` : ''}) không được đọc ở bước này.`,
  'W-LEFT-UNUSED': (p) =>
    `Trang tính “${p.sheet}”${p.column ? `, cột ${p.column}` : ''}: ${UNUSED_VI[String(p.what)] ?? p.what} — không dùng ở bước đang chạy (${p.step}). Chọn đúng quy trình và bước nếu cần dùng.`,
};

export const readerDiagnosticsEn: Diagnostics = {
  'E-COUNTS-DISAGREE': (p) => `The workbook states ${COUNTS_EN[String(p.field)] ?? p.field} twice, differently: ${p.first} (cell ${p.firstCell}) and ${p.second} (cell ${p.secondCell}). Make them agree.`,
  'E-ATTENDANCE-SUM': (p) =>
    `${p.present} present (cell ${p.presentCell}) + ${p.absent} absent (cell ${p.absentCell}) = ${Number(p.present) + Number(p.absent)}, not the ${p.convened} convened (cell ${p.convenedCell}).`,
  'E-VOTE-PERCENT-MISMATCH': (p) => `${p.name}: “${p.value}” — the percent written does not agree with the count.`,
  'E-VOTE-BASE-MISMATCH': (p) => `${p.name}: the count reads “${p.votes}/${p.of}” but ${p.present} were present${p.presentCell ? ` (cell ${p.presentCell})` : ''}: the denominator must be those present.`,
  'E-VOTE-COLUMN-AMBIGUOUS': (p) =>
    `Sheet “${p.sheet}” has several columns that could be ${VOTE_FIELD_EN[String(p.field)] ?? p.field}: ${list(p.columns)}. Which one is this count’s is not clear, so nothing is run. Choose the column: “Choose columns…” in the task pane, or with the quy-hoach command --column ${OPTION[String(p.field)] ?? p.field}=${Array.isArray(p.letters) ? p.letters[p.letters.length - 1] : ''}.`,
  'E-COLUMN-CHOICE-BAD': (p) => `Sheet “${p.sheet}”: column “${p.column}”, chosen for ${VOTE_FIELD_EN[String(p.field)] ?? p.field}, ${p.taken ? `is the column of something else (${p.taken})` : 'is not a column of the table'}.`,
  'E-HIDDEN-ROWS': (p) => `Sheet “${p.sheet}”: rows ${rows(p)} are hidden but hold data (${cellsOf(p)}); hidden rows are not read. Unhide them (or delete them if they are not the table’s) and run again.`,
  'E-DATA-BELOW-TABLE': (p) =>
    `Sheet “${p.sheet}”: the table ends at row ${p.end}, but below it rows ${rows(p)} hold a name and figures (${cellsOf(p)}) that were not read. If they belong to the table, remove what separates them; otherwise delete or move them.`,
  'W-VOTE-COLUMN-UNUSED': (p) =>
    `Sheet “${p.sheet}”: column ${p.column} “${p.header}” could also be ${VOTE_FIELD_EN[String(p.field)] ?? p.field} but is not read; column ${p.chosen} is (${WHY_EN[String(p.why)] ?? p.why}).`,
  'W-HIDDEN-COLUMN': (p) =>
    p.read ? `Sheet “${p.sheet}”: column ${p.column} “${p.header}” is hidden but read (the only column of its kind).` : `Sheet “${p.sheet}”: column ${p.column} “${p.header}” is hidden, holds figures, and is not read.`,
  'W-HIDDEN-ROWS': (p) => `Sheet “${p.sheet}”: rows ${rows(p)} are hidden but hold data (${cellsOf(p)}); hidden rows are not read.`,
  'W-DATA-BELOW-TABLE': (p) => `Sheet “${p.sheet}”: the table ends at row ${p.end}, but below it rows ${rows(p)} hold a name and figures (${cellsOf(p)}) that were not read.`,
  'W-TABLE-LEFT-OUT': (p) => `Sheet “${p.sheet}”: a second table (header at row ${p.header}${p.kind ? `, ${KIND_EN[String(p.kind)] ?? p.kind}` : ''}) is not read for this step.`,
  'W-LEFT-UNUSED': (p) => `Sheet “${p.sheet}”${p.column ? `, column ${p.column}` : ''}: ${UNUSED_EN[String(p.what)] ?? p.what} — not used by the step run (${p.step}). Choose the right procedure and step to use them.`,
};
