import { describeProfile, formatRatio, messages, profileUsed, stepTitle, type Lang } from '../../i18n';
import { findStep, leastMeeting, type ConferenceInput, type Finding, type IsoDate, type PersonResult, type RuleId, type RuleProfile, type StepResult, type ThresholdFinding, type TopFinding } from '../../rules';
import { a1 } from '../address';
import { cellLines, fontPx, layoutSheet, textPx } from './page-layout';
import { OWNED_SHEET_PREFIX, type CreatedSheet, type PlanCell } from '../plan';
import { printedSheet } from './printed-sheet';
import { resultCells } from './result-cells';

/**
 * render (minutes sheet): the "biên bản kiểm phiếu" of one conference, to print, sign and file —
 * the unit and the national motto, the title and the step, the date, attendance and the quorum
 * (QUORUM), ballots, the rules applied (N30, RM50, L50, L50C, TOP, TIE), the results per title in
 * the words and colours of the result columns, the signatures, and the fingerprint of the data it
 * was made from. Counts not announced at the conference (ANNOUNCE) are headed as such, never with
 * an announcement's words. A4 portrait after Nghị định 30/2020 (Times New Roman, margins 20/20/30/15 mm).
 * The rows' heights and the page breaks are page-layout.ts's: the minutes say what stays on one page
 * (PlanSheet.keep) — a heading with what follows, a title with its first people, the closing sentence
 * and the signatures with the table's last rows — and repeat the column headings where the table
 * runs onto a later page.
 */

/** What the workbook says around the vote table (parse.ts), for the minutes' head and numbers. */
export interface MinutesFacts {
  unit?: string;
  date?: IsoDate;
  ballots?: ConferenceInput['ballots'];
}

/**
 * STT, name, votes, percent, result: 85 characters of Excel's default font (7 px each), the 165 mm
 * of A4 within the margins. The result column takes "Chờ người đứng đầu quyết định" on one line;
 * C:E is as narrow as the national motto at 12 pt bold (91 mm) allows, so that A:B gives the unit
 * all the room left. (At 12 pt "ỦY BAN NHÂN DÂN HUYỆN THANH SƠN" takes 83 mm: with the motto, more
 * than the page holds, so a unit line too long is put on two lines where it reads best.)
 */
const WIDTHS = [6, 28, 10, 10, 31];
/** Columns A:B carry the unit and the left signature, C:E the national motto and the right one. */
const LEFT = 2;
const SIZE = 13;
/** The unit's lines (Nghị định 30/2020: 12–13 pt, the unit that issues the minutes bold). */
const UNIT_SIZE = 12;
/** Points of a blank line, and of the space above a section heading. */
const BLANK_LINE = 18;
const SPACER = 8;
/** Rows of space to sign in (about 2.5 cm). */
const SIGN_ROWS = 4;
/**
 * The short rules under the unit's name and under the motto (Nghị định 30/2020, Phụ lục I): a line
 * of underscores in a small font on a row of its own, as tall as the font (a text taller than its
 * row is cut by the hosts). An underscore of Times New Roman is half an em wide.
 */
const RULE_SIZE = 10;
const RULE_HEIGHT = 12;
const UNDERSCORE_EM = 0.5;
/** The rule under the unit's name: this share of the name's length (a third to a half). */
const UNIT_RULE_SHARE = 0.45;
/** Where a unit's name reads best broken in two: before the level of government ("ỦY BAN NHÂN DÂN / HUYỆN THANH SƠN"). */
const LEVEL = /^(TỈNH|THÀNH PHỐ|HUYỆN|QUẬN|THỊ XÃ|XÃ|PHƯỜNG|THỊ TRẤN|ĐẶC KHU)(\s|$)/iu;
/** People of a title kept on the page of its heading (or all, when fewer). */
const KEEP_FIRST = 2;
const THRESHOLD_RULES: RuleId[] = ['N30', 'RM50', 'L50', 'L50C'];

const isThreshold = (f: Finding): f is ThresholdFinding => 'numerator' in f;
const isTop = (f: Finding): f is TopFinding => f.rule === 'TOP';

/** A line of underscores about `px` pixels long. */
function underscores(px: number): PlanCell {
  const n = Math.max(4, Math.round(px / (UNDERSCORE_EM * fontPx(RULE_SIZE))));
  return { value: '_'.repeat(n), size: RULE_SIZE, align: 'center' };
}

/**
 * A line of the unit, as it prints in columns `widths`: whole when it fits, else in two at the space
 * that reads best — before the level of government where both halves fit, else where they are the
 * most even.
 */
export function unitLines(line: string, widths: readonly number[], size: number, bold: boolean): string[] {
  if (cellLines(line, widths, size, bold) <= 1) return [line];
  const words = line.split(' ').filter(Boolean);
  const px = fontPx(size, bold);
  let best: string[] = [line];
  let bestScore = Infinity;
  for (let i = 1; i < words.length; i++) {
    const first = words.slice(0, i).join(' ');
    const second = words.slice(i).join(' ');
    if (cellLines(first, widths, size, bold) > 1 || cellLines(second, widths, size, bold) > 1) continue;
    const score = (LEVEL.test(second) ? 0 : 1e6) + Math.max(textPx(first, px), textPx(second, px));
    if (score < bestScore) [best, bestScore] = [[first, second], score];
  }
  return best;
}

/** The defined name that marks a step's minutes sheet as the add-in's. */
export function minutesName(procedure: string, step: number): string {
  return `${OWNED_SHEET_PREFIX}BienBan_${procedure.replace(/-/g, '_')}_${step}`;
}

export function renderMinutes(
  result: StepResult,
  lang: Lang,
  profile: RuleProfile,
  facts: MinutesFacts,
  fingerprint: string,
  names: (id: string) => string,
): CreatedSheet | undefined {
  const conference = result.conference;
  if (result.blocked || !conference || result.people.length === 0) return undefined;
  const m = messages(lang);
  const t = m.minutes;
  const sheetName = t.sheet(result.procedure, result.step);
  const width = WIDTHS.length;
  const merges: string[] = [];
  const heights: { row: number; height: number }[] = [];
  const keep: { from: number; to: number }[] = [];
  const rows: PlanCell[][] = [];
  const empty = (n: number): PlanCell[] => Array.from({ length: n }, () => ({ value: null }));
  /** The next row; a height only where the text does not set it (blank lines, rules): page-layout measures the rest. */
  const add = (cells: PlanCell[], height?: number) => {
    rows.push(cells);
    if (height !== undefined) heights.push({ row: rows.length, height });
  };
  /**
   * The next row: a text longer than a line of its cell (the columns `widths`) wraps, left-aligned
   * (page-layout gives the row the height of the longest); `place` lays the cells out across the row.
   */
  const fit = (cells: { cell: PlanCell; widths: readonly number[] }[], place: (cells: PlanCell[]) => PlanCell[] = (c) => c, height?: number) => {
    const wraps = cells.some(({ cell, widths }) => typeof cell.value === 'string' && cellLines(cell.value, widths, cell.size ?? SIZE, cell.bold) > 1);
    const fitted = wraps ? cells.map(({ cell }): PlanCell => ({ align: 'left', ...cell, wrap: true })) : cells.map((c) => c.cell);
    add(place(fitted), height);
  };
  /** A line across the page (in the table, with its borders). */
  const line = (cell: PlanCell) => {
    merges.push(`${a1(rows.length + 1, 1)}:${a1(rows.length + 1, width)}`);
    const rest = Array.from({ length: width - 1 }, (): PlanCell => (cell.border ? { value: null, border: true } : { value: null }));
    fit([{ cell, widths: WIDTHS }], ([c]) => [c, ...rest]);
  };
  const paragraph = (text: string, extra: Partial<PlanCell> = {}) => line({ value: text, align: 'left', ...extra });
  /** Two cells side by side, A:B and C:E (the unit and the motto; the signatures). */
  const pair = (left: PlanCell, right: PlanCell, height?: number) => {
    const r = rows.length + 1;
    merges.push(`${a1(r, 1)}:${a1(r, LEFT)}`, `${a1(r, LEFT + 1)}:${a1(r, width)}`);
    fit(
      [
        { cell: { align: 'center', ...left }, widths: WIDTHS.slice(0, LEFT) },
        { cell: { align: 'center', ...right }, widths: WIDTHS.slice(LEFT) },
      ],
      ([l, rt]) => [l, ...empty(LEFT - 1), rt, ...empty(width - LEFT - 1)],
      height,
    );
  };
  const blankRow = (height = BLANK_LINE) => add(empty(width), height);
  /** A section heading, a little apart from what comes before, kept on a page with the `next` rows after it. */
  const heading = (text: string, next = 2) => {
    blankRow(SPACER);
    paragraph(text, { bold: true });
    if (next) keep.push({ from: rows.length, to: rows.length + next });
  };

  // 1. The unit (the last line is the unit itself, bold; a line too long in two) and the national
  // motto, each with its short rule under it (Nghị định 30/2020); the title and the step.
  const given = facts.unit ? facts.unit.split('\n') : [t.unitBlank];
  const unit: PlanCell[] = given.flatMap((text, i) => {
    const bold = i === given.length - 1;
    return unitLines(text, WIDTHS.slice(0, LEFT), UNIT_SIZE, bold).map((part): PlanCell => ({ value: part, size: UNIT_SIZE, bold }));
  });
  const own = given[given.length - 1];
  unit.push(underscores(UNIT_RULE_SHARE * Math.max(...unitLines(own, WIDTHS.slice(0, LEFT), UNIT_SIZE, true).map((part) => textPx(part, fontPx(UNIT_SIZE, true))))));
  const motto: PlanCell[] = [
    { value: t.nation, bold: true, size: 12 },
    { value: t.motto, bold: true, size: SIZE },
    underscores(textPx(t.motto, fontPx(SIZE, true))),
  ];
  const isRule = (c: PlanCell | undefined) => !c || c.size === RULE_SIZE;
  for (let i = 0; i < Math.max(unit.length, motto.length); i++) {
    // A row of rules alone is a thin one.
    pair(unit[i] ?? { value: null }, motto[i] ?? { value: null }, isRule(unit[i]) && isRule(motto[i]) ? RULE_HEIGHT : undefined);
  }
  blankRow();
  line({ value: t.title, bold: true, size: 14, align: 'center' });
  const step = stepTitle(result.procedure, result.step, lang);
  if (step) line({ value: `${step.procedure}\n${step.step}`, bold: true, align: 'center' });
  // ANNOUNCE: counts of I.2 and II.1(1) go to the leadership only.
  if (!conference.announced) {
    line({ value: m.sheets.notAnnounced, bold: true, align: 'center' });
    line({ value: m.sheets.notAnnouncedNote, italic: true, align: 'center' });
  }
  blankRow();

  // 2. The date and the vote-counting team, to fill in by hand where the workbook does not say.
  paragraph(t.opening(facts.date));
  for (const text of t.team) paragraph(text);

  // 3. Attendance, the quorum (QUORUM: den × present ≥ num × convened), ballots.
  heading(t.numbersHeading);
  const { threshold: q, strict } = profile.quorum;
  const op = conference.quorate ? (strict ? '>' : '≥') : strict ? '≤' : '<';
  const formula = `${q.den} × ${conference.present} = ${q.den * conference.present} ${op} ${q.num} × ${conference.convened} = ${q.num * conference.convened}`;
  const numbers = [
    t.convened(conference.convened),
    t.present(conference.present, conference.convened - conference.present),
    t.quorum({ ...conference, cmp: strict ? m.comparison.gt : m.comparison.ge, ratio: formatRatio(q), formula, ref: m.ruleRef('QUORUM', t.noteClause) }),
    ...t.ballots(facts.ballots ?? {}),
  ];
  numbers.forEach((text, i) => paragraph(`${i + 1}. ${text}`));

  // 4. The rules applied (QUORUM is stated above) in the words of the task pane's profile, with
  // what they ask of this conference, and the quota of each title (TOP) as this run applied it.
  heading(t.rulesHeading);
  // The rule profile applied, by name (and how it differs from Phụ lục 12).
  paragraph(profileUsed(profile, lang).text);
  const firstFinding = (rule: RuleId): Finding | undefined => {
    for (const p of result.people) for (const f of p.explanation) if (f.rule === rule) return f;
    return undefined;
  };
  const clause = findStep(result.procedure, result.step)?.clause ?? '';
  const profileLines = describeProfile(profile, lang);
  const quotas = new Map<string, number>();
  for (const p of result.people) {
    const top = p.explanation.find(isTop);
    if (top && !quotas.has(p.title ?? '')) quotas.set(p.title ?? '', top.quota);
  }
  for (const rule of result.rules) {
    const found = firstFinding(rule);
    const ref = m.ruleRef(rule, found?.clause ?? clause);
    const text = profileLines.find((l) => l.rules.includes(rule))?.text;
    if (THRESHOLD_RULES.includes(rule) && found && isThreshold(found) && text) {
      const needed = t.needed({ votes: leastMeeting(found.base, found.threshold, found.strict), base: found.base, baseName: m.bases[found.baseKind] });
      paragraph(t.rule({ text, needed, ref }));
    } else if (rule === 'TOP' && quotas.size) {
      paragraph(t.rule({ text: t.quota([...quotas].map(([title, quota]) => ({ title, quota }))), ref }));
    } else if (rule === 'TIE' && text) paragraph(t.rule({ text, ref }));
  }

  // 5. The results per title (and per rule where the step has two: II.1(1) removal, then nomination).
  // The heading, the column headings and the first people of the first title go on one page.
  heading(t.resultsHeading, 0);
  const resultsHeading = rows.length;
  const headerRow = rows.length + 1;
  let firstTitleEnd = headerRow;
  fit(t.columns.map((label, i) => ({ cell: { value: label, bold: true, border: true, wrap: true, fill: 'DDEBF7', align: 'center' }, widths: [WIDTHS[i]] })));
  const cells = resultCells(lang, names, false);
  const ruleOf = (p: PersonResult) => p.explanation.find(isThreshold);
  const parts = [...new Set(result.people.map((p) => ruleOf(p)?.rule ?? ''))];
  const partOrder = (r: string) => (r === 'RM50' ? 0 : 1);
  parts.sort((a, b) => partOrder(a) - partOrder(b));
  for (const part of parts) {
    const people = result.people.filter((p) => (ruleOf(p)?.rule ?? '') === part);
    const first = ruleOf(people[0]);
    const partRow = rows.length + 1;
    if (parts.length > 1 && first) line({ value: t.part(first.rule === 'RM50', m.bases[first.baseKind]), bold: true, italic: true, align: 'left', border: true });
    const titles = [...new Set(people.map((p) => p.title ?? ''))];
    titles.forEach((title, k) => {
      const titleRow = rows.length + 1;
      line({ value: m.sheets.title(title, quotas.get(title)), bold: true, align: 'left', border: true });
      const members = people.filter((p) => (p.title ?? '') === title);
      // A title's heading with its first people (and the part's heading with its first title).
      const group = { from: k === 0 ? partRow : titleRow, to: titleRow + Math.min(KEEP_FIRST, members.length) };
      keep.push(group);
      if (firstTitleEnd === headerRow) firstTitleEnd = group.to;
      members.forEach((p, i) => {
        // A long name wraps within its cell rather than be cut.
        const row: PlanCell[] = [
          { value: i + 1, border: true, align: 'center' },
          { value: p.name, border: true, align: 'left' },
          { value: p.agree ?? null, border: true, align: 'center' },
          { ...cells.percent(p), align: 'center' },
          cells.outcome(p),
        ];
        fit(row.map((cell, col) => ({ cell, widths: [WIDTHS[col]] })));
      });
    });
  }
  const tableEnd = rows.length;
  keep.push({ from: resultsHeading, to: firstTitleEnd });
  blankRow();
  paragraph(t.closing);
  blankRow();

  // 6. Signatures side by side: the head of the vote-counting team, who answers for the count, and
  // the chair. (The conference's secretary signs the conference's own minutes, not the count's.)
  // Their titles line by line, level with each other.
  const counter = t.signers.counter.split('\n');
  const chair = t.signers.chair.split('\n');
  for (let i = 0; i < Math.max(counter.length, chair.length); i++) pair({ value: counter[i] ?? null, bold: true }, { value: chair[i] ?? null, bold: true });
  pair({ value: t.signers.sign, italic: true }, { value: t.signers.sign, italic: true });
  for (let i = 0; i < SIGN_ROWS; i++) blankRow();

  // 7. The fingerprint of the data read and the settings, to match the printout with the workbook.
  if (fingerprint) line({ value: t.fingerprint(fingerprint), italic: true, size: 10, align: 'left' });

  // The closing sentence, the signatures and the fingerprint on one page, with the last rows of the
  // table (a page of signatures alone would carry the column headings of an empty table).
  keep.push({ from: Math.max(headerRow + 1, tableEnd - 1), to: rows.length });

  const made = printedSheet({
    name: sheetName,
    definedName: minutesName(result.procedure, result.step),
    lang,
    rows,
    widths: WIDTHS,
    orientation: 'portrait',
    merges,
    heights,
    keep,
    size: SIZE,
  });
  const { sheet, block } = made;
  // The column headings are repeated on the pages after the first only where the results run onto them.
  const { pages } = layoutSheet(sheet, block);
  const pageOf = (row: number) => pages.filter((start) => start <= row).length;
  if (pageOf(headerRow) !== pageOf(tableEnd)) sheet.page.repeatRows = { from: headerRow, to: headerRow };
  return made;
}
