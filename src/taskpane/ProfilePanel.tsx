import { Badge, Body1, Caption1, Card, CardHeader, Subtitle2, makeStyles, tokens } from '@fluentui/react-components';
import { describeProfile, messages, profileBadge, type Lang } from '../i18n';
import type { RuleProfile } from '../rules';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, margin: 0, padding: 0, listStyleType: 'none' },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-start' },
  ids: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS, minWidth: '64px' },
});

/** The rules of a profile in words, each with its rule ID (RULES.md). */
export function ProfilePanel({ profile, lang }: { profile: RuleProfile; lang: Lang }) {
  const styles = useStyles();
  const m = messages(lang);
  return (
    <Card aria-labelledby="profile-heading">
      <CardHeader
        header={
          <Subtitle2 as="h2" id="profile-heading">
            {m.profile.heading}: {profile.name}
          </Subtitle2>
        }
        description={<Caption1>{m.profile.source}: {profile.source}</Caption1>}
        action={<Badge appearance="tint">{profileBadge(profile, lang)}</Badge>}
      />
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
    </Card>
  );
}
