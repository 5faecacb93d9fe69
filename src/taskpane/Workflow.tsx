import { lazy, Suspense, useState } from 'react';
import { Body1 } from '@fluentui/react-components';
import { messages, type Lang } from '../i18n';
import { DEFAULT_PROFILE, type RuleProfile } from '../rules';
import type { WorkbookSession } from '../hosts/session';

/**
 * The run form and the rule profile it runs under, wired together: the task pane's (App.tsx) and
 * the browser workbench's (src/workbench/Workbench.tsx). Both come in scripts of their own, after
 * the pane's first render: its first script stays small.
 */
const RunForm = lazy(() => import(/* webpackChunkName: "run-form" */ './RunForm').then((m) => ({ default: m.RunForm })));
const ProfilePanel = lazy(() => import(/* webpackChunkName: "profile-panel" */ './ProfilePanel').then((m) => ({ default: m.ProfilePanel })));

export function Workflow({ session, lang }: { session?: WorkbookSession; lang: Lang }) {
  const m = messages(lang);
  // The profile runs use: the one saved in the workbook (the form reads it), else Phụ lục 12; the panel changes it.
  const [profile, setProfile] = useState<RuleProfile>(DEFAULT_PROFILE);
  return (
    <>
      <Suspense fallback={<Body1>{m.taskpane.loading}</Body1>}>
        <RunForm session={session} lang={lang} profile={profile} onSavedProfile={(p) => setProfile(p ?? DEFAULT_PROFILE)} />
      </Suspense>
      <Suspense fallback={null}>
        <ProfilePanel profile={profile} lang={lang} session={session} onChange={setProfile} />
      </Suspense>
    </>
  );
}
