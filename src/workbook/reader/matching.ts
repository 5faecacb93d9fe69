import { nameKey, type Diagnostic, type PartialDate, type RosterPerson } from '../../rules';
import { workbookDiagnostic } from '../codes';
import type { VoteLine } from './votes';

/**
 * Matching a vote row to one roster row — by code, else by name and birth date, else by name when
 * unique; no match or two matches is an error naming the cell.
 */

/** Two birth dates agree as far as both are known ('1966' agrees with '1966-02-15'). */
function sameBirth(a: PartialDate, b: PartialDate): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) === b.slice(0, n);
}

export type Matcher = (line: VoteLine) => { person?: RosterPerson; diagnostic?: Diagnostic };

/** Matches vote rows to people: by code, else by name (and birth date where two share a name). */
export function matcher(people: readonly RosterPerson[]): Matcher {
  // One person per key mostly: a list only where a key is shared.
  const byName = new Map<string, RosterPerson | RosterPerson[]>();
  const byCode = new Map<string, RosterPerson | RosterPerson[]>();
  const add = (map: Map<string, RosterPerson | RosterPerson[]>, key: string, p: RosterPerson) => {
    const known = map.get(key);
    if (known === undefined) map.set(key, p);
    else if (Array.isArray(known)) known.push(p);
    else map.set(key, [known, p]);
  };
  const all = (known: RosterPerson | RosterPerson[] | undefined): RosterPerson[] => (known === undefined ? [] : Array.isArray(known) ? known : [known]);
  for (const p of people) {
    add(byName, nameKey(p.name), p);
    if (p.code) add(byCode, p.code, p);
  }
  return (line) => {
    const coded = line.code ? byCode.get(line.code) : undefined;
    if (coded !== undefined && !Array.isArray(coded)) return { person: coded };
    let found = all(byName.get(nameKey(line.name)));
    if (line.birth) found = found.filter((p) => !p.birth || sameBirth(p.birth, line.birth as PartialDate));
    if (found.length === 1) return { person: found[0] };
    if (found.length === 0) return { diagnostic: workbookDiagnostic('E-NO-MATCH', { name: line.name, birth: line.birth ?? '' }, line.nameCell) };
    return { diagnostic: workbookDiagnostic('E-AMBIGUOUS-MATCH', { name: line.name, cells: found.map((p) => `${p.source?.sheet}!${p.source?.cell}`) }, line.nameCell) };
  };
}
