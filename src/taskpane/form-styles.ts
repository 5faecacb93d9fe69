import { makeStyles, tokens } from '@fluentui/react-components';

/** The layout of the pane's forms (the run form and the head's decision). */
export const useFormStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, border: 'none', margin: 0, padding: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  grow: { flexGrow: 1, flexBasis: '120px', minWidth: 0 },
  // A long procedure name must not push the list past the pane's edge.
  fill: { width: '100%', minWidth: 0 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, paddingLeft: 0, listStyleType: 'none' },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  verdictOk: { color: tokens.colorPaletteGreenForeground1 },
  verdictBad: { color: tokens.colorPaletteRedForeground1 },
});
