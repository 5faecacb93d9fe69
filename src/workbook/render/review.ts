import { formatDate, formatPercent, formatRatio, messages, stepTitle, type Lang } from '../../i18n';
import type { AgeFinding, ConsultFacts, PersonResult, RosterPerson, RuleProfile, StepResult, TitleSummary } from '../../rules';
import { a1 } from '../address';
import { eligibilityReasons } from './eligibility-reasons';
import { cellLines } from './page-layout';
import { OWNED_SHEET_PREFIX, type CreatedSheet, type PlanCell } from '../plan';
import { printedSheet } from './printed-sheet';
import { birthText } from './shortlist';
import { resultCells } from './result-cells';
import { HEADER_STYLE, OUTCOME_STYLE } from './styles';

/**
 * render (review sheet) of an ELIG / GAP step — I.1 (next-term step 1) and II.2(1) (annual-external
 * step 1): the step in the words of the text, the term the age condition is counted on; per title the
 * quota, the eligible count, women and young against the targets (STRUCT, "phấn đấu": a warning,
 * never a block) and for GAP those in planning still eligible and the shortfall; then everyone NOT
 * eligible with the reasons (ELIG: never silently dropped), then the eligible per title, and the
 * signature block. Laid out like the shortlist (A4, Nghị định 30/2020, Times New Roman 13); the rows'
 * heights and the page breaks are page-layout.ts's, from the groups kept on one page (PlanSheet.keep):
 * a section's heading with its first rows, a title with its first people, the signatures with the
 * list's last rows.
 */

/** STT, name, birth, gender, post and unit, titles planned, outcome, reasons or note. */
const WIDTHS = [5, 21, 12, 8, 28, 17, 14, 25];
/** The per-title summary on the same columns: title, quota, eligible (or in planning), not eligible (or shortfall), women, young. */
const SUMMARY_SPANS = [2, 1, 2, 1, 1, 1];
const WIDTH = WIDTHS.length;
/** People of a group kept on the page of its heading (or all, when fewer). */
const KEEP_FIRST = 2;
const WARN = OUTCOME_STYLE['awaiting-head'];

export interface EligibilityExtra {
  /** GAP: ELIG of the people in planning (in-planning.ts); the step's own people are the external candidates. */
  onSite?: readonly PersonResult[];
  /** II.2: the external candidates' agencies. */
  consultations?: readonly ConsultFacts[];
}

/** The defined name that marks a step's review sheet as the add-in's. */
export function eligibilityName(procedure: string, step: number): string {
  return `${OWNED_SHEET_PREFIX}RaSoat_${procedure.replace(/-/g, '_')}_${step}`;
}

const isAge = (f: PersonResult['explanation'][number]): f is AgeFinding => 'retirementDate' in f;

export function renderEligibility(
  result: StepResult,
  lang: Lang,
  people: ReadonlyMap<string, RosterPerson>,
  profile: RuleProfile,
  extra: EligibilityExtra = {},
): CreatedSheet | undefined {
  if (result.blocked || !result.rules.includes('ELIG')) return undefined;
  const gap = result.rules.includes('GAP');
  const onSite = extra.onSite ?? [];
  const titles = result.titles ?? [];
  if (result.people.length === 0 && onSite.length === 0 && titles.length === 0) return undefined;
  const m = messages(lang);
  const r = m.report;
  const sheetName = r.sheet(result.procedure, result.step);
  const agencies = new Map((extra.consultations ?? []).flatMap((c) => (c.currentAgency ? [[c.id, c.currentAgency] as const] : [])));

  const merges: string[] = [];
  const rows: PlanCell[][] = [];
  /** Groups of rows printed on one page (page-layout.ts); the row heights are page-layout's too. */
  const keep: { from: number; to: number }[] = [];
  const next = (): number => rows.length + 1;
  const merge = (col: number, span: number): void => {
    merges.push(`${a1(next(), col + 1)}:${a1(next(), col + span)}`);
  };
  const blanks = (n: number): PlanCell[] => Array.from({ length: n }, () => ({ value: null }));
  /** A line across the page; `border` for a line inside a table. */
  const full = (cell: PlanCell): void => {
    merge(0, WIDTH);
    const wrap = cellLines(String(cell.value ?? ''), WIDTHS, cell.size ?? 13, cell.bold) > 1;
    rows.push([{ ...cell, wrap: wrap || undefined, align: cell.align ?? 'left' }, ...blanks(WIDTH - 1).map((c) => (cell.border ? { ...c, border: true } : c))]);
  };
  const blank = (): void => {
    rows.push(blanks(WIDTH));
  };
  /** Rows `from`…`to` printed on one page (a heading with what follows it). */
  const together = (from: number, to: number): void => {
    if (to > from) keep.push({ from, to });
  };

  // The heading: what this is, the step in the words of the text, the term the age is counted on.
  const step = stepTitle(result.procedure, result.step, lang);
  full({ value: r.heading(gap), bold: true, size: 14, align: 'center' });
  full({ value: step ? `${step.procedure} — ${step.step}` : null, italic: true, align: 'center' });
  let age: AgeFinding | undefined;
  for (const p of [result.people, onSite].flat()) if ((age = p.explanation.find(isAge))) break;
  if (age) {
    full({ value: r.term({ start: formatDate(age.termStart, lang), end: formatDate(age.termEnd, lang), months: age.requiredMonths, age: profile.structure.youngBelowAge }), align: 'left' });
  }
  blank();

  // I. Per title: quota, counts, women and young against the targets (STRUCT), the gap (GAP).
  const { womenMin, youngMin, youngBelowAge } = profile.structure;
  const summaryHeading = next();
  full({ value: r.summary(gap), bold: true });
  const header = r.summaryColumns({ gap, women: formatRatio(womenMin), young: formatRatio(youngMin), age: youngBelowAge });
  const summaryRow = (cells: PlanCell[]): void => {
    const line: PlanCell[] = [];
    cells.forEach((cell, i) => {
      if (SUMMARY_SPANS[i] > 1) merge(line.length, SUMMARY_SPANS[i]);
      line.push(cell, ...Array.from({ length: SUMMARY_SPANS[i] - 1 }, () => ({ value: null, border: true })));
    });
    rows.push(line);
  };
  summaryRow(header.map((label) => ({ value: label, ...HEADER_STYLE })));
  const warned = (code: string, title: string): boolean => result.diagnostics.some((d) => d.code === code && d.params.title === title);
  const number = (n: number | undefined): PlanCell => ({ value: n ?? null, border: true, wrap: true });
  const share = (count: number, total: number, warning?: string): PlanCell => {
    const text = total ? r.share(count, formatPercent(count, total, lang)) : '—';
    return warning ? { value: `${text}\n${warning}`, border: true, wrap: true, fill: WARN.fill, color: WARN.color } : { value: text, border: true, wrap: true };
  };
  const ineligibleFor = (title: string): number => result.people.filter((p) => p.outcome === 'ineligible' && p.titles?.includes(title)).length;
  for (const t of titles) summaryRow(summaryCells(t));
  // The heading, the column headings and the first titles on one page; the note with the last title.
  together(summaryHeading, summaryHeading + 1 + Math.min(KEEP_FIRST, titles.length));
  together(next() - 1, next());
  function summaryCells(t: TitleSummary): PlanCell[] {
    const title: PlanCell = { value: t.title, border: true, align: 'left', wrap: true };
    const base = gap ? (t.inPlanningEligible ?? t.count) : t.count;
    if (gap) {
      return [
        title,
        number(t.quota),
        number(t.inPlanningEligible),
        t.shortfall ? { ...number(t.shortfall), bold: true, fill: WARN.fill, color: WARN.color } : number(t.shortfall),
        share(t.women, base, t.womenNeeded ? r.needed(t.womenNeeded) : undefined),
        share(t.young, base, t.youngNeeded ? r.needed(t.youngNeeded) : undefined),
      ];
    }
    // STRUCT: the rulebook's warnings (only where the data is known), shown, never blocking.
    return [
      title,
      number(t.quota),
      number(t.count),
      number(ineligibleFor(t.title)),
      share(t.women, base, warned('W-STRUCT-WOMEN', t.title) ? r.belowTarget(formatRatio(womenMin)) : undefined),
      share(t.young, base, warned('W-STRUCT-YOUNG', t.title) ? r.belowTarget(formatRatio(youngMin)) : undefined),
    ];
  }
  full({ value: r.targetsNote(gap), italic: true });
  blank();

  // II. Those not eligible, each with the reasons (ELIG). III. The eligible, per title.
  const outcomes = resultCells(lang, (id) => people.get(id)?.name ?? id, true);
  const person = (p: PersonResult, index: number, note: string): PlanCell[] => {
    const who = people.get(p.id);
    const where = [who?.post, agencies.get(p.id) ?? who?.unit].filter(Boolean).join(', ');
    // Every cell wraps, so that all sit in the middle of a row grown for a long one.
    return [
      { value: index, border: true, wrap: true },
      { value: p.name, border: true, align: 'left', wrap: true },
      { value: birthText(who?.birth), border: true, wrap: true },
      { value: who?.gender ? m.sheets.genders[who.gender] : null, border: true, wrap: true },
      { value: where || null, border: true, align: 'left', wrap: true },
      { value: (p.titles ?? []).join('; ') || null, border: true, align: 'left', wrap: true },
      { ...outcomes.outcome(p), wrap: true },
      { value: note || null, border: true, align: 'left', wrap: true },
    ];
  };
  /** A group's people (or a line saying there is none), the first ones on the page of the `heading` row above. */
  const list = (heading: number, group: readonly PersonResult[], note: (p: PersonResult) => string): void => {
    const first = next();
    if (group.length === 0) full({ value: r.none, italic: true, border: true });
    group.forEach((p, i) => rows.push(person(p, i + 1, note(p))));
    together(heading, Math.min(next() - 1, first + KEEP_FIRST - 1));
  };
  const reasons = (p: PersonResult): string => eligibilityReasons(p, lang, people.get(p.id), profile).join('\n');

  // The section's heading and the column headings stay with its first group.
  const ineligibleHeading = next();
  full({ value: r.ineligible, bold: true });
  const headerRow = next();
  rows.push(r.columns.map((label) => ({ value: label, ...HEADER_STYLE })));
  const external = result.people;
  if (gap) {
    const inPlanning = next();
    full({ value: r.groups.inPlanning, bold: true, italic: true, border: true });
    list(inPlanning, onSite.filter((p) => p.outcome === 'ineligible'), reasons);
    together(ineligibleHeading, inPlanning);
    const outside = next();
    full({ value: r.groups.external, bold: true, italic: true, border: true });
    list(outside, external.filter((p) => p.outcome === 'ineligible'), reasons);
  } else list(ineligibleHeading, external.filter((p) => p.outcome === 'ineligible'), reasons);

  const eligibleHeading = next();
  full({ value: r.eligible, bold: true, border: true });
  const eligible = [...onSite, ...external].filter((p) => p.outcome === 'eligible');
  const fromOutside = new Set(gap ? external.map((p) => p.id) : []);
  const noteOf = (p: PersonResult): string => (fromOutside.has(p.id) ? r.notes.external : people.get(p.id)?.inPlanning ? r.notes.inPlanning : '');
  const groups: { title: string; summary?: TitleSummary }[] = titles.map((t) => ({ title: t.title, summary: t }));
  if (eligible.some((p) => !p.titles?.length)) groups.push({ title: '' });
  groups.forEach(({ title, summary }, i) => {
    const members = eligible.filter((p) => (title ? p.titles?.includes(title) : !p.titles?.length));
    const label = summary
      ? r.title({ index: i + 1, title, quota: summary.quota, count: members.length, inPlanning: summary.inPlanningEligible, shortfall: gap ? (summary.shortfall ?? 0) : undefined })
      : `${i + 1}. ${r.noTitle}`;
    const titleRow = next();
    full({ value: label, bold: true, border: true });
    list(titleRow, members, noteOf);
    // The section's heading with its first title.
    if (i === 0) together(eligibleHeading, titleRow);
  });
  const listEnd = next() - 1;

  // The signature block: who made the list (left), the head of the unit (right).
  blank();
  const sign = (left: PlanCell, right: PlanCell): void => {
    merge(0, 3);
    merge(4, WIDTH - 4);
    rows.push([{ ...left, align: 'center' }, ...blanks(3), { ...right, align: 'center' }, ...blanks(WIDTH - 5)]);
  };
  const s = r.signature;
  sign({ value: null }, { value: s.place, italic: true });
  sign({ value: s.left, bold: true }, { value: s.right, bold: true });
  sign({ value: s.sign, italic: true }, { value: s.sign, italic: true });
  for (let i = 0; i < 4; i++) blank();
  // The signatures on the page of the last rows of the list.
  together(Math.max(headerRow + 1, listEnd - 1), rows.length);

  return printedSheet({
    name: sheetName,
    definedName: eligibilityName(result.procedure, result.step),
    lang,
    rows,
    widths: WIDTHS,
    orientation: 'landscape',
    merges,
    keep,
    headerRow,
  });
}
