import { formatRatio, messages, profileUsed, stepTitle, type Lang } from '../../i18n';
import { findStep, leastMeeting, type ConferenceInput, type Finding, type IsoDate, type PersonResult, type RuleId, type RuleProfile, type StepResult, type ThresholdFinding, type TieFinding, type TopFinding } from '../../rules';
import { documentRows } from './document';
import { layoutSheet } from './page-layout';
import { OWNED_SHEET_PREFIX, type CreatedSheet } from '../plan';
import { printedSheet } from './printed-sheet';
import { resultCells } from './result-cells';

/**
 * render (minutes sheet): the "biên bản kiểm phiếu" of one conference, to print, sign and file —
 * the unit and the national motto, the title and the step, the date, attendance and the quorum
 * (QUORUM), ballots, the rules applied (N30, RM50, L50, L50C, TOP, TIE), the results per title in
 * the words and colours of the result columns, a tie at a quota line left to the head, the
 * signatures, and the fingerprint of the data it was made from. It is the count's record: made from
 * the count's own result, never from the head's decision (a record of its own, decision-record.ts),
 * so it reads the same before and after the head decides. Printed words only: the clause of the
 * procedure, never a rule ID or a formula (those stay in the notes, the JSON and the run log). Counts not announced at the conference (ANNOUNCE) are headed as such, never with
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
/** People of a title kept on the page of its heading (or all, when fewer). */
const KEEP_FIRST = 2;

const isThreshold = (f: Finding): f is ThresholdFinding => 'numerator' in f;
const isTop = (f: Finding): f is TopFinding => f.rule === 'TOP';
const isTie = (f: Finding): f is TieFinding => f.rule === 'TIE';

/** The defined name that marks a step's minutes sheet as the add-in's. */
export function minutesName(procedure: string, step: number): string {
  return `${OWNED_SHEET_PREFIX}BienBan_${procedure.replace(/-/g, '_')}_${step}`;
}

export function renderMinutes(
  count: StepResult,
  lang: Lang,
  profile: RuleProfile,
  facts: MinutesFacts,
  fingerprint: string,
  names: (id: string) => string,
): CreatedSheet | undefined {
  const conference = count.conference;
  if (count.blocked || !conference || count.people.length === 0) return undefined;
  const m = messages(lang);
  const t = m.minutes;
  const sheetName = t.sheet(count.procedure, count.step);
  const doc = documentRows(WIDTHS, LEFT, SIZE);
  const { rows, keep, line, paragraph, heading, blankRow } = doc;

  // 1. The unit and the national motto (Nghị định 30/2020); the title and the step.
  doc.letterhead(facts.unit, lang);
  line({ value: t.title, bold: true, size: 14, align: 'center' });
  const step = stepTitle(count.procedure, count.step, lang);
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

  // 3. Attendance, the quorum (QUORUM) in the procedure's words with this conference's numbers, ballots.
  heading(t.numbersHeading);
  const { threshold: q, strict } = profile.quorum;
  const numbers = [
    t.convened(conference.convened),
    t.present(conference.present, conference.convened - conference.present),
    t.quorum({ ...conference, cmp: strict ? m.comparison.gt : m.comparison.ge, ratio: formatRatio(q), ref: t.noteRef }),
    ...t.ballots(facts.ballots ?? {}),
  ];
  numbers.forEach((text, i) => paragraph(`${i + 1}. ${text}`));

  // 4. The rules applied (QUORUM is stated above), in words with what they ask of this conference
  // and the clause of the procedure; the quota of each title (TOP) as this run applied it.
  heading(t.rulesHeading);
  // The rule profile applied, by name (and how it differs from Phụ lục 12).
  paragraph(profileUsed(profile, lang, true).text);
  const firstFinding = (rule: RuleId): Finding | undefined => {
    for (const p of count.people) for (const f of p.explanation) if (f.rule === rule) return f;
    return undefined;
  };
  const clause = findStep(count.procedure, count.step)?.clause ?? '';
  const quotas = new Map<string, number>();
  for (const p of count.people) {
    const top = p.explanation.find(isTop);
    if (top && !quotas.has(p.title ?? '')) quotas.set(p.title ?? '', top.quota);
  }
  for (const rule of count.rules) {
    const found = firstFinding(rule);
    const ref = t.ref(found?.clause ?? clause);
    if (found && isThreshold(found)) {
      paragraph(
        t.threshold({
          name: m.rules[found.rule],
          removal: found.rule === 'RM50',
          cmp: found.strict ? m.comparison.gt : m.comparison.ge,
          ratio: formatRatio(found.threshold),
          baseName: m.bases[found.baseKind],
          base: found.base,
          votes: leastMeeting(found.base, found.threshold, found.strict),
          ref,
        }),
      );
    } else if (rule === 'TOP' && quotas.size) {
      paragraph(t.rule({ text: t.quota([...quotas].map(([title, quota]) => ({ title, quota }))), ref }));
    } else if (rule === 'TIE' && found) paragraph(t.rule({ text: m.profile.tie(profile.tie.mode), ref }));
  }

  // 5. The results per title (and per rule where the step has two: II.1(1) removal, then nomination).
  // The heading, the column headings and the first people of the first title go on one page.
  heading(t.resultsHeading, 0);
  const resultsHeading = rows.length;
  const headerRow = rows.length + 1;
  let firstTitleEnd = headerRow;
  doc.tableRow(t.columns.map((label) => ({ value: label, bold: true, border: true, wrap: true, fill: 'DDEBF7', align: 'center' })));
  const cells = resultCells(lang, names, true);
  const ruleOf = (p: PersonResult) => p.explanation.find(isThreshold);
  const parts = [...new Set(count.people.map((p) => ruleOf(p)?.rule ?? ''))];
  const partOrder = (r: string) => (r === 'RM50' ? 0 : 1);
  parts.sort((a, b) => partOrder(a) - partOrder(b));
  for (const part of parts) {
    const people = count.people.filter((p) => (ruleOf(p)?.rule ?? '') === part);
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
        doc.tableRow([
          { value: i + 1, border: true, align: 'center' },
          { value: p.name, border: true, align: 'left' },
          { value: p.agree ?? null, border: true, align: 'center' },
          { ...cells.percent(p), align: 'center' },
          cells.outcome(p),
        ]);
      });
    });
  }
  const tableEnd = rows.length;
  keep.push({ from: resultsHeading, to: firstTitleEnd });

  // 6. TIE: what the count found at a quota line, left to the head (whatever the head decided since:
  // that is a record of its own, decision-record.ts).
  const ties = new Map<string, { tie: TieFinding; title: string; threshold?: ThresholdFinding }>();
  for (const p of count.people) {
    const tie = p.explanation.find(isTie);
    const key = tie && `${p.title ?? ''}|${tie.votes}`;
    if (tie && key && !ties.has(key)) ties.set(key, { tie, title: p.title ?? '', threshold: ruleOf(p) });
  }
  if (ties.size) blankRow();
  for (const { tie, title, threshold } of ties.values()) {
    paragraph(
      t.tie({
        title,
        names: tie.tiedWith.map(names),
        votes: tie.votes,
        seats: tie.seats,
        cmp: threshold?.strict === false ? m.comparison.ge : m.comparison.gt,
        ratio: threshold ? formatRatio(threshold.threshold) : '',
        ref: t.ref(tie.clause),
      }),
    );
  }
  blankRow();
  paragraph(t.closing);
  blankRow();

  // 7. Signatures side by side: the head of the vote-counting team, who answers for the count, and
  // the chair. (The conference's secretary signs the conference's own minutes, not the count's.)
  doc.signatures({ title: t.signers.counter, sign: t.signers.sign }, { title: t.signers.chair, sign: t.signers.sign });

  // 8. The fingerprint of the data the count was made from, to match the printout with the workbook.
  if (fingerprint) line({ value: t.fingerprint(fingerprint), italic: true, size: 10, align: 'left' });

  // The closing sentence, the signatures and the fingerprint on one page, with the last rows of the
  // table (a page of signatures alone would carry the column headings of an empty table).
  keep.push({ from: Math.max(headerRow + 1, tableEnd - 1), to: rows.length });

  const made = printedSheet({
    name: sheetName,
    definedName: minutesName(count.procedure, count.step),
    lang,
    rows,
    widths: WIDTHS,
    orientation: 'portrait',
    merges: doc.merges,
    heights: doc.heights,
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
