import { useEffect, useMemo, useRef, useState } from 'react';
import { Body1, Button, Caption1, Checkbox, Field, Input, MessageBar, MessageBarBody, Select, Subtitle2, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { describeProfile, messages, type Lang } from '../i18n';
import { loadProfile, type ProfileIssue, type RuleId, type RuleProfile } from '../rules';

/**
 * The editor of a rule profile, for what an office may legitimately set (RULES.md): its name and
 * source, the quota (TOP), the thresholds of QUORUM, N30, L50, L50C and RM50 as whole-number ratios
 * with a strict or non-strict comparison, the tie mode (TIE), which counts are announced (ANNOUNCE)
 * and the structure targets (STRUCT). The bases, the eligibility standards and the retirement
 * schedules are the law's and are left as they are. Every change is checked by the rules' own
 * profile validation (loadProfile, as for the command's --profile) and shown in words, with the
 * arithmetic, as it is typed.
 */

const useStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, border: 'none', margin: 0, padding: 0 },
  // Numerator and denominator side by side at any width, their inputs level however the labels wrap.
  ratio: { display: 'grid', gridTemplateColumns: 'minmax(0, 1fr) minmax(0, 1fr)', columnGap: tokens.spacingHorizontalM, alignItems: 'end' },
  fill: { width: '100%', minWidth: 0 },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** The thresholds an office may set, in the order of the text, with the rule each is. */
const THRESHOLDS: { key: 'quorum' | 'nomination' | 'leadership' | 'externalLeadership' | 'removal'; rule: RuleId }[] = [
  { key: 'quorum', rule: 'QUORUM' },
  { key: 'nomination', rule: 'N30' },
  { key: 'leadership', rule: 'L50' },
  { key: 'externalLeadership', rule: 'L50C' },
  { key: 'removal', rule: 'RM50' },
];
const TARGETS = ['youngMin', 'womenMin'] as const;

/** What is typed: text as it stands (checked on building the profile), switches as they are. */
interface Draft {
  name: string;
  source: string;
  quota: string;
  perTitle: string;
  ratios: Record<string, { num: string; den: string }>;
  strict: Record<string, boolean>;
  tie: RuleProfile['tie']['mode'];
  announce: Record<string, boolean>;
  youngBelowAge: string;
}

function draftOf(p: RuleProfile): Draft {
  const ratios: Draft['ratios'] = {};
  const strict: Draft['strict'] = {};
  for (const { key } of THRESHOLDS) {
    ratios[key] = { num: String(p[key].threshold.num), den: String(p[key].threshold.den) };
    strict[key] = p[key].strict;
  }
  for (const key of TARGETS) ratios[key] = { num: String(p.structure[key].num), den: String(p.structure[key].den) };
  return {
    name: p.name,
    source: p.source,
    quota: String(p.quota.default),
    perTitle: Object.entries(p.quota.perTitle)
      .map(([t, n]) => `${t} = ${n}`)
      .join('\n'),
    ratios,
    strict,
    tie: p.tie.mode,
    announce: { ...p.announce },
    youngBelowAge: String(p.structure.youngBelowAge),
  };
}

/** A whole number typed, else the text as typed (the validation then names the field). */
const number = (text: string): number | string => (/^\s*\d+\s*$/.test(text) ? Number(text) : text);

/** The profile the draft makes (not yet checked): the rest is the starting profile's. */
function build(base: RuleProfile, d: Draft): unknown {
  const ratio = (key: string) => ({ num: number(d.ratios[key].num), den: number(d.ratios[key].den) });
  const perTitle: Record<string, number | string> = {};
  for (const line of d.perTitle.split('\n')) {
    if (line.trim() === '') continue;
    const at = line.lastIndexOf('=');
    if (at < 0) perTitle[line.trim()] = '';
    else perTitle[line.slice(0, at).trim()] = number(line.slice(at + 1));
  }
  const out: Record<string, unknown> = {
    ...base,
    name: d.name,
    source: d.source,
    quota: { ...base.quota, default: number(d.quota), perTitle },
    tie: { mode: d.tie },
    announce: { ...d.announce },
    structure: { youngBelowAge: number(d.youngBelowAge), youngMin: ratio('youngMin'), womenMin: ratio('womenMin') },
  };
  for (const { key } of THRESHOLDS) out[key] = { ...base[key], threshold: ratio(key), strict: d.strict[key] };
  return out;
}

export function ProfileEditor({
  initial,
  lang,
  busy = false,
  onSave,
  onCancel,
}: {
  initial: RuleProfile;
  lang: Lang;
  busy?: boolean;
  onSave: (profile: RuleProfile) => void;
  onCancel: () => void;
}) {
  const styles = useStyles();
  const m = messages(lang);
  const t = m.profileEditor;
  const [draft, setDraft] = useState<Draft>(() => draftOf(initial));
  const first = useRef<HTMLInputElement>(null);
  // The editor opens with the focus on its first field (keyboard users land in it).
  useEffect(() => first.current?.focus(), []);

  const checked = useMemo(() => loadProfile(build(initial, draft)), [initial, draft]);
  const issues: ProfileIssue[] = checked.ok ? [] : checked.issues;
  const lines = useMemo(() => (checked.ok ? describeProfile(checked.profile, lang) : []), [checked, lang]);
  const words = (rule: string) => lines.find((l) => l.rules.includes(rule))?.text;
  const bad = (path: string) => issues.find((i) => i.path === path || i.path.startsWith(`${path}.`));
  const problem = (path: string) => {
    const i = bad(path);
    return i ? { validationState: 'error' as const, validationMessage: i.expected } : {};
  };
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setRatio = (key: string, part: 'num' | 'den', value: string) => setDraft((d) => ({ ...d, ratios: { ...d.ratios, [key]: { ...d.ratios[key], [part]: value } } }));

  const ratioInputs = (key: string, path: string, label: string) => (
    <div className={styles.ratio}>
      <Field label={`${label} — ${t.numerator}`}>
        <Input className={styles.fill} data-testid={`ratio-${key}-num`} inputMode="numeric" value={draft.ratios[key].num} disabled={busy} onChange={(_, v) => setRatio(key, 'num', v.value)} />
      </Field>
      <Field label={`${label} — ${t.denominator}`} {...problem(path)}>
        <Input className={styles.fill} data-testid={`ratio-${key}-den`} inputMode="numeric" value={draft.ratios[key].den} disabled={busy} onChange={(_, v) => setRatio(key, 'den', v.value)} />
      </Field>
    </div>
  );

  return (
    <form
      className={styles.form}
      aria-labelledby="profile-editor-heading"
      data-testid="profile-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (checked.ok && !busy) onSave(checked.profile);
      }}
    >
      <Subtitle2 as="h3" id="profile-editor-heading">
        {t.heading}
      </Subtitle2>
      <Field label={t.name} {...problem('name')}>
        <Input ref={first} className={styles.fill} data-testid="profile-name" value={draft.name} disabled={busy} onChange={(_, v) => set({ name: v.value })} />
      </Field>
      <Field label={t.source} {...problem('source')}>
        <Textarea data-testid="profile-source" value={draft.source} disabled={busy} onChange={(_, v) => set({ source: v.value })} />
      </Field>

      <fieldset className={styles.group}>
        <legend>
          <Body1>
            <strong>{m.rules.TOP} (TOP)</strong>
          </Body1>
        </legend>
        <Field label={t.quotaDefault} {...problem('quota.default')}>
          <Input className={styles.fill} data-testid="profile-quota" inputMode="numeric" value={draft.quota} disabled={busy} onChange={(_, v) => set({ quota: v.value })} />
        </Field>
        <Field label={t.perTitle} hint={t.perTitleHint} {...problem('quota.perTitle')}>
          <Textarea data-testid="profile-per-title" value={draft.perTitle} disabled={busy} onChange={(_, v) => set({ perTitle: v.value })} />
        </Field>
      </fieldset>

      <fieldset className={styles.group}>
        <legend>
          <Body1>
            <strong>{t.thresholds}</strong>
          </Body1>
        </legend>
        {THRESHOLDS.map(({ key, rule }) => {
          const path = key === 'quorum' ? 'quorum.threshold' : `${key}.threshold`;
          return (
            <section key={key} className={styles.group} aria-label={`${m.rules[rule]} (${rule})`}>
              <Body1>
                <strong>
                  {m.rules[rule]} ({rule})
                </strong>
              </Body1>
              <Field label={t.comparison}>
                <Select
                  className={styles.fill}
                  data-testid={`strict-${key}`}
                  value={draft.strict[key] ? 'strict' : 'at-least'}
                  disabled={busy}
                  onChange={(_, v) => set({ strict: { ...draft.strict, [key]: v.value === 'strict' } })}
                >
                  <option value="strict">{t.strict}</option>
                  <option value="at-least">{t.atLeast}</option>
                </Select>
              </Field>
              {ratioInputs(key, path, rule)}
              <Caption1 as="p" aria-live="polite" data-testid={`words-${key}`}>
                {words(rule) ?? ''}
              </Caption1>
            </section>
          );
        })}
      </fieldset>

      <Field label={t.tie}>
        <Select className={styles.fill} data-testid="profile-tie" value={draft.tie} disabled={busy} onChange={(_, v) => set({ tie: v.value as Draft['tie'] })}>
          <option value="straddle">{t.tieModes.straddle}</option>
          <option value="all">{t.tieModes.all}</option>
        </Select>
      </Field>

      <fieldset className={styles.group}>
        <legend>
          <Body1>
            <strong>{t.announce}</strong>
          </Body1>
        </legend>
        {Object.keys(draft.announce).map((key) => (
          <Checkbox
            key={key}
            label={`${m.procedures[key.split(':')[0] as keyof typeof m.procedures] ?? key} — ${(m.steps[key] ?? key).split(':')[0]}`}
            checked={draft.announce[key]}
            disabled={busy}
            onChange={(_, v) => set({ announce: { ...draft.announce, [key]: v.checked === true } })}
          />
        ))}
      </fieldset>

      <fieldset className={styles.group}>
        <legend>
          <Body1>
            <strong>{t.structure}</strong>
          </Body1>
        </legend>
        <Field label={t.youngBelowAge} {...problem('structure.youngBelowAge')}>
          <Input className={styles.fill} inputMode="numeric" value={draft.youngBelowAge} disabled={busy} onChange={(_, v) => set({ youngBelowAge: v.value })} />
        </Field>
        {ratioInputs('youngMin', 'structure.youngMin', t.youngMin)}
        {ratioInputs('womenMin', 'structure.womenMin', t.womenMin)}
        <Caption1 as="p" aria-live="polite">
          {words('STRUCT') ?? ''}
        </Caption1>
      </fieldset>

      {issues.length > 0 && (
        <MessageBar intent="error" data-testid="profile-issues">
          <MessageBarBody>
            {t.invalid} {issues.map((i) => `${i.path || '(root)'}: ${i.expected}`).join('; ')}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button appearance="primary" type="submit" disabled={busy || !checked.ok}>
          {t.save}
        </Button>
        <Button type="button" disabled={busy} onClick={onCancel}>
          {t.cancel}
        </Button>
      </div>
    </form>
  );
}
