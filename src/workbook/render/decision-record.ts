import { formatDate, messages, stepTitle, type Lang } from '../../i18n';
import type { PersonResult, RosterPerson, StepResult, TieFinding } from '../../rules';
import { OWNED_SHEET_PREFIX, type CreatedSheet, type PlanCell } from '../plan';
import { documentRows } from './document';
import { printedSheet } from './printed-sheet';
import { birthText } from './shortlist';

/**
 * render (the head's decision record, "QĐ … B<n>"): TIE (I.3, II.1(2), II.2(4)) — "giao cho người
 * đứng đầu xem xét, quyết định lựa chọn nhân sự". A record of its own beside the count, in
 * administrative form (Nghị định 30/2020): the unit and the motto, the place and the date of the
 * decision, the grounds (the procedure's clause, the minutes of the count), per title the people
 * the count left tied at the quota line with their votes, and whom the head chose; the head's name
 * and the date; the head's signature; the data check code of the count it decides on.
 *
 * Made whenever the count leaves a tie to the head: while the decision is awaited it is a form to
 * decide and sign on paper (the decision column blank, dots for the name and the date); once the head's
 * decision is recorded (on the shortlist, read back by reader/decisions.ts) it states it. The count
 * itself — the minutes, the count's outcomes — is never rewritten by it.
 */

/** STT, name, birth, votes, decision: the 85 characters of A4 portrait within the margins, as the minutes. */
const WIDTHS = [6, 28, 12, 10, 29];
/** Columns A:B carry the unit, C:E the national motto and the head's signature. */
const LEFT = 2;
const SIZE = 13;

const isTie = (f: PersonResult['explanation'][number]): f is TieFinding => f.rule === 'TIE';

/** The defined name that marks a step's decision record as the add-in's. */
export function decisionRecordName(procedure: string, step: number): string {
  return `${OWNED_SHEET_PREFIX}QuyetDinh_${procedure.replace(/-/g, '_')}_${step}`;
}

/**
 * The record of the step, from the count's own result (`count`, the ties in its order) and the result
 * with the head's decisions (`decided`); undefined when the count leaves nothing to the head, unless
 * `replacing` an earlier record (then it says there is nothing to decide now).
 */
export function renderDecisionRecord(
  count: StepResult,
  decided: StepResult,
  lang: Lang,
  people: ReadonlyMap<string, RosterPerson>,
  facts: { unit?: string; fingerprint: string; names: (id: string) => string },
  replacing = false,
): CreatedSheet | undefined {
  const ties: { title: string; tie: TieFinding; members: PersonResult[] }[] = [];
  for (const p of count.people) {
    const tie = p.explanation.find(isTie);
    if (!tie) continue;
    const title = p.title ?? '';
    const known = ties.find((x) => x.title === title && x.tie.votes === tie.votes);
    if (known) known.members.push(p);
    else ties.push({ title, tie, members: [p] });
  }
  if (count.blocked || (!ties.length && !replacing)) return undefined;
  const m = messages(lang);
  const t = m.decisionRecord;
  const decisionOf = (id: string) => decided.people.find((p) => p.id === id)?.explanation.find(isTie)?.decision;
  const decisions = ties.map(({ members }) => members.map((p) => decisionOf(p.id)).find(Boolean));
  const all = decisions.every(Boolean) && ties.length > 0;
  const first = decisions.find(Boolean);
  // The name under the signature: the head's, when one head decided every tie.
  const signer = all && decisions.every((d) => d?.by === first?.by) ? first?.by : undefined;

  const doc = documentRows(WIDTHS, LEFT, SIZE);
  const { rows, keep, line, paragraph, blankRow } = doc;
  doc.letterhead(facts.unit, lang);
  doc.pair({ value: null }, { value: t.place(first?.on), italic: true });
  blankRow();
  line({ value: t.title, bold: true, size: 14, align: 'center' });
  line({ value: t.subtitle, bold: true, align: 'center' });
  const step = stepTitle(count.procedure, count.step, lang);
  if (step) line({ value: `${step.procedure}\n${step.step}`, italic: true, align: 'center' });
  blankRow();

  if (!ties.length) {
    paragraph(t.none);
  } else {
    for (const text of t.basis({ clause: ties[0].tie.clause, minutes: m.minutes.sheet(count.procedure, count.step) })) paragraph(text);
    paragraph(t.intro(all), { bold: true });
    const intro = rows.length;
    doc.tableRow(t.columns.map((label) => ({ value: label, bold: true, border: true, wrap: true, fill: 'DDEBF7', align: 'center' })));
    ties.forEach(({ title, tie, members }, k) => {
      const titleRow = rows.length + 1;
      line({ value: t.tie({ index: k + 1, title, count: members.length, votes: tie.votes, seats: tie.seats }), bold: true, align: 'left', border: true });
      keep.push({ from: k === 0 ? intro : titleRow, to: titleRow + members.length });
      const decision = decisions[k];
      members.forEach((p, i) => {
        const choice: PlanCell['value'] = decision ? (decision.chosen.includes(p.id) ? t.chosen : t.notChosen) : null;
        doc.tableRow([
          { value: i + 1, border: true, align: 'center' },
          { value: p.name, border: true, align: 'left' },
          { value: birthText(people.get(p.id)?.birth), border: true, align: 'center' },
          { value: p.agree ?? null, border: true, align: 'center' },
          { value: choice, border: true, align: 'center', ...(choice === t.chosen ? { bold: true } : {}) },
        ]);
      });
      // Who decided this tie, and when (dots while awaited).
      paragraph(t.decidedBy(decision?.by, decision && formatDate(decision.on, lang)));
      keep.push({ from: rows.length - 1, to: rows.length });
    });
    blankRow();
    const signFrom = rows.length;
    doc.signatures(undefined, { title: t.signer, sign: t.sign, name: signer });
    keep.push({ from: signFrom - 1, to: rows.length });
  }
  if (facts.fingerprint) {
    blankRow();
    line({ value: t.fingerprint(facts.fingerprint), italic: true, size: 10, align: 'left' });
  }

  return printedSheet({
    name: t.sheet(count.procedure, count.step),
    definedName: decisionRecordName(count.procedure, count.step),
    lang,
    rows,
    widths: WIDTHS,
    orientation: 'portrait',
    merges: doc.merges,
    heights: doc.heights,
    keep,
    size: SIZE,
  });
}
