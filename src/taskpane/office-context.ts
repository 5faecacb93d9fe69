/** What the task pane knows of its host: inside Excel or not, and Office's display language. */
export interface HostInfo {
  inExcel: boolean;
  displayLanguage: string | null;
}

/** Waits for office.js; outside Office (a plain browser) it resolves with inExcel false. */
export function detectHost(timeoutMs = 3000): Promise<HostInfo> {
  const office = (globalThis as { Office?: typeof Office }).Office;
  if (!office || typeof office.onReady !== 'function') return Promise.resolve({ inExcel: false, displayLanguage: null });
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ inExcel: false, displayLanguage: null }), timeoutMs);
    office.onReady((info) => {
      clearTimeout(timer);
      const inExcel = info.host === office.HostType.Excel;
      resolve({ inExcel, displayLanguage: inExcel ? office.context.displayLanguage : null });
    });
  });
}
