import { diagnostic } from './codes';
import type { ConferenceInput, Diagnostic, VoteRow } from './types';

/** Input invariants (RULES.md "Input invariants"): a breach blocks the conference, with the cell named. */

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** convened and present are whole numbers ≥ 0, present ≤ convened; ballots add up where recorded. */
export function checkConference(conference: ConferenceInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { convened, present, ballots } = conference;
  if (!isCount(convened)) out.push(diagnostic('E-COUNT-NOT-WHOLE', { field: 'convened', value: String(convened) }, conference.source?.convened));
  if (!isCount(present)) out.push(diagnostic('E-COUNT-NOT-WHOLE', { field: 'present', value: String(present) }, conference.source?.present));
  if (out.length) return out;
  if (present > convened) out.push(diagnostic('E-PRESENT-GT-CONVENED', { present, convened }, conference.source?.present));
  if (ballots) {
    const at = conference.source?.ballots ?? {};
    for (const field of ['issued', 'returned', 'valid', 'invalid'] as const) {
      const v = ballots[field];
      if (v !== undefined && !isCount(v)) out.push(diagnostic('E-COUNT-NOT-WHOLE', { field: `ballots.${field}`, value: String(v) }, at[field]));
    }
    if (out.length) return out;
    const { issued, returned, valid, invalid } = ballots;
    if (valid !== undefined && invalid !== undefined && returned !== undefined && valid + invalid !== returned) {
      out.push(diagnostic('E-BALLOTS-SUM', { valid, invalid, returned }, at.returned));
    }
    if (returned !== undefined && issued !== undefined && returned > issued) out.push(diagnostic('E-BALLOTS-RETURNED-GT-ISSUED', { returned, issued }, at.returned));
    if (issued !== undefined && issued > present) out.push(diagnostic('E-BALLOTS-ISSUED-GT-PRESENT', { issued, present }, at.issued));
  }
  return out;
}

/**
 * Vote rows: agree is a whole number ≥ 0 and at most the number of people present
 * (ballots returned cannot exceed them); one row per person per title.
 */
export function checkVotes(votes: readonly VoteRow[], present: number, field = 'agree'): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, Map<string, VoteRow>>();
  for (const row of votes) {
    if (!isCount(row.agree)) {
      out.push(diagnostic('E-COUNT-NOT-WHOLE', { field, value: String(row.agree), name: row.name }, row.source));
    } else if (row.agree > present) {
      out.push(diagnostic('E-AGREE-GT-PRESENT', { name: row.name, agree: row.agree, present }, row.source));
    }
    let ofTitle = seen.get(row.title);
    if (!ofTitle) seen.set(row.title, (ofTitle = new Map()));
    const first = ofTitle.get(row.id);
    if (first) {
      out.push(diagnostic('E-DUPLICATE-ROW', { name: row.name, title: row.title, firstSheet: first.source?.sheet ?? '', firstCell: first.source?.cell ?? '' }, row.source));
    } else {
      ofTitle.set(row.id, row);
    }
  }
  return out;
}
