/**
 * The data check code (src/workbook/bookkeeping/fingerprint.ts, README "Mã kiểm tra dữ liệu"):
 * identical inputs give identical codes — whatever the order of the settings' keys, trailing blank
 * cells, what the add-in wrote in its own areas, whether the conference numbers were typed in or read,
 * and whether the head's decision was given with the run or read back from the shortlist — and any
 * change to a cell that was read, or to a setting the count depends on, changes it.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { DEFAULT_PROFILE, type RuleProfile } from '../../../src/rules';
import { fingerprint, type CountSettings } from '../../../src/workbook/bookkeeping/fingerprint';
import type { ParsedWorkbook } from '../../../src/workbook/reader/parse';
import type { CellValue, WorkbookSnapshot } from '../../../src/workbook/snapshot';
import { runXlsx, xlsxBytes } from '../../support/xlsx-run';

jest.setTimeout(60_000);

const SHEET = 'KP lãnh đạo';
/** The add-in's own area on the sheet read: columns E:G of rows 2–9 (1-based). */
const OWNED = { top: 2, bottom: 9, left: 5, right: 7 };
const inOwned = (r: number, c: number) => r + 1 >= OWNED.top && r + 1 <= OWNED.bottom && c + 1 >= OWNED.left && c + 1 <= OWNED.right;

const value: fc.Arbitrary<CellValue> = fc.oneof(fc.constant(null), fc.string({ maxLength: 6 }), fc.integer({ min: -50, max: 50 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean());
const grid = fc.array(fc.array(value, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 10 });

const parsed = (): ParsedWorkbook =>
  ({ votes: { table: { sheet: SHEET } }, owned: [{ sheet: SHEET, name: 'QuyHoach_KetQua_1', range: OWNED }], diagnostics: [] }) as unknown as ParsedWorkbook;
const snapshot = (values: CellValue[][], other: CellValue[][] = [['not read']]): WorkbookSnapshot =>
  ({ sheets: [{ name: SHEET, values }, { name: 'Ghi chú', values: other }], names: [] }) as unknown as WorkbookSnapshot;
const settings = (over: Partial<CountSettings> = {}): CountSettings => ({ procedure: 'next-term', step: 3, profile: DEFAULT_PROFILE, conference: { convened: 9, present: 8 }, ...over });

/** The same object with its keys in reverse order, all the way down. */
function reversed<T>(v: T): T {
  if (Array.isArray(v)) return v.map(reversed) as T;
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(Object.entries(v as Record<string, unknown>).reverse().map(([k, x]) => [k, reversed(x)])) as T;
}

describe('the fingerprint of the values read and the settings', () => {
  test('equal inputs give equal codes: key order, trailing blanks, the add-in’s own areas and sheets not read do not count', () => {
    fc.assert(
      fc.property(grid, grid, fc.nat({ max: 3 }), fc.nat({ max: 3 }), (values, scribble, moreCols, moreRows) => {
        const code = fingerprint(snapshot(values), parsed(), settings());
        // The same values with blank cells and rows after them, and anything at all in the owned area.
        const padded = [...values.map((row) => [...row, ...Array<CellValue>(moreCols).fill(null)]), ...Array.from({ length: moreRows }, () => [null, ''] as CellValue[])];
        const owned = padded.map((row, r) => row.map((v, c) => (inOwned(r, c) ? (scribble[r % scribble.length]?.[c % scribble[0].length] ?? 'x') : v)));
        expect(fingerprint(snapshot(owned, scribble), parsed(), reversed(settings()))).toBe(code);
      }),
      { numRuns: 200 },
    );
  });

  test('a changed cell that was read, or a changed setting, changes the code', () => {
    fc.assert(
      fc.property(grid, fc.nat(), fc.nat(), value, (values, i, j, v) => {
        const r = i % values.length;
        const c = j % values[r].length;
        fc.pre(!inOwned(r, c));
        const before = values[r][c];
        fc.pre(!(before === v || ((before === null || before === '') && (v === null || v === ''))) && !(typeof v === 'number' && typeof before === 'number' && String(v) === String(before)));
        const changed = values.map((row) => [...row]);
        changed[r][c] = v;
        const code = fingerprint(snapshot(values), parsed(), settings());
        expect(fingerprint(snapshot(changed), parsed(), settings())).not.toBe(code);
      }),
      { numRuns: 200 },
    );
    const values: CellValue[][] = [['Họ và tên', 'Số phiếu'], ['Nguyễn Văn An', 8]];
    const codes = [
      settings(),
      settings({ step: 2 }),
      settings({ conference: { convened: 9, present: 7 } }),
      settings({ quota: { 'Trưởng phòng': 2 } }),
      settings({ termStart: '2026-01-01' }),
      settings({ profile: { ...DEFAULT_PROFILE, name: 'Bản sửa của đơn vị' } as RuleProfile }),
    ].map((s) => fingerprint(snapshot(values), parsed(), s));
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe('through a run: the same count, the same code, however it was given', () => {
  const FIXTURE = readFileSync(join(__dirname, '..', '..', 'fixtures', 'next-term-3-leadership.xlsx'));
  const request = (overrides = {}) => ({ procedure: 'next-term' as const, step: 3, lang: 'vi' as const, now: '2026-12-04T09:00', overrides });

  test('numbers typed in equal to the sheet’s, quotas equal to the profile’s, the head’s decision given or read back: one code', async () => {
    const first = await runXlsx(FIXTURE, request());
    const code = first.run.fingerprint!;
    expect(code).toMatch(/^[0-9a-f]{64}$/);
    const dung = first.run.result!.people.find((p) => p.name === 'Phạm Thị Dung')!;
    const decision = { title: dung.title!, chosen: [dung.id], by: 'Nguyễn Văn Thủ', on: '2026-12-04' };
    // The decision run (the decision given with the run, as the task pane does), then the run after it (the decision read back).
    const decided = await runXlsx(first.buffer, request({ decisions: [decision] }));
    const after = await runXlsx(decided.buffer, request());
    expect(after.run.result!.people.find((p) => p.id === dung.id)?.outcome).toBe('selected');
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.boolean(), fc.constantFrom(first, decided, after), async (typeNumbers, typeQuota, from) => {
        const overrides = { ...(typeNumbers ? { convened: 9, present: 8 } : {}), ...(typeQuota ? { quota: 3 } : {}) };
        expect((await runXlsx(from.buffer, request(overrides))).run.fingerprint).toBe(code);
      }),
      { numRuns: 12 },
    );
    expect([decided.run.fingerprint, after.run.fingerprint]).toEqual([code, code]);
  });

  test('a vote count changed, or a number typed in that differs from the sheet’s, changes the code', async () => {
    const code = (await runXlsx(FIXTURE, request())).run.fingerprint;
    const { workbook } = await readXlsx(FIXTURE);
    workbook.getWorksheet(SHEET)!.getCell('D12').value = 5;
    const edited = (await runXlsx(await xlsxBytes(workbook), request())).run.fingerprint;
    const typed = (await runXlsx(FIXTURE, request({ present: 7 }))).run.fingerprint;
    expect(new Set([code, edited, typed]).size).toBe(3);
  });
});
