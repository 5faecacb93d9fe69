/**
 * The print view of the workbench (issue 7): a sheet shown page by page as it will print — white A4
 * pages (CSS millimetres) at a zoom that fits the panel, each holding the rows print-pages.ts puts
 * on it as an HTML table in the sheet's fonts, sizes, alignment, wrapping, borders, fills, merged
 * cells, column widths and row heights at the page's scale, with the header and footer in their
 * places. Its print stylesheet (@page A4 portrait or landscape per page, a page break after each)
 * makes the browser's own Print (Ctrl+P) print these very pages, and nothing else of the page.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties, type ReactElement } from 'react';
import { Body1, Button, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type * as ExcelJS from 'exceljs';
import { messages, type Lang } from '../i18n';
import type { CellLike, SheetLike } from './sheet-view';
import { cellText, HEADER_FOOTER_DEFAULT_SIZE, printPages, type HeaderFooterLine, type HeaderFooterSection, type PrintLayout, type PrintPage } from './print-pages';
import type { RangePos } from '../workbook/address';

export interface PrintViewProps {
  /** An ExcelJS workbook, or the workbench worker's sheets (./sheet-view.ts). */
  workbook: { worksheets: SheetLike[] };
  /** The sheet's name. */
  sheet: string;
  lang: Lang;
  /** Bumped by the caller when the workbook changed in place (a run wrote it): the pages are worked out again. */
  version?: number;
}

const PX_PER_MM = 96 / 25.4;
const ZOOMS = [0.25, 0.33, 0.5, 0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 2];
/** Room around the pages in the panel, pixels. */
const GUTTER = 32;

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', minHeight: 0, height: '100%', flexGrow: 1 },
  bar: {
    display: 'flex',
    alignItems: 'center',
    flexWrap: 'wrap',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  summary: { flexGrow: 1, minWidth: '12em' },
  zoom: { display: 'flex', alignItems: 'center', columnGap: tokens.spacingHorizontalXS },
  zoomValue: { minWidth: '3.5em', textAlign: 'center' },
  scroll: { flexGrow: 1, minHeight: 0, overflow: 'auto', backgroundColor: tokens.colorNeutralBackground3 },
  message: { padding: tokens.spacingHorizontalL },
});

/** The stylesheet of the pages: on screen, and for the browser's Print. */
const STYLE = `
.qh-pv-pages { display: flex; flex-direction: column; align-items: center; gap: 10mm; padding: 8mm 4mm; }
.qh-pv-sheet { position: relative; }
.qh-pv-badge { position: absolute; top: -7mm; right: 0; font: 600 3.2mm/1 system-ui, sans-serif; color: #fff; background: #5b5fc7; border-radius: 1.5mm; padding: 1mm 2mm; }
.qh-pv-page { position: relative; overflow: hidden; background: #fff; color: #000; box-shadow: 0 0.5mm 3mm rgba(0,0,0,.25); box-sizing: border-box; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.qh-pv-hf { position: absolute; display: flex; white-space: pre; line-height: 1.15; }
.qh-pv-hf > span { flex: 1 1 0; overflow: visible; }
.qh-pv-hf > .qh-pv-l { text-align: left; }
.qh-pv-hf > .qh-pv-c { text-align: center; }
.qh-pv-hf > .qh-pv-r { text-align: right; }
.qh-pv-body { position: absolute; }
.qh-pv-table { border-collapse: collapse; table-layout: fixed; }
.qh-pv-table td { padding: 0; overflow: visible; }
.qh-pv-cell { display: flex; flex-direction: column; box-sizing: border-box; overflow: clip; }
.qh-pv-cell.qh-pv-spill { overflow-x: visible; overflow-y: clip; }
.qh-pv-cell > span { display: block; }
.qh-pv-grid .qh-pv-table td { border: 1px solid #c8c8c8; }
@page qh-pv-portrait { size: A4 portrait; margin: 0; }
@page qh-pv-landscape { size: A4 landscape; margin: 0; }
@media print {
  html, body { margin: 0 !important; padding: 0 !important; background: #fff !important; height: auto !important; overflow: visible !important; }
  body *:not(:has(.qh-pv-root)):not(.qh-pv-root):not(.qh-pv-root *) { display: none !important; }
  body *:has(.qh-pv-root) { display: block !important; position: static !important; overflow: visible !important; height: auto !important; min-height: 0 !important; max-height: none !important; width: auto !important; margin: 0 !important; padding: 0 !important; border: 0 !important; box-shadow: none !important; background: none !important; transform: none !important; }
  .qh-pv-root, .qh-pv-scroll { display: block !important; overflow: visible !important; height: auto !important; padding: 0 !important; background: none !important; }
  .qh-pv-noprint { display: none !important; }
  .qh-pv-pages { zoom: 1 !important; display: block !important; padding: 0 !important; }
  .qh-pv-sheet { break-after: page; }
  .qh-pv-sheet:last-child { break-after: auto; }
  .qh-pv-sheet[data-orientation="portrait"] { page: qh-pv-portrait; }
  .qh-pv-sheet[data-orientation="landscape"] { page: qh-pv-landscape; }
  .qh-pv-page { box-shadow: none !important; }
}
`;

/** A font family for CSS: the sheet's, then a metric-compatible stand-in where one is common (Linux has Liberation, Carlito). */
function fontFamily(name: string | undefined): string {
  const n = name ?? 'Calibri';
  const alias: Record<string, string> = {
    'times new roman': '"Liberation Serif", Tinos, serif',
    arial: '"Liberation Sans", Arimo, sans-serif',
    calibri: 'Carlito, sans-serif',
    cambria: 'Caladea, serif',
    'courier new': '"Liberation Mono", Cousine, monospace',
  };
  return `"${n.replace(/"/g, '')}", ${alias[n.toLowerCase()] ?? 'sans-serif'}`;
}

/** '#RRGGBB' from an ExcelJS colour (ARGB); theme and indexed colours are left to the default. */
function cssColor(color: Partial<ExcelJS.Color> | undefined): string | undefined {
  const argb = color?.argb;
  if (!argb || !/^[0-9A-Fa-f]{6,8}$/.test(argb)) return undefined;
  return `#${argb.slice(-6)}`;
}

const BORDER: Record<string, string> = {
  thin: '1px solid',
  hair: '0.5px solid',
  dotted: '1px dotted',
  dashDot: '1px dashed',
  dashDotDot: '1px dashed',
  dashed: '1px dashed',
  medium: '2px solid',
  mediumDashed: '2px dashed',
  mediumDashDot: '2px dashed',
  mediumDashDotDot: '2px dashed',
  slantDashDot: '2px dashed',
  thick: '3px solid',
  double: '3px double',
};

function cssBorder(border: Partial<ExcelJS.Border> | undefined): string | undefined {
  if (!border?.style || !BORDER[border.style]) return undefined;
  return `${BORDER[border.style]} ${cssColor(border.color) ?? '#000'}`;
}

function sectionStyle(section: HeaderFooterSection): CSSProperties {
  const f = section.font ?? {};
  return {
    fontFamily: fontFamily(f.name),
    fontSize: `${f.size ?? HEADER_FOOTER_DEFAULT_SIZE}pt`,
    fontWeight: f.bold ? 700 : 400,
    fontStyle: f.italic ? 'italic' : 'normal',
    textDecoration: f.underline ? 'underline' : 'none',
  };
}

function HeaderFooter({ line, where, page }: { line: HeaderFooterLine; where: 'header' | 'footer'; page: PrintPage }) {
  const { margins } = page.box;
  const style: CSSProperties = { left: `${margins.left}mm`, right: `${margins.right}mm`, ...(where === 'header' ? { top: `${margins.header}mm` } : { bottom: `${margins.footer}mm` }) };
  return (
    <div className="qh-pv-hf" style={style} data-testid={`print-${where}`}>
      {(['left', 'center', 'right'] as const).map((k) => {
        const section = line[k];
        return (
          <span key={k} className={`qh-pv-${k[0]}`} style={section ? sectionStyle(section) : undefined}>
            {section?.text ?? ''}
          </span>
        );
      })}
    </div>
  );
}

interface Placed {
  /** The merged area the cell starts (top-left cell visible on this page), with its spans here. */
  merge?: RangePos;
  rowSpan: number;
  colSpan: number;
}

/** A cell if the sheet has it (ExcelJS's getCell would create it: the print view never changes the workbook). */
function peek(ws: SheetLike, row: number, col: number): CellLike | undefined {
  return ws.findRow(row)?.findCell(col);
}

function peekText(ws: SheetLike, row: number, col: number): string {
  const cell = peek(ws, row, col);
  return cell ? cellText(cell) : '';
}

/** The table of one page: title rows, then the page's rows, in the page's columns, at its scale. */
function PageTable({ ws, layout, page, decimal }: { ws: SheetLike; layout: PrintLayout; page: PrintPage; decimal: string }) {
  const rows = [...page.titleRows, ...page.rows];
  const { scale, columns } = page;
  const rowIndex = new Map(rows.map((r, i) => [r, i] as const));
  const colIndex = new Map(columns.map((c, i) => [c, i] as const));
  // Merged areas on this page: where each starts here, how far it spans, and the cells it covers.
  const starts = new Map<string, Placed>();
  const covered = new Set<string>();
  for (const m of layout.merges) {
    const mr = rows.filter((r) => r >= m.top && r <= m.bottom);
    const mc = columns.filter((c) => c >= m.left && c <= m.right);
    if (!mr.length || !mc.length) continue;
    // The rows of the area shown together (title rows and body rows are apart).
    let rowSpan = 1;
    const first = rowIndex.get(mr[0])!;
    while (first + rowSpan < rows.length && rows[first + rowSpan] >= m.top && rows[first + rowSpan] <= m.bottom) rowSpan++;
    const colSpan = mc.length;
    starts.set(`${mr[0]}:${mc[0]}`, { merge: m, rowSpan, colSpan });
    for (let i = 0; i < rowSpan; i++) for (const c of mc) if (i > 0 || c !== mc[0]) covered.add(`${rows[first + i]}:${c}`);
  }
  const pt = (n: number): string => `${+(n * scale).toFixed(3)}pt`;
  const tableWidth = columns.reduce((s, c) => s + (layout.columnPoints.get(c) ?? 0), 0);

  const cellOf = (row: number, col: number): ReactElement | null => {
    const key = `${row}:${col}`;
    if (covered.has(key)) return null;
    const placed = starts.get(key);
    const m = placed?.merge;
    // A merged area shows its top-left cell's value (where that cell is on the page) and format; its right and bottom edges are the edge cells'.
    const cell = peek(ws, m ? m.top : row, m ? m.left : col);
    const text = cell && (!m || (rowIndex.has(m.top) && colIndex.has(m.left))) ? cellText(cell, decimal) : '';
    const style: Partial<ExcelJS.Style> = cell?.style ?? {};
    const font = style.font ?? {};
    const align = style.alignment ?? {};
    const rowSpan = placed?.rowSpan ?? 1;
    const colSpan = placed?.colSpan ?? 1;
    let height = 0;
    for (let i = 0; i < rowSpan; i++) height += layout.rowPoints.get(rows[(rowIndex.get(row) ?? 0) + i]) ?? 0;
    const right = m ? peek(ws, m.top, m.right)?.style?.border?.right : style.border?.right;
    const bottom = m ? peek(ws, m.bottom, m.left)?.style?.border?.bottom : style.border?.bottom;
    const value = cell?.value;
    const isNumber = typeof value === 'number' || (typeof value === 'object' && value !== null && 'result' in value && typeof value.result === 'number');
    const horizontal = align.horizontal === 'centerContinuous' || align.horizontal === 'distributed' ? 'center' : align.horizontal === 'fill' ? 'left' : (align.horizontal ?? (isNumber ? 'right' : typeof value === 'boolean' ? 'center' : 'left'));
    const vertical = align.vertical === 'top' ? 'flex-start' : align.vertical === 'middle' || align.vertical === 'distributed' || align.vertical === 'justify' ? 'center' : 'flex-end';
    const wrap = Boolean(align.wrapText);
    // A text not wrapped runs on over empty cells to its right, as Excel prints it; else it is cut at the cell's edge.
    const nextCol = columns[(colIndex.get(col) ?? 0) + colSpan];
    const spill = !wrap && text !== '' && nextCol !== undefined && !covered.has(`${row}:${nextCol}`) && !peekText(ws, row, nextCol) && !starts.has(`${row}:${nextCol}`);
    const tdStyle: CSSProperties = {
      borderTop: cssBorder(style.border?.top),
      borderLeft: cssBorder(style.border?.left),
      borderRight: cssBorder(right),
      borderBottom: cssBorder(bottom),
      backgroundColor: style.fill?.type === 'pattern' && style.fill.pattern === 'solid' ? cssColor(style.fill.fgColor) : undefined,
      verticalAlign: 'top',
    };
    const size = font.size ?? 11;
    const innerStyle: CSSProperties = {
      height: pt(height),
      justifyContent: vertical,
      padding: `0 ${pt(2.25)}`,
      paddingLeft: align.indent ? pt(2.25 + align.indent * 9) : undefined,
      fontFamily: fontFamily(font.name),
      fontSize: pt(size),
      lineHeight: 1.15,
      fontWeight: font.bold ? 700 : 400,
      fontStyle: font.italic ? 'italic' : 'normal',
      textDecoration: [font.underline ? 'underline' : '', font.strike ? 'line-through' : ''].filter(Boolean).join(' ') || undefined,
      color: cssColor(font.color) ?? '#000',
      textAlign: horizontal as CSSProperties['textAlign'],
      whiteSpace: wrap ? 'pre-wrap' : 'pre',
      overflowWrap: wrap ? 'break-word' : undefined,
    };
    return (
      <td key={col} rowSpan={rowSpan > 1 ? rowSpan : undefined} colSpan={colSpan > 1 ? colSpan : undefined} style={tdStyle} data-cell={`${row}:${col}`}>
        <div className={`qh-pv-cell${spill ? ' qh-pv-spill' : ''}`} style={innerStyle}>
          <span>{text}</span>
        </div>
      </td>
    );
  };

  return (
    <table className="qh-pv-table" style={{ width: pt(tableWidth) }}>
      <colgroup>
        {columns.map((c) => (
          <col key={c} style={{ width: pt(layout.columnPoints.get(c) ?? 0) }} />
        ))}
      </colgroup>
      <tbody>
        {rows.map((r, i) => (
          <tr key={`${i < page.titleRows.length ? 't' : 'r'}${r}`} style={{ height: pt(layout.rowPoints.get(r) ?? 0) }} data-row={r} data-title={i < page.titleRows.length ? 'true' : undefined}>
            {columns.map((c) => cellOf(r, c))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Page({ ws, layout, page, lang }: { ws: SheetLike; layout: PrintLayout; page: PrintPage; lang: Lang }) {
  const t = messages(lang).printView;
  const { box } = page;
  const total = layout.pages.length;
  const centred = ws.pageSetup?.horizontalCentered;
  const width = page.columns.reduce((s, c) => s + (layout.columnPoints.get(c) ?? 0), 0) * page.scale * (25.4 / 72);
  const left = centred ? box.body.left + Math.max(0, (box.body.width - width) / 2) : box.body.left;
  return (
    <section className="qh-pv-sheet" data-orientation={page.orientation} aria-label={t.pageLabel(layout.sheet, page.number, total)}>
      <span className="qh-pv-badge qh-pv-noprint" data-testid="print-page-badge">
        {t.page(page.number, total)}
      </span>
      <div className={`qh-pv-page${ws.pageSetup?.showGridLines ? ' qh-pv-grid' : ''}`} style={{ width: `${box.width}mm`, height: `${box.height}mm` }} data-testid="print-page" data-page={page.number} data-orientation={page.orientation}>
        {page.header && <HeaderFooter line={page.header} where="header" page={page} />}
        <div className="qh-pv-body" style={{ top: `${box.body.top}mm`, left: `${left}mm`, width: `${box.body.width}mm`, height: `${box.body.height}mm` }}>
          <PageTable ws={ws} layout={layout} page={page} decimal={lang === 'vi' ? ',' : '.'} />
        </div>
        {page.footer && <HeaderFooter line={page.footer} where="footer" page={page} />}
      </div>
    </section>
  );
}

function findSheet(workbook: PrintViewProps['workbook'], name: string): SheetLike | undefined {
  return workbook.worksheets.find((ws) => ws?.name === name) ?? workbook.worksheets.find((ws) => ws?.name.toLowerCase() === name.toLowerCase());
}

export function PrintView({ workbook, sheet, lang, version = 0 }: PrintViewProps) {
  const styles = useStyles();
  const t = messages(lang).printView;
  const ws = findSheet(workbook, sheet);
  // The workbook changes in place: `version` says when.
  const layout = useMemo(() => (ws ? printPages(ws) : undefined), [ws, version]);
  const [zoom, setZoom] = useState<number | 'fit'>('fit');
  const [fitZoom, setFitZoom] = useState(0.75);
  const scrollRef = useRef<HTMLDivElement>(null);
  const widest = layout ? Math.max(...layout.pages.map((p) => p.box.width), 0) * PX_PER_MM : 0;

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || !widest) return;
    const measure = (): void => {
      const room = el.clientWidth - GUTTER;
      // The width of the panel, never larger than life.
      if (room > 0) setFitZoom(Math.max(0.2, Math.min(1, room / widest)));
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, [widest]);
  // Back to fitting the panel when another sheet is shown.
  useEffect(() => setZoom('fit'), [sheet]);

  if (!ws || !layout) return <Body1 className={styles.message}>{t.noSheet(sheet)}</Body1>;
  const current = zoom === 'fit' ? fitZoom : zoom;
  const step = (dir: 1 | -1): void => {
    const next = dir > 0 ? ZOOMS.find((z) => z > current + 0.001) : [...ZOOMS].reverse().find((z) => z < current - 0.001);
    if (next) setZoom(next);
  };
  const empty = ws.actualRowCount === 0 || layout.pages.every((p) => !p.rows.length);
  return (
    <div className={`qh-pv-root ${styles.root}`} data-testid="print-view" data-sheet={layout.sheet} data-pages={layout.pages.length}>
      <style>{STYLE}</style>
      <div className={`qh-pv-noprint ${styles.bar}`}>
        <Body1 className={styles.summary} data-testid="print-summary">
          {t.summary({ pages: layout.pages.length, orientation: layout.orientation, percent: Math.round(layout.scale * 100), fit: layout.fit })}
        </Body1>
        <div className={styles.zoom} role="group" aria-label={t.zoom}>
          <Button size="small" appearance="subtle" onClick={() => step(-1)} aria-label={t.zoomOut} title={t.zoomOut}>
            −
          </Button>
          <Caption1 className={styles.zoomValue} data-testid="print-zoom">
            {Math.round(current * 100)}%
          </Caption1>
          <Button size="small" appearance="subtle" onClick={() => step(1)} aria-label={t.zoomIn} title={t.zoomIn}>
            +
          </Button>
          <Button size="small" appearance={zoom === 'fit' ? 'primary' : 'secondary'} onClick={() => setZoom('fit')}>
            {t.zoomFit}
          </Button>
        </div>
        <Button size="small" onClick={() => window.print()} title={t.printHint}>
          {t.print}
        </Button>
      </div>
      <div ref={scrollRef} className={`qh-pv-scroll ${styles.scroll}`}>
        {empty ? (
          <Body1 className={styles.message}>{t.empty}</Body1>
        ) : (
          <div className="qh-pv-pages" style={{ zoom: current } as CSSProperties} role="region" aria-label={t.pagesLabel(layout.sheet)}>
            {layout.pages.map((p) => (
              <Page key={p.number} ws={ws} layout={layout} page={p} lang={lang} />
            ))}
          </div>
        )}
      </div>
    </div>
  );
}
