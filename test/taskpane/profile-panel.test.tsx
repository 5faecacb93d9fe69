/** @jest-environment jsdom */
/**
 * Saved settings in the task pane, and the profile panel, driven as a user would (jsdom, React 19,
 * Fluent UI v9) over the xlsx session holding a fixture in memory (the real pipeline): the form
 * starts from the settings an earlier run kept in the workbook and says so; every run keeps its
 * settings; a copy of Phụ lục 12 with N30 at 1/3 is saved in the workbook and the results follow
 * it and name it; back to the default; the editor by keyboard.
 */
import { readFileSync } from 'fs';
import { join } from 'path';
import { act } from 'react';
import type * as ExcelJS from 'exceljs';
import { XlsxSession } from '../../src/hosts/xlsx/session';
import { snapshotOf } from '../../src/hosts/xlsx/read';
import { runPipeline } from '../../src/workbook/pipeline';
import { effectiveSettings, readSettings } from '../../src/workbook/bookkeeping/settings';
import { App } from '../../src/taskpane/App';
import { DEFAULT_PROFILE } from '../../src/rules';
import { button, byTestId, choose, click, input, mount, pane, text, type, unmount, until, usePaneDom } from '../support/pane-dom';

usePaneDom();
jest.setTimeout(60_000);

const fixture = (name: string) => readFileSync(join(__dirname, '..', 'fixtures', name));
const CLOCK = () => '2026-11-25T10:00';

async function open(session: XlsxSession) {
  await mount(<App lang="vi" host={{ inExcel: true, displayLanguage: 'vi-VN' }} session={session} />);
  await until(() => (pane().querySelector<HTMLSelectElement>('[data-testid="sheet-votes"]')?.value ?? '') !== '');
  return session;
}

/** A sheet's values as text, a row a line. */
function sheetText(workbook: ExcelJS.Workbook, name: string): string {
  const ws = workbook.getWorksheet(name);
  if (!ws) return '';
  const rows: string[] = [];
  ws.eachRow({ includeEmpty: true }, (row) => rows.push((row.values as unknown[]).map((v) => (v === null || v === undefined ? '' : String(v))).join('|')));
  return rows.join('\n');
}

/** The cell notes on the row of a person, on any sheet (the result columns beside the vote table). */
function notesOf(workbook: ExcelJS.Workbook, person: string): string[] {
  const out: string[] = [];
  for (const ws of workbook.worksheets) {
    ws.eachRow((row) => {
      if (!(row.values as unknown[]).some((v) => v === person)) return;
      row.eachCell((cell) => {
        const note = cell.note;
        if (note) out.push(typeof note === 'string' ? note : (note.texts ?? []).map((t) => t.text).join(''));
      });
    });
  }
  return out;
}

/** A person's outcome on running again under what the workbook keeps (the profile, the numbers typed in), as the command would. */
function outcomeOf(workbook: ExcelJS.Workbook, name: string) {
  const snapshot = snapshotOf(workbook);
  const s = effectiveSettings(snapshot, readSettings(snapshot).settings, {});
  const run = runPipeline(snapshot, { procedure: s.procedure, step: s.settings.step, profile: s.settings.profile, overrides: { ...s.numbers }, lang: 'vi' });
  return run.result?.people.find((p) => p.name === name)?.outcome;
}

test('the form starts from the settings an earlier run kept in the workbook, and says so', async () => {
  // A run (as the command's --save or the pane's Run) keeps step 3, the vote sheet, 10 convened and a quota of 2.
  const first = await XlsxSession.load(fixture('next-term-3-leadership.xlsx'), CLOCK);
  const run = runPipeline((await first.read()), {
    procedure: 'next-term',
    step: 3,
    votesSheet: 'KP lãnh đạo',
    overrides: { convened: 10, quota: { 'Trưởng phòng': 2 } },
    saveSettings: true,
    lang: 'vi',
  });
  expect(run.ok).toBe(true);
  await first.apply(run.plan!);
  // Reopened: the pane fills its form from what was kept.
  const session = await open(await XlsxSession.load(first.bytes(), CLOCK));
  expect(byTestId('saved-settings').textContent).toBe(
    'Dùng thiết lập đã lưu trong sổ tính: quy trình “Xây dựng quy hoạch giai đoạn kế tiếp (nguồn tại chỗ)”, bước 3, trang kiểm phiếu “KP lãnh đạo”, triệu tập 10, số lượng Trưởng phòng 2',
  );
  expect(byTestId<HTMLSelectElement>('sheet-votes').value).toBe('KP lãnh đạo');
  expect(input('conference-convened').value).toBe('10');
  expect(input('conference-present').value).toBe('8');
  expect(byTestId('quorum').textContent).toBe('Hội nghị hợp lệ: 8/10 có mặt, cần ít nhất 7');
  const quota = [...pane().querySelectorAll('label')].find((l) => l.textContent?.startsWith('Trưởng phòng:'));
  expect((document.getElementById(quota!.htmlFor) as HTMLInputElement).value).toBe('2');
  expect(session).toBeDefined();
});

test('every run from the pane keeps its settings in the workbook (read back as the command would)', async () => {
  const session = await open(await XlsxSession.load(fixture('next-term-3-leadership.xlsx'), CLOCK));
  expect(readSettings((await session.read())).settings).toBeUndefined();
  expect(pane().querySelector('[data-testid="saved-settings"]')).toBeNull();
  await type(input('conference-convened'), '12');
  await click(button('Chạy'));
  await until(() => text().includes('Đã ghi kết quả'));
  expect(readSettings((await session.read())).settings).toEqual({ procedure: 'next-term', step: 3, conferences: { 'next-term:3': { convened: 12 } } });
  // The result names the rule profile it was reached under.
  expect(byTestId('outcome-profile').textContent).toBe('Bộ quy tắc: Phụ lục 12 (2022)');
});

test('copy Phụ lục 12, set N30 to 1/3 (strict), save in the workbook, run: the outcomes follow 1/3 and every result names the profile', async () => {
  const session = await open(await XlsxSession.load(fixture('next-term-2-staff.xlsx'), CLOCK));
  // 21 present: the 7 votes of Lê Văn Cường and Đặng Văn Hùng are 7/21 = 1/3 exactly — above 30%, not above 1/3 (N30, I.2).
  await type(input('conference-present'), '21');
  expect(byTestId('profile-badge').textContent).toBe('Mặc định');

  await click(button('Sao chép để sửa'));
  await until(() => pane().querySelector('[data-testid="profile-editor"]') !== null, 'the editor');
  expect(input('profile-name').value).toBe('Phụ lục 12 (2022) — bản sửa của đơn vị');
  await type(input('ratio-nomination-num'), '1');
  await type(input('ratio-nomination-den'), '3');
  expect(byTestId<HTMLSelectElement>('strict-nomination').value).toBe('strict');
  // The words and the arithmetic, live.
  expect(byTestId('words-nomination').textContent).toBe('Giới thiệu tại hội nghị cán bộ, công chức, viên chức: Phải đạt tỷ lệ phiếu đồng ý trên 1/3 số người có mặt (3 × số phiếu đồng ý > 1 × số người có mặt).');
  // A denominator of 0 is refused with the rules' own validation, and cannot be saved.
  await type(input('ratio-nomination-den'), '0');
  expect(byTestId('profile-issues').textContent).toContain('nomination.threshold: { num, den } whole numbers, den ≥ 1');
  expect(button('Lưu vào sổ tính').disabled).toBe(true);
  await type(input('ratio-nomination-den'), '3');
  expect(button('Lưu vào sổ tính').disabled).toBe(false);

  await click(button('Lưu vào sổ tính'));
  await until(() => text().includes('Đã lưu bộ quy tắc vào sổ tính'), 'the profile saved');
  // Kept in the workbook at once (the settings sheet), before any run.
  const kept = readSettings((await session.read())).settings?.profile;
  expect(kept?.name).toBe('Phụ lục 12 (2022) — bản sửa của đơn vị');
  expect(kept?.nomination).toEqual({ ...DEFAULT_PROFILE.nomination, threshold: { num: 1, den: 3 } });
  expect(byTestId('profile-badge').textContent).toBe('Đã sửa 2 thiết lập so với mặc định');
  expect(text()).toContain('Khác Phụ lục 12');

  await click(button('Chạy'));
  await until(() => text().includes('Đã ghi kết quả'));
  const wb = (await session.view());
  expect(outcomeOf(wb, 'Lê Văn Cường')).toBe('fail');
  expect(outcomeOf(wb, 'Nguyễn Văn An')).toBe('pass');
  // The cell note explains by 1/3; the minutes, the shortlist, the audit log and the pane name the profile.
  expect(outcomeOf(wb, 'Đặng Văn Hùng')).toBe('fail');
  expect(notesOf(wb, 'Đặng Văn Hùng')).toContain('Không đạt: 7/21 = 33,33% ≤ 1/3 số người có mặt — quy tắc N30, mục I.2');
  const named = 'Bộ quy tắc: Phụ lục 12 (2022) — bản sửa của đơn vị — khác Phụ lục 12: Giới thiệu tại hội nghị cán bộ, công chức, viên chức: Phải đạt tỷ lệ phiếu đồng ý trên 1/3';
  expect(sheetText(wb, 'BB Kế tiếp B2')).toContain(named);
  expect(sheetText(wb, 'KQ Kế tiếp B2')).toContain(named);
  expect(sheetText(wb, 'Nhật ký Quy Hoạch')).toContain('Phụ lục 12 (2022) — bản sửa của đơn vị — khác Phụ lục 12:');
  expect(byTestId('outcome-profile').textContent).toContain(named);
  expect(byTestId('counts').textContent).toContain('Không đạt 5');

  // Back to Phụ lục 12: the kept profile goes, and the next run is by 30% again.
  await click(button('Về mặc định'));
  await until(() => text().includes('Đã trở về bộ quy tắc Phụ lục 12'));
  expect(readSettings((await session.read())).settings?.profile).toBeUndefined();
  expect(byTestId('profile-badge').textContent).toBe('Mặc định');
  await click(button('Chạy'));
  await until(() => text().includes('Đã ghi kết quả'));
  expect(outcomeOf((await session.view()), 'Lê Văn Cường')).toBe('pass');
  expect(notesOf((await session.view()), 'Đặng Văn Hùng')).toContain('Đạt: 7/21 = 33,33% > 30% số người có mặt — quy tắc N30, mục I.2');
  expect(readSettings((await session.read())).settings?.profile).toBeUndefined();

  // Saving the profile between two runs left undo whole: it puts back what the 1/3 run wrote, and keeps the settings.
  await click(button('Hoàn tác lần chạy gần nhất'));
  await until(() => text().includes('Đã hoàn tác'));
  expect(notesOf((await session.view()), 'Đặng Văn Hùng')).toContain('Không đạt: 7/21 = 33,33% ≤ 1/3 số người có mặt — quy tắc N30, mục I.2');
  expect(sheetText((await session.view()), 'BB Kế tiếp B2')).toContain(named);
  expect(readSettings((await session.read())).settings).toEqual({ procedure: 'next-term', step: 2, conferences: { 'next-term:2': { present: 21 } } });
});

test('a profile saved in the workbook is the one the pane shows and runs under when the file is opened again', async () => {
  const first = await open(await XlsxSession.load(fixture('next-term-2-staff.xlsx'), CLOCK));
  await click(button('Sao chép để sửa'));
  await until(() => pane().querySelector('[data-testid="profile-editor"]') !== null, 'the editor');
  await type(input('profile-name'), 'Quy chế của Sở');
  await type(input('profile-quota'), '1');
  await click(button('Lưu vào sổ tính'));
  await until(() => text().includes('Đã lưu bộ quy tắc vào sổ tính'));
  const saved = first.bytes();
  await unmount();

  await open(await XlsxSession.load(saved, CLOCK));
  await until(() => text().includes('Bộ quy tắc đang dùng: Quy chế của Sở'), 'the saved profile');
  await click(button('Chạy'));
  await until(() => text().includes('Đã ghi kết quả'));
  expect(byTestId('outcome-profile').textContent).toContain('Bộ quy tắc: Quy chế của Sở — khác Phụ lục 12: Lấy từ trên xuống cho đủ 1 người mỗi chức danh');
});

test('by keyboard: the copy button is a native button, the editor opens on its first field, every field is in the tab order, Enter saves', async () => {
  const session = await open(await XlsxSession.load(fixture('next-term-2-staff.xlsx'), CLOCK));
  const copy = button('Sao chép để sửa');
  expect(copy.tagName).toBe('BUTTON');
  expect(copy.tabIndex).toBe(0);
  copy.focus();
  expect(document.activeElement).toBe(copy);
  // Enter (or Space) on a native button is its click.
  await click(copy);
  await until(() => pane().querySelector('[data-testid="profile-editor"]') !== null, 'the editor');
  await until(() => document.activeElement === input('profile-name'), 'the focus in the first field');

  const editor = byTestId<HTMLFormElement>('profile-editor');
  const controls = [...editor.querySelectorAll<HTMLElement>('input, select, textarea, button')];
  expect(controls.length).toBeGreaterThan(20);
  for (const c of controls) {
    expect(c.tabIndex).toBeGreaterThanOrEqual(0);
    expect((c as HTMLInputElement).disabled).toBe(false);
  }
  // The fields have labels (what a screen reader and a keyboard user hear on Tab).
  const nameLabel = pane().querySelector(`label[for="${input('profile-name').id}"]`);
  expect(nameLabel?.textContent).toContain('Tên bộ quy tắc');

  await type(input('ratio-nomination-num'), '1');
  await type(input('ratio-nomination-den'), '3');
  // Enter in a field submits its form (the browser's implicit submission: requestSubmit in jsdom).
  await act(async () => {
    editor.requestSubmit();
  });
  await until(() => text().includes('Đã lưu bộ quy tắc vào sổ tính'));
  expect(readSettings((await session.read())).settings?.profile?.nomination.threshold).toEqual({ num: 1, den: 3 });
});

test('outside Excel the editor still works: the profile is shown, not saved anywhere', async () => {
  await mount(<App lang="vi" host={{ inExcel: false, displayLanguage: null }} />);
  await click(button('Sao chép để sửa'));
  await until(() => pane().querySelector('[data-testid="profile-editor"]') !== null, 'the editor');
  await choose(byTestId<HTMLSelectElement>('profile-tie'), 'all');
  await click(button('Lưu vào sổ tính'));
  await until(() => text().includes('Đã áp dụng bộ quy tắc'));
  expect(text()).toContain('Bộ quy tắc đang dùng: Phụ lục 12 (2022) — bản sửa của đơn vị');
  expect(text()).toContain('Mọi trường hợp từ 02 người trở lên bằng phiếu');
});
