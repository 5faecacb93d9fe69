import { lazy, Suspense, useState } from 'react';
import { Body1, Caption1, Card, MessageBar, MessageBarBody, Subtitle2, Title3, makeStyles, tokens } from '@fluentui/react-components';
import { messages, procedureOutline, type Lang } from '../i18n';
import { DEFAULT_PROFILE, type RuleProfile } from '../rules';
import type { WorkbookSession } from '../hosts/session';
import type { HostInfo } from './office-context';
import { ProfilePanel } from './ProfilePanel';

/** The run form and what it needs come in a second script: the pane's first one stays small. */
const RunForm = lazy(() => import(/* webpackChunkName: "run-form" */ './RunForm').then((m) => ({ default: m.RunForm })));

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: tokens.spacingHorizontalM },
  steps: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  header: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/** The pane: the run form (disabled without a workbook session), then the rules in use and the procedures. */
export function App({ lang, host, session }: { lang: Lang; host: HostInfo; session?: WorkbookSession }) {
  const styles = useStyles();
  const m = messages(lang);
  // The rule profile the run form runs under: the one saved in the workbook, else Phụ lục 12; the profile panel changes it.
  const [profile, setProfile] = useState<RuleProfile>(DEFAULT_PROFILE);
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
      <Suspense fallback={<Body1>{m.taskpane.loading}</Body1>}>
        <RunForm session={session} lang={lang} profile={profile} onSavedProfile={(p) => setProfile(p ?? DEFAULT_PROFILE)} />
      </Suspense>
      <ProfilePanel profile={profile} lang={lang} session={session} onChange={setProfile} />
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
