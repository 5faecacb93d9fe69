/**
 * The xlsx writer's patching on packages written the way other programs write them (no styles part,
 * rows and cells without their address, a column range to the sheet's end, a chart sheet among the
 * sheets, names local to a sheet after one the run drops): the plan lands where it should and the
 * rest of the part stays as written. Packages made here, part by part.
 */
import JSZip from 'jszip';
import { applyPlan } from '../../../src/hosts/xlsx/apply';
import { readXlsx, WorkbookRefused } from '../../../src/hosts/xlsx/read';
import { describeDiagnostic } from '../../../src/i18n';
import type { WritePlan } from '../../../src/workbook/plan';
import { packageProblems, schemaProblems } from '../../support/xlsx-package-check';

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A package of these worksheets (name → sheet XML body), optionally a chart sheet second, and extra workbook content. */
async function pack(sheets: [name: string, body: string][], options: { chartSheet?: boolean; definedNames?: string; styles?: string } = {}): Promise<Buffer> {
  const zip = new JSZip();
  const entries = sheets.map(([name], i) => ({ name, part: `worksheets/sheet${i + 1}.xml`, id: `rId${i + 1}` }));
  const chart = options.chartSheet ? `<sheet name="Biểu đồ" sheetId="99" r:id="rId90"/>` : '';
  const list = entries.map((e, i) => `<sheet name="${e.name}" sheetId="${i + 1}" r:id="${e.id}"/>`);
  if (chart) list.splice(1, 0, chart);
  zip.file('[Content_Types].xml', `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>${entries.map((e) => `<Override PartName="/xl/${e.part}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')}${options.chartSheet ? '<Override PartName="/xl/chartsheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml"/>' : ''}${options.styles ? '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' : ''}</Types>`);
  zip.file('_rels/.rels', `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`);
  zip.file('xl/workbook.xml', `<?xml version="1.0" encoding="UTF-8"?><workbook ${NS}><bookViews><workbookView activeTab="0"/></bookViews><sheets>${list.join('')}</sheets>${options.definedNames ?? ''}</workbook>`);
  zip.file(
    'xl/_rels/workbook.xml.rels',
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${entries.map((e) => `<Relationship Id="${e.id}" Type="${REL}/worksheet" Target="${e.part}"/>`).join('')}${options.chartSheet ? `<Relationship Id="rId90" Type="${REL}/chartsheet" Target="chartsheets/sheet1.xml"/>` : ''}${options.styles ? `<Relationship Id="rId91" Type="${REL}/styles" Target="styles.xml"/>` : ''}</Relationships>`,
  );
  for (const [i, [, body]] of sheets.entries()) zip.file(`xl/worksheets/sheet${i + 1}.xml`, `<?xml version="1.0" encoding="UTF-8"?><worksheet ${NS}>${body}</worksheet>`);
  if (options.chartSheet) zip.file('xl/chartsheets/sheet1.xml', `<?xml version="1.0" encoding="UTF-8"?><chartsheet ${NS}><sheetViews><sheetView workbookViewId="0"/></sheetViews></chartsheet>`);
  if (options.styles) zip.file('xl/styles.xml', options.styles);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

async function part(bytes: Uint8Array, name: string): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(name)!.async('string');
}

const plan = (over: Partial<WritePlan>): WritePlan => ({ clear: [], blocks: [], names: [], ...over });

test('rows and cells written without their address: new cells go in their place, every cell of a row written then has its address', async () => {
  // (ExcelJS reads no cell without its address: the row the run leaves alone gives its one.)
  const input = await pack([['Trang', '<sheetData><row><c t="inlineStr"><is><t>a</t></is></c><c><v>1</v></c></row><row><c r="A2"><v>9</v></c></row></sheetData>']]);
  const out = await applyPlan(input, plan({ blocks: [{ sheet: 'Trang', row: 1, col: 3, cells: [[{ value: 'mới' }]] }, { sheet: 'Trang', row: 3, col: 1, cells: [[{ value: 7 }]] }] }));
  const { snapshot } = await readXlsx(out);
  expect(snapshot.sheets[0].values).toEqual([
    ['a', 1, 'mới'],
    [9, null, null],
    [7, null, null],
  ]);
  const xml = await part(out, 'xl/worksheets/sheet1.xml');
  expect(xml).toContain('<row r="1"><c t="inlineStr" r="A1"><is><t>a</t></is></c><c r="B1"><v>1</v></c><c r="C1" t="inlineStr"><is><t>mới</t></is></c></row><row r="2"><c r="A2"><v>9</v></c></row>');
  expect(packageProblems(Buffer.from(out))).toEqual([]);
});

test('a column range to the sheet’s end: the width set on one column of it, put back the same, is one range again', async () => {
  const cols = '<cols><col min="1" max="2" width="20" customWidth="1"/><col min="3" max="1024" width="11.52" customWidth="1" style="0"/></cols>';
  const input = await pack([['Trang', `${cols}<sheetData/>`]]);
  const set = await applyPlan(input, plan({ widths: [{ sheet: 'Trang', col: 5, width: 30 }] }));
  expect(await part(set, 'xl/worksheets/sheet1.xml')).toContain(
    '<cols><col min="1" max="2" width="20" customWidth="1"/><col min="3" max="4" width="11.52" customWidth="1" style="0"/><col min="5" max="5" width="30" customWidth="1" style="0"/><col min="6" max="1024" width="11.52" customWidth="1" style="0"/></cols>',
  );
  const back = await applyPlan(set, plan({ widths: [{ sheet: 'Trang', col: 5, width: 11.52 }] }));
  expect(await part(back, 'xl/worksheets/sheet1.xml')).toContain(cols);
  // A standard width: the column's own width goes, the rest of its element stays.
  const standard = await applyPlan(set, plan({ widths: [{ sheet: 'Trang', col: 5, width: 9.14, standard: true }] }));
  expect(await part(standard, 'xl/worksheets/sheet1.xml')).toContain('<col min="5" max="5" style="0"/>');
});

test('no styles part: one is made, with the formats the cells need, and the package says so', async () => {
  const out = await applyPlan(await pack([['Trang', '<sheetData/>']]), plan({ blocks: [{ sheet: 'Trang', row: 1, col: 1, cells: [[{ value: 0.5, numberFormat: '0.0%', bold: true, fill: 'C6EFCE' }]] }] }));
  const { workbook } = await readXlsx(out);
  const cell = workbook.worksheets[0].getCell('A1');
  expect([cell.value, cell.numFmt, cell.font.bold, (cell.fill as { fgColor?: { argb?: string } }).fgColor?.argb]).toEqual([0.5, '0.0%', true, 'FFC6EFCE']);
  expect(packageProblems(Buffer.from(out))).toEqual([]);
  expect(await schemaProblems([{ name: 'styles.xml', xml: await part(out, 'xl/styles.xml') }])).toEqual([]);
});

test('a styles part without numFmts nor borders: the sections made in their place', async () => {
  const styles = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="1"><font><sz val="10"/><name val="Arial"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs></styleSheet>`;
  const out = await applyPlan(await pack([['Trang', '<sheetData/>']], { styles }), plan({ blocks: [{ sheet: 'Trang', row: 1, col: 1, cells: [[{ value: 1, numberFormat: '0.000', border: true }]] }] }));
  const xml = await part(out, 'xl/styles.xml');
  expect(xml).toMatch(/^<\?xml[^>]*\?><styleSheet[^>]*><numFmts count="1"><numFmt numFmtId="164" formatCode="0.000"\/><\/numFmts><fonts/);
  expect(xml).toMatch(/<\/fills><borders count="2"><border><left\/><right\/><top\/><bottom\/><diagonal\/><\/border><border><left style="thin"\/>/);
  expect(await schemaProblems([{ name: 'styles.xml', xml }])).toEqual([]);
  // The cell keeps the file's font (Arial 10), and gets its format and border.
  const cell = (await readXlsx(out)).workbook.worksheets[0].getCell('A1');
  expect([cell.font.name, cell.numFmt, cell.border?.left?.style]).toEqual(['Arial', '0.000', 'thin']);
});

test('a sheet dropped before a chart sheet and a sheet with a print area: their local names follow them, the active tab stays on a shown sheet', async () => {
  const names =
    '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="2">\'Giữ\'!$A$1:$B$2</definedName><definedName name="Vung" localSheetId="1">\'Giữ\'!$A$1</definedName><definedName name="QuyHoach_Trang_Cu">\'Cũ\'!$A$1</definedName></definedNames>';
  const input = await pack(
    [
      ['Cũ', '<sheetData/>'],
      ['Giữ', '<sheetData/>'],
    ],
    { chartSheet: true, definedNames: names },
  );
  const out = await applyPlan(input, plan({ dropSheets: ['Cũ'] }));
  const book = await part(out, 'xl/workbook.xml');
  expect(book).toContain('<sheets><sheet name="Biểu đồ" sheetId="99" r:id="rId90"/><sheet name="Giữ" sheetId="2" r:id="rId2"/></sheets>');
  expect(book).toContain('<definedName name="_xlnm.Print_Area" localSheetId="1">\'Giữ\'!$A$1:$B$2</definedName>');
  expect(book).toContain('<definedName name="Vung" localSheetId="0">\'Giữ\'!$A$1</definedName>');
  expect(book).not.toContain('QuyHoach_Trang_Cu');
  expect(book).toContain('activeTab="0"');
  expect(packageProblems(Buffer.from(out))).toEqual([]);
});

test('text kept as typed: leading and trailing spaces, line breaks, markup characters; a number that is not finite is #NUM!', async () => {
  const out = await applyPlan(await pack([['Trang', '<sheetData/>']]), plan({ blocks: [{ sheet: 'Trang', row: 1, col: 1, cells: [[{ value: '  a < b & c\ndòng 2 ' }, { value: Infinity }, { value: '' }]] }] }));
  const xml = await part(out, 'xl/worksheets/sheet1.xml');
  expect(xml).toContain('<c r="A1" t="inlineStr"><is><t xml:space="preserve">  a &lt; b &amp; c\ndòng 2 </t></is></c><c r="B1" t="e"><v>#NUM!</v></c>');
  expect((await readXlsx(out)).snapshot.sheets[0].values).toEqual([['  a < b & c\ndòng 2 ', { error: '#NUM!' }]]);
});

test('a part the writer cannot patch (a prefixed worksheet root) is refused with a code, not a crash: E-FILE-UNSUPPORTED naming it', async () => {
  const bytes = await pack([['KP', '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Họ và tên</t></is></c></row></sheetData>']]);
  const zip = await JSZip.loadAsync(bytes);
  const body = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
  zip.file('xl/worksheets/sheet1.xml', body.replace(`<worksheet ${NS}>`, '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">').replace(/<(\/?)(sheetData|row|c|is|t)\b/g, '<$1x:$2').replace('</worksheet>', '</x:worksheet>'));
  const prefixed = await zip.generateAsync({ type: 'nodebuffer' });
  const refused = await applyPlan(prefixed, plan({ blocks: [{ sheet: 'KP', row: 1, col: 2, cells: [[{ value: 'Kết quả' }]] }] })).catch((e) => e);
  expect(refused).toBeInstanceOf(WorkbookRefused);
  expect(refused.diagnostic).toMatchObject({ code: 'E-FILE-UNSUPPORTED', params: { what: 'patch' } });
  expect(describeDiagnostic(refused.diagnostic, 'vi')).toContain('không ghi gì');
});
