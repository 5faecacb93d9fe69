/** @jest-environment jsdom */
/**
 * On an Excel older than the add-in needs (src/hosts/excel/requirements.ts MINIMUM_EXCEL_API), the
 * pane says in Vietnamese what it needs, and reads nothing from the workbook.
 */
import { App } from '../../src/taskpane/App';
import { messages } from '../../src/i18n';
import type { WorkbookSession } from '../../src/hosts/session';
import { byTestId, mount, text, until, usePaneDom } from '../support/pane-dom';

usePaneDom();

test('an Excel below ExcelApi 1.7: what the add-in needs, and no read', async () => {
  const read = jest.fn();
  const session: WorkbookSession = {
    unsupported: messages('vi').excel.needs('1.7'),
    read,
    apply: jest.fn(),
    select: jest.fn(),
    now: () => '2026-11-25T10:00',
  };
  await mount(<App lang="vi" host={{ inExcel: true, displayLanguage: 'vi-VN' }} session={session} />);
  await until(() => text().includes('ExcelApi 1.7'), 'the message', 100);
  expect(byTestId('unsupported').textContent).toContain('Quy Hoạch cần Excel hỗ trợ bộ API ExcelApi 1.7 trở lên');
  expect(text()).not.toContain(messages('vi').taskpane.loading);
  expect(read).not.toHaveBeenCalled();
});
