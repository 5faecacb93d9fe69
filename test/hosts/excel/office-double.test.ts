/**
 * The Office.js double (test/support/office-double.ts) keeps the rules of Office.js that bite a
 * host written without them: nothing is read before load + sync, nothing is written before sync,
 * a block must have its range's shape, null objects, text read as typed, protected cells.
 */
import { DoubleContext, DSheet, DWorkbook, OfficeError } from '../../support/office-double';

function book(): DWorkbook {
  const b = new DWorkbook();
  const s = new DSheet('Danh sách');
  s.cell(1, 1).value = 'Họ và tên';
  s.cell(2, 1).value = 'Nguyễn Văn An';
  s.cell(2, 2).value = 7;
  b.sheets.push(s);
  return b;
}

/* eslint-disable @typescript-eslint/no-explicit-any -- the double is typed loosely, as Office.js proxies are used. */
const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return (e as OfficeError).code;
  }
  return undefined;
};

describe('the double behaves as Office.js does', () => {
  test('a property read before load() and sync() throws PropertyNotLoaded', async () => {
    const ctx = new DoubleContext(book());
    const range: any = ctx.workbook.worksheets.getItem('Danh sách').getRange('A1:B2');
    expect(code(() => range.values)).toBe('PropertyNotLoaded');
    range.load('values');
    expect(code(() => range.values)).toBe('PropertyNotLoaded'); // loaded but not synced
    await ctx.sync();
    expect(range.values).toEqual([['Họ và tên', ''], ['Nguyễn Văn An', 7]]);
    expect(code(() => range.address)).toBe('PropertyNotLoaded'); // not asked for
  });

  test('a write is invisible before sync(), and takes effect at sync()', async () => {
    const b = book();
    const ctx = new DoubleContext(b);
    const ws: any = ctx.workbook.worksheets.getItem('Danh sách');
    ws.getRange('C2').values = [['Đạt']];
    ws.getRange('C2').format.fill.color = '#C6EFCE';
    ctx.workbook.worksheets.add('KQ');
    ctx.workbook.names.add('QuyHoach_X', "='Danh sách'!$C$2");
    expect(b.sheets[0].peek(2, 3)).toBeUndefined();
    expect(b.find('KQ')).toBeUndefined();
    expect(b.names.size).toBe(0);
    expect(ctx.commands).toBe(4);
    await ctx.sync();
    expect(b.sheets[0].peek(2, 3)).toMatchObject({ value: 'Đạt', fill: 'C6EFCE' });
    expect(b.find('KQ')).toBeDefined();
    expect(b.names.get('QuyHoach_X')).toEqual({ sheet: 'Danh sách', range: 'C2' });
    expect(ctx.syncs).toBe(1);
  });

  test('a values block whose size does not match the range fails the sync', async () => {
    const ctx = new DoubleContext(book());
    const ws: any = ctx.workbook.worksheets.getItem('Danh sách');
    ws.getRange('A1:B2').values = [['a', 'b']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    ws.getRange('A1:B1').numberFormat = [['0'], ['0']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  test('getItemOrNullObject: isNullObject is known after sync; getItem of a missing sheet fails the sync', async () => {
    const ctx = new DoubleContext(book());
    const there: any = ctx.workbook.worksheets.getItemOrNullObject('danh sách'); // case-insensitive
    const missing: any = ctx.workbook.worksheets.getItemOrNullObject('Không có');
    expect(code(() => missing.isNullObject)).toBe('PropertyNotLoaded');
    await ctx.sync();
    expect(there.isNullObject).toBe(false);
    expect(missing.isNullObject).toBe(true);
    ctx.workbook.worksheets.getItem('Không có').delete();
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  test('worksheets: added, found, deleted; the chain of getNextOrNullObject ends in a null object', async () => {
    const b = book();
    const ctx = new DoubleContext(b);
    ctx.workbook.worksheets.add('Hai');
    ctx.workbook.worksheets.add('Ba');
    ctx.workbook.worksheets.getItem('Hai').delete();
    await ctx.sync();
    expect(b.sheets.map((s) => s.name)).toEqual(['Danh sách', 'Ba']);
    const first: any = ctx.workbook.worksheets.getFirst();
    const second = first.getNextOrNullObject();
    const third = second.getNextOrNullObject();
    for (const w of [first, second, third]) w.load('name');
    const used = third.getUsedRangeOrNullObject();
    used.load('values');
    await ctx.sync();
    expect([first.name, second.name, third.isNullObject, used.isNullObject]).toEqual(['Danh sách', 'Ba', true, true]);
    expect(code(() => third.name)).toBe('InvalidObjectPath');
    ctx.workbook.worksheets.add('Ba');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
  });

  test('text is read as if typed: numbers turn into numbers unless written with an apostrophe', async () => {
    const b = book();
    const ctx = new DoubleContext(b);
    (ctx.workbook.worksheets.getItem('Danh sách') as any).getRange('C1:E1').values = [['007', "'007", '30%']];
    await ctx.sync();
    expect([2, 3, 4].map((c) => b.sheets[0].peek(1, c + 1)?.value)).toEqual([7, '007', 0.3]);
  });

  test('a locked cell of a protected sheet cannot be written; an unlocked one can', async () => {
    const b = book();
    const ctx = new DoubleContext(b);
    const ws: any = ctx.workbook.worksheets.getItem('Danh sách');
    ws.getRange('C2').format.protection.locked = false;
    ws.protection.protect();
    await ctx.sync();
    ws.getRange('C2').values = [['x']];
    await ctx.sync();
    ws.getRange('A2').values = [['y']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(b.sheets[0].peek(2, 1)?.value).toBe('Nguyễn Văn An');
  });

  test('a value in a merged cell other than its top-left one is refused', async () => {
    const ctx = new DoubleContext(book());
    const ws: any = ctx.workbook.worksheets.getItem('Danh sách');
    ws.getRange('A4:C4').merge(false);
    ws.getRange('A4:C4').values = [['Tiêu đề', '', '']];
    await ctx.sync();
    ws.getRange('B4').values = [['x']];
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
  });

  test('a sheet deleted leaves the names into it pointing nowhere (#REF!), as Excel does', async () => {
    const b = book();
    b.names.set('QuyHoach_A', { sheet: 'Danh sách', range: 'A1' });
    b.sheets.push(new DSheet('Khác'));
    const ctx = new DoubleContext(b);
    ctx.workbook.worksheets.getItem('Danh sách').delete();
    await ctx.sync();
    expect(b.names.get('QuyHoach_A')?.sheet).toBe('#REF!');
  });

  test('a note is added once per cell', async () => {
    const b = book();
    const ctx = new DoubleContext(b);
    const ws: any = ctx.workbook.worksheets.getItem('Danh sách');
    ws.notes.add('B2', 'Đạt');
    await ctx.sync();
    expect(b.sheets[0].peek(2, 2)?.note).toBe('Đạt');
    ws.notes.add('B2', 'lại');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    ws.notes.add('B2:B3', 'hai ô');
    await expect(ctx.sync()).rejects.toMatchObject({ code: 'InvalidCellAddress' });
  });
});
