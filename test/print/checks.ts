/**
 * What a printed sheet must look like, checked on the PDF LibreOffice makes of it (see pdf.ts).
 * Generic: any sheet a run creates gets these checks; each problem is one line naming the sheet
 * and the page, so a failing test (or scripts/render-pages.mjs) says exactly what is wrong.
 */
import type { CreatedSheet, Pdf, PdfWord } from './pdf';

/** A4 in PDF points, and how far off a page may be. */
export const A4 = { short: 595, long: 842, tolerance: 1 };

export interface PrintedSheet {
  sheet: CreatedSheet;
  pdf: Pdf;
}

export interface PrintedRun {
  label: string;
  sheets: PrintedSheet[];
  /** Whether the conference's counts are announced; undefined when the step has no conference. */
  announced?: boolean;
  /** The heading an announced count carries (never printed when not announced), and the words of one that is not. */
  announcedHeading: string;
  notAnnouncedWords: string;
  /** Each person's name and outcome word, as the run decided them. */
  people: { name: string; outcome: string }[];
  /** The ranked shortlist sheet of the run, if any: its rows end with the outcome word. */
  shortlist?: string;
  /** Pages expected for a sheet: an exact number, or at least `min`. */
  pages?: (sheet: string) => number | { min: number } | undefined;
  /** The run log's sheet: the one printed sheet that keeps rule IDs (every other is a document, softwareWords). */
  runLog?: string;
}

const collapse = (s: string): string => s.replace(/\s+/g, ' ').trim();
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** `word` as a whole word (not inside a longer one: "Nguyễn Văn An" is not in "Nguyễn Văn Anh"). */
const wholeWord = (word: string, flags = 'gu'): RegExp => new RegExp(`(?<![\\p{L}\\p{M}\\p{N}])${escape(word)}(?![\\p{L}\\p{M}\\p{N}])`, flags);
const count = (text: string, word: string): number => [...collapse(text).matchAll(wholeWord(collapse(word)))].length;

/** The text a footer code prints on page `page` of `pages` (one entry per section &L / &C / &R). */
export function footerTexts(code: string, page: number, pages: number, sheet: string): string[] | undefined {
  if (/&[DTFZG]/.test(code)) return undefined; // dates, file names, pictures: not predictable
  return code
    .split(/&[LCR]/)
    .map((part) =>
      part
        .replace(/&"[^"]*"/g, '')
        .replace(/&\d+/g, '')
        .replace(/&[BIUSEXYKOH]/g, '')
        .replace(/&P/g, String(page))
        .replace(/&N/g, String(pages))
        .replace(/&A/g, sheet)
        .replace(/&&/g, '&')
        .trim(),
    )
    .filter((t) => t !== '');
}

function strings(values: CreatedSheet['values'], from: number, to: number): string[] {
  const out: string[] = [];
  for (const row of values.slice(from - 1, to)) for (const v of row ?? []) if (typeof v === 'string' && v.trim()) out.push(v);
  return out;
}

/** Pairs of words whose boxes overlap by more than a third of the smaller one (drawn over each other). */
export function overprinted(words: PdfWord[]): [string, string][] {
  const sorted = [...words].sort((a, b) => a.y0 - b.y0);
  const out: [string, string][] = [];
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    for (let j = i + 1; j < sorted.length && sorted[j].y0 < a.y1; j++) {
      const b = sorted[j];
      const w = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const h = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (w <= 0 || h <= 0) continue;
      const smaller = Math.min((a.x1 - a.x0) * (a.y1 - a.y0), (b.x1 - b.x0) * (b.y1 - b.y0));
      if (w * h > smaller / 3) out.push([a.text, b.text]);
    }
  }
  return out;
}

/**
 * What only software says, never a printed document (the minutes, the shortlist, the review sheets,
 * the head's decision record): a rule ID (QUORUM, L50…), a diagnostic code (E-…, W-…), a formula's
 * signs (3 × 8 = 24 ≥ 2 × 9). They stay in the cell notes, the JSON and the run log.
 */
const SOFTWARE = [
  { what: 'rule ID', re: /(?<![\p{L}\p{N}])(QUORUM|N30|RM50|L50C?|TOP|TIE|ANNOUNCE|ELIG|STRUCT|GAP|CONSULT|COMPOSE|INPUT)(?![\p{L}\p{N}])/gu },
  { what: 'diagnostic code', re: /(?<![\p{L}\p{N}])[EW]-[A-Z]{2,}(?:-[A-Z]+)*/gu },
  { what: 'formula sign', re: /[×≥≤<>=]/gu },
];

/** Each rule ID, code or formula sign in a printed text, with the words around it. */
export function softwareWords(text: string): string[] {
  const flat = collapse(text);
  return SOFTWARE.flatMap(({ what, re }) => [...flat.matchAll(re)].map((m) => `${what} “${m[0]}” in “…${flat.slice(Math.max(0, m.index! - 30), m.index! + m[0].length + 30)}…”`));
}

/** Numbers printed the English way ("88.89%", "12.5"): Vietnamese pages write a decimal comma (dates and "Trang 1/2" aside). */
export function pointDecimals(text: string): string[] {
  return [...text.matchAll(/(?<![\d.,/])\d+\.\d+%?(?![\d./])/g)].map((m) => m[0]);
}

/** Lines of signature blocks ("(Ký, ghi rõ họ tên)", "(Ký tên, đóng dấu)"). */
const SIGN = /\(Ký[ ,)]/u;

/** The problems of one printed sheet, one line each (none: it prints as it should). */
export function sheetProblems({ sheet, pdf }: PrintedSheet, expectedPages?: number | { min: number }): string[] {
  const problems: string[] = [];
  const at = (page: number | null, what: string) => problems.push(`“${sheet.name}”${page ? ` page ${page}` : ''}: ${what}`);
  const n = pdf.pages.length;
  if (n === 0) {
    at(null, 'printed no page at all');
    return problems;
  }
  if (typeof expectedPages === 'number' && n !== expectedPages) at(null, `${n} pages, expected ${expectedPages}`);
  if (typeof expectedPages === 'object' && n < expectedPages.min) at(null, `${n} pages, expected at least ${expectedPages.min}`);
  // A footer that writes the sheet's page count ("Trang &P/3") must count the pages printed.
  const total = /&P\/(\d+)/.exec(sheet.footer ?? '')?.[1];
  if (total && Number(total) !== n) at(null, `the footer says ${total} pages, ${n} printed`);

  const [w, h] = sheet.orientation === 'landscape' ? [A4.long, A4.short] : [A4.short, A4.long];
  const headerCells = sheet.repeatRows ? strings(sheet.values, sheet.repeatRows.from, sheet.repeatRows.to) : [];
  const all = pdf.pages.map((p) => p.text).join('\n');
  pdf.pages.forEach((p, i) => {
    const page = i + 1;
    if (Math.abs(p.width - w) > A4.tolerance || Math.abs(p.height - h) > A4.tolerance)
      at(page, `page is ${p.width}×${p.height} pt, expected A4 ${sheet.orientation} ${w}×${h}`);
    if (p.text.includes('\uFFFD')) at(page, 'text has U+FFFD (a character lost)');
    if (/###/.test(p.text)) at(page, '“###” printed: a number does not fit its column');
    const flat = collapse(p.text);
    // The footer: "Trang 2/3" on page 2 of 3.
    for (const f of (sheet.footer && footerTexts(sheet.footer, page, n, sheet.name)) || [])
      if (!flat.includes(collapse(f))) at(page, `footer “${f}” missing`);
    // The repeated rows: every word of every header cell on every page.
    for (const cell of headerCells)
      for (const word of cell.split(/\s+/).filter(Boolean)) if (!flat.includes(word)) at(page, `repeated header “${collapse(cell)}” missing (no “${word}”)`);
    // Not a blank page: something besides the repeated header and the footer.
    let rest = flat;
    for (const f of (sheet.footer && footerTexts(sheet.footer, page, n, sheet.name)) || []) rest = rest.replace(collapse(f), '');
    for (const cell of headerCells) for (const word of cell.split(/\s+/)) rest = rest.replace(word, '');
    if (!rest.trim()) at(page, 'blank page (only the repeated header and the footer)');
    // No text past the left or right margin: a line longer than its cells is cut at the page's edge.
    const out = p.words.filter((x) => x.x0 < sheet.margins.left - 2 || x.x1 > p.width - sheet.margins.right + 2);
    if (out.length) at(page, `text past the margin (cut at the page edge): ${out.slice(0, 6).map((x) => `“${x.text}”`).join(' ')}${out.length > 6 ? ` (+${out.length - 6})` : ''}`);
    // No text printed over other text (a wrapped cell taller than its row runs into its neighbours).
    const over = overprinted(p.words);
    if (over.length) at(page, `text printed over other text: ${over.slice(0, 4).map(([a, b]) => `“${a}” over “${b}”`).join(', ')}${over.length > 4 ? ` (+${over.length - 4})` : ''}`);
    // A signature block is never alone on a page: some of the text it signs comes with it.
    const lines = p.text.split('\n').filter((l) => l.trim());
    const sign = lines.findIndex((l) => SIGN.test(l));
    if (sign >= 0 && page > 1) {
      const above = lines.slice(0, sign).filter((l) => !headerCells.some((c) => collapse(l).includes(collapse(c))));
      // Above "(Ký, ghi rõ họ tên)": the signer's titles (up to 3 lines), then what is signed.
      if (above.length <= 3) at(page, 'the signature block is alone on its page (orphan)');
    }
  });
  // Every text the sheet prints is in the PDF, diacritics and all: whole, or word by word when
  // the cell wraps; otherwise it was cut at the column's edge (or lost).
  const flatAll = collapse(all);
  // In drawing order a wrapped cell's lines come together; a word longer than the cell is cut in lines.
  const solid = pdf.pages.map((p) => p.raw).join('').replace(/\s+/g, '');
  sheet.values.forEach((row, r) =>
    (row ?? []).forEach((v, c) => {
      if (typeof v !== 'string' || !v.trim()) return;
      const cell = collapse(v);
      if (flatAll.includes(cell) || cell.split(' ').every((word) => flatAll.includes(word)) || solid.includes(cell.replace(/ /g, ''))) return;
      let k = cell.length - 1;
      while (k > 0 && !flatAll.includes(cell.slice(0, k))) k--;
      at(null, `cell ${String.fromCharCode(65 + c)}${r + 1} “${cell}” ${k > 0 ? `printed cut: “${cell.slice(0, k)}”` : 'not printed'}`);
    }),
  );
  for (const f of pdf.fonts) {
    if (!f.embedded) at(null, `font ${f.name} (${f.type}) not embedded`);
    if (/Type 3/i.test(f.type)) at(null, `font ${f.name} is Type 3 (a fallback drawn as pictures)`);
  }
  return problems;
}

/** The problems of every sheet a run created, and of the run as a whole. */
export function runProblems(run: PrintedRun): string[] {
  const problems: string[] = [];
  for (const s of run.sheets) {
    problems.push(...sheetProblems(s, run.pages?.(s.sheet.name)));
    s.pdf.pages.forEach((p, i) => {
      if (s.sheet.name !== run.runLog) problems.push(...softwareWords(p.text).map((w) => `“${s.sheet.name}” page ${i + 1}: ${w}`));
      problems.push(...pointDecimals(p.text).map((x) => `“${s.sheet.name}” page ${i + 1}: “${x}” printed with a decimal point`));
    });
  }
  const text = run.sheets.map((s) => s.pdf.pages.map((p) => p.text).join('\n')).join('\n');
  // Layout and drawing order: a wrapped cell's words are together in one or the other.
  const flat = `${collapse(text)} ${collapse(run.sheets.map((s) => s.pdf.pages.map((p) => p.raw).join('\n')).join('\n'))}`;
  // Every outcome word the run produced is printed (when the run printed anything at all).
  if (run.sheets.length) for (const word of new Set(run.people.map((p) => p.outcome))) if (!flat.includes(word)) problems.push(`outcome “${word}” printed on no sheet`);
  if (run.announced === false) {
    for (const s of run.sheets)
      s.pdf.pages.forEach((p, i) => {
        if (collapse(p.text).includes(run.announcedHeading)) problems.push(`“${s.sheet.name}” page ${i + 1}: says “${run.announcedHeading}” though the count is not announced`);
      });
  }
  const list = run.shortlist ? run.sheets.find((s) => s.sheet.name === run.shortlist) : undefined;
  if (run.shortlist && !list) problems.push(`the shortlist “${run.shortlist}” was not printed`);
  if (list) {
    const first = collapse(list.pdf.pages[0]?.text ?? '');
    if (run.announced === false && !first.includes(run.notAnnouncedWords)) problems.push(`“${list.sheet.name}” page 1: does not say “${run.notAnnouncedWords}”`);
    const listText = list.pdf.pages.map((p) => p.text).join('\n');
    const lines = listText.split('\n');
    const times = new Map<string, number>();
    for (const p of run.people) times.set(p.name, (times.get(p.name) ?? 0) + 1);
    // Sentences of the list that name people (the head's decision): a name there is not a row.
    const texts = strings(list.sheet.values, 1, list.sheet.values.length);
    for (const [name, k] of times) {
      let rest = collapse(listText);
      for (const t of texts) if (t !== name && wholeWord(name, 'u').test(t)) rest = rest.split(collapse(t)).join(' ');
      const found = count(rest, name);
      if (found !== k) problems.push(`“${list.sheet.name}”: “${name}” printed ${found} times, expected ${k}`);
    }
    // Each person's row ends with their outcome (the last column), on one line; or, where the outcome
    // wraps in its cell (the head's decision marked), has its words in order on the lines of the row.
    const inOrder = (text: string, words: string) => new RegExp(collapse(words).split(' ').map(escape).join('[\\s\\S]*'), 'u').test(text);
    for (const p of run.people) {
      const rows = lines.flatMap((l, i) => (wholeWord(p.name, 'u').test(l) ? [i] : []));
      const ends = rows.some((i) => lines[i].trimEnd().endsWith(p.outcome));
      const wraps = rows.some((i) => inOrder(lines.slice(Math.max(0, i - 1), i + 2).join(' '), p.outcome));
      if (rows.length && !ends && !wraps)
        problems.push(`“${list.sheet.name}”: the row of ${p.name} does not end with “${p.outcome}”: ${rows.map((i) => `“${collapse(lines[i])}”`).join(' / ')}`);
    }
  }
  return problems;
}
