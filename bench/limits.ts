/**
 * The figures behind the xlsx host's limits (src/hosts/xlsx/limits.ts, README): what ExcelJS keeps
 * per cell once a workbook is loaded, what a whole run (read, run, write) peaks at per cell, and
 * how fast the package check reads a file and refuses the zip bombs. Run with --expose-gc
 * (npm run bench does) for steady heap figures.
 */
import ExcelJS from 'exceljs';
import { performance } from 'perf_hooks';
import { nodeInflate } from '../src/hosts/xlsx/node-zlib';
import { checkPackage, useInflater } from '../src/hosts/xlsx/package-check';
import { applyPlan } from '../src/hosts/xlsx/apply';
import { readXlsx } from '../src/hosts/xlsx/read';
import { runPipeline } from '../src/workbook/pipeline';
import { makeHostile, partsOf, sheetXml, zipParts } from '../test/fixtures/make-hostile';
import { workbook } from './pipeline';

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const heap = () => {
  gc();
  return process.memoryUsage().heapUsed;
};

export async function benchLimits(): Promise<void> {
  useInflater(nodeInflate);
  console.log('\nlimits: ExcelJS memory per cell once loaded (a sheet of N rows x 8 cells)');
  for (const rows of [10_000, 50_000]) {
    const parts = await partsOf();
    parts.set('xl/worksheets/sheet1.xml', Buffer.from(sheetXml(rows, 8)));
    const file = zipParts(parts);
    const before = heap();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ArrayBuffer);
    const kept = heap() - before;
    console.log(`  ${rows} rows: ${Math.round(kept / (rows * 8))} bytes per cell (${(kept / 1e6).toFixed(0)} MB for ${rows * 8} cells)`);
    const t = performance.now();
    await checkPackage(file);
    console.log(`  package check of that file (${(file.length / 1e6).toFixed(1)} MB): ${(performance.now() - t).toFixed(0)} ms`);
  }
  console.log('limits: a whole run (read, run step 2, write), heap peak per cell (roster + vote sheet of N people, 12 cells each)');
  for (const people of [5_000, 20_000]) {
    const file = await workbook(people);
    const base = heap();
    let peak = base;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 10);
    const t = performance.now();
    const { snapshot } = await readXlsx(file);
    const run = runPipeline(snapshot, { procedure: 'next-term', step: 2, lang: 'vi' });
    if (run.plan) await applyPlan(file, run.plan);
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage().heapUsed);
    console.log(`  ${people} people: ${Math.round((peak - base) / (people * 12))} bytes per cell at the peak (${((peak - base) / 1e6).toFixed(0)} MB), ${(performance.now() - t).toFixed(0)} ms`);
  }
  console.log('limits: hostile files refused (package check), ms');
  for (const f of await makeHostile()) {
    if (!/bom|qua-nhieu|ti-le|chuoi-qua/.test(f.name)) continue;
    const t = performance.now();
    const r = await checkPackage(f.bytes);
    console.log(`  ${f.name.padEnd(26)} ${(f.bytes.length / 1e6).toFixed(1).padStart(5)} MB  ${(performance.now() - t).toFixed(0).padStart(5)} ms  ${r.ok ? 'READ' : r.diagnostic.code}`);
  }
}

if (require.main === module) void benchLimits();
