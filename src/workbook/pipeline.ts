import { describeDiagnostic, explainPerson, formatRatio, type Lang } from '../i18n';
import { DEFAULT_PROFILE, findStep, percentOf, runStep, type Diagnostic, type ProcedureId, type RuleProfile, type StepResult, type ThresholdFinding } from '../rules';
import { buildStepInput, type Overrides } from './inputs';
import { parseWorkbook, type ParsedWorkbook } from './parse';
import type { WritePlan } from './plan';
import { workbookDiagnostic } from './codes';
import { OWNED_SHEET_PREFIX } from './plan';
import { renderResultColumns } from './render-columns';
import { renderShortlist } from './render-shortlist';
import type { WorkbookSnapshot } from './snapshot';

/**
 * One run, host-independent: parse → decide → render. The host reads the snapshot before
 * and applies the plan after (shared/DESIGN.md). Nothing is planned when any error is found.
 */

export interface RunRequest {
  procedure: ProcedureId;
  /** Omitted: inferred from the sheets found (a staff or leadership vote count, or a roster alone). */
  step?: number;
  rosterSheet?: string;
  votesSheet?: string;
  candidatesSheet?: string;
  profile?: RuleProfile;
  overrides?: Overrides;
  lang: Lang;
}

export interface RunOutcome {
  procedure: ProcedureId;
  step: number;
  parsed: ParsedWorkbook;
  result?: StepResult;
  diagnostics: Diagnostic[];
  plan?: WritePlan;
  ok: boolean;
}

const STAFF_STEP: Record<ProcedureId, number> = { 'next-term': 2, 'annual-local': 1, 'annual-external': 4 };
const LEADERSHIP_STEP: Record<ProcedureId, number> = { 'next-term': 3, 'annual-local': 2, 'annual-external': 4 };

function conferenceKind(procedure: ProcedureId, step: number | undefined): 'staff' | 'leadership' | undefined {
  if (step === undefined) return undefined;
  if (STAFF_STEP[procedure] === step && procedure !== 'annual-external') return 'staff';
  return LEADERSHIP_STEP[procedure] === step ? 'leadership' : undefined;
}

/** The step the sheets point at: a vote count for its conference's step, else the first step. */
function inferStep(procedure: ProcedureId, parsed: ParsedWorkbook): number {
  if (parsed.votes) return parsed.votes.conferenceKind === 'leadership' ? LEADERSHIP_STEP[procedure] : STAFF_STEP[procedure];
  return 1;
}

export function runPipeline(snapshot: WorkbookSnapshot, request: RunRequest): RunOutcome {
  const { procedure, lang } = request;
  const parsed = parseWorkbook(snapshot, {
    rosterSheet: request.rosterSheet,
    votesSheet: request.votesSheet,
    candidatesSheet: request.candidatesSheet,
    conferenceKind: conferenceKind(procedure, request.step),
    // A vote step reads the roster only to match people: the standards columns are left unread.
    rosterDetail: request.step !== undefined && findStep(procedure, request.step)?.kind !== 'eligibility' && findStep(procedure, request.step)?.kind !== 'gap' ? 'identity' : 'full',
  });
  const step = request.step ?? inferStep(procedure, parsed);
  const diagnostics = [...parsed.diagnostics];
  const fail = (): RunOutcome => ({ procedure, step, parsed, diagnostics, ok: false });
  if (!findStep(procedure, step)) {
    diagnostics.push(...runStep(procedure, step, {}).diagnostics);
    return fail();
  }
  const built = buildStepInput(parsed, procedure, step, request.overrides);
  diagnostics.push(...built.diagnostics);
  const result = runStep(procedure, step, { ...built.input, profile: request.profile ?? DEFAULT_PROFILE });
  diagnostics.push(...result.diagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) return { ...fail(), result: { ...result, people: [], blocked: true } };
  // Names of the people in a tie, for its explanation (looked up only where there is one).
  let names: Map<string, string> | undefined;
  const nameOf = (id: string): string => (names ??= new Map(result.people.map((p) => [p.id, p.name]))).get(id) ?? id;
  const rendered = renderResultColumns(snapshot, parsed, result, lang, nameOf);
  diagnostics.push(...rendered.diagnostics);
  if (rendered.diagnostics.some((d) => d.severity === 'error')) return { ...fail(), result: { ...result, people: [], blocked: true } };
  const plan = rendered.plan;

  // The ranked shortlist, on a sheet the add-in creates (and replaces on the next run).
  const people = new Map([...(parsed.roster?.people ?? []), ...(parsed.candidates?.people ?? [])].map((p) => [p.id, p]));
  const shortlist = renderShortlist(result, lang, people, nameOf);
  if (shortlist) {
    const name = shortlist.sheet.name;
    const ours = parsed.owned.some((o) => o.name.startsWith(OWNED_SHEET_PREFIX) && o.sheet.toLowerCase() === name.toLowerCase());
    if (!ours && snapshot.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      diagnostics.push(workbookDiagnostic('E-SHEET-NAME-TAKEN', { sheet: name }, { sheet: name }));
      return { ...fail(), result: { ...result, people: [], blocked: true } };
    }
    plan.sheets = [shortlist.sheet];
    plan.blocks.push(shortlist.block);
    plan.names = [...plan.names.filter((n) => n.name !== shortlist.name.name && n.sheet.toLowerCase() !== name.toLowerCase()), shortlist.name];
  }
  return { procedure, step, parsed, result, diagnostics, plan, ok: true };
}

/** The run as JSON (the command's --json): one object, results in shortlist order. */
export function runJson(run: RunOutcome, lang: Lang, profile: RuleProfile = DEFAULT_PROFILE) {
  const names = new Map((run.result?.people ?? []).map((p) => [p.id, p.name]));
  const codes = new Map([...(run.parsed.roster?.people ?? []), ...(run.parsed.candidates?.people ?? [])].map((p) => [p.id, p.code]));
  const c = run.result?.conference;
  return {
    procedure: run.procedure,
    step: run.step,
    profile: profile.name,
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
        rank: p.rank ?? null,
        rule: p.explanation[0]?.rule ?? null,
        explanation: explainPerson(p, lang, (id) => names.get(id) ?? id).join('; '),
      };
    }),
    titles: run.result?.titles ?? [],
    consultations: run.result?.consultations ?? [],
    diagnostics: run.diagnostics.map((d) => ({ severity: d.severity, code: d.code, sheet: d.at?.sheet ?? null, cell: d.at?.cell ?? null, message: describeDiagnostic(d, lang) })),
  };
}
