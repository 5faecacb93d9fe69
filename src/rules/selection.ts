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

  // First the plan, which depends on no decision: each group of equal votes is within the quota,
  // beyond it, or a tie for `seats` places that goes to the head.
  type Place = { group: Candidate[]; kind: 'within' | 'beyond' | 'tie'; seats: number };
  const plan: Place[] = [];
  let seatsLeft = quota;
  for (const group of groups) {
    if (seatsLeft <= 0) {
      plan.push({ group, kind: 'beyond', seats: 0 });
    } else if (group.length <= seatsLeft && (mode === 'straddle' || group.length === 1)) {
      plan.push({ group, kind: 'within', seats: group.length });
      seatsLeft -= group.length;
    } else {
      // A tie for the last places (or, in mode 'all', any tie): the head decides.
      const seats = Math.min(seatsLeft, group.length);
      plan.push({ group, kind: 'tie', seats });
      seatsLeft -= seats;
    }
  }

  // Then the decisions: each belongs to the tie that holds someone it chooses; one that names nobody
  // in any tie is taken for the first undecided tie, and reported as choosing outside it.
  const ties = plan.filter((p) => p.kind === 'tie');
  const decisionOf = new Map<Place, HeadDecision>();
  const strays: HeadDecision[] = [];
  for (const d of decisions.filter((x) => x.title === title)) {
    const tie = ties.find((t) => !decisionOf.has(t) && t.group.some((c) => d.chosen.includes(c.id)));
    if (tie) decisionOf.set(tie, d);
    else strays.push(d);
  }
  for (const d of strays) {
    const tie = ties.find((t) => !decisionOf.has(t));
    if (tie) decisionOf.set(tie, d);
    else diagnostics.push(diagnostic('E-DECISION-NO-TIE', { title, chosen: d.chosen }, d.source));
  }

  for (const place of plan) {
    const { group, seats } = place;
    if (place.kind !== 'tie') {
      const within = place.kind === 'within';
      for (const c of group) selections.set(c.id, { outcome: within ? 'selected' : 'passed-not-selected', findings: [top(c, within)] });
      continue;
    }
    const ids = group.map((c) => c.id);
    const tie: TieFinding = { rule: 'TIE', clause, votes: group[0].agree, tiedWith: ids, seats };
    const decision = decisionOf.get(place);
    if (!decision) {
      for (const c of group) selections.set(c.id, { outcome: 'awaiting-head', findings: [top(c, false), tie] });
      continue;
    }
    const outsiders = decision.chosen.filter((id) => !ids.includes(id));
    if (outsiders.length) {
      diagnostics.push(diagnostic('E-DECISION-NOT-IN-TIE', { title, chosen: outsiders, tied: group.map((c) => c.name) }, decision.source));
    } else if (decision.chosen.length > seats) {
      diagnostics.push(diagnostic('E-DECISION-TOO-MANY', { title, chosen: decision.chosen.length, seats }, decision.source));
    } else if (decision.chosen.length < seats) {
      diagnostics.push(diagnostic('W-DECISION-FEWER', { title, chosen: decision.chosen.length, seats }, decision.source));
    }
    const decided: TieFinding = { ...tie, decision: { by: decision.by, on: decision.on, chosen: [...decision.chosen] } };
    for (const c of group) {
      const chosen = decision.chosen.includes(c.id);
      selections.set(c.id, { outcome: chosen ? 'selected' : 'passed-not-selected', findings: [top(c, chosen), decided] });
    }
  }
  return { selections, diagnostics };
}
