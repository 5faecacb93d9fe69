/**
 * Plain data the rulebook takes and gives (docs/RULES.md).
 * Nothing here knows about sheets, cells or text shown to users: `source` fields
 * are opaque references that the caller passes in and gets back on diagnostics.
 */

/** Where an input came from, for messages ("'KP HN cán bộ'!E9"). Opaque to the rules. */
export interface SourceRef {
  sheet?: string;
  cell?: string;
}

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;
/** A birth date as far as it is known: 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'. */
export type PartialDate = string;

export type Gender = 'male' | 'female';

export type ProcedureId = 'next-term' | 'annual-local' | 'annual-external';

export type Outcome =
  | 'pass'
  | 'fail'
  | 'selected'
  | 'passed-not-selected'
  | 'awaiting-head'
  | 'removed'
  | 'kept'
  | 'eligible'
  | 'ineligible';

export type RuleId =
  | 'QUORUM'
  | 'N30'
  | 'RM50'
  | 'L50'
  | 'L50C'
  | 'TOP'
  | 'TIE'
  | 'ANNOUNCE'
  | 'ELIG'
  | 'STRUCT'
  | 'GAP'
  | 'CONSULT'
  | 'COMPOSE'
  | 'INPUT';

/** A fraction of a base, compared on whole numbers: count/base > num/den (strict) or ≥. */
export interface Ratio {
  num: number;
  den: number;
}

export type BaseKind = 'present' | 'convened';

/** The conference's numbers as counted. Ballots are optional (recorded where the sheet has them). */
export interface ConferenceInput {
  convened: number;
  present: number;
  ballots?: { issued?: number; returned?: number; valid?: number; invalid?: number };
  source?: {
    convened?: SourceRef;
    present?: SourceRef;
    /** Cells of the ballot counts, named on a breach of the ballot invariants. */
    ballots?: { issued?: SourceRef; returned?: SourceRef; valid?: SourceRef; invalid?: SourceRef };
  };
}

/** One person on the roster ("danh sách trích ngang"). */
export interface RosterPerson {
  /** Stable key the caller chooses (code, or sheet row); decisions and votes refer to it. */
  id: string;
  code?: string;
  name: string;
  birth?: PartialDate;
  gender?: Gender;
  post?: string;
  unit?: string;
  /** Titles this person is planned for (or proposed for). */
  titles: string[];
  inPlanning: boolean;
  /** Other columns by criterion field name: training, politicalTheory, discipline… */
  attributes?: Record<string, string | undefined>;
  /** Annual ratings, any order. */
  ratings?: { year: number; value: string }[];
  source?: SourceRef;
}

/** One row of a vote count: a person, a title, the agree votes. */
export interface VoteRow {
  id: string;
  name: string;
  title: string;
  agree: number;
  birth?: PartialDate;
  gender?: Gender;
  source?: SourceRef;
}

/** A head's choice in a tie (RULES.md TIE), as recorded in the workbook. */
export interface HeadDecision {
  title: string;
  chosen: string[];
  by: string;
  on: IsoDate;
  source?: SourceRef;
}

/** Consultation facts for an external candidate (RULES.md CONSULT, II.2 step 3). */
export interface ConsultFacts {
  id: string;
  name: string;
  title?: string;
  currentAgency?: string;
  /** A date, or true where the sheet marks the fact done without a date. */
  metOn?: IsoDate | true;
  letterSentOn?: IsoDate | true;
  opinionReceivedOn?: IsoDate | true;
  opinionAgrees?: boolean;
  dossierReceivedOn?: IsoDate | true;
  source?: SourceRef;
}

// ───────────────────────────── explanations ─────────────────────────────

/** A threshold test (N30, RM50, L50, L50C): numerator against base, strictly above num/den. */
export interface ThresholdFinding {
  rule: 'N30' | 'RM50' | 'L50' | 'L50C';
  clause: string;
  numerator: number;
  base: number;
  baseKind: BaseKind;
  threshold: Ratio;
  strict: boolean;
  met: boolean;
}

/** Selection down to the quota (TOP). */
export interface TopFinding {
  rule: 'TOP';
  clause: string;
  quota: number;
  rank: number;
  /** Whether the person falls within the quota. */
  within: boolean;
}

/** A tie across the quota line (TIE), and the head's decision when recorded. */
export interface TieFinding {
  rule: 'TIE';
  clause: string;
  votes: number;
  /** Ids of everybody in the tie, this person included. */
  tiedWith: string[];
  /** Seats left for the tie. */
  seats: number;
  decision?: { by: string; on: IsoDate; chosen: string[] };
}

/** Retirement-age condition (ELIG). */
export interface AgeFinding {
  rule: 'ELIG';
  clause: string;
  criterion: 'age';
  retirementDate: IsoDate;
  termStart: IsoDate;
  termEnd: IsoDate;
  /** Whole months from the term's start to the retirement date. */
  monthsRemaining: number;
  requiredMonths: number;
  met: boolean;
}

/** Any other standard read from a roster column (ELIG). */
export interface CriterionFinding {
  rule: 'ELIG';
  clause: string;
  criterion: string;
  field: string;
  value?: string;
  required: string;
  met: boolean;
  /** The value was empty or missing. */
  missing?: boolean;
}

export type Finding = ThresholdFinding | TopFinding | TieFinding | AgeFinding | CriterionFinding;

// ───────────────────────────── results ─────────────────────────────

export interface PersonResult {
  id: string;
  name: string;
  title?: string;
  /** ELIG: the titles the person is planned or proposed for. */
  titles?: string[];
  outcome: Outcome;
  /** Competition rank among the people of the same title (equal counts share a rank). */
  rank?: number;
  agree?: number;
  /** The findings behind the outcome, in the order they were applied. */
  explanation: Finding[];
  source?: SourceRef;
}

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  code: string;
  severity: Severity;
  rule: RuleId;
  /** Numbers and names the message needs; messages themselves live in i18n. */
  params: Record<string, string | number | boolean | string[]>;
  at?: SourceRef;
}

export interface ConferenceResult {
  convened: number;
  present: number;
  quorate: boolean;
  /** Smallest attendance that makes the conference valid. */
  required: number;
  announced: boolean;
}

/** Per-title numbers for the eligibility and gap reports (ELIG, STRUCT, GAP). */
export interface TitleSummary {
  title: string;
  quota: number;
  /** People counted (eligible for ELIG, selected for a vote step). */
  count: number;
  women: number;
  young: number;
  /** GAP only: people in planning who still meet ELIG, and the shortfall to fill from outside. */
  inPlanningEligible?: number;
  shortfall?: number;
  womenNeeded?: number;
  youngNeeded?: number;
}

export interface ConsultResult {
  id: string;
  name: string;
  title?: string;
  complete: boolean;
  missing: ('metOn' | 'letterSentOn' | 'opinionReceivedOn' | 'dossierReceivedOn')[];
  opinionAgrees?: boolean;
}

export interface StepResult {
  procedure: ProcedureId;
  step: number;
  rules: RuleId[];
  conference?: ConferenceResult;
  people: PersonResult[];
  titles?: TitleSummary[];
  consultations?: ConsultResult[];
  diagnostics: Diagnostic[];
  /** True when an error stops this step: nothing should be written. */
  blocked: boolean;
}
