import { Accordion, AccordionHeader, AccordionItem, AccordionPanel, Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { describeInference, messages, type Lang } from '../i18n';
import { tableText } from '../i18n/reader';
import type { ProcedureId } from '../rules';
import type { Inference } from '../workbook/reader/procedure';
import type { ReadReport as Report } from '../workbook/reader/report';

/**
 * "Đã đọc" — what the run reads (before a run) or read (after one), from the same data the command
 * prints and the run log keeps (src/workbook/reader/report.ts): what was inferred and why, always
 * shown; per sheet a short line (rows read), expandable to which column fed each field, the rows
 * and columns left out and why.
 */

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { margin: 0, paddingLeft: 0, listStyleType: 'none', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  // Long header texts and sheet names wrap inside the pane's width (320–350 px in Excel).
  wrap: { overflowWrap: 'anywhere' },
});

export interface ReadOf {
  procedure: ProcedureId;
  step: number;
  inferred: Inference;
  read: Report;
}

export function ReadReport({ of, lang }: { of?: ReadOf; lang: Lang }) {
  const styles = useStyles();
  if (!of) return null;
  const m = messages(lang);
  const r = m.reader;
  const inferred = describeInference(of.inferred, of.procedure, of.step, lang);
  /** A sheet in a few words: its rows read, first to last. */
  const short = (s: Report['sheets'][number]) => {
    const read = s.tables.filter((t) => t.rows.count);
    return `“${s.sheet}” ${r.rows(read.reduce((n, t) => n + t.rows.count, 0), read[0]?.rows.first, read[read.length - 1]?.rows.last)}`;
  };
  return (
    <section className={styles.root} aria-labelledby="read-heading" data-testid="read-report">
      {inferred && (
        <Caption1 as="p" className={styles.wrap} data-testid="inferred">
          {inferred}
        </Caption1>
      )}
      <Accordion collapsible>
        <AccordionItem value="read">
          <AccordionHeader size="small" id="read-heading">
            {r.heading}: {of.read.sheets.length ? of.read.sheets.map(short).join(', ') : r.nothing}
          </AccordionHeader>
          <AccordionPanel>
            <ul className={styles.list} data-testid="read-sheets">
              {of.read.sheets.map((s) => (
                <li key={`${s.role}:${s.sheet}`}>
                  <Body1 className={styles.wrap}>
                    <strong>{r.sheet(s.sheet, s.role)}</strong>
                  </Body1>
                  <ul className={styles.list}>
                    {s.tables.map((t) => (
                      <li key={t.header.top}>
                        <Caption1 className={styles.wrap}>{tableText(t, r, m.columnMap.field)}</Caption1>
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </section>
  );
}
