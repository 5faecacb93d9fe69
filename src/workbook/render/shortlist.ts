import { cellDate, formatDate, messages, profileUsed, stepTitle, type Lang } from '../../i18n';
import type { PersonResult, RosterPerson, RuleProfile, StepResult, TieFinding, TopFinding } from '../../rules';
import { a1 } from '../address';
import { OWNED_SHEET_PREFIX, type CreatedSheet, type PlanCell } from '../plan';
import { printedSheet } from './printed-sheet';
import { EMPTY_CELL, resultCells } from './result-cells';

/**
 * render (shortlist sheet): one sheet per conference, per title the people ranked — rank, name,
 * birth date, gender, current post, votes, percent, outcome — with the quota line drawn. A step
 * whose counts are not announced (ANNOUNCE) is headed "KHÔNG CÔNG BỐ TẠI HỘI NGHỊ", never as an
 * announcement. Laid out for A4 after Nghị định 30/2020 (margins 20/20/30/15 mm, Times New Roman).
 */

/**
 * Landscape: rank, name, birth, gender, post, votes, percent and outcome print at full size across
 * A4's 252 mm (the outcome column holds "Chờ người đứng đầu quyết định" on one line); in portrait
 * the list would shrink to about two thirds.
 */
const WIDTHS = [7, 26, 12, 8, 24, 8, 10, 32];
/** The head's decision column (TIE), only on a list with a tie at the quota line. */
const DECISION_WIDTH = 14;
export const SHORTLIST_HEADER_ROW = 5;
/** Where the decision line puts the head's name and the date (columns of the merged cells' first cell). */
export const DECIDED_BY_COL = 3;
export const DECIDED_ON_COL = 8;

const isTop = (f: PersonResult['explanation'][number]): f is TopFinding => f.rule === 'TOP';
const isTie = (f: PersonResult['explanation'][number]): f is TieFinding => f.rule === 'TIE';

/** The defined name that marks a step's shortlist sheet as the add-in's. */
export function shortlistName(procedure: string, step: number): string {
  return `${OWNED_SHEET_PREFIX}${procedure.replace(/-/g, '_')}_${step}`;
}

/** A birth date as people write it: dd/mm/yyyy, mm/yyyy or the year (the column, in every language; read back by reader/decisions.ts). */
export const birthText = cellDate;

export function renderShortlist(
  result: StepResult,
  lang: Lang,
  people: ReadonlyMap<string, RosterPerson>,
  names: (id: string) => string,
  profile?: RuleProfile,
): CreatedSheet | undefined {
  const conference = result.conference;
  if (result.blocked || !conference || result.people.length === 0) return undefined;
  const m = messages(lang);
  const sheetName = m.sheets.shortlist(result.procedure, result.step);
  // TIE: a list with a tie at the quota line gets the head's decision column, prefilled with a recorded decision.
  const deciding = result.people.some((p) => p.explanation.some(isTie));
  const widths = deciding ? [...WIDTHS, DECISION_WIDTH] : WIDTHS;
  const width = widths.length;
  const merges: string[] = [];
  /** Rows printed on one page: a title with its first two people, the quota line with the row above, the head's lines. */
  const keep: { from: number; to: number }[] = [];
  const rows: PlanCell[][] = [];
  const full = (cell: PlanCell): PlanCell[] => {
    merges.push(`${a1(rows.length + 1, 1)}:${a1(rows.length + 1, width)}`);
    return [cell, ...Array.from({ length: width - 1 }, () => ({ value: null }))];
  };
  // The explanations are the result columns' notes; the printed list carries the words only.
  const cells = resultCells(lang, names, true);
  const markCell = (value: string | null): PlanCell => ({ value, border: true, align: 'center', unlocked: true });
  // Genders, posts, birth years and vote counts repeat down a list: one cell each.
  const sharedCells = { left: new Map<string | number, PlanCell>(), center: new Map<string | number, PlanCell>() };
  const shared = (value: string | number, align: 'left' | 'center'): PlanCell => {
    let cell = sharedCells[align].get(value);
    // Text on the left (posts) wraps in its column; the page layout makes the row as tall as it needs.
    if (!cell) sharedCells[align].set(value, (cell = { value, border: true, align, ...(align === 'left' ? { wrap: true } : {}) }));
    return cell;
  };
  const centred = (value: string | number) => shared(value, 'center');
  const step = stepTitle(result.procedure, result.step, lang);

  rows.push(full({ value: conference.announced ? m.sheets.announced : m.sheets.notAnnounced, bold: true, size: 14, align: 'center' }));
  rows.push(full({ value: step ? `${step.procedure} — ${step.step}` : '', italic: true, align: 'center', wrap: true }));
  rows.push(full({ value: m.sheets.conference(conference), align: 'left' }));
  rows.push(full({ value: conference.announced ? null : m.sheets.notAnnouncedNote, italic: true, align: 'left' }));
  const labels = deciding ? [...m.sheets.columns, m.sheets.decisionColumn] : m.sheets.columns;
  rows.push(labels.map((label) => ({ value: label, bold: true, border: true, wrap: true, fill: 'DDEBF7' })));

  const byTitle = new Map<string, PersonResult[]>();
  for (const p of result.people) {
    const list = byTitle.get(p.title ?? '');
    if (list) list.push(p);
    else byTitle.set(p.title ?? '', [p]);
  }
  const births = new Map<string, string>();
  for (const [title, list] of byTitle) {
    let quota: number | undefined;
    for (const p of list) quota ??= p.explanation.find(isTop)?.quota;
    keep.push({ from: rows.length + 1, to: rows.length + 1 + Math.min(2, list.length) });
    rows.push(full({ value: m.sheets.title(title, quota), bold: true, align: 'left', border: true }));
    // The quota line falls after the last person within the quota (selected or awaiting the head).
    let lastWithin = -1;
    if (quota) for (let i = list.length - 1; i >= 0 && lastWithin < 0; i--) if (list[i].outcome === 'selected' || list[i].outcome === 'awaiting-head') lastWithin = i;
    let decision: TieFinding['decision'] | undefined;
    let tied = false;
    for (let i = 0; i < list.length; i++) {
      const p = list[i];
      const tie = p.explanation.find(isTie);
      tied ||= tie !== undefined;
      decision ??= tie?.decision;
      const person = people.get(p.id);
      const birth = person?.birth ?? '';
      let born = births.get(birth);
      if (born === undefined) births.set(birth, (born = birthText(birth)));
      rows.push([
        cells.rank(p),
        { value: p.name, border: true, wrap: true, align: 'left' },
        centred(born),
        centred(person?.gender ? m.sheets.genders[person.gender] : ''),
        shared(person?.post ?? '', 'left'),
        p.agree === undefined ? EMPTY_CELL : centred(p.agree),
        cells.percent(p),
        cells.outcome(p),
        ...(deciding ? [tie ? markCell(tie.decision?.chosen.includes(p.id) ? m.sheets.chosenMark : null) : EMPTY_CELL] : []),
      ]);
      if (i === lastWithin && quota) {
        keep.push({ from: rows.length, to: rows.length + 1 });
        rows.push(full({ value: m.sheets.quotaLine(quota), italic: true, align: 'center' }));
      }
    }
    if (tied) {
      // The head's name and the date go on a line of their own, under the title's list (read back by reader/decisions.ts);
      // above it, what to do while the decision is awaited, and what the head decided once recorded.
      keep.push({ from: rows.length + 1, to: rows.length + 2 });
      const said = decision
        ? m.sheets.decided({ by: decision.by, on: formatDate(decision.on, lang), chosen: decision.chosen.map(names), record: m.decisionRecord.sheet(result.procedure, result.step) })
        : m.sheets.decisionHint;
      rows.push(full({ value: said, italic: true, align: 'left', wrap: true }));
      const line: PlanCell[] = Array.from({ length: width }, () => ({ value: null }));
      const r = rows.length + 1;
      line[0] = { value: m.sheets.decidedBy, bold: true, align: 'left' };
      line[DECIDED_BY_COL - 1] = { value: decision?.by ?? null, unlocked: true, border: true, align: 'left' };
      line[DECIDED_ON_COL - 3] = { value: m.sheets.decidedOn, bold: true, align: 'right' }; // columns F:G
      line[DECIDED_ON_COL - 1] = { value: decision ? cellDate(decision.on) : null, unlocked: true, border: true, align: 'center' };
      merges.push(
        `${a1(r, 1)}:${a1(r, DECIDED_BY_COL - 1)}`,
        `${a1(r, DECIDED_BY_COL)}:${a1(r, DECIDED_ON_COL - 3)}`,
        `${a1(r, DECIDED_ON_COL - 2)}:${a1(r, DECIDED_ON_COL - 1)}`,
        `${a1(r, DECIDED_ON_COL)}:${a1(r, width)}`,
      );
      rows.push(line);
    }
  }
  // The rule profile the list was reached under (and how it differs from Phụ lục 12), under the list.
  if (profile) rows.push(full({ value: profileUsed(profile, lang, true).text, italic: true, align: 'left', wrap: true }));
  return printedSheet({
    name: sheetName,
    definedName: shortlistName(result.procedure, result.step),
    lang,
    rows,
    widths,
    orientation: 'landscape',
    merges,
    keep,
    headerRow: SHORTLIST_HEADER_ROW,
    // ANNOUNCE: every page of a count not announced says so, not only the first.
    ...(conference.announced ? {} : { header: m.sheets.notAnnounced }),
  });
}
