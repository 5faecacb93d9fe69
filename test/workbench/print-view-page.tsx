/**
 * A page for looking at the print view in a real browser (test/browser/print-view.browser.test.ts
 * bundles it with esbuild): the workbook given as base64 in `window.QH_INPUT` is run through the
 * pipeline in the page (as the workbench does) and the sheet named in `?sheet=` shown in PrintView.
 */
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { applyPlan } from '../../src/hosts/xlsx/apply';
import { readXlsx } from '../../src/hosts/xlsx/read';
import { runPipeline, type RunRequest } from '../../src/workbook/pipeline';
import { PrintView } from '../../src/workbench/PrintView';

declare global {
  interface Window {
    QH_INPUT: string;
    QH_REQUEST: RunRequest;
    QH_READY?: boolean;
    QH_ERROR?: string;
  }
}

async function main(): Promise<void> {
  const bytes = Uint8Array.from(atob(window.QH_INPUT), (c) => c.charCodeAt(0));
  const { snapshot } = await readXlsx(bytes);
  const run = runPipeline(snapshot, window.QH_REQUEST);
  if (!run.plan) throw new Error(`the run failed: ${run.diagnostics.map((d) => d.code).join(', ')}`);
  const { workbook } = await readXlsx(await applyPlan(bytes, run.plan));
  const sheet = new URLSearchParams(location.search).get('sheet') ?? '';
  const host = document.getElementById('root')!;
  createRoot(host).render(
    <FluentProvider theme={webLightTheme} style={{ height: '100%' }}>
      <PrintView workbook={workbook} sheet={sheet} lang="vi" />
    </FluentProvider>,
  );
  window.QH_READY = true;
}

main().catch((e: unknown) => {
  window.QH_ERROR = String(e instanceof Error ? e.stack : e);
});
