/**
 * What the page needs of ExcelJS, in a chunk of its own (`import('./xlsx')`): fetched when a
 * workbook is first opened, never by the page's first script nor by the task pane.
 */
import { XlsxSession } from '../hosts/xlsx/session';

export { XlsxSession };

/** Opens an .xlsx file's bytes. */
export function openWorkbook(data: ArrayBuffer): Promise<XlsxSession> {
  return XlsxSession.load(data);
}

/** The workbook as a new file: the bytes opened, with the runs applied (every other part of the file as it was). */
export async function workbookBlob(session: XlsxSession): Promise<Blob> {
  return new Blob([session.bytes() as BlobPart], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
}
