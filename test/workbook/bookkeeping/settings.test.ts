/**
 * Settings saved in the workbook (issue 6): a run with --save keeps its settings on the very hidden
 * sheet QuyHoach_CaiDat, and the next run — the command here, the task pane later — uses them for
 * what it is not told. Through the xlsx host, in-process, as test/cli/golden.test.ts runs the command.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as ExcelJS from 'exceljs';
import fc from 'fast-check';
import { main } from '../../../src/cli/main';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { DEFAULT_PROFILE, type ProcedureId } from '../../../src/rules';
import { AUDIT_NAME } from '../../../src/workbook/bookkeeping/audit-log';
import { mergeSettings, readSettings, SETTINGS_NAME, SETTINGS_SHEET, settingsSheet, type RunSettings } from '../../../src/workbook/bookkeeping/settings';
import type { WorkbookSnapshot } from '../../../src/workbook/snapshot';
import { readRecord } from '../../../src/workbook/bookkeeping/undo-record';
import { applyXlsx, xlsxBytes } from '../../support/xlsx-run';

jest.setTimeout(60_000);

const STAFF = join(__dirname, '..', '..', 'fixtures', 'next-term-2-staff.xlsx');
const LEADERSHIP = join(__dirname, '..', '..', 'fixtures', 'next-term-3-leadership.xlsx');
let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'quy-hoach-settings-'));
});
afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

interface Json {
  step: number;
  conference: { convened: number; present: number } | null;
  diagnostics: { severity: string; code: string; sheet: string | null; cell: string | null; message: string }[];
  output: string | null;
}

let counter = 0;
async function run(file: string, args: string[] = []): Promise<{ code: number; stdout: string; stderr: string; json: Json; out: string }> {
  const out = join(tmp, `out-${++counter}.xlsx`);
  let stdout = '';
  let stderr = '';
  const code = await main(['run', file, '--json', '--out', out, ...args], { out: (s) => (stdout += `${s}\n`), err: (s) => (stderr += `${s}\n`) });
  return { code, stdout, stderr, json: JSON.parse(stdout) as Json, out };
}

const snapshotOf = async (file: string): Promise<WorkbookSnapshot> => (await readXlsx(readFileSync(file))).snapshot;

/** A workbook saved with step 2 and the conference numbers typed in. */
async function savedWorkbook(): Promise<string> {
  const r = await run(STAFF, ['--step', '2', '--convened', '30', '--present', '24', '--save']);
  expect(r.code).toBe(0);
  expect(r.json.conference).toMatchObject({ convened: 30, present: 24 });
  return r.out;
}

/** The workbook with the settings sheet's cell A2 replaced. */
async function damage(file: string, a2: string): Promise<string> {
  const { workbook } = await readXlsx(readFileSync(file));
  workbook.getWorksheet(SETTINGS_SHEET)!.getCell('A2').value = a2;
  const out = join(tmp, `damaged-${++counter}.xlsx`);
  writeFileSync(out, await xlsxBytes(workbook));
  return out;
}

describe('saved settings through the command', () => {
  test('a run with --save, then a run without options: the same step and conference numbers, and a line saying so', async () => {
    const saved = await savedWorkbook();
    expect(readSettings(await snapshotOf(saved))).toEqual({
      settings: { procedure: 'next-term', step: 2, conferences: { 'next-term:2': { convened: 30, present: 24 } } },
      diagnostics: [],
    });
    const again = await run(saved);
    expect(again.code).toBe(0);
    expect(again.json.step).toBe(2);
    expect(again.json.conference).toMatchObject({ convened: 30, present: 24 });
    expect(again.stderr).toContain('Dùng thiết lập đã lưu trong sổ tính: quy trình “Xây dựng quy hoạch giai đoạn kế tiếp (nguồn tại chỗ)” (--procedure next-term), bước 2, triệu tập 30, có mặt 24');
    // In words (no --json), the line goes to the output.
    let text = '';
    expect(await main(['run', saved, '--out', join(tmp, 'text.xlsx')], { out: (s) => (text += `${s}\n`), err: () => undefined })).toBe(0);
    expect(text.split('\n')[0]).toBe('Dùng thiết lập đã lưu trong sổ tính: quy trình “Xây dựng quy hoạch giai đoạn kế tiếp (nguồn tại chỗ)” (--procedure next-term), bước 2, triệu tập 30, có mặt 24');
    // Without --save the settings stay as they were.
    expect(readSettings(await snapshotOf(again.out)).settings).toEqual(readSettings(await snapshotOf(saved)).settings);
  });

  test('options given on the command line win over the saved ones, number by number', async () => {
    const saved = await savedWorkbook();
    const r = await run(saved, ['--present', '21']);
    expect(r.json.conference).toMatchObject({ convened: 30, present: 21 });
    expect(r.stderr).toContain('triệu tập 30');
    expect(r.stderr).not.toContain('có mặt 24');
    const both = await run(saved, ['--convened', '27', '--present', '20']);
    expect(both.json.conference).toMatchObject({ convened: 27, present: 20 });
  });

  test("conference numbers belong to their step: step 3 does not take step 2's, and saving step 3 keeps step 2's", async () => {
    // The leadership conference's workbook, with settings saved at the staff conference.
    const created = settingsSheet({ procedure: 'next-term', step: 2, conferences: { 'next-term:2': { convened: 30, present: 24 } } }, 'vi');
    const seeded = join(tmp, 'seeded.xlsx');
    writeFileSync(seeded, (await applyXlsx(readFileSync(LEADERSHIP), { clear: [], blocks: [created.block], names: [created.name], sheets: [created.sheet] })).buffer);
    const own = await run(seeded, ['--step', '3']);
    expect(own.code).toBe(0);
    expect(own.json.conference).toMatchObject({ convened: 9, present: 8 });
    expect(own.stderr).not.toContain('triệu tập 30');
    const other = await run(seeded, ['--step', '3', '--convened', '10', '--save']);
    expect(other.json.conference).toMatchObject({ convened: 10, present: 8 });
    const kept = readSettings(await snapshotOf(other.out)).settings;
    expect(kept?.conferences).toEqual({ 'next-term:2': { convened: 30, present: 24 }, 'next-term:3': { convened: 10 } });
    expect(kept?.step).toBe(3);
  });

  test('the same numbers given or saved give the same fingerprint (settings count only through what they change)', async () => {
    const saved = await savedWorkbook();
    const a = await run(saved);
    const b = await run(STAFF, ['--step', '2', '--convened', '30', '--present', '24']);
    const fp = async (file: string) => {
      const s = await snapshotOf(file);
      const log = s.sheets.find((x) => x.name === s.names.find((n) => n.name === AUDIT_NAME)?.sheet)!;
      const rows = log.values.filter((r) => typeof r?.[6] === 'string' && /^[0-9a-f]{64}$/.test(r[6] as string));
      return rows[rows.length - 1][6];
    };
    expect(await fp(a.out)).toBe(await fp(b.out));
  });

  test('damaged settings: the diagnostic names the sheet and cell, and nothing is written', async () => {
    const saved = await savedWorkbook();
    for (const [a2, problem] of [
      ['~{"v":1,"step":', 'JSON'],
      ['{"v":1}', ''],
      ['~{"v":1,"step":"hai"}', 'step'],
      ['~{"v":1,"profile":{"name":3}}', 'profile'],
    ]) {
      const damaged = await damage(saved, a2);
      const r = await run(damaged);
      expect(r.code).toBe(1);
      expect(existsSync(r.out)).toBe(false);
      expect(r.json.output).toBeNull();
      const d = r.json.diagnostics.find((x) => x.code === 'E-SETTINGS-DAMAGED');
      expect(d).toMatchObject({ severity: 'error', sheet: SETTINGS_SHEET, cell: 'A2' });
      expect(d?.message).toMatch(new RegExp(`^${SETTINGS_SHEET}!A2: Thiết lập đã lưu trong sổ tính bị hỏng \\(trang ẩn “${SETTINGS_SHEET}”`));
      expect(d?.message).toContain(problem);
    }
  });

  test('damaged settings are replaced by a run that saves its own (a warning says so)', async () => {
    const damaged = await damage(await savedWorkbook(), '~{"v":1,');
    const r = await run(damaged, ['--step', '2', '--convened', '26', '--present', '20', '--save']);
    expect(r.code).toBe(0);
    expect(r.json.diagnostics.map((d) => d.code)).toContain('W-SETTINGS-REPLACED');
    expect(readSettings(await snapshotOf(r.out)).settings).toEqual({ procedure: 'next-term', step: 2, conferences: { 'next-term:2': { convened: 26, present: 20 } } });
  });

  test('the settings sheet is very hidden, protected, and has nothing to print', async () => {
    const saved = await savedWorkbook();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(saved) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(SETTINGS_SHEET)!;
    expect(sheet.state).toBe('veryHidden');
    expect(sheet.pageSetup.printArea).toBeUndefined();
    expect((sheet as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(workbook.definedNames.getRanges(SETTINGS_NAME).ranges).toEqual([`'${SETTINGS_SHEET}'!$A$1`]);
  });

  test('a second run with --save changes nothing but the log', async () => {
    const first = await run(STAFF, ['--step', '2', '--convened', '30', '--present', '24', '--save']);
    const second = await run(first.out, ['--save']);
    const third = await run(second.out, ['--save']);
    const without = (s: WorkbookSnapshot) => {
      const log = s.names.find((n) => n.name === AUDIT_NAME)?.sheet;
      return { sheets: s.sheets.filter((x) => x.name !== log), names: s.names };
    };
    expect(without(await snapshotOf(third.out))).toEqual(without(await snapshotOf(second.out)));
    expect(readSettings(await snapshotOf(third.out)).settings).toEqual(readSettings(await snapshotOf(first.out)).settings);
  });

  test('undo leaves the saved settings in place', async () => {
    const saved = await savedWorkbook();
    // The settings are not a part the run wrote: the record neither lists nor keeps them.
    const { record } = readRecord(await snapshotOf(saved));
    expect(record?.wrote?.length).toBeGreaterThan(0);
    expect(record?.wrote).not.toContain(SETTINGS_NAME);
    expect(Object.keys(record?.parts ?? {})).not.toContain(SETTINGS_NAME);
    const out = join(tmp, 'undone.xlsx');
    expect(await main(['undo', saved, '--out', out], { out: () => undefined, err: () => undefined })).toBe(0);
    const undone = await snapshotOf(out);
    expect(undone.names.some((n) => n.name === SETTINGS_NAME)).toBe(true);
    expect(readSettings(undone).settings).toEqual(readSettings(await snapshotOf(saved)).settings);
    const again = await run(out);
    expect(again.json.conference).toMatchObject({ convened: 30, present: 24 });
  });

  test("a user's sheet named QuyHoach_CaiDat is not taken for settings, nor written over", async () => {
    const { workbook } = await readXlsx(readFileSync(STAFF));
    workbook.addWorksheet(SETTINGS_SHEET).getCell('A2').value = '~{"v":1,"step":3}';
    const mine = join(tmp, 'mine.xlsx');
    writeFileSync(mine, await xlsxBytes(workbook));
    const plain = await run(mine, ['--step', '2']);
    expect(plain.code).toBe(0);
    expect(plain.stderr).not.toContain('Dùng thiết lập');
    const save = await run(mine, ['--step', '2', '--save']);
    expect(save.code).toBe(1);
    expect(save.json.diagnostics.map((d) => d.code)).toContain('E-SHEET-NAME-TAKEN');
    expect(existsSync(save.out)).toBe(false);
  });

  test('the line about saved settings follows --lang', async () => {
    const saved = await savedWorkbook();
    const r = await run(saved, ['--lang', 'en']);
    expect(r.stderr).toContain('Using the settings saved in the workbook: procedure “Next-term planning (on-site source)” (--procedure next-term), step 2, 30 convened, 24 present');
  });

  test('--help lists --save', async () => {
    let text = '';
    await main(['--help'], { out: (s) => (text += s), err: () => undefined });
    expect(text).toContain('--save');
    text = '';
    await main(['--help', '--lang', 'en'], { out: (s) => (text += s), err: () => undefined });
    expect(text).toContain('--save');
  });
});

describe('settings, pure', () => {
  /** The snapshot a host reads back from the plan's sheet. */
  const written = (settings: RunSettings): WorkbookSnapshot => {
    const created = settingsSheet(settings, 'vi');
    return {
      sheets: [{ name: created.sheet.name, values: created.block.cells.map((r) => r.map((c) => c.value)), merges: [], tables: [] }],
      names: [created.name],
    };
  };

  const sheetName = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 31 }).filter((s) => s.trim() !== '');
  const count = fc.nat({ max: 10_000 });
  const procedure = fc.constantFrom<ProcedureId>('next-term', 'annual-local', 'annual-external');
  const settings: fc.Arbitrary<RunSettings> = fc.record(
    {
      procedure,
      step: fc.integer({ min: 1, max: 9 }),
      rosterSheet: sheetName,
      votesSheet: sheetName,
      candidatesSheet: sheetName,
      conferences: fc.dictionary(
        fc.tuple(procedure, fc.integer({ min: 1, max: 9 })).map(([p, s]) => `${p}:${s}`),
        fc.record({ convened: count, present: count }, { requiredKeys: [] }).filter((c) => Object.keys(c).length > 0),
        { maxKeys: 4 },
      ),
      quota: fc.oneof(count, fc.dictionary(fc.string({ unit: 'grapheme', minLength: 1 }), count, { maxKeys: 4 })),
      termStart: fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2099-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
      profile: fc.record({ name: fc.string({ unit: 'grapheme', minLength: 1 }).filter((s) => s.trim() !== ''), quota: fc.integer({ min: 1, max: 9 }) }).map(({ name, quota }) => ({ ...DEFAULT_PROFILE, name, quota: { ...DEFAULT_PROFILE.quota, default: quota } })),
    },
    { requiredKeys: [] },
  );

  test('any settings survive write → read', () => {
    fc.assert(
      fc.property(settings, (s) => {
        expect(readSettings(written(s))).toEqual({ settings: s, diagnostics: [] });
      }),
    );
  });

  test('settings longer than one cell holds are cut into pieces, never inside a surrogate pair', () => {
    const long: RunSettings = { rosterSheet: `${'😀'.repeat(20_000)}a`, votesSheet: 'x'.repeat(29_990) };
    const snap = written(long);
    expect(snap.sheets[0].values.length).toBeGreaterThan(3);
    for (const [v] of snap.sheets[0].values.slice(1)) expect(String(v)).toMatch(/^~(?![\uDC00-\uDFFF])[\s\S]*(?<![\uD800-\uDBFF])$/);
    expect(readSettings(snap).settings).toEqual(long);
  });

  test('merging: what is given wins, field by field; conference numbers merge per conference and number', () => {
    const saved: RunSettings = { procedure: 'next-term', step: 2, votesSheet: 'KP', quota: 3, conferences: { 'next-term:2': { convened: 30, present: 24 }, 'next-term:3': { convened: 9 } } };
    expect(mergeSettings(saved, { step: 3, quota: undefined, conferences: { 'next-term:3': { present: 8 } } })).toEqual({
      procedure: 'next-term',
      step: 3,
      votesSheet: 'KP',
      quota: 3,
      conferences: { 'next-term:2': { convened: 30, present: 24 }, 'next-term:3': { convened: 9, present: 8 } },
    });
    expect(mergeSettings(undefined, { quota: { 'Trưởng phòng': 2 } })).toEqual({ quota: { 'Trưởng phòng': 2 } });
  });

  test('no settings sheet: no settings and no diagnostic', () => {
    expect(readSettings({ sheets: [], names: [] })).toEqual({ diagnostics: [] });
  });
});
