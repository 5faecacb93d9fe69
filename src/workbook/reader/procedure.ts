import { findStep, type ProcedureId } from '../../rules';
import { columnLetters } from '../address';
import type { WorkbookSnapshot } from '../snapshot';
import { markedShortlist } from './decisions';
import { parseWorkbook, type ParsedWorkbook, type ParseOptions } from './parse';
import { headerCaption } from './report';
import { views } from './sheets';

/**
 * The procedure and the step a workbook points at, where the user did not say (the user's choice
 * always wins): the head's marks on a results sheet an earlier run made → that step's re-run;
 * removal votes → the annual review (II.1 step 1); an external-candidates list → II.2 (its
 * consultation facts: step 3, or step 4 with the leadership's vote on them; its approval: step 2;
 * else step 1); a vote count → its conference's step of the next-term procedure; a roster → step 1.
 * What was inferred carries why, as data (i18n/reader.ts says it in words).
 */

export type InferenceReason =
  | { kind: 'head-marks'; sheet: string; cell: string }
  | { kind: 'removal-column'; sheet: string; column: string; header: string }
  | { kind: 'consultation'; sheet: string; leadershipVote?: string }
  | { kind: 'approval'; sheet: string }
  | { kind: 'candidates'; sheet: string }
  | { kind: 'staff-count'; sheet: string }
  | { kind: 'leadership-count'; sheet: string }
  | { kind: 'roster'; sheet?: string };

export interface Inference {
  /** Present where the procedure was inferred (not given). */
  procedure?: ProcedureId;
  /** Present where the step was inferred. */
  step?: number;
  because?: InferenceReason;
}

/** What a run asks of parsing: the procedure and step (else inferred), the sheets and columns chosen. */
export interface ParseRequest extends Pick<ParseOptions, 'rosterSheet' | 'votesSheet' | 'candidatesSheet' | 'columns' | 'voteColumns' | 'titles'> {
  procedure?: ProcedureId;
  step?: number;
}

const STAFF_STEP: Record<ProcedureId, number> = { 'next-term': 2, 'annual-local': 1, 'annual-external': 4 };
const LEADERSHIP_STEP: Record<ProcedureId, number> = { 'next-term': 3, 'annual-local': 2, 'annual-external': 4 };

function conferenceKind(procedure: ProcedureId, step: number | undefined): 'staff' | 'leadership' | undefined {
  if (step === undefined) return undefined;
  if (STAFF_STEP[procedure] === step && procedure !== 'annual-external') return 'staff';
  return LEADERSHIP_STEP[procedure] === step ? 'leadership' : undefined;
}

/** The first removal count read, as the reason for the annual review. */
function removalReason(snapshot: WorkbookSnapshot, parsed: ParsedWorkbook): InferenceReason | undefined {
  const votes = parsed.votes;
  const line = votes?.lines.find((l) => l.removeAgree !== undefined);
  const cell = line?.removeCell?.cell;
  if (!votes || !cell) return undefined;
  const column = cell.replace(/\d+$/, '');
  const table = votes.tables.find((t) => t.rows.some((r) => r.row === line.row)) ?? votes.table;
  const view = views(snapshot, parsed.owned).find((v) => v.name === votes.table.sheet);
  const col = Object.values(table.columns).concat(table.groups.flatMap((g) => Object.values(g.columns))).find((c) => columnLetters(c) === column);
  return { kind: 'removal-column', sheet: votes.table.sheet, column, header: view && col ? headerCaption(view, table, col) : '' };
}

/** The procedure (and step) the sheets point at, with the reason. */
function inferProcedure(snapshot: WorkbookSnapshot, parsed: ParsedWorkbook): { procedure: ProcedureId; step: number; because: InferenceReason } {
  const marked = markedShortlist(snapshot, parsed.owned);
  if (marked) return { procedure: marked.procedure, step: marked.step, because: { kind: 'head-marks', sheet: marked.sheet, cell: marked.cell } };
  const removal = removalReason(snapshot, parsed);
  if (removal) return { procedure: 'annual-local', step: 1, because: removal };
  const cand = parsed.candidates;
  if (cand) {
    const sheet = cand.table.sheet;
    const consulted = cand.consultations.some((f) => f.metOn || f.letterSentOn || f.opinionReceivedOn || f.dossierReceivedOn || f.opinionAgrees !== undefined);
    const names = new Set(cand.people.map((p) => p.name));
    const voted = parsed.votes && parsed.votes.lines.some((l) => names.has(l.name)) ? parsed.votes.table.sheet : undefined;
    if (consulted) return { procedure: 'annual-external', step: voted ? 4 : 3, because: { kind: 'consultation', sheet, ...(voted ? { leadershipVote: voted } : {}) } };
    if (cand.approval.date) return { procedure: 'annual-external', step: 2, because: { kind: 'approval', sheet } };
    return { procedure: 'annual-external', step: 1, because: { kind: 'candidates', sheet } };
  }
  if (parsed.votes) {
    const leadership = parsed.votes.conferenceKind === 'leadership';
    return { procedure: 'next-term', step: leadership ? 3 : 2, because: { kind: leadership ? 'leadership-count' : 'staff-count', sheet: parsed.votes.table.sheet } };
  }
  return { procedure: 'next-term', step: 1, because: { kind: 'roster', ...(parsed.roster ? { sheet: parsed.roster.table.sheet } : {}) } };
}

/** Within a procedure given, the step its sheets point at: the head's marks, its removal count, a vote count for its conference's step, else the first step. */
function inferStep(snapshot: WorkbookSnapshot, procedure: ProcedureId, parsed: ParsedWorkbook): { step: number; because: InferenceReason } {
  const marked = markedShortlist(snapshot, parsed.owned);
  if (marked && marked.procedure === procedure) return { step: marked.step, because: { kind: 'head-marks', sheet: marked.sheet, cell: marked.cell } };
  if (procedure === 'annual-local') {
    const removal = removalReason(snapshot, parsed);
    if (removal) return { step: 1, because: removal };
  }
  if (parsed.votes) {
    const leadership = parsed.votes.conferenceKind === 'leadership';
    return { step: leadership ? LEADERSHIP_STEP[procedure] : STAFF_STEP[procedure], because: { kind: leadership ? 'leadership-count' : 'staff-count', sheet: parsed.votes.table.sheet } };
  }
  return { step: 1, because: parsed.roster ? { kind: 'roster', sheet: parsed.roster.table.sheet } : { kind: 'roster' } };
}

function parseAs(snapshot: WorkbookSnapshot, request: ParseRequest, procedure: ProcedureId | undefined, step: number | undefined): ParsedWorkbook {
  const kind = procedure !== undefined && step !== undefined ? findStep(procedure, step)?.kind : undefined;
  return parseWorkbook(snapshot, {
    rosterSheet: request.rosterSheet,
    votesSheet: request.votesSheet,
    candidatesSheet: request.candidatesSheet,
    columns: request.columns,
    voteColumns: request.voteColumns,
    titles: request.titles,
    conferenceKind: procedure === undefined ? undefined : conferenceKind(procedure, step),
    // A vote step reads the roster only to match people: the standards columns are left unread.
    rosterDetail: step !== undefined && kind !== undefined && kind !== 'eligibility' && kind !== 'gap' ? 'identity' : 'full',
  });
}

/**
 * parse: the sheets the request names (else those found by content), the procedure and the step
 * (else inferred from them, `inferred` saying what and why). The workbook is read again once the
 * step is known where the step changes how it is read (which conference, how much of the roster).
 */
export function parseFor(snapshot: WorkbookSnapshot, request: ParseRequest): { parsed: ParsedWorkbook; procedure: ProcedureId; step: number; inferred: Inference } {
  if (request.procedure !== undefined && request.step !== undefined) {
    return { parsed: parseAs(snapshot, request, request.procedure, request.step), procedure: request.procedure, step: request.step, inferred: {} };
  }
  const first = parseAs(snapshot, request, request.procedure, request.step);
  let procedure: ProcedureId;
  let step: number;
  let inferred: Inference;
  if (request.procedure === undefined) {
    const found = inferProcedure(snapshot, first);
    procedure = found.procedure;
    // The step asked for stands (a procedure without it says so: E-STEP-UNKNOWN).
    step = request.step ?? found.step;
    inferred = { procedure, ...(request.step === undefined ? { step } : {}), because: found.because };
  } else {
    procedure = request.procedure;
    const found = inferStep(snapshot, procedure, first);
    step = found.step;
    inferred = { step, because: found.because };
  }
  // Read again only where the step changes the reading: which conference, how much of the roster.
  const detail = (p: ProcedureId | undefined, s: number | undefined) => {
    const kind = p !== undefined && s !== undefined ? findStep(p, s)?.kind : undefined;
    return `${p === undefined ? '' : conferenceKind(p, s) ?? ''}|${kind !== undefined && kind !== 'eligibility' && kind !== 'gap'}`;
  };
  const same = detail(request.procedure, request.step) === detail(procedure, step);
  const parsed = same ? first : parseAs(snapshot, request, procedure, step);
  if (request.procedure === undefined && request.step !== undefined && !same) {
    // The step the user chose changes which conference is read: the reason is told from that reading
    // (the leadership's count for next-term step 3, not the staff's the first reading found).
    const again = inferProcedure(snapshot, parsed);
    if (again.procedure === procedure) inferred = { procedure, because: again.because };
  }
  // A sheet asked for and not found (E-SHEET-NOT-FOUND) leaves no reason to tell: "only a roster" would be untrue.
  if ((request.votesSheet !== undefined && !parsed.votes) || (request.candidatesSheet !== undefined && !parsed.candidates)) delete inferred.because;
  return { parsed, procedure, step, inferred };
}
