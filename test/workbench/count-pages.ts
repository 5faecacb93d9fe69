/**
 * Counts the pages LibreOffice prints of every sheet the runs of runs.ts create, for the page
 * counts written there (RunCase.pages): each created sheet printed alone (test/print/pdf.ts), all in
 * one soffice call. Run when a renderer changes what a sheet holds: `npx tsx test/workbench/count-pages.ts`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { applyPlan } from '../../src/hosts/xlsx/apply';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { runPipeline } from '../../src/workbook/pipeline';
import { convertToPdf, createdSheets, onlySheet, readPdf } from '../print/pdf';
import { inputOf, RUNS } from './runs';

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'qh-count-pages-'));
  const jobs: { file: string; run: string; sheet: string }[] = [];
  for (const [i, c] of RUNS.entries()) {
    const input = await inputOf(c);
    const { snapshot } = await readXlsx(input);
    const run = runPipeline(snapshot, c.request);
    if (!run.plan) throw new Error(`${c.label}: the run failed`);
    const out = Buffer.from(await applyPlan(input, run.plan));
    for (const [j, s] of (await createdSheets(out)).entries()) {
      const file = join(dir, `r${i}s${j}.xlsx`);
      writeFileSync(file, await onlySheet(out, s.name));
      jobs.push({ file, run: c.label, sheet: s.name });
    }
  }
  const pdfs = convertToPdf(
    jobs.map((j) => j.file),
    join(dir, 'pdf'),
    join(dir, 'profile'),
  );
  jobs.forEach((j, k) => {
    const pages = readPdf(pdfs[k]).pages.length;
    const expected = RUNS.find((c) => c.label === j.run)?.pages[j.sheet];
    console.log(`${j.run} | ${j.sheet} | ${pages} pages${expected === pages ? '' : ` (runs.ts says ${expected ?? 'nothing'})`}`);
  });
  rmSync(dir, { recursive: true, force: true });
}

void main();
