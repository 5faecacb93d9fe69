import type { Diagnostic, RuleId, Severity, SourceRef } from './types';

/**
 * Every diagnostic the rulebook can give, with a stable code. Messages in words live in
 * src/i18n (one per code and language); README lists the table.
 */
export const CODES = {
  'E-QUORUM': { severity: 'error', rule: 'QUORUM' },
  'E-COUNT-NOT-WHOLE': { severity: 'error', rule: 'INPUT' },
  'E-PRESENT-GT-CONVENED': { severity: 'error', rule: 'INPUT' },
  'E-AGREE-GT-PRESENT': { severity: 'error', rule: 'INPUT' },
  'E-BALLOTS-SUM': { severity: 'error', rule: 'INPUT' },
  'E-BALLOTS-RETURNED-GT-ISSUED': { severity: 'error', rule: 'INPUT' },
  'E-BALLOTS-ISSUED-GT-PRESENT': { severity: 'error', rule: 'INPUT' },
  'E-DUPLICATE-ROW': { severity: 'error', rule: 'INPUT' },
  'E-REMOVAL-NOT-IN-PLANNING': { severity: 'error', rule: 'RM50' },
  'E-TERM-START-MISSING': { severity: 'error', rule: 'ELIG' },
  'E-CONFERENCE-MISSING': { severity: 'error', rule: 'COMPOSE' },
  'E-STEP-UNKNOWN': { severity: 'error', rule: 'INPUT' },
  'E-DECISION-NO-TIE': { severity: 'error', rule: 'TIE' },
  'E-DECISION-NOT-IN-TIE': { severity: 'error', rule: 'TIE' },
  'E-DECISION-TOO-MANY': { severity: 'error', rule: 'TIE' },
  'W-DECISION-FEWER': { severity: 'warning', rule: 'TIE' },
  'W-ELIG-NO-BIRTH': { severity: 'warning', rule: 'ELIG' },
  'W-ELIG-NO-GENDER': { severity: 'warning', rule: 'ELIG' },
  'W-ELIG-NO-COLUMN': { severity: 'warning', rule: 'ELIG' },
  'W-STRUCT-YOUNG': { severity: 'warning', rule: 'STRUCT' },
  'W-STRUCT-WOMEN': { severity: 'warning', rule: 'STRUCT' },
  'W-STRUCT-TITLES-PER-PERSON': { severity: 'warning', rule: 'STRUCT' },
  'W-GAP-SHORTFALL': { severity: 'warning', rule: 'GAP' },
  'W-CONSULT-INCOMPLETE': { severity: 'warning', rule: 'CONSULT' },
  'W-CONSULT-DISAGREE': { severity: 'warning', rule: 'CONSULT' },
  'W-APPROVAL-MISSING': { severity: 'warning', rule: 'COMPOSE' },
  'W-NO-VOTES': { severity: 'warning', rule: 'INPUT' },
} as const satisfies Record<string, { severity: Severity; rule: RuleId }>;

export type DiagnosticCode = keyof typeof CODES;

/** A maker of diagnostics for a table of codes (this one, and the workbook reader's). */
export function diagnosticsOf<C extends string>(table: Record<C, { severity: Severity; rule: RuleId }>) {
  return (code: C, params: Diagnostic['params'] = {}, at?: SourceRef): Diagnostic => {
    const { severity, rule } = table[code];
    return at ? { code, severity, rule, params, at } : { code, severity, rule, params };
  };
}

export const diagnostic = diagnosticsOf<DiagnosticCode>(CODES);
