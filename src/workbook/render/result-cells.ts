import { explainPerson, formatPercent, messages, outcomeText, type Lang } from '../../i18n';
import type { PersonResult, ThresholdFinding } from '../../rules';
import type { PlanCell } from '../plan';
import { OUTCOME_STYLE, percentFormat } from './styles';

/**
 * The cells that show a decision — percent, outcome in words (colour-coded, with the explanation
 * as its note), rank — made once for the result columns and the shortlist alike. Cells are plain
 * data that apply only reads, so equal cells are shared: findings are shared between equal counts
 * (src/rules), and so are the cells made from them.
 */

const isThreshold = (f: PersonResult['explanation'][number]): f is ThresholdFinding => 'numerator' in f;

export const EMPTY_CELL: PlanCell = { value: null, border: true };

export interface ResultCells {
  percent: (p: PersonResult) => PlanCell;
  outcome: (p: PersonResult) => PlanCell;
  rank: (p: PersonResult) => PlanCell;
}

/**
 * Cells for the result columns beside the user's table (`printed` false): the percent a number
 * (sortable, PERCENT_FORMAT), the outcome with its explanation as a note. For a printed sheet (the
 * shortlist, the minutes: `printed` true): the percent as text in the language's own way ("66,67%"
 * whatever the machine's locale), no notes (the result columns carry them).
 */
export function resultCells(lang: Lang, names: (id: string) => string, printed = false): ResultCells {
  const m = messages(lang);
  const percents = new Map<ThresholdFinding, PlanCell>();
  const outcomes = new Map<ThresholdFinding, Map<string, PlanCell>>();
  const ranks: PlanCell[] = [];
  const outcomeCell = (p: PersonResult): PlanCell => {
    const style = OUTCOME_STYLE[p.outcome];
    const words = outcomeText(p, lang);
    const cell: PlanCell = { value: words, fill: style.fill, color: style.color, border: true, ...(words !== m.outcomes[p.outcome] ? { wrap: true } : {}) };
    if (!printed) cell.note = explainPerson(p, lang, names).join('\n');
    return cell;
  };
  return {
    percent(p) {
      const f = p.explanation.find(isThreshold);
      if (!f || f.base === 0) return EMPTY_CELL;
      let cell = percents.get(f);
      if (!cell)
        percents.set(
          f,
          (cell = printed
            ? { value: formatPercent(f.numerator, f.base, lang), border: true, align: 'center' }
            : { value: f.numerator / f.base, numberFormat: percentFormat(lang), border: true, align: 'center' }),
        );
      return cell;
    },
    outcome(p) {
      // A one-finding explanation (N30, RM50, a plain fail) is the same for everyone with the same count.
      const f = p.explanation.length === 1 ? p.explanation[0] : undefined;
      if (!f || !isThreshold(f)) return outcomeCell(p);
      let byOutcome = outcomes.get(f);
      if (!byOutcome) outcomes.set(f, (byOutcome = new Map()));
      let cell = byOutcome.get(p.outcome);
      if (!cell) byOutcome.set(p.outcome, (cell = outcomeCell(p)));
      return cell;
    },
    rank: (p) => (p.rank === undefined ? EMPTY_CELL : (ranks[p.rank] ??= { value: p.rank, border: true, align: 'center' })),
  };
}
