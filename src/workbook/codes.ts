import { diagnosticsOf, type RuleId, type Severity } from '../rules';

/** A file the xlsx host cannot take, a write that failed, a formula the read could not take at its word. */
export const FILE_CODES = {
  'E-FILE-EMPTY': { severity: 'error', rule: 'INPUT' },
  'E-FILE-NOT-XLSX': { severity: 'error', rule: 'INPUT' },
  'E-FILE-XLS': { severity: 'error', rule: 'INPUT' },
  'E-FILE-ODS': { severity: 'error', rule: 'INPUT' },
  'E-FILE-ENCRYPTED': { severity: 'error', rule: 'INPUT' },
  'E-FILE-TRUNCATED': { severity: 'error', rule: 'INPUT' },
  'E-FILE-DAMAGED': { severity: 'error', rule: 'INPUT' },
  'E-FILE-TOO-LARGE': { severity: 'error', rule: 'INPUT' },
  'E-FILE-UNSUPPORTED': { severity: 'error', rule: 'INPUT' },
  'E-SHEET-NAME-INVALID': { severity: 'error', rule: 'INPUT' },
  'E-SHEET-NAME-DUPLICATE': { severity: 'error', rule: 'INPUT' },
  'E-FORMULA-NOT-COMPUTED': { severity: 'error', rule: 'INPUT' },
  'W-FORMULA-COMPUTED': { severity: 'warning', rule: 'INPUT' },
  'W-EXTERNAL-LINK': { severity: 'warning', rule: 'INPUT' },
  'E-OUT-IS-INPUT': { severity: 'error', rule: 'INPUT' },
  'E-OUT-EXISTS': { severity: 'error', rule: 'INPUT' },
  'E-WRITE-FAILED': { severity: 'error', rule: 'INPUT' },
  'E-USAGE': { severity: 'error', rule: 'INPUT' },
  'E-INTERNAL': { severity: 'error', rule: 'INPUT' },
} as const satisfies Record<string, { severity: Severity; rule: RuleId }>;

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
  // What the sheets say must hold together; what looks like data is read or named (issue 14).
  'E-COUNTS-DISAGREE': { severity: 'error', rule: 'INPUT' },
  'E-ATTENDANCE-SUM': { severity: 'error', rule: 'INPUT' },
  'E-VOTE-PERCENT-MISMATCH': { severity: 'error', rule: 'INPUT' },
  'E-VOTE-BASE-MISMATCH': { severity: 'error', rule: 'INPUT' },
  'E-VOTE-COLUMN-AMBIGUOUS': { severity: 'error', rule: 'INPUT' },
  'E-COLUMN-CHOICE-BAD': { severity: 'error', rule: 'INPUT' },
  'E-HIDDEN-ROWS': { severity: 'error', rule: 'INPUT' },
  'E-DATA-BELOW-TABLE': { severity: 'error', rule: 'INPUT' },
  'W-VOTE-COLUMN-UNUSED': { severity: 'warning', rule: 'INPUT' },
  'W-HIDDEN-COLUMN': { severity: 'warning', rule: 'INPUT' },
  'W-HIDDEN-ROWS': { severity: 'warning', rule: 'INPUT' },
  'W-DATA-BELOW-TABLE': { severity: 'warning', rule: 'INPUT' },
  'W-TABLE-LEFT-OUT': { severity: 'warning', rule: 'INPUT' },
  'W-LEFT-UNUSED': { severity: 'warning', rule: 'INPUT' },
  // The file itself (src/hosts/xlsx/package-check.ts), the command's writes, formulas without results.
  ...FILE_CODES,
} as const satisfies Record<string, { severity: Severity; rule: RuleId }>;

export type WorkbookCode = keyof typeof WORKBOOK_CODES;

export const workbookDiagnostic = diagnosticsOf<WorkbookCode>(WORKBOOK_CODES);
