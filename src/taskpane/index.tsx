import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { createRoot } from 'react-dom/client';
import { languageFor, type Lang } from '../i18n';
import { App } from './App';
import { detectHost } from './office-context';

async function main(): Promise<void> {
  const host = await detectHost();
  const requested = new URLSearchParams(location.search).get('lang');
  const lang: Lang = requested === 'en' || requested === 'vi' ? requested : languageFor(host.displayLanguage);
  document.documentElement.lang = lang;
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <FluentProvider theme={webLightTheme}>
      <App lang={lang} host={host} />
    </FluentProvider>,
  );
}

void main();
