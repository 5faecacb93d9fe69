#!/usr/bin/env node
// Pictures of the printed pages for README: the golden workbooks README illustrates go through
// the command (`node bin/quy-hoach.cjs run …`), every sheet the run creates is printed alone with
// LibreOffice (soffice → PDF, Vietnamese locale) and its first page drawn with pdftoppm at 70 dpi
// into docs/images/<sheet-slug>.png (ASCII names). The print checks of test/print are run on
// each PDF too, and any problem is printed.
//
//   npm run pictures                     writes docs/images/*.png
//   node scripts/render-pages.mjs --out DIR --all --dpi 150 --pdf --long
//                                        into DIR, every page (<slug>-p2.png, …), at 150 dpi, the PDFs,
//                                        and a generated list of 120 people (test/print/long-roster.ts)
//
// Needs soffice (libreoffice-calc-nogui), pdftoppm, pdfinfo, pdftotext, pdffonts (poppler-utils).

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
require('tsx/cjs');
const { convertToPdf, createdSheets, missingPrintTools, onlySheet, readPdf } = require('../test/print/pdf.ts');
const { sheetProblems } = require('../test/print/checks.ts');
const { longWorkbook } = require('../test/print/long-roster.ts');
const { readXlsx } = require('../src/hosts/xlsx/read.ts');
const { xlsxBytes } = require('../test/support/xlsx-run.ts');
const { messages } = require('../src/i18n/index.ts');
const { DECIDED_BY_COL, DECIDED_ON_COL, SHORTLIST_HEADER_ROW } = require('../src/workbook/render/shortlist.ts');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');

/** The runs README shows: fixture and the command's options (and the head's decision on the tie, written on the shortlist before a second run). */
const DECISION = { sheet: 'KQ Kế tiếp B3', chosen: 'Phạm Thị Dung', by: 'Nguyễn Văn Thủ', on: '04/12/2026', pictures: ['KQ Kế tiếp B3', 'QĐ Kế tiếp B3'] };
const RUNS = [
  ['next-term-2-staff.xlsx', ['--step', '2']],
  ['next-term-3-leadership.xlsx', ['--step', '3']],
  ['next-term-3-leadership.xlsx', ['--step', '3'], DECISION],
  ['annual-local-1-review.xlsx', ['--procedure', 'annual-local', '--step', '1']],
  ['annual-external-1-gap.xlsx', ['--procedure', 'annual-external', '--step', '1', '--term-start', '2026-01-01']],
  ['next-term-1-roster.xlsx', ['--step', '1', '--term-start', '2026-01-01']],
];

const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const OUT = outAt >= 0 ? path.resolve(args[outAt + 1]) : path.join(ROOT, 'docs', 'images');
const ALL_PAGES = args.includes('--all');
const KEEP_PDF = args.includes('--pdf');
const LONG = args.includes('--long');
const dpiAt = args.indexOf('--dpi');
const DPI = dpiAt >= 0 ? String(Number(args[dpiAt + 1]) || 70) : '70';

/** "KQ Kế tiếp B2" → "kq-ke-tiep-b2". */
export function slug(name) {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The workbook with the head's decision written on its shortlist: the mark, the name, the date. */
async function withDecision(xlsx, { sheet, chosen, by, on }) {
  const { workbook } = await readXlsx(xlsx);
  const ws = workbook.getWorksheet(sheet);
  const t = messages('vi').sheets;
  let mark = 0;
  ws.getRow(SHORTLIST_HEADER_ROW).eachCell((c, col) => {
    if (c.value === t.decisionColumn) mark = col;
  });
  ws.eachRow((row, r) => {
    if (row.getCell(2).value === chosen) ws.getCell(r, mark).value = t.chosenMark;
    if (row.getCell(1).value === t.decidedBy) {
      ws.getCell(r, DECIDED_BY_COL).value = by;
      ws.getCell(r, DECIDED_ON_COL).value = on;
    }
  });
  return xlsxBytes(workbook);
}

async function main() {
  const missing = missingPrintTools(['pdftoppm']);
  if (missing.length) {
    console.error(`render-pages: ${missing.join(', ')} not found (apt-get install libreoffice-calc-nogui poppler-utils fonts-liberation2)`);
    return 1;
  }
  const t0 = Date.now();
  const tmp = mkdtempSync(path.join(tmpdir(), 'quyhoach-pages-'));
  try {
    const files = [];
    // [input, options, prefix of the picture names]
    const runs = RUNS.map(([fixture, options, decision]) => [path.join(FIXTURES, fixture), options, decision ? 'decided-' : '', decision]);
    if (LONG) {
      const file = path.join(tmp, 'danh-sach-120.xlsx');
      writeFileSync(file, await longWorkbook());
      runs.push([file, ['--step', '2'], 'long-']);
    }
    const command = (input, options, out) => execFileSync(process.execPath, [path.join(ROOT, 'bin', 'quy-hoach.cjs'), 'run', input, ...options, '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
    for (const [i, [input, options, prefix, decision]] of runs.entries()) {
      const fixture = path.basename(input);
      const out = path.join(tmp, `run${i}.xlsx`);
      if (decision) {
        // The head's decision typed on the shortlist of a first run, as the head does; the next run reads it.
        const first = path.join(tmp, `run${i}-first.xlsx`);
        command(input, options, first);
        const decided = path.join(tmp, `run${i}-decided.xlsx`);
        writeFileSync(decided, await withDecision(readFileSync(first), decision));
        command(decided, options, out);
      } else command(input, options, out);
      const output = readFileSync(out);
      const sheets = await createdSheets(output);
      if (sheets.length === 0) console.log(`${fixture} ${options.join(' ')}: no sheet created`);
      for (const [j, sheet] of sheets.entries()) {
        // After the decision, only the sheets it changes (the minutes are the count's: the same as before).
        if (decision && !decision.pictures.includes(sheet.name)) continue;
        const file = path.join(tmp, `run${i}-sheet${j}.xlsx`);
        writeFileSync(file, await onlySheet(output, sheet.name));
        files.push({ fixture, sheet, file, prefix });
      }
    }
    const pdfs = convertToPdf(
      files.map((f) => f.file),
      path.join(tmp, 'pdf'),
      path.join(tmp, 'profile'),
    );
    mkdirSync(OUT, { recursive: true });
    // One picture per sheet name (every run adds the same log sheet): the first run's.
    const drawn = new Map();
    let problems = 0;
    for (const [k, f] of files.entries()) {
      const pdf = readPdf(pdfs[k]);
      const key = f.prefix + f.sheet.name;
      const again = drawn.has(key);
      const name = drawn.get(key) ?? f.prefix + (slug(f.sheet.name) || 'sheet');
      drawn.set(key, name);
      const pages = again ? 0 : ALL_PAGES ? pdf.pages.length : 1;
      for (let p = 1; p <= pages; p++) {
        const target = path.join(OUT, p === 1 ? name : `${name}-p${p}`);
        execFileSync('pdftoppm', ['-r', DPI, '-png', '-singlefile', '-f', String(p), '-l', String(p), pdfs[k], target]);
      }
      if (KEEP_PDF && !again) copyFileSync(pdfs[k], path.join(OUT, `${name}.pdf`));
      const found = sheetProblems({ sheet: f.sheet, pdf });
      problems += found.length;
      const where = again ? '(drawn above)' : path.relative(ROOT, path.join(OUT, `${name}.png`));
      console.log(`${where}  “${f.sheet.name}” (${f.fixture}), ${pdf.pages.length} page(s), ${f.sheet.orientation}`);
      for (const line of found) console.log(`  ! ${line}`);
    }
    console.log(`${files.length} sheets in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${problems} print problem(s)`);
    return 0;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
