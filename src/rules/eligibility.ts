import { addDays, ageOn, isPartialDate, periodEnd, wholeMonthsBetween } from './dates';
import { diagnostic } from './codes';
import { foldText, nameKey } from './names';
import type { Criterion, RuleProfile } from './profile';
import { retirement } from './retirement';
import type { AgeFinding, CriterionFinding, Diagnostic, Finding, IsoDate, RosterPerson } from './types';

/**
 * ELIG (I.1, II.2(1)): the standards and conditions for entering the source list.
 * Age: the statutory retirement date falls on or after the term's last day
 * (term start + termMonths − 1 day). Other criteria: a roster column with a required value.
 * An ineligible person is shown with every reason, never dropped.
 */

/**
 * A level as written in a profile lists what rosters write for it, as data the unit can edit:
 * "Đại học|Cử nhân*|Kỹ sư*" — a value matches an alias as a person compares words (case,
 * diacritics and spacing aside: "HTTNV" = "HTT NV"), and an alias ending in "*" matches any value
 * starting with its words ("Cử nhân*" matches "Cử nhân Luật", "Kỹ sư*" matches "Kỹ sư xây dựng").
 * The criterion's `min` is one of the levels, as written or by one of its aliases.
 */
function aliasMatches(alias: string, value: string): boolean {
  const prefix = alias.endsWith('*');
  const words = foldText(prefix ? alias.slice(0, -1) : alias);
  const folded = foldText(value);
  if (!words) return false;
  if (words.replace(/ /g, '') === folded.replace(/ /g, '')) return true;
  return prefix && (folded === words || folded.startsWith(`${words} `));
}

function levelIndex(levels: readonly string[], value: string): number {
  const exact = levels.indexOf(value);
  if (exact >= 0) return exact;
  return levels.findIndex((level) => level.split('|').some((alias) => aliasMatches(alias, value)));
}

/** A level in words: its first alias ("Đại học"). */
const firstAlias = (level: string): string => level.split('|')[0].replace(/\*$/, '');

export function ageFinding(person: RosterPerson, termStart: IsoDate, profile: RuleProfile, clause: string): Finding {
  const { termMonths, minServiceMonths, retirement: schedules } = profile.eligibility;
  const required = `${minServiceMonths}`;
  if (!person.birth || !isPartialDate(person.birth)) {
    return { rule: 'ELIG', clause, criterion: 'age', field: 'birth', value: person.birth, required, met: false, missing: true };
  }
  if (!person.gender) {
    return { rule: 'ELIG', clause, criterion: 'age', field: 'gender', required, met: false, missing: true };
  }
  const termEnd = periodEnd(termStart, termMonths);
  const serviceEnd = periodEnd(termStart, minServiceMonths);
  const { date } = retirement(person.birth, person.gender, schedules);
  const finding: AgeFinding = {
    rule: 'ELIG',
    clause,
    criterion: 'age',
    retirementDate: date,
    termStart,
    termEnd,
    monthsRemaining: wholeMonthsBetween(termStart, addDays(date, 1)),
    requiredMonths: minServiceMonths,
    met: date >= serviceEnd,
  };
  return finding;
}

export function criterionFinding(person: RosterPerson, criterion: Criterion, clause: string): CriterionFinding {
  if (criterion.kind === 'ratings') {
    const latest = [...(person.ratings ?? [])].sort((a, b) => b.year - a.year).slice(0, criterion.years);
    const required = `${firstAlias(criterion.min)} × ${criterion.years}`;
    const value = latest.map((r) => `${r.year}: ${r.value}`).join('; ');
    if (latest.length < criterion.years || latest.some((r) => r.value.trim() === '')) {
      return { rule: 'ELIG', clause, criterion: criterion.id, field: 'ratings', value: value || undefined, required, met: false, missing: true };
    }
    const min = levelIndex(criterion.levels, criterion.min);
    const met = latest.every((r) => levelIndex(criterion.levels, r.value) >= min);
    return { rule: 'ELIG', clause, criterion: criterion.id, field: 'ratings', value, required, met };
  }
  const raw = person.attributes?.[criterion.field];
  const value = raw?.trim() ? raw.trim() : undefined;
  switch (criterion.kind) {
    case 'min-level': {
      const required = `≥ ${firstAlias(criterion.min)}`;
      if (!value) return { rule: 'ELIG', clause, criterion: criterion.id, field: criterion.field, required, met: false, missing: true };
      const met = levelIndex(criterion.levels, value) >= levelIndex(criterion.levels, criterion.min);
      return { rule: 'ELIG', clause, criterion: criterion.id, field: criterion.field, value, required, met };
    }
    case 'one-of': {
      const required = criterion.values.join(' / ');
      if (!value) return { rule: 'ELIG', clause, criterion: criterion.id, field: criterion.field, required, met: false, missing: true };
      const met = criterion.values.some((v) => nameKey(v) === nameKey(value));
      return { rule: 'ELIG', clause, criterion: criterion.id, field: criterion.field, value, required, met };
    }
    case 'none-of': {
      const required = criterion.allowed.length ? `— / ${criterion.allowed.join(' / ')}` : '—';
      const met = !value || criterion.allowed.some((v) => nameKey(v) === nameKey(value));
      return { rule: 'ELIG', clause, criterion: criterion.id, field: criterion.field, value, required, met };
    }
  }
}

/** A criterion is checked only where the list has its column (some person carries the field). */
function hasColumn(people: readonly RosterPerson[], criterion: Criterion): boolean {
  if (criterion.kind === 'ratings') return people.some((p) => p.ratings !== undefined);
  return people.some((p) => p.attributes !== undefined && criterion.field in p.attributes);
}

export function assessEligibility(
  people: readonly RosterPerson[],
  termStart: IsoDate,
  profile: RuleProfile,
  clause: string,
): { findings: Map<string, Finding[]>; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const criteria = profile.eligibility.criteria.filter((c) => {
    const present = hasColumn(people, c);
    if (!present && people.length) diagnostics.push(diagnostic('W-ELIG-NO-COLUMN', { criterion: c.id }));
    return present;
  });
  const findings = new Map<string, Finding[]>();
  for (const person of people) {
    const list: Finding[] = [ageFinding(person, termStart, profile, clause)];
    for (const c of criteria) list.push(criterionFinding(person, c, clause));
    findings.set(person.id, list);
    if (!person.birth || !isPartialDate(person.birth)) diagnostics.push(diagnostic('W-ELIG-NO-BIRTH', { name: person.name }, person.source));
    else if (!person.gender) diagnostics.push(diagnostic('W-ELIG-NO-GENDER', { name: person.name }, person.source));
  }
  return { findings, diagnostics };
}

/** Young (STRUCT): under `youngBelowAge` on the reference date. */
export function isYoung(birth: string | undefined, on: IsoDate, profile: RuleProfile): boolean {
  return !!birth && isPartialDate(birth) && ageOn(birth, on) < profile.structure.youngBelowAge;
}
