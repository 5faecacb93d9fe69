/**
 * The whole run on generated workbooks of growing size: ExcelJS read, the pipeline's own
 * work (parse + decide + render), apply + write (the package patched, src/hosts/xlsx/apply.ts); what
 * ExcelJS takes to write the workbook with the results (what the writer before the patching one
 * did); and ExcelJS alone reading and writing the input. The budget: the pipeline's own work under 10% of the whole run at 10,000 rows
 * (it renders the result columns, the shortlist, the minutes, the run log and the undo record); its
 * share of ExcelJS reading and writing the input alone is printed too, and the input's zip entries
 * the write kept byte-identical, and the sizes.
 * Pipeline and ExcelJS figures are medians of 3 runs (1 at 40,000 rows: 12 cells a person, near the
 * reader's limit of 500,000 cells, src/hosts/xlsx/limits.ts).
 */
import ExcelJS from 'exceljs';
import { performance } from 'perf_hooks';
import JSZip from 'jszip';
import { applyPlan } from '../src/hosts/xlsx/apply';
import { useNodeZlib } from '../src/hosts/xlsx/node-zlib';
import { readXlsx } from '../src/hosts/xlsx/read';
import { runPipeline } from '../src/workbook/pipeline';

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Huỳnh', 'Phan', 'Vũ', 'Võ', 'Đặng'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Minh', 'Thanh', 'Ngọc'];
const GIVEN = ['An', 'Bình', 'Cường', 'Dũng', 'Đức', 'Giang', 'Hà', 'Hạnh', 'Hòa', 'Khánh', 'Lan', 'Long', 'Mai', 'Nam', 'Oanh', 'Phúc', 'Quân', 'Sơn', 'Thảo', 'Yến'];
const TITLES = ['Trưởng phòng', 'Phó Trưởng phòng'];

export async function workbook(rows: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const roster = wb.addWorksheet('Danh sách trích ngang');
  roster.addRow(['DANH SÁCH TRÍCH NGANG']);
  roster.addRow([]);
  roster.addRow(['STT', 'Mã cán bộ', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Chức vụ hiện tại', 'Chức danh quy hoạch']);
  const votes = wb.addWorksheet('KP HN cán bộ');
  votes.addRow(['KẾT QUẢ KIỂM PHIẾU — HỘI NGHỊ CÁN BỘ, CÔNG CHỨC, VIÊN CHỨC']);
  votes.addRow(['Tổng số người được triệu tập: 120', null, null, 'Số người có mặt: 100']);
  votes.addRow(['STT', 'Mã cán bộ', 'Họ và tên', 'Chức danh', 'Số phiếu đồng ý']);
  // As offices type them: Times New Roman 13, every table cell bordered.
  const font = { name: 'Times New Roman', size: 13 };
  const border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } } as const;
  const styled = (row: ExcelJS.Row) => row.eachCell((cell) => {
    cell.font = font;
    cell.border = border;
  });
  for (let i = 0; i < rows; i++) {
    const name = `${FAMILY[i % 10]} ${MIDDLE[(i >> 2) % 6]} ${GIVEN[(i * 7) % 20]}`;
    const code = `CB${String(i + 1).padStart(6, '0')}`;
    styled(roster.addRow([i + 1, code, name, `${String((i % 28) + 1).padStart(2, '0')}/${String((i % 12) + 1).padStart(2, '0')}/${1965 + (i % 30)}`, i % 3 ? 'Nam' : 'Nữ', 'Chuyên viên', TITLES[i % 2]]));
    styled(votes.addRow([i + 1, code, name, TITLES[i % 2], (i * 37) % 101]));
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const ms = (t0: number) => performance.now() - t0;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** The median of `times` runs of an action, in ms. */
async function timed(times: number, action: () => unknown): Promise<number> {
  const runs: number[] = [];
  for (let i = 0; i < times; i++) {
    const t = performance.now();
    await action();
    runs.push(ms(t));
  }
  return median(runs);
}

/** Zip entries of the input that the output holds with the same name and data, of all the input's. */
async function keptEntries(before: Uint8Array, after: Uint8Array): Promise<string> {
  const [a, b] = await Promise.all([JSZip.loadAsync(before), JSZip.loadAsync(after)]);
  let same = 0;
  const names = Object.keys(a.files).filter((p) => !a.files[p].dir);
  for (const p of names) {
    const now = b.file(p);
    if (now && Buffer.from(await now.async('uint8array')).equals(Buffer.from(await a.file(p)!.async('uint8array')))) same++;
  }
  return `${same}/${names.length}`;
}

export async function benchPipeline(sizes = [100, 1_000, 10_000, 40_000]): Promise<void> {
  useNodeZlib(); // as the command does
  console.log('\nwhole run on an .xlsx (roster + vote sheet of N rows, as the command runs it), ms; sizes in KB');
  const widths = [7, 8, 22, 13, 8, 15, 20, 18, 16, 10, 14];
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('');
  console.log(line(['rows', 'read', 'parse+decide+render', 'apply+write', 'total', 'ExcelJS write', 'ExcelJS read+write', 'pipeline/ExcelJS', 'pipeline/total', 'kept', 'size in→out']));
  for (const n of sizes) {
    const file = await workbook(n);
    const times = n <= 10_000 ? 3 : 1;
    const t = performance.now();
    const { snapshot } = await readXlsx(file);
    const read = ms(t);
    let run = runPipeline(snapshot, { procedure: 'next-term', step: 2, lang: 'vi' });
    if (!run.ok || !run.plan) throw new Error(`bench run failed: ${JSON.stringify(run.diagnostics.slice(0, 3))}`);
    const pipeline = await timed(times, () => (run = runPipeline(snapshot, { procedure: 'next-term', step: 2, lang: 'vi' })));
    let out: Uint8Array = new Uint8Array();
    const write = await timed(times, async () => (out = await applyPlan(file, run.plan as NonNullable<typeof run.plan>)));
    // What the writer before the patching one did after applying the plan: ExcelJS writes the whole workbook, results and all.
    const written = new ExcelJS.Workbook();
    await written.xlsx.load(out as unknown as ArrayBuffer);
    const exceljsWrite = await timed(times, () => written.xlsx.writeBuffer());
    const exceljs = await timed(times, async () => {
      const plain = new ExcelJS.Workbook();
      await plain.xlsx.load(file as unknown as ArrayBuffer);
      await plain.xlsx.writeBuffer();
    });
    const kb = (b: Uint8Array) => (b.byteLength / 1024).toFixed(0);
    console.log(
      line([
        String(n),
        ...[read, pipeline, write, read + pipeline + write, exceljsWrite, exceljs].map((v) => v.toFixed(0)),
        `${((100 * pipeline) / exceljs).toFixed(1)}%`,
        `${((100 * pipeline) / (read + pipeline + write)).toFixed(1)}%`,
        await keptEntries(file, out),
        `${kb(file)}→${kb(out)}`,
      ]),
    );
  }
}
