/// <reference lib="webworker" />
/**
 * The workbench's Web Worker (issue 15: "the workbench reads and runs in a Web Worker, so the page
 * stays responsive"): it holds the workbook — the package check with its progress, ExcelJS's load,
 * each run's apply, the file for download — and hands the page plain data (./sheet-view.ts,
 * ./worker-client.ts). The page can end it at any time (Cancel): nothing of the file is lost, as
 * the page never changes the file the user opened.
 */
import { checkPackage } from '../hosts/xlsx/package-check';
import { WorkbookRefused } from '../hosts/xlsx/read';
import { XlsxSession } from '../hosts/xlsx/session';
import { planUndo } from '../workbook/bookkeeping/undo';
import { runPipeline } from '../workbook/pipeline';
import { sheetData } from './sheet-view';
import type { WorkerReply, WorkerRequest } from './worker-client';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let session: XlsxSession | undefined;
const post = (reply: WorkerReply, transfer: Transferable[] = []) => scope.postMessage(reply, transfer);

/** Every sheet as the grid and the print view draw it. */
const views = async (s: XlsxSession) => (await s.view()).worksheets.filter(Boolean).map(sheetData);

scope.onmessage = async (event: MessageEvent<WorkerRequest>) => {
  const request = event.data;
  const { id } = request;
  try {
    switch (request.type) {
      case 'open': {
        const bytes = new Uint8Array(request.bytes);
        // The package check first, part by part (its progress shown), before ExcelJS sees a byte.
        const checked = await checkPackage(bytes, { progress: (fraction) => post({ type: 'progress', id, phase: 'check', fraction }) });
        if (!checked.ok) {
          post({ type: 'refused', id, diagnostic: checked.diagnostic });
          return;
        }
        post({ type: 'progress', id, phase: 'load', fraction: 0 });
        session = await XlsxSession.load(bytes);
        post({ type: 'progress', id, phase: 'draw', fraction: 0 });
        post({ type: 'opened', id, sheets: await views(session), date1904: Boolean(session.workbook.properties?.date1904) });
        return;
      }
      case 'read':
        post({ type: 'snapshot', id, snapshot: await need().read() });
        return;
      case 'apply':
        await need().apply(request.plan);
        post({ type: 'applied', id, sheets: await views(need()) });
        return;
      case 'run':
      case 'undo': {
        // The pipeline here too, on the worker's own read: the page only draws.
        const s = need();
        const snapshot = await s.read();
        const outcome = request.type === 'run' ? runPipeline(snapshot, request.request) : planUndo(snapshot, request.request);
        if (outcome.ok && outcome.plan) await s.apply(outcome.plan);
        post({ type: 'ran', id, outcome, sheets: outcome.ok && outcome.plan ? await views(s) : undefined });
        return;
      }
      case 'download': {
        // The file as opened, with the runs patched in: every other part of it as it was.
        const copy = need().bytes().slice().buffer;
        post({ type: 'bytes', id, bytes: copy }, [copy]);
        return;
      }
    }
  } catch (e) {
    if (e instanceof WorkbookRefused) post({ type: 'refused', id, diagnostic: e.diagnostic });
    else post({ type: 'failed', id, detail: e instanceof Error ? (e.stack ?? e.message) : String(e) });
  }
};

function need(): XlsxSession {
  if (!session) throw new Error('no workbook opened in this worker');
  return session;
}
