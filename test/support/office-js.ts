/**
 * Microsoft's office.js in the tests: the Excel client library of @microsoft/office-js
 * (dist/excel-web-16.00.js, which holds OfficeExtension and Excel) evaluated in a jsdom window
 * (`runScripts: 'outside-only'`), talking to the Excel host simulation (test/support/excel-host.ts)
 * in place of Excel: every `Excel.RequestContext` — those Excel.run makes too — has its
 * `_requestExecutor` replaced by the simulation. Load and sync rules, object paths, request
 * bodies and API availability are then the library's own: with its `_doApiNotSupportedCheck` on and
 * `Office.context.requirements.isSetSupported` answering for one requirement-set tier, the library
 * throws ApiNotFound for anything above it, as in an Excel that has only that tier.
 *
 * The library is read once per process; each `officeJs()` is a fresh window (about 0.2 s).
 */
import { readFileSync } from 'fs';
import { JSDOM } from 'jsdom';
import { MINIMUM_EXCEL_API } from '../../src/hosts/excel/requirements';
import { ExcelHost, type HostOptions } from './excel-host';
import type { DWorkbook } from './excel-model';

/** The requirement-set tiers the add-in supports: the minimum the manifest declares, printing (1.9), 1.14, 1.17, everything. */
export const TIERS = ['minimum', '1.9', '1.14', '1.17', 'all'] as const;
export type Tier = (typeof TIERS)[number];

const LIBRARY = require.resolve('@microsoft/office-js/dist/excel-web-16.00.js');
let library: string | undefined;

const minor = (version: string): number => Number(version.split('.')[1] ?? 0) + 1000 * Number(version.split('.')[0] ?? 0);

/**
 * What an Excel with ExcelApi up to `tier` says it supports. ExcelApiOnline (Excel on the web only)
 * and sets the add-in never asks for are answered as an Excel that has everything ('all') or not.
 * DelayForCellEdit (Excel.run's delayForCellEdit) is taken to come with 1.9: below, a batch sent
 * while the user edits a cell fails.
 */
export function isSetSupportedFor(tier: Tier): (name: string, version?: string) => boolean {
  if (tier === 'all') return () => true;
  const top = minor(tier === 'minimum' ? MINIMUM_EXCEL_API : tier);
  return (name, version = '1.1') => {
    if (name === 'ExcelApi' || name === 'ExcelApiUndo') return minor(version) <= top;
    if (name === 'DelayForCellEdit') return top >= minor('1.9');
    return false;
  };
}

export interface OfficeJs {
  /** The jsdom window holding the library. */
  window: Window & typeof globalThis;
  Excel: typeof Excel;
  OfficeExtension: typeof OfficeExtension;
  Office: typeof Office;
  /** Excel, as the library reaches it. */
  host: ExcelHost;
  tier: Tier;
  /** The same library over another workbook (and tier): a fresh host, its requests counted from none. */
  reset(book: DWorkbook, tier?: Tier, options?: HostOptions): ExcelHost;
  /** Excel answers isSetSupported so (until the next reset). */
  answerSets(isSetSupported: (name: string, version?: string) => boolean): void;
  /** Makes this library the one the product's code sees (globalThis.Excel, Office, OfficeExtension); returns the undo. */
  install(): () => void;
}

/** Microsoft's library in a fresh window, over `book`, at a requirement-set tier. */
export function officeJs(book: DWorkbook, options: { tier?: Tier; displayLanguage?: string } & HostOptions = {}): OfficeJs {
  const tier = options.tier ?? 'all';
  library ??= readFileSync(LIBRARY, 'utf8');
  const dom = new JSDOM('<!doctype html><html><head></head><body></body></html>', { runScripts: 'outside-only', url: 'https://localhost:3000/taskpane.html' });
  const window = dom.window as unknown as Window & typeof globalThis & { Excel: typeof Excel; OfficeExtension: typeof OfficeExtension; Office: typeof Office; eval(code: string): unknown };
  window.eval(library);
  let host = new ExcelHost(book, options);
  // What Office tells an add-in about its host — the requirement sets (the library asks them itself),
  // the language — comes through the loader's app factory (office.js, which starts the host library).
  const context = { requirements: { isSetSupported: isSetSupportedFor(tier) }, displayLanguage: options.displayLanguage ?? 'vi-VN' };
  const setTier = (t: Tier) => (context.requirements.isSetSupported = isSetSupportedFor(t));
  const answerSets = (check: (name: string, version?: string) => boolean) => (context.requirements.isSetSupported = check);
  (window as unknown as { OSF: { _OfficeAppFactory?: unknown } }).OSF._OfficeAppFactory = { getContext: () => context };
  // The library's own ApiNotFound check. Its last line sets Utility._doApiNotSupportedCheck, but the
  // check reads CommonUtility's (Utility inherits the static: setting it on Utility shadows it), so
  // in this build the check is off unless CommonUtility's is set too.
  const extension = window.OfficeExtension as unknown as { Utility: { _doApiNotSupportedCheck: boolean }; CommonUtility: { _doApiNotSupportedCheck: boolean } };
  extension.Utility._doApiNotSupportedCheck = true;
  extension.CommonUtility._doApiNotSupportedCheck = true;
  // Every request context, Excel.run's included, sends its requests to the simulation.
  const Base = window.Excel.RequestContext;
  const executor = { executeAsync: (...args: Parameters<ExcelHost['executeAsync']>) => host.executeAsync(...args) };
  class SimulatedContext extends Base {
    constructor(url?: string) {
      super(url);
      (this as unknown as { _requestExecutor: unknown })._requestExecutor = executor;
    }
  }
  window.Excel.RequestContext = SimulatedContext as unknown as typeof Excel.RequestContext;
  const office: OfficeJs = {
    window,
    Excel: window.Excel,
    OfficeExtension: window.OfficeExtension,
    Office: window.Office,
    host,
    tier,
    reset(next, t = office.tier, hostOptions = options) {
      host = office.host = new ExcelHost(next, hostOptions);
      office.tier = t;
      setTier(t);
      return host;
    },
    answerSets,
    install() {
      const g = globalThis as unknown as Record<string, unknown>;
      const keys = ['Excel', 'Office', 'OfficeExtension'] as const;
      const before = keys.map((k) => [k, k in g, g[k]] as const);
      Object.assign(g, { Excel: window.Excel, Office: window.Office, OfficeExtension: window.OfficeExtension });
      return () => {
        for (const [k, had, value] of before) {
          if (had) g[k] = value;
          else delete g[k];
        }
      };
    },
  };
  return office;
}

/** Until office.js has sent its clean-up after the last Excel.run (it sends it after the run resolves). */
export const settled = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 20));
