// The printed page of a sheet the add-in creates, measured in pure code (src/workbook/render/page-layout.ts):
// lines of wrapped text, row heights, the print scale from the column widths, page breaks before the
// groups a renderer keeps together, rows repeated at the top.
import { cellLines, columnPx, DEFAULT_ROW_POINTS, emOf, fontPx, layoutSheet, linesOf, paginate, printableArea, printScale, rowPoints, textPx } from '../../../src/workbook/render/page-layout';
import type { PlanCell, PlanSheet, WriteBlock } from '../../../src/workbook/plan';

const MARGINS = { top: 20, bottom: 20, left: 30, right: 15 };

function sheetOf(rows: number, extra: Partial<PlanSheet> = {}, page: Partial<PlanSheet['page']> = {}): PlanSheet {
  return {
    name: 'Trang',
    widths: [6, 26, 10, 10, 33],
    merges: [],
    font: { name: 'Times New Roman', size: 13 },
    page: { orientation: 'portrait', margins: MARGINS, printArea: `A1:E${rows}`, footer: 'Trang &P/&N', ...page },
    protect: true,
    ...extra,
  };
}

const block = (cells: PlanCell[][]): WriteBlock => ({ sheet: 'Trang', row: 1, col: 1, cells });
const text = (value: string, extra: Partial<PlanCell> = {}): PlanCell => ({ value, ...extra });
/** `n` rows of one short line each, in column B. */
const lines = (n: number): PlanCell[][] => Array.from({ length: n }, (_, i) => [text(String(i + 1)), text(`Người thứ ${i + 1}`)]);
/** Heights every row of `n` rows, all `height` points. */
const allRows = (n: number, height: number): Map<number, number> => new Map(Array.from({ length: n }, (_, i) => [i + 1, height]));

describe('measuring text (Times New Roman, Excel column units)', () => {
  test('characters by kind: digits, capitals, narrow and wide letters, Vietnamese accents as their base letter', () => {
    expect(emOf('7')).toBe(0.5);
    expect(emOf('A')).toBe(0.72);
    expect(emOf('Đ')).toBe(0.72);
    expect(emOf('W')).toBe(0.92);
    expect(emOf('i')).toBe(0.3);
    expect(emOf('ễ')).toBe(emOf('e'));
    expect(emOf('ư')).toBe(emOf('u'));
    expect(emOf(' ')).toBe(0.25);
    expect(emOf('—')).toBe(1);
    // The same answer the second time (cached), and for a character outside the BMP.
    expect(emOf('ễ')).toBe(0.46);
    expect(emOf('😀')).toBe(0.36);
    expect(textPx('ab', 10)).toBeCloseTo(9.2, 6);
  });

  test('a column of w characters is Excel\'s w digits and 5 pixels of padding', () => {
    expect(columnPx(26)).toBeCloseTo(186.98, 1);
    expect(columnPx(10)).toBeCloseTo(74.98, 1);
    expect(fontPx(12)).toBe(16);
    expect(fontPx(12, true)).toBeCloseTo(16.96, 6);
  });

  test('lines of wrapped text: at spaces, paragraphs at line breaks, a word longer than the cell cut over lines', () => {
    const px = fontPx(13);
    expect(linesOf('', 100, px)).toBe(1);
    expect(linesOf('Nguyễn Văn An', 300, px)).toBe(1);
    expect(linesOf('Nguyễn Văn An', 60, px)).toBe(2);
    // "Nguyễn" is wider than 40 px: cut over two lines, then a line each for "Văn" and "An".
    expect(linesOf('Nguyễn Văn An', 40, px)).toBe(4);
    expect(linesOf('Nghỉ hưu\nThiếu 37 tháng', 300, px)).toBe(2);
    expect(linesOf('a\n\nb', 300, px)).toBe(3);
    // Spaces in a row count once between words.
    expect(linesOf('Nguyễn   Văn', 300, px)).toBe(1);
    // A word three times the cell's width takes three lines.
    const word = 'M'.repeat(30);
    expect(linesOf(word, textPx(word, px) / 3 + 0.01, px)).toBe(3);
    // In columns: "Chờ người đứng đầu quyết định" fits 33 characters, not 20.
    expect(cellLines('Chờ người đứng đầu quyết định', [33], 13)).toBe(1);
    expect(cellLines('Chờ người đứng đầu quyết định', [20], 13)).toBe(2);
    expect(cellLines('Chờ người đứng đầu quyết định', [10, 10], 13)).toBe(2);
    expect(cellLines('Chờ người đứng đầu quyết định', [15, 15], 13)).toBe(1);
  });
});

describe('row heights', () => {
  test('each row gets what its text needs; a renderer\'s height is the least; rows under the default are left alone', () => {
    const long = 'Phó Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện Thanh Sơn, tỉnh Phú Thọ';
    const sheet = sheetOf(6, { merges: ['B3:E3'], heights: [{ row: 4, height: 40 }, { row: 5, height: 8 }] });
    const layout = layoutSheet(sheet, [
      block([
        [text('STT'), text('Nguyễn Văn An')],
        [text('1'), text(long, { wrap: true })],
        [text('2'), text(long, { wrap: true })],
        [text('3'), text('ngắn', { wrap: true })],
        [null, null].map(() => text('')),
        [text('Mã kiểm tra', { size: 10 })],
      ]),
      // A block of another sheet is not this sheet's.
      { sheet: 'Khác', row: 1, col: 1, cells: [[text(long, { wrap: true, size: 40 })]] },
    ]);
    const heights = new Map(layout.heights.map((h) => [h.row, h.height]));
    const one = Math.ceil(rowPoints(1, 13));
    expect(one).toBe(18);
    expect(heights.get(1)).toBe(one);
    // In column B alone the post takes several lines; merged across B:E fewer.
    const inB = cellLines(long, [26], 13);
    const inBE = cellLines(long, [26, 10, 10, 33], 13);
    expect(inB).toBeGreaterThan(inBE);
    expect(heights.get(2)).toBe(Math.ceil(rowPoints(inB, 13)));
    expect(heights.get(3)).toBe(Math.ceil(rowPoints(inBE, 13)));
    // Given 40 for one line: 40 it is; 8 for a blank row: kept (a thin spacer).
    expect(heights.get(4)).toBe(40);
    expect(heights.get(5)).toBe(8);
    // 10-point text needs less than the default row: no height.
    expect(rowPoints(1, 10)).toBeLessThan(DEFAULT_ROW_POINTS);
    expect(heights.has(6)).toBe(false);
    // Sorted by row.
    expect(layout.heights.map((h) => h.row)).toEqual([...layout.heights.map((h) => h.row)].sort((a, b) => a - b));
  });

  test('bold and larger text take more; a cell hidden by a merge and rows merged down are not measured', () => {
    const long = 'Báo cáo tập thể lãnh đạo; không công bố tại hội nghị (Phụ lục 12, phần Lưu ý)';
    const sheet = sheetOf(4, { merges: ['A2:A3', 'B4:C4'] });
    const layout = layoutSheet(
      sheet,
      block([
        [text('TIÊU ĐỀ', { size: 14, bold: true })],
        [text(long, { wrap: true }), text('x')],
        [null, text('y')].map((v) => (v ? v : text(''))),
        [text(''), text('z'), text(long, { wrap: true, size: 30 })],
      ]),
    );
    const heights = new Map(layout.heights.map((h) => [h.row, h.height]));
    expect(heights.get(1)).toBe(Math.ceil(rowPoints(1, 14)));
    // A2:A3 merged down: their height is shared, so those rows are left as they are.
    expect(heights.has(2)).toBe(false);
    expect(heights.has(3)).toBe(false);
    // C4 is hidden by B4:C4: its huge text does not count.
    expect(heights.get(4)).toBe(18);
  });
  test('a text not wrapped takes one line, and one more for each line break typed in it', () => {
    const layout = layoutSheet(sheetOf(2), block([[text('Nguyễn Văn An rất dài '.repeat(5))], [text('Trưởng phòng\nPhó Trưởng phòng')]]));
    expect(layout.heights).toEqual([
      { row: 1, height: Math.ceil(rowPoints(1, 13)) },
      { row: 2, height: Math.ceil(rowPoints(2, 13)) },
    ]);
  });
});

describe('the page: scale from the column widths, room within the margins', () => {
  test('A4 within the Nghị định 30/2020 margins; the header and footer fit in the margins', () => {
    const portrait = printableArea(sheetOf(1));
    expect(portrait.width).toBeCloseTo((165 * 72) / 25.4, 3);
    expect(portrait.height).toBeCloseTo((257 * 72) / 25.4, 3);
    const landscape = printableArea(sheetOf(1, {}, { orientation: 'landscape', header: 'KHÔNG CÔNG BỐ TẠI HỘI NGHỊ' }));
    expect(landscape.width).toBeCloseTo((252 * 72) / 25.4, 3);
    expect(landscape.height).toBeCloseTo((170 * 72) / 25.4, 3);
    // Margins narrower than a header line: the header takes its room.
    const narrow = printableArea(sheetOf(1, {}, { margins: { top: 5, bottom: 5, left: 10, right: 10 }, header: 'X' }));
    expect(narrow.height).toBeLessThan(((297 - 10) * 72) / 25.4);
  });

  test('one page wide: columns that fit print at 100%, wider ones shrink to the widest scale any host prints at', () => {
    expect(printScale(sheetOf(1))).toBe(1);
    const wide = sheetOf(1, { widths: [20, 40, 40, 40, 40] });
    const scale = printScale(wide);
    // 180 characters: at most 7 px each in Excel (945 pt) on 468 pt of paper.
    expect(scale).toBeCloseTo(((165 * 72) / 25.4) / (180 * 7 * 0.75), 3);
    expect(scale).toBeLessThan(0.5);
    // Only the printed columns count.
    expect(printScale(sheetOf(1, { widths: [6, 26, 10, 10, 33, 200] }))).toBe(1);
  });
});

describe('page breaks', () => {
  test('a sheet that fits one page has none', () => {
    const sheet = sheetOf(30);
    const layout = layoutSheet(sheet, block(lines(30)));
    expect(layout.breaks).toEqual([]);
    expect(layout.pages).toEqual([1]);
  });

  test('a long sheet: every page end, pages filled to the room left after the spare (rows in whole pixels)', () => {
    const sheet = sheetOf(100);
    const { breaks, pages } = paginate(sheet, allRows(100, 20));
    // 728.5 pt within the margins, 1.5% spare: 35 rows of 20 pt (20.25 in whole pixels).
    expect(breaks).toEqual([35, 70]);
    expect(pages).toEqual([1, 36, 71]);
    // The same from layoutSheet, with the heights the text needs.
    expect(layoutSheet(sheet, block(lines(100))).breaks.length).toBe(2);
  });

  test('rows shrunk to fit one page wide: more rows on a page', () => {
    const wide = sheetOf(100, { widths: [12, 52, 20, 20, 66] });
    const { breaks } = paginate(wide, allRows(100, 20));
    expect(printScale(wide)).toBeLessThan(0.6);
    expect(breaks[0]).toBeGreaterThan(60);
  });

  test('landscape: fewer rows on a page', () => {
    const { breaks } = paginate(sheetOf(100, { widths: [6, 26, 10, 10, 33] }, { orientation: 'landscape' }), allRows(100, 20));
    expect(breaks[0]).toBe(23);
  });

  test('rows repeated at the top take their room on every page after the first', () => {
    const plain = paginate(sheetOf(100), allRows(100, 20)).breaks;
    const repeated = paginate(sheetOf(100, {}, { repeatRows: { from: 3, to: 4 } }), allRows(100, 20)).breaks;
    // Page 1 as before; later pages hold two rows fewer.
    expect(repeated[0]).toBe(plain[0]);
    expect(repeated[1] - repeated[0]).toBe(plain[1] - plain[0] - 2);
  });

  test('a page ends before a group it would cut, and the next page is filled from there', () => {
    const sheet = sheetOf(100, { keep: [{ from: 33, to: 37 }] });
    const { breaks } = paginate(sheet, allRows(100, 20));
    expect(breaks[0]).toBe(32);
    expect(breaks[1]).toBe(67);
    // A group ending at the page end, or starting after it, moves nothing.
    expect(paginate(sheetOf(100, { keep: [{ from: 30, to: 35 }, { from: 36, to: 40 }] }), allRows(100, 20)).breaks[0]).toBe(35);
  });

  test('groups that overlap hold together as one; rows merged down are a group too', () => {
    expect(paginate(sheetOf(100, { keep: [{ from: 30, to: 34 }, { from: 34, to: 36 }] }), allRows(100, 20)).breaks[0]).toBe(29);
    // Unsized rows of 15 pt: 47 on a page, unless rows 46–49 are merged down.
    expect(layoutSheet(sheetOf(100), block([])).breaks[0]).toBe(47);
    expect(layoutSheet(sheetOf(100, { merges: ['A46:A49'] }), block([])).breaks[0]).toBe(45);
  });

  test('a group taller than a page starts a page and is cut where it must (no endless loop)', () => {
    const { breaks } = paginate(sheetOf(100, { keep: [{ from: 10, to: 90 }] }), allRows(100, 20));
    expect(breaks).toEqual([9, 44, 79]);
    // A single row taller than a page is a page of its own.
    const tall = allRows(5, 20);
    tall.set(3, 1000);
    expect(paginate(sheetOf(5), tall).breaks).toEqual([2, 3]);
  });

  test('the signature block with the closing sentence: the page ends before them, never between', () => {
    // 34 rows of the table, the closing sentence and the signatures in rows 36–44.
    const sheet = sheetOf(44, { keep: [{ from: 33, to: 44 }] });
    const { breaks, pages } = paginate(sheet, allRows(44, 20));
    expect(breaks).toEqual([32]);
    expect(pages).toEqual([1, 33]);
  });

  test('linear: 10,000 wrapped rows laid out fast', () => {
    const n = 10_000;
    const cells = Array.from({ length: n }, (_, i) => [
      text(String(i + 1)),
      text(`Nguyễn Văn Người Thứ ${i}`, { wrap: true }),
      text('12/03/1980'),
      text(i % 2 ? 'Đạt' : 'Không đạt', { wrap: true }),
      text(i % 3 ? 'Chuyên viên chính, Phòng Nội vụ' : 'Phó Chánh Văn phòng Hội đồng nhân dân và Ủy ban nhân dân huyện', { wrap: true }),
    ]);
    const t0 = Date.now();
    const layout = layoutSheet(sheetOf(n, {}, { repeatRows: { from: 1, to: 1 } }), block(cells));
    expect(Date.now() - t0).toBeLessThan(2000);
    expect(layout.heights).toHaveLength(n);
    expect(layout.breaks.length).toBeGreaterThan(300);
    expect(layout.breaks.length).toBeLessThan(1026);
  });

  test('past the 1026 manual breaks Excel holds, only those that keep a group whole are given', () => {
    const n = 40_000;
    const sheet = sheetOf(n, { keep: [{ from: 104, to: 107 }] });
    const { breaks, pages } = paginate(sheet, allRows(n, 20));
    expect(pages.length).toBeGreaterThan(1026);
    expect(breaks).toEqual([103]);
  });
});
