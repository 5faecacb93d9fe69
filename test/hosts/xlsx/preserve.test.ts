/**
 * Nothing of the user's workbook lost (issue 15): a run through the xlsx host, and the run undone,
 * on a workbook made in LibreOffice (test/fixtures/make-libreoffice.py: chart, picture, pivot table,
 * validation, conditional format, external link, note, odd/even header and footer, custom
 * properties) and on a package built with what Excel adds (test/fixtures/make-packages.ts: macros,
 * slicer, threaded comment, check box, first-page header, validation settings, printer settings,
 * custom XML). Every zip entry the run does not change is the file's own, byte for byte (its
 * stored bytes too); the entries it changes keep every element of the user's; the result is a
 * package Excel's schema allows, with nothing Excel would repair, that LibreOffice opens.
 */
import { spawnSync } from 'child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { main } from '../../../src/cli/main';
import { attrOf, findElement, findElements, rootOf } from '../../../src/hosts/xlsx/xml';
import { parseCell, parseRange, type RangePos } from '../../../src/workbook/address';
import { OWNED_PREFIX, OWNED_SHEET_PREFIX } from '../../../src/workbook/plan';
import type { RunRequest } from '../../../src/workbook/pipeline';
import { GOLDEN_RUNS } from '../../support/golden-runs';
import { packageProblems, schemaProblems, storedEntries, type StoredEntry } from '../../support/xlsx-package-check';
import { runXlsx, undoXlsx, type Written } from '../../support/xlsx-run';

jest.setTimeout(180_000);

const FIXTURES = join(__dirname, '..', '..', 'fixtures');
const NOW = '2026-11-25T10:00';

interface Case {
  file: string;
  request: RunRequest;
  /** The user's sheet the run writes its result columns on, and its part. */
  sheet: string;
  part: string;
  /** What the file holds that must come back, by entry. */
  kept: string[];
  /** The notes of the user's that the test follows, and where the run's notes go (with their drawings). */
  notes: { user: [comments: string, vml: string]; run: [comments: string, vml: string] };
}

const CASES: Case[] = [
  {
    file: 'libreoffice-rich.xlsx',
    request: { procedure: 'next-term', step: 2, lang: 'vi', now: NOW },
    sheet: 'KP HN cán bộ',
    part: 'xl/worksheets/sheet1.xml',
    kept: ['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/media/image1.png', 'xl/pivotTables/pivotTable1.xml', 'xl/pivotCache/pivotCacheDefinition1.xml', 'xl/pivotCache/pivotCacheRecords1.xml', 'xl/externalLinks/externalLink1.xml', 'xl/externalLinks/_rels/externalLink1.xml.rels', 'docProps/custom.xml', 'xl/worksheets/sheet2.xml'],
    // The user's note is on the sheet the run writes: the run's notes join it in the same parts.
    notes: { user: ['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml'], run: ['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml'] },
  },
  {
    file: 'excel-features.xlsm',
    request: { procedure: 'next-term', step: 2, lang: 'vi', now: NOW },
    sheet: 'KP HN cán bộ',
    part: 'xl/worksheets/sheet2.xml',
    kept: ['xl/vbaProject.bin', 'xl/slicers/slicer1.xml', 'xl/slicerCaches/slicerCache1.xml', 'xl/threadedComments/threadedComment1.xml', 'xl/persons/person.xml', 'xl/printerSettings/printerSettings1.bin', 'customXml/item1.xml', 'docProps/custom.xml', 'xl/worksheets/sheet1.xml', 'xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml'],
    // The user's notes are on the roster; the vote sheet gets notes parts of its own, and shape ids no other drawing uses.
    notes: { user: ['xl/comments1.xml', 'xl/drawings/vmlDrawing1.vml'], run: ['xl/comments2.xml', 'xl/drawings/vmlDrawing2.vml'] },
  },
];

/** The parts a run may change: the workbook's list of sheets and names, the styles it appends to, the written sheet and its notes. */
function changeable(c: Case): Set<string> {
  const rels = c.part.replace(/([^/]+)$/, '_rels/$1.rels');
  return new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'docProps/app.xml', c.part, rels, ...c.notes.run]);
}

const textOf = (e: Map<string, StoredEntry>, name: string): string => e.get(name)?.data.toString('utf8') ?? '';

/** The sheet's XML without the elements a run rewrites (cells, widths, the used range, the notes' link). */
function withoutWritten(xml: string): string {
  let out = xml;
  for (const name of ['sheetData', 'cols', 'dimension', 'legacyDrawing']) {
    const f = findElement(out, name);
    if (f) out = out.slice(0, f.start) + out.slice(f.end);
  }
  return out;
}

/** The cells of a sheet part as their XML, by address. */
function cellsOf(xml: string): Map<string, string> {
  const out = new Map<string, string>();
  const data = findElement(xml, 'sheetData');
  for (const c of data ? findElements(xml, 'c', data.openEnd, data.closeStart) : []) out.set(attrOf(c.open, 'r') ?? '', xml.slice(c.start, c.end));
  return out;
}

/** Areas the add-in owns on the user's sheets, from workbook.xml. */
function ownedAreas(book: string, sheet: string): RangePos[] {
  return findElements(book, 'definedName')
    .filter((d) => {
      const n = attrOf(d.open, 'name') ?? '';
      return n.startsWith(OWNED_PREFIX) && !n.startsWith(OWNED_SHEET_PREFIX);
    })
    .map((d) => book.slice(d.openEnd, d.closeStart))
    .filter((ref) => ref.replace(/&apos;/g, "'").startsWith(`'${sheet}'!`))
    .flatMap((ref) => parseRange(ref.replace(/\$/g, '')) ?? []);
}

const within = (ref: string, areas: RangePos[]) => {
  const p = parseCell(ref);
  return !!p && areas.some((a) => p.row >= a.top && p.row <= a.bottom && p.col >= a.left && p.col <= a.right);
};

/** Child elements of a part's root with the given names, as text. */
function elementsOf(xml: string, names: string[]): string[] {
  return names.flatMap((n) => findElements(xml, n).map((f) => xml.slice(f.start, f.end)));
}

interface Runs {
  original: Map<string, StoredEntry>;
  run: Written;
  undone: Written;
  again: Written;
  entries: { run: Map<string, StoredEntry>; undone: Map<string, StoredEntry>; again: Map<string, StoredEntry> };
}

const runs = new Map<string, Runs>();
async function runsOf(c: Case): Promise<Runs> {
  let r = runs.get(c.file);
  if (!r) {
    const bytes = readFileSync(join(FIXTURES, c.file));
    const run = await runXlsx(bytes, c.request);
    expect(run.run.ok).toBe(true);
    const undone = await undoXlsx(run.buffer);
    expect(undone.run.ok).toBe(true);
    const again = await runXlsx(run.buffer, { ...c.request, now: '2026-11-25T10:05' });
    r = { original: storedEntries(bytes), run, undone, again, entries: { run: storedEntries(run.buffer), undone: storedEntries(undone.buffer), again: storedEntries(again.buffer) } };
    runs.set(c.file, r);
  }
  return r;
}

describe.each(CASES)('$file', (c) => {
  test('every entry the run does not change is the file’s own, byte for byte, stored bytes included', async () => {
    const { original, entries } = await runsOf(c);
    const allowed = changeable(c);
    let same = 0;
    for (const [name, before] of original) {
      const after = entries.run.get(name);
      expect([name, after !== undefined]).toEqual([name, true]);
      if (after!.data.equals(before.data)) {
        // Copied as stored: same compression, same bytes, same checksum.
        expect([name, after!.method, after!.crc, after!.raw.equals(before.raw)]).toEqual([name, before.method, before.crc, true]);
        same++;
      } else expect([name, allowed.has(name)]).toEqual([name, true]);
    }
    for (const name of c.kept) expect([name, entries.run.get(name)?.raw.equals(original.get(name)!.raw)]).toEqual([name, true]);
    expect(same).toBeGreaterThanOrEqual(original.size - allowed.size);
    console.log(`${c.file}: ${same}/${original.size} entries byte-identical after the run`);
  });

  test('the sheet written keeps every element of the user’s, every cell outside the result columns as it was', async () => {
    const { original, entries } = await runsOf(c);
    const before = textOf(original, c.part);
    for (const after of [textOf(entries.run, c.part), textOf(entries.again, c.part)]) {
      // Validation, conditional formats, merges, page setup, header and footer flags, drawings, slicers: as written.
      expect(withoutWritten(after)).toBe(withoutWritten(before));
      expect(elementsOf(after, ['dataValidations', 'conditionalFormatting', 'headerFooter', 'drawing', 'mergeCells', 'pageSetup', 'extLst'])).toEqual(
        elementsOf(before, ['dataValidations', 'conditionalFormatting', 'headerFooter', 'drawing', 'mergeCells', 'pageSetup', 'extLst']),
      );
      const owned = ownedAreas(textOf(entries.run, 'xl/workbook.xml'), c.sheet);
      expect(owned.length).toBe(1);
      const cells = cellsOf(after);
      for (const [ref, xml] of cellsOf(before)) if (!within(ref, owned)) expect([ref, cells.get(ref)]).toEqual([ref, xml]);
      // Its columns keep their widths, the result columns get theirs.
      const cols = (xml: string) => findElements(xml, 'col').map((f) => xml.slice(f.start, f.end));
      for (const col of cols(before)) expect(cols(after)).toContain(col);
    }
  });

  test('workbook.xml keeps all but the list of sheets and the names it owns; styles are appended to; content types and relationships kept', async () => {
    const { original, entries } = await runsOf(c);
    const book = textOf(original, 'xl/workbook.xml');
    const after = textOf(entries.run, 'xl/workbook.xml');
    const cut = (xml: string) => withoutElements(xml, ['sheets', 'definedNames']);
    expect(cut(after)).toBe(cut(book));
    for (const s of elementsOf(book, ['sheet'])) expect(after).toContain(s);
    for (const d of elementsOf(book, ['definedName'])) expect(after).toContain(d);
    // Styles: each list the file had is the start of the new one; dxfs (conditional formats), cell styles as they were.
    const styles = textOf(original, 'xl/styles.xml');
    const newStyles = textOf(entries.run, 'xl/styles.xml');
    for (const list of ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs']) {
      const f = findElement(styles, list);
      const g = findElement(newStyles, list);
      if (f && !f.empty) expect(newStyles.slice(g!.openEnd, g!.openEnd + (f.closeStart - f.openEnd))).toBe(styles.slice(f.openEnd, f.closeStart));
    }
    expect(withoutElements(newStyles, ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs'])).toBe(withoutElements(styles, ['numFmts', 'fonts', 'fills', 'borders', 'cellXfs']));
    for (const name of ['[Content_Types].xml', ...[...original.keys()].filter((n) => n.endsWith('.rels'))]) {
      const kept = textOf(entries.run, name);
      for (const e of elementsOf(textOf(original, name), ['Default', 'Override', 'Relationship'])) expect([name, kept.includes(e)]).toEqual([name, true]);
    }
    if (c.file.endsWith('.xlsm')) expect(textOf(entries.run, '[Content_Types].xml')).toContain('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
  });

  test('the user’s notes and the other shapes of their drawing stay as they were, beside the run’s notes', async () => {
    const { original, entries } = await runsOf(c);
    const comments = (e: Map<string, StoredEntry>, part: string) => elementsOf(textOf(e, part), ['comment']);
    const shapes = (e: Map<string, StoredEntry>, part: string) => [...textOf(e, part).matchAll(/<v:shape\b[\s\S]*?<\/v:shape>/g)].map((m) => m[0]);
    const [userComments, userVml] = c.notes.user;
    const [runComments, runVml] = c.notes.run;
    const mine = comments(original, userComments);
    expect(mine.length).toBeGreaterThan(0);
    for (const note of mine) expect(comments(entries.run, userComments)).toContain(note);
    for (const shape of shapes(original, userVml)) expect(shapes(entries.run, userVml)).toContain(shape);
    // The run's notes: one per outcome cell, each with its shape.
    const theirs = comments(entries.run, runComments).filter((n) => !mine.includes(n));
    expect(theirs.length).toBeGreaterThan(3);
    expect(shapes(entries.run, runVml).length).toBe(shapes(original, runVml).length + theirs.length);
  });

  test('undone, the workbook is the file again but for the run log and the record: cells, widths, notes, every other part', async () => {
    const { original, entries } = await runsOf(c);
    const allowed = changeable(c);
    for (const [name, before] of original) {
      const after = entries.undone.get(name)!;
      if (!after.data.equals(before.data)) expect([name, allowed.has(name)]).toEqual([name, true]);
    }
    // The notes, their drawing and the sheet's relationships: exactly the file's.
    for (const name of [...c.notes.user, ...c.notes.run, c.part.replace(/([^/]+)$/, '_rels/$1.rels')]) expect([name, textOf(entries.undone, name)]).toEqual([name, textOf(original, name)]);
    const before = textOf(original, c.part);
    const after = textOf(entries.undone, c.part);
    expect(withoutWritten(after)).toBe(withoutWritten(before));
    expect([...cellsOf(after)]).toEqual([...cellsOf(before)]);
    expect(elementsOf(after, ['cols'])).toEqual(elementsOf(before, ['cols']));
    expect(elementsOf(after, ['legacyDrawing'])).toEqual(elementsOf(before, ['legacyDrawing']));
  });

  test('what Excel would refuse or repair: nothing; the parts written are what SpreadsheetML’s schema allows', async () => {
    const { original, entries } = await runsOf(c);
    const { run, undone, again } = await runsOf(c);
    for (const w of [run, undone, again]) expect(packageProblems(w.buffer)).toEqual([]);
    for (const e of [entries.run, entries.undone, entries.again]) {
      const written = [...e.values()].filter((x) => /\.xml$/.test(x.name) && (!original.get(x.name) || !original.get(x.name)!.data.equals(x.data)));
      const sml = written.filter((x) => ['worksheet', 'styleSheet', 'comments', 'workbook'].includes(rootOf(x.data.toString('utf8'))?.name ?? ''));
      expect(sml.length).toBeGreaterThan(3);
      expect(await schemaProblems(sml.map((x) => ({ name: x.name, xml: x.data.toString('utf8') })))).toEqual([]);
    }
  });
});

function withoutElements(xml: string, names: string[]): string {
  let out = xml;
  for (const n of names) {
    const f = findElement(out, n);
    if (f) out = out.slice(0, f.start) + out.slice(f.end);
  }
  return out;
}

describe('the golden workbooks: run, run again, undo', () => {
  test.each(GOLDEN_RUNS)('%s: the parts not written byte for byte, nothing Excel would repair, the schema kept', async (file, request) => {
    const bytes = readFileSync(join(FIXTURES, file));
    const original = storedEntries(bytes);
    const first = await runXlsx(bytes, { ...request, lang: 'vi', now: NOW });
    const second = await runXlsx(first.buffer, { ...request, lang: 'vi', now: '2026-11-25T10:05' });
    const undone = await undoXlsx(second.buffer);
    expect([first.run.ok, second.run.ok]).toEqual([true, true]);
    // A step that writes no result columns nor sheets (II.2 step 2) leaves nothing to undo.
    if (!undone.run.ok) expect(undone.run.diagnostics.map((d) => d.code)).toEqual(['E-NOTHING-TO-UNDO']);
    for (const w of undone.run.ok ? [first, second, undone] : [first, second]) {
      expect(packageProblems(w.buffer)).toEqual([]);
      const entries = storedEntries(w.buffer);
      // Sheets the run does not write to, the theme, the shared strings, the document properties: as they were, stored bytes included.
      const written = new Set(ownedSheets(textOf(entries, 'xl/workbook.xml'), textOf(entries, 'xl/_rels/workbook.xml.rels')));
      for (const [name, e] of original) {
        if (['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'docProps/app.xml'].includes(name) || written.has(name)) continue;
        expect([name, entries.get(name)?.raw.equals(e.raw)]).toEqual([name, true]);
      }
      const changed = [...entries.values()].filter((x) => x.name.endsWith('.xml') && !original.get(x.name)?.data.equals(x.data));
      const sml = changed.filter((x) => ['worksheet', 'styleSheet', 'comments', 'workbook'].includes(rootOf(x.data.toString('utf8'))?.name ?? ''));
      expect(await schemaProblems(sml.map((x) => ({ name: x.name, xml: x.data.toString('utf8') })))).toEqual([]);
    }
  });
});

/** The parts of the user's sheets a run writes result columns on (their sheet part and its notes), from the names it owns. */
function ownedSheets(book: string, rels: string): string[] {
  const owned = new Set(
    findElements(book, 'definedName')
      .filter((d) => (attrOf(d.open, 'name') ?? '').startsWith(`${OWNED_PREFIX}KetQua`))
      .map((d) => /^'?((?:[^']|'')*)'?!/.exec(book.slice(d.openEnd, d.closeStart).replace(/&apos;/g, "'"))?.[1]?.replace(/''/g, "'")),
  );
  const parts: string[] = [];
  for (const s of findElements(book, 'sheet')) {
    if (!owned.has(attrOf(s.open, 'name'))) continue;
    const id = attrOf(s.open, 'r:id');
    const target = findElements(rels, 'Relationship').find((r) => attrOf(r.open, 'Id') === id);
    const part = `xl/${attrOf(target!.open, 'Target')}`;
    parts.push(part, part.replace(/([^/]+)$/, '_rels/$1.rels'));
  }
  return parts;
}

describe('the checks can fail', () => {
  test('a legacyDrawing put after extLst, a note without its shape, a format past the list are caught', async () => {
    const { run } = await runsOf(CASES[1]);
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(run.buffer);
    const part = CASES[1].part;
    let sheet = await zip.file(part)!.async('string');
    const legacy = /<legacyDrawing [^>]*\/>/.exec(sheet)![0];
    sheet = sheet.replace(legacy, '').replace('</worksheet>', `${legacy}</worksheet>`).replace(/ s="\d+"/, ' s="9999"');
    zip.file(part, sheet);
    const vml = await zip.file('xl/drawings/vmlDrawing2.vml')!.async('string');
    zip.file('xl/drawings/vmlDrawing2.vml', vml.replace(/<v:shape\b(?:(?!<\/v:shape>)[\s\S])*<x:Row>13<\/x:Row><x:Column>5<\/x:Column>[\s\S]*?<\/v:shape>/, ''));
    const broken = await zip.generateAsync({ type: 'nodebuffer' });
    const problems = packageProblems(broken);
    expect(problems.some((p) => /format 9999/.test(p))).toBe(true);
    expect(problems.some((p) => /note on F14 has no shape/.test(p))).toBe(true);
    expect((await schemaProblems([{ name: part, xml: sheet }])).join('\n')).toMatch(/legacyDrawing/);
  });
});

describe('the command on a macro-enabled workbook', () => {
  test('writes <name>.ket-qua.xlsm, a macro-enabled package, macros as they were', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qh-xlsm-'));
    try {
      const input = join(dir, 'so quy hoach.xlsm');
      writeFileSync(input, readFileSync(join(FIXTURES, 'excel-features.xlsm')));
      const out: string[] = [];
      expect(await main(['run', input, '--step', '2'], { out: (s) => out.push(s), err: (s) => out.push(s) })).toBe(0);
      const written = join(dir, 'so quy hoach.ket-qua.xlsm');
      expect(existsSync(written)).toBe(true);
      const entries = storedEntries(readFileSync(written));
      expect(textOf(entries, '[Content_Types].xml')).toContain('<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>');
      expect(entries.get('xl/vbaProject.bin')!.raw.equals(storedEntries(readFileSync(input)).get('xl/vbaProject.bin')!.raw)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

function has(cmd: string): boolean {
  return spawnSync('which', [cmd]).status === 0;
}
const officeTest = has('soffice') ? test : test.skip;

describe('LibreOffice opens what the run wrote', () => {
  officeTest('converted to .xlsx by soffice: the chart, the picture, the pivot table, the link and the results sheets are all read', async () => {
    const { run } = await runsOf(CASES[0]);
    const { run: macro } = await runsOf(CASES[1]);
    const dir = mkdtempSync(join(tmpdir(), 'qh-preserve-'));
    try {
      writeFileSync(join(dir, 'rich.xlsx'), run.buffer);
      writeFileSync(join(dir, 'features.xlsm'), macro.buffer);
      const r = spawnSync(
        'soffice',
        [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--norestore', '--nologo', '--nodefault', '--convert-to', 'xlsx', '--outdir', join(dir, 'out'), join(dir, 'rich.xlsx'), join(dir, 'features.xlsm')],
        { encoding: 'utf8', timeout: 150_000 },
      );
      for (const f of ['rich.xlsx', 'features.xlsx']) expect([f, existsSync(join(dir, 'out', f)), r.stderr]).toEqual([f, true, r.stderr]);
      const back = storedEntries(readFileSync(join(dir, 'out', 'rich.xlsx')));
      const names = [...back.keys()];
      for (const kind of [/^xl\/charts\/chart\d+\.xml$/, /^xl\/media\/image\d+\.png$/, /^xl\/pivotTables\/pivotTable\d+\.xml$/, /^xl\/externalLinks\/externalLink\d+\.xml$/, /^docProps\/custom\.xml$/]) expect([String(kind), names.some((n) => kind.test(n))]).toEqual([String(kind), true]);
      const book = textOf(back, 'xl/workbook.xml');
      for (const sheet of ['KP HN cán bộ', 'Tổng hợp', 'KQ Kế tiếp B2', 'BB Kế tiếp B2', 'Nhật ký Quy Hoạch']) expect(book).toContain(`name="${sheet}"`);
      expect(textOf(storedEntries(readFileSync(join(dir, 'out', 'features.xlsx'))), 'xl/workbook.xml')).toContain('name="KQ Kế tiếp B2"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
