import { findStep, nameKey, type ConferenceInput, type Diagnostic, type HeadDecision, type IsoDate, type ProcedureId, type StepInput, type VoteRow } from '../../rules';
import type { VoteLine } from './votes';
import { workbookDiagnostic } from '../codes';
import { matcher } from './matching';
import type { ParsedWorkbook } from './parse';

/**
 * From what the workbook holds (and what the user said) to one step's input: the lists the step
 * needs, the conference's numbers, each vote row matched to one person (matching.ts).
 */

export interface Overrides {
  convened?: number;
  present?: number;
  /** One quota for every title, or per title. */
  quota?: number | Record<string, number>;
  termStart?: IsoDate;
  decisions?: HeadDecision[];
}

export interface BuiltInput {
  input: StepInput;
  diagnostics: Diagnostic[];
  /** The post a vote sheet writes after a person's name ("(Phó phòng)"), by person id: for display. */
  posts: Map<string, string>;
}

export function buildStepInput(parsed: ParsedWorkbook, procedure: ProcedureId, step: number, overrides: Overrides = {}): BuiltInput {
  const diagnostics: Diagnostic[] = [];
  const input: StepInput = {};
  const posts = new Map<string, string>();
  const def = findStep(procedure, step);
  const roster = parsed.roster?.people;
  if (roster) input.roster = roster;
  const termStart = overrides.termStart ?? parsed.termStart;
  if (termStart) input.termStart = termStart;
  if (overrides.decisions) input.decisions = overrides.decisions;
  if (overrides.quota !== undefined) {
    const titles = new Set<string>([...(roster ?? []).flatMap((p) => p.titles), ...(parsed.votes?.lines ?? []).map((l) => l.title), ...(parsed.candidates?.people ?? []).flatMap((p) => p.titles)]);
    input.quota = typeof overrides.quota === 'number' ? Object.fromEntries([...titles].map((t) => [t, overrides.quota as number])) : overrides.quota;
  }
  if (parsed.candidates) {
    input.candidates = parsed.candidates.people;
    input.consultations = parsed.candidates.consultations;
    input.approval = parsed.candidates.approval;
  }

  // A desk step needs its list: the roster (I.1, II.2(1)) or the external candidates (II.2(3)).
  if (def && (def.kind === 'eligibility' || def.kind === 'gap') && !roster) diagnostics.push(workbookDiagnostic('E-SHEET-NOT-FOUND', { kind: 'roster' }));
  if (def && def.kind === 'consultation' && !parsed.candidates) diagnostics.push(workbookDiagnostic('E-SHEET-NOT-FOUND', { kind: 'candidates' }));

  // Conference numbers: from the vote sheet, or (II.2(2), no vote) from the external list's sheet.
  // A number typed in comes from the form or the command line, not from the sheet's cell: a message about it names no cell.
  const conference: Partial<ConferenceInput> = { ...(parsed.votes?.conference ?? parsed.candidates?.conference ?? {}) };
  for (const field of ['convened', 'present'] as const) {
    const given = overrides[field];
    if (given === undefined) continue;
    conference[field] = given;
    if (conference.source?.[field]) conference.source = { ...conference.source, [field]: undefined };
  }
  if (conference.convened !== undefined && conference.present !== undefined) input.conference = conference as ConferenceInput;

  const voting = def && ['nomination', 'removal-nomination', 'leadership'].includes(def.kind);
  if (voting) {
    const votes = parsed.votes;
    if (!votes) {
      diagnostics.push(workbookDiagnostic('E-SHEET-NOT-FOUND', { kind: 'votes' }));
      return { input, diagnostics, posts };
    }
    // A removal count alone serves only the step that removes (II.1(1)).
    if (def.kind !== 'removal-nomination' && !votes.hasAgree) diagnostics.push(workbookDiagnostic('E-NO-VOTE-COLUMN', { sheet: votes.table.sheet }, { sheet: votes.table.sheet }));
    const people = [...(roster ?? []), ...(procedure === 'annual-external' ? parsed.candidates?.people ?? [] : [])];
    const match = matcher(people);
    const matchable = people.length > 0;
    if (!matchable) diagnostics.push(workbookDiagnostic('W-NO-ROSTER', { sheet: votes.table.sheet }));
    const nominations: VoteRow[] = [];
    const removals: VoteRow[] = [];
    for (const line of votes.lines) {
      // Without a roster a person is who the sheet says: name and birth date (so a repeated row is still caught).
      let id = `${nameKey(line.name)}|${line.birth ?? ''}`;
      let birth = line.birth;
      let gender = line.gender;
      if (matchable) {
        const m = match(line);
        if (m.diagnostic) diagnostics.push(m.diagnostic);
        if (!m.person) continue;
        id = m.person.id;
        birth = birth ?? m.person.birth;
        gender = gender ?? m.person.gender;
      }
      if (line.suffix) posts.set(id, line.suffix);
      const row = (agree: number, source: VoteRow['source']): VoteRow => {
        const v: VoteRow = { id, name: line.name, title: line.title, agree, source };
        if (birth) v.birth = birth;
        if (gender) v.gender = gender;
        return v;
      };
      if (line.agree !== undefined) nominations.push(row(line.agree, line.agreeCell));
      if (line.removeAgree !== undefined && def.kind === 'removal-nomination') removals.push(row(line.removeAgree, line.removeCell));
    }
    input.votes = nominations;
    if (def.kind === 'removal-nomination') input.removals = removals;
    diagnostics.push(...baseChecks(votes.lines, input.conference), ...leftUnused(parsed, procedure, step));
  } else diagnostics.push(...leftUnused(parsed, procedure, step));
  return { input, diagnostics, posts };
}

/** A count written "7/20": its base must be those present (the base a person counting wrote down). */
function baseChecks(lines: readonly VoteLine[], conference: ConferenceInput | undefined): Diagnostic[] {
  if (!conference) return [];
  const out: Diagnostic[] = [];
  const presentCell = conference.source?.present?.cell ?? '';
  for (const l of lines)
    for (const [votes, of, at] of [
      [l.agree, l.agreeOf, l.agreeCell],
      [l.removeAgree, l.removeOf, l.removeCell],
    ] as const) {
      if (of !== undefined && votes !== undefined && of !== conference.present) out.push(workbookDiagnostic('E-VOTE-BASE-MISMATCH', { name: l.name, votes, of, present: conference.present, presentCell }, at));
    }
  return out;
}

/**
 * What the workbook holds for another procedure or step, left unused by this one, is said (never
 * dropped in silence): removal votes outside II.1 step 1, external candidates outside II.2.
 */
function leftUnused(parsed: ParsedWorkbook, procedure: ProcedureId, step: number): Diagnostic[] {
  const def = findStep(procedure, step);
  if (!def) return [];
  const out: Diagnostic[] = [];
  const votes = parsed.votes;
  const removal = votes && def.kind !== 'removal-nomination' ? votes.lines.find((l) => l.removeAgree !== undefined) : undefined;
  if (votes && removal) {
    const column = removal.removeCell?.cell?.replace(/\d+$/, '') ?? '';
    out.push(workbookDiagnostic('W-LEFT-UNUSED', { what: 'removal-column', sheet: votes.table.sheet, column, procedure, step }, { sheet: votes.table.sheet, cell: column ? `${column}${votes.table.headerTop}` : undefined }));
  }
  if (parsed.candidates && procedure !== 'annual-external') {
    out.push(workbookDiagnostic('W-LEFT-UNUSED', { what: 'candidates-sheet', sheet: parsed.candidates.table.sheet, procedure, step }, { sheet: parsed.candidates.table.sheet }));
  }
  return out;
}
