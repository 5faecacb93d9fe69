import { OWNED_SHEET_PREFIX, type CreatedSheet, type PlanCell, type PlanSheet, type WriteBlock, type WritePlan } from '../plan';
import type { WorkbookSnapshot } from '../snapshot';
import { jsonCells, jsonSheet, PIECE } from './hidden-json';

/**
 * What "Hoàn tác lần chạy gần nhất" needs, kept in the workbook itself (Office.js edits clear
 * Excel's own undo history on many versions of Excel).
 *
 * Everything the add-in owns is a set of parts, each marked by one defined name: the result
 * columns beside a table, or a sheet it created. The record keeps every part as it was written
 * (`parts`), which parts the last run wrote (`wrote`), and what those parts held before it
 * (`replaced`; null where the part is new). Undo removes what the last run wrote and puts back
 * what it replaced. Kept as JSON in column A of a hidden, protected sheet the add-in owns; equal
 * cells are stored once (a plan shares them widely).
 */

export const RECORD_SHEET = 'QuyHoach_HoanTac';
export const RECORD_NAME = `${OWNED_SHEET_PREFIX}HoanTac`;
const VERSION = 2;

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
}

type PackedPart = Omit<Part, 'blocks'> & { blocks: (Omit<WriteBlock, 'cells'> & { cells: number[][] })[] };
interface Packed {
  v: number;
  cells: PlanCell[];
  parts: Record<string, PackedPart>;
  wrote?: string[];
  replaced?: Record<string, PackedPart | null>;
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
  return { v: VERSION, cells, parts, ...(record.wrote ? { wrote: record.wrote, replaced } : {}) };
}

function unpack(packed: Packed): UndoRecord {
  const part = (p: PackedPart): Part => ({ ...p, blocks: p.blocks.map((b) => ({ ...b, cells: b.cells.map((r) => r.map((i) => packed.cells[i])) })) });
  const parts = Object.fromEntries(Object.entries(packed.parts).map(([k, p]) => [k, part(p)]));
  if (!packed.wrote || !packed.replaced) return { parts };
  return { parts, wrote: packed.wrote, replaced: Object.fromEntries(Object.entries(packed.replaced).map(([k, p]) => [k, p && part(p)])) };
}

/** The record an earlier run left, if any (and readable). */
export function readRecord(snapshot: WorkbookSnapshot): UndoRecord | undefined {
  const cells = jsonCells(snapshot, RECORD_NAME);
  if (!cells) return undefined;
  const text = cells.map((c) => c.slice(PIECE.length)).join('');
  try {
    const packed = JSON.parse(text) as Packed;
    return packed.v === VERSION && packed.parts ? unpack(packed) : undefined;
  } catch {
    return undefined;
  }
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
 * the user typed into their editable cells since (the head's decision), so undo puts that back too.
 */
export function nextRecord(old: UndoRecord | undefined, parts: Record<string, Part>, snapshot: WorkbookSnapshot): UndoRecord {
  const before = old?.parts ?? {};
  const wrote = Object.keys(parts);
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
  return { parts: { ...before, ...parts }, wrote, replaced: Object.fromEntries(wrote.map((k) => [k, before[k] ? typed(before[k]) : null])) };
}

/** The record as a hidden sheet: a line for the curious in A1, then the JSON in pieces. */
export function recordSheet(record: UndoRecord, heading: string): CreatedSheet {
  return jsonSheet({ name: RECORD_SHEET, definedName: RECORD_NAME, heading, json: JSON.stringify(pack(record)) });
}
