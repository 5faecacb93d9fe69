import { messages, procedureOutline, type Lang } from '../i18n';
import type { PersonResult, RosterPerson, StepResult, TopFinding } from '../rules';
import { a1, rangeA1 } from './address';
import { OWNED_SHEET_PREFIX, type PlanCell, type PlanSheet, type WriteBlock } from './plan';
import { EMPTY_CELL, resultCells } from './result-cells';

/**
 * render (shortlist sheet): one sheet per conference, per title the people ranked — rank, name,
 * birth date, gender, current post, votes, percent, outcome — with the quota line drawn. A step
 * whose counts are not announced (ANNOUNCE) is headed "KHÔNG CÔNG BỐ TẠI HỘI NGHỊ", never as an
 * announcement. Laid out for A4 after Nghị định 30/2020 (margins 20/20/30/15 mm, Times New Roman).
 */

/** Nghị định 30/2020/NĐ-CP, Phụ lục I: page margins in millimetres. */
export const A4_MARGINS = { top: 20, bottom: 20, left: 30, right: 15 };
const WIDTHS = [9, 26, 12, 9, 22, 9, 11, 28];
const HEADER_ROW = 5;

const isTop = (f: PersonResult['explanation'][number]): f is TopFinding => f.rule === 'TOP';

/** A birth date as people write it: dd/mm/yyyy, mm/yyyy or the year. */
function birthText(birth: string | undefined): string {
  if (!birth) return '';
  const [y, m, d] = birth.split('-');
  return d ? `${d}/${m}/${y}` : m ? `${m}/${y}` : y;
}

export interface Shortlist {
  sheet: PlanSheet;
  block: WriteBlock;
  name: { name: string; sheet: string; range: string };
}

export function renderShortlist(result: StepResult, lang: Lang, people: ReadonlyMap<string, RosterPerson>, names: (id: string) => string): Shortlist | undefined {
  const conference = result.conference;
  if (result.blocked || !conference || result.people.length === 0) return undefined;
  const m = messages(lang);
  const sheetName = m.sheets.shortlist(result.procedure, result.step);
  const width = WIDTHS.length;
  const merges: string[] = [];
  const rows: PlanCell[][] = [];
  const full = (cell: PlanCell): PlanCell[] => {
    merges.push(`${a1(rows.length + 1, 1)}:${a1(rows.length + 1, width)}`);
    return [cell, ...Array.from({ length: width - 1 }, () => ({ value: null }))];
  };
  // The explanations are the result columns' notes; the printed list carries the words only.
  const cells = resultCells(lang, names, false);
  // Genders, posts, birth years and vote counts repeat down a list: one cell each.
  const sharedCells = { left: new Map<string | number, PlanCell>(), center: new Map<string | number, PlanCell>() };
  const shared = (value: string | number, align: 'left' | 'center'): PlanCell => {
    let cell = sharedCells[align].get(value);
    if (!cell) sharedCells[align].set(value, (cell = { value, border: true, align }));
    return cell;
  };
  const centred = (value: string | number) => shared(value, 'center');
  const outline = procedureOutline(lang).flatMap((p) => p.steps.map((s) => ({ ...s, procedure: p.procedure })));
  const step = outline.find((s) => s.key === `${result.procedure}:${result.step}`);

  rows.push(full({ value: conference.announced ? m.sheets.announced : m.sheets.notAnnounced, bold: true, size: 14, align: 'center' }));
  rows.push(full({ value: step ? `${step.procedure} — ${step.name}` : '', italic: true, align: 'center' }));
  rows.push(full({ value: m.sheets.conference(conference), align: 'left' }));
  rows.push(full({ value: conference.announced ? null : m.sheets.notAnnouncedNote, italic: true, align: 'left' }));
  rows.push(m.sheets.columns.map((label) => ({ value: label, bold: true, border: true, wrap: true, fill: 'DDEBF7' })));

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
    rows.push(full({ value: m.sheets.title(title, quota), bold: true, align: 'left', border: true }));
    // The quota line falls after the last person within the quota (selected or awaiting the head).
    let lastWithin = -1;
    if (quota) for (let i = list.length - 1; i >= 0 && lastWithin < 0; i--) if (list[i].outcome === 'selected' || list[i].outcome === 'awaiting-head') lastWithin = i;
    for (let i = 0; i < list.length; i++) {
      const p = list[i];
      const person = people.get(p.id);
      const birth = person?.birth ?? '';
      let born = births.get(birth);
      if (born === undefined) births.set(birth, (born = birthText(birth)));
      rows.push([
        cells.rank(p),
        { value: p.name, border: true },
        centred(born),
        centred(person?.gender ? m.sheets.genders[person.gender] : ''),
        shared(person?.post ?? '', 'left'),
        p.agree === undefined ? EMPTY_CELL : centred(p.agree),
        cells.percent(p),
        cells.outcome(p),
      ]);
      if (i === lastWithin && quota) rows.push(full({ value: m.sheets.quotaLine(quota), italic: true, align: 'center' }));
    }
  }
  const last = rows.length;
  const range = rangeA1({ top: 1, left: 1, bottom: last, right: width });
  return {
    sheet: {
      name: sheetName,
      widths: WIDTHS,
      merges,
      font: { name: 'Times New Roman', size: 13 },
      page: {
        orientation: 'portrait',
        margins: A4_MARGINS,
        repeatRows: { from: HEADER_ROW, to: HEADER_ROW },
        printArea: range,
        footer: m.sheets.footer,
      },
      protect: true,
    },
    block: { sheet: sheetName, row: 1, col: 1, cells: rows },
    name: { name: `${OWNED_SHEET_PREFIX}${result.procedure.replace(/-/g, '_')}_${result.step}`, sheet: sheetName, range: 'A1' },
  };
}
