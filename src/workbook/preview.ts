import { stepTitle, type Lang } from '../i18n';
import { assessConference, DEFAULT_PROFILE, findStep, quotaFor, STEPS, type ConferenceResult, type Diagnostic, type ProcedureId, type SourceRef } from '../rules';
import { mappingQuestions, type MappingQuestion } from './reader/column-map';
import { buildStepInput } from './reader/inputs';
import { OWNED_SHEET_PREFIX } from './plan';
import { parseFor, type Inference } from './reader/procedure';
import type { ReadReport } from './reader/report';
import type { RunRequest } from './pipeline';
import type { WorkbookSnapshot } from './snapshot';

/**
 * What a run would work on, before it runs: the step, the sheets found (each changeable), the
 * conference numbers read from the sheet (or typed in) with the quorum verdict (QUORUM), and the
 * quota of each title (TOP). What a form needs to show and let the user correct — the task pane
 * and the browser page — from the same parse as the run itself. Writes nothing.
 */

export interface RunPreview {
  procedure: ProcedureId;
  step: number;
  /** What was inferred from the workbook (procedure, step) and why (src/workbook/reader/procedure.ts). */
  inferred: Inference;
  /** What would be read, sheet by sheet (src/workbook/reader/report.ts). */
  read: ReadReport;
  /** The step in the words of the text. */
  title?: { procedure: string; step: string };
  /** The steps of the procedure, to choose from. */
  steps: { step: number; title: string }[];
  /** The user's sheets (the add-in's own left out), to choose from. */
  sheets: string[];
  /** The sheets this run would read. */
  roster?: string;
  votes?: string;
  candidates?: string;
  /** The conference's numbers as read or given, where read from, and the verdict when both are known. */
  conference?: {
    convened?: number;
    present?: number;
    source: { convened?: SourceRef; present?: SourceRef };
    verdict?: ConferenceResult;
  };
  /** Titles voted on (or planned for), with the quota the run would apply and how many people. */
  titles: { title: string; quota: number; people: number }[];
  /** What would stop or warn the run, as far as reading tells. */
  diagnostics: Diagnostic[];
  /**
   * The tables the run reads, sheet by sheet, with what the column-mapping dialog asks: `unsure`
   * where header detection found no header, or two columns for one field (src/workbook/reader/column-map.ts).
   */
  mapping?: MappingQuestion[];
}

export function previewRun(snapshot: WorkbookSnapshot, request: RunRequest): RunPreview {
  const { lang } = request;
  const profile = request.profile ?? DEFAULT_PROFILE;
  const { parsed, procedure, step, inferred } = parseFor(snapshot, { ...request, titles: Object.keys(profile.quota.perTitle) });
  const created = new Set(parsed.owned.filter((o) => o.name.startsWith(OWNED_SHEET_PREFIX)).map((o) => o.sheet));
  const preview: RunPreview = {
    procedure,
    step,
    inferred,
    read: parsed.read,
    title: stepTitle(procedure, step, lang),
    steps: stepsOf(procedure, lang),
    sheets: snapshot.sheets.map((s) => s.name).filter((n) => !created.has(n)),
    titles: [],
    diagnostics: [...parsed.diagnostics],
  };
  if (parsed.roster) preview.roster = parsed.roster.table.sheet;
  if (parsed.votes) preview.votes = parsed.votes.table.sheet;
  if (parsed.candidates) preview.candidates = parsed.candidates.table.sheet;
  const def = findStep(procedure, step);
  if (!def) return withMapping(preview, snapshot, parsed, request);

  const built = buildStepInput(parsed, procedure, step, request.overrides);
  preview.diagnostics.push(...built.diagnostics);
  const read = parsed.votes?.conference ?? parsed.candidates?.conference ?? {};
  const convened = request.overrides?.convened ?? read.convened;
  const present = request.overrides?.present ?? read.present;
  if (def.rules.includes('QUORUM') || convened !== undefined || present !== undefined) {
    preview.conference = { source: { convened: read.source?.convened, present: read.source?.present } };
    if (convened !== undefined) preview.conference.convened = convened;
    if (present !== undefined) preview.conference.present = present;
    if (built.input.conference) {
      const assessed = assessConference(built.input.conference, profile, procedure, step);
      if (assessed.result) preview.conference.verdict = assessed.result;
      preview.diagnostics.push(...assessed.diagnostics);
    }
  }

  // Titles: those voted on, else those the roster plans for; the quota as the run would apply it.
  const counts = new Map<string, number>();
  const titles = built.input.votes?.length ? built.input.votes.map((v) => v.title) : (built.input.roster ?? []).flatMap((p) => p.titles);
  for (const t of titles) counts.set(t, (counts.get(t) ?? 0) + 1);
  preview.titles = [...counts].map(([title, people]) => ({ title, quota: built.input.quota?.[title] ?? quotaFor(profile, title), people }));
  return withMapping(preview, snapshot, parsed, request);
}

function withMapping(preview: RunPreview, snapshot: WorkbookSnapshot, parsed: ReturnType<typeof parseFor>['parsed'], request: RunRequest): RunPreview {
  const mapping = mappingQuestions(snapshot, parsed, preview.diagnostics, request);
  if (mapping.length) preview.mapping = mapping;
  return preview;
}

function stepsOf(procedure: ProcedureId, lang: Lang): RunPreview['steps'] {
  return STEPS.filter((s) => s.procedure === procedure).map((s) => ({ step: s.step, title: stepTitle(procedure, s.step, lang)?.step ?? String(s.step) }));
}
