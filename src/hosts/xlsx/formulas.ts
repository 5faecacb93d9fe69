/**
 * Formulas a file keeps no result for (issue 15: "=6*2 in a file written by a program that does
 * not calculate … is read as blank"): computed by the xlsx host's read step where they are plain
 * arithmetic over numbers and cells of the workbook — + − × ÷, parentheses, SUM, cell and range
 * references on the same sheet or another — by a small parser (never eval). What it cannot compute
 * (another function, another workbook, a circular reference, a text where a number belongs, an
 * error) stays blank and is marked with the reason; a formula reaching into another workbook
 * (`[1]Sheet!A1`) is marked with that workbook's name, its saved value kept. The marks
 * (SheetSnapshot.formulas) become diagnostics where the run reads those cells
 * (src/workbook/formula-notes.ts).
 */
import { a1, parseCell, type CellPos } from '../../workbook/address';
import type { CellValue, FormulaMark, SheetSnapshot } from '../../workbook/snapshot';

/** A formula cell without a saved result, as the read step found it. */
export interface Uncomputed {
  sheet: string;
  row: number;
  col: number;
  formula: string;
}

class Cannot extends Error {
  constructor(
    readonly reason: 'function' | 'external' | 'circular' | 'text' | 'error' | 'syntax',
    readonly detail = '',
  ) {
    super(reason);
  }
}

type Token = { kind: 'num'; value: number } | { kind: 'ref'; sheet?: string; from: string; to?: string } | { kind: 'fn'; name: string } | { kind: 'op'; op: string };

const SHEET = String.raw`(?:'((?:[^']|'')+)'|([\p{L}_][\p{L}\p{N}_.]*))!`;
const CELL = String.raw`\$?[A-Za-z]{1,3}\$?\d+`;
const TOKEN = new RegExp(String.raw`\s*(?:(\[\d+\])|(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|(?:${SHEET})?(${CELL})(?::(${CELL}))?(?![\p{L}\p{N}_(])|([\p{L}_][\p{L}\p{N}_.]*)\s*\(|([-+*/(),;]))`, 'uy');

function tokens(formula: string): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  let at = 0;
  const text = formula.trim().replace(/^=/, '');
  while (at < text.length) {
    if (/^\s+$/.test(text.slice(at))) break;
    TOKEN.lastIndex = at;
    const m = TOKEN.exec(text);
    if (!m) throw new Cannot(/\[/.test(text.slice(at)) ? 'external' : 'syntax');
    at = TOKEN.lastIndex;
    if (m[1]) throw new Cannot('external', m[1]);
    if (m[2]) out.push({ kind: 'num', value: Number(m[2]) });
    else if (m[5]) out.push({ kind: 'ref', sheet: m[3] !== undefined ? m[3].replace(/''/g, "'") : m[4], from: m[5].replace(/\$/g, '').toUpperCase(), to: m[6]?.replace(/\$/g, '').toUpperCase() });
    else if (m[7]) out.push({ kind: 'fn', name: m[7].toUpperCase() });
    else out.push({ kind: 'op', op: m[8] === ';' ? ',' : m[8] });
  }
  return out;
}

const cellPos = (ref: string): CellPos => parseCell(ref) as CellPos;

/**
 * Computes the formulas given, into the sheets' values (those it can), and marks each on its
 * sheet: computed, or not with the reason. Referenced formulas without results are computed first.
 */
export function computeFormulas(sheets: SheetSnapshot[], pending: Uncomputed[]): void {
  const byName = new Map(sheets.map((s) => [s.name.toLocaleUpperCase('vi'), s]));
  const key = (sheet: string, row: number, col: number) => `${sheet}\u0000${row}\u0000${col}`;
  const todo = new Map(pending.map((p) => [key(p.sheet, p.row, p.col), p]));
  const done = new Map<string, number | Cannot>();
  const busy = new Set<string>();

  const evaluate = (p: Uncomputed): number | Cannot => {
    const k = key(p.sheet, p.row, p.col);
    const known = done.get(k);
    if (known !== undefined) return known;
    if (busy.has(k)) return new Cannot('circular');
    busy.add(k);
    let result: number | Cannot;
    try {
      result = parse(tokens(p.formula), p.sheet);
      if (!Number.isFinite(result)) result = new Cannot('error');
    } catch (e) {
      if (!(e instanceof Cannot)) throw e;
      result = e;
    }
    busy.delete(k);
    done.set(k, result);
    return result;
  };

  /** A referenced cell's value, a formula without result computed first. */
  const value = (sheetName: string, row: number, col: number): CellValue => {
    const sheet = byName.get(sheetName.toLocaleUpperCase('vi'));
    if (!sheet) throw new Cannot('syntax', sheetName);
    const p = todo.get(key(sheet.name, row, col));
    if (p) {
      const r = evaluate(p);
      if (r instanceof Cannot) throw r.reason === 'circular' ? r : new Cannot(r.reason, r.detail);
      return r;
    }
    return sheet.values[row - 1]?.[col - 1] ?? null;
  };

  function parse(ts: Token[], sheet: string): number {
    let i = 0;
    const peek = () => ts[i];
    const isOp = (op: string) => ts[i]?.kind === 'op' && (ts[i] as { op: string }).op === op;
    const expect = (op: string) => {
      if (!isOp(op)) throw new Cannot('syntax');
      i++;
    };
    const single = (t: { sheet?: string; from: string }): number => {
      const { row, col } = cellPos(t.from);
      const v = value(t.sheet ?? sheet, row, col);
      if (v === null) return 0;
      if (typeof v === 'number') return v;
      if (typeof v === 'object') throw new Cannot('error');
      throw new Cannot('text', `${t.sheet ? `${t.sheet}!` : ''}${t.from}`);
    };
    const sumRange = (t: { sheet?: string; from: string; to?: string }): number => {
      if (!t.to) {
        const { row, col } = cellPos(t.from);
        const v = value(t.sheet ?? sheet, row, col);
        if (typeof v === 'object' && v !== null) throw new Cannot('error');
        return typeof v === 'number' ? v : 0;
      }
      const [a, b] = [cellPos(t.from), cellPos(t.to)];
      const target = byName.get((t.sheet ?? sheet).toLocaleUpperCase('vi'));
      if (!target) throw new Cannot('syntax', t.sheet ?? sheet);
      // Only the rows and columns the sheet has: a range to row 1,048,576 costs what the sheet holds.
      const bottom = Math.min(Math.max(a.row, b.row), target.values.length);
      let total = 0;
      for (let r = Math.min(a.row, b.row); r <= bottom; r++) {
        const width = Math.min(Math.max(a.col, b.col), target.values[r - 1]?.length ?? 0);
        for (let c = Math.min(a.col, b.col); c <= width; c++) {
          const v = value(target.name, r, c);
          // As Excel's SUM: numbers added, texts and logical values in a range left out, errors carried.
          if (typeof v === 'number') total += v;
          else if (typeof v === 'object' && v !== null) throw new Cannot('error');
        }
      }
      return total;
    };
    const primary = (): number => {
      const t = peek();
      if (!t) throw new Cannot('syntax');
      i++;
      if (t.kind === 'num') return t.value;
      if (t.kind === 'ref') {
        if (t.to) throw new Cannot('syntax');
        return single(t);
      }
      if (t.kind === 'fn') {
        if (t.name !== 'SUM') throw new Cannot('function', t.name);
        let total = 0;
        if (!isOp(')')) {
          for (;;) {
            const arg = peek();
            const next = ts[i + 1];
            // A bare reference or range argument is summed as Excel does; anything else is an expression.
            if (arg?.kind === 'ref' && (!next || (next.kind === 'op' && (next.op === ',' || next.op === ')')))) {
              i++;
              total += sumRange(arg);
            } else total += expression();
            if (isOp(',')) i++;
            else break;
          }
        }
        expect(')');
        return total;
      }
      if (t.op === '(') {
        const v = expression();
        expect(')');
        return v;
      }
      if (t.op === '-') return -primary();
      if (t.op === '+') return primary();
      throw new Cannot('syntax');
    };
    const term = (): number => {
      let v = primary();
      while (isOp('*') || isOp('/')) {
        const op = (ts[i++] as { op: string }).op;
        const w = primary();
        if (op === '/' && w === 0) throw new Cannot('error');
        v = op === '*' ? v * w : v / w;
      }
      return v;
    };
    const expression = (): number => {
      let v = term();
      while (isOp('+') || isOp('-')) {
        const op = (ts[i++] as { op: string }).op;
        const w = term();
        v = op === '+' ? v + w : v - w;
      }
      return v;
    };
    const v = expression();
    if (i !== ts.length) throw new Cannot('syntax');
    return v;
  }

  for (const p of pending) {
    const sheet = byName.get(p.sheet.toLocaleUpperCase('vi'));
    if (!sheet) continue;
    const r = evaluate(p);
    const mark: FormulaMark = r instanceof Cannot ? { formula: p.formula, status: 'not-computed', reason: r.reason, ...(r.detail ? { detail: r.detail } : {}) } : { formula: p.formula, status: 'computed' };
    if (!(r instanceof Cannot)) {
      // Into the values, growing the sheet's rows and columns where the cell lies past them.
      while (sheet.values.length < p.row) sheet.values.push([]);
      const row = sheet.values[p.row - 1];
      while (row.length < p.col) row.push(null);
      row[p.col - 1] = r;
    }
    (sheet.formulas ??= {})[a1(p.row, p.col)] = mark;
  }
}

/** The workbook a formula's `[n]` points to (1-based), or undefined for a formula of this workbook. */
export function externalBook(formula: string, books: readonly string[]): string | undefined {
  const m = /\[(\d+)\]/.exec(formula.replace(/"[^"]*"/g, ''));
  if (!m) return undefined;
  return books[Number(m[1]) - 1] ?? m[0];
}
