/**
 * effectiveSettings (src/workbook/bookkeeping/settings.ts): the one place where the settings given now (the
 * command's options, the task pane's form) meet those saved in the workbook — what the run uses,
 * and what it took from the saved ones, in words (i18n describeSaved) — and what a run keeps.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import fc from 'fast-check';
import { describeSaved } from '../../../src/i18n';
import { readXlsx } from '../../../src/hosts/xlsx/read';
import { DEFAULT_PROFILE, type ProcedureId } from '../../../src/rules';
import { effectiveSettings, settingsToSave, withProfile, type RunSettings } from '../../../src/workbook/bookkeeping/settings';
import type { WorkbookSnapshot } from '../../../src/workbook/snapshot';

const fixture = async (name: string): Promise<WorkbookSnapshot> => (await readXlsx(readFileSync(join(__dirname, '..', '..', 'fixtures', name)))).snapshot;
const CUSTOM = { ...DEFAULT_PROFILE, id: 'so-noi-vu', name: 'Quy chế của Sở', nomination: { ...DEFAULT_PROFILE.nomination, threshold: { num: 1, den: 3 } } };

let staff: WorkbookSnapshot;
let leadership: WorkbookSnapshot;
beforeAll(async () => {
  staff = await fixture('next-term-2-staff.xlsx');
  leadership = await fixture('next-term-3-leadership.xlsx');
});

describe('effectiveSettings', () => {
  test('nothing saved: what is given (no procedure: the run infers it from the workbook), nothing taken from saved settings', () => {
    const s = effectiveSettings(staff, undefined, { step: 2 }, { present: 21 });
    expect(s).toEqual({ procedure: undefined, settings: { step: 2 }, numbers: { convened: undefined, present: 21 }, used: [] });
  });

  test('saved settings stand for what is not given, and each one taken is listed, in words', () => {
    const saved: RunSettings = {
      procedure: 'next-term',
      step: 2,
      votesSheet: 'KP HN cán bộ',
      conferences: { 'next-term:2': { convened: 30, present: 24 }, 'next-term:3': { convened: 9 } },
      quota: { 'Trưởng phòng': 2 },
      termStart: '2026-01-01',
      profile: CUSTOM,
    };
    const s = effectiveSettings(staff, saved, {});
    expect(s.procedure).toBe('next-term');
    expect(s.settings).toMatchObject({ step: 2, votesSheet: 'KP HN cán bộ', quota: { 'Trưởng phòng': 2 }, termStart: '2026-01-01', profile: CUSTOM });
    // The numbers of this conference only (step 2), not the leadership conference's.
    expect(s.numbers).toEqual({ convened: 30, present: 24 });
    expect(describeSaved(s.used, 'vi')).toBe(
      'quy trình “Xây dựng quy hoạch giai đoạn kế tiếp (nguồn tại chỗ)” (--procedure next-term), bước 2, trang kiểm phiếu “KP HN cán bộ”, triệu tập 30, có mặt 24, số lượng Trưởng phòng 2, nhiệm kỳ từ 01/01/2026, bộ quy tắc “Quy chế của Sở”',
    );
    expect(describeSaved(s.used, 'en')).toContain('“Quy chế của Sở”');
  });

  test('what is given wins, and is not listed as taken from the saved settings', () => {
    const saved: RunSettings = { procedure: 'next-term', step: 2, conferences: { 'next-term:2': { convened: 30, present: 24 } }, quota: 2, profile: CUSTOM };
    const s = effectiveSettings(staff, saved, { quota: 4, profile: DEFAULT_PROFILE }, { convened: 25 });
    expect(s.numbers).toEqual({ convened: 25, present: 24 });
    expect(s.settings.quota).toBe(4);
    expect(s.settings.profile).toBe(DEFAULT_PROFILE);
    expect(s.used.map((u) => u.kind)).toEqual(['procedure', 'step', 'present']);
  });

  test('another procedure given: the saved step (of the other procedure) and its numbers are left out', () => {
    const saved: RunSettings = { procedure: 'next-term', step: 3, conferences: { 'next-term:3': { convened: 9 } } };
    const s = effectiveSettings(leadership, saved, { procedure: 'annual-local' });
    expect(s.procedure).toBe('annual-local');
    expect(s.settings.step).toBeUndefined();
    expect(s.numbers).toEqual({ convened: undefined, present: undefined });
    expect(s.used).toEqual([]);
  });

  test('numbers saved without a step: the step is inferred from the sheets to find them (a leadership count: step 3)', () => {
    const saved: RunSettings = { conferences: { 'next-term:3': { convened: 12 }, 'next-term:2': { convened: 40 } } };
    const s = effectiveSettings(leadership, saved, {});
    expect(s.settings.step).toBe(3);
    expect(s.numbers.convened).toBe(12);
    expect(describeSaved(s.used, 'vi')).toBe('triệu tập 12');
  });

  test('property: a setting given always wins over the saved one; one not given is the saved one', () => {
    const procedure = fc.constantFrom<ProcedureId>('next-term', 'annual-local', 'annual-external');
    const settings = fc.record(
      {
        procedure,
        rosterSheet: fc.constantFrom('A', 'B'),
        votesSheet: fc.constantFrom('C', 'D'),
        quota: fc.integer({ min: 1, max: 9 }),
        termStart: fc.constantFrom('2026-01-01', '2031-01-01'),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(settings, settings, (saved, given) => {
        const s = effectiveSettings(staff, saved as RunSettings, given as RunSettings);
        for (const key of ['rosterSheet', 'votesSheet', 'quota', 'termStart'] as const) {
          expect(s.settings[key]).toBe(given[key] ?? saved[key]);
          expect(s.used.some((u) => u.kind === (key.endsWith('Sheet') ? 'sheet' : key) && (u.kind !== 'sheet' || u.name === saved[key]))).toBe(given[key] === undefined && saved[key] !== undefined);
        }
        expect(s.procedure).toBe(given.procedure ?? saved.procedure);
      }),
      { numRuns: 200 },
    );
  });
});

describe('what a run keeps', () => {
  const request = { procedure: 'next-term' as const, overrides: { present: 21 } };

  test('a run under a custom profile keeps it; a run under Phụ lục 12 drops the one kept before', () => {
    const kept = settingsToSave(undefined, { ...request, profile: CUSTOM }, 2);
    expect(kept).toEqual({ procedure: 'next-term', step: 2, conferences: { 'next-term:2': { present: 21 } }, profile: CUSTOM });
    expect(settingsToSave(kept, { ...request, profile: DEFAULT_PROFILE }, 2).profile).toBeUndefined();
    // No profile named (an older caller): the kept one stays.
    expect(settingsToSave(kept, request, 2).profile).toBe(CUSTOM);
  });

  test('the profile panel keeps a profile with the other settings, and Phụ lục 12 as none', () => {
    const saved: RunSettings = { procedure: 'next-term', step: 2, quota: 2 };
    expect(withProfile(saved, CUSTOM)).toEqual({ ...saved, profile: CUSTOM });
    expect(withProfile({ ...saved, profile: CUSTOM }, DEFAULT_PROFILE)).toEqual(saved);
    expect(withProfile(undefined, undefined)).toEqual({});
  });
});

test('the JSON output names the profile and, in words, where it differs from Phụ lục 12 (one field added)', async () => {
  const { runJson, runPipeline } = await import('../../../src/workbook/pipeline');
  const run = runPipeline(staff, { procedure: 'next-term', profile: CUSTOM, overrides: { present: 21 }, lang: 'vi' });
  const json = runJson(run, 'vi', CUSTOM);
  expect(json.profile).toBe('Quy chế của Sở');
  expect(json.profileChanges).toEqual([
    'Giới thiệu tại hội nghị cán bộ, công chức, viên chức: Phải đạt tỷ lệ phiếu đồng ý trên 1/3 số người có mặt (3 × số phiếu đồng ý > 1 × số người có mặt) (N30).',
  ]);
  expect(runJson(run, 'vi').profileChanges).toEqual([]);
  expect(json.results.find((r) => r.name === 'Đặng Văn Hùng')).toMatchObject({ outcome: 'fail', threshold: '1/3' });
});
