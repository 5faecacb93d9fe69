/** Small builders shared by the rules tests (not a test file itself). */
import type { Diagnostic, Finding, PersonResult, StepResult, ThresholdFinding, TieFinding, TopFinding, VoteRow } from '../../src/rules';

export const TITLE = 'Trưởng phòng';
export const DEPUTY = 'Phó Trưởng phòng';

/** Vote rows for one title from [id, agree] pairs; the name is derived from the id. */
export function votes(pairs: readonly (readonly [string, number])[], title = TITLE): VoteRow[] {
  return pairs.map(([id, agree]) => ({ id, name: `Nguyễn Văn ${id.toUpperCase()}`, title, agree }));
}

export function person(result: StepResult, id: string, title?: string): PersonResult {
  const found = result.people.find((p) => p.id === id && (title === undefined || p.title === title));
  if (!found) throw new Error(`no result for ${id}${title ? ` / ${title}` : ''} in ${JSON.stringify(result.people.map((p) => p.id))}`);
  return found;
}

export function outcomes(result: StepResult): Record<string, string> {
  return Object.fromEntries(result.people.map((p) => [p.id, p.outcome]));
}

export function codes(result: { diagnostics: Diagnostic[] }): string[] {
  return result.diagnostics.map((d) => d.code);
}

export function only(result: { diagnostics: Diagnostic[] }, code: string): Diagnostic {
  const found = result.diagnostics.filter((d) => d.code === code);
  if (found.length !== 1) throw new Error(`expected one ${code}, got ${JSON.stringify(result.diagnostics)}`);
  return found[0];
}

export const isThreshold = (f: Finding): f is ThresholdFinding => ['N30', 'RM50', 'L50', 'L50C'].includes(f.rule);
export const isTop = (f: Finding): f is TopFinding => f.rule === 'TOP';
export const isTie = (f: Finding): f is TieFinding => f.rule === 'TIE';

export function thresholdOf(p: PersonResult): ThresholdFinding {
  const f = p.explanation.find(isThreshold);
  if (!f) throw new Error(`no threshold finding for ${p.id}`);
  return f;
}

export function tieOf(p: PersonResult): TieFinding | undefined {
  return p.explanation.find(isTie);
}
