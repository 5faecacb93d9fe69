import { leastMeeting, reaches } from './arithmetic';
import { diagnostic } from './codes';
import { isYoung } from './eligibility';
import { quotaFor, type RuleProfile } from './profile';
import type { Diagnostic, Gender, IsoDate, PartialDate, TitleSummary } from './types';

/**
 * STRUCT (I.1, I.3): composition targets, warnings not blocks ("phấn đấu"):
 * young (under 40 at the reference date) ≥ 15%, women ≥ 25% of those planned per title.
 * GAP (II.2(1)): per title, quota − people in planning who still meet ELIG = the shortfall.
 */

export interface Member {
  id: string;
  name: string;
  birth?: PartialDate;
  gender?: Gender;
}

export function summarizeTitle(title: string, members: readonly Member[], profile: RuleProfile, on?: IsoDate): TitleSummary {
  return {
    title,
    quota: quotaFor(profile, title),
    count: members.length,
    women: members.filter((m) => m.gender === 'female').length,
    young: on ? members.filter((m) => isYoung(m.birth, on, profile)).length : 0,
  };
}

/** Warnings where a title's list falls short of the composition targets (only where the data is known). */
export function structureWarnings(summary: TitleSummary, members: readonly Member[], profile: RuleProfile, on?: IsoDate): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { youngMin, womenMin } = profile.structure;
  const withGender = members.filter((m) => m.gender).length;
  if (summary.count > 0 && withGender === summary.count && !reaches(summary.women, summary.count, womenMin)) {
    out.push(diagnostic('W-STRUCT-WOMEN', { title: summary.title, women: summary.women, count: summary.count, num: womenMin.num, den: womenMin.den }));
  }
  const withBirth = members.filter((m) => m.birth).length;
  if (on && summary.count > 0 && withBirth === summary.count && !reaches(summary.young, summary.count, youngMin)) {
    out.push(diagnostic('W-STRUCT-YOUNG', { title: summary.title, young: summary.young, count: summary.count, num: youngMin.num, den: youngMin.den, age: profile.structure.youngBelowAge }));
  }
  return out;
}

/** One person in more titles at the same level than the profile allows (TOP: at most 3). */
export function titlesPerPersonWarnings(byPerson: Map<string, { name: string; titles: string[] }>, profile: RuleProfile): Diagnostic[] {
  const max = profile.quota.maxTitlesPerPerson;
  return [...byPerson.values()]
    .filter((p) => p.titles.length > max)
    .map((p) => diagnostic('W-STRUCT-TITLES-PER-PERSON', { name: p.name, count: p.titles.length, max, titles: p.titles }));
}

/** GAP for one title: shortfall of people and of women and young against the targets. */
export function gapForTitle(summary: TitleSummary, profile: RuleProfile): TitleSummary {
  const { quota } = summary;
  const inPlanningEligible = summary.count;
  return {
    ...summary,
    inPlanningEligible,
    shortfall: Math.max(0, quota - inPlanningEligible),
    womenNeeded: Math.max(0, leastMeeting(quota, profile.structure.womenMin, false) - summary.women),
    youngNeeded: Math.max(0, leastMeeting(quota, profile.structure.youngMin, false) - summary.young),
  };
}

export function gapWarnings(summary: TitleSummary): Diagnostic[] {
  return summary.shortfall ? [diagnostic('W-GAP-SHORTFALL', { title: summary.title, quota: summary.quota, have: summary.inPlanningEligible ?? 0, shortfall: summary.shortfall })] : [];
}
