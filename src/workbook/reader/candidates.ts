import type { ConferenceInput, ConsultFacts, IsoDate, RosterPerson } from '../../rules';
import { conferenceNumbers, pageTexts } from './counts-text';
import { readPeople, splitTitles, warnBad, type Reader } from './people';
import type { SheetView } from './sheet-view';
import type { FoundTable } from './table';
import { fold, hasPhrase, tidyText } from './text';
import { readFullDate, readYesNo } from './values';

/** External candidates (II.2): the people, the consultation facts (CONSULT), the approval above the list. */

export interface ParsedCandidates {
  /** The first table read, and every table read from the sheet. */
  table: FoundTable;
  tables: FoundTable[];
  people: RosterPerson[];
  consultations: ConsultFacts[];
  approval: { date?: IsoDate; minutesRef?: string };
  /** Conference numbers written around the list (II.2(2), the leadership's first meeting). */
  conference: Partial<ConferenceInput>;
}

export function readCandidates(r: Reader, view: SheetView, tables: FoundTable[]): ParsedCandidates {
  const consultations: ConsultFacts[] = [];
  const table = tables[0];
  const people = tables.flatMap((t) => readPeople(r, t, 'full', (c, line, person) => {
    const date = (key: string): IsoDate | true | undefined => {
      const cell = c[key];
      if (!cell) return undefined;
      const d = readFullDate(cell.value);
      if (d.ok) return d.value;
      // A mark instead of a date ("x", "Đã nhận") still records the fact.
      const mark = readYesNo(cell.value);
      if (mark.ok) return mark.value ? true : undefined;
      return warnBad(r, d, 'W-BAD-DATE', cell, line.row, person.name);
    };
    const title = c.title ? tidyText(c.title.value, c.title.font) : '';
    if (title && person.titles.length === 0) person.titles = splitTitles(title);
    const facts: ConsultFacts = { id: person.id, name: person.name, source: person.source };
    if (title) facts.title = title;
    if (c.agency) facts.currentAgency = tidyText(c.agency.value, c.agency.font) || undefined;
    for (const key of ['metOn', 'letterSentOn', 'opinionReceivedOn', 'dossierReceivedOn'] as const) {
      const d = date(key);
      if (d) facts[key] = d;
    }
    if (c.opinionAgrees) {
      const agrees = warnBad(r, readYesNo(c.opinionAgrees.value), 'W-BAD-MARK', c.opinionAgrees, line.row, person.name);
      if (agrees !== undefined) facts.opinionAgrees = agrees;
    }
    consultations.push(facts);
  }));
  const approval: { date?: IsoDate; minutesRef?: string } = {};
  for (const { row, col, text } of pageTexts(view, table)) {
    const folded = fold(text);
    if (!approval.date && (hasPhrase(folded, 'thong qua') || hasPhrase(folded, 'phe duyet'))) {
      const m = /(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})/.exec(text);
      const d = m ? readFullDate(m[1]) : readFullDate(view.value(row, col + 1));
      if (d.ok) approval.date = d.value;
    }
    if (!approval.minutesRef && hasPhrase(folded, 'bien ban')) {
      const m = /biên bản\s*(?:số)?\s*[:：]?\s*(\S.*)$/iu.exec(text.normalize('NFC'));
      if (m) approval.minutesRef = m[1].trim();
    }
  }
  return { table, tables, people, consultations, approval, conference: conferenceNumbers(view, [table], r.diagnostics) };
}
