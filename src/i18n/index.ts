import {
  compareProfiles,
  DEFAULT_PROFILE,
  STEPS,
  type Diagnostic,
  type Finding,
  type Outcome,
  type PersonResult,
  type Ratio,
  type ProcedureId,
  type RuleProfile,
  type RetirementSchedule,
  type ThresholdSetting,
} from '../rules';
import { en } from './en';
import { formatDate, formatPercent, formatRatio } from './format';
import type { Lang, Messages } from './messages';
import type { Inference } from '../workbook/reader/procedure';
import type { ReadReport } from '../workbook/reader/report';
import { tableText } from './reader';
import { vi } from './vi';

export type { Lang, Messages } from './messages';
export { cellDate, formatDate, formatPercent, formatRatio, parseDayMonthYear } from './format';

const CATALOGUES: Record<Lang, Messages> = { vi, en };

export function messages(lang: Lang): Messages {
  return CATALOGUES[lang];
}

/** Vietnamese for a Vietnamese display language (vi, vi-VN…), English otherwise. */
export function languageFor(displayLanguage: string | undefined | null): Lang {
  return displayLanguage && /^vi\b/i.test(displayLanguage) ? 'vi' : displayLanguage ? 'en' : 'vi';
}

const SENTENCES: Record<Lang, WeakMap<Finding, string>> = { vi: new WeakMap(), en: new WeakMap() };

/**
 * One finding in words — the same sentence for the cell note, the task pane, the printed
 * minutes and the JSON output: "Đạt: 7/20 = 35,00% > 30% số người có mặt — quy tắc N30, mục I.2".
 * `names` maps ids to names for the people in a tie.
 */
export function explainFinding(f: Finding, lang: Lang, names: (id: string) => string = (id) => id): string {
  const m = messages(lang);
  const ref = m.ruleRef(f.rule, f.clause);
  switch (f.rule) {
    case 'N30':
    case 'RM50':
    case 'L50':
    case 'L50C': {
      // Equal counts share one finding (src/rules): each sentence is made once.
      const known = SENTENCES[lang].get(f);
      if (known !== undefined) return known;
      const verdict = f.rule === 'RM50' ? m.outcomes[f.met ? 'removed' : 'kept'] : m.outcomes[f.met ? 'pass' : 'fail'];
      const op = f.strict ? (f.met ? '>' : '≤') : f.met ? '≥' : '<';
      const text = m.explain.threshold({
        verdict,
        numerator: f.numerator,
        base: f.base,
        percent: formatPercent(f.numerator, f.base, lang),
        op,
        threshold: formatRatio(f.threshold),
        baseName: m.bases[f.baseKind],
      });
      SENTENCES[lang].set(f, `${text} — ${ref}`);
      return `${text} — ${ref}`;
    }
    case 'TOP':
      return `${m.explain.top(f)} — ${ref}`;
    case 'TIE': {
      const tie = m.explain.tie({ count: f.tiedWith.length, votes: f.votes, seats: f.seats });
      const decided = f.decision ? `; ${m.explain.decision({ by: f.decision.by, on: formatDate(f.decision.on, lang) })}: ${f.decision.chosen.map(names).join(', ')}` : '';
      return `${tie}${decided} — ${ref}`;
    }
    case 'ELIG': {
      if ('retirementDate' in f) {
        return `${m.explain.age({ ...f, retirementDate: formatDate(f.retirementDate, lang), termStart: formatDate(f.termStart, lang), termEnd: formatDate(f.termEnd, lang) })} — ${ref}`;
      }
      const label = m.criteria[f.criterion === 'age' ? f.field : f.criterion] ?? f.criterion;
      return `${m.explain.criterion({ ...f, label })} — ${ref}`;
    }
  }
}

/**
 * A person's outcome in words: the outcome's own, marked as the head's where the head's decision in
 * a tie gave it ("Được giới thiệu (người đứng đầu quyết định)"). The count's own outcome of such a
 * person is "awaiting-head" (the minutes print that).
 */
export function outcomeText(p: PersonResult, lang: Lang): string {
  const m = messages(lang);
  const decided = p.explanation.some((f) => f.rule === 'TIE' && f.decision);
  return decided ? m.decidedOutcome(m.outcomes[p.outcome]) : m.outcomes[p.outcome];
}

/** A person's whole explanation, one sentence per finding. */
export function explainPerson(result: PersonResult, lang: Lang, names?: (id: string) => string): string[] {
  return result.explanation.map((f) => explainFinding(f, lang, names));
}

/** A diagnostic in words, prefixed with its place ("'KP HN cán bộ'!E9: …") when known. */
export function describeDiagnostic(d: Diagnostic, lang: Lang): string {
  const m = messages(lang);
  const format = m.diagnostics[d.code as keyof Messages['diagnostics']];
  const text = format ? format(d.params) : `${d.code} ${JSON.stringify(d.params)}`;
  const where = d.at?.cell ? (d.at.sheet ? `${quoteSheet(d.at.sheet)}!${d.at.cell}` : d.at.cell) : d.at?.sheet;
  return where ? m.at(where, text) : text;
}

/** Sheet names with spaces or punctuation are quoted as Excel does: 'KP HN cán bộ'. */
export function quoteSheet(name: string): string {
  return /^[\p{L}\p{N}_.]+$/u.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export interface ProfileLine {
  rules: string[];
  text: string;
}

function ageText(m: Messages, months: number): string {
  return m.profile.years(Math.floor(months / 12), months % 12);
}

function scheduleText(m: Messages, s: RetirementSchedule): string {
  return m.profile.schedule({ start: ageText(m, s.startAgeMonths), year: s.startYear, step: s.stepMonths, final: ageText(m, s.finalAgeMonths) });
}

/** A ratio in lowest terms, for formulas: 30/100 → 3/10 (10 × agree > 3 × present). */
function lowest(r: Ratio): Ratio {
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  const g = gcd(r.num, r.den) || 1;
  return { num: r.num / g, den: r.den / g };
}

function thresholdSentence(m: Messages, s: ThresholdSetting, counted: string, printed: boolean) {
  const { num, den } = lowest(s.threshold);
  const op = s.strict ? '>' : '≥';
  return {
    cmp: s.strict ? m.comparison.gt : m.comparison.ge,
    ratio: formatRatio(s.threshold),
    baseName: m.bases[s.base],
    formula: printed ? '' : `${den} × ${counted} ${op} ${num} × ${m.fields[s.base]}`,
  };
}

/**
 * The profile in words, rule by rule, for the task pane's profile panel and the audit. `printed`:
 * for a printed sheet, without the whole-number formulas (they stay in the pane, the notes, the log).
 */
export function describeProfile(profile: RuleProfile, lang: Lang, printed = false): ProfileLine[] {
  const m = messages(lang);
  const agree = m.fields.agree;
  const q = profile.quorum;
  const stepNames = (announced: boolean) =>
    Object.entries(profile.announce)
      .filter(([, v]) => v === announced)
      .map(([k]) => `${m.procedures[k.split(':')[0] as keyof Messages['procedures']] ?? k.split(':')[0]} — ${(m.steps[k] ?? k).split(':')[0]}`)
      .join('; ') || '—';
  const perTitle = Object.entries(profile.quota.perTitle)
    .map(([t, n]) => `${t}: ${n}`)
    .join(', ');
  const criteria = profile.eligibility.criteria
    .map((c) => {
      const label = m.criteria[c.id] ?? c.id;
      switch (c.kind) {
        case 'min-level':
          return `${label} ≥ ${c.min.split('|')[0]}`;
        case 'one-of':
          return `${label}: ${c.values.join(' / ')}`;
        case 'none-of':
          return `${label}: — ${c.allowed.length ? `/ ${c.allowed.join(' / ')}` : ''}`.trim();
        case 'ratings':
          return `${label} ≥ ${c.min.split('|')[0]} × ${c.years}`;
      }
    })
    .join('; ');
  return [
    {
      rules: ['QUORUM'],
      text: m.profile.quorum({
        cmp: q.strict ? m.comparison.gt : m.comparison.ge,
        ratio: formatRatio(q.threshold),
        baseName: m.bases.convened,
        formula: printed ? '' : `${lowest(q.threshold).den} × ${m.fields.present} ${q.strict ? '>' : '≥'} ${lowest(q.threshold).num} × ${m.fields.convened}`,
      }),
    },
    { rules: ['N30'], text: `${m.rules.N30}: ${m.profile.threshold(thresholdSentence(m, profile.nomination, agree, printed))}` },
    { rules: ['RM50'], text: `${m.rules.RM50}: ${m.profile.removal(thresholdSentence(m, profile.removal, agree, printed))}` },
    { rules: ['L50'], text: `${m.rules.L50}: ${m.profile.threshold(thresholdSentence(m, profile.leadership, agree, printed))}` },
    { rules: ['L50C'], text: `${m.rules.L50C}: ${m.profile.threshold(thresholdSentence(m, profile.externalLeadership, agree, printed))}` },
    { rules: ['TOP'], text: m.profile.quota({ quota: profile.quota.default, perTitle, max: profile.quota.maxTitlesPerPerson }) },
    { rules: ['TIE'], text: m.profile.tie(profile.tie.mode) },
    { rules: ['ANNOUNCE'], text: m.profile.announce({ yes: stepNames(true), no: stepNames(false) }) },
    {
      rules: ['ELIG'],
      text: m.profile.eligibility({
        months: profile.eligibility.minServiceMonths,
        term: profile.eligibility.termMonths,
        male: scheduleText(m, profile.eligibility.retirement.male),
        female: scheduleText(m, profile.eligibility.retirement.female),
      }),
    },
    { rules: ['ELIG'], text: m.profile.criteria(criteria) },
    {
      rules: ['STRUCT'],
      text: m.profile.structure({ age: profile.structure.youngBelowAge, young: formatRatio(profile.structure.youngMin), women: formatRatio(profile.structure.womenMin) }),
    },
  ];
}

/** How far a profile departs from the default, in words. */
export function profileBadge(profile: RuleProfile, lang: Lang): string {
  // The settings of the rules: a copy's own name, id and source are not departures from the text.
  const n = compareProfiles(profile, DEFAULT_PROFILE).filter((d) => !['id', 'name', 'source', 'version'].includes(d.path)).length;
  return n === 0 ? messages(lang).profile.defaultBadge : messages(lang).profile.changedBadge(n);
}

/** One step in the words of the text: its procedure ("Xây dựng quy hoạch giai đoạn kế tiếp …") and its name ("Bước 2: …"). */
export function stepTitle(procedure: string, step: number, lang: Lang): { procedure: string; step: string } | undefined {
  for (const p of procedureOutline(lang)) for (const s of p.steps) if (s.key === `${procedure}:${step}`) return { procedure: p.procedure, step: s.name };
  return undefined;
}

/** The read report a line per sheet (the command's output, the task pane); `compact`: the run log's, the sheet and its columns, rows and what was passed over. */
export function describeRead(report: ReadReport, lang: Lang, compact = false): string[] {
  const m = messages(lang);
  return report.sheets.map((s) => `${compact ? `“${s.sheet}”` : m.reader.sheet(s.sheet, s.role)}: ${s.tables.map((t) => tableText(t, m.reader, m.columnMap.field, compact)).join(' | ')}${compact ? '' : '.'}`);
}

/** What was inferred from the workbook (the procedure, the step) and why, in one sentence; undefined where nothing was. */
export function describeInference(inferred: Inference, procedure: ProcedureId, step: number, lang: Lang): string | undefined {
  if (!inferred.because || (inferred.procedure === undefined && inferred.step === undefined)) return undefined;
  const m = messages(lang);
  const stepName = stepTitle(procedure, step, lang)?.step ?? m.reader.stepNumber(step);
  // The step the user chose is said as chosen: what was inferred is the procedure alone.
  const stepPart = inferred.procedure !== undefined && inferred.step === undefined ? m.reader.chosenStep(stepName) : stepName;
  const what = inferred.procedure !== undefined ? `${m.procedures[procedure]} — ${stepPart}` : stepPart;
  return m.reader.inferred(what, m.reader.because(inferred.because));
}

/** How many people got each outcome, in words, in the order first met ("Được giới thiệu 4, Không đạt 2"). */
export function outcomeCounts(people: readonly { outcome: Outcome }[], lang: Lang): string {
  const counts = new Map<Outcome, number>();
  for (const p of people) counts.set(p.outcome, (counts.get(p.outcome) ?? 0) + 1);
  const m = messages(lang);
  return [...counts].map(([o, n]) => `${m.outcomes[o]} ${n}`).join(', ');
}

/** Every procedure and its steps in words, in the order of the text. */
export function procedureOutline(lang: Lang): { procedure: string; steps: { key: string; name: string; rules: string[] }[] }[] {
  const m = messages(lang);
  const out = new Map<string, { key: string; name: string; rules: string[] }[]>();
  for (const s of STEPS) {
    const key = `${s.procedure}:${s.step}`;
    const list = out.get(s.procedure) ?? [];
    list.push({ key, name: m.steps[key], rules: s.rules });
    out.set(s.procedure, list);
  }
  return [...out].map(([p, steps]) => ({ procedure: m.procedures[p as keyof Messages['procedures']], steps }));
}


/** One setting a run took from those saved in the workbook (src/workbook/bookkeeping/settings.ts effectiveSettings). */
export type SavedSetting =
  | { kind: 'procedure'; procedure: string }
  | { kind: 'step'; step: number }
  | { kind: 'sheet'; sheet: 'roster' | 'votes' | 'candidates'; name: string }
  | { kind: 'convened'; n: number }
  | { kind: 'present'; n: number }
  | { kind: 'quota'; quota: number | Record<string, number> }
  | { kind: 'termStart'; date: string }
  | { kind: 'profile'; name: string }
  | { kind: 'columns'; sheets: string[] };

/** The settings taken from those saved, listed ("quy trình next-term, bước 2, triệu tập 30"), for the command and the task pane. */
export function describeSaved(used: readonly SavedSetting[], lang: Lang, where: 'cli' | 'pane' = 'cli'): string {
  const t = messages(lang).cli.saved;
  return used
    .map((u) => {
      switch (u.kind) {
        case 'procedure':
          // The name, and on the command line the id its user types too (--procedure next-term).
          return t.procedure(`“${messages(lang).procedures[u.procedure as ProcedureId] ?? u.procedure}”${where === 'cli' ? ` (--procedure ${u.procedure})` : ''}`);
        case 'step':
          return t.step(u.step);
        case 'sheet':
          return t.sheet(u.sheet, u.name);
        case 'convened':
          return t.convened(u.n);
        case 'present':
          return t.present(u.n);
        case 'quota':
          return t.quota(typeof u.quota === 'number' ? String(u.quota) : Object.entries(u.quota).map(([k, v]) => `${k} ${v}`).join('; '));
        case 'termStart':
          return t.termStart(formatDate(u.date, lang));
        case 'profile':
          return t.profile(u.name);
        case 'columns':
          return messages(lang).columnMap.saved(u.sheets);
      }
    })
    .join(', ');
}

/**
 * The rule profile a result was reached under, for every result (the audit log, the minutes, the
 * shortlist, the JSON output, the task pane): its name, and where it differs from Phụ lục 12, what.
 * `printed`: for a printed sheet, in words only (no rule IDs, no formulas).
 */
export function profileUsed(profile: RuleProfile, lang: Lang, printed = false): { name: string; changes: string[]; text: string } {
  const m = messages(lang);
  // The rules that differ, each as the profile panel words it (the name, source and id are not rules).
  const base = describeProfile(DEFAULT_PROFILE, lang, printed);
  const changes = describeProfile(profile, lang, printed)
    .filter((line, i) => line.text !== base[i]?.text)
    .map((line) => `${line.text.replace(/\.$/, '')}${printed ? '' : ` (${line.rules.join(', ')})`}.`);
  return { name: profile.name, changes, text: m.profileUsed.text(profile.name, changes) };
}
