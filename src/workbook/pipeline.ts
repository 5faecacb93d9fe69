import { describeDiagnostic, describeInference, describeRead, explainPerson, formatRatio, messages, outcomeCounts, profileUsed, stepTitle, type Lang } from '../i18n';
import { DEFAULT_PROFILE, findStep, percentOf, runStep, type Diagnostic, type PersonResult, type ProcedureId, type RuleProfile, type StepResult, type ThresholdFinding, type TieFinding } from '../rules';
import { buildStepInput, type Overrides } from './reader/inputs';
import { countSettings, fingerprint as inputFingerprint, sheetsRead } from './bookkeeping/fingerprint';
import { renderAudit, settingsText, type AuditEntry } from './bookkeeping/audit-log';
import { nextRecord, partsOf, readRecord, recordSheet, type UndoRecord } from './bookkeeping/undo-record';
import type { ParsedWorkbook } from './reader/parse';
import { parseFor, type Inference, type ParseRequest } from './reader/procedure';
import type { ReadReport } from './reader/report';
import type { ColumnMap } from './reader/column-map';
import { readDecisions } from './reader/decisions';
import type { WritePlan } from './plan';
import { workbookDiagnostic } from './codes';
import { withFormulaNotes } from './formula-notes';
import { OWNED_SHEET_PREFIX, type CreatedSheet } from './plan';
import { renderResultColumns } from './render/columns';
import { renderEligibility } from './render/review';
import { inPlanningResults } from './in-planning';
import { renderShortlist } from './render/shortlist';
import { renderMinutes } from './render/minutes';
import { decisionRecordName, renderDecisionRecord } from './render/decision-record';
import { readSettings, settingsSheet, settingsToSave, type RunSettings } from './bookkeeping/settings';
import { ownedAreas } from './reader/sheets';
import { rangeA1 } from './address';
import { fixedScale, layoutSheet } from './render/page-layout';
import type { WorkbookSnapshot } from './snapshot';

/**
 * One run, host-independent: parse → decide → render. The host reads the snapshot before
 * and applies the plan after (docs/ARCHITECTURE.md). Nothing is planned when any error is found.
 */

export interface RunRequest {
  /** Omitted: inferred from the sheets found (src/workbook/reader/procedure.ts), with the step. */
  procedure?: ProcedureId;
  /** Omitted: inferred from the sheets found (a staff or leadership vote count, removal votes, the head's marks, or a roster alone). */
  step?: number;
  rosterSheet?: string;
  votesSheet?: string;
  candidatesSheet?: string;
  profile?: RuleProfile;
  overrides?: Overrides;
  lang: Lang;
  /** Local date and time of the run, 'YYYY-MM-DDTHH:MM', for the audit log (the host's clock). */
  now?: string;
  /** Also keep this run's settings in the workbook (src/workbook/bookkeeping/settings.ts) for the next run, over those kept. */
  saveSettings?: boolean;
  /** The columns the user chose where header detection was unsure, by sheet (src/workbook/reader/column-map.ts). */
  columns?: Record<string, ColumnMap>;
  /** The vote columns the user chose on the vote sheet (`--column votes=E`), by field: column letters. */
  voteColumns?: ParseRequest['voteColumns'];
}

export interface RunOutcome {
  procedure: ProcedureId;
  step: number;
  /** What was inferred from the workbook (the procedure, the step) and why; empty where the user said. */
  inferred: Inference;
  /** What was read, sheet by sheet (src/workbook/reader/report.ts; the same as parsed.read). */
  read: ReadReport;
  parsed: ParsedWorkbook;
  result?: StepResult;
  diagnostics: Diagnostic[];
  plan?: WritePlan;
  /** SHA-256 of the values read and the settings (src/workbook/bookkeeping/fingerprint.ts). */
  fingerprint?: string;
  ok: boolean;
}

export function runPipeline(snapshot: WorkbookSnapshot, request: RunRequest): RunOutcome {
  const { lang } = request;
  const profile = request.profile ?? DEFAULT_PROFILE;
  const { parsed, procedure, step, inferred } = parseFor(snapshot, { ...request, titles: Object.keys(profile.quota.perTitle) });
  // Formulas the host computed, could not compute, or took from another workbook, where the run reads them.
  const diagnostics = withFormulaNotes(snapshot, parsed);
  const fail = (): RunOutcome => ({ procedure, step, inferred, read: parsed.read, parsed, diagnostics, ok: false });
  if (!findStep(procedure, step)) {
    diagnostics.push(...runStep(procedure, step, {}).diagnostics);
    return fail();
  }
  const built = buildStepInput(parsed, procedure, step, request.overrides);
  diagnostics.push(...built.diagnostics);
  // TIE: the head's decisions given with the request, else as recorded on the shortlist sheet of an earlier run.
  if (!request.overrides?.decisions && built.input.votes?.length) {
    const recorded = readDecisions(snapshot, parsed, procedure, step, built.input.votes);
    diagnostics.push(...recorded.diagnostics);
    if (recorded.decisions.length) built.input.decisions = recorded.decisions;
  }
  const result = runStep(procedure, step, { ...built.input, profile });
  // The count's own result, the head's decisions left out: what the minutes record (TIE: a decision never rewrites the count).
  const count = built.input.decisions?.length ? runStep(procedure, step, { ...built.input, decisions: [], profile }) : result;
  // What the printouts carry to be matched with the data of the count (minutes' foot, audit log): not the head's decision.
  const fingerprint = inputFingerprint(snapshot, parsed, countSettings(procedure, step, profile, built.input, sheetsRead(parsed), request.columns));
  diagnostics.push(...result.diagnostics);
  // An error anywhere: nothing is written, and no result is shown as if it stood.
  const blocked = (): RunOutcome => ({ ...fail(), result: { ...result, people: [], blocked: true } });
  if (diagnostics.some((d) => d.severity === 'error')) return blocked();
  // Names of the people in a tie, for its explanation (looked up only where there is one).
  let names: Map<string, string> | undefined;
  const nameOf = (id: string): string => (names ??= new Map(result.people.map((p) => [p.id, p.name]))).get(id) ?? id;
  // GAP (II.2(1)): those in planning, judged by the step's ELIG, for the roster's columns and the review sheet.
  const onSite = inPlanningResults(procedure, step, built.input, profile);
  const rendered = renderResultColumns(snapshot, parsed, result, lang, nameOf, { onSite, profile });
  diagnostics.push(...rendered.diagnostics);
  if (rendered.diagnostics.some((d) => d.severity === 'error')) return blocked();
  const plan = rendered.plan;

  // Sheets the add-in creates whole (and replaces on the next run): the ranked shortlist, …
  const people = new Map([...(parsed.roster?.people ?? []), ...(parsed.candidates?.people ?? [])].map((p) => [p.id, p]));
  // A post written after a name in the vote sheet ("Ngô Quang Huy (Phó phòng)") shows where the roster gives none.
  for (const [id, post] of built.posts) {
    const known = people.get(id);
    if (!known?.post) people.set(id, known ? { ...known, post } : { id, name: nameOf(id), titles: [], inPlanning: false, post });
  }
  const created: CreatedSheet[] = [];
  const shortlist = renderShortlist(result, lang, people, nameOf, profile);
  if (shortlist) created.push(shortlist);
  // … the review of an ELIG / GAP step (I.1, II.2(1)), …
  const review = renderEligibility(result, lang, people, profile, { onSite, consultations: parsed.candidates?.consultations });
  if (review) created.push(review);
  // … the vote-count minutes of the count, with the fingerprint at its foot, …
  const minutes = renderMinutes(count, lang, profile, { unit: parsed.votes?.unit, date: parsed.votes?.date, ballots: parsed.votes?.conference.ballots }, fingerprint, nameOf);
  if (minutes) created.push(minutes);
  // … and the head's decision record where the count leaves a tie to the head (one made earlier is replaced, never left stale).
  const recorded = parsed.owned.some((o) => o.name === decisionRecordName(procedure, step));
  const record = renderDecisionRecord(count, result, lang, people, { unit: parsed.votes?.unit, fingerprint, names: nameOf }, recorded);
  if (record) created.push(record);
  const taken = addSheets(plan, created, snapshot, parsed.owned);
  if (taken) {
    diagnostics.push(taken);
    return blocked();
  }

  // Bookkeeping: a row in the audit log, and the record that lets the run be undone.
  const title = stepTitle(procedure, step, lang);
  const entry: AuditEntry = {
    at: request.now ?? '',
    action: 'run',
    step: `${title ? `${title.procedure} — ${title.step}` : `${procedure} ${step}`}${inferred.because ? ` ${messages(lang).reader.inferredMark}` : ''}`,
    settings: settingsText(profile, request.overrides ?? {}, built.input.decisions ?? [], lang, nameOf),
    // What was read, compactly (the report in words: sheet, columns, rows, what was passed over).
    sheets: describeRead(parsed.read, lang, true),
    fingerprint,
    counts: outcomeCounts(result.people, lang),
  };
  const written = plan.names.filter((n) => plan.blocks.some((b) => b.sheet.toLowerCase() === n.sheet.toLowerCase())).map((n) => n.name);
  // A damaged record is replaced by this run's (it says so): the run before can no longer be undone.
  const earlier = readRecord(snapshot);
  if (written.length && earlier.damaged) diagnostics.push(workbookDiagnostic('W-UNDO-REPLACED', earlier.damaged.params, earlier.damaged.at));
  const logTaken = addBookkeeping(plan, snapshot, parsed.owned, entry, written.length ? nextRecord(earlier.record, partsOf(plan, written), snapshot) : undefined, lang);
  if (logTaken) {
    diagnostics.push(logTaken);
    return blocked();
  }
  // The settings saved for the next run: like the log, not a part the run wrote (undo keeps them).
  const saveTaken = request.saveSettings && addSheets(plan, [settingsSheet(settingsToSave(readSettings(snapshot).settings, { ...request, procedure }, step), lang)], snapshot, parsed.owned);
  if (saveTaken) {
    diagnostics.push(saveTaken);
    return blocked();
  }
  return { procedure, step, inferred, read: parsed.read, parsed, result, diagnostics, plan, fingerprint, ok: true };
}

/**
 * Sheets the add-in creates whole, into the plan: each replaces the owned sheet of that name (and
 * its defined name). A user's sheet of that name stops the run instead (E-SHEET-NAME-TAKEN).
 * A sheet that prints is laid out for the page (page-layout.ts): the height of every row, the page breaks.
 */
export function addSheets(plan: WritePlan, created: readonly CreatedSheet[], snapshot: WorkbookSnapshot, owned: ParsedWorkbook['owned']): Diagnostic | undefined {
  plan.sheets ??= [];
  for (const c of created) {
    const name = c.sheet.name.toLowerCase();
    const ours = owned.some((o) => o.name.startsWith(OWNED_SHEET_PREFIX) && o.sheet.toLowerCase() === name);
    if (!ours && snapshot.sheets.some((s) => s.name.toLowerCase() === name)) return workbookDiagnostic('E-SHEET-NAME-TAKEN', { sheet: c.sheet.name }, { sheet: c.sheet.name });
    plan.sheets.push(c.sheet.hidden ? c.sheet : laidOut(c));
    plan.blocks.push(c.block);
    plan.names = [...plan.names.filter((n) => n.name !== c.name.name && n.sheet.toLowerCase() !== name), c.name];
  }
  return undefined;
}

function laidOut(c: CreatedSheet): CreatedSheet['sheet'] {
  const { heights, breaks, pages } = layoutSheet(c.sheet, c.block);
  // "Trang x/y": y is this sheet's own page count (PlanSheet.page.footer).
  const sheet: CreatedSheet['sheet'] = { ...c.sheet, heights, breaks, page: { ...c.sheet.page, footer: c.sheet.page.footer.replace(/&N/g, String(pages.length)) } };
  if (!heights.length) delete sheet.heights;
  if (!breaks.length) delete sheet.breaks;
  // Excel ignores manual page breaks on a sheet fit to pages: one that breaks its pages prints at a set scale.
  else sheet.page = { ...sheet.page, scale: fixedScale(sheet) };
  return sheet;
}

/** The audit log with one more row, and the undo record (when the run wrote anything; E-UNDO-TOO-LARGE past its cap). */
export function addBookkeeping(
  plan: WritePlan,
  snapshot: WorkbookSnapshot,
  owned: ParsedWorkbook['owned'],
  entry: AuditEntry,
  record: UndoRecord | undefined,
  lang: Lang,
): Diagnostic | undefined {
  const kept = record && recordSheet(record, messages(lang).audit.record);
  if (kept && 'code' in kept) return kept;
  return addSheets(plan, [renderAudit(snapshot, entry, lang), ...(kept ? [kept] : [])], snapshot, owned);
}

/**
 * The settings sheet alone, as a plan: the task pane's profile panel saves a profile at once. Like a
 * run's saved settings it is not a part a run wrote: undo neither removes nor restores it, and the
 * undo record and the audit log are left as they are (the next run's log row names the profile).
 */
export function planSettings(snapshot: WorkbookSnapshot, settings: RunSettings, lang: Lang): { plan?: WritePlan; diagnostics: Diagnostic[] } {
  // Every owned name is kept (a host resets the owned names to the plan's).
  const owned = ownedAreas(snapshot);
  const plan: WritePlan = { clear: [], blocks: [], names: owned.map((o) => ({ name: o.name, sheet: o.sheet, range: rangeA1(o.range) })) };
  const taken = addSheets(plan, [settingsSheet(settings, lang)], snapshot, owned);
  return taken ? { diagnostics: [taken] } : { plan, diagnostics: [] };
}

/** A diagnostic as the command's JSON gives it: code, place and the message in words. */
export function diagnosticJson(d: Diagnostic, lang: Lang) {
  return { severity: d.severity, code: d.code, sheet: d.at?.sheet ?? null, cell: d.at?.cell ?? null, message: describeDiagnostic(d, lang) };
}

/** The run as JSON (the command's --json): one object, results in shortlist order. */
export function runJson(run: RunOutcome, lang: Lang, profile: RuleProfile = DEFAULT_PROFILE) {
  const names = new Map((run.result?.people ?? []).map((p) => [p.id, p.name]));
  const codes = new Map([...(run.parsed.roster?.people ?? []), ...(run.parsed.candidates?.people ?? [])].map((p) => [p.id, p.code]));
  const c = run.result?.conference;
  const decisionOf = (p: PersonResult) => {
    const d = p.explanation.find((f): f is TieFinding => f.rule === 'TIE')?.decision;
    return d && { by: d.by, on: d.on };
  };
  return {
    procedure: run.procedure,
    step: run.step,
    /** What was inferred from the workbook and why (empty where the user said), in words too. */
    inferred: { ...run.inferred, ...(describeInference(run.inferred, run.procedure, run.step, lang) ? { text: describeInference(run.inferred, run.procedure, run.step, lang) } : {}) },
    profile: profile.name,
    /** The rules where the profile differs from Phụ lục 12, in words (none: the default's rules). */
    profileChanges: profileUsed(profile, lang).changes,
    conference: c ? { convened: c.convened, present: c.present, quorate: c.quorate, announced: c.announced } : null,
    results: (run.result?.people ?? []).map((p) => {
      const threshold = p.explanation.find((f): f is ThresholdFinding => 'numerator' in f);
      const percent = threshold ? percentOf(threshold.numerator, threshold.base) : null;
      return {
        name: p.name,
        ...(codes.get(p.id) ? { code: codes.get(p.id) } : {}),
        title: p.title ?? (p.titles ?? []).join('; '),
        agree: p.agree ?? null,
        base: threshold ? threshold.base : null,
        baseKind: threshold ? threshold.baseKind : null,
        threshold: threshold ? formatRatio(threshold.threshold) : null,
        percent: percent === null ? null : Math.round(percent * 100) / 100,
        outcome: p.outcome,
        // TIE: an outcome the head's decision gave, marked as such, with the count's own beside it.
        ...(decisionOf(p) ? { decidedByHead: decisionOf(p), countOutcome: 'awaiting-head' } : {}),
        rank: p.rank ?? null,
        rule: p.explanation[0]?.rule ?? null,
        explanation: explainPerson(p, lang, (id) => names.get(id) ?? id).join('; '),
      };
    }),
    titles: run.result?.titles ?? [],
    consultations: run.result?.consultations ?? [],
    diagnostics: run.diagnostics.map((d) => diagnosticJson(d, lang)),
    /** What was read, sheet by sheet (src/workbook/reader/report.ts). */
    read: run.parsed.read,
  };
}
