import { useCallback, useEffect, useRef, useState } from 'react';
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Subtitle1,
  Subtitle2,
  Tab,
  TabList,
  Title3,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { describeDiagnostic, messages, type Lang } from '../i18n';
import { DEFAULT_PROFILE } from '../rules';
import { ProfilePanel } from '../taskpane/ProfilePanel';
import { Workflow } from '../taskpane/Workflow';
import { Grid } from './Grid';
import { SAMPLES, sampleNamed } from './samples';
import { WorkbenchSession } from './session';
import { PrintPane } from './print';
import { LIMITS } from '../hosts/xlsx/limits';
import { workbookDiagnostic } from '../workbook/codes';
import { SheetView, type SheetData } from './sheet-view';
import { WorkbookWorker, WorkerCancelled, WorkerFailed, WorkerRefused, type OpenPhase } from './worker-client';

/** Below this width the pane goes under the grid, as wide as the window (a phone, a window beside another, Excel's task-pane width). */
const NARROW = '@media (max-width: 899px)';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', height: '100vh', backgroundColor: tokens.colorNeutralBackground2, [NARROW]: { height: 'auto', minHeight: '100vh' } },
  header: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalM,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalL}`,
    backgroundColor: '#217346',
    color: '#FFFFFF',
  },
  brand: { display: 'flex', flexDirection: 'column', marginRight: 'auto', minWidth: 0 },
  brandTitle: { color: '#FFFFFF', margin: 0 },
  brandSub: { color: '#E8F3EC' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  body: { display: 'flex', flexGrow: 1, minHeight: 0, [NARROW]: { flexDirection: 'column' } },
  left: {
    display: 'flex',
    flexDirection: 'column',
    flexGrow: 1,
    minWidth: 0,
    borderRight: `1px solid ${tokens.colorNeutralStroke2}`,
    [NARROW]: { flexGrow: 0, borderRight: 'none', borderBottom: `1px solid ${tokens.colorNeutralStroke2}` },
  },
  // Stacked, a workbook open: the grid keeps most of the window's height and scrolls within it; the page scrolls on to the pane.
  open: { [NARROW]: { height: '75vh' } },
  bar: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM}`, backgroundColor: tokens.colorNeutralBackground1 },
  fileName: { marginRight: 'auto' },
  zoom: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXXS },
  tabs: { overflowX: 'auto', backgroundColor: tokens.colorNeutralBackground1, borderTop: `1px solid ${tokens.colorNeutralStroke2}` },
  right: {
    width: '420px',
    flexShrink: 0,
    overflowY: 'auto',
    [NARROW]: { width: 'auto', overflowY: 'visible' },
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    // The cards keep their height; the pane scrolls.
    '& > *': { flexShrink: 0 },
  },
  welcome: { margin: tokens.spacingHorizontalXXL, maxWidth: '720px', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, [NARROW]: { margin: tokens.spacingHorizontalM } },
  sampleList: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  drop: {
    position: 'fixed',
    inset: 0,
    zIndex: 100,
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'center',
    backgroundColor: 'rgba(33, 115, 70, 0.15)',
    border: '4px dashed #217346',
    pointerEvents: 'none',
  },
  dropText: { backgroundColor: '#FFFFFF', padding: tokens.spacingHorizontalXL, borderRadius: tokens.borderRadiusLarge },
  hidden: { display: 'none' },
  // The status keeps its height above the sheets (a long message wraps; the sheets below never cover it).
  status: { flexShrink: 0 },
});

interface Doc {
  id: number;
  name: string;
  session: WorkbenchSession;
  /** The sheets as the worker last handed them (./sheet-view.ts). */
  sheets: SheetView[];
  date1904: boolean;
}
/** A file being opened: its worker (Cancel ends it) and how far it got. */
interface Opening {
  name: string;
  worker?: WorkbookWorker;
  phase?: OpenPhase;
  fraction?: number;
}
/** The grid's zoom steps (Excel's own zoom does not apply: this is the page's). */
const ZOOMS = [0.5, 0.6, 0.7, 0.8, 0.9, 1, 1.25, 1.5];
type Status = { intent: 'success' | 'error' | 'info'; text: string };

/** The sheets a user sees in Excel: hidden and very hidden ones (the add-in's own) are left out. */
function visibleSheets(doc: Doc | undefined): string[] {
  return doc ? doc.sheets.filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden').map((ws) => ws.name) : [];
}

const viewsOf = (sheets: SheetData[]) => sheets.map((s) => new SheetView(s));

/**
 * The browser workbench (issue 7): a workbook opened from a file (picker or drop) or a sample, its
 * sheets in a read-only grid, the task pane's own run form over it, and the result downloaded as a
 * new file. Nothing leaves the page: the file is read and written in memory, in a Web Worker
 * (./worker.ts) so that the page answers while a large file is read, shows how far it got, and can
 * cancel it; a file the reader cannot take shows its coded message (README's code table).
 */
export function Workbench({ lang, sample }: { lang: Lang; sample?: string }) {
  const styles = useStyles();
  const m = messages(lang);
  const w = m.workbench;
  const [doc, setDoc] = useState<Doc>();
  const [status, setStatus] = useState<Status>();
  const [opening, setOpening] = useState<Opening>();
  const [sheet, setSheet] = useState<string>();
  const [target, setTarget] = useState<{ cell?: string; n: number }>();
  const [version, setVersion] = useState(0);
  const [pending, setPending] = useState(false);
  const [view, setView] = useState<'grid' | 'print'>('grid');
  const [dragging, setDragging] = useState(false);
  const [zoom, setZoom] = useState(0.8);
  const fileInput = useRef<HTMLInputElement>(null);
  const ids = useRef(0);
  // The workbook shown and the file being opened, for the callbacks (each owns a worker to end).
  const docRef = useRef<Doc>(undefined);
  docRef.current = doc;
  const openingRef = useRef<Opening>(undefined);
  openingRef.current = opening;

  const open = useCallback(
    async (name: string, bytes: () => Promise<ArrayBuffer>) => {
      setStatus(undefined);
      // One worker per workbook: the one being opened replaces any other still opening.
      const worker = new WorkbookWorker();
      openingRef.current?.worker?.terminate();
      setOpening({ name, worker });
      try {
        const opened = await worker.open(await bytes(), (phase, fraction) => setOpening((o) => (o?.worker === worker ? { ...o, phase, fraction } : o)));
        const session = new WorkbenchSession(worker, {
          show: (name, cell) => {
            const found = docRef.current?.sheets.find((ws) => ws.name.toLowerCase() === name.toLowerCase());
            if (!found) return;
            setSheet(found.name);
            setView('grid');
            setTarget({ cell, n: ++ids.current });
          },
          changed: (sheets) => {
            if (sheets) setDoc((d) => (d && d.session === session ? { ...d, sheets: viewsOf(sheets) } : d));
            setVersion((v) => v + 1);
            setPending(true);
          },
        });
        const next: Doc = { id: ++ids.current, name, session, sheets: viewsOf(opened.sheets), date1904: opened.date1904 };
        docRef.current?.session.worker.terminate();
        setDoc(next);
        setSheet(visibleSheets(next)[0]);
        setTarget(undefined);
        setView('grid');
        setPending(false);
      } catch (e) {
        worker.terminate();
        if (e instanceof WorkerCancelled) return;
        // A coded message in the product's words; a bug says it is one (never the library's English).
        const d = e instanceof WorkerRefused ? e.diagnostic : undefined;
        const text = d ? `${d.code}: ${describeDiagnostic(d, lang)}` : `E-INTERNAL: ${m.diagnostics['E-INTERNAL']({})}`;
        if (e instanceof WorkerFailed) console.warn(e.detail);
        setStatus({ intent: 'error', text: w.openError(name, text) });
      } finally {
        setOpening((o) => (o?.worker === worker ? undefined : o));
      }
    },
    [w, m, lang],
  );
  const cancel = () => {
    if (!opening) return;
    opening.worker?.terminate();
    setOpening(undefined);
    setStatus({ intent: 'info', text: w.cancelled(opening.name) });
  };
  const openFile = useCallback(
    (file: File) => {
      // Too large to take into memory at all: refused by its size alone, before it is read.
      if (file.size > LIMITS.fileBytes) {
        const d = workbookDiagnostic('E-FILE-TOO-LARGE', { what: 'file', limit: LIMITS.fileBytes, actual: file.size });
        setStatus({ intent: 'error', text: w.openError(file.name, `${d.code}: ${describeDiagnostic(d, lang)}`) });
        return;
      }
      void open(file.name, () => file.arrayBuffer());
    },
    [open, w, lang],
  );
  const openSample = useCallback(
    (file: string) =>
      void open(file, async () => {
        const response = await fetch(`samples/${encodeURIComponent(file)}`);
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.arrayBuffer();
      }),
    [open],
  );

  // ?sample=<file>: one of ours, opened at once (npm start opens the next-term one).
  useEffect(() => {
    const s = sampleNamed(sample);
    if (s) openSample(s.file);
  }, [sample, openSample]);

  // A file dropped anywhere on the page opens it.
  useEffect(() => {
    let depth = 0;
    const hasFiles = (e: DragEvent) => Boolean(e.dataTransfer && [...e.dataTransfer.types].includes('Files'));
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const file = e.dataTransfer?.files?.[0];
      if (file) openFile(file);
    };
    window.addEventListener('dragenter', enter);
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragenter', enter);
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [openFile]);

  // Leaving with results not downloaded: the browser asks first.
  useEffect(() => {
    if (!pending) return;
    const ask = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [pending]);

  const download = async () => {
    if (!doc) return;
    try {
      const blob = new Blob([await doc.session.worker.download()], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
      const name = w.downloadName(doc.name);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setPending(false);
      setStatus({ intent: 'success', text: w.downloaded(name) });
    } catch (e) {
      const d = e instanceof WorkerRefused ? e.diagnostic : undefined;
      setStatus({ intent: 'error', text: d ? `${d.code}: ${describeDiagnostic(d, lang)}` : `E-INTERNAL: ${m.diagnostics['E-INTERNAL']({})}` });
    }
  };

  const sheets = visibleSheets(doc);
  const current = doc && sheet ? doc.sheets.find((ws) => ws.name === sheet) : undefined;
  const shownSheet = current ?? doc?.sheets.find((ws) => ws.name === sheets[0]);
  const date1904 = Boolean(doc?.date1904);

  const sampleMenu = (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button data-testid="open-sample">{w.samples}</Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {SAMPLES.map((s) => (
            <MenuItem key={s.file} data-sample={s.file} secondaryContent={s.file} onClick={() => openSample(s.file)}>
              {m.procedures[s.procedure]}
            </MenuItem>
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );

  return (
    <div className={styles.root}>
      <header className={styles.header}>
        <div className={styles.brand}>
          <Title3 as="h1" className={styles.brandTitle}>
            {w.title}
          </Title3>
          <Caption1 className={styles.brandSub}>{w.privacy}</Caption1>
        </div>
        <div className={styles.actions}>
          <Button appearance="primary" title={w.openHint} onClick={() => fileInput.current?.click()}>
            {w.open}
          </Button>
          <input
            ref={fileInput}
            className={styles.hidden}
            data-testid="open-file"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={(e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (file) openFile(file);
            }}
          />
          {sampleMenu}
          <Button data-testid="download" disabled={!doc} title={w.neverModified} onClick={() => void download()}>
            {w.download}
          </Button>
        </div>
      </header>

      {(status || opening) && (
        <MessageBar intent={opening ? 'info' : (status?.intent ?? 'info')} layout="multiline" className={styles.status} data-testid="workbench-status">
          <MessageBarBody>
            {opening ? `${w.opening(opening.name)}${opening.phase ? ` — ${opening.phase === 'check' ? w.openPhase.check(Math.round((opening.fraction ?? 0) * 100)) : w.openPhase[opening.phase]}` : ''}` : status?.text}
            {opening && <ProgressBar data-testid="open-progress" value={opening.phase === 'check' ? (opening.fraction ?? 0) : undefined} thickness="large" />}
          </MessageBarBody>
          {opening && (
            <MessageBarActions>
              <Button data-testid="cancel-open" onClick={cancel}>
                {w.cancel}
              </Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}

      <div className={styles.body}>
        <section className={mergeClasses(styles.left, doc && styles.open)} aria-label={w.sheets}>
          {doc && shownSheet ? (
            <>
              <div className={styles.bar}>
                <Body1 className={styles.fileName} data-testid="file-name">
                  <strong>{w.file(doc.name)}</strong>
                </Body1>
                {pending && (
                  <Badge color="warning" appearance="tint" data-testid="pending">
                    {w.pending}
                  </Badge>
                )}
                <Caption1>{w.neverModified}</Caption1>
                {view === 'grid' && (
                  <span className={styles.zoom}>
                    <Button size="small" appearance="subtle" aria-label={w.zoomOut} disabled={zoom <= ZOOMS[0]} onClick={() => setZoom(ZOOMS[Math.max(0, ZOOMS.indexOf(zoom) - 1)])}>
                      −
                    </Button>
                    <Caption1 data-testid="grid-zoom">{Math.round(zoom * 100)}%</Caption1>
                    <Button size="small" appearance="subtle" aria-label={w.zoomIn} disabled={zoom >= ZOOMS[ZOOMS.length - 1]} onClick={() => setZoom(ZOOMS[Math.min(ZOOMS.length - 1, ZOOMS.indexOf(zoom) + 1)])}>
                      +
                    </Button>
                  </span>
                )}
                <TabList size="small" selectedValue={view} onTabSelect={(_, d) => setView(d.value as 'grid' | 'print')}>
                  <Tab value="grid">{w.grid}</Tab>
                  <Tab value="print" data-testid="print-tab">
                    {w.print}
                  </Tab>
                </TabList>
              </div>
              {view === 'grid' ? (
                <Grid key={`${doc.id}:${shownSheet.name}`} worksheet={shownSheet} version={version} target={target} date1904={date1904} lang={lang} zoom={zoom} />
              ) : (
                <PrintPane workbook={{ worksheets: doc.sheets }} sheet={shownSheet.name} version={version} lang={lang} />
              )}
              <TabList
                className={styles.tabs}
                size="small"
                aria-label={w.sheets}
                data-testid="sheet-tabs"
                selectedValue={shownSheet.name}
                onTabSelect={(_, d) => {
                  setSheet(String(d.value));
                  setTarget(undefined);
                }}
              >
                {sheets.map((name) => (
                  <Tab key={name} value={name}>
                    {name}
                  </Tab>
                ))}
              </TabList>
            </>
          ) : (
            <Card className={styles.welcome} data-testid="welcome">
              <Subtitle1 as="h2">{w.welcomeTitle}</Subtitle1>
              <Body1 as="p">{w.welcomeText}</Body1>
              <Body1 as="p">{w.subtitle}</Body1>
              <Subtitle2 as="h3">{w.samples}</Subtitle2>
              <ul className={styles.sampleList}>
                {SAMPLES.map((s) => (
                  <li key={s.file}>
                    <Button appearance="subtle" onClick={() => openSample(s.file)}>
                      {m.procedures[s.procedure]}
                    </Button>{' '}
                    <Caption1>{s.file}</Caption1>
                  </li>
                ))}
              </ul>
              {opening && <Spinner size="small" label={w.opening(opening.name)} />}
            </Card>
          )}
        </section>
        <aside className={styles.right} aria-label={m.taskpane.form}>
          {/* The task pane's own run form and profile panel, over the workbook opened here. */}
          {doc ? <Workflow key={doc.id} session={doc.session} lang={lang} /> : <ProfilePanel profile={DEFAULT_PROFILE} lang={lang} />}
        </aside>
      </div>

      {dragging && (
        <div className={styles.drop} data-testid="drop-overlay">
          <Subtitle1 className={styles.dropText}>{w.dropHere}</Subtitle1>
        </div>
      )}
    </div>
  );
}
