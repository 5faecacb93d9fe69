/**
 * Microsoft's office.js against the Excel host simulation (test/support/excel-host.ts, excel-model.ts):
 * the library's own rules hold (nothing read before load and sync, nothing written before sync, a range
 * not kept is gone after its sync, ApiNotFound above the host's requirement sets), and the simulation
 * answers as Excel does where a host written without Excel's rules would break: very hidden sheets
 * cannot be deleted, protected cells, merged cells, notes and comments, requests and answers over 5 MB.
 */
import { DSheet, DWorkbook } from '../../support/excel-model';
import { officeJs, type OfficeJs } from '../../support/office-js';

let office: OfficeJs;
beforeAll(() => {
  office = officeJs(new DWorkbook());
});

function book(): DWorkbook {
  const b = new DWorkbook();
  const s = new DSheet('Danh sách');
  s.cell(1, 1).value = 'Họ và tên';
  s.cell(2, 1).value = 'Nguyễn Văn An';
  s.cell(2, 2).value = 7;
  b.sheets.push(s);
  return b;
}

/** One Excel.run; its error's code, if it failed. */
async function run(b: DWorkbook, work: (context: Excel.RequestContext) => Promise<unknown>): Promise<string | undefined> {
  office.reset(b);
  try {
    await office.Excel.run((context) => work(context as unknown as Excel.RequestContext));
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}
const thrown = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return (e as { code?: string }).code;
  }
  return undefined;
};

describe('office.js’s own rules, over the simulation', () => {
  test('a property read before load() and sync() throws PropertyNotLoaded', async () => {
    const b = book();
    expect(
      await run(b, async (ctx) => {
        const range = ctx.workbook.worksheets.getItem('Danh sách').getRange('A1:B2');
        expect(thrown(() => range.values)).toBe('PropertyNotLoaded');
        range.load('values');
        expect(thrown(() => range.values)).toBe('PropertyNotLoaded'); // loaded but not synced
        await ctx.sync();
        expect(range.values).toEqual([['Họ và tên', ''], ['Nguyễn Văn An', 7]]);
        expect(thrown(() => range.address)).toBe('PropertyNotLoaded'); // not asked for
      }),
    ).toBeUndefined();
  });

  test('a write is invisible before sync(), and takes effect at sync()', async () => {
    const b = book();
    await run(b, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Danh sách');
      ws.getRange('C2').values = [['Đạt']];
      ws.getRange('C2').format.fill.color = '#C6EFCE';
      ctx.workbook.worksheets.add('KQ');
      ctx.workbook.names.add('QuyHoach_X', "='Danh sách'!$C$2");
      expect(b.sheets[0].peek(2, 3)).toBeUndefined();
      expect(b.find('KQ')).toBeUndefined();
      await ctx.sync();
      expect(b.sheets[0].peek(2, 3)).toMatchObject({ value: 'Đạt', fill: 'C6EFCE' });
      expect(b.find('KQ')).toBeDefined();
      expect(b.names.get('QuyHoach_X')).toEqual({ sheet: 'Danh sách', range: 'C2' });
    });
  });

  test('a range the add-in untracked is gone after its sync (InvalidObjectPath); a kept one is not', async () => {
    expect(
      await run(book(), async (ctx) => {
        const kept = ctx.workbook.worksheets.getItem('Danh sách').getRange('A1');
        const untracked = ctx.workbook.worksheets.getItem('Danh sách').getRange('A2').untrack();
        untracked.values = [['x']];
        await ctx.sync();
        kept.values = [['y']];
        await ctx.sync();
        untracked.values = [['z']];
      }),
    ).toBe('InvalidObjectPath');
  });

  test('an API above the host’s requirement sets throws ApiNotFound, before anything is sent', async () => {
    const b = book();
    office.reset(b);
    office.answerSets((name, version = '1.1') => name === 'ExcelApi' && Number(version.split('.')[1]) <= 4);
    await expect(office.Excel.run(async (ctx) => ctx.workbook.worksheets.getFirst())).rejects.toMatchObject({ code: 'ApiNotFound' });
    expect(office.host.requests).toEqual([]);
    office.reset(b, 'all');
  });

  test('getItemOrNullObject: isNullObject is known after sync; getItem of a missing sheet fails the sync', async () => {
    expect(
      await run(book(), async (ctx) => {
        const there = ctx.workbook.worksheets.getItemOrNullObject('danh sách'); // case-insensitive
        const missing = ctx.workbook.worksheets.getItemOrNullObject('Không có');
        there.load('name');
        missing.load('name');
        await ctx.sync();
        expect([there.isNullObject, missing.isNullObject]).toEqual([false, true]);
        ctx.workbook.worksheets.getItem('Không có').delete();
        await ctx.sync();
      }),
    ).toBe('ItemNotFound');
  });

  test('the chain of getNextOrNullObject ends in a null object, and so does what hangs on it', async () => {
    const b = book();
    b.sheets.push(new DSheet('Ba'));
    await run(b, async (ctx) => {
      const first = ctx.workbook.worksheets.getFirst();
      const second = first.getNextOrNullObject();
      const third = second.getNextOrNullObject();
      for (const w of [first, second, third]) w.load('name');
      const used = third.getUsedRangeOrNullObject();
      used.load('values');
      await ctx.sync();
      expect([first.name, second.name, third.isNullObject, used.isNullObject]).toEqual(['Danh sách', 'Ba', true, true]);
    });
  });
});

describe('Excel’s rules, as the simulation keeps them', () => {
  test('a very hidden sheet cannot be deleted (InvalidOperation)', async () => {
    const b = book();
    const hidden = new DSheet('QuyHoach_HoanTac');
    hidden.visibility = 'VeryHidden';
    b.sheets.push(hidden);
    expect(await run(b, async (ctx) => ctx.workbook.worksheets.getItem('QuyHoach_HoanTac').delete())).toBe('InvalidOperation');
    expect(b.find('QuyHoach_HoanTac')).toBe(hidden);
  });

  test('text is read as if typed: numbers turn into numbers unless written with an apostrophe', async () => {
    const b = book();
    await run(b, async (ctx) => void (ctx.workbook.worksheets.getItem('Danh sách').getRange('C1:E1').values = [['007', "'007", '30%']]));
    expect([3, 4, 5].map((c) => b.sheets[0].peek(1, c)?.value)).toEqual([7, '007', 0.3]);
  });

  test('a values block whose size does not match the range fails the sync', async () => {
    expect(await run(book(), async (ctx) => void (ctx.workbook.worksheets.getItem('Danh sách').getRange('A1:B2').values = [['a', 'b']]))).toBe('InvalidArgument');
  });

  test('a locked cell of a protected sheet cannot be written; an unlocked one can; protecting twice fails', async () => {
    const b = book();
    await run(b, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Danh sách');
      ws.getRange('C2').format.protection.locked = false;
      ws.protection.protect();
      await ctx.sync();
      ws.getRange('C2').values = [['x']];
    });
    expect(b.sheets[0].peek(2, 3)?.value).toBe('x');
    expect(await run(b, async (ctx) => void (ctx.workbook.worksheets.getItem('Danh sách').getRange('A2').values = [['y']]))).toBe('AccessDenied');
    expect(b.sheets[0].peek(2, 1)?.value).toBe('Nguyễn Văn An');
    expect(await run(b, async (ctx) => ctx.workbook.worksheets.getItem('Danh sách').protection.protect())).toBe('InvalidOperation');
  });

  test('a value in a merged cell other than its top-left one is refused; more than 512 merged areas are not answered', async () => {
    const b = book();
    await run(b, async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('Danh sách');
      ws.getRange('A4:C4').merge(false);
      ws.getRange('A4:C4').values = [['Tiêu đề', '', '']];
    });
    expect(await run(b, async (ctx) => void (ctx.workbook.worksheets.getItem('Danh sách').getRange('B4').values = [['x']]))).toBe('InvalidOperation');
    for (let r = 10; r < 530; r++) b.sheets[0].merges.push({ top: r, left: 1, bottom: r, right: 2 });
    expect(await run(b, async (ctx) => void ctx.workbook.worksheets.getItem('Danh sách').getRange('A1:B600').getMergedAreasOrNullObject().load('address'))).toBe('InvalidOperation');
  });

  test('a sheet deleted leaves the names into it pointing nowhere (#REF!)', async () => {
    const b = book();
    b.names.set('QuyHoach_A', { sheet: 'Danh sách', range: 'A1' });
    b.sheets.push(new DSheet('Khác'));
    await run(b, async (ctx) => ctx.workbook.worksheets.getItem('Danh sách').delete());
    expect(b.names.get('QuyHoach_A')?.sheet).toBe('#REF!');
  });

  test('one note and one comment per cell; a comment’s address names its sheet', async () => {
    const b = book();
    await run(b, async (ctx) => void ctx.workbook.worksheets.getItem('Danh sách').comments.add("'Danh sách'!B2", 'Đạt'));
    expect(b.sheets[0].peek(2, 2)?.comment).toBe('Đạt');
    expect(await run(b, async (ctx) => void ctx.workbook.worksheets.getItem('Danh sách').comments.add("'Danh sách'!B2", 'lại'))).toBe('InvalidArgument');
    expect(await run(b, async (ctx) => void ctx.workbook.worksheets.getItem('Danh sách').comments.add('B3', 'không tên trang'))).toBe('InvalidArgument');
    b.sheets[0].addNote(3, 2, 'ghi chú');
    expect(() => b.sheets[0].addNote(3, 2, 'lại')).toThrow('InvalidArgument');
  });

  test('a request over 5 MB is refused whole, and so is an answer over 5 MB', async () => {
    const b = book();
    expect(
      await run(b, async (ctx) => {
        const ws = ctx.workbook.worksheets.getItem('Danh sách');
        for (let i = 0; i < 60; i++) ws.getRange(`D${i + 1}`).values = [['x'.repeat(100_000)]];
      }),
    ).toBe('RequestPayloadSizeLimitExceeded');
    expect(b.sheets[0].peek(1, 4)).toBeUndefined();
    for (let r = 1; r <= 60; r++) b.sheets[0].cell(r, 5).value = 'y'.repeat(100_000);
    expect(await run(b, async (ctx) => void ctx.workbook.worksheets.getItem('Danh sách').getRange('E1:E60').load('values'))).toBe('ResponsePayloadSizeLimitExceeded');
  });

  test('while the user types in a cell, a batch that does not ask to wait is refused', async () => {
    const b = book();
    b.editing = "'Danh sách'!A3";
    expect(await run(b, async (ctx) => void ctx.workbook.worksheets.getItem('Danh sách').load('name'))).toBe('InvalidOperationInCellEditMode');
  });
});
