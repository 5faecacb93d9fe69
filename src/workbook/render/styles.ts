import type { Lang } from '../../i18n';
import type { Outcome } from '../../rules';

/**
 * Outcome colours, one place for every sheet the add-in writes: green for pass, red for fail,
 * amber for awaiting the head, grey for ineligible. The words are always written too, so a
 * black-and-white printout reads the same.
 */
export const OUTCOME_STYLE: Record<Outcome, { fill: string; color: string }> = {
  pass: { fill: 'C6EFCE', color: '006100' },
  selected: { fill: 'C6EFCE', color: '006100' },
  kept: { fill: 'C6EFCE', color: '006100' },
  eligible: { fill: 'C6EFCE', color: '006100' },
  'passed-not-selected': { fill: 'E2EFDA', color: '375623' },
  'awaiting-head': { fill: 'FFEB9C', color: '9C5700' },
  fail: { fill: 'FFC7CE', color: '9C0006' },
  removed: { fill: 'FFC7CE', color: '9C0006' },
  ineligible: { fill: 'D9D9D9', color: '404040' },
};

export const HEADER_STYLE = { fill: 'DDEBF7', bold: true, border: true, wrap: true } as const;

/**
 * The percent of the result columns: a number, so the column sorts. Vietnamese results carry the
 * Vietnamese locale (LCID 042A) in the format, which LibreOffice honours whatever the machine's
 * locale (88,89%); Excel shows the separator of the machine's own settings, as for every number of
 * the user's. Printed sheets show percents as text instead (result-cells.ts), the Vietnamese way on any machine.
 */
export const PERCENT_FORMAT = '0.00%';
export const percentFormat = (lang: Lang): string => (lang === 'vi' ? `[$-42A]${PERCENT_FORMAT}` : PERCENT_FORMAT);
