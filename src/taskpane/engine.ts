/**
 * The pipeline the run form needs (parse → decide → render, preview, undo), loaded apart from the
 * pane's first script: outside Excel, without a workbook, it is never fetched (src/taskpane/RunForm.tsx).
 */
export { runPipeline } from '../workbook/pipeline';
export { previewRun } from '../workbook/preview';
export { planUndo } from '../workbook/bookkeeping/undo';
export { planSettings } from '../workbook/pipeline';
export { effectiveSettings, readSettings, withProfile } from '../workbook/bookkeeping/settings';
export { sampleRows } from '../workbook/reader/column-map';
