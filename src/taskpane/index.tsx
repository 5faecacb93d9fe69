import { FluentProvider, webDarkTheme, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import type { WorkbookSession } from '../hosts/session';
import { languageFor, type Lang } from '../i18n';
import { App } from './App';
import { detectHost } from './office-context';

async function main(): Promise<void> {
  const host = await detectHost();
  const requested = new URLSearchParams(location.search).get('lang');
  const lang: Lang = requested === 'en' || requested === 'vi' ? requested : languageFor(host.displayLanguage);
  document.documentElement.lang = lang;
  // The workbook session: inside Excel the Office.js one (src/hosts/excel/session.ts), loaded with a
  // dynamic import() so that the pane's first script stays small. Outside Office there is none: the
  // pane shows the rules and the run form disabled, with a note that it needs an open workbook.
  // Never import ExcelJS (src/hosts/xlsx/) from here.
  const session: WorkbookSession | undefined = host.inExcel ? new (await import(/* webpackChunkName: "excel-host" */ '../hosts/excel/session')).ExcelSession(lang) : undefined;
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <FluentProvider theme={host.dark ? webDarkTheme : webLightTheme}>
      <App lang={lang} host={host} session={session} />
    </FluentProvider>,
  );
}

void main();
