import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  Select,
  Subtitle2,
} from '@fluentui/react-components';
import { describeDiagnostic, describeSaved, formatDate, messages, profileUsed, type Lang, type SavedSetting } from '../i18n';
import { DEFAULT_PROFILE, type Diagnostic, type HeadDecision, type IsoDate, type Outcome, type PersonResult, type ProcedureId, type RuleProfile, type TieFinding } from '../rules';
import type { WorkbookSession } from '../hosts/session';
import type { Overrides } from '../workbook/reader/inputs';
import type { RunOutcome, RunRequest } from '../workbook/pipeline';
import type { WorkbookSnapshot } from '../workbook/snapshot';
import { outlineAfter, type WritePlan } from '../workbook/plan';
import { useFormStyles } from './form-styles';
import { HeadDecisionForm } from './HeadDecisionForm';
import { ReadReport } from './ReadReport';
import type { ColumnMap, MappingQuestion } from '../workbook/reader/column-map';

/** The pipeline, fetched on first use so that the pane's first script stays small (./engine.ts). */
type Engine = typeof import('./engine');
let engineLoad: Promise<Engine> | undefined;
const loadEngine = () => (engineLoad ??= import(/* webpackChunkName: "engine" */ './engine'));
/** The column-mapping dialog, fetched when first opened (./ColumnMapDialog.tsx). */
const ColumnMapDialog = lazy(() => import(/* webpackChunkName: "column-map" */ './ColumnMapDialog').then((d) => ({ default: d.ColumnMapDialog })));

/**
 * The task pane's one screen, top to bottom: the procedure and step in the words of the text, the
 * sheets to read, the conference numbers with the quorum verdict live, the quota per title, Run;
 * then the counts by outcome, the errors and warnings (each a link to its cell), the head's
 * decision on a tie, the result sheets, undo and how to print. Reads and writes only through the
 * session; a run with an error writes nothing (src/workbook/pipeline.ts).
 */


const PROCEDURES: ProcedureId[] = ['next-term', 'annual-local', 'annual-external'];
type SheetKind = 'roster' | 'votes' | 'candidates';
type Notice = { intent: 'success' | 'error' | 'info'; text: string };

/** A count typed in: a whole number ≥ 0, else nothing (the sheet's number stands). */
function whole(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const n = Number(text);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** The ties a run left to the head (none: no form for the head's decision). */
const awaitsHead = (people: readonly PersonResult[]) => people.some((p) => p.outcome === 'awaiting-head');

/** The head's decisions a run applied, by title: who decided, when, whom they chose and did not. */
function decisionsOf(people: readonly PersonResult[]): { title: string; by: string; on: string; chosen: string[]; notChosen: string[] }[] {
  const out = new Map<string, { title: string; by: string; on: string; chosen: string[]; notChosen: string[] }>();
  for (const p of people) {
    const d = p.explanation.find((f): f is TieFinding => f.rule === 'TIE')?.decision;
    if (!d) continue;
    const key = `${p.title ?? ''}|${d.by}|${d.on}`;
    const entry = out.get(key) ?? { title: p.title ?? '', by: d.by, on: d.on, chosen: [], notChosen: [] };
    (d.chosen.includes(p.id) ? entry.chosen : entry.notChosen).push(p.name);
    out.set(key, entry);
  }
  return [...out.values()];
}

/** How many people got each outcome, in the order first met. */
function countsOf(people: readonly PersonResult[]): [Outcome, number][] {
  const counts = new Map<Outcome, number>();
  for (const p of people) counts.set(p.outcome, (counts.get(p.outcome) ?? 0) + 1);
  return [...counts];
}

export function RunForm({
  session,
  lang,
  profile = DEFAULT_PROFILE,
  onSavedProfile,
}: {
  session?: WorkbookSession;
  lang: Lang;
  /** The rule profile to run under (the profile panel's). */
  profile?: RuleProfile;
  /** The profile saved in the workbook, found on loading it (none: the default). */
  onSavedProfile?: (profile: RuleProfile | undefined) => void;
}) {
  const styles = useFormStyles();
  const m = messages(lang);
  const t = m.taskpane;
  const [engine, setEngine] = useState<Engine>();
  const [snapshot, setSnapshot] = useState<WorkbookSnapshot>();
  // Undefined until the user chooses: the run infers it from the workbook (src/workbook/reader/procedure.ts).
  const [procedure, setProcedure] = useState<ProcedureId>();
  const [step, setStep] = useState<number>();
  const [sheets, setSheets] = useState<Partial<Record<SheetKind, string>>>({});
  const [numbers, setNumbers] = useState<{ convened?: string; present?: string }>({});
  const [quotas, setQuotas] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<RunOutcome>();
  // The tie the last run left to the head: its form stays, choices and all, while a decision is refused (E-DECISION-TOO-MANY…).
  const [tie, setTie] = useState<{ key: string; people: readonly PersonResult[] }>();
  const [undoDiagnostics, setUndoDiagnostics] = useState<Diagnostic[]>([]);
  const [notice, setNotice] = useState<Notice>();
  // The settings saved in the workbook (src/workbook/bookkeeping/settings.ts): what came from them, a quota for every title, the term's start.
  const [used, setUsed] = useState<SavedSetting[]>([]);
  const [quotaAll, setQuotaAll] = useState<string>();
  const [termStart, setTermStart] = useState<IsoDate>();
  const [ranWith, setRanWith] = useState<RuleProfile>();
  // The columns chosen where header detection was unsure (by sheet), and the sheet the dialog asks about.
  const [columns, setColumns] = useState<Record<string, ColumnMap>>({});
  const [columnsTouched, setColumnsTouched] = useState(false);
  const [asking, setAsking] = useState<MappingQuestion>();

  useEffect(() => {
    // An Excel older than the add-in needs: the pane says what it needs (below) and reads nothing.
    if (!session || session.unsupported) return;
    let live = true;
    Promise.all([loadEngine(), session.read()]).then(
      ([e, s]) => {
        if (!live) return;
        // The form starts from the settings saved in the workbook by an earlier run (the pane's or the command's).
        const saved = e.readSettings(s).settings;
        if (saved) {
          const eff = e.effectiveSettings(s, saved, {});
          setProcedure(eff.procedure);
          setStep(eff.settings.step);
          setSheets({ roster: eff.settings.rosterSheet, votes: eff.settings.votesSheet, candidates: eff.settings.candidatesSheet });
          setNumbers({ convened: eff.numbers.convened?.toString(), present: eff.numbers.present?.toString() });
          const q = eff.settings.quota;
          if (typeof q === 'number') setQuotaAll(String(q));
          else if (q) setQuotas(Object.fromEntries(Object.entries(q).map(([k, v]) => [k, String(v)])));
          setTermStart(eff.settings.termStart);
          if (eff.settings.columns) setColumns(eff.settings.columns);
          setUsed(eff.used);
        }
        onSavedProfile?.(saved?.profile);
        setEngine(e);
        setSnapshot(s);
      },
      (e: unknown) => live && setNotice({ intent: 'error', text: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      live = false;
    };
  }, [session]);

  const base = useMemo<RunRequest>(
    () => ({
      procedure,
      step,
      rosterSheet: sheets.roster,
      votesSheet: sheets.votes,
      candidatesSheet: sheets.candidates,
      profile,
      lang,
      // Sent once there is a mapping or one was forgotten: the run saves them in place of those kept.
      ...(Object.keys(columns).length || columnsTouched ? { columns } : {}),
    }),
    [procedure, step, sheets, profile, lang, columns, columnsTouched],
  );
  const basePreview = useMemo(() => (engine && snapshot ? engine.previewRun(snapshot, base) : undefined), [engine, snapshot, base]);
  // Only what the user changed from the workbook's own numbers is an override (and is logged as typed in).
  const overrides = useMemo<Overrides>(() => {
    const o: Overrides = {};
    const read = basePreview?.conference;
    const convened = whole(numbers.convened);
    const present = whole(numbers.present);
    if (convened !== undefined && convened !== read?.convened) o.convened = convened;
    if (present !== undefined && present !== read?.present) o.present = present;
    const quota: Record<string, number> = {};
    for (const q of basePreview?.titles ?? []) {
      const n = whole(quotas[q.title] ?? quotaAll);
      if (n !== undefined && n > 0 && n !== q.quota) quota[q.title] = n;
    }
    if (Object.keys(quota).length) o.quota = quota;
    if (termStart) o.termStart = termStart;
    return o;
  }, [basePreview, numbers, quotas, quotaAll, termStart]);
  const preview = useMemo(
    () => (engine && snapshot && Object.keys(overrides).length ? engine.previewRun(snapshot, { ...base, overrides }) : basePreview),
    [engine, snapshot, base, overrides, basePreview],
  );

  const disabled = !session || !engine || !snapshot || busy;
  /** The dialog's live sample: the first rows as the mapping reads them. */
  const sample = useCallback(
    (map: ColumnMap) => (engine && snapshot && asking ? engine.sampleRows(snapshot, asking.sheet, map) : []),
    [engine, snapshot, asking],
  );
  /** A change to the form: the last run's results no longer answer it. */
  const edited = () => {
    setOutcome(undefined);
    setTie(undefined);
    setUndoDiagnostics([]);
    setNotice(undefined);
  };

  /**
   * A run or an undo: one read and one write (2 round trips to Excel). The form then goes on from
   * the workbook's outline after the write (src/workbook/plan.ts outlineAfter) without reading it
   * again; every run reads the workbook afresh.
   */
  async function act(work: (session: WorkbookSession, engine: Engine, read: WorkbookSnapshot) => Promise<WritePlan | undefined>) {
    if (!session || !engine) return;
    setBusy(true);
    try {
      const read = await session.read();
      const plan = await work(session, engine, read);
      setSnapshot(plan ? outlineAfter(read, plan) : read);
    } catch (e) {
      setNotice({ intent: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }

  const run = (decisions?: HeadDecision[]) =>
    act(async (session, engine, snap) => {
      // Every run keeps its settings in the workbook, for the next run (the pane's or the command's).
      const request: RunRequest = { ...base, overrides: decisions ? { ...overrides, decisions } : overrides, lang, now: session.now(), saveSettings: true };
      // A host that runs where the workbook is (the workbench's worker) also applies the plan.
      const result = session.run ? await session.run(request) : engine.runPipeline(snap, request);
      if (result.ok && result.plan && !session.run) await session.apply(result.plan);
      setOutcome(result);
      if (result.ok || !decisions) setTie(result.ok && result.result && awaitsHead(result.result.people) ? { key: result.fingerprint ?? '', people: result.result.people } : undefined);
      setRanWith(base.profile);
      setUndoDiagnostics([]);
      setNotice(result.ok ? { intent: 'success', text: t.written } : { intent: 'error', text: t.nothingWritten });
      return result.ok ? result.plan : undefined;
    });

  const undo = () =>
    act(async (session, engine, snap) => {
      const planned = session.undo ? await session.undo({ lang, now: session.now() }) : engine.planUndo(snap, { lang, now: session.now() });
      if (planned.ok && planned.plan && !session.undo) await session.apply(planned.plan);
      setOutcome(undefined);
      setTie(undefined);
      setUndoDiagnostics(planned.diagnostics.filter((d) => d.at?.sheet));
      setNotice(planned.ok ? { intent: 'success', text: t.undone } : { intent: 'error', text: planned.diagnostics.map((d) => describeDiagnostic(d, lang)).join(' ') });
      return planned.ok ? planned.plan : undefined;
    });


  const diagnostics = outcome?.diagnostics ?? (undoDiagnostics.length ? undoDiagnostics : (preview?.diagnostics ?? []).filter((d) => d.severity === 'error'));
  const shown = preview ?? basePreview;
  const resultSheets = shown
    ? [
        { name: m.sheets.shortlist(shown.procedure, shown.step), label: t.showShortlist },
        { name: m.minutes.sheet(shown.procedure, shown.step), label: t.showMinutes },
        { name: m.decisionRecord.sheet(shown.procedure, shown.step), label: t.showDecision },
        { name: m.report.sheet(shown.procedure, shown.step), label: t.showReview },
      ].filter((s) => snapshot?.sheets.some((x) => x.name.toLowerCase() === s.name.toLowerCase()))
    : [];
  const sheetKinds: SheetKind[] = (procedure ?? shown?.procedure) === 'annual-external' || shown?.candidates ? ['roster', 'votes', 'candidates'] : ['roster', 'votes'];
  const verdict = shown?.conference?.verdict;
  const decided = outcome?.ok && outcome.result ? decisionsOf(outcome.result.people) : [];

  return (
    <Card aria-labelledby="run-heading">
      <form
        className={styles.form}
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <Subtitle2 as="h2" id="run-heading">
          {t.form}
        </Subtitle2>
        {!session && (
          <MessageBar intent="warning" aria-labelledby="run-needs-workbook">
            <MessageBarBody id="run-needs-workbook">
              {t.needsWorkbook}{' '}
              <Link href="workbench.html">{t.workbenchLink}</Link>
            </MessageBarBody>
          </MessageBar>
        )}
        {session?.unsupported ? (
          <MessageBar intent="error" aria-labelledby="run-limits" data-testid="unsupported">
            <MessageBarBody id="run-limits">{session.unsupported}</MessageBarBody>
          </MessageBar>
        ) : session?.limits?.length ? (
          <MessageBar intent="warning" aria-labelledby="run-limits">
            <MessageBarBody id="run-limits">{session.limits.join(' ')}</MessageBarBody>
          </MessageBar>
        ) : null}
        {session && !session.unsupported && (!snapshot || !engine) && !notice && <Body1>{t.loading}</Body1>}
        {used.length > 0 && (
          <Caption1 as="p" data-testid="saved-settings">
            {m.cli.savedSettings(describeSaved(used, lang, 'pane'))}
          </Caption1>
        )}

        <div className={styles.group}>
          <Field label={t.procedure}>
            <Select
              className={styles.fill}
              value={procedure ?? shown?.procedure ?? ''}
              disabled={disabled}
              onChange={(_, d) => {
                setProcedure(d.value as ProcedureId);
                setStep(undefined);
                setNumbers({});
                setQuotas({});
                setQuotaAll(undefined);
                edited();
              }}
            >
              {PROCEDURES.map((p) => (
                <option key={p} value={p}>
                  {t.procedureShort[p]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={t.step}>
            <Select
              className={styles.fill}
              value={shown ? String(shown.step) : ''}
              disabled={disabled}
              onChange={(_, d) => {
                setStep(Number(d.value));
                setNumbers({});
                setQuotas({});
                setQuotaAll(undefined);
                edited();
              }}
            >
              {(shown?.steps ?? []).map((s) => (
                <option key={s.step} value={String(s.step)}>
                  {t.stepShort[`${shown?.procedure}:${s.step}`] ?? s.title}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        {shown?.title && (
          <Body1 as="p" data-testid="step-title" aria-live="polite">
            <strong>
              {shown.title.procedure} — {shown.title.step}
            </strong>
          </Body1>
        )}
        <ReadReport of={outcome ?? shown} lang={lang} />

        <fieldset className={styles.group}>
          <legend>
            <Body1>
              <strong>{t.sheets}</strong>
            </Body1>
          </legend>
          {sheetKinds.map((kind) => (
            <Field key={kind} label={t.sheetKinds[kind]}>
              <Select
                className={styles.fill}
                data-testid={`sheet-${kind}`}
                value={sheets[kind] ?? shown?.[kind] ?? ''}
                disabled={disabled}
                onChange={(_, d) => {
                  setSheets({ ...sheets, [kind]: d.value || undefined });
                  edited();
                }}
              >
                <option value="">{t.automatic}</option>
                {(shown?.sheets ?? []).map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </Select>
            </Field>
          ))}
        </fieldset>

        {(shown?.mapping ?? [])
          .filter((q) => q.unsure)
          .map((q) => (
            <MessageBar key={`${q.role}:${q.sheet}`} intent="warning" data-testid={`unsure-${q.role}`} aria-labelledby={`unsure-${q.role}-text`}>
              <MessageBarBody id={`unsure-${q.role}-text`}>
                {q.unsure === 'competing' && q.competing[0]
                  ? m.columnMap.competing(q.sheet, m.columnMap.field(q.competing[0].key), q.competing[0].cols)
                  : q.unsure === 'missing' && q.missing
                    ? m.columnMap.missingColumns(q.sheet, q.role, q.missing.map((g) => g.map(m.columnMap.field)))
                    : m.columnMap.noHeader(q.sheet, q.role)}
              </MessageBarBody>
              <MessageBarActions>
                <Button size="small" disabled={disabled} onClick={() => setAsking(q)}>
                  {m.columnMap.choose}
                </Button>
              </MessageBarActions>
            </MessageBar>
          ))}
        {(shown?.mapping ?? []).some((q) => !q.unsure) && (
          <ul className={styles.list} data-testid="column-map-links">
            {(shown?.mapping ?? [])
              .filter((q) => !q.unsure)
              .map((q) => (
                <li key={`${q.role}:${q.sheet}`}>
                  <Caption1>
                    {q.mapped && `${m.columnMap.mapped(q.sheet)} `}
                    <Link as="button" type="button" disabled={disabled} onClick={() => setAsking(q)}>
                      {m.columnMap.chooseFor(q.sheet, q.role)}
                    </Link>
                  </Caption1>
                </li>
              ))}
          </ul>
        )}
        {asking && (
          <Suspense fallback={null}>
            <ColumnMapDialog
              key={`${asking.role}:${asking.sheet}`}
              question={asking}
              lang={lang}
              sample={sample}
              onCancel={() => setAsking(undefined)}
              onSave={(map) => {
                setColumns({ ...columns, [asking.sheet]: map });
                setColumnsTouched(true);
                setSheets({ ...sheets, [asking.role]: asking.sheet });
                setAsking(undefined);
                edited();
              }}
              onReset={
                asking.mapped
                  ? () => {
                      const rest = { ...columns };
                      delete rest[asking.sheet];
                      setColumns(rest);
                      setColumnsTouched(true);
                      setAsking(undefined);
                      edited();
                    }
                  : undefined
              }
            />
          </Suspense>
        )}

        {shown?.conference && (
          <fieldset className={styles.group}>
            <legend>
              <Body1>
                <strong>{t.conference}</strong>
              </Body1>
            </legend>
            <div className={styles.fields}>
              {(['convened', 'present'] as const).map((k) => (
                <Field key={k} label={t[k]}>
                  <Input
                    className={styles.fill}
                    data-testid={`conference-${k}`}
                    type="number"
                    min={0}
                    step={1}
                    disabled={disabled}
                    value={numbers[k] ?? (basePreview?.conference?.[k] === undefined ? '' : String(basePreview.conference[k]))}
                    onChange={(_, d) => {
                      setNumbers({ ...numbers, [k]: d.value });
                      edited();
                    }}
                  />
                </Field>
              ))}
            </div>
            <Body1 as="p" role="status" data-testid="quorum" className={verdict ? (verdict.quorate ? styles.verdictOk : styles.verdictBad) : undefined}>
              {verdict ? t.quorum(verdict) : t.quorumUnknown}
            </Body1>
          </fieldset>
        )}

        {basePreview && basePreview.titles.length > 0 && (
          <fieldset className={styles.group}>
            <legend>
              <Body1>
                <strong>{t.quotas}</strong>
              </Body1>
            </legend>
            <div className={styles.fields}>
              {basePreview.titles.map((q) => (
                <Field key={q.title} label={t.quotaLabel(q.title)} hint={t.quotaHint(q.people)}>
                  <Input
                    className={styles.fill}
                    type="number"
                    min={1}
                    step={1}
                    disabled={disabled}
                    value={quotas[q.title] ?? quotaAll ?? String(q.quota)}
                    onChange={(_, d) => {
                      setQuotas({ ...quotas, [q.title]: d.value });
                      edited();
                    }}
                  />
                </Field>
              ))}
            </div>
          </fieldset>
        )}

        <div className={styles.actions}>
          <Button appearance="primary" type="submit" disabled={disabled}>
            {busy ? t.working : t.run}
          </Button>
        </div>
      </form>

      {notice && (
        <MessageBar intent={notice.intent} layout="multiline" data-testid="notice" aria-labelledby="run-notice">
          <MessageBarBody id="run-notice" className={styles.wrapText}>
            {notice.text}
          </MessageBarBody>
        </MessageBar>
      )}

      {outcome?.ok && outcome.result && (
        <section aria-labelledby="counts-heading">
          <Subtitle2 as="h3" id="counts-heading">
            {t.counts}
          </Subtitle2>
          <ul className={styles.list} data-testid="counts">
            {countsOf(outcome.result.people).map(([o, n]) => (
              <li key={o}>
                <Body1>
                  {m.outcomes[o]} <strong>{n}</strong>
                </Body1>
              </li>
            ))}
          </ul>
          <Caption1 as="p" data-testid="outcome-profile">
            {profileUsed(ranWith ?? profile, lang).text}
          </Caption1>
        </section>
      )}

      {decided.length > 0 && (
        <section aria-labelledby="decision-heading" data-testid="decision" className={styles.group}>
          <Subtitle2 as="h3" id="decision-heading">
            {t.decisionHeading}
          </Subtitle2>
          {decided.map((d) => (
            <Body1 as="p" key={`${d.title}|${d.by}|${d.on}`}>
              {t.decision({ ...d, on: formatDate(d.on, lang) })}
            </Body1>
          ))}
        </section>
      )}

      {diagnostics.length > 0 && (
        <section aria-labelledby="diagnostics-heading">
          <Subtitle2 as="h3" id="diagnostics-heading">
            {t.diagnostics}
          </Subtitle2>
          <ul className={styles.list} data-testid="diagnostics">
            {diagnostics.map((d, i) => {
              const text = describeDiagnostic(d, lang);
              const sheet = d.at?.sheet;
              return (
                <li key={i} className={styles.item}>
                  <Badge appearance="tint" color={d.severity === 'error' ? 'danger' : 'warning'} className={styles.badge}>
                    {m.severity[d.severity]}
                  </Badge>
                  {sheet && session ? (
                    <Link as="button" type="button" className={styles.wrapText} onClick={() => void session.select(sheet, d.at?.cell)}>
                      {text}
                    </Link>
                  ) : (
                    <Body1 className={styles.wrapText}>{text}</Body1>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {tie && session && <HeadDecisionForm key={tie.key} people={tie.people} today={session.now().slice(0, 10)} busy={busy} lang={lang} onDecide={(decisions) => void run(decisions)} />}

      {session && snapshot && (
        <section aria-labelledby="results-heading" className={styles.group}>
          <Subtitle2 as="h3" id="results-heading">
            {t.results}
          </Subtitle2>
          <div className={styles.actions}>
            {resultSheets.map((s) => (
              <Button key={s.name} disabled={busy} onClick={() => void session.select(s.name, 'A1')}>
                {s.label}
              </Button>
            ))}
            <Button disabled={busy || !engine} onClick={() => void undo()}>
              {t.undo}
            </Button>
          </div>
          <Caption1 as="p">{t.printHint}</Caption1>
        </section>
      )}
    </Card>
  );
}
