import { useMemo, useState } from 'react';
import {
  Body1,
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  MessageBar,
  MessageBarBody,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { messages, type Lang } from '../i18n';
import type { ColumnMap, MappingQuestion } from '../workbook/reader/column-map';

/**
 * Which column is which, where the header was not recognised or two columns could be one field
 * (src/workbook/reader/column-map.ts): the header row, one list per field ("C — Số phiếu đồng ý"),
 * required fields marked, and the first three data rows as the run would read them, live. Save
 * gives the mapping back (the run form keeps it, and the run saves it in the workbook).
 */

const useStyles = makeStyles({
  surface: { maxWidth: 'min(560px, calc(100vw - 24px))' },
  content: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  fields: { display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))', rowGap: tokens.spacingVerticalS, columnGap: tokens.spacingHorizontalM },
  fill: { width: '100%', minWidth: 0 },
  sample: { overflowX: 'auto' },
});

export interface ColumnMapDialogProps {
  question: MappingQuestion;
  lang: Lang;
  /** The first rows as a mapping reads them (src/workbook/reader/column-map.ts sampleRows). */
  sample: (map: ColumnMap) => { row: number; cells: Record<string, string> }[];
  onSave: (map: ColumnMap) => void;
  onCancel: () => void;
  /** Forget the mapping: detection reads the sheet again (offered where a mapping is in use). */
  onReset?: () => void;
}

/** What stops a mapping from being saved: a required field without a column, a column given twice. */
function problems(question: MappingQuestion, map: ColumnMap): { missing: string[][]; shared: [string, string[]][] } {
  const given = (k: string) => !!map.columns[k];
  const groups: string[][] = [];
  for (const f of question.fields) {
    if (f.required && !given(f.key)) groups.push([f.key]);
    if (f.oneOf && f.oneOf[0] === f.key && !f.oneOf.some(given)) groups.push(f.oneOf);
  }
  const byCol = new Map<string, string[]>();
  for (const [k, col] of Object.entries(map.columns)) if (col) byCol.set(col, [...(byCol.get(col) ?? []), k]);
  return { missing: groups, shared: [...byCol].filter(([, keys]) => keys.length > 1) };
}

export function ColumnMapDialog({ question, lang, sample, onSave, onCancel, onReset }: ColumnMapDialogProps) {
  const styles = useStyles();
  const t = messages(lang).columnMap;
  const [draft, setDraft] = useState<ColumnMap>(() => ({ ...question.guess, columns: { ...question.guess.columns } }));
  const rows = useMemo(() => sample(draft), [sample, draft]);
  const issues = problems(question, draft);
  const ok = issues.missing.length === 0 && issues.shared.length === 0;
  const label = (key: string) => t.field(key);
  const shownKeys = question.fields.map((f) => f.key).filter((k) => draft.columns[k]);
  const rowText = (row: number) =>
    question.columns
      .map((c) => c.headers[row])
      .filter((h, i, all) => h && h !== all[i - 1])
      .join(', ')
      .slice(0, 60);

  const setColumn = (key: string, col: string) => {
    const columns = { ...draft.columns };
    if (col) columns[key] = col;
    else delete columns[key];
    setDraft({ ...draft, columns });
  };

  return (
    <Dialog open modalType="modal" onOpenChange={(_, d) => !d.open && onCancel()}>
      <DialogSurface className={styles.surface} aria-describedby="column-map-intro" data-testid="column-map-dialog">
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (ok) onSave(draft);
          }}
        >
          <DialogBody>
            <DialogTitle>{t.title(question.sheet, question.role)}</DialogTitle>
            <DialogContent className={styles.content}>
              <Body1 as="p" id="column-map-intro">
                {t.intro}
              </Body1>
              <Field label={t.headerRow}>
                <Select
                  className={styles.fill}
                  data-testid="column-map-header-row"
                  value={String(draft.headerRow)}
                  onChange={(_, d) => setDraft({ ...draft, headerRow: Number(d.value) })}
                >
                  {question.headerRows.map((row) => (
                    <option key={row} value={String(row)}>
                      {t.headerRowOption(row, rowText(row))}
                    </option>
                  ))}
                </Select>
              </Field>
              <div className={styles.fields}>
                {question.fields.map((f) => (
                  <Field key={f.key} label={label(f.key)} required={f.required} hint={f.oneOf ? t.oneOf(f.oneOf.map(label)) : undefined}>
                    <Select
                      className={styles.fill}
                      data-testid={`column-map-${f.key}`}
                      value={draft.columns[f.key] ?? ''}
                      onChange={(_, d) => setColumn(f.key, d.value)}
                    >
                      <option value="">{t.noColumn}</option>
                      {question.columns.map((c) => (
                        <option key={c.col} value={c.col}>
                          {t.columnOption(c.col, c.headers[draft.headerRow])}
                        </option>
                      ))}
                    </Select>
                  </Field>
                ))}
              </div>
              {!ok && (
                <MessageBar intent="warning" aria-labelledby="column-map-problems">
                  <MessageBarBody id="column-map-problems" role="status">
                    {[
                      ...(issues.missing.length ? [t.missing(issues.missing.map((g) => g.map(label)))] : []),
                      ...issues.shared.map(([col, keys]) => t.sameColumn(col, keys.map(label))),
                    ].join(' ')}
                  </MessageBarBody>
                </MessageBar>
              )}
              <section aria-labelledby="column-map-sample" className={styles.sample}>
                <Caption1 as="h3" id="column-map-sample">
                  <strong>{t.sample}</strong>
                </Caption1>
                {rows.length && shownKeys.length ? (
                  <Table size="small" aria-labelledby="column-map-sample" data-testid="column-map-sample">
                    <TableHeader>
                      <TableRow>
                        <TableHeaderCell>{t.sampleRow}</TableHeaderCell>
                        {shownKeys.map((k) => (
                          <TableHeaderCell key={k}>{label(k)}</TableHeaderCell>
                        ))}
                      </TableRow>
                    </TableHeader>
                    <TableBody>
                      {rows.map((r) => (
                        <TableRow key={r.row}>
                          <TableCell>{r.row}</TableCell>
                          {shownKeys.map((k) => (
                            <TableCell key={k}>{r.cells[k] ?? ''}</TableCell>
                          ))}
                        </TableRow>
                      ))}
                    </TableBody>
                  </Table>
                ) : (
                  <Caption1 as="p">{t.sampleEmpty}</Caption1>
                )}
              </section>
            </DialogContent>
            <DialogActions>
              {onReset && (
                <Button type="button" onClick={onReset}>
                  {t.reset}
                </Button>
              )}
              <Button type="button" onClick={onCancel}>
                {t.cancel}
              </Button>
              <Button appearance="primary" type="submit" disabled={!ok}>
                {t.save}
              </Button>
            </DialogActions>
          </DialogBody>
        </form>
      </DialogSurface>
    </Dialog>
  );
}
