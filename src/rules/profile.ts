import type { RetirementSchedule } from './retirement';
import type { BaseKind, Gender, ProcedureId, Ratio } from './types';

/**
 * A rule profile holds every number and switch of RULES.md as data, so a unit can copy the
 * default, change a threshold, base, quota or age bound, and run again without new code.
 */

export interface ThresholdSetting {
  threshold: Ratio;
  /** true: strictly above ("trên 30%"); false: at least. */
  strict: boolean;
  base: BaseKind;
}

/** A standard read from a roster column (ELIG). */
export type Criterion =
  | {
      /** The value must be one of `levels` at or above `min` (levels ordered from low to high). */
      kind: 'min-level';
      id: string;
      field: string;
      levels: string[];
      min: string;
    }
  | {
      /** The value must be one of `values`. */
      kind: 'one-of';
      id: string;
      field: string;
      values: string[];
    }
  | {
      /** The value must be empty or one of `allowed` (e.g. discipline: blank or "Không"). */
      kind: 'none-of';
      id: string;
      field: string;
      allowed: string[];
    }
  | {
      /** The last `years` annual ratings before the term must each be at or above `min`. */
      kind: 'ratings';
      id: string;
      years: number;
      levels: string[];
      min: string;
    };

export interface RuleProfile {
  /** Format version of the profile file. */
  version: 1;
  id: string;
  name: string;
  source: string;
  quorum: { threshold: Ratio; strict: boolean };
  /** N30 */
  nomination: ThresholdSetting;
  /** RM50 */
  removal: ThresholdSetting;
  /** L50 */
  leadership: ThresholdSetting;
  /** L50C */
  externalLeadership: ThresholdSetting;
  /** TOP */
  quota: { default: number; perTitle: Record<string, number>; maxTitlesPerPerson: number };
  /** TIE: 'straddle' sends to the head only a tie across the quota line; 'all' every tie among those who pass. */
  tie: { mode: 'straddle' | 'all' };
  /** ANNOUNCE: whether each voting step's counts are announced at its conference. */
  announce: Record<string, boolean>;
  /** ELIG */
  eligibility: {
    termMonths: number;
    /** Months of work the person must have left from the term's start (one full term). */
    minServiceMonths: number;
    retirement: Record<Gender, RetirementSchedule>;
    criteria: Criterion[];
  };
  /** STRUCT */
  structure: {
    youngBelowAge: number;
    youngMin: Ratio;
    womenMin: Ratio;
  };
}

/**
 * The roster's vocabulary, low to high, as rosters write it (ELIG, eligibility.ts): each level, then
 * what else means it — an alias ending in "*" takes any value starting with its words ("Kỹ sư*":
 * "Kỹ sư xây dựng"). Data like the rest of a profile: a unit's copy can add its own words.
 */
export const TRAINING_LEVELS = [
  'Trung cấp|Trung cấp*',
  'Cao đẳng|Cao đẳng*',
  'Đại học|Đại học*|Cử nhân*|Kỹ sư*|Bác sĩ*|Dược sĩ*|Kiến trúc sư*',
  'Thạc sĩ|Thạc sĩ*|Thạc sỹ*',
  'Tiến sĩ|Tiến sĩ*|Tiến sỹ*',
];
export const THEORY_LEVELS = ['Sơ cấp|Sơ cấp*', 'Trung cấp|Trung cấp*', 'Cao cấp|Cao cấp*', 'Cử nhân|Cử nhân*'];
export const RATING_LEVELS = [
  'Không hoàn thành nhiệm vụ|KHTNV|Không hoàn thành',
  'Hoàn thành nhiệm vụ|HTNV',
  'Hoàn thành tốt nhiệm vụ|HTTNV|Hoàn thành tốt',
  'Hoàn thành xuất sắc nhiệm vụ|HTXSNV|Hoàn thành xuất sắc|Xuất sắc',
];

/** "Phụ lục 12 (2022)": the procedure as read in RULES.md. */
export const DEFAULT_PROFILE: RuleProfile = {
  version: 1,
  id: 'phu-luc-12-2022',
  name: 'Phụ lục 12 (2022)',
  source: 'Phụ lục 12 — Quy trình nhân sự quy hoạch lãnh đạo các phòng, ban và tương đương (Ban Tổ chức Tỉnh uỷ, 3/2022)',
  quorum: { threshold: { num: 2, den: 3 }, strict: false },
  nomination: { threshold: { num: 30, den: 100 }, strict: true, base: 'present' },
  removal: { threshold: { num: 50, den: 100 }, strict: true, base: 'convened' },
  leadership: { threshold: { num: 50, den: 100 }, strict: true, base: 'convened' },
  externalLeadership: { threshold: { num: 50, den: 100 }, strict: true, base: 'convened' },
  quota: { default: 3, perTitle: {}, maxTitlesPerPerson: 3 },
  tie: { mode: 'straddle' },
  announce: {
    'next-term:2': false,
    'next-term:3': true,
    'annual-local:1': false,
    'annual-local:2': true,
    'annual-external:4': true,
  },
  eligibility: {
    termMonths: 60,
    minServiceMonths: 60,
    retirement: {
      male: { previousAgeMonths: 720, startYear: 2021, startAgeMonths: 723, stepMonths: 3, finalAgeMonths: 744 },
      female: { previousAgeMonths: 660, startYear: 2021, startAgeMonths: 664, stepMonths: 4, finalAgeMonths: 720 },
    },
    criteria: [
      { kind: 'min-level', id: 'training', field: 'training', levels: TRAINING_LEVELS, min: 'Đại học' },
      { kind: 'min-level', id: 'politicalTheory', field: 'politicalTheory', levels: THEORY_LEVELS, min: 'Trung cấp' },
      { kind: 'ratings', id: 'ratings', years: 2, levels: RATING_LEVELS, min: 'Hoàn thành tốt nhiệm vụ' },
      { kind: 'none-of', id: 'discipline', field: 'discipline', allowed: ['Không'] },
    ],
  },
  structure: {
    youngBelowAge: 40,
    youngMin: { num: 15, den: 100 },
    womenMin: { num: 25, den: 100 },
  },
};

/** The quota of a title (TOP). */
export function quotaFor(profile: RuleProfile, title: string): number {
  return profile.quota.perTitle[title] ?? profile.quota.default;
}

export function announceKey(procedure: ProcedureId, step: number): string {
  return `${procedure}:${step}`;
}

// ───────────────────────────── loading and checking ─────────────────────────────

/** A problem in a profile file: the path of the bad value and what was expected. */
export interface ProfileIssue {
  path: string;
  expected: string;
}

export type ProfileLoad = { ok: true; profile: RuleProfile } | { ok: false; issues: ProfileIssue[] };

type Check = (value: unknown, path: string, issues: ProfileIssue[]) => void;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isWhole = (v: unknown, min = 0): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= min;

const whole = (min = 0): Check => (v, path, issues) => {
  if (!isWhole(v, min)) issues.push({ path, expected: `whole number ≥ ${min}` });
};
const text: Check = (v, path, issues) => {
  if (typeof v !== 'string' || v.trim() === '') issues.push({ path, expected: 'text' });
};
const bool: Check = (v, path, issues) => {
  if (typeof v !== 'boolean') issues.push({ path, expected: 'true or false' });
};
const oneOf = (...values: string[]): Check => (v, path, issues) => {
  if (typeof v !== 'string' || !values.includes(v)) issues.push({ path, expected: values.join(' | ') });
};
const textList: Check = (v, path, issues) => {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.trim() === '')) issues.push({ path, expected: 'list of text' });
};
const ratio = (max: number): Check => (v, path, issues) => {
  if (!isObject(v) || !isWhole(v.num) || !isWhole(v.den, 1) || v.num > max * v.den) {
    issues.push({ path, expected: `{ num, den } whole numbers, den ≥ 1, num/den ≤ ${max}` });
  }
};
const shape = (fields: Record<string, Check>): Check => (v, path, issues) => {
  if (!isObject(v)) {
    issues.push({ path, expected: 'object' });
    return;
  }
  for (const [key, check] of Object.entries(fields)) check(v[key], path ? `${path}.${key}` : key, issues);
};
const record = (check: Check): Check => (v, path, issues) => {
  if (!isObject(v)) {
    issues.push({ path, expected: 'object' });
    return;
  }
  for (const [key, value] of Object.entries(v)) check(value, `${path}.${key}`, issues);
};

const threshold = shape({ threshold: ratio(1), strict: bool, base: oneOf('present', 'convened') });
const schedule = shape({
  previousAgeMonths: whole(1),
  startYear: whole(1900),
  startAgeMonths: whole(1),
  stepMonths: whole(0),
  finalAgeMonths: whole(1),
});

/** A criterion's `min`: one of its levels, as written or by one of the level's aliases ("Đại học" of "Đại học|Cử nhân*"). */
const isLevel = (levels: unknown, min: unknown): boolean =>
  !Array.isArray(levels) || levels.some((l) => l === min || (typeof l === 'string' && l.split('|').includes(String(min))));

const criterion: Check = (v, path, issues) => {
  if (!isObject(v)) return void issues.push({ path, expected: 'object' });
  const common = { id: text };
  switch (v.kind) {
    case 'min-level':
      shape({ ...common, field: text, levels: textList, min: text })(v, path, issues);
      if (!isLevel(v.levels, v.min)) issues.push({ path: `${path}.min`, expected: 'one of levels' });
      break;
    case 'one-of':
      shape({ ...common, field: text, values: textList })(v, path, issues);
      break;
    case 'none-of':
      shape({ ...common, field: text, allowed: textList })(v, path, issues);
      break;
    case 'ratings':
      shape({ ...common, years: whole(1), levels: textList, min: text })(v, path, issues);
      if (!isLevel(v.levels, v.min)) issues.push({ path: `${path}.min`, expected: 'one of levels' });
      break;
    default:
      issues.push({ path: `${path}.kind`, expected: 'min-level | one-of | none-of | ratings' });
  }
};

const profileShape = shape({
  version: (v, path, issues) => v !== 1 && issues.push({ path, expected: '1' }),
  id: text,
  name: text,
  source: text,
  quorum: shape({ threshold: ratio(1), strict: bool }),
  nomination: threshold,
  removal: threshold,
  leadership: threshold,
  externalLeadership: threshold,
  quota: shape({ default: whole(1), perTitle: record(whole(1)), maxTitlesPerPerson: whole(1) }),
  tie: shape({ mode: oneOf('straddle', 'all') }),
  announce: record(bool),
  eligibility: shape({
    termMonths: whole(1),
    minServiceMonths: whole(0),
    retirement: shape({ male: schedule, female: schedule }),
    criteria: (v, path, issues) => {
      if (!Array.isArray(v)) return void issues.push({ path, expected: 'list' });
      v.forEach((c, i) => criterion(c, `${path}[${i}]`, issues));
    },
  }),
  structure: shape({ youngBelowAge: whole(1), youngMin: ratio(1), womenMin: ratio(1) }),
});

/** Check a profile read from JSON (text or parsed). Every issue names the path of the bad value. */
export function loadProfile(input: unknown): ProfileLoad {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (e) {
      return { ok: false, issues: [{ path: '', expected: `JSON (${(e as Error).message})` }] };
    }
  }
  const issues: ProfileIssue[] = [];
  profileShape(value, '', issues);
  if (issues.length === 0) {
    const p = value as RuleProfile;
    for (const gender of ['male', 'female'] as const) {
      const s = p.eligibility.retirement[gender];
      if (s.startAgeMonths < s.previousAgeMonths || s.finalAgeMonths < s.startAgeMonths) {
        issues.push({ path: `eligibility.retirement.${gender}`, expected: 'previousAgeMonths ≤ startAgeMonths ≤ finalAgeMonths' });
      }
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, profile: value as RuleProfile };
}

/** One setting that differs between two profiles. */
export interface ProfileDifference {
  path: string;
  base: unknown;
  other: unknown;
}

/** Every leaf setting where `other` differs from `base` (by default, from the default profile). */
export function compareProfiles(other: RuleProfile, base: RuleProfile = DEFAULT_PROFILE): ProfileDifference[] {
  const out: ProfileDifference[] = [];
  const walk = (a: unknown, b: unknown, path: string): void => {
    if (isObject(a) && isObject(b)) {
      for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) walk(a[key], b[key], path ? `${path}.${key}` : key);
    } else if (Array.isArray(a) && Array.isArray(b) && !a.every((x) => typeof x === 'string')) {
      for (let i = 0; i < Math.max(a.length, b.length); i++) walk(a[i], b[i], `${path}[${i}]`);
    } else if (JSON.stringify(a) !== JSON.stringify(b)) {
      out.push({ path, base: a, other: b });
    }
  };
  walk(base, other, '');
  return out;
}
