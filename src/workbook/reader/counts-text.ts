import type { ConferenceInput, Diagnostic, SourceRef } from '../../rules';
import { workbookDiagnostic } from '../codes';
import type { SheetView } from './sheet-view';
import { sourceAt } from './sheet-view';
import type { FoundTable } from './table';
import { cellText, fold } from './text';
import { readCount } from './values';

/**
 * A conference's numbers as minutes write them, in words around the table: "Tổng số người được
 * triệu tập: 25", "Có mặt: 20/25 đồng chí được triệu tập (vắng 05 đồng chí)", "Tổng số đại biểu được
 * triệu tập 25 đồng chí, có mặt 20 đồng chí", "Số phiếu phát ra: 20; thu vào: 20; hợp lệ: 19;
 * không hợp lệ: 1", or a label with its number in the next cell. What is stated twice must agree,
 * and those present and absent must add up to those convened: else an error naming both cells.
 */

export type CountField = 'convened' | 'present' | 'absent' | 'issued' | 'returned' | 'valid' | 'invalid';

/** Folded phrases naming each number; longer phrases first where one contains another. */
const LABELS: { field: CountField; phrases: string[] }[] = [
  { field: 'invalid', phrases: ['khong hop le'] },
  { field: 'valid', phrases: ['hop le'] },
  { field: 'issued', phrases: ['phat ra'] },
  { field: 'returned', phrases: ['thu vao'] },
  { field: 'absent', phrases: ['vang mat', 'vang'] },
  { field: 'present', phrases: ['co mat', 'tham du', 'du hoi nghi', 'du hop', 'du sinh hoat', 'so nguoi du', 'so dai bieu du'] },
  {
    field: 'convened',
    phrases: ['duoc trieu tap', 'trieu tap', 'tong so dang vien', 'tong so dai bieu', 'tong so can bo', 'tong so thanh vien', 'tong so doan vien', 'tong so hoi vien', 'tong so cong chuc'],
  },
];

/** A number a text states, where in the text it sits. */
export interface CountFact {
  field: CountField;
  value: number;
}

type Token = { kind: 'label'; field: CountField } | { kind: 'number'; value: number; of?: number };

/** The labels and numbers of one clause, in order (folded text, dates taken out). */
function tokens(clause: string): Token[] {
  const out: { at: number; token: Token }[] = [];
  const taken: [number, number][] = [];
  const free = (from: number, to: number) => !taken.some(([a, b]) => from < b && to > a);
  for (const { field, phrases } of LABELS)
    for (const p of phrases) {
      const re = new RegExp(`(?:^| )${p}(?= |$)`, 'g');
      for (let m = re.exec(clause); m; m = re.exec(clause)) {
        const from = m.index + (m[0].startsWith(' ') ? 1 : 0);
        if (!free(from, from + p.length)) continue;
        taken.push([from, from + p.length]);
        out.push({ at: from, token: { kind: 'label', field } });
      }
    }
  const numbers = /(\d{1,6})(?:\s*\/\s*(\d{1,6}))?/g;
  for (let m = numbers.exec(clause); m; m = numbers.exec(clause)) {
    out.push({ at: m.index, token: m[2] !== undefined ? { kind: 'number', value: Number(m[1]), of: Number(m[2]) } : { kind: 'number', value: Number(m[1]) } });
  }
  return out.sort((a, b) => a.at - b.at).map((t) => t.token);
}

/**
 * The numbers a text states, clause by clause: a number goes to the label before it in its clause
 * ("có mặt 20"), or, before any label, to the label after it ("25 đồng chí được triệu tập"); a
 * fraction after "có mặt" is those present of those convened ("20/25"). A label's first number only.
 */
export function countFacts(text: string): CountFact[] {
  // Folded, keeping the marks that matter here: "/" of fractions, and the clause breaks.
  const prepared = text
    .normalize('NFC')
    .replace(/\b\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}\b/g, ' ')
    .split(/[,;()\n]|\.(?=\s|$)|\s[-–]\s/);
  const facts: CountFact[] = [];
  const has = (field: CountField) => facts.some((f) => f.field === field);
  for (const raw of prepared) {
    const clause = fold(raw.replace(/\//g, ' SLASH ')).replace(/ slash /g, '/');
    let label: CountField | undefined;
    let labelled = false;
    const before: Token[] = [];
    const add = (field: CountField, n: { value: number; of?: number }) => {
      if (has(field)) return;
      facts.push({ field, value: n.value });
      if (n.of !== undefined && field === 'present' && !has('convened')) facts.push({ field: 'convened', value: n.of });
    };
    for (const t of tokens(clause)) {
      if (t.kind === 'label') {
        if (label === undefined && before.length && !labelled) {
          const n = before.shift();
          if (n?.kind === 'number') add(t.field, n);
          labelled = true;
          continue;
        }
        if (label !== t.field) {
          label = t.field;
          labelled = false;
        }
        continue;
      }
      if (label === undefined) {
        before.push(t);
        continue;
      }
      if (!labelled) {
        add(label, t);
        labelled = true;
      }
    }
  }
  return facts;
}

/** The labels a text holds without a number in the same clause ("Số người có mặt:"), for a number in the next cell. */
function bareLabels(text: string): CountField[] {
  const out: CountField[] = [];
  for (const raw of text.normalize('NFC').split(/[,;()\n]/)) {
    const ts = tokens(fold(raw));
    if (ts.some((t) => t.kind === 'number')) continue;
    const first = ts.find((t): t is Extract<Token, { kind: 'label' }> => t.kind === 'label');
    if (first) out.push(first.field);
  }
  return out;
}

/** The text of the rows that belong to a table's page above its header and below its rows. */
export function pageTexts(view: SheetView, table: FoundTable, below = 15): { row: number; col: number; text: string }[] {
  const out: { row: number; col: number; text: string }[] = [];
  const rows: number[] = [];
  for (let r = table.above; r < table.headerTop; r++) rows.push(r);
  for (let r = table.end; r <= Math.min(view.rowCount, table.below, table.end + below); r++) rows.push(r);
  for (const row of rows)
    for (let col = 1; col <= view.colCount; col++) {
      const text = view.text(row, col);
      if (text) out.push({ row, col, text });
    }
  return out;
}

type Stated = Partial<Record<CountField, { value: number; at: SourceRef }>>;

/**
 * The conference's numbers around a table, with what they say checked: a number stated twice with
 * two values is E-COUNTS-DISAGREE, present + absent ≠ convened is E-ATTENDANCE-SUM (both naming the cells).
 */
export function conferenceNumbers(view: SheetView, tables: readonly FoundTable[], diagnostics: Diagnostic[]): Partial<ConferenceInput> {
  const stated: Stated = {};
  const state = (field: CountField, value: number, at: SourceRef) => {
    const known = stated[field];
    if (!known) stated[field] = { value, at };
    else if (known.value !== value) diagnostics.push(workbookDiagnostic('E-COUNTS-DISAGREE', { field, first: known.value, second: value, firstCell: known.at.cell ?? '', secondCell: at.cell ?? '' }, at));
  };
  for (const { row, col, text } of tables.flatMap((t) => pageTexts(view, t))) {
    for (const f of countFacts(text)) state(f.field, f.value, sourceAt(view.name, row, col));
    for (const field of bareLabels(text)) {
      for (let c = col + 1; c <= Math.min(view.colCount, col + 4); c++) {
        const n = readCount(view.value(row, c));
        if (n.ok) {
          state(field, n.value, sourceAt(view.name, row, c));
          break;
        }
        if (cellText(view.value(row, c)).trim()) break;
      }
    }
  }
  const { convened, present, absent } = stated;
  if (convened && present && absent && present.value + absent.value !== convened.value) {
    diagnostics.push(
      workbookDiagnostic('E-ATTENDANCE-SUM', { present: present.value, absent: absent.value, convened: convened.value, presentCell: present.at.cell ?? '', absentCell: absent.at.cell ?? '', convenedCell: convened.at.cell ?? '' }, absent.at),
    );
  }
  const out: Partial<ConferenceInput> = {};
  if (convened) out.convened = convened.value;
  if (present) out.present = present.value;
  if (convened || present) out.source = { convened: convened?.at, present: present?.at };
  const { issued, returned, valid, invalid } = stated;
  if (issued || returned || valid || invalid) {
    out.ballots = { issued: issued?.value, returned: returned?.value, valid: valid?.value, invalid: invalid?.value };
    out.source = { ...out.source, ballots: { issued: issued?.at, returned: returned?.at, valid: valid?.at, invalid: invalid?.at } };
  }
  return out;
}
