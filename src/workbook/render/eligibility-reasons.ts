import { formatDate, messages, type Lang } from '../../i18n';
import { criterionFinding, type Criterion, type Finding, type PersonResult, type RosterPerson, type RuleProfile } from '../../rules';

/**
 * ELIG (I.1, II.2(1)): why a person is not eligible, a few words per unmet standard — "Nghỉ hưu
 * 31/05/2030, thiếu 7 tháng", "Trình độ chuyên môn: Trung cấp (yêu cầu từ Đại học trở lên)" — so that a
 * printout reads without the cell notes (which keep the whole explanation, explainPerson).
 */

type RatingsCriterion = Extract<Criterion, { kind: 'ratings' }>;

/** The rating years below the standard (ELIG, annual ratings): each year judged alone by the same rule. */
function ratingsBelow(person: RosterPerson | undefined, criterion: RatingsCriterion | undefined, clause: string): { year: number; value: string }[] {
  if (!person?.ratings || !criterion) return [];
  const latest = [...person.ratings].sort((a, b) => b.year - a.year).slice(0, criterion.years);
  return latest.filter((r) => !criterionFinding({ ...person, ratings: [r] }, { ...criterion, years: 1 }, clause).met).sort((a, b) => a.year - b.year);
}

/** `brief`: without the requirement ("yêu cầu từ Đại học trở lên"), for a one-line cell whose note has it. */
export function eligibilityReasons(p: PersonResult, lang: Lang, person?: RosterPerson, profile?: RuleProfile, brief = false): string[] {
  const r = messages(lang).report.reasons;
  const label = (id: string): string => messages(lang).criteria[id] ?? id;
  const out: string[] = [];
  for (const f of p.explanation as Finding[]) {
    if (f.rule !== 'ELIG' || f.met) continue;
    if ('retirementDate' in f) {
      const short = f.requiredMonths - f.monthsRemaining;
      out.push(f.monthsRemaining <= 0 ? r.retiredBefore(formatDate(f.retirementDate, lang)) : r.retires({ date: formatDate(f.retirementDate, lang), short }));
    } else if (f.criterion === 'age') out.push(f.field === 'gender' ? r.noGender : r.noBirth);
    else if (f.missing) out.push(r.missing(label(f.criterion)));
    else if (f.field === 'ratings') {
      const criterion = profile?.eligibility.criteria.find((c): c is RatingsCriterion => c.id === f.criterion && c.kind === 'ratings');
      const below = ratingsBelow(person, criterion, f.clause);
      out.push(below.length ? below.map((x) => r.rating(x.year, x.value)).join('; ') : r.notMet(label(f.criterion), f.value ?? '—'));
    } else out.push(r.notMet(label(f.criterion), f.value ?? '—', !brief && f.required.startsWith('≥') ? f.required.slice(1).trim() : undefined));
  }
  return out;
}
