import type { CODES, Outcome, ProcedureId, RuleId } from '../rules';
import type { WorkbookCode } from '../workbook/codes';
import type { WorkbenchMessages } from './workbench';
import type { PrintViewMessages } from './print-view';
import type { ColumnMapMessages } from './column-map';
import type { ReaderMessages } from './reader';

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
  /** The browser workbench (src/workbench/, i18n/workbench.ts). */
  workbench: WorkbenchMessages;
  /** The workbench's print view (src/workbench/PrintView.tsx, i18n/print-view.ts). */
  printView: PrintViewMessages;
  /** The column-mapping dialog (src/taskpane/ColumnMapDialog.tsx, i18n/column-map.ts). */
  columnMap: ColumnMapMessages;
  /** What a run read and inferred from the workbook (src/workbook/reader/report.ts, procedure.ts; i18n/reader.ts). */
  reader: ReaderMessages;
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
  columns: { percent: string; outcome: string; rank: string; removalPercent: string; removalOutcome: string; forTitle: (label: string, title: string) => string };
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
    /** TIE: the column where the head marks whom they choose, and the line for their name and the date. */
    decisionColumn: string;
    decidedBy: string;
    decidedOn: string;
    decisionHint: string;
    /** The line under a tie the head has decided (in place of decisionHint), naming the decision record. */
    decided: (d: { by: string; on: string; chosen: string[]; record: string }) => string;
    chosenMark: string;
  };
  /** An outcome the head's decision in a tie gave ("Được giới thiệu (người đứng đầu quyết định)"), on the result columns and the shortlist. */
  decidedOutcome: (outcome: string) => string;
  /**
   * The head's decision record (src/workbook/render/decision-record.ts): the ties the count left to
   * the head and the head's choice, to sign; a blank form while the decision is awaited.
   */
  decisionRecord: {
    /** Sheet name, Vietnamese in both languages: "QĐ Kế tiếp B3". */
    sheet: (procedure: string, step: number) => string;
    title: string;
    subtitle: string;
    /** "……, ngày 04 tháng 12 năm 2026": the date of the decision, dots while awaited. */
    place: (date?: string) => string;
    /** The grounds: the procedure's clause, the minutes of the count. */
    basis: (b: { clause: string; minutes: string }) => string[];
    intro: (decided: boolean) => string;
    tie: (t: { index: number; title: string; count: number; votes: number; seats: number }) => string;
    columns: string[];
    chosen: string;
    notChosen: string;
    /** The head's name and the date, dots where not yet recorded. */
    decidedBy: (by?: string, on?: string) => string;
    signer: string;
    sign: string;
    fingerprint: (hex: string) => string;
    /** A later count without a tie left to the head. */
    none: string;
  };
  audit: {
    /** Sheet name, Vietnamese in both languages. */
    sheet: string;
    heading: string;
    note: string;
    columns: string[];
    run: string;
    undo: string;
    changed: (path: string, from: string, to: string) => string;
    convened: (n: number) => string;
    present: (n: number) => string;
    quota: (q: string) => string;
    termStart: (date: string) => string;
    decision: (title: string, by: string, on: string, chosen: string) => string;
    /** A1 of the hidden sheet that keeps what undo needs. */
    record: string;
    /** A1 of the hidden sheet that keeps the settings saved for the next run (src/workbook/bookkeeping/settings.ts). */
    savedSettings: string;
  };
  cli: {
    usage: string;
    badUsage: (why: string) => string;
    /** The first word is neither run nor undo (a workbook's name, most often). */
    unknownCommand: (word: string) => string;
    outExtension: (file: string, ext: string) => string;
    unknownOption: (option: string) => string;
    optionValue: (option: string) => string;
    /** After a wrong usage, where the whole usage is. */
    seeHelp: string;
    noWorkbook: string;
    tooMany: (extra: string) => string;
    written: (file: string) => string;
    undone: (file: string) => string;
    noFile: (file: string) => string;
    isFolder: (path: string) => string;
    nothingWritten: string;
    /** Before the stack trace of a bug (exit 70). */
    bugTrace: string;
    conference: (c: { convened: number; present: number; quorate: boolean; announced: boolean }) => string;
    counts: string;
    badProfile: (file: string) => string;
    /** The settings saved in the workbook that this run uses, listed. */
    savedSettings: (list: string) => string;
    saved: {
      procedure: (id: string) => string;
      step: (n: number) => string;
      sheet: (kind: 'roster' | 'votes' | 'candidates', name: string) => string;
      convened: (n: number) => string;
      present: (n: number) => string;
      quota: (q: string) => string;
      termStart: (date: string) => string;
      profile: (name: string) => string;
    };
  };
  /** The vote-count minutes ("biên bản kiểm phiếu"), one per conference run, laid out after Nghị định 30/2020. */
  minutes: {
    /** Sheet name, Vietnamese in both languages (the workbook's): "BB Kế tiếp B2". */
    sheet: (procedure: string, step: number) => string;
    nation: string;
    motto: string;
    /** Top left where the workbook names no unit: dots to fill in by hand. */
    unitBlank: string;
    title: string;
    /** "Hôm nay, ngày 05 tháng 01 năm 2026, tại …": the date ('YYYY-MM-DD') where the workbook states one, else dots. */
    opening: (date?: string) => string;
    /** "Tổ kiểm phiếu gồm:" and a line per member, to fill in by hand. */
    team: string[];
    numbersHeading: string;
    convened: (n: number) => string;
    present: (present: number, absent: number) => string;
    /** QUORUM in the procedure's words, with this conference's numbers: "Có mặt 8/9 người, bảo đảm ít nhất 2/3 …". */
    quorum: (c: { present: number; convened: number; required: number; quorate: boolean; cmp: string; ratio: string; ref: string }) => string;
    /** Ballots issued, returned, valid, invalid: dots for a count the workbook does not give. */
    ballots: (b: { issued?: number; returned?: number; valid?: number; invalid?: number }) => string[];
    rulesHeading: string;
    /** The clause of the procedure a printed sentence rests on: "mục I.3, Phụ lục 12"; its closing notes: "Lưu ý, Phụ lục 12". */
    ref: (clause: string) => string;
    noteRef: string;
    /** A threshold (N30, RM50, L50, L50C) in words, with what it asks of this conference ("tức từ 7 phiếu trở lên"). */
    threshold: (r: { name: string; removal: boolean; cmp: string; ratio: string; baseName: string; base: number; votes: number; ref: string }) => string;
    /** Any other rule (TOP, TIE) in words, with its clause. */
    rule: (r: { text: string; ref: string }) => string;
    quota: (quotas: { title: string; quota: number }[]) => string;
    /** TIE, after the results: what the count found at a title's quota line, left to the head. */
    tie: (t: { title: string; names: string[]; votes: number; seats: number; cmp: string; ratio: string; ref: string }) => string;
    resultsHeading: string;
    /** II.1(1) counts two things: removal from planning (RM50), then nomination (N30). */
    part: (removal: boolean, baseName: string) => string;
    columns: string[];
    closing: string;
    signers: { counter: string; chair: string; sign: string };
    fingerprint: (hex: string) => string;
  };
  /** The review of an ELIG / GAP step (ELIG, STRUCT, GAP): its report sheet and the columns beside the roster. */
  report: {
    /** Sheet name, Vietnamese in both languages (the workbook's): "Rà soát Kế tiếp B1". */
    sheet: (procedure: string, step: number) => string;
    heading: (gap: boolean) => string;
    /** The term the age condition is counted on, and the reference date of "young". */
    term: (t: { start: string; end: string; months: number; age: number }) => string;
    summary: (gap: boolean) => string;
    /** Six labels: title, quota, then (ELIG) eligible, not eligible or (GAP) in planning still eligible, shortfall; then women, young. */
    summaryColumns: (t: { gap: boolean; women: string; young: string; age: number }) => string[];
    share: (count: number, percent: string) => string;
    /** STRUCT ("phấn đấu"): a share below its target, a warning only. */
    belowTarget: (target: string) => string;
    /** GAP: how many more (women, young) the quota needs. */
    needed: (n: number) => string;
    targetsNote: (gap: boolean) => string;
    ineligible: string;
    eligible: string;
    /** GAP: the two groups of people, those in planning and the external candidates. */
    groups: { inPlanning: string; external: string };
    /** The group of eligible people whose planned title the roster leaves blank. */
    noTitle: string;
    none: string;
    title: (t: { index: number; title: string; quota: number; count: number; inPlanning?: number; shortfall?: number }) => string;
    columns: string[];
    /** The last column of an eligible person: where they come from. */
    notes: { inPlanning: string; external: string };
    /** The result columns beside the roster and the candidates table. */
    resultColumns: { outcome: string; reason: string };
    /** ELIG: an unmet standard in a few words, for a printout read without the notes. */
    reasons: {
      retires: (r: { date: string; short: number }) => string;
      retiredBefore: (date: string) => string;
      noBirth: string;
      noGender: string;
      missing: (label: string) => string;
      /** A standard not met; `atLeast`: the lowest level that meets it. */
      notMet: (label: string, value: string, atLeast?: string) => string;
      rating: (year: number, value: string) => string;
    };
    signature: { place: string; left: string; right: string; sign: string };
  };
  severity: { error: string; warning: string };
  at: (where: string, message: string) => string;
  /** The add-in in an Excel that lacks some of Office.js (src/hosts/excel/requirements.ts), and what a write in Excel can meet (src/hosts/excel/session.ts). */
  excel: {
    /** Heading before the list of what a run will leave out. */
    missing: string;
    capabilities: Record<'pageLayout' | 'fonts' | 'hidden' | 'widths' | 'merges' | 'notes', string>;
    /** Below the minimum requirement set: what the add-in needs (nothing is read). */
    needs: (version: string) => string;
    /** Excel refused the batch: the user is typing in a cell. */
    cellEdit: string;
    /** The cells a run read changed before its write: nothing written. */
    changed: (where: string) => string;
    /** A write that failed before it wrote anything of the results. */
    notWritten: (reason: string) => string;
    /** A write that failed part way: where it may have written, and that undo puts it back. */
    partlyWritten: (where: string[], reason: string) => string;
  };
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
  /** The rule profile a result was reached under (i18n profileUsed): every result names it. */
  profileUsed: {
    /** "Bộ quy tắc: X — khác Phụ lục 12: …" (changes: the rules that differ, in words). */
    text: (name: string, changes: readonly string[]) => string;
    /** "khác Phụ lục 12", before the changes listed. */
    differs: string;
  };
  /** The task pane's profile editor (src/taskpane/ProfileEditor.tsx). */
  profileEditor: {
    copy: string;
    /** The name of a copy: "Phụ lục 12 (2022) — bản sửa của đơn vị". */
    copyName: (name: string) => string;
    heading: string;
    name: string;
    source: string;
    quotaDefault: string;
    perTitle: string;
    perTitleHint: string;
    thresholds: string;
    numerator: string;
    denominator: string;
    comparison: string;
    strict: string;
    atLeast: string;
    tie: string;
    tieModes: { straddle: string; all: string };
    announce: string;
    structure: string;
    youngBelowAge: string;
    youngMin: string;
    womenMin: string;
    save: string;
    cancel: string;
    reset: string;
    saved: string;
    savedHere: string;
    resetDone: string;
    invalid: string;
    differs: string;
    same: string;
    /** Where the profile in use came from. */
    fromWorkbook: string;
  };
  taskpane: {
    title: string;
    subtitle: string;
    notInExcel: string;
    inExcel: string;
    loading: string;
    procedures: string;
    /** The run form (src/taskpane/RunForm.tsx), top to bottom. */
    needsWorkbook: string;
    /** Outside Office: where to run on an .xlsx file without Excel (the browser workbench, beside this page). */
    workbenchLink: string;
    form: string;
    /** The procedure and step lists: names short enough for the pane's width (the full ones are shown under them). */
    procedureShort: Record<ProcedureId, string>;
    stepShort: Record<string, string>;
    procedure: string;
    step: string;
    sheets: string;
    sheetKinds: { roster: string; votes: string; candidates: string };
    automatic: string;
    conference: string;
    convened: string;
    present: string;
    quorum: (c: { present: number; convened: number; required: number; quorate: boolean }) => string;
    quorumUnknown: string;
    quotas: string;
    quotaLabel: (title: string) => string;
    /** Under a quota: how many people the list has for the title (not the quota). */
    quotaHint: (people: number) => string;
    /** The date fields (src/taskpane/DateField.tsx): typed day/month/year, read back in words. */
    dateHint: string;
    dateReads: (iso: string) => string;
    dateInvalid: string;
    run: string;
    working: string;
    written: string;
    nothingWritten: string;
    counts: string;
    diagnostics: string;
    awaiting: string;
    awaitingTitle: (title: string, seats: number) => string;
    headName: string;
    headDate: string;
    recordDecision: string;
    /** After a decision: who decided, when, whom they chose (and did not). */
    decisionHeading: string;
    decision: (d: { title: string; by: string; on: string; chosen: string[]; notChosen: string[] }) => string;
    showDecision: string;
    results: string;
    showShortlist: string;
    showMinutes: string;
    showReview: string;
    undo: string;
    undone: string;
    printHint: string;
  };
}
