import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import type { Diagnostic } from '../../rules';
import { workbookDiagnostic } from '../codes';
import { OWNED_SHEET_PREFIX, type CreatedSheet, type PlanCell, type PlanSheet, type WriteBlock, type WritePlan } from '../plan';
import type { WorkbookSnapshot } from '../snapshot';
import { jsonCells, jsonSheet, PIECE } from './hidden-json';

/**
 * What "Hoàn tác lần chạy gần nhất" needs, kept in the workbook itself (Office.js edits clear
 * Excel's own undo history on many versions of Excel).
 *
 * Everything the add-in owns is a set of parts, each marked by one defined name: the result
 * columns beside a table, or a sheet it created. The record keeps every part as it was written
 * (`parts`), which parts the last run wrote (`wrote`), what those parts held before it (`replaced`;
 * null where the part is new), and the widths the user's columns had before the last run set them
 * (`widths`). Undo removes what the last run wrote and puts back what it replaced. Kept in column A
 * of a hidden, protected sheet the add-in owns: JSON, equal cells stored once (a plan shares them
 * widely), deflated and in base64 (a record is mostly the same words many times over: about a
 * sixteenth of its JSON), at most RECORD_CAP characters.
 */

export const RECORD_SHEET = 'QuyHoach_HoanTac';
export const RECORD_NAME = `${OWNED_SHEET_PREFIX}HoanTac`;
const VERSION = 2;
/** The record as kept starts so (after the piece's '~'); a record of JSON as it is (written before) starts with '{'. */
const DEFLATED = 'z';

/**
 * The most characters a record may hold (about 67 cells of column A): what Excel on the web can
 * still read back with the rest of a workbook (5 MB a request). A run whose record would be larger
 * stops (E-UNDO-TOO-LARGE) rather than write a record no host could read back to undo it.
 */
export const RECORD_CAP = 2_000_000;

/** The standard width of a column in a workbook in Calibri 11 (64 pixels), as a width in the file's units. */
export const STANDARD_WIDTH = 9.140625;

/** One owned part: its defined name, and what it is made of. */
export interface Part {
  name: { name: string; sheet: string; range: string };
  /** A sheet the add-in created (absent for columns beside a user's table). */
  sheet?: PlanSheet;
  blocks: WriteBlock[];
  widths?: NonNullable<WritePlan['widths']>;
}

export interface UndoRecord {
  parts: Record<string, Part>;
  /** The parts the last run wrote; absent once undone (one level of undo). */
  wrote?: string[];
  replaced?: Record<string, Part | null>;
  /** The widths of the user's columns the last run set, as they were before it (`standard`: the sheet's standard width). */
  widths?: NonNullable<WritePlan['widths']>;
}

type PackedPart = Omit<Part, 'blocks'> & { blocks: (Omit<WriteBlock, 'cells'> & { cells: number[][] })[] };
interface Packed {
  v: number;
  cells: PlanCell[];
  parts: Record<string, PackedPart>;
  wrote?: string[];
  replaced?: Record<string, PackedPart | null>;
  widths?: UndoRecord['widths'];
}

function isPlain(cell: PlanCell): boolean {
  for (const key in cell) if (key !== 'value') return false;
  return true;
}

function pack(record: UndoRecord): Packed {
  const cells: PlanCell[] = [];
  // Renderers share equal styled cells already; plain values (blanks above all) are pooled by value.
  const byObject = new Map<PlanCell, number>();
  const byValue = new Map<PlanCell['value'], number>();
  const index = (cell: PlanCell): number => {
    let i = byObject.get(cell);
    if (i !== undefined) return i;
    const plain = isPlain(cell);
    i = plain ? byValue.get(cell.value) : undefined;
    if (i === undefined) {
      i = cells.push(cell) - 1;
      if (plain) byValue.set(cell.value, i);
    }
    byObject.set(cell, i);
    return i;
  };
  const part = (p: Part): PackedPart => ({ ...p, blocks: p.blocks.map((b) => ({ ...b, cells: b.cells.map((r) => r.map(index)) })) });
  const parts = Object.fromEntries(Object.entries(record.parts).map(([k, p]) => [k, part(p)]));
  const replaced = record.replaced && Object.fromEntries(Object.entries(record.replaced).map(([k, p]) => [k, p && part(p)]));
  return { v: VERSION, cells, parts, ...(record.wrote ? { wrote: record.wrote, replaced, ...(record.widths?.length ? { widths: record.widths } : {}) } : {}) };
}

function unpack(packed: Packed): UndoRecord {
  const cell = (i: number): PlanCell => {
    const c = packed.cells[i];
    if (!c || typeof c !== 'object') throw new Error('cell');
    return c;
  };
  const part = (p: PackedPart): Part => ({ ...p, blocks: p.blocks.map((b) => ({ ...b, cells: b.cells.map((r) => r.map(cell)) })) });
  const parts = Object.fromEntries(Object.entries(packed.parts).map(([k, p]) => [k, part(p)]));
  if (!packed.wrote || !packed.replaced) return { parts };
  if (!Array.isArray(packed.wrote) || packed.wrote.some((k) => typeof k !== 'string')) throw new Error('wrote');
  const replaced = Object.fromEntries(Object.entries(packed.replaced).map(([k, p]) => [k, p && part(p)]));
  return { parts, wrote: packed.wrote, replaced, ...(packed.widths ? { widths: packed.widths } : {}) };
}

/**
 * The record an earlier run left: none (`{}`), the record, or a damaged one (E-UNDO-DAMAGED, naming
 * the cell where the damage shows: a piece that is not one, else the first piece).
 */
export function readRecord(snapshot: WorkbookSnapshot): { record?: UndoRecord; damaged?: Diagnostic } {
  const cells = jsonCells(snapshot, RECORD_NAME);
  if (!cells) return {};
  const damaged = (row: number, problem: string) => ({ damaged: workbookDiagnostic('E-UNDO-DAMAGED', { sheet: RECORD_SHEET, problem }, { sheet: RECORD_SHEET, cell: `A${row}` }) });
  if (!cells.length) return damaged(2, '');
  const bad = cells.findIndex((c) => !c.startsWith(PIECE));
  if (bad >= 0) return damaged(bad + 2, cells[bad].slice(0, 20));
  const pieces = cells.map((c) => c.slice(PIECE.length));
  let json = pieces.join('');
  if (json.startsWith(DEFLATED)) {
    const notBase64 = pieces.findIndex((p, i) => !/^[A-Za-z0-9+/=]*$/.test(i ? p : p.slice(DEFLATED.length)));
    if (notBase64 >= 0) return damaged(notBase64 + 2, 'base64');
    try {
      json = inflated(json.slice(DEFLATED.length));
    } catch {
      // Cut short, most often: the damage shows at the end.
      return damaged(cells.length + 1, 'deflate');
    }
  }
  try {
    const packed = JSON.parse(json) as Packed;
    if (packed.v !== VERSION || !packed.parts || typeof packed.parts !== 'object' || !Array.isArray(packed.cells)) return damaged(2, `v${String(packed.v)}`);
    return { record: unpack(packed) };
  } catch {
    return damaged(2, 'JSON');
  }
}

let deflate = (bytes: Uint8Array): Uint8Array => deflateSync(bytes, { level: 6 });

/** Where a faster raw DEFLATE is at hand (Node's zlib in the command: src/hosts/xlsx/node-zlib.ts); the record reads back alike. */
export function useRecordDeflater(fn: (bytes: Uint8Array) => Uint8Array): void {
  deflate = fn;
}

function deflated(json: string): string {
  // Base64 of the bytes as a binary string, in slices (String.fromCharCode takes so many arguments at most).
  const bytes = deflate(strToU8(json));
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += strFromU8(bytes.subarray(i, i + 0x8000), true);
  return btoa(binary);
}

function inflated(base64: string): string {
  return strFromU8(inflateSync(strToU8(atob(base64), true)));
}

/** The parts of a plan, one per defined name it makes (the audit log and the record are not parts). */
export function partsOf(plan: WritePlan, written: readonly string[]): Record<string, Part> {
  const parts: Record<string, Part> = {};
  for (const key of written) {
    const name = plan.names.find((n) => n.name === key);
    if (!name) continue;
    const same = (s: string) => s.toLowerCase() === name.sheet.toLowerCase();
    const sheet = plan.sheets?.find((s) => same(s.name));
    const widths = sheet ? [] : (plan.widths ?? []).filter((w) => same(w.sheet));
    parts[key] = { name, ...(sheet ? { sheet } : {}), blocks: plan.blocks.filter((b) => same(b.sheet)), ...(widths.length ? { widths } : {}) };
  }
  return parts;
}

/**
 * The record after a run that wrote `parts`: the parts they replace are kept for undo, with what
 * the user typed into their editable cells since (the head's decision), so undo puts that back too;
 * and the widths the run changes on the user's sheets, as they were: the width an earlier run of
 * the add-in gave the column, else the one the snapshot has (unknown where the host reads none).
 */
export function nextRecord(old: UndoRecord | undefined, parts: Record<string, Part>, snapshot: WorkbookSnapshot): UndoRecord {
  const before = old?.parts ?? {};
  const wrote = Object.keys(parts);
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();
  const widths: NonNullable<UndoRecord['widths']> = [];
  for (const part of Object.values(parts)) {
    if (part.sheet) continue;
    for (const w of part.widths ?? []) {
      const earlier = Object.values(before).flatMap((p) => (p.sheet ? [] : (p.widths ?? []))).find((x) => same(x.sheet, w.sheet) && x.col === w.col);
      const known = snapshot.sheets.find((s) => same(s.name, w.sheet))?.widths;
      const width = earlier ? earlier.width : known ? (known[w.col - 1] ?? null) : undefined;
      if (width === undefined) continue;
      widths.push(width === null ? { sheet: w.sheet, col: w.col, width: STANDARD_WIDTH, standard: true } : { sheet: w.sheet, col: w.col, width });
    }
  }
  const typed = (part: Part): Part => {
    const sheet = snapshot.sheets.find((s) => s.name.toLowerCase() === part.name.sheet.toLowerCase());
    if (!sheet || !part.blocks.some((b) => b.cells.some((r) => r.some((c) => c.unlocked)))) return part;
    const blocks = part.blocks.map((b) => ({
      ...b,
      cells: b.cells.map((r, i) =>
        r.map((c, j) => {
          if (!c.unlocked) return c;
          const v = sheet.values[b.row + i - 1]?.[b.col + j - 1] ?? null;
          return { ...c, value: typeof v === 'string' || typeof v === 'number' ? v : null };
        }),
      ),
    }));
    return { ...part, blocks };
  };
  return {
    parts: { ...before, ...parts },
    wrote,
    replaced: Object.fromEntries(wrote.map((k) => [k, before[k] ? typed(before[k]) : null])),
    ...(widths.length ? { widths } : {}),
  };
}

/** The record as a hidden sheet (a line for the curious in A1, then the record in pieces), or E-UNDO-TOO-LARGE past RECORD_CAP. */
export function recordSheet(record: UndoRecord, heading: string): CreatedSheet | Diagnostic {
  const kept = DEFLATED + deflated(JSON.stringify(pack(record)));
  if (kept.length > RECORD_CAP) return workbookDiagnostic('E-UNDO-TOO-LARGE', { size: kept.length, cap: RECORD_CAP });
  return jsonSheet({ name: RECORD_SHEET, definedName: RECORD_NAME, heading, json: kept });
}
