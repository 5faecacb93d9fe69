import { competitionRanks } from './arithmetic';
import { diagnostic } from './codes';
import { assessConference } from './conference';
import { assessEligibility } from './eligibility';
import { checkVotes } from './invariants';
import { nameSortKey } from './names';
import { DEFAULT_PROFILE, quotaFor, type RuleProfile, type ThresholdSetting } from './profile';
import { selectByQuota, type Candidate } from './selection';
import { gapForTitle, gapWarnings, structureWarnings, summarizeTitle, titlesPerPersonWarnings, type Member } from './structure';
import { thresholdFinding } from './thresholds';
import type {
  ConferenceInput,
  ConsultFacts,
  ConsultResult,
  Diagnostic,
  HeadDecision,
  IsoDate,
  Outcome,
  PersonResult,
  ProcedureId,
  RosterPerson,
  RuleId,
  StepResult,
  ThresholdFinding,
  TitleSummary,
  VoteRow,
} from './types';

/** Everything a step may need; each step reads the parts it uses (RULES.md, the table of procedures). */
export interface StepInput {
  profile?: RuleProfile;
  conference?: ConferenceInput;
  /** Nomination or leadership votes. */
  votes?: VoteRow[];
  /** Removal votes (II.1 step 1): `agree` is the votes to remove. */
  removals?: VoteRow[];
  roster?: RosterPerson[];
  /** External candidates (II.2). */
  candidates?: RosterPerson[];
  consultations?: ConsultFacts[];
  /** Quota per title, over the profile's. */
  quota?: Record<string, number>;
  decisions?: HeadDecision[];
  termStart?: IsoDate;
  /** II.2 step 2: the leadership's approval of the external list. */
  approval?: { date?: IsoDate; minutesRef?: string };
}

export interface StepDefinition {
  procedure: ProcedureId;
  step: number;
  rules: RuleId[];
  /** Where the step stands in Phụ lục 12. */
  clause: string;
  /** A conference with a vote count, or a desk step. */
  kind: 'eligibility' | 'nomination' | 'removal-nomination' | 'leadership' | 'approval' | 'consultation' | 'gap';
  run: (input: StepInput) => StepResult;
}

const OUTCOME_ORDER: Outcome[] = ['selected', 'awaiting-head', 'passed-not-selected', 'pass', 'removed', 'kept', 'fail', 'eligible', 'ineligible'];

/** Shortlist order: per title (in order of first appearance), outcome, votes high to low, then Vietnamese name order. */
export function shortlistOrder(results: PersonResult[]): PersonResult[] {
  const titleOrder = new Map<string, number>();
  const n = results.length;
  const title = new Int32Array(n);
  const outcome = new Int8Array(n);
  const name: string[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = results[i];
    const t = r.title ?? '';
    let order = titleOrder.get(t);
    if (order === undefined) titleOrder.set(t, (order = titleOrder.size));
    title[i] = order;
    outcome[i] = OUTCOME_ORDER.indexOf(r.outcome);
    name[i] = nameSortKey(r.name);
  }
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort(
    (a, b) =>
      title[a] - title[b] ||
      outcome[a] - outcome[b] ||
      (results[b].agree ?? 0) - (results[a].agree ?? 0) ||
      (name[a] < name[b] ? -1 : name[a] > name[b] ? 1 : 0),
  );
  return order.map((i) => results[i]);
}

function groupByTitle<T extends { title: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const row of rows) {
    const list = out.get(row.title);
    if (list) list.push(row);
    else out.set(row.title, [row]);
  }
  return out;
}

const hasError = (d: readonly Diagnostic[]): boolean => d.some((x) => x.severity === 'error');

function finish(def: Pick<StepDefinition, 'procedure' | 'step' | 'rules'>, parts: Omit<StepResult, 'procedure' | 'step' | 'rules' | 'blocked'>): StepResult {
  const blocked = hasError(parts.diagnostics);
  return {
    procedure: def.procedure,
    step: def.step,
    rules: def.rules,
    ...parts,
    people: blocked ? [] : shortlistOrder(parts.people),
    blocked,
  };
}

/** Threshold findings and ranks for one kind of vote row, per title. */
function scoreVotes(
  rows: readonly VoteRow[],
  rule: ThresholdFinding['rule'],
  clause: string,
  conference: { convened: number; present: number },
  setting: ThresholdSetting,
): Map<string, { row: VoteRow; rank: number; finding: ThresholdFinding }[]> {
  const out = new Map<string, { row: VoteRow; rank: number; finding: ThresholdFinding }[]>();
  // Equal counts give equal findings: one (immutable) finding per count, shared.
  const findings = new Map<number, ThresholdFinding>();
  const findingFor = (agree: number): ThresholdFinding => {
    let f = findings.get(agree);
    if (!f) findings.set(agree, (f = thresholdFinding(rule, clause, agree, conference, setting)));
    return f;
  };
  for (const [title, list] of groupByTitle(rows)) {
    const ranks = competitionRanks(list.map((r) => r.agree));
    out.set(
      title,
      list.map((row, i) => ({ row, rank: ranks[i], finding: findingFor(row.agree) })),
    );
  }
  return out;
}

interface VoteStepOptions {
  procedure: ProcedureId;
  step: number;
  rules: RuleId[];
  clause: string;
  thresholdRule: 'N30' | 'L50' | 'L50C';
  setting: (p: RuleProfile) => ThresholdSetting;
  /** TOP and TIE apply (leadership votes). */
  select: boolean;
}

/** The common shape of every voting step: QUORUM, invariants, a threshold, and for leadership votes TOP + TIE. */
function voteStep(options: VoteStepOptions, input: StepInput, extra?: (profile: RuleProfile, people: PersonResult[]) => Diagnostic[]): StepResult {
  const def = options;
  // input.quota over the profile's, so the title summaries report the quota the selection used.
  const profile = withQuota(input.profile ?? DEFAULT_PROFILE, input.quota);
  if (!input.conference) return finish(def, { people: [], diagnostics: [diagnostic('E-CONFERENCE-MISSING', {})] });
  const { result: conference, diagnostics } = assessConference(input.conference, profile, def.procedure, def.step);
  if (!conference || !conference.quorate) return finish(def, { conference, people: [], diagnostics });

  const votes = input.votes ?? [];
  const removals = input.removals ?? [];
  diagnostics.push(...checkVotes(votes, conference.present), ...checkVotes(removals, conference.present, 'removeAgree'));
  if (votes.length === 0 && removals.length === 0) diagnostics.push(diagnostic('W-NO-VOTES', {}));

  const people: PersonResult[] = [];
  // RM50 (II.1(1)): removal counts against those convened, and applies only to people in planning.
  if (removals.length) {
    const inPlanning = input.roster ? new Set(input.roster.filter((p) => p.inPlanning).map((p) => p.id)) : undefined;
    for (const [, list] of scoreVotes(removals, 'RM50', def.clause, conference, profile.removal)) {
      for (const { row, finding } of list) {
        if (inPlanning && !inPlanning.has(row.id)) {
          diagnostics.push(diagnostic('E-REMOVAL-NOT-IN-PLANNING', { name: row.name, title: row.title }, row.source));
        }
        people.push({ id: row.id, name: row.name, title: row.title, outcome: finding.met ? 'removed' : 'kept', agree: row.agree, explanation: [finding], source: row.source });
      }
    }
  }

  const quota = (title: string): number => input.quota?.[title] ?? quotaFor(profile, title);
  const selectedMembers = new Map<string, Member[]>();
  for (const [title, list] of scoreVotes(votes, def.thresholdRule, def.clause, conference, def.setting(profile))) {
    const passers: Candidate[] = list.filter((x) => x.finding.met).map((x) => ({ id: x.row.id, name: x.row.name, agree: x.row.agree, rank: x.rank }));
    const picked = def.select ? selectByQuota(title, passers, quota(title), profile.tie.mode, input.decisions ?? [], def.clause) : undefined;
    if (picked) diagnostics.push(...picked.diagnostics);
    for (const { row, rank, finding } of list) {
      const selection = picked?.selections.get(row.id);
      const outcome: Outcome = !finding.met ? 'fail' : selection ? selection.outcome : 'pass';
      people.push({ id: row.id, name: row.name, title, outcome, rank, agree: row.agree, explanation: selection ? [finding, ...selection.findings] : [finding], source: row.source });
      if (outcome === 'selected') {
        const members = selectedMembers.get(title) ?? [];
        members.push({ id: row.id, name: row.name, birth: row.birth, gender: row.gender });
        selectedMembers.set(title, members);
      }
    }
  }
  if (def.select && !hasError(diagnostics)) {
    // STRUCT on the selected list, and TOP's limit on titles per person.
    const titles: TitleSummary[] = [];
    for (const [title, members] of selectedMembers) {
      const summary = summarizeTitle(title, members, profile, input.termStart);
      titles.push(summary);
      diagnostics.push(...structureWarnings(summary, members, profile, input.termStart));
    }
    const byPerson = new Map<string, { name: string; titles: string[] }>();
    for (const p of people.filter((x) => x.outcome === 'selected')) {
      const entry = byPerson.get(p.id) ?? { name: p.name, titles: [] };
      entry.titles.push(p.title ?? '');
      byPerson.set(p.id, entry);
    }
    diagnostics.push(...titlesPerPersonWarnings(byPerson, profile));
    if (extra) diagnostics.push(...extra(profile, people));
    return finish(def, { conference, people, titles, diagnostics });
  }
  return finish(def, { conference, people, diagnostics });
}

/** ELIG + STRUCT over a list of people (I.1, and the external candidates of II.2(1)). */
function eligibilityStep(
  def: Pick<StepDefinition, 'procedure' | 'step' | 'rules' | 'clause'>,
  people: readonly RosterPerson[],
  input: StepInput,
): { results: PersonResult[]; titles: TitleSummary[]; diagnostics: Diagnostic[] } | { error: Diagnostic } {
  const profile = input.profile ?? DEFAULT_PROFILE;
  if (!input.termStart) return { error: diagnostic('E-TERM-START-MISSING', {}) };
  const termStart = input.termStart;
  const { findings, diagnostics } = assessEligibility(people, termStart, profile, def.clause);
  const results: PersonResult[] = people.map((p) => {
    const list = findings.get(p.id) ?? [];
    const eligible = list.every((f) => !('met' in f) || f.met);
    return { id: p.id, name: p.name, titles: p.titles, outcome: eligible ? 'eligible' : 'ineligible', explanation: list, source: p.source };
  });
  const eligibleIds = new Set(results.filter((r) => r.outcome === 'eligible').map((r) => r.id));
  const titles: TitleSummary[] = [];
  for (const title of titleList(people, profile, input)) {
    const members = people.filter((p) => p.titles.includes(title) && eligibleIds.has(p.id));
    const summary = summarizeTitle(title, members, profile, termStart);
    titles.push(summary);
    diagnostics.push(...structureWarnings(summary, members, profile, termStart));
  }
  return { results, titles, diagnostics };
}

/** Titles to report: those the quota names, then those on the lists, in order of appearance. */
function titleList(people: readonly RosterPerson[], profile: RuleProfile, input: StepInput): string[] {
  const out = new Set<string>([...Object.keys(profile.quota.perTitle), ...Object.keys(input.quota ?? {})]);
  for (const p of people) for (const t of p.titles) out.add(t);
  return [...out];
}

function withQuota(profile: RuleProfile, quota: Record<string, number> | undefined): RuleProfile {
  return quota ? { ...profile, quota: { ...profile.quota, perTitle: { ...profile.quota.perTitle, ...quota } } } : profile;
}

// ───────────────────────────── the steps ─────────────────────────────

const nextTerm1: StepDefinition = {
  procedure: 'next-term',
  step: 1,
  rules: ['ELIG', 'STRUCT'],
  clause: 'I.1',
  kind: 'eligibility',
  run(input) {
    const out = eligibilityStep(this, input.roster ?? [], { ...input, profile: withQuota(input.profile ?? DEFAULT_PROFILE, input.quota) });
    if ('error' in out) return finish(this, { people: [], diagnostics: [out.error] });
    return finish(this, { people: out.results, titles: out.titles, diagnostics: out.diagnostics });
  },
};

const nextTerm2: StepDefinition = {
  procedure: 'next-term',
  step: 2,
  rules: ['QUORUM', 'N30', 'ANNOUNCE'],
  clause: 'I.2',
  kind: 'nomination',
  run(input) {
    return voteStep({ ...this, thresholdRule: 'N30', setting: (p) => p.nomination, select: false }, { ...input, removals: [] });
  },
};

const nextTerm3: StepDefinition = {
  procedure: 'next-term',
  step: 3,
  rules: ['QUORUM', 'L50', 'TOP', 'TIE', 'STRUCT', 'ANNOUNCE'],
  clause: 'I.3',
  kind: 'leadership',
  run(input) {
    return voteStep({ ...this, thresholdRule: 'L50', setting: (p) => p.leadership, select: true }, { ...input, removals: [] });
  },
};

const annualLocal1: StepDefinition = {
  procedure: 'annual-local',
  step: 1,
  rules: ['QUORUM', 'RM50', 'N30', 'ANNOUNCE'],
  clause: 'II.1(1)',
  kind: 'removal-nomination',
  run(input) {
    return voteStep({ ...this, thresholdRule: 'N30', setting: (p) => p.nomination, select: false }, input);
  },
};

const annualLocal2: StepDefinition = {
  procedure: 'annual-local',
  step: 2,
  rules: ['QUORUM', 'L50', 'TOP', 'TIE', 'STRUCT', 'ANNOUNCE'],
  clause: 'II.1(2)',
  kind: 'leadership',
  run(input) {
    return voteStep({ ...this, thresholdRule: 'L50', setting: (p) => p.leadership, select: true }, { ...input, removals: [] });
  },
};

const annualExternal1: StepDefinition = {
  procedure: 'annual-external',
  step: 1,
  rules: ['GAP', 'ELIG', 'STRUCT'],
  clause: 'II.2(1)',
  kind: 'gap',
  run(input) {
    const profile = withQuota(input.profile ?? DEFAULT_PROFILE, input.quota);
    const roster = (input.roster ?? []).filter((p) => p.inPlanning);
    const onSite = eligibilityStep(this, roster, { ...input, profile });
    const external = eligibilityStep(this, input.candidates ?? [], { ...input, profile });
    if ('error' in onSite) return finish(this, { people: [], diagnostics: [onSite.error] });
    if ('error' in external) return finish(this, { people: [], diagnostics: [external.error] });
    // GAP rows for every title: those in planning for it, and those external candidates are proposed for.
    const eligibleOnSite = new Set(onSite.results.filter((r) => r.outcome === 'eligible').map((r) => r.id));
    const titles = titleList([...roster, ...(input.candidates ?? [])], profile, input).map((title) =>
      gapForTitle(summarizeTitle(title, roster.filter((p) => p.titles.includes(title) && eligibleOnSite.has(p.id)), profile, input.termStart), profile),
    );
    // Composition warnings concern the gap (below); a missing column is said once.
    const seen = new Set<string>();
    const diagnostics = [...onSite.diagnostics, ...external.diagnostics].filter((d) => {
      if (d.code === 'W-STRUCT-WOMEN' || d.code === 'W-STRUCT-YOUNG') return false;
      const key = d.code === 'W-ELIG-NO-COLUMN' ? `${d.code}:${d.params.criterion}` : '';
      if (key && seen.has(key)) return false;
      if (key) seen.add(key);
      return true;
    });
    for (const t of titles) diagnostics.push(...gapWarnings(t));
    return finish(this, { people: external.results, titles, diagnostics });
  },
};

const annualExternal2: StepDefinition = {
  procedure: 'annual-external',
  step: 2,
  rules: ['QUORUM', 'COMPOSE'],
  clause: 'II.2(2)',
  kind: 'approval',
  run(input) {
    const profile = input.profile ?? DEFAULT_PROFILE;
    if (!input.conference) return finish(this, { people: [], diagnostics: [diagnostic('E-CONFERENCE-MISSING', {})] });
    const { result: conference, diagnostics } = assessConference(input.conference, profile, this.procedure, this.step);
    if (!input.approval?.date) diagnostics.push(diagnostic('W-APPROVAL-MISSING', {}));
    const withQ = withQuota(profile, input.quota);
    const titles = titleList(input.candidates ?? [], withQ, input).map((title) => summarizeTitle(title, [], withQ));
    return finish(this, { conference, people: [], titles, diagnostics });
  },
};

/** CONSULT (II.2(3)): the facts recorded for each external candidate. */
export function consultationOf(facts: ConsultFacts): ConsultResult {
  const missing = (['metOn', 'letterSentOn', 'opinionReceivedOn', 'dossierReceivedOn'] as const).filter((k) => !facts[k]);
  return { id: facts.id, name: facts.name, title: facts.title, complete: missing.length === 0, missing, opinionAgrees: facts.opinionAgrees };
}

function consultWarnings(results: readonly ConsultResult[], facts: readonly ConsultFacts[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  results.forEach((r, i) => {
    if (!r.complete) out.push(diagnostic('W-CONSULT-INCOMPLETE', { name: r.name, missing: r.missing }, facts[i].source));
    if (r.opinionAgrees === false) out.push(diagnostic('W-CONSULT-DISAGREE', { name: r.name }, facts[i].source));
  });
  return out;
}

const annualExternal3: StepDefinition = {
  procedure: 'annual-external',
  step: 3,
  rules: ['CONSULT'],
  clause: 'II.2(3)',
  kind: 'consultation',
  run(input) {
    const facts = input.consultations ?? [];
    const consultations = facts.map(consultationOf);
    return finish(this, { people: [], consultations, diagnostics: consultWarnings(consultations, facts) });
  },
};

const annualExternal4: StepDefinition = {
  procedure: 'annual-external',
  step: 4,
  rules: ['QUORUM', 'L50C', 'TOP', 'TIE', 'STRUCT', 'CONSULT', 'ANNOUNCE'],
  clause: 'II.2(4)',
  kind: 'leadership',
  run(input) {
    const facts = input.consultations;
    return voteStep({ ...this, thresholdRule: 'L50C', setting: (p) => p.externalLeadership, select: true }, { ...input, removals: [] }, (_profile, people) => {
      if (!facts) return [];
      // Step 4 warns about anyone voted on whose consultation (step 3) is incomplete or missing.
      const byId = new Map(facts.map((f) => [f.id, f]));
      const voted = [...new Map(people.map((p) => [p.id, p])).values()];
      const out: Diagnostic[] = [];
      for (const p of voted) {
        const f = byId.get(p.id);
        const r = f ? consultationOf(f) : { complete: false, missing: ['metOn', 'letterSentOn', 'opinionReceivedOn', 'dossierReceivedOn'] };
        if (!r.complete) out.push(diagnostic('W-CONSULT-INCOMPLETE', { name: p.name, missing: r.missing }, f?.source ?? p.source));
      }
      return out;
    });
  },
};

export const STEPS: readonly StepDefinition[] = [nextTerm1, nextTerm2, nextTerm3, annualLocal1, annualLocal2, annualExternal1, annualExternal2, annualExternal3, annualExternal4];

export function findStep(procedure: ProcedureId, step: number): StepDefinition | undefined {
  return STEPS.find((s) => s.procedure === procedure && s.step === step);
}

/** Run one step of one procedure on plain data. */
export function runStep(procedure: ProcedureId, step: number, input: StepInput): StepResult {
  const def = findStep(procedure, step);
  if (!def) {
    return { procedure, step, rules: [], people: [], diagnostics: [diagnostic('E-STEP-UNKNOWN', { procedure, step })], blocked: true };
  }
  return def.run(input);
}
