/** What the task pane knows of its host: inside Excel or not, and Office's display language. */
export interface HostInfo {
  inExcel: boolean;
  displayLanguage: string | null;
  /** Office's theme, light or dark (from its body background), where Office tells it. */
  dark?: boolean;
}

/** A background colour ('#1f1f1f') is dark when its relative luminance is below one half. */
export function isDark(color: string | undefined): boolean {
  const hex = /^#?([0-9a-f]{6})$/i.exec(color ?? '')?.[1];
  if (!hex) return false;
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}

function officeDark(office: typeof Office): boolean {
  try {
    return isDark(office.context.officeTheme?.bodyBackgroundColor);
  } catch {
    return false;
  }
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
      resolve({ inExcel, displayLanguage: inExcel ? office.context.displayLanguage : null, dark: inExcel && officeDark(office) });
    });
  });
}
