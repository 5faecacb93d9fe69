import type { CODES, Outcome, ProcedureId, RuleId } from '../rules';
import type { WorkbookCode } from '../workbook/codes';

/** The shape of a message catalogue. Every user-facing word of the product comes from one of these. */

export type Lang = 'vi' | 'en';
export type Params = Record<string, string | number | boolean | string[]>;

export interface ThresholdText {
  verdict: string;
  numerator: number;
  base: number;
  percent: string;
  op: string;
  threshold: string;
  baseName: string;
}

export interface RatioSentence {
  cmp: string;
  ratio: string;
  baseName: string;
  formula: string;
}

export interface Messages {
  lang: Lang;
  appName: string;
  outcomes: Record<Outcome, string>;
  bases: { present: string; convened: string };
  rules: Record<RuleId, string>;
  clause: (clause: string) => string;
  ruleRef: (rule: string, clause: string) => string;
  procedures: Record<ProcedureId, string>;
  steps: Record<string, string>;
  comparison: { gt: string; ge: string };
  explain: {
    threshold: (f: ThresholdText) => string;
    top: (f: { rank: number; quota: number; within: boolean }) => string;
    tie: (f: { count: number; votes: number; seats: number }) => string;
    decision: (d: { by: string; on: string }) => string;
    age: (f: { met: boolean; retirementDate: string; monthsRemaining: number; termStart: string; requiredMonths: number; termEnd: string }) => string;
    criterion: (f: { label: string; value?: string; required: string; met: boolean; missing?: boolean }) => string;
  };
  criteria: Record<string, string>;
  fields: Record<string, string>;
  consultSteps: Record<string, string>;
  diagnostics: Record<keyof typeof CODES | WorkbookCode, (p: Params) => string>;
  columns: { percent: string; outcome: string; rank: string; removalPercent: string; removalOutcome: string };
  sheets: {
    /** Sheet names stay Vietnamese in both languages: they are the workbook's. */
    shortlist: (procedure: string, step: number) => string;
    announced: string;
    notAnnounced: string;
    notAnnouncedNote: string;
    conference: (c: { convened: number; present: number; quorate: boolean; required: number }) => string;
    title: (title: string, quota?: number) => string;
    quotaLine: (quota: number) => string;
    columns: string[];
    genders: { male: string; female: string };
    footer: string;
  };
  cli: {
    usage: string;
    badUsage: (why: string) => string;
    written: (file: string) => string;
    noFile: (file: string) => string;
    nothingWritten: string;
    conference: (c: { convened: number; present: number; quorate: boolean; announced: boolean }) => string;
    counts: string;
    badProfile: (file: string) => string;
  };
  severity: { error: string; warning: string };
  at: (where: string, message: string) => string;
  profile: {
    heading: string;
    source: string;
    quorum: (s: RatioSentence) => string;
    threshold: (s: RatioSentence) => string;
    removal: (s: RatioSentence) => string;
    quota: (s: { quota: number; perTitle: string; max: number }) => string;
    tie: (mode: 'straddle' | 'all') => string;
    announce: (s: { yes: string; no: string }) => string;
    eligibility: (s: { months: number; term: number; male: string; female: string }) => string;
    criteria: (list: string) => string;
    structure: (s: { age: number; young: string; women: string }) => string;
    schedule: (s: { start: string; year: number; step: number; final: string }) => string;
    years: (years: number, months: number) => string;
    defaultBadge: string;
    changedBadge: (n: number) => string;
  };
  taskpane: {
    title: string;
    subtitle: string;
    notInExcel: string;
    inExcel: string;
    loading: string;
    procedures: string;
  };
}
