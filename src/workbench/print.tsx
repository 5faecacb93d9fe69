import { lazy, Suspense } from 'react';
import { Body1, makeStyles, tokens } from '@fluentui/react-components';
import type { SheetLike } from './sheet-view';
import { messages, type Lang } from '../i18n';

/** The print view (./PrintView.tsx, ./print-pages.ts), fetched the first time "Xem bản in" is chosen. */
const PrintView = lazy(() => import(/* webpackChunkName: "print-view" */ './PrintView').then((m) => ({ default: m.PrintView })));

const useStyles = makeStyles({
  pane: { display: 'flex', flexDirection: 'column', flexGrow: 1, minHeight: 0 },
  loading: { padding: tokens.spacingHorizontalL },
});

/** "Xem bản in": the sheet shown in the grid, page by page as it will print (A4, the workbook's page setup). */
export function PrintPane({ workbook, sheet, version, lang }: { workbook: { worksheets: SheetLike[] }; sheet: string; version: number; lang: Lang }) {
  const styles = useStyles();
  return (
    <div className={styles.pane} data-testid="print-pane" data-sheet={sheet}>
      <Suspense fallback={<Body1 className={styles.loading}>{messages(lang).taskpane.loading}</Body1>}>
        <PrintView workbook={workbook} sheet={sheet} lang={lang} version={version} />
      </Suspense>
    </div>
  );
}
