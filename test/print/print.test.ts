/**
 * Every sheet a run creates, printed with real LibreOffice (soffice → PDF, read with poppler):
 * A4 in the sheet's orientation, the pages expected, the header row and "Trang x/y" on every page,
 * Vietnamese text whole (no U+FFFD, fonts embedded, no Type 3), every outcome word the run
 * produced, and a count that is not announced never printed under the announcement heading.
 *
 * The sheets are found generically (a defined name OWNED_SHEET_PREFIX… points at them, hidden ones
 * left out), so a sheet a renderer adds later is printed and checked too. Each created sheet is
 * printed alone (pdf.ts onlySheet), all of them in one soffice call.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import JSZip from 'jszip';
import { applyPlan } from '../../src/hosts/xlsx/apply';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { messages, outcomeText } from '../../src/i18n';
import type { ProcedureId } from '../../src/rules';
import type { Overrides } from '../../src/workbook/reader/inputs';
import { runPipeline, type RunOutcome } from '../../src/workbook/pipeline';
import { pointDecimals, runProblems, sheetProblems, type PrintedRun } from './checks';
import { LONG_COUNT, longName, longWorkbook } from './long-roster';
import { GOLDEN_RUNS, TIE_DECISION, TIE_RUN } from './golden-runs';
import { runXlsx } from '../support/xlsx-run';
import { convertToPdf, createdSheets, hiddenSheets, missingPrintTools, onlySheet, readPdf, type CreatedSheet, type Pdf } from './pdf';

const FIXTURES = join(__dirname, '..', 'fixtures');
const vi = messages('vi');

interface Case {
  label: string;
  /** A fixture file, or a workbook made here. */
  workbook: string | (() => Promise<Buffer>);
  procedure: ProcedureId;
  step: number;
  overrides?: Overrides;
  /** Pages of the shortlist: the golden lists fit on one page. */
  shortlistPages: number | { min: number };
}

// The golden fixtures that run through (test/print/golden-runs.ts); the golden lists fit on one page.
const GOLDEN: Case[] = GOLDEN_RUNS.map((r) => ({ label: r.label, workbook: r.fixture, procedure: r.procedure, step: r.step, overrides: r.overrides, shortlistPages: 1 }));

/** The run after the head's decision on the tie of the golden step 3 (read back from the shortlist): shortlist, minutes and decision record. */
async function decidedWorkbook(): Promise<Buffer> {
  const first = await runXlsx(readFileSync(join(FIXTURES, TIE_RUN.fixture)), { procedure: TIE_RUN.procedure, step: TIE_RUN.step, lang: 'vi' });
  const chosen = first.run.result!.people.find((p) => p.name === TIE_DECISION.name)!;
  return (await runXlsx(first.buffer, { procedure: TIE_RUN.procedure, step: TIE_RUN.step, lang: 'vi', overrides: { decisions: [{ ...TIE_DECISION, chosen: [chosen.id] }] } })).buffer;
}
const DECIDED: Case = { label: `${TIE_RUN.label}, after the head’s decision`, workbook: decidedWorkbook, procedure: TIE_RUN.procedure, step: TIE_RUN.step, shortlistPages: 1 };

const LONG: Case = { label: `a generated roster of ${LONG_COUNT} people (next-term step 2)`, workbook: longWorkbook, procedure: 'next-term', step: 2, shortlistPages: { min: 2 } };
const CASES = [...GOLDEN, DECIDED, LONG];
/** Runs also printed whole (every sheet, as a user would print the workbook): a vote step with and without a tie, a step without a vote. */
const WHOLE = [GOLDEN[1], GOLDEN[2], GOLDEN[5], DECIDED];

interface Printed {
  run: RunOutcome;
  output: Buffer;
  sheets: { sheet: CreatedSheet; pdf: Pdf }[];
  /** The whole output workbook printed, every sheet as LibreOffice prints it. */
  whole?: Pdf;
}

async function runCase(c: Case): Promise<{ run: RunOutcome; output: Buffer }> {
  const input = typeof c.workbook === 'string' ? readFileSync(join(FIXTURES, c.workbook)) : await c.workbook();
  const { snapshot } = await readXlsx(input);
  const run = runPipeline(snapshot, { procedure: c.procedure, step: c.step, lang: 'vi', overrides: c.overrides });
  if (!run.ok || !run.plan) throw new Error(`${c.label}: the run failed: ${run.diagnostics.map((d) => d.code).join(', ')}`);
  return { run, output: Buffer.from(await applyPlan(input, run.plan)) };
}

/** A copy of a printed-alone workbook with the sheet's page damaged: Letter paper, no print titles (the checks must see it). */
async function damaged(alone: Buffer, sheet: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(alone);
  const book = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const tag = [...book.matchAll(/<sheet\b[^>]*\/>/g)].map((m) => m[0]).find((t) => t.includes(`name="${sheet}"`))!;
  const rid = /r:id="([^"]+)"/.exec(tag)![1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels)!;
  const path = `xl/${(target[1] ?? target[2]).replace(/^\/?xl\//, '')}`;
  const xml = await zip.file(path)!.async('string');
  zip.file(path, xml.replace(/paperSize="9"/, 'paperSize="1"'));
  zip.file('xl/workbook.xml', book.replace(/<definedName name="_xlnm\.Print_Titles"[^>]*>[^<]*<\/definedName>/g, ''));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function printedRun(c: Case, p: Printed): PrintedRun {
  const shortlist = vi.sheets.shortlist(c.procedure, c.step);
  return {
    label: c.label,
    sheets: p.sheets,
    announced: p.run.result?.conference?.announced,
    announcedHeading: vi.sheets.announced,
    notAnnouncedWords: 'KHÔNG CÔNG BỐ TẠI HỘI NGHỊ',
    people: (p.run.result?.people ?? []).map((x) => ({ name: x.name, outcome: outcomeText(x, 'vi') })),
    shortlist: p.sheets.some((s) => s.sheet.name === shortlist) || (p.run.result?.conference && p.run.result.people.length) ? shortlist : undefined,
    pages: (sheet) => (sheet === shortlist ? c.shortlistPages : undefined),
    runLog: vi.audit.sheet,
  };
}

const missing = missingPrintTools();
if (missing.length) console.warn(`print.test.ts: ${missing.join(', ')} not found (LibreOffice, poppler-utils): the print tests are skipped.`);
const suite = missing.length ? describe.skip : describe;

suite(missing.length ? `printing (skipped: ${missing.join(', ')} not found)` : 'printing with LibreOffice: every sheet a run creates', () => {
  let dir: string;
  const printed = new Map<string, Printed>();
  let damage: { sheet: CreatedSheet; pdf: Pdf } | undefined;

  beforeAll(async () => {
    const t0 = Date.now();
    dir = mkdtempSync(join(tmpdir(), 'quyhoach-print-'));
    // Every file to print, in one soffice call; what each PDF is for.
    const jobs: { file: string; done: (pdf: Pdf) => void }[] = [];
    const job = (name: string, data: Buffer, done: (pdf: Pdf) => void) => {
      // ASCII file names: soffice names the PDF after the file.
      const file = join(dir, `${name}.xlsx`);
      writeFileSync(file, data);
      jobs.push({ file, done });
    };
    for (const [i, c] of CASES.entries()) {
      const { run, output } = await runCase(c);
      const p: Printed = { run, output, sheets: [] };
      printed.set(c.label, p);
      if (WHOLE.includes(c)) job(`run${i}-whole`, output, (pdf) => (p.whole = pdf));
      for (const [j, sheet] of (await createdSheets(output)).entries()) {
        const alone = await onlySheet(output, sheet.name);
        job(`run${i}-sheet${j}`, alone, (pdf) => p.sheets.push({ sheet, pdf }));
        if (c === LONG && sheet.name === vi.sheets.shortlist('next-term', 2)) job('damaged', await damaged(alone, sheet.name), (pdf) => (damage = { sheet, pdf }));
      }
    }
    const pdfs = convertToPdf(
      jobs.map((j) => j.file),
      join(dir, 'pdf'),
      join(dir, 'profile'),
    );
    jobs.forEach((j, k) => j.done(readPdf(pdfs[k])));
    console.info(`print.test.ts: ${jobs.length} workbooks of ${CASES.length} runs printed and read in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }, 600_000);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test.each(CASES.map((c) => [c.label, c] as const))('%s', (_label, c) => {
    const p = printed.get(c.label)!;
    // A step with a conference and people voted on has at least its shortlist.
    if (p.run.result?.conference && p.run.result.people.length) expect(p.sheets.map((s) => s.sheet.name)).toContain(vi.sheets.shortlist(c.procedure, c.step));
    expect(runProblems(printedRun(c, p))).toEqual([]);
  });

  test('printing the whole workbook prints none of the hidden sheets (LibreOffice prints a hidden sheet with a print area)', async () => {
    for (const c of WHOLE) {
      const p = printed.get(c.label)!;
      const text = p.whole!.pages.map((x) => x.text.replace(/\s+/g, ' ')).join(' ');
      for (const hidden of await hiddenSheets(p.output))
        for (const t of hidden.texts.filter((x) => x.length >= 12)) expect({ run: c.label, sheet: hidden.name, printed: text.includes(t.replace(/\s+/g, ' ').trim()) ? t.slice(0, 60) : null }).toEqual({ run: c.label, sheet: hidden.name, printed: null });
    }
  });

  test('printing the whole workbook at once: each sheet numbers its own pages, “Trang 1/n” to “Trang n/n”', () => {
    for (const c of WHOLE) {
      const p = printed.get(c.label)!;
      // The footers of the whole printout in order, and what each created sheet prints alone, in workbook order.
      const footers = p.whole!.pages.map((page) => /Trang (\d+)\/(\d+)/.exec(page.text)?.slice(1, 3).join('/')).filter(Boolean);
      const own = p.sheets.flatMap(({ pdf }) => pdf.pages.map((_, i) => `${i + 1}/${pdf.pages.length}`));
      expect({ run: c.label, footers }).toEqual({ run: c.label, footers: own });
      expect(p.sheets.length).toBeGreaterThanOrEqual(2);
    }
  });

  test('numbers read the Vietnamese way on an English-speaking machine: the result columns beside the user’s table too (88,89%)', () => {
    const p = printed.get(GOLDEN[2].label)!;
    const all = p.whole!.pages.map((x) => x.text).join('\n');
    expect(all).toContain('88,89%');
    expect(pointDecimals(all)).toEqual([]);
  });

  test('the checks see a damaged page: Letter paper and no repeated header are reported', () => {
    const problems = sheetProblems(damage!);
    expect(damage!.pdf.pages.length).toBeGreaterThanOrEqual(2);
    expect(problems).toContainEqual(expect.stringMatching(/page 1: page is (612×792|792×612) pt, expected A4 (portrait|landscape)/));
    expect(problems).toContainEqual(expect.stringMatching(/page 2: repeated header “Họ và tên” missing/));
  });

  test('the long list: several pages, each with the header row and “Trang x/y”, every person once, names whole', () => {
    const p = printed.get(LONG.label)!;
    const list = p.sheets.find((s) => s.sheet.name === vi.sheets.shortlist('next-term', 2))!;
    const pages = list.pdf.pages;
    expect(pages.length).toBeGreaterThanOrEqual(2);
    pages.forEach((page, i) => {
      // The column headings at the top of every page, above the first person.
      const lines = page.text.split('\n');
      const top = lines.slice(0, lines.findIndex((l) => / \d\d\/\d\d\/\d{4} /.test(l))).join(' ');
      for (const label of vi.sheets.columns) for (const word of label.split(' ')) expect({ page: i + 1, label, found: top.includes(word) }).toEqual({ page: i + 1, label, found: true });
      expect(page.text).toContain(`Trang ${i + 1}/${pages.length}`);
      // Every page carries people, not only the heading.
      expect(page.text.split('\n').filter((l) => / (Đạt|Không đạt)\s*$/.test(l)).length).toBeGreaterThan(5);
    });
    const all = pages.map((x) => x.text).join('\n');
    expect(all).toContain('Nguyễn Thị Hường');
    expect(all).toContain('KẾT QUẢ KIỂM PHIẾU — KHÔNG CÔNG BỐ TẠI HỘI NGHỊ');
    expect(all).not.toContain(vi.sheets.announced);
    const names = Array.from({ length: LONG_COUNT }, (_, i) => longName(i));
    expect(new Set(names).size).toBe(LONG_COUNT);
    for (const name of names) expect(all.split(name).length - 1).toBe(1);
  });

  test('the fixtures with accented names print them exactly', () => {
    const text = (label: string) =>
      printed
        .get(label)!
        .sheets.flatMap((s) => s.pdf.pages.map((x) => x.text))
        .join('\n');
    const staff = text(GOLDEN[1].label);
    for (const name of ['Nguyễn Văn An', 'Lê Văn Cường', 'Trần Thị Bích', 'Phạm Thị Dung', 'Vũ Thị Giang', 'Đặng Văn Hùng', 'Hoàng Văn Em']) expect(staff).toContain(name);
    expect(staff).toContain('KẾT QUẢ KIỂM PHIẾU — KHÔNG CÔNG BỐ TẠI HỘI NGHỊ');
    expect(text(GOLDEN[2].label)).toContain(vi.sheets.announced);
    expect(text(GOLDEN[2].label)).toContain('Chờ người đứng đầu quyết định');
  });
});
