/**
 * The words of the browser workbench (src/workbench/), the page that works without Excel (issue 7).
 * Kept apart from vi.ts / en.ts and joined into Messages as `workbench`.
 */
export interface WorkbenchMessages {
  title: string;
  subtitle: string;
  open: string;
  openHint: string;
  samples: string;
  download: string;
  /** The name of the downloaded copy: never the name of the file opened. */
  downloadName: (name: string) => string;
  neverModified: string;
  pending: string;
  welcomeTitle: string;
  welcomeText: string;
  privacy: string;
  dropHere: string;
  opening: (name: string) => string;
  openError: (name: string, reason: string) => string;
  /** Opening, by phase: the package check (with its share done), ExcelJS's load, the sheets drawn. */
  openPhase: { check: (percent: number) => string; load: string; draw: string };
  cancel: string;
  cancelled: (name: string) => string;
  file: (name: string) => string;
  sheets: string;
  readOnly: string;
  emptySheet: string;
  rowsShown: (shown: number, total: number) => string;
  moreRows: string;
  grid: string;
  zoomIn: string;
  zoomOut: string;
  print: string;
  note: string;
  downloaded: (name: string) => string;
}

export const workbenchVi: WorkbenchMessages = {
  title: 'Quy Hoạch — trang làm việc trên trình duyệt',
  subtitle: 'Dùng khi không có Excel (Excel 2010/2013, WPS, LibreOffice, máy Linux): mở sổ tính, chạy quy trình, tải kết quả về.',
  open: 'Mở tệp…',
  openHint: 'Chọn sổ tính .xlsx, hoặc kéo thả tệp vào trang',
  samples: 'Mở tệp mẫu',
  download: 'Tải xuống',
  downloadName: (name) => `${name.replace(/\.xlsx$/i, '')} - Quy Hoach.xlsx`,
  neverModified: 'Tệp gốc không bị sửa: kết quả được tải xuống thành một tệp mới.',
  pending: 'Có kết quả chưa tải xuống',
  welcomeTitle: 'Chạy quy trình quy hoạch không cần Excel',
  welcomeText:
    'Mở sổ tính .xlsx có danh sách trích ngang và kết quả kiểm phiếu (bấm “Mở tệp…” hoặc kéo thả tệp vào trang), hoặc mở một tệp mẫu để xem cách làm. Sổ tính hiện bên trái, khung chạy quy trình bên phải, giống ngăn tác vụ trong Excel.',
  privacy: 'Mọi xử lý diễn ra ngay trên máy này; tệp không được gửi đi đâu.',
  dropHere: 'Thả tệp .xlsx vào đây để mở',
  opening: (name) => `Đang mở “${name}”…`,
  openError: (name, reason) => `Không mở được “${name}”: ${reason}`,
  openPhase: { check: (percent) => `kiểm tra tệp ${percent}%`, load: 'đọc các trang tính', draw: 'hiển thị' },
  cancel: 'Huỷ',
  cancelled: (name) => `Đã huỷ mở “${name}”.`,
  file: (name) => `Tệp: ${name}`,
  sheets: 'Các trang tính',
  readOnly: 'Chỉ xem — sổ tính được sửa bằng khung chạy quy trình bên phải',
  emptySheet: 'Trang tính trống.',
  rowsShown: (shown, total) => `Đang hiện ${shown}/${total} dòng.`,
  moreRows: 'Hiện thêm dòng',
  grid: 'Bảng tính',
  zoomIn: 'Phóng to',
  zoomOut: 'Thu nhỏ',
  print: 'Xem bản in',
  note: 'Ghi chú',
  downloaded: (name) => `Đã tải xuống “${name}”.`,
};

export const workbenchEn: WorkbenchMessages = {
  title: 'Quy Hoạch — browser workbench',
  subtitle: 'For offices without a recent Excel (Excel 2010/2013, WPS, LibreOffice, Linux): open a workbook, run the procedure, download the result.',
  open: 'Open file…',
  openHint: 'Choose an .xlsx workbook, or drop the file onto the page',
  samples: 'Open a sample',
  download: 'Download',
  downloadName: (name) => `${name.replace(/\.xlsx$/i, '')} - Quy Hoach.xlsx`,
  neverModified: 'The file you opened is never changed: the result downloads as a new file.',
  pending: 'Results not downloaded yet',
  welcomeTitle: 'Run the planning procedure without Excel',
  welcomeText:
    'Open an .xlsx workbook holding the roster and the vote counts ("Open file…" or drop the file onto the page), or open a sample to see how it works. The workbook shows on the left, the run form on the right, as the task pane does in Excel.',
  privacy: 'Everything happens on this computer; the file is sent nowhere.',
  dropHere: 'Drop the .xlsx file here to open it',
  opening: (name) => `Opening “${name}”…`,
  openError: (name, reason) => `Could not open “${name}”: ${reason}`,
  openPhase: { check: (percent) => `checking the file ${percent}%`, load: 'reading the sheets', draw: 'drawing' },
  cancel: 'Cancel',
  cancelled: (name) => `Opening “${name}” cancelled.`,
  file: (name) => `File: ${name}`,
  sheets: 'Sheets',
  readOnly: 'Read-only — the workbook is changed through the run form on the right',
  emptySheet: 'This sheet is empty.',
  rowsShown: (shown, total) => `Showing ${shown} of ${total} rows.`,
  moreRows: 'Show more rows',
  grid: 'Sheet',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  print: 'Print view',
  note: 'Note',
  downloaded: (name) => `Downloaded “${name}”.`,
};
