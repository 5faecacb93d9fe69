import { diagnostic } from './codes';
import type { Diagnostic, Finding, HeadDecision, Outcome, TieFinding, TopFinding } from './types';

export interface Candidate {
  id: string;
  name: string;
  agree: number;
  rank: number;
}

export interface Selection {
  outcome: Outcome;
  findings: Finding[];
}

/**
 * TOP: among those who pass, highest agree votes first, select down to the quota.
 * TIE: two or more with equal votes that the quota cannot all take go to the head
 * ("chờ người đứng đầu quyết định"); with mode 'all', every tie among those who pass does.
 * A recorded head decision turns the chosen into `selected`, the rest of the tie into
 * `passed-not-selected`, and stays on the explanation.
 */
export function selectByQuota(
  title: string,
  passers: readonly Candidate[],
  quota: number,
  mode: 'straddle' | 'all',
  decisions: readonly HeadDecision[],
  clause: string,
): { selections: Map<string, Selection>; diagnostics: Diagnostic[] } {
  const selections = new Map<string, Selection>();
  const diagnostics: Diagnostic[] = [];
  const sorted = [...passers].sort((a, b) => b.agree - a.agree);
  const groups: Candidate[][] = [];
  for (const c of sorted) {
    const last = groups[groups.length - 1];
    if (last && last[0].agree === c.agree) last.push(c);
    else groups.push([c]);
  }
  const top = (c: Candidate, within: boolean): TopFinding => ({ rule: 'TOP', clause, quota, rank: c.rank, within });
  const pending = decisions.filter((d) => d.title === title);
  const used = new Set<HeadDecision>();

  // Which ties go to the head does not depend on any decision: find them first, so that a decision naming
  // nobody in a tie can still be matched to it (E-DECISION-NOT-IN-TIE) unless it names somebody in another.
  const toHead = new Set<Candidate[]>();
  for (let i = 0, seats = quota; i < groups.length && seats > 0; seats -= Math.min(seats, groups[i].length), i++) {
    if (groups[i].length > seats || (mode === 'all' && groups[i].length > 1)) toHead.add(groups[i]);
  }
  const namesOtherTie = (d: HeadDecision, group: Candidate[]): boolean =>
    [...toHead].some((g) => g !== group && g.some((c) => d.chosen.includes(c.id)));

  let seatsLeft = quota;
  for (const group of groups) {
    const fits = group.length <= seatsLeft;
    if (seatsLeft <= 0) {
      for (const c of group) selections.set(c.id, { outcome: 'passed-not-selected', findings: [top(c, false)] });
      continue;
    }
    if (fits && (mode === 'straddle' || group.length === 1)) {
      for (const c of group) selections.set(c.id, { outcome: 'selected', findings: [top(c, true)] });
      seatsLeft -= group.length;
      continue;
    }
    // A tie for the last seats (or, in mode 'all', any tie): the head decides.
    const seats = Math.min(seatsLeft, group.length);
    seatsLeft -= seats;
    const ids = group.map((c) => c.id);
    const decision =
      pending.find((d) => d.chosen.some((id) => ids.includes(id))) ??
      pending.find((d) => !used.has(d) && !namesOtherTie(d, group));
    const tie = (): TieFinding => ({ rule: 'TIE', clause, votes: group[0].agree, tiedWith: ids, seats });
    if (!decision) {
      for (const c of group) selections.set(c.id, { outcome: 'awaiting-head', findings: [top(c, false), tie()] });
      continue;
    }
    used.add(decision);
    const outsiders = decision.chosen.filter((id) => !ids.includes(id));
    if (outsiders.length) {
      diagnostics.push(diagnostic('E-DECISION-NOT-IN-TIE', { title, chosen: outsiders, tied: group.map((c) => c.name) }, decision.source));
    } else if (decision.chosen.length > seats) {
      diagnostics.push(diagnostic('E-DECISION-TOO-MANY', { title, chosen: decision.chosen.length, seats }, decision.source));
    } else if (decision.chosen.length < seats) {
      diagnostics.push(diagnostic('W-DECISION-FEWER', { title, chosen: decision.chosen.length, seats }, decision.source));
    }
    const record = { by: decision.by, on: decision.on, chosen: [...decision.chosen] };
    for (const c of group) {
      const chosen = decision.chosen.includes(c.id);
      selections.set(c.id, {
        outcome: chosen ? 'selected' : 'passed-not-selected',
        findings: [top(c, chosen), { ...tie(), decision: record }],
      });
    }
  }
  for (const d of pending) {
    if (!used.has(d)) diagnostics.push(diagnostic('E-DECISION-NO-TIE', { title, chosen: d.chosen }, d.source));
  }
  return { selections, diagnostics };
}
