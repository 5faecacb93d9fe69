/**
 * The words of the workbench's print view (src/workbench/PrintView.tsx): a results sheet shown page
 * by page as it will print. Kept apart from vi.ts / en.ts and joined into Messages as `printView`.
 */
export interface PrintViewMessages {
  /** "3 trang A4 ngang, tỷ lệ 87%". */
  summary: (p: { pages: number; orientation: 'portrait' | 'landscape'; percent: number; fit: boolean }) => string;
  /** The badge above a page, and its label for screen readers. */
  page: (page: number, pages: number) => string;
  pageLabel: (sheet: string, page: number, pages: number) => string;
  zoom: string;
  zoomIn: string;
  zoomOut: string;
  zoomFit: string;
  print: string;
  printHint: string;
  noSheet: (sheet: string) => string;
  empty: string;
  /** The region holding the pages, for screen readers. */
  pagesLabel: (sheet: string) => string;
}

export const printViewVi: PrintViewMessages = {
  summary: ({ pages, orientation, percent, fit }) =>
    `${pages} trang A4 ${orientation === 'landscape' ? 'ngang' : 'dọc'}, tỷ lệ ${percent}%${fit ? ' (vừa khổ giấy theo chiều ngang)' : ''}`,
  page: (page, pages) => `Trang ${page}/${pages}`,
  pageLabel: (sheet, page, pages) => `${sheet}: trang ${page}/${pages}`,
  zoom: 'Thu phóng',
  zoomIn: 'Phóng to',
  zoomOut: 'Thu nhỏ',
  zoomFit: 'Vừa khung',
  print: 'In…',
  printHint: 'Lệnh In (Ctrl+P) của trình duyệt in đúng các trang này, khổ A4.',
  noSheet: (sheet) => `Không có trang tính “${sheet}”.`,
  empty: 'Trang tính này không có gì để in.',
  pagesLabel: (sheet) => `Bản in của trang tính “${sheet}”`,
};

export const printViewEn: PrintViewMessages = {
  summary: ({ pages, orientation, percent, fit }) =>
    `${pages} A4 ${pages === 1 ? 'page' : 'pages'}, ${orientation}, at ${percent}%${fit ? ' (fit to the paper’s width)' : ''}`,
  page: (page, pages) => `Page ${page}/${pages}`,
  pageLabel: (sheet, page, pages) => `${sheet}: page ${page} of ${pages}`,
  zoom: 'Zoom',
  zoomIn: 'Zoom in',
  zoomOut: 'Zoom out',
  zoomFit: 'Fit',
  print: 'Print…',
  printHint: 'The browser’s Print (Ctrl+P) prints exactly these pages, on A4.',
  noSheet: (sheet) => `There is no sheet “${sheet}”.`,
  empty: 'This sheet has nothing to print.',
  pagesLabel: (sheet) => `Print preview of the sheet “${sheet}”`,
};
