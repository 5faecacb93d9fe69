import { lazy, Suspense, useState } from 'react';
import { Badge, Body1, Button, Caption1, Card, CardHeader, MessageBar, MessageBarBody, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { describeProfile, messages, profileBadge, type Lang } from '../i18n';
import { compareProfiles, DEFAULT_PROFILE, type RuleProfile } from '../rules';
import type { WorkbookSession } from '../hosts/session';

/** The editor and the engine that saves come with the first edit: the pane's first script stays small. */
const ProfileEditor = lazy(() => import(/* webpackChunkName: "profile-editor" */ './ProfileEditor').then((m) => ({ default: m.ProfileEditor })));
const loadEngine = () => import(/* webpackChunkName: "engine" */ './engine');

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  ids: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: '64px' },
  badges: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
  // "Mặc định" on one line: a badge is a pill, its words must not wrap inside it.
  badge: { whiteSpace: 'nowrap' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** A copy of a profile to edit: the default gets a name and id of its own ("… — bản sửa của đơn vị"); a unit's own profile is edited as it is. */
function copyToEdit(profile: RuleProfile, lang: Lang): RuleProfile {
  // A profile is plain JSON (src/rules/profile.ts): a copy through JSON shares nothing with it.
  const copy = JSON.parse(JSON.stringify(profile)) as RuleProfile;
  if (profile.id !== DEFAULT_PROFILE.id) return copy;
  return { ...copy, id: `${profile.id}-don-vi`, name: messages(lang).profileEditor.copyName(profile.name) };
}

/**
 * The rules of the profile in use in words, each with its rule ID (RULES.md); "Sao chép để sửa"
 * opens the editor on a copy, "Lưu vào sổ tính" keeps it in the workbook's saved settings at once
 * (the settings sheet alone: src/workbook/pipeline.ts planSettings — not a part a run wrote, so undo
 * leaves it be), "Về mặc định" returns to Phụ lục 12. The run form runs under the profile shown here.
 */
export function ProfilePanel({
  profile,
  lang,
  session,
  onChange,
}: {
  profile: RuleProfile;
  lang: Lang;
  session?: WorkbookSession;
  /** The profile chosen (saved): the run form runs under it. */
  onChange?: (profile: RuleProfile) => void;
}) {
  const styles = useStyles();
  const m = messages(lang);
  const t = m.profileEditor;
  const [editing, setEditing] = useState<RuleProfile>();
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ intent: 'success' | 'error'; text: string }>();
  const custom = compareProfiles(profile, DEFAULT_PROFILE).length > 0 || profile.id !== DEFAULT_PROFILE.id;
  const differs = compareProfiles(profile, DEFAULT_PROFILE).length > 0;

  /** Keeps the profile in the workbook's saved settings (none there: only for this pane), then runs under it. */
  async function keep(next: RuleProfile, done: string) {
    setBusy(true);
    setNotice(undefined);
    try {
      if (session) {
        const engine = await loadEngine();
        const snapshot = await session.read();
        const planned = engine.planSettings(snapshot, engine.withProfile(engine.readSettings(snapshot).settings, next), lang);
        if (!planned.plan) throw new Error(planned.diagnostics.map((d) => d.code).join(', '));
        await session.apply(planned.plan);
      }
      onChange?.(next);
      setEditing(undefined);
      // Outside Excel a profile is applied to the pane only (back to the default needs no saying so).
      setNotice({ intent: 'success', text: session || next === DEFAULT_PROFILE ? done : t.savedHere });
    } catch (e) {
      setNotice({ intent: 'error', text: e instanceof Error ? e.message : String(e) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card aria-labelledby="profile-heading">
      <CardHeader
        header={
          <Subtitle2 as="h2" id="profile-heading">
            {m.profile.heading}: {profile.name}
          </Subtitle2>
        }
        description={
          <Caption1>
            {m.profile.source}: {profile.source}
          </Caption1>
        }
        action={
          <span className={styles.badges}>
            <Badge appearance="tint" color={differs ? 'warning' : 'brand'} className={styles.badge} data-testid="profile-badge">
              {profileBadge(profile, lang)}
            </Badge>
            {differs && (
              <Badge appearance="filled" color="warning" className={styles.badge}>
                {t.differs}
              </Badge>
            )}
          </span>
        }
      />
      {!editing && (
        <div className={styles.actions}>
          <Button disabled={busy} onClick={() => setEditing(copyToEdit(profile, lang))}>
            {t.copy}
          </Button>
          {custom && (
            <Button disabled={busy} onClick={() => void keep(DEFAULT_PROFILE, t.resetDone)}>
              {t.reset}
            </Button>
          )}
        </div>
      )}
      {notice && (
        <MessageBar intent={notice.intent} data-testid="profile-notice">
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}
      {editing ? (
        <Suspense fallback={<Body1>{m.taskpane.loading}</Body1>}>
          <ProfileEditor initial={editing} lang={lang} busy={busy} onSave={(p) => void keep(p, t.saved)} onCancel={() => setEditing(undefined)} />
        </Suspense>
      ) : (
        <ul className={styles.list} data-testid="profile-rules">
          {describeProfile(profile, lang).map((line, i) => (
            <li key={i} className={styles.item}>
              <span className={styles.ids}>
                {line.rules.map((r) => (
                  <Badge key={r} appearance="outline" size="small">
                    {r}
                  </Badge>
                ))}
              </span>
              <Body1>{line.text}</Body1>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
