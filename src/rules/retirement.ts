import { birthMonth, fromMonthIndex, lastDayOfMonth, monthIndex } from './dates';
import type { Gender, IsoDate, PartialDate } from './types';

/**
 * Statutory retirement date — RULES.md ELIG, after Bộ luật Lao động 2019 art. 169 and
 * Nghị định 135/2020/NĐ-CP art. 4: the age rises from `startAge` in `startYear` by
 * `stepMonths` a year up to `finalAge`; before `startYear` it was `previousAge`.
 * A person retires in the first calendar year Y in which they reach the age set for Y,
 * at the end of that month. A birth year alone counts from January.
 */
export interface RetirementSchedule {
  /** Age in months in force before startYear (men 60y = 720, women 55y = 660). */
  previousAgeMonths: number;
  startYear: number;
  /** Age in months in startYear (men 60y3m = 723, women 55y4m = 664). */
  startAgeMonths: number;
  stepMonths: number;
  /** Ceiling (men 62y = 744, women 60y = 720). */
  finalAgeMonths: number;
}

/** The retirement age (in months) set for calendar year Y. */
export function retirementAgeMonthsInYear(schedule: RetirementSchedule, year: number): number {
  if (year < schedule.startYear) return schedule.previousAgeMonths;
  const age = schedule.startAgeMonths + (year - schedule.startYear) * schedule.stepMonths;
  return Math.min(age, schedule.finalAgeMonths);
}

export interface Retirement {
  date: IsoDate;
  ageMonths: number;
}

export function retirement(birth: PartialDate, gender: Gender, schedules: Record<Gender, RetirementSchedule>): Retirement {
  const schedule = schedules[gender];
  const born = monthIndex(birthMonth(birth));
  const bornYear = birthMonth(birth).year;
  // The month a person reaches age A is born + A; the set age never falls, so the first year Y
  // whose set age is reached within Y is found by walking forward from the earliest possible year.
  for (let year = bornYear + Math.floor(schedule.previousAgeMonths / 12) - 1; ; year++) {
    const ageMonths = retirementAgeMonthsInYear(schedule, year);
    const reached = born + ageMonths;
    if (fromMonthIndex(reached).year <= year) {
      return { date: lastDayOfMonth(fromMonthIndex(reached)), ageMonths };
    }
  }
}
