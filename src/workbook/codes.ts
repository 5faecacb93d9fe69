import { diagnosticsOf, type RuleId, type Severity } from '../rules';

/**
 * Diagnostics of reading a workbook, beside the rulebook's (src/rules/codes.ts): same shape,
 * stable codes, messages in src/i18n, listed in README.
 */
export const WORKBOOK_CODES = {
  'E-SHEET-NOT-FOUND': { severity: 'error', rule: 'INPUT' },
  'E-SHEET-AMBIGUOUS': { severity: 'error', rule: 'INPUT' },
  'E-NO-TABLE': { severity: 'error', rule: 'INPUT' },
  'E-NOT-A-NUMBER': { severity: 'error', rule: 'INPUT' },
  'E-NAME-MISSING': { severity: 'error', rule: 'INPUT' },
  'E-NO-MATCH': { severity: 'error', rule: 'INPUT' },
  'E-AMBIGUOUS-MATCH': { severity: 'error', rule: 'INPUT' },
  'E-TARGET-NOT-EMPTY': { severity: 'error', rule: 'INPUT' },
  'E-NO-VOTE-COLUMN': { severity: 'error', rule: 'INPUT' },
  'E-SHEET-NAME-TAKEN': { severity: 'error', rule: 'INPUT' },
  'E-DECISION-UNSIGNED': { severity: 'error', rule: 'TIE' },
  'E-NOTHING-TO-UNDO': { severity: 'error', rule: 'INPUT' },
  'E-SETTINGS-DAMAGED': { severity: 'error', rule: 'INPUT' },
  'E-UNDO-DAMAGED': { severity: 'error', rule: 'INPUT' },
  'E-UNDO-TOO-LARGE': { severity: 'error', rule: 'INPUT' },
  'E-MAP-FIELD-MISSING': { severity: 'error', rule: 'INPUT' },
  'E-MAP-SAME-COLUMN': { severity: 'error', rule: 'INPUT' },
  'E-MAP-COLUMN-EMPTY': { severity: 'error', rule: 'INPUT' },
  'W-BAD-DATE': { severity: 'warning', rule: 'INPUT' },
  'W-BAD-GENDER': { severity: 'warning', rule: 'INPUT' },
  'W-BAD-MARK': { severity: 'warning', rule: 'INPUT' },
  'W-COUNT-BLANK': { severity: 'warning', rule: 'INPUT' },
  'W-NO-ROSTER': { severity: 'warning', rule: 'INPUT' },
  'W-SETTINGS-REPLACED': { severity: 'warning', rule: 'INPUT' },
  'W-UNDO-REPLACED': { severity: 'warning', rule: 'INPUT' },
  'W-MAP-COLUMN-EMPTY': { severity: 'warning', rule: 'INPUT' },
} as const satisfies Record<string, { severity: Severity; rule: RuleId }>;

export type WorkbookCode = keyof typeof WORKBOOK_CODES;

export const workbookDiagnostic = diagnosticsOf<WorkbookCode>(WORKBOOK_CODES);
