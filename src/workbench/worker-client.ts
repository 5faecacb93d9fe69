/**
 * The page's side of the workbench's Web Worker (./worker.ts): one worker per workbook opened,
 * requests answered by id, progress told as it comes, and `terminate()` for Cancel — which ends
 * the worker at once, whatever it was doing (a 1 GB zip bomb is refused before that matters).
 */
import type { Diagnostic } from '../rules';
import type { UndoOutcome } from '../workbook/bookkeeping/undo';
import type { RunOutcome, RunRequest } from '../workbook/pipeline';
import type { WritePlan } from '../workbook/plan';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import type { SheetData } from './sheet-view';

export type OpenPhase = 'check' | 'load' | 'draw';

export type WorkerRequest =
  | { type: 'open'; id: number; bytes: ArrayBuffer }
  | { type: 'read'; id: number }
  | { type: 'apply'; id: number; plan: WritePlan }
  | { type: 'run'; id: number; request: RunRequest }
  | { type: 'undo'; id: number; request: { lang: RunRequest['lang']; now?: string } }
  | { type: 'download'; id: number };

export type WorkerReply =
  | { type: 'progress'; id: number; phase: OpenPhase; fraction: number }
  | { type: 'opened'; id: number; sheets: SheetData[]; date1904: boolean }
  | { type: 'refused'; id: number; diagnostic: Diagnostic }
  | { type: 'failed'; id: number; detail: string }
  | { type: 'snapshot'; id: number; snapshot: WorkbookSnapshot }
  | { type: 'applied'; id: number; sheets: SheetData[] }
  | { type: 'ran'; id: number; outcome: RunOutcome | UndoOutcome; sheets?: SheetData[] }
  | { type: 'bytes'; id: number; bytes: ArrayBuffer };

/** The worker refused the file (a coded diagnostic, README's table) or failed (a bug of the program). */
export class WorkerRefused extends Error {
  constructor(readonly diagnostic: Diagnostic) {
    super(diagnostic.code);
  }
}
export class WorkerFailed extends Error {
  constructor(readonly detail: string) {
    super('E-INTERNAL');
  }
}
/** The worker was ended (Cancel) before it answered. */
export class WorkerCancelled extends Error {}

/** A request before its id is given. */
type Unsent = { [K in WorkerRequest['type']]: Omit<Extract<WorkerRequest, { type: K }>, 'id'> }[WorkerRequest['type']];

type Waiting = { resolve: (r: WorkerReply) => void; reject: (e: Error) => void; progress?: (phase: OpenPhase, fraction: number) => void };

export class WorkbookWorker {
  private readonly worker: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private next = 0;

  constructor() {
    this.worker = new Worker(/* webpackChunkName: "xlsx-worker" */ new URL('./worker.ts', import.meta.url));
    this.worker.onmessage = (e: MessageEvent<WorkerReply>) => {
      const reply = e.data;
      const w = this.waiting.get(reply.id);
      if (!w) return;
      if (reply.type === 'progress') {
        w.progress?.(reply.phase, reply.fraction);
        return;
      }
      this.waiting.delete(reply.id);
      if (reply.type === 'refused') w.reject(new WorkerRefused(reply.diagnostic));
      else if (reply.type === 'failed') w.reject(new WorkerFailed(reply.detail));
      else w.resolve(reply);
    };
    this.worker.onerror = (e) => this.fail(new WorkerFailed(e.message));
  }

  private ask(request: Unsent, progress?: Waiting['progress'], transfer: Transferable[] = []): Promise<WorkerReply> {
    const id = ++this.next;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, progress });
      this.worker.postMessage({ ...request, id }, transfer);
    });
  }

  /** Opens a file's bytes (handed over to the worker): its sheets as plain data. */
  async open(bytes: ArrayBuffer, progress?: Waiting['progress']): Promise<{ sheets: SheetData[]; date1904: boolean }> {
    const r = await this.ask({ type: 'open', bytes }, progress, [bytes]);
    return r as Extract<WorkerReply, { type: 'opened' }>;
  }

  async read(): Promise<WorkbookSnapshot> {
    return ((await this.ask({ type: 'read' })) as Extract<WorkerReply, { type: 'snapshot' }>).snapshot;
  }

  async apply(plan: WritePlan): Promise<SheetData[]> {
    return ((await this.ask({ type: 'apply', plan })) as Extract<WorkerReply, { type: 'applied' }>).sheets;
  }

  /** Reads, runs the pipeline and applies its plan when ok, in the worker: the outcome, and the sheets when written. */
  async run(request: RunRequest): Promise<{ outcome: RunOutcome; sheets?: SheetData[] }> {
    const r = (await this.ask({ type: 'run', request })) as Extract<WorkerReply, { type: 'ran' }>;
    return { outcome: r.outcome as RunOutcome, sheets: r.sheets };
  }

  async undo(request: { lang: RunRequest['lang']; now?: string }): Promise<{ outcome: UndoOutcome; sheets?: SheetData[] }> {
    const r = (await this.ask({ type: 'undo', request })) as Extract<WorkerReply, { type: 'ran' }>;
    return { outcome: r.outcome as UndoOutcome, sheets: r.sheets };
  }

  async download(): Promise<ArrayBuffer> {
    return ((await this.ask({ type: 'download' })) as Extract<WorkerReply, { type: 'bytes' }>).bytes;
  }

  /** Ends the worker now; whatever it was asked fails with WorkerCancelled. */
  terminate(): void {
    this.worker.terminate();
    this.fail(new WorkerCancelled());
  }

  private fail(e: Error): void {
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }
}
