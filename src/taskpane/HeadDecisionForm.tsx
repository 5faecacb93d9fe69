import { useMemo, useState } from 'react';
import { Body1, Button, Checkbox, Field, Input, Subtitle2 } from '@fluentui/react-components';
import { messages, type Lang } from '../i18n';
import type { HeadDecision, PersonResult } from '../rules';
import { DateField } from './DateField';
import { useFormStyles } from './form-styles';

/**
 * The head's decision on a tie across the quota line (TIE): the people it left to the head, by
 * title, with how many places the head fills; who is chosen, the head's name and the date. Nothing
 * when no one awaits the head. Recording it runs again with the decision (src/taskpane/RunForm.tsx);
 * what was chosen and typed stays while the form stays (a decision refused, E-DECISION-TOO-MANY, is
 * corrected here). The date is typed dd/mm/yyyy (DateField).
 */
export function HeadDecisionForm({ people, today, busy, lang, onDecide }: { people: readonly PersonResult[]; today: string; busy: boolean; lang: Lang; onDecide: (decisions: HeadDecision[]) => void }) {
  const styles = useFormStyles();
  const t = messages(lang).taskpane;
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  const [head, setHead] = useState<{ by: string; on?: string }>({ by: '', on: today });
  const awaiting = useMemo(() => {
    const groups = new Map<string, { seats: number; people: PersonResult[] }>();
    for (const p of people) {
      if (p.outcome !== 'awaiting-head') continue;
      const title = p.title ?? '';
      const tie = p.explanation.find((f) => f.rule === 'TIE');
      const group = groups.get(title) ?? { seats: tie && 'seats' in tie ? tie.seats : 1, people: [] };
      group.people.push(p);
      groups.set(title, group);
    }
    return [...groups];
  }, [people]);
  if (!awaiting.length) return null;
  const on = head.on;
  const canDecide = chosen.size > 0 && head.by.trim() !== '' && on !== undefined;
  const decide = () =>
    on &&
    onDecide(
      awaiting
        .map(([title, g]) => ({ title, chosen: g.people.filter((p) => chosen.has(p.id)).map((p) => p.id), by: head.by.trim(), on }))
        .filter((d) => d.chosen.length),
    );

  return (
    <form
      aria-labelledby="awaiting-heading"
      className={styles.group}
      onSubmit={(e) => {
        e.preventDefault();
        if (canDecide) decide();
      }}
    >
      <Subtitle2 as="h3" id="awaiting-heading">
        {t.awaiting}
      </Subtitle2>
      {awaiting.map(([title, g]) => (
        <fieldset key={title} className={styles.group}>
          <legend>
            <Body1>{t.awaitingTitle(title, g.seats)}</Body1>
          </legend>
          {g.people.map((p) => (
            <Checkbox
              key={p.id}
              label={p.agree === undefined ? p.name : `${p.name} (${p.agree})`}
              checked={chosen.has(p.id)}
              disabled={busy}
              onChange={(_, d) => {
                const next = new Set(chosen);
                if (d.checked) next.add(p.id);
                else next.delete(p.id);
                setChosen(next);
              }}
            />
          ))}
        </fieldset>
      ))}
      <div className={styles.fields}>
        <Field label={t.headName}>
          <Input className={styles.fill} data-testid="head-name" value={head.by} disabled={busy} onChange={(_, d) => setHead((h) => ({ ...h, by: d.value }))} />
        </Field>
        <DateField label={t.headDate} testId="head-date" value={today} lang={lang} disabled={busy} onChange={(date) => setHead((h) => ({ ...h, on: date }))} />
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy || !canDecide}>
          {t.recordDecision}
        </Button>
      </div>
    </form>
  );
}
