/**
 * A generator of vote-count layouts from the families offices keep (issue 14), each workbook built
 * with the truth it holds: titles in a column, in section rows (blank rows between, spellings that
 * differ), in column groups per title, or above the table; title rows, conference numbers in lines,
 * in a sentence or in the next cell; counts typed as numbers, text, "7/20" or "7 phiếu"; a row of
 * column numbers, a header copied mid-table, a totals row, a signature block, posts after names.
 * The reader's lines equal the truth. A mutation that makes the layout ambiguous — a second vote
 * column, a person below the signatures, a hidden row, attendance that does not add up, a number
 * stated twice — gives a warning or an error, never a different outcome in silence.
 */
import fc from 'fast-check';
import { parseWorkbook } from '../../../src/workbook/reader/parse';
import { titleKey } from '../../../src/workbook/reader/titles';
import { rangeA1 } from '../../../src/workbook/address';
import type { CellValue, SheetSnapshot } from '../../../src/workbook/snapshot';

jest.setTimeout(120_000);

const NAMES = ['Nguyễn Văn An', 'Trần Thị Bích', 'Lê Văn Cường', 'Phạm Thị Dung', 'Hoàng Văn Em', 'Vũ Thị Giang', 'Đặng Văn Hùng', 'Bùi Thị Lan', 'Ngô Quang Huy', 'Đỗ Văn Long', 'Tạ Thị Mai', 'Lương Văn Khánh', 'Mai Thị Phương', 'Trịnh Văn Quang', 'Hồ Thị Thu'];
/** Each title and ways offices spell it. */
const TITLES: [string, string[]][] = [
  ['Trưởng phòng', ['Trưởng phòng', 'TRƯỞNG PHÒNG', 'trưởng phòng']],
  ['Phó Trưởng phòng', ['Phó Trưởng phòng', 'Phó trưởng phòng', 'PHÓ TRƯỞNG PHÒNG']],
  ['Chánh Văn phòng', ['Chánh Văn phòng', 'CHÁNH VĂN PHÒNG']],
];

interface Truth {
  lines: { name: string; title: string; agree: number }[];
  convened: number;
  present: number;
}

interface Layout {
  titles: 'column' | 'sections' | 'groups' | 'above';
  titleRows: number;
  conference: 'lines' | 'sentence' | 'next-cell';
  counts: ('number' | 'text' | 'fraction' | 'words')[];
  numbering: boolean;
  repeatHeaderAt: number;
  totals: boolean;
  signature: boolean;
  blankBetweenSections: boolean;
  suffixes: boolean[];
  spellings: number[];
}

interface Built {
  sheet: SheetSnapshot;
  truth: Truth;
  /** Where things are, for the mutations: the header's rows, the vote columns, the first data row, the last row. */
  at: { headerTop: number; headerBottom: number; voteCols: number[]; nameCol: number; firstData: number; lastData: number; width: number; conferenceRow: number };
}

const arbTruth: fc.Arbitrary<Truth> = fc
  .record({ convened: fc.integer({ min: 9, max: 40 }), titles: fc.integer({ min: 1, max: 3 }), seed: fc.array(fc.tuple(fc.nat(NAMES.length - 1), fc.nat(2), fc.nat(100)), { minLength: 1, maxLength: 10 }) })
  .chain(({ convened, titles, seed }) =>
    fc.integer({ min: Math.ceil((2 * convened) / 3), max: convened }).map((present) => {
      const seen = new Set<string>();
      const lines = seed.flatMap(([n, t, v]) => {
        const title = TITLES[t % titles][0];
        const key = `${n}|${title}`;
        if (seen.has(key)) return [];
        seen.add(key);
        return [{ name: NAMES[n], title, agree: v % (present + 1) }];
      });
      return { convened, present, lines };
    }),
  );

const arbLayout: fc.Arbitrary<Layout> = fc.record({
  titles: fc.constantFrom('column', 'sections', 'groups', 'above'),
  titleRows: fc.integer({ min: 0, max: 3 }),
  conference: fc.constantFrom('lines', 'sentence', 'next-cell'),
  counts: fc.array(fc.constantFrom('number', 'text', 'fraction', 'words'), { minLength: 12, maxLength: 12 }),
  numbering: fc.boolean(),
  repeatHeaderAt: fc.integer({ min: 0, max: 6 }),
  totals: fc.boolean(),
  signature: fc.boolean(),
  blankBetweenSections: fc.boolean(),
  suffixes: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
  spellings: fc.array(fc.nat(2), { minLength: 3, maxLength: 3 }),
});

const spell = (title: string, layout: Layout): string => {
  const i = TITLES.findIndex(([t]) => t === title);
  const variants = TITLES[i][1];
  return variants[layout.spellings[i] % variants.length];
};

function count(n: number, present: number, how: Layout['counts'][number]): CellValue {
  switch (how) {
    case 'number':
      return n;
    case 'text':
      return ` ${n} `;
    case 'fraction':
      return `${n}/${present}`;
    case 'words':
      return `${n} phiếu`;
  }
}

/** A vote sheet laid out as `layout` says, holding `truth`. */
function build(truth: Truth, layout: Layout): Built {
  // "above" holds one title only: the truth keeps the first title's lines.
  const lines = layout.titles === 'above' ? truth.lines.filter((l) => l.title === truth.lines[0].title) : truth.lines;
  const t: Truth = { ...truth, lines };
  const rows: CellValue[][] = [];
  const merges: string[] = [];
  const titles = [...new Set(lines.map((l) => l.title))];
  const width = layout.titles === 'groups' ? 2 + 2 * titles.length : layout.titles === 'column' ? 4 : 3;
  const put = (row: CellValue[]) => rows.push(row);
  const heads = ['ỦY BAN NHÂN DÂN HUYỆN THANH SƠN', 'KẾT QUẢ KIỂM PHIẾU GIỚI THIỆU NHÂN SỰ QUY HOẠCH', 'Hội nghị cán bộ, công chức, viên chức'];
  for (let i = 0; i < layout.titleRows; i++) put([heads[i]]);
  if (layout.titles === 'above') put([`Chức danh: ${spell(titles[0], layout)}`]);
  const conferenceRow = rows.length + 1;
  if (layout.conference === 'lines') {
    put([`Tổng số người được triệu tập: ${t.convened}`]);
    put([`Số người có mặt: ${t.present}`]);
  } else if (layout.conference === 'sentence') {
    put([`Có mặt: ${t.present}/${t.convened} đồng chí được triệu tập (vắng ${String(t.convened - t.present).padStart(2, '0')} đồng chí)`]);
  } else {
    put(['Tổng số người được triệu tập:', null, t.convened]);
    put(['Số người có mặt:', null, t.present]);
  }
  put([]);
  const headerTop = rows.length + 1;
  let header: CellValue[][];
  let voteCols: number[];
  if (layout.titles === 'groups') {
    header = [['STT', 'Họ và tên', ...titles.flatMap((x) => [`Chức danh ${spell(x, layout)}`, null])], [null, null, ...titles.flatMap(() => ['Số phiếu', 'Tỷ lệ %'])]];
    merges.push(rangeA1({ top: headerTop, left: 1, bottom: headerTop + 1, right: 1 }), rangeA1({ top: headerTop, left: 2, bottom: headerTop + 1, right: 2 }));
    titles.forEach((_, i) => merges.push(rangeA1({ top: headerTop, left: 3 + 2 * i, bottom: headerTop, right: 4 + 2 * i })));
    voteCols = titles.map((_, i) => 3 + 2 * i);
  } else if (layout.titles === 'column') {
    header = [['STT', 'Họ và tên', 'Chức danh', 'Số phiếu đồng ý']];
    voteCols = [4];
  } else {
    header = [['STT', 'Họ và tên', 'Số phiếu đồng ý']];
    voteCols = [3];
  }
  header.forEach(put);
  const headerBottom = rows.length;
  if (layout.numbering) put(Array.from({ length: width }, (_, i) => `(${i + 1})`));
  const firstData = rows.length + 1;
  let k = 0;
  const person = (name: string) => (layout.suffixes[k % 12] ? `${name} (Phó phòng)` : name);
  const next = () => layout.counts[k++ % 12];
  const repeat = () => {
    if (layout.repeatHeaderAt && k === layout.repeatHeaderAt && layout.titles !== 'groups') header.forEach((h) => put([...h]));
  };
  if (layout.titles === 'groups') {
    const names = [...new Set(lines.map((l) => l.name))];
    names.forEach((name, i) => {
      repeat();
      const row: CellValue[] = [i + 1, person(name)];
      for (const x of titles) {
        const line = lines.find((l) => l.name === name && l.title === x);
        row.push(line ? count(line.agree, t.present, next()) : null, line ? Math.round((100 * line.agree) / t.present) : null);
      }
      if (!row.slice(2).some((v) => v !== null)) return;
      put(row);
    });
  } else if (layout.titles === 'sections') {
    titles.forEach((x, s) => {
      if (s > 0 && layout.blankBetweenSections) put([]);
      put([`${['I', 'II', 'III'][s]}. Chức danh ${spell(x, layout)}`]);
      merges.push(rangeA1({ top: rows.length, left: 1, bottom: rows.length, right: width }));
      lines.filter((l) => l.title === x).forEach((l, i) => {
        repeat();
        put([i + 1, person(l.name), count(l.agree, t.present, next())]);
      });
    });
  } else {
    lines.forEach((l, i) => {
      repeat();
      put(layout.titles === 'column' ? [i + 1, person(l.name), spell(l.title, layout), count(l.agree, t.present, next())] : [i + 1, person(l.name), count(l.agree, t.present, next())]);
    });
  }
  const lastData = rows.length;
  if (layout.totals) put([null, 'Cộng', ...Array(width - 2).fill(null)]);
  if (layout.signature) {
    put([]);
    put(['TỔ KIỂM PHIẾU', null, 'TM. HỘI NGHỊ']);
    put([null, null, 'CHỦ TRÌ']);
    put([]);
    put(['Nguyễn Thị Thu', null, 'Trịnh Văn Quang']);
  }
  return { sheet: { name: 'KP HN cán bộ', values: rows, merges, tables: [] }, truth: t, at: { headerTop, headerBottom, voteCols, nameCol: 2, firstData, lastData, width, conferenceRow } };
}

const read = (sheet: SheetSnapshot) => parseWorkbook({ sheets: [sheet], names: [] });
const key = (l: { name: string; title: string; agree?: number }) => `${l.name}|${titleKey(l.title)}|${l.agree}`;
const asRead = (p: ReturnType<typeof read>) => (p.votes?.lines ?? []).map(key).sort();
const truthOf = (t: Truth) => t.lines.map(key).sort();

test('every generated layout reads as its truth: the lines, the conference, no error', () => {
  fc.assert(
    fc.property(arbTruth, arbLayout, (truth, layout) => {
      const { sheet, truth: t } = build(truth, layout);
      const p = read(sheet);
      expect(p.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(asRead(p)).toEqual(truthOf(t));
      expect(p.votes?.conference).toMatchObject({ convened: t.convened, present: t.present });
    }),
    { numRuns: 300 },
  );
});

type Mutation = 'second-column' | 'row-below' | 'hidden-row' | 'attendance' | 'stated-twice';

/** A change that makes the layout ambiguous, and the codes that must say so. */
function mutate(b: Built, m: Mutation, n: number): { sheet: SheetSnapshot; says: string[] } {
  const values = b.sheet.values.map((r) => [...r]);
  const sheet: SheetSnapshot = { ...b.sheet, values };
  switch (m) {
    case 'second-column': {
      // A recount beside the count, its numbers different.
      const col = b.at.width + 1;
      values[b.at.headerTop - 1][col - 1] = 'Số phiếu đồng ý (kiểm lại)';
      for (let r = b.at.firstData; r <= b.at.lastData; r++) if (values[r - 1][b.at.nameCol - 1]) values[r - 1][col - 1] = (n % 5) + 1;
      return { sheet, says: ['E-VOTE-COLUMN-AMBIGUOUS', 'W-VOTE-COLUMN-UNUSED'] };
    }
    case 'row-below':
      values.push([], ['TỔ KIỂM PHIẾU'], [], [99, 'Hồ Văn Tư', ...(b.at.voteCols[0] === 3 ? [] : [null]), 3]);
      return { sheet, says: ['E-DATA-BELOW-TABLE'] };
    case 'hidden-row': {
      const rows: number[] = [];
      for (let r = b.at.firstData; r <= b.at.lastData; r++) if (typeof values[r - 1][0] === 'number') rows.push(r);
      return { sheet: { ...sheet, hiddenRows: [rows[n % rows.length]] }, says: ['E-HIDDEN-ROWS'] };
    }
    case 'attendance':
      values.splice(b.at.conferenceRow - 1, 0, [`Vắng mặt: ${(n % 3) + 1 + (b.truth.convened - b.truth.present)} đồng chí`]);
      return { sheet: shiftMerges(sheet, b.at.conferenceRow), says: ['E-ATTENDANCE-SUM'] };
    case 'stated-twice':
      values.splice(b.at.conferenceRow - 1, 0, [`Số người có mặt: ${b.truth.present - 1 - (n % 2)}`]);
      return { sheet: shiftMerges(sheet, b.at.conferenceRow), says: ['E-COUNTS-DISAGREE'] };
  }
}

/** Merges below an inserted row move down one. */
function shiftMerges(sheet: SheetSnapshot, at: number): SheetSnapshot {
  return {
    ...sheet,
    merges: sheet.merges.map((m) => m.replace(/([A-Z]+)(\d+)/g, (_, c: string, r: string) => `${c}${Number(r) >= at ? Number(r) + 1 : r}`)),
  };
}

test('a mutation that makes a layout ambiguous gives a warning or an error, never a different outcome in silence', () => {
  fc.assert(
    fc.property(arbTruth, arbLayout, fc.constantFrom<Mutation>('second-column', 'row-below', 'hidden-row', 'attendance', 'stated-twice'), fc.nat(100), (truth, layout, m, n) => {
      const built = build(truth, layout);
      const { sheet, says } = mutate(built, m, n);
      const p = read(sheet);
      const said = p.diagnostics.some((d) => says.includes(d.code));
      const same = JSON.stringify(asRead(p)) === JSON.stringify(truthOf(built.truth));
      // Said, or read exactly as before (the mutation changed nothing a person would read).
      if (!said) expect(same).toBe(true);
      expect(said).toBe(true);
    }),
    { numRuns: 300 },
  );
});
