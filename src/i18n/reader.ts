import type { TableRole } from '../workbook/reader/layouts';
import type { InferenceReason } from '../workbook/reader/procedure';
import type { ColumnReason, TableRead } from '../workbook/reader/report';
import type { EndReason, RowReason } from '../workbook/reader/table';
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
  | 'W-TABLE-LEFT-OUT',
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
};

// ───────────────────────────── the read report and what was inferred ─────────────────────────────

type Role = TableRole;

export interface ReaderMessages {
  /** The task pane's section heading. */
  heading: string;
  roles: Record<Role, string>;
  rowReasons: Record<RowReason, string>;
  endReasons: Record<EndReason, string>;
  columnReasons: Record<ColumnReason, string>;
  /** "Đã đọc “KP” (kết quả kiểm phiếu)" */
  sheet: (sheet: string, role: Role) => string;
  header: (top: number, bottom: number) => string;
  column: (field: string, col: string, header: string, title?: string) => string;
  rows: (count: number, first?: number, last?: number) => string;
  skippedRows: (list: string) => string;
  rowRange: (from: number, to: number, reason: string) => string;
  ended: (row: number, reason: string) => string;
  skippedColumns: (list: string) => string;
  skippedColumn: (col: string, header: string, reason: string) => string;
  mapped: string;
  /** Where the procedure or step came from the workbook. */
  inferred: (what: string, because: string) => string;
  because: (r: InferenceReason) => string;
  /** The step the user chose, beside an inferred procedure. */
  chosenStep: (step: string) => string;
  /** A step the procedure does not have, by its number. */
  stepNumber: (n: number) => string;
  /** The pane: the details toggle. */
  details: string;
  nothing: string;
  /** After the step in the run log, where it was inferred. */
  inferredMark: string;
}

const range = (from: number, to: number) => (from === to ? String(from) : `${from}–${to}`);

export const readerVi: ReaderMessages = {
  heading: 'Đã đọc',
  roles: { roster: 'danh sách trích ngang', votes: 'kết quả kiểm phiếu', candidates: 'nguồn từ nơi khác' },
  rowReasons: { blank: 'dòng trống', numbering: 'dòng số thứ tự cột', section: 'dòng mục', 'repeated-header': 'tiêu đề lặp lại', total: 'dòng cộng', hidden: 'dòng ẩn' },
  endReasons: { 'sheet-end': 'hết trang tính', 'table-end': 'hết bảng Excel', blank: 'dòng trống, sau đó không còn dữ liệu', signature: 'khối chữ ký', note: 'ghi chú', text: 'dòng chữ, không phải dữ liệu', 'next-table': 'bảng tiếp theo' },
  columnReasons: { hidden: 'cột ẩn', 'not-recognised': 'không nhận ra', computed: 'tỷ lệ, add-in tự tính', 'other-vote-column': 'cột số phiếu khác', unclear: 'chưa rõ cột nào là số phiếu' },
  sheet: (sheet, role) => `Đã đọc “${sheet}” (${readerVi.roles[role]})`,
  header: (top, bottom) => `tiêu đề dòng ${range(top, bottom)}`,
  column: (field, col, header, title) => `${field}${title ? ` (${title})` : ''} ← ${col}${header ? ` “${header}”` : ''}`,
  rows: (count, first, last) => (count ? `${count} dòng (${range(first ?? 0, last ?? 0)})` : 'không có dòng dữ liệu'),
  skippedRows: (l) => `bỏ qua ${l}`,
  rowRange: (from, to, reason) => `${range(from, to)} (${reason})`,
  ended: (row, reason) => `hết bảng ở dòng ${row} (${reason})`,
  skippedColumns: (l) => `không đọc cột ${l}`,
  skippedColumn: (col, header, reason) => `${col}${header ? ` “${header}”` : ''} (${reason})`,
  mapped: 'theo cột người dùng đã chọn',
  inferred: (what, because) => `Suy ra từ sổ tính: ${what}, vì ${because}. Chọn lại nếu không đúng.`,
  because: (r) => {
    switch (r.kind) {
      case 'head-marks':
        return `trang “${r.sheet}” có đánh dấu quyết định của người đứng đầu (ô ${r.cell}): chạy lại bước đó`;
      case 'removal-column':
        return `trang “${r.sheet}” có cột số phiếu đưa ra khỏi quy hoạch (${r.column}${r.header ? ` “${r.header}”` : ''})`;
      case 'consultation':
        return `trang “${r.sheet}” là danh sách nguồn từ nơi khác có ghi việc lấy ý kiến${r.leadershipVote ? `, trang “${r.leadershipVote}” có kết quả biểu quyết về họ` : ''}`;
      case 'approval':
        return `trang “${r.sheet}” là danh sách nguồn từ nơi khác có ngày thông qua`;
      case 'candidates':
        return `trang “${r.sheet}” là danh sách nguồn từ nơi khác`;
      case 'staff-count':
        return `trang “${r.sheet}” là kết quả kiểm phiếu của hội nghị cán bộ, công chức, viên chức`;
      case 'leadership-count':
        return `trang “${r.sheet}” là kết quả kiểm phiếu của hội nghị tập thể lãnh đạo`;
      case 'roster':
        return `sổ tính chỉ có danh sách trích ngang${r.sheet ? ` (“${r.sheet}”)` : ''}`;
    }
  },
  chosenStep: (step) => `${step} — bước do người dùng chọn`,
  stepNumber: (n) => `bước ${n}`,
  details: 'Chi tiết',
  nothing: 'Chưa đọc trang nào.',
  inferredMark: '(suy ra từ sổ tính)',
};

export const readerEn: ReaderMessages = {
  heading: 'Read',
  roles: { roster: 'roster', votes: 'vote count', candidates: 'external candidates' },
  rowReasons: { blank: 'blank', numbering: 'column numbers', section: 'section heading', 'repeated-header': 'repeated header', total: 'total', hidden: 'hidden' },
  endReasons: { 'sheet-end': 'end of the sheet', 'table-end': 'end of the Excel table', blank: 'a blank row, no data after it', signature: 'signature block', note: 'a note', text: 'text, not data', 'next-table': 'the next table' },
  columnReasons: { hidden: 'hidden', 'not-recognised': 'not recognised', computed: 'a percent, worked out by the add-in', 'other-vote-column': 'another vote column', unclear: 'which column holds the votes is not clear' },
  sheet: (sheet, role) => `Read “${sheet}” (${readerEn.roles[role]})`,
  header: (top, bottom) => `header row${top === bottom ? '' : 's'} ${range(top, bottom)}`,
  column: (field, col, header, title) => `${field}${title ? ` (${title})` : ''} ← ${col}${header ? ` “${header}”` : ''}`,
  rows: (count, first, last) => (count ? `${count} row${count === 1 ? '' : 's'} (${range(first ?? 0, last ?? 0)})` : 'no data rows'),
  skippedRows: (l) => `passed over ${l}`,
  rowRange: (from, to, reason) => `${range(from, to)} (${reason})`,
  ended: (row, reason) => `ends at row ${row} (${reason})`,
  skippedColumns: (l) => `not read: column ${l}`,
  skippedColumn: (col, header, reason) => `${col}${header ? ` “${header}”` : ''} (${reason})`,
  mapped: 'as the user chose the columns',
  inferred: (what, because) => `Inferred from the workbook: ${what}, because ${because}. Choose another if this is not right.`,
  because: (r) => {
    switch (r.kind) {
      case 'head-marks':
        return `sheet “${r.sheet}” holds the head’s decision marks (cell ${r.cell}): that step is run again`;
      case 'removal-column':
        return `sheet “${r.sheet}” has a column of votes to remove from planning (${r.column}${r.header ? ` “${r.header}”` : ''})`;
      case 'consultation':
        return `sheet “${r.sheet}” lists external candidates with the consultation facts${r.leadershipVote ? `, and sheet “${r.leadershipVote}” holds the leadership’s vote on them` : ''}`;
      case 'approval':
        return `sheet “${r.sheet}” lists external candidates with the date they were approved`;
      case 'candidates':
        return `sheet “${r.sheet}” lists external candidates`;
      case 'staff-count':
        return `sheet “${r.sheet}” is the staff conference’s vote count`;
      case 'leadership-count':
        return `sheet “${r.sheet}” is the leadership conference’s vote count`;
      case 'roster':
        return `the workbook holds a roster only${r.sheet ? ` (“${r.sheet}”)` : ''}`;
    }
  },
  chosenStep: (step) => `${step} — the step chosen by the user`,
  stepNumber: (n) => `step ${n}`,
  details: 'Details',
  nothing: 'No sheet read yet.',
  inferredMark: '(inferred from the workbook)',
};

/** One table's report in words: header rows; field ← column; rows read; rows passed over; where it ended; columns not read. */
/** The fields the run log names (compact): those an outcome turns on. */
const DECISIVE = new Set(['name', 'agree', 'removeAgree', 'title', 'titles', 'agency']);

export function tableText(t: TableRead, m: ReaderMessages, field: (key: string) => string, compact = false): string {
  const columns = t.columns.filter((c) => !compact || DECISIVE.has(c.field)).map((c) => (compact ? `${c.col} ${field(c.field)}${c.title ? ` (${c.title})` : ''}` : m.column(field(c.field), c.col, c.header, c.title))).join(', ');
  const parts = compact ? [columns, m.rows(t.rows.count, t.rows.first, t.rows.last)] : [m.header(t.header.top, t.header.bottom), columns, m.rows(t.rows.count, t.rows.first, t.rows.last)];
  if (t.skippedRows.length) parts.push(m.skippedRows(t.skippedRows.map((s) => m.rowRange(s.from, s.to, m.rowReasons[s.reason])).join(', ')));
  if (t.ended && !compact) parts.push(m.ended(t.ended.row, m.endReasons[t.ended.reason]));
  if (t.skippedColumns.length) parts.push(m.skippedColumns(t.skippedColumns.map((c) => (compact ? `${c.col} (${m.columnReasons[c.reason]})` : m.skippedColumn(c.col, c.header, m.columnReasons[c.reason]))).join(', ')));
  if (t.mapped) parts.push(m.mapped);
  return parts.join('; ');
}
