import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import { messages, type Lang } from '../i18n';
import { columnLetters, layoutOf, parseCell, rowCells, rowHeight, type GridCell } from './grid-model';
import type { SheetLike } from './sheet-view';

/** Rows drawn at first, and added by each "more rows": a 10,000-row sheet stays responsive. */
export const FIRST_ROWS = 300;
const MORE_ROWS = 1000;

const useStyles = makeStyles({
  scroller: { flexGrow: 1, minHeight: 0, overflow: 'auto', backgroundColor: '#FFFFFF', position: 'relative' },
  table: { borderCollapse: 'collapse', tableLayout: 'fixed', fontFamily: "'Times New Roman', serif" },
  corner: { position: 'sticky', top: 0, left: 0, zIndex: 3, backgroundColor: '#F3F3F3', border: '1px solid #D4D4D4' },
  colHead: {
    position: 'sticky',
    top: 0,
    zIndex: 2,
    backgroundColor: '#F3F3F3',
    border: '1px solid #D4D4D4',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightRegular,
    color: '#444444',
    height: '20px',
  },
  rowHead: {
    position: 'sticky',
    left: 0,
    zIndex: 1,
    backgroundColor: '#F3F3F3',
    border: '1px solid #D4D4D4',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase200,
    color: '#444444',
    textAlign: 'center',
    padding: 0,
  },
  cell: { position: 'relative', overflow: 'hidden', padding: '0 3px', lineHeight: 1.2, boxSizing: 'border-box' },
  selected: { outline: '2px solid #217346', outlineOffset: '-2px', zIndex: 1 },
  note: {
    position: 'absolute',
    top: 0,
    right: 0,
    width: 0,
    height: 0,
    borderTop: '6px solid #C00000',
    borderLeft: '6px solid transparent',
  },
  footer: { display: 'flex', gap: tokens.spacingHorizontalM, alignItems: 'center', padding: tokens.spacingVerticalS },
  empty: { padding: tokens.spacingHorizontalL },
});

const GRID_LINE = '1px solid #E1E1E1';
const BORDER = '1px solid #404040';

function cellStyle(c: GridCell, width: number | undefined): CSSProperties {
  const style: CSSProperties = {
    backgroundColor: c.fill,
    color: c.color,
    fontWeight: c.bold ? 700 : undefined,
    fontStyle: c.italic ? 'italic' : undefined,
    textDecoration: c.underline ? 'underline' : undefined,
    textAlign: c.align ?? (c.numeric ? 'right' : 'left'),
    verticalAlign: c.valign ?? 'bottom',
    whiteSpace: c.wrap ? 'pre-wrap' : 'pre',
    fontSize: c.size ? `${Math.round((c.size * 96) / 72)}px` : '15px',
    borderTop: c.borders?.top ? BORDER : GRID_LINE,
    borderRight: c.borders?.right ? BORDER : GRID_LINE,
    borderBottom: c.borders?.bottom ? BORDER : GRID_LINE,
    borderLeft: c.borders?.left ? BORDER : GRID_LINE,
  };
  if (width !== undefined) style.maxWidth = width;
  return style;
}

/**
 * The read-only grid of one sheet: values as displayed, the workbook's fills, font colours and
 * weights (so the add-in's outcome colours show), merged cells, notes on hover (a red corner as in
 * Excel). Draws the first rows only, more on request, and always as far as the selected cell.
 */
export function Grid({ worksheet, version, target, date1904, lang, zoom = 1 }: { worksheet: SheetLike; version: number; target?: { cell?: string; n: number }; date1904: boolean; lang: Lang; zoom?: number }) {
  const styles = useStyles();
  const w = messages(lang).workbench;
  // `version` changes after each apply: the same worksheet object, new contents.
  const layout = useMemo(() => layoutOf(worksheet), [worksheet, version]);
  const selected = target?.cell ? parseCell(target.cell) : undefined;
  const [limit, setLimit] = useState(FIRST_ROWS);
  const scroller = useRef<HTMLDivElement>(null);
  useEffect(() => setLimit(FIRST_ROWS), [worksheet]);
  useEffect(() => {
    if (selected && selected.row > limit) setLimit(selected.row + MORE_ROWS);
  }, [selected, limit]);
  useEffect(() => {
    if (!target) {
      scroller.current?.scrollTo({ top: 0, left: 0 });
      return;
    }
    const box = scroller.current;
    const el = target.cell ? box?.querySelector<HTMLElement>(`[data-cell="${target.cell.replace(/\$/g, '').toUpperCase()}"]`) : undefined;
    // The cell a third of the way down, its left edge just right of the row numbers (A1: the top left).
    if (box) box.scrollTo(el ? { top: Math.max(0, el.offsetTop * zoom - box.clientHeight / 3), left: Math.max(0, (el.offsetLeft - 44 - 24) * zoom) } : { top: 0, left: 0 });
  }, [target, worksheet, limit, zoom]);

  const shown = Math.min(layout.rows, limit);
  const rows = useMemo(() => {
    const out: { row: number; height: number; cells: GridCell[] }[] = [];
    for (let r = 1; r <= shown; r++) out.push({ row: r, height: rowHeight(worksheet, r), cells: rowCells(worksheet, layout, r, date1904, lang === 'vi' ? ',' : '.') });
    return out;
  }, [worksheet, layout, shown, date1904, lang]);

  if (layout.rows === 0 || layout.cols === 0) {
    return (
      <div className={styles.scroller} data-testid="grid" data-sheet={worksheet.name}>
        <Caption1 className={styles.empty}>{w.emptySheet}</Caption1>
      </div>
    );
  }

  const total = 44 + layout.widths.reduce((a, b) => a + b, 0);
  return (
    <div className={styles.scroller} ref={scroller} data-testid="grid" data-sheet={worksheet.name}>
      <table className={styles.table} style={{ width: total, zoom }} aria-readonly="true" aria-label={worksheet.name}>
        <colgroup>
          <col style={{ width: 44 }} />
          {layout.widths.map((px, i) => (
            <col key={i} style={{ width: px }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th className={styles.corner} />
            {layout.widths.map((_, i) => (
              <th key={i} className={styles.colHead} scope="col">
                {columnLetters(i + 1)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(({ row, height, cells }) => (
            <tr key={row} style={{ height, display: height === 0 ? 'none' : undefined }}>
              <th className={styles.rowHead} scope="row">
                {row}
              </th>
              {cells.map((c, i) => {
                if (c.covered) return null;
                const col = i + 1;
                const ref = `${columnLetters(col)}${row}`;
                const isSelected = selected?.row === row && selected.col === col;
                return (
                  <td
                    key={col}
                    data-cell={ref}
                    data-fill={c.fill}
                    data-note={c.note}
                    data-selected={isSelected || undefined}
                    title={c.note ? `${w.note}: ${c.note}` : undefined}
                    rowSpan={c.rowSpan ? Math.min(c.rowSpan, shown - row + 1) : undefined}
                    colSpan={c.colSpan}
                    className={isSelected ? `${styles.cell} ${styles.selected}` : styles.cell}
                    style={cellStyle(c, c.colSpan ? undefined : layout.widths[i])}
                  >
                    {c.text}
                    {c.note && <span className={styles.note} aria-hidden="true" />}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {layout.rows > shown && (
        <div className={styles.footer}>
          <Caption1>{w.rowsShown(shown, layout.rows)}</Caption1>
          <Button size="small" onClick={() => setLimit(limit + MORE_ROWS)}>
            {w.moreRows}
          </Button>
        </div>
      )}
    </div>
  );
}
