import { makeStyles, tokens } from '@fluentui/react-components';

/** The layout of the pane's forms (the run form and the head's decision). */
export const useFormStyles = makeStyles({
  form: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, border: 'none', margin: 0, padding: 0 },
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalM },
  /**
   * Fields side by side where the pane is wide enough for two (the workbench), one under the other
   * at Excel's task-pane width (320–350 px); side by side, their inputs level however their labels wrap.
   */
  fields: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(min(100%, 13rem), 1fr))',
    alignItems: 'end',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalS,
  },
  grow: { flexGrow: 1, flexBasis: '120px', minWidth: 0 },
  // A long procedure name must not push the list past the pane's edge.
  fill: { width: '100%', minWidth: 0 },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, margin: 0, paddingLeft: 0, listStyleType: 'none' },
  item: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  // "Lưu ý" on one line, its pill never squeezed by the message beside it.
  badge: { whiteSpace: 'nowrap', flexShrink: 0 },
  // A long message (a sheet name and cell, a file name) wraps within its card.
  wrapText: { minWidth: 0, overflowWrap: 'anywhere', whiteSpace: 'normal' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  verdictOk: { color: tokens.colorPaletteGreenForeground1 },
  verdictBad: { color: tokens.colorPaletteRedForeground1 },
});
