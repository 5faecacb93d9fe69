/**
 * The sample workbooks of the browser page ("Mở tệp mẫu", issue 7): one per procedure, laid out as a
 * district office lays them out (the layout helpers of test/fixtures/make-fixtures.ts), so that a
 * user without Excel can run every step of a procedure in one file. Deterministic, like the fixtures.
 *
 *   npm run samples      (writes samples/*.xlsx; the build copies them into dist/samples/)
 */
import type * as ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { writeFileSync } from 'fs';
import { join } from 'path';
import { EXTERNAL, FIXED, FONT, LEADERSHIP_TITLE, PTP, STAFF, STAFF_TITLE, TP, candidatesSheet, d, rosterNamNu, rosterTable, voteSheet, workbook } from '../test/fixtures/make-fixtures';
import { SAMPLES } from '../src/workbench/samples';

const OUT = __dirname;

const makers: Record<string, () => ExcelJS.Workbook> = {
  /**
   * Quy hoạch nhiệm kỳ tới (I): the roster (step 1), the staff conference's count (step 2) and the
   * leadership conference's count (step 3), each in its own sheet. Step 3 has a tie at the quota
   * line for "Trưởng phòng" (two people at 6 of 8), so the head's decision is asked for.
   */
  'quy-hoach-nhiem-ky-toi.xlsx': () => {
    const wb = workbook();
    rosterNamNu(wb, STAFF);
    voteSheet(wb, {
      sheetName: 'KP HN cán bộ',
      titleLines: STAFF_TITLE,
      convened: 25,
      present: 21,
      titles: 'sections',
      columns: ['birth', 'agree'],
      numberingRow: true,
      lines: [
        { name: 'Nguyễn Văn An', birth: d(12, 3, 1980), title: TP, agree: 15 },
        { name: 'Trần Thị Bích', birth: d(20, 7, 1985), title: TP, agree: 11 },
        { name: 'Lê Văn Cường', birth: d(10, 5, 1968), title: TP, agree: 9 },
        { name: 'Phạm Thị Dung', birth: d(2, 9, 1990), title: TP, agree: 10 },
        { name: 'Hoàng Văn Em', birth: d(15, 1, 1987), title: TP, agree: 5 },
        { name: 'Vũ Thị Giang', birth: d(30, 11, 1983), title: PTP, agree: 17 },
        { name: 'Đặng Văn Hùng', birth: d(8, 8, 1979), title: PTP, agree: 8 },
        { name: 'Bùi Thị Lan', birth: d(25, 4, 1992), title: PTP, agree: 12 },
      ],
    });
    voteSheet(wb, {
      sheetName: 'KP lãnh đạo',
      titleLines: LEADERSHIP_TITLE,
      convened: 9,
      present: 8,
      conferenceStyle: 'next-cell',
      titles: 'title-column',
      columns: ['birth', 'agree'],
      lines: [
        { name: 'Nguyễn Văn An', birth: d(12, 3, 1980), title: TP, agree: 8 },
        { name: 'Trần Thị Bích', birth: d(20, 7, 1985), title: TP, agree: 7 },
        { name: 'Lê Văn Cường', birth: d(10, 5, 1968), title: TP, agree: 6 },
        { name: 'Phạm Thị Dung', birth: d(2, 9, 1990), title: TP, agree: 6 },
        { name: 'Vũ Thị Giang', birth: d(30, 11, 1983), title: PTP, agree: 7 },
        { name: 'Đặng Văn Hùng', birth: d(8, 8, 1979), title: PTP, agree: 5 },
        { name: 'Bùi Thị Lan', birth: d(25, 4, 1992), title: PTP, agree: 6 },
      ],
      signature: ['TỔ KIỂM PHIẾU', 'TM. TẬP THỂ LÃNH ĐẠO', 'TRƯỞNG PHÒNG'],
    });
    return wb;
  },

  /**
   * Rà soát, bổ sung quy hoạch hằng năm, nguồn tại chỗ (II.1): the roster as an Excel Table, the
   * staff conference's removal and nomination counts (step 1) and the leadership's vote (step 2).
   */
  'ra-soat-bo-sung-tai-cho.xlsx': () => {
    const wb = workbook();
    rosterTable(wb, STAFF);
    voteSheet(wb, {
      sheetName: 'KP rà soát 2026',
      titleLines: ['KẾT QUẢ KIỂM PHIẾU RÀ SOÁT, BỔ SUNG QUY HOẠCH NĂM 2026', 'Hội nghị cán bộ, công chức, viên chức Phòng Nội vụ'],
      convened: 25,
      present: 20,
      titles: 'title-column',
      columns: ['birth', 'removeAgree', 'agree'],
      twoRowCounts: true,
      lines: [
        { name: 'Nguyễn Văn An', birth: d(12, 3, 1980), title: TP, removeAgree: 2 },
        { name: 'Trần Thị Bích', birth: d(20, 7, 1985), title: TP, removeAgree: 13 },
        { name: 'Vũ Thị Giang', birth: d(30, 11, 1983), title: PTP, removeAgree: 1 },
        { name: 'Phạm Thị Dung', birth: d(2, 9, 1990), title: TP, agree: 9 },
        { name: 'Đặng Văn Hùng', birth: d(8, 8, 1979), title: PTP, agree: 10 },
        { name: 'Bùi Thị Lan', birth: d(25, 4, 1992), title: PTP, agree: 5 },
      ],
    });
    voteSheet(wb, {
      sheetName: 'KP tập thể lãnh đạo',
      titleLines: ['KẾT QUẢ KIỂM PHIẾU BỔ SUNG QUY HOẠCH NĂM 2026', 'Hội nghị tập thể lãnh đạo Phòng Nội vụ'],
      convened: 9,
      present: 9,
      titles: 'title-column',
      columns: ['birth', 'agree'],
      lines: [
        { name: 'Phạm Thị Dung', birth: d(2, 9, 1990), title: TP, agree: 7 },
        { name: 'Đặng Văn Hùng', birth: d(8, 8, 1979), title: PTP, agree: 8 },
      ],
      signature: ['TỔ KIỂM PHIẾU', 'TM. TẬP THỂ LÃNH ĐẠO', 'TRƯỞNG PHÒNG'],
    });
    return wb;
  },

  /**
   * Bổ sung quy hoạch nguồn từ nơi khác (II.2): the roster and the external candidates with the
   * consultation columns (steps 1 to 3), and the leadership's second vote (step 4).
   */
  'bo-sung-nguon-noi-khac.xlsx': () => {
    const wb = workbook();
    rosterNamNu(wb, STAFF);
    candidatesSheet(wb, EXTERNAL, { consult: true, approval: true });
    voteSheet(wb, {
      sheetName: 'KP lãnh đạo lần 2',
      titleLines: ['KẾT QUẢ KIỂM PHIẾU QUY HOẠCH NGUỒN TỪ NƠI KHÁC', 'Hội nghị tập thể lãnh đạo Phòng Nội vụ (lần 2)'],
      convened: 9,
      present: 9,
      titles: 'title-column',
      columns: ['birth', 'agree'],
      lines: [
        { name: 'Lương Văn Khánh', birth: d(4, 6, 1984), title: TP, agree: 8 },
        { name: 'Mai Thị Phương', birth: d(19, 10, 1989), title: TP, agree: 5 },
        { name: 'Tạ Văn Sơn', birth: d(1, 2, 1966), title: PTP, agree: 4 },
      ],
      signature: ['TỔ KIỂM PHIẾU', 'TM. TẬP THỂ LÃNH ĐẠO', 'TRƯỞNG PHÒNG'],
    });
    return wb;
  },
};

/** Written with fixed zip dates, so the bytes do not depend on the clock. */
async function save(wb: ExcelJS.Workbook, file: string): Promise<void> {
  wb.eachSheet((ws) => {
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (!cell.font?.name) cell.font = { ...FONT, ...(cell.font ?? {}) };
      }),
    );
  });
  const zip = await JSZip.loadAsync((await wb.xlsx.writeBuffer()) as unknown as Buffer);
  const out = new JSZip();
  for (const name of Object.keys(zip.files).sort()) {
    const entry = zip.files[name];
    if (!entry.dir) out.file(name, await entry.async('nodebuffer'), { date: FIXED, createFolders: false });
  }
  writeFileSync(join(OUT, file), await out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }));
}

async function run(): Promise<void> {
  for (const sample of SAMPLES) {
    const make = makers[sample.file];
    if (!make) throw new Error(`samples/make-samples.ts has no maker for ${sample.file}`);
    await save(make(), sample.file);
    process.stdout.write(`samples/${sample.file}\n`);
  }
}

if (require.main === module) {
  run().catch((e) => {
    console.error(e);
    process.exitCode = 1;
  });
}
