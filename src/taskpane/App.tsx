import { Body1, Caption1, Card, MessageBar, MessageBarBody, Subtitle2, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { messages, procedureOutline, type Lang } from '../i18n';
import type { WorkbookSession } from '../hosts/session';
import type { HostInfo } from './office-context';
import { Workflow } from './Workflow';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/** The pane: the run form (disabled without a workbook session), then the rules in use and the procedures. */
export function App({ lang, host, session }: { lang: Lang; host: HostInfo; session?: WorkbookSession }) {
  const styles = useStyles();
  const m = messages(lang);
  return (
    <main className={styles.root}>
      <header className={styles.header}>
        <Title3 as="h1">{m.taskpane.title}</Title3>
        <Caption1 as="p">{m.taskpane.subtitle}</Caption1>
      </header>
      {/* Labelled by its own text: without a MessageBarTitle, Fluent's default label points at nothing. */}
      <MessageBar intent={host.inExcel ? 'success' : 'info'} aria-labelledby="host-status">
        <MessageBarBody id="host-status">{host.inExcel ? m.taskpane.inExcel : m.taskpane.notInExcel}</MessageBarBody>
      </MessageBar>
      <Workflow session={session} lang={lang} />
      <Card aria-labelledby="procedures-heading">
        <Subtitle2 as="h2" id="procedures-heading">
          {m.taskpane.procedures}
        </Subtitle2>
        {procedureOutline(lang).map((p) => (
          <section key={p.procedure}>
            <Body1 as="h3">
              <strong>{p.procedure}</strong>
            </Body1>
            <ul className={styles.steps}>
              {p.steps.map((s) => (
                <li key={s.key}>
                  <Body1>{s.name}</Body1> <Caption1>({s.rules.join(', ')})</Caption1>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </Card>
    </main>
  );
}
