/**
 * The column mapping (src/workbook/reader/column-map.ts): where header detection fails or is unsure, the
 * user says which column is which, and the run reads the sheet as mapped — the same people and
 * votes as from a header it recognises, results beside the table as always. Rule INPUT: a mapping
 * that points at nothing stops the run with a message naming the sheet and cell. The answer is kept
 * with the settings (--save) and the next run — the command included — uses it.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import fc from 'fast-check';
import { main } from '../../../src/cli/main';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { describeDiagnostic } from '../../../src/i18n';
import { sampleRows, type ColumnMap } from '../../../src/workbook/reader/column-map';
import { parseWorkbook } from '../../../src/workbook/reader/parse';
import { previewRun } from '../../../src/workbook/preview';
import { readSettings, settingsSheet, type RunSettings } from '../../../src/workbook/bookkeeping/settings';
import type { CellValue, WorkbookSnapshot } from '../../../src/workbook/snapshot';
import { applyXlsx, runXlsx, xlsxBytes } from '../../support/xlsx-run';

jest.setTimeout(60_000);

const LEADERSHIP = join(__dirname, '..', '..', 'fixtures', 'next-term-3-leadership.xlsx');
const VOTES = 'KP lãnh đạo';
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'quy-hoach-column-map-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

/** The leadership vote count with its header cells renamed so that no header word is recognised. */
async function unrecognisable(): Promise<{ buffer: Buffer; headerRow: number }> {
  const { workbook } = await readXlsx(readFileSync(LEADERSHIP));
  const ws = workbook.getWorksheet(VOTES)!;
  let headerRow = 0;
  ws.eachRow((row, n) => {
    if (!headerRow && String(row.getCell(1).value ?? '').trim() === 'STT') headerRow = n;
  });
  expect(headerRow).toBeGreaterThan(0);
  // B "HỌ VÀ TÊN", C "CHỨC DANH", D "Số phiếu đồng ý" → words the parser does not know.
  ws.getCell(headerRow, 1).value = 'Thứ';
  ws.getCell(headerRow, 2).value = 'Cán bộ';
  ws.getCell(headerRow, 3).value = 'Vị trí';
  ws.getCell(headerRow, 4).value = 'Ủng hộ';
  return { buffer: await xlsxBytes(workbook), headerRow };
}

const votesMap = (headerRow: number, columns: Record<string, string> = { name: 'B', title: 'C', agree: 'D' }): ColumnMap => ({ role: 'votes', headerRow, columns });

describe('a mapped sheet reads as a recognised one', () => {
  test('the same vote lines (names, titles, counts, cells) from an unrecognisable header once mapped', async () => {
    const original = parseWorkbook((await readXlsx(readFileSync(LEADERSHIP))).snapshot, { conferenceKind: 'leadership' });
    const { buffer, headerRow } = await unrecognisable();
    const snapshot = (await readXlsx(buffer)).snapshot;
    // Without a mapping: no vote count is found.
    const lost = parseWorkbook(snapshot, { votesSheet: VOTES });
    expect(lost.votes).toBeUndefined();
    expect(lost.diagnostics.map((d) => d.code)).toContain('E-NO-TABLE');
    // With one: the same lines, the conference numbers around the table, the same roster.
    const mapped = parseWorkbook(snapshot, { conferenceKind: 'leadership', columns: { [VOTES]: votesMap(headerRow) } });
    expect(mapped.diagnostics).toEqual(original.diagnostics);
    expect(mapped.votes?.lines).toEqual(original.votes?.lines);
    expect(mapped.votes?.lines).toHaveLength(8);
    expect(mapped.votes?.conference).toEqual(original.votes?.conference);
    expect(mapped.votes?.conferenceKind).toBe('leadership');
    expect(mapped.roster?.people).toEqual(original.roster?.people);
  });

  test('a run on the mapped sheet writes the same results in the same cells, and runs again over its own result columns', async () => {
    const request = { procedure: 'next-term' as const, step: 3, lang: 'vi' as const, now: '2026-11-25T10:00' };
    const original = await runXlsx(readFileSync(LEADERSHIP), request);
    const { buffer, headerRow } = await unrecognisable();
    const failed = await runXlsx(buffer, { ...request, votesSheet: VOTES });
    expect(failed.run.ok).toBe(false);
    const columns = { [VOTES]: votesMap(headerRow) };
    const mapped = await runXlsx(buffer, { ...request, columns });
    expect(mapped.run.ok).toBe(true);
    const outcomes = (r: typeof original) => r.run.result?.people.map((p) => [p.name, p.title, p.agree, p.outcome, p.rank]);
    expect(outcomes(mapped)).toEqual(outcomes(original));
    // The result columns beside the table: same place, same values.
    const beside = (r: typeof original) => r.run.plan?.blocks.filter((b) => b.sheet === VOTES).map((b) => ({ at: [b.row, b.col], values: b.cells.map((row) => row.map((c) => c.value)) }));
    expect(beside(mapped)).toEqual(beside(original));
    expect(beside(mapped)?.length).toBeGreaterThan(0);
    // Again on the written workbook: the owned columns are not read as data, the run is the same.
    const again = await runXlsx(mapped.buffer, { ...request, columns });
    expect(again.run.ok).toBe(true);
    expect(outcomes(again)).toEqual(outcomes(original));
  });

  test('the live sample: the first rows as the mapping reads them', async () => {
    const { buffer, headerRow } = await unrecognisable();
    const snapshot = (await readXlsx(buffer)).snapshot;
    const sample = sampleRows(snapshot, VOTES, votesMap(headerRow));
    expect(sample.map((r) => r.cells)).toEqual([
      { name: 'Nguyễn Văn An', title: 'Trưởng phòng', agree: '8' },
      { name: 'Trần Thị Bích', title: 'Trưởng phòng', agree: '7' },
      { name: 'Lê Văn Cường', title: 'Trưởng phòng', agree: '6' },
    ]);
    expect(sample[0].row).toBe(headerRow + 1);
  });
});

/** A one-sheet workbook (plain snapshot): a title row, a header row 3, data from row 4. */
function voteBook(header: string[], rows: CellValue[][], name = 'Kiểm phiếu'): WorkbookSnapshot {
  return {
    sheets: [{ name, values: [['KẾT QUẢ KIỂM PHIẾU HỘI NGHỊ TẬP THỂ LÃNH ĐẠO'], [], header, ...rows], merges: [], tables: [] }],
    names: [],
  };
}
const people: CellValue[][] = [
  [1, 'Nguyễn Văn An', 'Trưởng phòng', 8, 7],
  [2, 'Trần Thị Bích', 'Trưởng phòng', 6, 9],
];
const preview = (snapshot: WorkbookSnapshot, columns?: Record<string, ColumnMap>) =>
  previewRun(snapshot, { procedure: 'next-term', step: 3, lang: 'vi', overrides: { convened: 9, present: 9 }, ...(columns ? { columns } : {}) });

describe('when detection is unsure', () => {
  test.each([
    { what: 'a header it knows', header: ['STT', 'Họ và tên', 'Chức danh', 'Số phiếu đồng ý', 'Ghi chú'], unsure: undefined, competing: [] },
    { what: 'two "Số phiếu" columns', header: ['STT', 'Họ và tên', 'Chức danh', 'Số phiếu', 'Số phiếu'], unsure: 'competing', competing: [{ key: 'agree', cols: ['D', 'E'] }] },
    { what: '"Đồng ý" and "Số phiếu bầu"', header: ['STT', 'Họ và tên', 'Chức danh', 'Đồng ý', 'Số phiếu bầu'], unsure: 'competing', competing: [{ key: 'agree', cols: ['D', 'E'] }] },
    { what: 'no count column it knows', header: ['STT', 'Họ và tên', 'Chức danh', 'Ủng hộ', 'Phản đối'], unsure: 'missing', competing: [], missing: [['agree', 'removeAgree']] },
    { what: 'no name column it knows', header: ['STT', 'Cán bộ', 'Chức danh', 'Số phiếu đồng ý', ''], unsure: 'missing', competing: [], missing: [['name']] },
    { what: 'no header word it knows', header: ['Thứ', 'Cán bộ', 'Vị trí', 'Ủng hộ', ''], unsure: 'no-header', competing: [] },
  ])('$what → $unsure', ({ header, unsure, competing, missing }: { header: string[]; unsure?: string; competing: unknown[]; missing?: string[][] }) => {
    const p = preview(voteBook(header, people));
    const q = p.mapping?.find((m) => m.role === 'votes');
    expect(q).toBeDefined();
    expect(q?.sheet).toBe('Kiểm phiếu');
    expect(q?.unsure).toBe(unsure);
    expect(q?.competing).toEqual(competing);
    expect(q?.missing).toEqual(missing);
    // What the dialog needs: the header row among the candidates, the columns with their header text, the fields.
    expect(q?.headerRows).toContain(3);
    expect(q?.columns.slice(0, 4).map((c) => [c.col, c.headers[3]])).toEqual(header.slice(0, 4).map((h, i) => ['ABCD'[i], h]));
    expect(q?.fields.filter((f) => f.required).map((f) => f.key)).toEqual(['name']);
    expect(q?.fields.find((f) => f.key === 'agree')?.oneOf).toEqual(['agree', 'removeAgree']);
    if (unsure === 'competing' || unsure === undefined) expect(q?.guess).toMatchObject({ role: 'votes', headerRow: 3, columns: { name: 'B', title: 'C' } });
  });

  test('the partial guess where no header is found: the row naming most fields', () => {
    const q = preview(voteBook(['STT', 'Họ và tên', 'Chức danh', 'Ủng hộ', 'Phản đối'], people)).mapping?.[0];
    expect(q?.guess).toEqual({ role: 'votes', headerRow: 3, columns: { stt: 'A', name: 'B', title: 'C' } });
  });

  test('once mapped, the sheet is no longer unsure and the run reads the column chosen', () => {
    const snapshot = voteBook(['STT', 'Họ và tên', 'Chức danh', 'Số phiếu', 'Số phiếu'], people);
    const columns = { 'Kiểm phiếu': { role: 'votes' as const, headerRow: 3, columns: { name: 'B', title: 'C', agree: 'E' } } };
    const p = preview(snapshot, columns);
    expect(p.mapping?.[0]).toMatchObject({ sheet: 'Kiểm phiếu', mapped: true });
    expect(p.mapping?.[0].unsure).toBeUndefined();
    expect(parseWorkbook(snapshot, { columns }).votes?.lines.map((l) => [l.name, l.agree, l.agreeCell?.cell])).toEqual([
      ['Nguyễn Văn An', 7, 'E4'],
      ['Trần Thị Bích', 9, 'E5'],
    ]);
  });

  test('the one sheet left over is asked about when no vote count is found', () => {
    const p = preview(voteBook(['Thứ', 'Cán bộ', 'Vị trí', 'Ủng hộ', ''], people));
    expect(p.diagnostics.map((d) => d.code)).toContain('E-SHEET-NOT-FOUND');
    expect(p.mapping).toEqual([expect.objectContaining({ role: 'votes', sheet: 'Kiểm phiếu', unsure: 'no-header' })]);
  });
});

describe('a wrong mapping stops the run, naming the sheet and cell (INPUT)', () => {
  const header = ['STT', 'Cán bộ', 'Vị trí', 'Ủng hộ', 'Ghi chú'];
  const rows: CellValue[][] = [
    [1, 'Nguyễn Văn An', 'Trưởng phòng', 8, null],
    [2, 'Trần Thị Bích', 'Trưởng phòng', 6, null],
  ];
  test.each<{ what: string; columns: Record<string, string>; code: string; cell: string; words: string[] }>([
    { what: 'two fields in one column', columns: { name: 'B', title: 'D', agree: 'D' }, code: 'E-MAP-SAME-COLUMN', cell: 'D3', words: ['“Kiểm phiếu”', 'cột D', '“Chức danh”', '“Số phiếu đồng ý”'] },
    { what: 'the count in an empty column', columns: { name: 'B', title: 'C', agree: 'E' }, code: 'E-MAP-COLUMN-EMPTY', cell: 'E4', words: ['“Kiểm phiếu”', 'cột E', '“Số phiếu đồng ý”', 'không có dữ liệu'] },
    { what: 'the name in an empty column', columns: { name: 'F', title: 'C', agree: 'D' }, code: 'E-MAP-COLUMN-EMPTY', cell: 'F4', words: ['cột F', '“Họ và tên”'] },
    { what: 'no name column', columns: { title: 'C', agree: 'D' }, code: 'E-MAP-FIELD-MISSING', cell: 'A3', words: ['“Kiểm phiếu”', '“Họ và tên”'] },
    { what: 'no count column', columns: { name: 'B', title: 'C' }, code: 'E-MAP-FIELD-MISSING', cell: 'A3', words: ['“Số phiếu đồng ý” hoặc “Số phiếu đồng ý đưa ra khỏi quy hoạch”'] },
  ])('$what → $code at $cell', ({ columns, code, cell, words }) => {
    const snapshot = voteBook(header, rows);
    const parsed = parseWorkbook(snapshot, { columns: { 'Kiểm phiếu': { role: 'votes', headerRow: 3, columns } } });
    const d = parsed.diagnostics.find((x) => x.code === code);
    expect(d).toMatchObject({ severity: 'error', at: { sheet: 'Kiểm phiếu', cell } });
    const text = describeDiagnostic(d!, 'vi');
    for (const w of words) expect(text).toContain(w);
    // The run stops: nothing is planned.
    const p = preview(snapshot, { 'Kiểm phiếu': { role: 'votes', headerRow: 3, columns } });
    expect(p.diagnostics.some((x) => x.code === code)).toBe(true);
    // And the dialog is offered again for that sheet.
    expect(p.mapping?.some((q) => q.sheet === 'Kiểm phiếu')).toBe(true);
  });

  test('an optional field in an empty column is a warning, and the run goes on', () => {
    const parsed = parseWorkbook(voteBook(header, rows), { columns: { 'Kiểm phiếu': { role: 'votes', headerRow: 3, columns: { name: 'B', title: 'C', agree: 'D', code: 'E' } } } });
    expect(parsed.diagnostics).toEqual([expect.objectContaining({ code: 'W-MAP-COLUMN-EMPTY', severity: 'warning', at: { sheet: 'Kiểm phiếu', cell: 'E4' } })]);
    expect(parsed.votes?.lines).toHaveLength(2);
  });
});

describe('remembered with the settings', () => {
  const written = (settings: RunSettings): WorkbookSnapshot => {
    const created = settingsSheet(settings, 'vi');
    return { sheets: [{ name: created.sheet.name, values: created.block.cells.map((r) => r.map((c) => c.value)), merges: [], tables: [] }], names: [created.name] };
  };
  const letters = fc.stringMatching(/^[A-Z]{1,3}$/);
  const map: fc.Arbitrary<ColumnMap> = fc.record({
    role: fc.constantFrom('roster' as const, 'votes' as const, 'candidates' as const),
    headerRow: fc.integer({ min: 1, max: 1000 }),
    columns: fc.dictionary(fc.constantFrom('name', 'agree', 'removeAgree', 'title', 'birth', 'gender', 'code', 'rating:2024'), letters),
  });

  test('any mapping saved is read back the same', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 31 }).filter((s) => s.trim() !== ''), map, { minKeys: 1, maxKeys: 3 }), (columns) => {
        expect(readSettings(written({ procedure: 'next-term', columns }))).toEqual({ settings: { procedure: 'next-term', columns }, diagnostics: [] });
      }),
      { numRuns: 100 },
    );
  });

  test.each([
    { what: 'a header row 0', columns: { S: { role: 'votes', headerRow: 0, columns: { name: 'B' } } } },
    { what: 'a column that is no column', columns: { S: { role: 'votes', headerRow: 3, columns: { name: 'B2' } } } },
    { what: 'an unknown role', columns: { S: { role: 'ballots', headerRow: 3, columns: { name: 'B' } } } },
    { what: 'a stray key', columns: { S: { role: 'votes', headerRow: 3, columns: { name: 'B' }, sheet: 'x' } } },
  ])('damaged: $what → E-SETTINGS-DAMAGED', ({ columns }) => {
    const r = readSettings(written({ procedure: 'next-term', columns } as unknown as RunSettings));
    expect(r.settings).toBeUndefined();
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'E-SETTINGS-DAMAGED', at: expect.objectContaining({ sheet: 'QuyHoach_CaiDat' }) })]);
  });

  test('the command uses the columns saved in the workbook: no options, the same results as a recognised header', async () => {
    const { buffer, headerRow } = await unrecognisable();
    const input = join(tmp, 'unrecognisable.xlsx');
    writeFileSync(input, buffer);
    const cli = async (file: string, args: string[] = []) => {
      let stdout = '';
      let stderr = '';
      const out = join(tmp, `out-${Math.random().toString(36).slice(2)}.xlsx`);
      const code = await main(['run', file, '--json', '--out', out, ...args], { out: (s) => (stdout += `${s}\n`), err: (s) => (stderr += `${s}\n`) });
      return { code, json: JSON.parse(stdout) as { results: { name: string; outcome: string }[]; diagnostics: { code: string }[] }, stderr, out };
    };
    const reference = await cli(LEADERSHIP, ['--step', '3']);
    expect(reference.code).toBe(0);
    // Without the mapping the command cannot read the vote count.
    const lost = await cli(input, ['--step', '3']);
    expect(lost.code).toBe(1);
    // The pane's run saves the mapping with the settings (RunRequest.columns, saveSettings) …
    const created = settingsSheet({ procedure: 'next-term', step: 3, columns: { [VOTES]: votesMap(headerRow) } }, 'vi');
    const seeded = join(tmp, 'seeded.xlsx');
    writeFileSync(seeded, (await applyXlsx(buffer, { clear: [], blocks: [created.block], names: [created.name], sheets: [created.sheet] })).buffer);
    // … and the command, told nothing, uses it.
    const used = await cli(seeded);
    expect(used.code).toBe(0);
    expect(used.json.results).toEqual(reference.json.results);
    expect(used.stderr).toContain('các cột đã chọn của “KP lãnh đạo”');
    // A run with --save keeps the mapping for the next one.
    const saved = await cli(seeded, ['--save']);
    expect(readSettings((await readXlsx(readFileSync(saved.out))).snapshot).settings?.columns).toEqual({ [VOTES]: votesMap(headerRow) });
  });
});
