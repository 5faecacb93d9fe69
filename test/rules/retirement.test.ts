/**
 * ELIG — statutory retirement date, Bộ luật Lao động 2019 art. 169 and Nghị định 135/2020 (RULES.md ELIG):
 * men 60y before 2021, 60y3m in 2021, +3 months a year to 62y in 2028; women 55y before 2021,
 * 55y4m in 2021, +4 months a year to 60y in 2035. A person retires in the first calendar year Y
 * in which they reach the age set for Y, at the end of that month; birth year alone → January.
 */
import { DEFAULT_PROFILE, retirement, retirementAgeMonthsInYear, type Gender } from '../../src/rules';

const schedules = DEFAULT_PROFILE.eligibility.retirement;

// ── an independent reading of the rule, walking month by month from the birth month ──

/** The age set for calendar year Y, in months, straight from the rule statement. */
function statutoryAge(gender: Gender, year: number): number {
  if (gender === 'male') return year < 2021 ? 60 * 12 : Math.min(60 * 12 + 3 + 3 * (year - 2021), 62 * 12);
  return year < 2021 ? 55 * 12 : Math.min(55 * 12 + 4 + 4 * (year - 2021), 60 * 12);
}

function lastDay(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
}

/** Walk the calendar from the birth month; the person's age in months grows by one each month. */
function expectedRetirement(gender: Gender, birthYear: number, birthMonth: number): { date: string; ageMonths: number } {
  let year = birthYear;
  let month = birthMonth;
  for (let age = 0; age < 100 * 12; age++) {
    if (age >= statutoryAge(gender, year)) {
      const pad = (n: number) => String(n).padStart(2, '0');
      return { date: `${year}-${pad(month)}-${pad(lastDay(year, month))}`, ageMonths: statutoryAge(gender, year) };
    }
    month += 1;
    if (month === 13) {
      month = 1;
      year += 1;
    }
  }
  throw new Error('never retires');
}

const pad2 = (n: number) => String(n).padStart(2, '0');
const everyBirthMonth: [Gender, string, string][] = [];
for (const gender of ['male', 'female'] as const) {
  for (let year = 1960; year <= 1976; year++) {
    for (let month = 1; month <= 12; month++) {
      everyBirthMonth.push([gender, `${year}-${pad2(month)}`, expectedRetirement(gender, year, month).date]);
    }
  }
}

describe('ELIG (Nghị định 135/2020): retirement date', () => {
  test('ELIG: the generated table covers every birth month 01/1960–12/1976 (17 years = 204 months) for both sexes: 408 cases', () => {
    expect(everyBirthMonth).toHaveLength(408);
  });

  test.each(everyBirthMonth)('ELIG (NĐ 135/2020): %s born %s retires %s', (gender, birth, date) => {
    const got = retirement(birth, gender, schedules);
    expect(got.date).toBe(date);
    const [y, m] = birth.split('-').map(Number);
    expect(got.ageMonths).toBe(expectedRetirement(gender, y, m).ageMonths);
  });

  test.each([
    ['male', '1966-02', '2027-11-30', 741], // reaches 61y9m in 11/2027
    ['male', '1966-06', '2028-06-30', 744], // 62y
    ['female', '1971-02', '2028-10-31', 692], // reaches 57y8m in 10/2028
    ['female', '1975-07', '2035-07-31', 720], // 60y
  ] as const)('ELIG (RULES.md examples): %s born %s retires %s at age %i months', (gender, birth, date, ageMonths) => {
    expect(retirement(birth, gender, schedules)).toEqual({ date, ageMonths });
  });

  // First and last birth month retiring at each age step, computed by hand from the rule.
  const menSteps: [string, string, string, number][] = [
    ['60y (before 2021)', '1960-01', '2020-01-31', 720],
    ['60y (before 2021)', '1960-12', '2020-12-31', 720],
    ['60y3m (2021)', '1961-01', '2021-04-30', 723],
    ['60y3m (2021)', '1961-09', '2021-12-31', 723],
    ['60y6m (2022)', '1961-10', '2022-04-30', 726],
    ['60y6m (2022)', '1962-06', '2022-12-31', 726],
    ['60y9m (2023)', '1962-07', '2023-04-30', 729],
    ['60y9m (2023)', '1963-03', '2023-12-31', 729],
    ['61y (2024)', '1963-04', '2024-04-30', 732],
    ['61y (2024)', '1963-12', '2024-12-31', 732],
    ['61y3m (2025)', '1964-01', '2025-04-30', 735],
    ['61y3m (2025)', '1964-09', '2025-12-31', 735],
    ['61y6m (2026)', '1964-10', '2026-04-30', 738],
    ['61y6m (2026)', '1965-06', '2026-12-31', 738],
    ['61y9m (2027)', '1965-07', '2027-04-30', 741],
    ['61y9m (2027)', '1966-03', '2027-12-31', 741],
    ['62y (2028 on)', '1966-04', '2028-04-30', 744],
    ['62y (2028 on)', '1976-12', '2038-12-31', 744],
  ];
  test.each(menSteps)('ELIG (NĐ 135/2020, men): at %s, born %s → retires %s', (_step, birth, date, ageMonths) => {
    expect(retirement(birth, 'male', schedules)).toEqual({ date, ageMonths });
  });

  const womenSteps: [string, string, string, number][] = [
    ['55y (before 2021)', '1960-01', '2015-01-31', 660],
    ['55y (before 2021)', '1965-12', '2020-12-31', 660],
    ['55y4m (2021)', '1966-01', '2021-05-31', 664],
    ['55y4m (2021)', '1966-08', '2021-12-31', 664],
    ['55y8m (2022)', '1966-09', '2022-05-31', 668],
    ['55y8m (2022)', '1967-04', '2022-12-31', 668],
    ['56y (2023)', '1967-05', '2023-05-31', 672],
    ['56y (2023)', '1967-12', '2023-12-31', 672],
    ['56y4m (2024)', '1968-01', '2024-05-31', 676],
    ['56y4m (2024)', '1968-08', '2024-12-31', 676],
    ['56y8m (2025)', '1968-09', '2025-05-31', 680],
    ['56y8m (2025)', '1969-04', '2025-12-31', 680],
    ['57y (2026)', '1969-05', '2026-05-31', 684],
    ['57y (2026)', '1969-12', '2026-12-31', 684],
    ['57y4m (2027)', '1970-01', '2027-05-31', 688],
    ['57y4m (2027)', '1970-08', '2027-12-31', 688],
    ['57y8m (2028)', '1970-09', '2028-05-31', 692],
    ['57y8m (2028)', '1971-04', '2028-12-31', 692],
    ['58y (2029)', '1971-05', '2029-05-31', 696],
    ['58y (2029)', '1971-12', '2029-12-31', 696],
    ['58y4m (2030)', '1972-01', '2030-05-31', 700],
    ['58y4m (2030)', '1972-08', '2030-12-31', 700],
    ['58y8m (2031)', '1972-09', '2031-05-31', 704],
    ['58y8m (2031)', '1973-04', '2031-12-31', 704],
    ['59y (2032)', '1973-05', '2032-05-31', 708],
    ['59y (2032)', '1973-12', '2032-12-31', 708],
    ['59y4m (2033)', '1974-01', '2033-05-31', 712],
    ['59y4m (2033)', '1974-08', '2033-12-31', 712],
    ['59y8m (2034)', '1974-09', '2034-05-31', 716],
    ['59y8m (2034)', '1975-04', '2034-12-31', 716],
    ['60y (2035 on)', '1975-05', '2035-05-31', 720],
    ['60y (2035 on)', '1976-12', '2036-12-31', 720],
  ];
  test.each(womenSteps)('ELIG (NĐ 135/2020, women): at %s, born %s → retires %s', (_step, birth, date, ageMonths) => {
    expect(retirement(birth, 'female', schedules)).toEqual({ date, ageMonths });
  });

  test('ELIG (NĐ 135/2020): the last day of February follows leap years (man born 02/1970 → 29/02/2032, 02/1969 → 28/02/2031)', () => {
    expect(retirement('1970-02', 'male', schedules).date).toBe('2032-02-29');
    expect(retirement('1969-02', 'male', schedules).date).toBe('2031-02-28');
  });

  test.each([
    ['male', '1966-02', ['1966-02-01', '1966-02-15', '1966-02-28']],
    ['female', '1971-02', ['1971-02-01', '1971-02-28']],
    ['male', '1961-09', ['1961-09-30']],
    ['female', '1975-07', ['1975-07-31']],
  ] as const)('ELIG: a full birth date gives the same retirement as its month (%s, %s)', (gender, month, days) => {
    const expected = retirement(month, gender, schedules);
    for (const day of days) expect(retirement(day, gender, schedules)).toEqual(expected);
  });

  test.each([
    ['male', '1961', '1961-01', '2021-04-30'],
    ['male', '1966', '1966-01', '2027-10-31'],
    ['female', '1971', '1971-01', '2028-09-30'],
    ['female', '1966', '1966-01', '2021-05-31'],
  ] as const)('ELIG (RULES.md "birth year only → 1 January"): %s born %s counts as %s → %s', (gender, year, month, date) => {
    expect(retirement(year, gender, schedules)).toEqual(retirement(month, gender, schedules));
    expect(retirement(year, gender, schedules).date).toBe(date);
  });

  test('ELIG (NĐ 135/2020): the age set for each year rises 3 (men) / 4 (women) months a year from 2021 and stops at 62 / 60', () => {
    for (let year = 2015; year <= 2040; year++) {
      expect(retirementAgeMonthsInYear(schedules.male, year)).toBe(statutoryAge('male', year));
      expect(retirementAgeMonthsInYear(schedules.female, year)).toBe(statutoryAge('female', year));
    }
    expect(retirementAgeMonthsInYear(schedules.male, 2028)).toBe(744);
    expect(retirementAgeMonthsInYear(schedules.female, 2035)).toBe(720);
  });
});
