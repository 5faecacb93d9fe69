import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { messages, type Lang } from '../i18n';
import { Workbench } from './Workbench';

/**
 * The browser workbench's entry (dist/workbench.html): Vietnamese unless ?lang=en; ?sample=<file>
 * opens one of the sample workbooks. ExcelJS comes later, with the first workbook (./xlsx.ts).
 */
function main(): void {
  const params = new URLSearchParams(location.search);
  const lang: Lang = params.get('lang') === 'en' ? 'en' : 'vi';
  document.documentElement.lang = lang;
  document.title = messages(lang).workbench.title;
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <Workbench lang={lang} sample={params.get('sample') ?? undefined} />
    </FluentProvider>,
  );
}

main();
