/**
 * xlsx host, apply step (docs/ARCHITECTURE.md "apply"): a WritePlan applied to the file's own package.
 * The parts the plan changes are patched and written anew; every other zip entry is copied as it was,
 * byte for byte (src/hosts/xlsx/package.ts) — charts, images, pivot tables, slicers, external links,
 * custom properties, macros, threaded comments, and the user's sheets the run does not write to.
 * On a sheet it writes to, only the cells of its blocks and clear ranges, the widths of its
 * columns and the notes of those cells change (sheet-xml.ts, notes.ts); the cell formats it needs are
 * appended to styles.xml, never renumbered (styles.ts).
 *
 * The order every host uses: drop the owned sheets of an earlier run, clear the owned areas, reset
 * the owned defined names, create the plan's sheets (created-sheet.ts), write the blocks, set widths.
 *
 * What each field means, as the ExcelJS writer this replaced read it (the Excel host reads them so too):
 * - `clear`: the cells of the range that exist lose their value, formats and note (a cell's
 *   protection stays); a cell left as the workbook's default goes.
 * - a block's `formatsFrom`: each row's cells first take the format of that column's cell, where the
 *   row has one; then each cell's own formats apply over the format it has (a new cell starts from
 *   its row's format, else its column's).
 * - a merged cell other than the top-left one never gets a value (the value belongs to the master);
 *   its format and note are written.
 * - text loses the characters XML 1.0 forbids; a number that is not finite is written #NUM!.
 * - on a sheet the plan creates, every cell starts in the sheet's font and is centred in its row.
 * - a sheet created where an owned one of that name is (any case) replaces it, at the end of the tabs.
 * - dropping a sheet drops the references into it of the defined names (a name left with none goes).
 * - a width given as the sheet's standard (`standard`) takes the column's own width away.
 */
import { OWNED_PREFIX, type PlanCell, type PlanSheet, type WritePlan } from '../../workbook/plan';
import { absoluteA1, parseRange, quotedSheet } from '../../workbook/address';
import { createdSheetXml, EMPTY_SHEET } from './created-sheet';
import { SheetNotes } from './notes';
import { CONTENT_TYPE, REL, isRel, UnpatchablePart, XlsxPackage } from './package';
import { WorkbookRefused } from './read';
import { workbookDiagnostic } from '../../workbook/codes';
import { SheetXml, type CellValueXml } from './sheet-xml';
import { StyleBook, type Font } from './styles';
import { WorkbookXml, type SheetEntry } from './workbook-xml';
import { xmlText } from './xml';

export { xmlText };

type Input = Uint8Array | ArrayBuffer | Buffer;

/** A sheet being written: its XML, its notes (opened when first needed), the font of a sheet the plan creates. */
interface Edit {
  entry: SheetEntry;
  xml: SheetXml;
  notes?: SheetNotes;
  font?: PlanSheet['font'];
}

/** The plan applied to the package's bytes: the new package's bytes. */
export async function applyPlan(data: Input, plan: WritePlan): Promise<Uint8Array> {
  try {
    return await patch(data, plan);
  } catch (e) {
    // A part that cannot be patched: refused with a code, like a file the reader cannot take (nothing written).
    if (e instanceof UnpatchablePart) throw new WorkbookRefused(workbookDiagnostic('E-FILE-UNSUPPORTED', { what: 'patch', part: e.part }));
    throw e;
  }
}

async function patch(data: Input, plan: WritePlan): Promise<Uint8Array> {
  const pkg = await XlsxPackage.load(data);
  const book = await WorkbookXml.open(pkg);
  const stylesPart = await stylesPartOf(pkg, book.part);
  const styles = new StyleBook(stylesPart.xml);
  const edits = new Map<SheetEntry, Edit>();
  const edit = async (entry: SheetEntry): Promise<Edit> => {
    let e = edits.get(entry);
    if (!e) edits.set(entry, (e = { entry, xml: new SheetXml((await pkg.text(entry.part)) ?? EMPTY_SHEET) }));
    return e;
  };
  const notesOf = async (e: Edit): Promise<SheetNotes> => (e.notes ??= await SheetNotes.open(pkg, e.entry.part, e.xml));
  const write = new CellWriter(styles);

  for (const name of plan.dropSheets ?? []) {
    const entry = book.find(name);
    if (!entry) continue;
    edits.delete(entry);
    await book.dropSheet(entry, true);
  }

  for (const area of plan.clear) {
    const entry = book.find(area.sheet);
    const r = parseRange(area.range);
    if (!entry || !r) continue;
    const e = await edit(entry);
    e.xml.clear(r, (s) => write.cleared(s));
    (await notesOf(e)).removeIn(r);
  }

  book.setNames(
    OWNED_PREFIX,
    plan.names.flatMap((n) => {
      const r = parseRange(n.range);
      return r ? [{ name: n.name, text: `${quotedSheet(n.sheet)}!${absoluteA1(r)}` }] : [];
    }),
  );

  for (const sheet of plan.sheets ?? []) {
    const old = book.find(sheet.name);
    if (old) {
      edits.delete(old);
      await book.dropSheet(old, false);
    }
    const entry = await book.addSheet(sheet.name, createdSheetXml(sheet), sheet.hidden ? 'veryHidden' : undefined);
    (await edit(entry)).font = sheet.font;
    // A hidden sheet has no print area or titles: LibreOffice prints a hidden sheet that has a
    // print area (Excel never does), so the undo record would come out with the results.
    const area = parseRange(sheet.page.printArea);
    if (!sheet.hidden && area) book.setLocalName(entry, '_xlnm.Print_Area', `${quotedSheet(sheet.name)}!${absoluteA1(area)}`);
    const rows = sheet.page.repeatRows;
    if (!sheet.hidden && rows) book.setLocalName(entry, '_xlnm.Print_Titles', `${quotedSheet(sheet.name)}!$${rows.from}:$${rows.to}`);
  }

  for (const block of plan.blocks) {
    const entry = book.find(block.sheet) ?? (await book.addSheet(block.sheet, EMPTY_SHEET));
    const e = await edit(entry);
    for (let i = 0; i < block.cells.length; i++) {
      const row = block.row + i;
      const from = block.formatsFrom !== undefined ? e.xml.styleOf(row, block.formatsFrom) : undefined;
      for (let j = 0; j < block.cells[i].length; j++) {
        const col = block.col + j;
        const cell = block.cells[i][j];
        const slave = e.xml.isMergeSlave(row, col);
        const base = from !== undefined && !slave ? from : (e.xml.styleOf(row, col) ?? e.xml.newCellStyle(row, col));
        e.xml.write(row, col, write.style(base, cell, e.font), slave ? null : valueOf(cell.value));
        if (cell.note !== undefined) {
          const notes = await notesOf(e);
          if (cell.note === '') notes.remove(row, col);
          else notes.set(row, col, xmlText(cell.note));
        }
      }
    }
  }

  for (const w of plan.widths ?? []) {
    const entry = book.find(w.sheet);
    if (entry) (await edit(entry)).xml.setWidth(w.col, w.standard ? null : w.width);
  }

  let formulaRemoved = false;
  for (const e of edits.values()) {
    await e.notes?.save();
    pkg.set(e.entry.part, e.xml.text());
    formulaRemoved ||= e.xml.formulaRemoved;
  }
  const stylesXml = styles.text();
  if (stylesXml !== undefined) {
    if (!stylesPart.path) {
      stylesPart.path = 'xl/styles.xml';
      await pkg.addRel(book.part, REL.styles, stylesPart.path);
      await pkg.setOverride(stylesPart.path, CONTENT_TYPE.styles);
    }
    pkg.set(stylesPart.path, stylesXml);
  }
  // The calculation chain lists formula cells; one that lost its formula would make Excel repair the
  // file. The chain is a cache Excel rebuilds: it goes.
  if (formulaRemoved) {
    const chain = (await pkg.rels(book.part)).find((r) => isRel(r.type, REL.calcChain));
    if (chain) await pkg.removeRel(book.part, chain.id);
  }
  await book.save();
  return pkg.write();
}

async function stylesPartOf(pkg: XlsxPackage, workbookPart: string): Promise<{ path?: string; xml?: string }> {
  const path = (await pkg.rels(workbookPart)).find((r) => isRel(r.type, REL.styles))?.part;
  return { path, xml: path ? await pkg.text(path) : undefined };
}

function valueOf(v: PlanCell['value']): CellValueXml {
  if (typeof v === 'number') return Number.isFinite(v) ? { number: Object.is(v, -0) ? 0 : v } : { error: '#NUM!' };
  if (typeof v === 'string') {
    const text = xmlText(v);
    return text === '' ? null : { text };
  }
  return null;
}

/** 'RRGGBB' (or '#RRGGBB') → ARGB, opaque. */
function argb(hex: string): string {
  const h = hex.replace(/^#/, '').toUpperCase();
  return h.length === 8 ? h : `FF${h}`;
}

/** The cell formats a plan's cells need, from the format a cell has (memoised: a plan shares its cells widely). */
class CellWriter {
  private readonly formats = new Map<PlanCell, string>();
  private readonly memo = new Map<string, number>();
  private readonly clearedMemo = new Map<number, number>();

  constructor(private readonly styles: StyleBook) {}

  /** The format of a cleared cell: the workbook's default, keeping the cell's protection. */
  cleared(s: number): number {
    let out = this.clearedMemo.get(s);
    if (out === undefined) {
      const xf = this.styles.xf(s);
      const base = this.styles.xf(0);
      if (xf.protection && JSON.stringify([...xf.protection]) !== JSON.stringify([...(base.protection ?? [])])) {
        base.protection = xf.protection;
        base.attrs.set('applyProtection', '1');
        out = this.styles.addXf(base);
      } else out = 0;
      this.clearedMemo.set(s, out);
    }
    return out;
  }

  style(base: number, cell: PlanCell, sheetFont?: PlanSheet['font']): number {
    // By the cell's formats (cells differing only in value or note share them), the format it had and the sheet's font.
    let format = this.formats.get(cell);
    if (format === undefined) {
      this.formats.set(cell, (format = JSON.stringify(cell, (k, v: unknown) => (k === 'value' || k === 'note' ? undefined : v))));
    }
    const k = `${base}|${sheetFont ? `${sheetFont.name}|${sheetFont.size}` : ''}|${format}`;
    let s = this.memo.get(k);
    if (s === undefined) this.memo.set(k, (s = this.derive(base, cell, sheetFont)));
    return s;
  }

  private derive(base: number, c: PlanCell, sheetFont?: PlanSheet['font']): number {
    const { styles } = this;
    const formats = sheetFont !== undefined || Object.keys(c).some((k) => k !== 'value' && k !== 'note' && c[k as keyof PlanCell] !== undefined);
    // Nothing to change: the cell keeps the format it has.
    if (!formats) return base;
    const xf = styles.xf(base);
    const a = xf.attrs;
    if (c.numberFormat !== undefined) {
      a.set('numFmtId', String(styles.numFmtId(c.numberFormat)));
      a.set('applyNumberFormat', '1');
    }
    if (c.fill !== undefined) {
      a.set('fillId', String(styles.solidFill(argb(c.fill))));
      a.set('applyFill', '1');
    }
    if (sheetFont !== undefined || c.color !== undefined || c.bold !== undefined || c.italic !== undefined || c.size !== undefined) {
      // The cell's font, changed where the plan says; on a sheet the plan creates, a new cell's font is the sheet's.
      const font: Font = sheetFont && base === 0 ? new Map() : styles.font(Number(a.get('fontId') ?? 0));
      if (sheetFont) {
        if (!font.has('sz')) font.set('sz', new Map([['val', String(sheetFont.size)]]));
        if (!font.has('name')) font.set('name', new Map([['val', sheetFont.name]]));
      }
      const flag = (k: string, on: boolean | undefined) => {
        if (on === true) font.set(k, new Map());
        else if (on === false) font.delete(k);
      };
      flag('b', c.bold);
      flag('i', c.italic);
      if (c.size !== undefined) font.set('sz', new Map([['val', String(c.size)]]));
      if (c.color !== undefined) font.set('color', new Map([['rgb', argb(c.color)]]));
      a.set('fontId', String(styles.addFont(font)));
      a.set('applyFont', '1');
    }
    if (c.border) {
      a.set('borderId', String(styles.thinBorder()));
      a.set('applyBorder', '1');
    }
    if (c.wrap) xf.alignment = new Map([['horizontal', 'center'], ['vertical', 'center'], ['wrapText', '1']]);
    if (c.align !== undefined) (xf.alignment ??= new Map()).set('horizontal', c.align);
    // On a sheet the plan creates every cell is centred in its row, as the wrapped ones are: a row
    // made taller by one wrapped cell keeps its texts on one level.
    if (sheetFont !== undefined && !xf.alignment?.has('vertical')) (xf.alignment ??= new Map()).set('vertical', 'center');
    if (c.wrap || c.align !== undefined || sheetFont !== undefined) a.set('applyAlignment', '1');
    if (c.unlocked) {
      (xf.protection ??= new Map()).set('locked', '0');
      a.set('applyProtection', '1');
    }
    return styles.addXf(xf);
  }
}
