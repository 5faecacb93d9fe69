/**
 * Excel desktop, as Microsoft's office.js finds it in a task pane on Windows, in a real browser
 * (bundled by test/support/office-browser.ts and run before the page's own scripts): office.js (the
 * real one, from its CDN URL, which the test serves) asks `window.external` for the host
 * (GetHostInfo: Excel, Win32), loads excel-win32-16.01.js, takes its context from GetContext()
 * (display language, theme, the requirement sets it answers isSetSupported from) and sends every
 * Excel.run request through `window.external.Execute` (method 93, ExecuteRichApiRequest). Those
 * requests go to the Excel host simulation (test/support/excel-host.ts) over the workbook the test
 * sent (window.__QH_EXCEL_INPUT__); the test reads back what Excel holds through window.__QH_EXCEL__.
 */
import { ExcelHost, type ResponseMessage } from './excel-host';
import { DSheet, DWorkbook, looksOfModel } from './excel-model';
import type { ExcelInput, SerializedBook } from './office-browser';

function bookOf(data: SerializedBook): DWorkbook {
  const book = new DWorkbook();
  for (const s of data.sheets) {
    const sheet = new DSheet(s.name);
    sheet.cells = new Map(s.cells);
    sheet.merges = s.merges;
    sheet.tables = s.tables;
    sheet.visibility = s.visibility;
    sheet.protected = s.protected;
    sheet.widths = new Map(s.widths);
    sheet.heights = new Map(s.heights);
    sheet.page = s.page;
    book.sheets.push(sheet);
  }
  book.names = new Map(data.names);
  book.active = data.active;
  book.selected = data.selected;
  return book;
}

const input = (window as unknown as { __QH_EXCEL_INPUT__: ExcelInput }).__QH_EXCEL_INPUT__;
const book = bookOf(input.book);
const host = new ExcelHost(book);

const values = (name: string): (string | number | boolean | null)[][] => {
  const sheet = book.find(name);
  const used = sheet?.used(true);
  if (!sheet || !used) return [];
  const out: (string | number | boolean | null)[][] = [];
  for (let r = 1; r <= used.bottom; r++) {
    const row: (string | number | boolean | null)[] = [];
    for (let c = 1; c <= used.right; c++) {
      const v = sheet.peek(r, c)?.value ?? null;
      row.push(v !== null && typeof v === 'object' ? `#${v.error}` : v);
    }
    out.push(row);
  }
  return out;
};

/** Office's error codes for what Excel refuses before it runs a request (OSF.DDA.ErrorCodeManager). */
const REFUSED: Record<string, number> = { RequestPayloadSizeLimitExceeded: 5103, ResponsePayloadSizeLimitExceeded: 5104, InvalidOperationInCellEditMode: 5004 };
/** A host answer as Execute's callback receives it: a SafeArray-like with toArray() → [status, payload]. */
const answer = (status: number, payload: unknown) => ({ toArray: () => [status, payload] });
const rgb = (hex: string) => parseInt(hex.replace('#', ''), 16);

const context = {
  GetAppType: () => 1, // OSF.AppName.Excel
  GetSolutionRef: () => '9f2b4a61-0c3e-4d5a-9b77-6c1e2d3f4a50',
  GetAppVersionMajor: () => 16,
  GetAppVersionMinor: () => 1,
  GetAppUILocale: () => input.displayLanguage,
  GetAppDataLocale: () => input.displayLanguage,
  GetDocUrl: () => '',
  GetAppCapabilities: () => 0,
  GetActivationMode: () => 0,
  GetControlIntegrationLevel: () => 0,
  GetSolutionToken: () => '',
  GetCorrelationId: () => '',
  GetInstanceId: () => 'quy-hoach-test',
  GetTouchEnabled: () => false,
  GetCommerceAllowed: () => false,
  /** The requirement sets this Excel has: office.js answers isSetSupported from them. */
  GetSupportedMatrix: () => JSON.stringify(input.requirements),
  GetHostCustomMessage: () => '',
  GetHostFullVersion: () => '16.0.18000.20000',
  GetDialogRequirementMatrix: () => '',
  GetInitialDisplayMode: () => 0,
  GetOfficeThemeInfo: () =>
    JSON.stringify(
      input.dark
        ? { bodyBackgroundColor: rgb('#1f1f1f'), bodyForegroundColor: rgb('#ffffff'), controlBackgroundColor: rgb('#292929'), controlForegroundColor: rgb('#ffffff') }
        : { bodyBackgroundColor: rgb('#ffffff'), bodyForegroundColor: rgb('#000000'), controlBackgroundColor: rgb('#ffffff'), controlForegroundColor: rgb('#000000') },
    ),
  GetSettings: () => ({ Read: () => undefined, Write: () => undefined }),
};

Object.assign(window.external, {
  GetHostInfo: () => `Excel$Win32$16.01$${input.displayLanguage}$$$$0`,
  GetContext: () => context,
  GetLoggingAllowed: () => false,
  Execute(dispId: number, params: unknown[][], callback: (response: ReturnType<typeof answer>) => void) {
    if (dispId !== 93) {
      setTimeout(() => callback(answer(0, null)), 0);
      return;
    }
    // [customData, method, path, headers, body, appPermission, requestFlags, …] (RichApiMessageUtility.buildRequestMessageSafeArray)
    const [customData, , , , body, , flags] = params[0];
    void host.executeAsync(customData, Number(flags), { Body: JSON.parse(String(body)) }).then((response: ResponseMessage) => {
      if (response.ErrorCode) callback(answer(REFUSED[response.ErrorCode] ?? 5001, response.ErrorMessage));
      else callback(answer(0, [response.HttpStatusCode, [], JSON.stringify(response.Body)]));
    });
  },
  RegisterEvent(_id: number, _target: string, _handler: unknown, callback: (status: number) => void) {
    setTimeout(() => callback(0), 0);
  },
  UnregisterEvent(_id: number, _target: string, callback: (status: number) => void) {
    setTimeout(() => callback(0), 0);
  },
});

Object.assign(window, {
  __QH_EXCEL__: {
    book,
    /** The requests Excel received, office.js's clean-ups left out. */
    requests: () => host.requests.filter((r) => !r.cleanup).map((r) => ({ bytes: r.bytes, actions: r.actions, flags: r.flags, error: r.error })),
    sheetNames: () => book.sheets.map((s) => s.name),
    values,
    looks: () => looksOfModel(book),
    active: () => ({ sheet: book.active, selected: book.selected }),
  },
});
