/**
 * Vote counts written as formulas by a program that does not calculate (issue 15): the file keeps
 * the formula and no result. The xlsx host computes plain arithmetic over numbers and cells
 * (src/hosts/xlsx/formulas.ts) and the run says it did (W-FORMULA-COMPUTED at the cell); what it
 * cannot compute stops the run at the cell (E-FORMULA-NOT-COMPUTED), never "blank, not counted";
 * a count taken from another workbook is a warning naming the cell and that workbook.
 */
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { computeFormulas } from '../../../src/hosts/xlsx/formulas';
import { describeDiagnostic } from '../../../src/i18n';
import { runPipeline } from '../../../src/workbook/pipeline';
import type { SheetSnapshot } from '../../../src/workbook/snapshot';
import { partsOf, zipParts } from '../../fixtures/make-hostile';

const VOTES = 'xl/worksheets/sheet2.xml';

/** The leadership fixture with the counts of the cells given replaced by formulas (no <v>), and extra parts. */
async function withFormulas(cells: Record<string, string>, change?: (parts: Map<string, Buffer>) => void): Promise<Buffer> {
  const parts = await partsOf();
  let xml = parts.get(VOTES)!.toString('utf8');
  for (const [cell, f] of Object.entries(cells)) xml = xml.replace(new RegExp(`<c r="${cell}"( s="\\d+")?><v>\\d+</v></c>`), `<c r="${cell}"$1><f>${f}</f></c>`);
  parts.set(VOTES, Buffer.from(xml));
  change?.(parts);
  return zipParts(parts);
}

const run = async (bytes: Buffer) => runPipeline((await readXlsx(bytes)).snapshot, { procedure: 'next-term', step: 3, lang: 'vi', now: '2026-01-15T09:00' });
const codesAt = (r: Awaited<ReturnType<typeof run>>) => r.diagnostics.map((d) => `${d.code} ${d.at?.cell ?? ''}`);

test('=4*2, =D19+4, =SUM(D15:D15) and =(12-6)/1 with no saved result are computed: the same outcomes as the numbers, each cell named in a warning', async () => {
  const r = await run(await withFormulas({ D12: '4*2', D13: 'D19+4', D14: 'SUM(D15:D15)', D15: "(12-6)/1" }));
  expect(r.ok).toBe(true);
  expect(codesAt(r)).toEqual(expect.arrayContaining(['W-FORMULA-COMPUTED D12', 'W-FORMULA-COMPUTED D13', 'W-FORMULA-COMPUTED D14', 'W-FORMULA-COMPUTED D15']));
  expect(codesAt(r).some((c) => c.startsWith('W-COUNT-BLANK'))).toBe(false);
  const agree = Object.fromEntries((r.result?.people ?? []).map((p) => [p.name, p.agree]));
  expect(agree).toMatchObject({ 'Nguyễn Văn An': 8, 'Trần Thị Bích': 7, 'Lê Văn Cường': 6, 'Phạm Thị Dung': 6 });
  const d = r.diagnostics.find((x) => x.at?.cell === 'D13')!;
  expect(describeDiagnostic(d, 'vi')).toBe("'KP lãnh đạo'!D13: Ô có công thức =D19+4 nhưng tệp không lưu kết quả: chương trình đã tự tính ra 7. Nên mở bằng Excel để tính lại rồi lưu.");
});

test('a count the host cannot compute stops the run at its cell: another function, a text cell, a circle, a division by zero', async () => {
  const r = await run(await withFormulas({ D12: 'ROUND(7.6,0)', D13: 'B13*1', D14: 'D15+1', D15: 'D14-1', D16: '4/0' }));
  expect(r.ok).toBe(false);
  expect(r.plan).toBeUndefined();
  expect(codesAt(r)).toEqual(expect.arrayContaining(['E-FORMULA-NOT-COMPUTED D12', 'E-FORMULA-NOT-COMPUTED D13', 'E-FORMULA-NOT-COMPUTED D14', 'E-FORMULA-NOT-COMPUTED D15', 'E-FORMULA-NOT-COMPUTED D16']));
  expect(codesAt(r).some((c) => c.startsWith('W-COUNT-BLANK'))).toBe(false);
  const words = r.diagnostics.filter((d) => d.code === 'E-FORMULA-NOT-COMPUTED').map((d) => describeDiagnostic(d, 'vi'));
  expect(words[0]).toContain('hàm ROUND chưa hỗ trợ');
  expect(words.join(' ')).toContain('ô B13 không phải số');
  expect(words.join(' ')).toContain('công thức vòng tròn');
});

test('a count from another workbook ([1]Sheet1!D5, an externalLink part) is a warning naming the cell and that workbook; its saved value is used', async () => {
  const bytes = await withFormulas({}, (parts) => {
    let xml = parts.get(VOTES)!.toString('utf8');
    xml = xml.replace('<c r="D12" s="5"><v>8</v></c>', '<c r="D12" s="5"><f>[1]Sheet1!D5</f><v>8</v></c>');
    parts.set(VOTES, Buffer.from(xml));
    parts.set('xl/workbook.xml', Buffer.from(parts.get('xl/workbook.xml')!.toString('utf8').replace('</sheets>', '</sheets><externalReferences><externalReference r:id="rId99"/></externalReferences>')));
    parts.set('xl/_rels/workbook.xml.rels', Buffer.from(parts.get('xl/_rels/workbook.xml.rels')!.toString('utf8').replace('</Relationships>', '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLink" Target="externalLinks/externalLink1.xml"/></Relationships>')));
    parts.set('xl/externalLinks/externalLink1.xml', Buffer.from('<?xml version="1.0" encoding="UTF-8"?><externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><externalBook r:id="rId1"/></externalLink>'));
    parts.set('xl/externalLinks/_rels/externalLink1.xml.rels', Buffer.from('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/externalLinkPath" Target="file:///D:/QuyHoach/So%20phieu%20to%202.xlsx" TargetMode="External"/></Relationships>'));
  });
  const r = await run(bytes);
  expect(r.ok).toBe(true);
  const d = r.diagnostics.find((x) => x.code === 'W-EXTERNAL-LINK');
  expect(d?.at).toEqual({ sheet: 'KP lãnh đạo', cell: 'D12' });
  expect(describeDiagnostic(d!, 'vi')).toContain('file:///D:/QuyHoach/So%20phieu%20to%202.xlsx');
  expect(r.result?.people.find((p) => p.name === 'Nguyễn Văn An')?.agree).toBe(8);
});

test('the evaluator: precedence, unary minus, ranges over another sheet, SUM of texts and blanks as Excel, no eval', () => {
  const sheet = (name: string, values: SheetSnapshot['values']): SheetSnapshot => ({ name, values, merges: [], tables: [] });
  const a = sheet('A', [[1, 2, 3], ['x', null, true]]);
  const b = sheet('Số liệu', [[10], [20]]);
  const cases: [string, number | string][] = [
    ['1+2*3', 7],
    ['(1+2)*3', 9],
    ['-A1+C1', 2],
    ['SUM(A1:C2)', 6],
    ["SUM('Số liệu'!A1:A2)/2", 15],
    ['SUM(A1,B1;4)', 7],
    ['A2+1', 'text'],
    ['1/(A1-1)', 'error'],
    ['constructor', 'syntax'],
    ['process.exit(1)', 'function'],
    ['MAX(A1:C1)', 'function'],
  ];
  const pending = cases.map(([f], i) => ({ sheet: 'A', row: 10 + i, col: 1, formula: f }));
  computeFormulas([a, b], pending);
  const got = cases.map(([f], i) => {
    const mark = a.formulas?.[`A${10 + i}`];
    return [f, mark?.status === 'computed' ? a.values[9 + i][0] : mark?.reason];
  });
  expect(got).toEqual(cases);
});
