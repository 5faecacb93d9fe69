import { a1, parseRange, type RangePos } from '../address';
import type { CellValue, SheetSnapshot } from '../snapshot';
import type { SourceRef } from '../../rules';
import { cellText, fold, unicodeText } from './text';

/** A cell as a source reference ("'KP HN cán bộ'!E9"), for diagnostics and results. */
export const sourceAt = (sheet: string, row: number, col: number): SourceRef => ({ sheet, cell: a1(row, col) });

/**
 * A read-only view of a sheet: values by position, merged areas resolved, the add-in's own areas
 * left out (they read as empty); which rows and columns the user hid.
 */
export class SheetView {
  readonly rowCount: number;
  readonly colCount: number;
  private readonly mergeOrigin = new Map<string, { row: number; col: number }>();
  private readonly merged: RangePos[] = [];
  private readonly labels = new Map<string, string>();
  private readonly fonts: Record<string, string> | undefined;
  private readonly hiddenRows: Set<number>;
  private readonly hiddenCols: Set<number>;

  constructor(
    readonly sheet: SheetSnapshot,
    private readonly owned: RangePos[] = [],
  ) {
    this.hiddenRows = new Set(sheet.hiddenRows ?? []);
    this.hiddenCols = new Set(sheet.hiddenColumns ?? []);
    this.rowCount = sheet.values.length;
    this.fonts = sheet.fonts && Object.keys(sheet.fonts).length ? sheet.fonts : undefined;
    this.colCount = sheet.values.reduce((m, r) => Math.max(m, r?.length ?? 0), 0);
    for (const ref of sheet.merges) {
      const r = parseRange(ref);
      if (!r || (r.bottom - r.top + 1) * (r.right - r.left + 1) > 10_000) continue;
      this.merged.push(r);
      for (let row = r.top; row <= r.bottom; row++)
        for (let col = r.left; col <= r.right; col++) if (row !== r.top || col !== r.left) this.mergeOrigin.set(`${row},${col}`, { row: r.top, col: r.left });
    }
  }

  get name(): string {
    return this.sheet.name;
  }

  /** Whether a cell lies in an area an earlier run wrote. */
  isOwned(row: number, col: number): boolean {
    return this.owned.length > 0 && this.owned.some((h) => row >= h.top && row <= h.bottom && col >= h.left && col <= h.right);
  }

  /** Whether the user hid the row (or the column). */
  rowHidden(row: number): boolean {
    return this.hiddenRows.has(row);
  }

  colHidden(col: number): boolean {
    return this.hiddenCols.has(col);
  }

  /** The value as stored (null inside owned areas). */
  value(row: number, col: number): CellValue {
    if (this.isOwned(row, col)) return null;
    return this.sheet.values[row - 1]?.[col - 1] ?? null;
  }

  /** The value shown: a cell covered by a merge shows its merge's top-left value. */
  shown(row: number, col: number): CellValue {
    const origin = this.mergeOrigin.get(`${row},${col}`);
    return origin ? this.value(origin.row, origin.col) : this.value(row, col);
  }

  /** A header label: the shown text (legacy fonts converted), folded; long texts are not labels. */
  label(row: number, col: number): string {
    const key = `${row},${col}`;
    let out = this.labels.get(key);
    if (out === undefined) {
      const origin = this.mergeOrigin.get(key) ?? { row, col };
      const text = cellText(this.value(origin.row, origin.col));
      out = text.length > 200 ? '' : fold(unicodeText(text, this.font(origin.row, origin.col)));
      this.labels.set(key, out);
    }
    return out;
  }

  /** A cell's text as Unicode (legacy fonts converted), trimmed; '' for empty. */
  text(row: number, col: number): string {
    return unicodeText(this.value(row, col), this.font(row, col)).trim();
  }

  font(row: number, col: number): string | undefined {
    return this.fonts ? this.fonts[a1(row, col)] : undefined;
  }

  /** The merged area a cell lies in (top-left or covered), if any. */
  mergeCovering(row: number, col: number): RangePos | undefined {
    return this.merged.find((m) => row >= m.top && row <= m.bottom && col >= m.left && col <= m.right);
  }

  /** The merged area a cell is the top-left of, if any. */
  mergeAt(row: number, col: number): RangePos | undefined {
    return this.merged.find((m) => m.top === row && m.left === col);
  }

  rowIsEmpty(row: number, left = 1, right = this.colCount): boolean {
    for (let c = left; c <= right; c++) if (cellText(this.value(row, c)).trim() !== '') return false;
    return true;
  }

  /** Folded text of a row's non-empty cells, left to right. */
  rowText(row: number, left = 1, right = this.colCount): string {
    const parts: string[] = [];
    for (let c = left; c <= right; c++) {
      const t = cellText(this.value(row, c)).trim();
      if (t) parts.push(t);
    }
    return fold(parts.join(' '));
  }
}
