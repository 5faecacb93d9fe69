/**
 * The words of the column-mapping dialog (src/taskpane/ColumnMapDialog.tsx) and of the diagnostics
 * of a mapping (src/workbook/reader/column-map.ts). Kept apart from vi.ts / en.ts and joined into Messages
 * as `columnMap`.
 */

type Role = 'roster' | 'votes' | 'candidates';

export interface ColumnMapMessages {
  /** The tables by role, as a dialog's title names them. */
  roles: Record<Role, string>;
  /** A field by its key ("name", "agree", "rating:2024"…). */
  field: (key: string) => string;
  title: (sheet: string, role: Role) => string;
  intro: string;
  headerRow: string;
  headerRowOption: (row: number, text: string) => string;
  noColumn: string;
  columnOption: (col: string, header: string | undefined) => string;
  /** Under a field one of a group must have: the group in words. */
  oneOf: (fields: string[]) => string;
  sample: string;
  sampleRow: string;
  sampleEmpty: string;
  save: string;
  cancel: string;
  reset: string;
  sameColumn: (col: string, fields: string[]) => string;
  missing: (groups: string[][]) => string;
  /** The warning above the form where detection is unsure. */
  noHeader: (sheet: string, role: Role) => string;
  /** `groups`: field names, a group's any one would do. */
  missingColumns: (sheet: string, role: Role, groups: string[][]) => string;
  competing: (sheet: string, field: string, cols: string[]) => string;
  choose: string;
  chooseFor: (sheet: string, role: Role) => string;
  mapped: (sheet: string) => string;
  /** In the line listing the saved settings a run used. */
  saved: (sheets: string[]) => string;
}

const FIELDS_VI: Record<string, string> = {
  stt: 'Số thứ tự (STT)',
  name: 'Họ và tên',
  code: 'Mã cán bộ',
  birth: 'Ngày tháng năm sinh',
  birthMale: 'Ngày sinh (cột Nam)',
  birthFemale: 'Ngày sinh (cột Nữ)',
  gender: 'Giới tính',
  titles: 'Chức danh quy hoạch',
  inPlanning: 'Đang trong quy hoạch',
  post: 'Chức vụ hiện tại',
  unit: 'Đơn vị công tác',
  training: 'Trình độ chuyên môn',
  politicalTheory: 'Lý luận chính trị',
  discipline: 'Kỷ luật',
  agree: 'Số phiếu đồng ý',
  removeAgree: 'Số phiếu đồng ý đưa ra khỏi quy hoạch',
  title: 'Chức danh',
  agency: 'Cơ quan đang công tác',
  metOn: 'Ngày gặp gỡ, trao đổi',
  letterSentOn: 'Ngày gửi văn bản lấy ý kiến',
  opinionAgrees: 'Ý kiến đồng ý của cơ quan',
  opinionReceivedOn: 'Ngày nhận ý kiến',
  dossierReceivedOn: 'Ngày nhận hồ sơ',
};

const FIELDS_EN: Record<string, string> = {
  stt: 'No.',
  name: 'Full name',
  code: 'Staff code',
  birth: 'Date of birth',
  birthMale: 'Date of birth (male column)',
  birthFemale: 'Date of birth (female column)',
  gender: 'Gender',
  titles: 'Titles planned for',
  inPlanning: 'In planning',
  post: 'Current post',
  unit: 'Unit',
  training: 'Professional training',
  politicalTheory: 'Political theory',
  discipline: 'Discipline',
  agree: 'Votes in favour',
  removeAgree: 'Votes in favour of removal',
  title: 'Title',
  agency: 'Current agency',
  metOn: 'Date met',
  letterSentOn: 'Date the letter was sent',
  opinionAgrees: 'Agency agrees',
  opinionReceivedOn: 'Date the opinion came',
  dossierReceivedOn: 'Date the dossier came',
};

const rating = (key: string, word: string): string | undefined => {
  const m = /^rating:(\d{4})$/.exec(key);
  return m ? `${word} ${m[1]}` : undefined;
};

const quoted = (v: string[]) => v.map((x) => `“${x}”`).join(', ');

export const columnMapVi: ColumnMapMessages = {
  roles: { roster: 'danh sách trích ngang', votes: 'kết quả kiểm phiếu', candidates: 'danh sách nguồn từ nơi khác' },
  field: (key) => FIELDS_VI[key] ?? rating(key, 'Xếp loại năm') ?? key,
  title: (sheet, role) => `Chọn cột — trang “${sheet}” (${columnMapVi.roles[role]})`,
  intro: 'Chọn dòng tiêu đề cột và cột chứa từng thông tin. Lựa chọn được lưu trong sổ tính, lần sau không phải chọn lại.',
  headerRow: 'Dòng tiêu đề cột',
  headerRowOption: (row, text) => (text ? `Dòng ${row} — ${text}` : `Dòng ${row}`),
  noColumn: '(không có)',
  columnOption: (col, header) => `${col} — ${header || '(trống)'}`,
  oneOf: (fields) => `Cần ít nhất một trong: ${quoted(fields)}.`,
  sample: 'Ba dòng đầu như sẽ được đọc',
  sampleRow: 'Dòng',
  sampleEmpty: 'Không có dòng dữ liệu nào dưới dòng tiêu đề đã chọn.',
  save: 'Lưu',
  cancel: 'Huỷ',
  reset: 'Tự nhận dạng lại',
  sameColumn: (col, fields) => `Cột ${col} đang được chọn cho nhiều thông tin (${quoted(fields)}): mỗi thông tin một cột riêng.`,
  missing: (groups) => `Chưa chọn cột cho: ${groups.map((g) => g.map((f) => `“${f}”`).join(' hoặc ')).join(', ')}.`,
  noHeader: (sheet, role) => `Không nhận ra dòng tiêu đề cột của trang “${sheet}” (${columnMapVi.roles[role]}): hãy chỉ ra cột chứa từng thông tin.`,
  missingColumns: (sheet, role, groups) =>
    `Trang “${sheet}” (${columnMapVi.roles[role]}) không có cột ${groups.map((g) => g.map((f) => `“${f}”`).join(' hoặc ')).join(', ')} (hoặc tiêu đề cột khác cách ghi thường dùng): hãy chỉ ra cột đó.`,
  competing: (sheet, field, cols) => `Trang “${sheet}” có nhiều cột có thể là “${field}” (cột ${cols.join(', ')}): hãy chọn cột.`,
  choose: 'Chọn cột…',
  chooseFor: (sheet, role) => `Chọn cột cho trang “${sheet}” (${columnMapVi.roles[role]})`,
  mapped: (sheet) => `Trang “${sheet}” được đọc theo các cột đã chọn.`,
  saved: (sheets) => `các cột đã chọn của ${quoted(sheets)}`,
};

export const columnMapEn: ColumnMapMessages = {
  roles: { roster: 'staff roster', votes: 'vote count', candidates: 'external candidates' },
  field: (key) => FIELDS_EN[key] ?? rating(key, 'Rating') ?? key,
  title: (sheet, role) => `Choose columns — sheet “${sheet}” (${columnMapEn.roles[role]})`,
  intro: 'Choose the header row and the column holding each item. The choice is kept in the workbook, so you are not asked again.',
  headerRow: 'Header row',
  headerRowOption: (row, text) => (text ? `Row ${row} — ${text}` : `Row ${row}`),
  noColumn: '(none)',
  columnOption: (col, header) => `${col} — ${header || '(empty)'}`,
  oneOf: (fields) => `At least one of: ${quoted(fields)}.`,
  sample: 'The first three rows as they will be read',
  sampleRow: 'Row',
  sampleEmpty: 'No data rows below the chosen header row.',
  save: 'Save',
  cancel: 'Cancel',
  reset: 'Detect again',
  sameColumn: (col, fields) => `Column ${col} is chosen for several items (${quoted(fields)}): each needs a column of its own.`,
  missing: (groups) => `No column chosen for: ${groups.map((g) => g.map((f) => `“${f}”`).join(' or ')).join(', ')}.`,
  noHeader: (sheet, role) => `The header row of sheet “${sheet}” (${columnMapEn.roles[role]}) was not recognised: show which column holds each item.`,
  missingColumns: (sheet, role, groups) =>
    `Sheet “${sheet}” (${columnMapEn.roles[role]}) has no column ${groups.map((g) => g.map((f) => `“${f}”`).join(' or ')).join(', ')} (or its header is worded unusually): show which column it is.`,
  competing: (sheet, field, cols) => `Sheet “${sheet}” has several columns that could be “${field}” (columns ${cols.join(', ')}): choose the column.`,
  choose: 'Choose columns…',
  chooseFor: (sheet, role) => `Choose columns for sheet “${sheet}” (${columnMapEn.roles[role]})`,
  mapped: (sheet) => `Sheet “${sheet}” is read by the columns chosen.`,
  saved: (sheets) => `the columns chosen for ${quoted(sheets)}`,
};

/** A diagnostic's field groups ("agree|removeAgree") in words (else its one field). */
export function fieldGroups(p: Record<string, unknown>, m: ColumnMapMessages, or: string): string {
  const v = p.fields ?? p.field ?? [];
  return (Array.isArray(v) ? v : [v]).map((g) => String(g).split('|').map((k) => `“${m.field(k)}”`).join(` ${or} `)).join(', ');
}

/** " C" after the word for column, where the diagnostic names one. */
export const columnOf = (p: Record<string, unknown>): string => (p.column ? ` ${String(p.column)}` : '');
