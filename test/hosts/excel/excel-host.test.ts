/**
 * The Excel host (src/hosts/excel) through Microsoft's office.js (test/support/office-js.ts), over the
 * Excel host simulation (test/support/excel-host.ts), at every requirement-set tier the add-in
 * supports, with the library's own ApiNotFound check on: every golden workbook the command runs to a
 * result (test/cli/golden.test.ts) goes through the task pane's session (src/hosts/excel/session.ts)
 * — a first run, a second run on its result, an undo — and after each the Excel model must hold what
 * the xlsx host holds after the same plan (values, number formats, fills, font colours, bold, notes,
 * merges, names, created sheets with their page setup, protection and visibility), less only what the
 * tier cannot do (no notes below 1.10, no page layout below 1.9, no merges read below 1.13, no fonts
 * read below 1.9). Every request stays under 4 MB; a run is a read (one sync; one more with an Excel
 * Table), the check that nothing changed (one sync) and the write (one sync at these sizes).
 */
import { ExcelSession } from '../../../src/hosts/excel/session';
import { runPipeline, type RunRequest } from '../../../src/workbook/pipeline';
import type { WritePlan } from '../../../src/workbook/plan';
import { planUndo } from '../../../src/workbook/bookkeeping/undo';
import type { WorkbookSnapshot } from '../../../src/workbook/snapshot';
import { looksOfExcelJS, looksOfModel, pageOfExcelJS, pageOfModel, type DWorkbook, type LookOfPage } from '../../support/excel-model';
import { GOLDEN_RUNS } from '../../support/golden-runs';
import { fixtureFile, twins, type XlsxTwin } from '../../support/model-of';
import { officeJs, settled, TIERS, type OfficeJs, type Tier } from '../../support/office-js';

jest.setTimeout(120_000);

const NOW = '2026-11-25T10:00';
const FOUR_MB = 4_000_000;

const version = (tier: Tier): number => (tier === 'all' ? 99 : tier === 'minimum' ? 7 : Number(tier.split('.')[1]));

/**
 * A snapshot in an order both hosts agree on: the add-in's very hidden sheets (QuyHoach_…) last, by
 * name — Excel rewrites them in place, the xlsx host adds them again at the end; nobody sees where a
 * very hidden sheet stands — and the defined names by name (Excel keeps a hidden sheet's name, the
 * xlsx host sets it again; their order means nothing).
 */
function hiddenLast(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const hidden = (name: string) => name.startsWith('QuyHoach_');
  return {
    sheets: [...snapshot.sheets.filter((s) => !hidden(s.name)), ...snapshot.sheets.filter((s) => hidden(s.name)).sort((a, b) => a.name.localeCompare(b.name))],
    names: [...snapshot.names].sort((a, b) => a.name.localeCompare(b.name)),
  };
}

/** What the Excel host reads at a tier, from what the xlsx host reads: no merges below 1.13, no fonts below 1.9. */
function readAt(snapshot: WorkbookSnapshot, tier: Tier): WorkbookSnapshot {
  return {
    ...hiddenLast(snapshot),
    sheets: hiddenLast(snapshot).sheets.map((s) => {
      const out = { ...s, merges: version(tier) >= 13 ? s.merges : [] };
      // Below ExcelApi 1.9: no fonts, hidden rows and columns, nor column widths (getCellProperties, getSpecialCells, getColumnProperties).
      if (version(tier) < 9) {
        delete out.fonts;
        delete out.widths;
        delete out.hiddenRows;
        delete out.hiddenColumns;
      }
      return out;
    }),
  };
}

/** What the xlsx host's workbook looks like as the tier leaves it: no explanations below 1.10 (no notes, no comments). */
function looksAt(xlsx: XlsxTwin, tier: Tier) {
  const looks = looksOfExcelJS(xlsx.workbook);
  if (version(tier) >= 10) return looks;
  for (const sheet of looks.sheets) for (const cell of Object.values(sheet.cells)) delete cell.note;
  return looks;
}

/** A created sheet's page as the tier sets it: below 1.9 its widths and row heights only. */
function pageAt(page: LookOfPage, tier: Tier): Partial<LookOfPage> {
  return version(tier) >= 9 ? page : { breaks: [], widths: page.widths, heights: page.heights };
}

function expectSame(book: DWorkbook, xlsx: XlsxTwin, plan: WritePlan, tier: Tier): void {
  expect(looksOfModel(book)).toEqual(looksAt(xlsx, tier));
  for (const sheet of plan.sheets ?? []) {
    const page = pageOfModel(book.find(sheet.name)!);
    expect({ sheet: sheet.name, ...page }).toEqual({ sheet: sheet.name, ...pageAt(pageOfExcelJS(xlsx.workbook.getWorksheet(sheet.name)!), tier) });
  }
}

let office: OfficeJs;
let restore: () => void;
beforeAll(async () => {
  office = officeJs((await twins(fixtureFile('next-term-2-staff.xlsx'))).book);
  restore = office.install();
});
afterAll(async () => {
  await settled();
  restore();
});

describe.each(TIERS)('Microsoft’s office.js, requirement sets up to %s', (tier) => {
  test.each(GOLDEN_RUNS)('%s: first run, second run, undo', async (file, request) => {
    const { book, xlsx } = await twins(fixtureFile(file));
    const host = office.reset(book, tier);
    const session = new ExcelSession('vi');
    expect(session.unsupported).toBeUndefined();
    const hasTables = xlsx.snapshot().sheets.some((s) => s.tables.length > 0);
    const req: RunRequest = { ...request, lang: 'vi', now: NOW };

    for (const step of ['first run', 'second run', 'undo'] as const) {
      const start = host.requests.length;
      // Read: what the xlsx host reads (less what the tier cannot), in one sync (two with an Excel Table).
      const read = await session.read();
      expect(hiddenLast(read)).toEqual(readAt(xlsx.snapshot(), tier));

      const planned = step === 'undo' ? planUndo(read, { lang: 'vi', now: NOW }) : runPipeline(read, req);
      const plan = planned.plan;
      if (step === 'undo' && !plan) {
        expect(planned.diagnostics.map((d) => d.code)).toEqual(['E-NOTHING-TO-UNDO']);
        continue;
      }
      if (!plan && version(tier) < 13) {
        // Below ExcelApi 1.13 no merged areas are read: a header that spans merged cells is not
        // recognised, and the run stops with an error at its cell (never a result on a misread table).
        const error = planned.diagnostics.find((d) => d.severity === 'error');
        expect(error?.at?.cell).toBeDefined();
        expect(xlsx.snapshot().sheets.find((s) => s.name === error?.at?.sheet)?.merges.length).toBeGreaterThan(0);
        expect(host.requests.slice(start).filter((r) => !r.cleanup)).toHaveLength(hasTables ? 2 : 1); // the read only
        return;
      }
      expect(planned.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const planOf = (snapshot: WorkbookSnapshot) => (step === 'undo' ? planUndo(hiddenLast(snapshot), { lang: 'vi', now: NOW }).plan : runPipeline(hiddenLast(snapshot), req).plan);
      if (tier === 'all') expect(planOf(read)).toEqual(planOf(xlsx.snapshot()));

      // Write: the check (one sync), then the plan (one sync at these sizes); every request under 4 MB.
      const beforeWrite = host.requests.length;
      expect(host.requests.slice(start, beforeWrite).filter((r) => !r.cleanup)).toHaveLength(hasTables ? 2 : 1);
      await session.apply(plan!);
      const writes = host.requests.slice(beforeWrite).filter((r) => !r.cleanup);
      expect({ step, syncs: writes.length, errors: writes.filter((r) => r.error).map((r) => r.error) }).toEqual({ step, syncs: 2, errors: [] });
      for (const r of host.requests) expect(r.bytes).toBeLessThan(FOUR_MB);
      await xlsx.apply(plan!);
      expectSame(book, xlsx, plan!, tier);
    }
  });
});
