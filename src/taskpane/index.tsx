import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { useEffect, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { WorkbookSession } from '../hosts/session';
import { languageFor, type Lang } from '../i18n';
import { App } from './App';
import { detectHost } from './office-context';

/** Marks the pane's first commit (the rules shown, the form coming): npm run bench times it (bench/taskpane.ts). */
function FirstRender({ children }: { children: ReactNode }) {
  useEffect(() => {
    performance.mark('quy-hoach:first-render');
  }, []);
  return children;
}

async function main(): Promise<void> {
  // The Excel host's chunk is fetched while Office starts up, not after (it is 4 KB; outside Office unused).
  const excelHost = import(/* webpackChunkName: "excel-host" */ '../hosts/excel/session');
  excelHost.catch(() => undefined); // outside Office a failed fetch is no error; inside, awaiting it below throws
  const host = await detectHost();
  const requested = new URLSearchParams(location.search).get('lang');
  const lang: Lang = requested === 'en' || requested === 'vi' ? requested : languageFor(host.displayLanguage);
  document.documentElement.lang = lang;
  // The workbook session: inside Excel the Office.js one (src/hosts/excel/session.ts), loaded with a
  // dynamic import() so that the pane's first script stays small. Outside Office there is none: the
  // pane shows the rules and the run form disabled, with a note that it needs an open workbook.
  // Never import ExcelJS (src/hosts/xlsx/) from here.
  const session: WorkbookSession | undefined = host.inExcel ? new (await excelHost).ExcelSession(lang) : undefined;
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <FluentProvider theme={host.dark ? webDarkTheme : webLightTheme} style={{ minHeight: '100vh' }}>
      <FirstRender>
        <App lang={lang} host={host} session={session} />
      </FirstRender>
    </FluentProvider>,
  );
}

void main();
