/**
 * The Excel host's round trips and request sizes, from the real request bodies: the generated
 * workbooks of bench/pipeline.ts (a roster and a vote sheet of N rows) run in the task pane's session
 * (src/hosts/excel/session.ts) on Microsoft's office.js in jsdom, over the Excel host simulation
 * (test/support/office-js.ts) with Excel on the web's 5 MB limits. A Run is timed as the pane does it:
 * the read, the check that nothing changed since, the write; then a second Run over the first's
 * results (which rewrites them). The budget: 2 syncs up to 2,000 rows, no request over 4 MB at any size.
 * office.js's own clean-up after each Excel.run (references it asked Excel to keep) is counted apart.
 */
import { ExcelSession } from '../src/hosts/excel/session';
import { runPipeline } from '../src/workbook/pipeline';
import type { RecordedRequest } from '../test/support/excel-host';
import { modelOfXlsx } from '../test/support/model-of';
import { officeJs } from '../test/support/office-js';
import { workbook } from './pipeline';

const MB = 1024 * 1024;
/** A request that changes nothing (the check's reads): no property set, no call that writes. */
const readsOnly = (r: RecordedRequest) => r.kinds.set === 0 && !['Add', 'Clear', 'Delete', 'Protect', 'Unprotect', 'Merge', 'CopyFrom'].some((name) => r.names[name]);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

export async function benchExcelRequests(sizes = [100, 1_000, 2_000, 10_000]): Promise<void> {
  console.log('\nExcel host on Microsoft’s office.js (real request bodies; Excel on the web refuses over 5 MB): one Run = read + check + write');
  const widths = [7, 14, 22, 16, 16, 16, 12];
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('');
  console.log(line(['rows', 'Run', 'syncs read+check+write', 'largest request', 'largest answer', 'actions (max)', 'clean-up']));
  const office = officeJs((await modelOfXlsx(await workbook(1))));
  const restore = office.install();
  try {
    for (const n of sizes) {
      // The model is built through the xlsx reader, whose cell limit is the command's, not Excel's.
      const host = office.reset(await modelOfXlsx(await workbook(n), { limits: { cells: Infinity } }));
      const session = new ExcelSession('vi');
      await session.read(); // the pane opening
      for (const which of ['first', 'second']) {
        await new Promise((r) => setTimeout(r, 10)); // office.js's clean-up of the last Excel.run, sent after it
        const start = host.requests.length;
        const snapshot = await session.read();
        const readEnd = host.requests.length;
        const run = runPipeline(snapshot, { procedure: 'next-term', step: 2, lang: 'vi', now: session.now(), saveSettings: true });
        if (!run.ok || !run.plan) {
          // A run the add-in itself stops (E-UNDO-TOO-LARGE past the undo record's cap, at about 30,000 rows) writes nothing: say so and go on.
          const stopped = run.diagnostics.filter((d) => d.severity === 'error');
          console.log(line([String(n), which, ` stopped: ${stopped.map((d) => `${d.code} ${JSON.stringify(d.params)}`).join('; ')}`]));
          break;
        }
        const checkStart = host.requests.length;
        await session.apply(run.plan);
        await new Promise((r) => setTimeout(r, 10));
        const all = host.requests.slice(start);
        const ours = (from: number, to?: number) => host.requests.slice(from, to).filter((r) => !r.cleanup);
        const read = ours(start, readEnd).length;
        const writes: RecordedRequest[] = ours(checkStart);
        const check = writes.filter(readsOnly).length;
        const product = all.filter((r) => !r.cleanup);
        const cleanups = all.filter((r) => r.cleanup);
        const largest = Math.max(...product.map((r) => r.bytes));
        console.log(
          line([
            String(n),
            which,
            `${read}+${check}+${writes.length - check} = ${product.length}`,
            `${kb(largest)}${largest > 4 * MB ? ' OVER' : ''}`,
            kb(Math.max(...product.map((r) => r.responseBytes))),
            String(Math.max(...product.map((r) => r.actions))),
            cleanups.length ? `${cleanups.length} × ≤${kb(Math.max(...cleanups.map((r) => r.bytes)))}` : '—',
          ]),
        );
        const refused = all.filter((r) => r.error);
        if (refused.length) console.log(`${''.padStart(widths[0])}  refused by Excel: ${refused.map((r) => `${r.error} (${kb(r.bytes)} sent, ${kb(r.responseBytes)} answered)`).join('; ')}`);
      }
    }
  } finally {
    restore();
  }
}

if (require.main === module) void benchExcelRequests(process.argv.slice(2).map(Number).filter(Boolean).length ? process.argv.slice(2).map(Number) : undefined);
