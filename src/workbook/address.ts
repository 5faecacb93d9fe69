/** A1 addressing: columns are letters (A…XFD), rows and columns 1-based. */

const LETTERS: string[] = [];

export function columnLetters(col: number): string {
  if (col < 1000) return (LETTERS[col] ??= lettersOf(col));
  return lettersOf(col);
}

function lettersOf(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

export interface CellPos {
  row: number;
  col: number;
}

export interface RangePos {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseCell(ref: string): CellPos | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  return m ? { row: Number(m[2]), col: columnNumber(m[1]) } : undefined;
}

/** "B3:D9" (or a single cell) → its corners; undefined when not an A1 range. */
export function parseRange(ref: string): RangePos | undefined {
  const [from, to = from] = ref.replace(/^.*!/, '').split(':');
  const a = parseCell(from);
  const b = parseCell(to);
  if (!a || !b) return undefined;
  return { top: Math.min(a.row, b.row), left: Math.min(a.col, b.col), bottom: Math.max(a.row, b.row), right: Math.max(a.col, b.col) };
}

export function rangeA1(r: RangePos): string {
  const from = a1(r.top, r.left);
  const to = a1(r.bottom, r.right);
  return from === to ? from : `${from}:${to}`;
}

/** A range as Excel writes it in a defined name: '$A$1:$B$2' (a single cell '$A$1'). */
export function absoluteA1(r: RangePos): string {
  const from = `$${columnLetters(r.left)}$${r.top}`;
  const to = `$${columnLetters(r.right)}$${r.bottom}`;
  return from === to ? from : `${from}:${to}`;
}

/** A sheet name quoted for a reference: 'KP HN cán bộ' ('' for a quote inside). */
export function quotedSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/** "'Sheet 1'!$A$1:$B$2" → { sheet: "Sheet 1", range: "A1:B2" } ('' in a quoted name is one quote). */
export function parseSheetRange(ref: string): { sheet: string; range: string } | undefined {
  const m = /^(?:'((?:[^']|'')*)'|([^'!]*))!(.+)$/.exec(ref.trim());
  if (!m) return undefined;
  const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const range = parseRange(m[3].replace(/\$/g, ''));
  if (!sheet || !range) return undefined;
  return { sheet, range: rangeA1(range) };
}
