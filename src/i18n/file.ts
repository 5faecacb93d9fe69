/**
 * The words for a file the xlsx host cannot take (src/hosts/xlsx/package-check.ts), a write that
 * failed (src/cli/write.ts), a formula the read could not take at its word
 * (src/hosts/xlsx/formulas.ts): src/workbook/codes.ts FILE_CODES, joined into Messages.diagnostics.
 * Every one says what is wrong in the user's terms and what to do; none repeats a library's text.
 */
import type { FILE_CODES } from '../workbook/codes';

type Params = Record<string, unknown>;
export type FileMessages = Record<keyof typeof FILE_CODES, (p: Params) => string>;

/** 100000 → '100.000' (vi) or '100,000' (en). */
const grouped = (n: unknown, sep: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
/** A size in bytes, in the unit a user reads: '200 MB', '12 KB'. */
const size = (n: unknown, sep: string) => {
  const b = Number(n);
  return b >= 1024 * 1024 ? `${grouped(Math.round(b / (1024 * 1024)), sep)} MB` : b >= 1024 ? `${grouped(Math.round(b / 1024), sep)} KB` : `${grouped(b, sep)} byte`;
};

const SAVE_AS_VI = 'Hãy mở tệp bằng Excel (hoặc WPS, LibreOffice) rồi lưu lại dưới dạng “Excel Workbook (.xlsx)”.';
const SAVE_AS_EN = 'Open the file in Excel (or WPS, LibreOffice) and save it as “Excel Workbook (.xlsx)”.';

export const fileMessagesVi: FileMessages = {
  'E-FILE-EMPTY': () => 'Tệp rỗng (0 byte): không có sổ tính nào để đọc. Có thể tệp chưa được lưu xong hoặc sao chép bị lỗi.',
  'E-FILE-NOT-XLSX': (p) =>
    `${
      ({
        zip: 'Tệp là một tệp nén .zip nhưng không chứa sổ tính Excel.',
        odf: 'Tệp là văn bản hoặc trình chiếu OpenDocument, không phải sổ tính.',
        docx: 'Tệp là văn bản Word (.docx), không phải sổ tính Excel.',
        pptx: 'Tệp là bản trình chiếu PowerPoint (.pptx), không phải sổ tính Excel.',
        ole: 'Tệp là một tài liệu Office kiểu cũ nhưng không phải sổ tính Excel.',
        xml2003: 'Tệp là sổ tính dạng “XML Spreadsheet 2003”, không phải .xlsx.',
        html: 'Tệp là trang web (HTML) được đặt tên như sổ tính, không phải .xlsx.',
        text: 'Tệp là văn bản thuần (ví dụ CSV), không phải sổ tính .xlsx.',
      } as Record<string, string>)[String(p.kind)] ?? 'Tệp không phải sổ tính .xlsx.'
    } ${SAVE_AS_VI}`,
  'E-FILE-XLS': () => `Tệp là sổ tính Excel 97–2003 (.xls); chương trình chỉ đọc .xlsx. ${SAVE_AS_VI}`,
  'E-FILE-ODS': () => `Tệp là bảng tính OpenDocument (.ods); chương trình chỉ đọc .xlsx. ${SAVE_AS_VI}`,
  'E-FILE-ENCRYPTED': () => 'Sổ tính có mật khẩu mở tệp (đã mã hoá): không đọc được. Hãy mở bằng Excel, gỡ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc → Mã hoá bằng mật khẩu, để trống) rồi lưu lại.',
  'E-FILE-TRUNCATED': () => 'Tệp bị cụt (thiếu phần cuối): có thể tải xuống hoặc sao chép chưa xong. Hãy lấy lại bản đầy đủ của tệp.',
  'E-FILE-DAMAGED': (p) => {
    const part = p.part ? ` (phần “${p.part}” của tệp)` : '';
    const why =
      ({
        zip: 'mục lục của tệp nén bị hỏng',
        'multi-disk': 'tệp nén bị chia thành nhiều phần',
        duplicate: 'tệp có hai phần trùng tên',
        method: 'một phần được nén theo cách không đọc được',
        missing: 'thiếu một phần bắt buộc',
        'missing-sheet': `thiếu trang tính “${p.sheet}” mà sổ tính khai báo`,
        'no-sheets': 'sổ tính không có trang tính nào',
        xml: 'nội dung XML bị hỏng',
        root: 'phần này không mở đầu bằng phần tử mà Excel cần',
        encoding: 'có ký tự không hợp lệ, không phải UTF-8',
        inflate: 'dữ liệu nén bị hỏng',
        size: 'kích thước giải nén không khớp với mục lục',
        crc: 'mã kiểm tra (CRC) không khớp: dữ liệu đã bị thay đổi hoặc hỏng',
        'row-ref': `số dòng “${p.cell}” vượt quá giới hạn của Excel`,
        'cell-ref': `địa chỉ ô “${p.cell}” không hợp lệ`,
        'string-index': `ô ${p.cell} trỏ tới một chuỗi không có trong bảng chuỗi dùng chung`,
        unreadable: 'có nội dung chương trình không đọc được',
      } as Record<string, string>)[String(p.reason)] ?? 'tệp bị hỏng';
    return `Sổ tính bị hỏng: ${why}${part}. Hãy mở bằng Excel (Excel sẽ đề nghị sửa) rồi lưu lại, hoặc dùng bản sao lưu.`;
  },
  'E-FILE-TOO-LARGE': (p) => {
    const limit = grouped(p.limit, '.');
    const actual = grouped(p.actual, '.');
    const what =
      ({
        file: `tệp nặng ${size(p.actual, '.')}, quá giới hạn ${size(p.limit, '.')}`,
        entries: `tệp gồm ${actual} phần, quá giới hạn ${limit} phần`,
        part: `phần “${p.part}” giải nén ra ${size(p.actual, '.')}, quá giới hạn ${size(p.limit, '.')} cho một phần`,
        ratio: `phần “${p.part}” nén ${actual} lần, quá giới hạn ${limit} lần (dấu hiệu của tệp “bom nén”)`,
        unzipped: `tệp giải nén ra ${size(p.actual, '.')}, quá giới hạn ${size(p.limit, '.')}`,
        strings: `bảng chuỗi dùng chung có hơn ${limit} chuỗi`,
        string: `một chuỗi dài hơn ${limit} ký tự, giới hạn của một ô Excel`,
        rows: `trang tính “${p.sheet}” có hơn ${limit} dòng`,
        cells: `sổ tính có hơn ${limit} ô`,
      } as Record<string, string>)[String(p.what)] ?? 'tệp quá lớn';
    return `Sổ tính quá lớn để đọc an toàn: ${what}. Hãy tách bớt dữ liệu không cần cho quy hoạch sang sổ tính khác.`;
  },
  'E-FILE-UNSUPPORTED': (p) =>
    ({
      xlsb: `Tệp là sổ tính nhị phân Excel (.xlsb); chương trình chỉ đọc .xlsx. ${SAVE_AS_VI}`,
      strict: `Sổ tính được lưu dạng “Strict Open XML”, chương trình chưa đọc được. ${SAVE_AS_VI}`,
      patch: `Phần “${p.part}” của sổ tính được lưu theo cách chương trình không ghi kết quả vào được mà vẫn giữ nguyên mọi phần khác; không ghi gì. ${SAVE_AS_VI}`,
      'part-name': `Sổ tính lưu ${p.sheet ? `trang “${p.sheet}”` : 'một phần'} ở vị trí chương trình không đọc được (“${p.part}”), nên sẽ bị thiếu dữ liệu. ${SAVE_AS_VI}`,
    } as Record<string, string>)[String(p.what)] ?? `Sổ tính có dạng chương trình chưa đọc được. ${SAVE_AS_VI}`,
  'E-SHEET-NAME-INVALID': (p) =>
    `Tên trang tính ${
      ({
        empty: 'để trống',
        long: `“${p.name}” dài ${p.length} ký tự, Excel cho tối đa 31`,
        char: `“${p.name}” có ký tự “${p.char}”, Excel không cho dùng [ ] : * ? / \\ trong tên trang`,
        apostrophe: `“${p.name}” bắt đầu hoặc kết thúc bằng dấu nháy ('), Excel không cho phép`,
      } as Record<string, string>)[String(p.reason)] ?? `“${p.name}” không hợp lệ`
    }. Tệp không do Excel lưu; hãy đổi tên trang bằng Excel hoặc LibreOffice rồi lưu lại.`,
  'E-SHEET-NAME-DUPLICATE': (p) => `Hai trang tính “${p.other}” và “${p.name}” trùng tên (Excel không phân biệt chữ hoa, chữ thường): không biết đọc trang nào. Hãy đổi tên một trang rồi lưu lại.`,
  'E-FORMULA-NOT-COMPUTED': (p) =>
    `Ô có công thức =${p.formula} nhưng tệp không lưu kết quả, và chương trình không tự tính được (${
      ({ function: `hàm ${p.detail} chưa hỗ trợ`, external: 'lấy số từ sổ tính khác', circular: 'công thức vòng tròn', text: `ô ${p.detail} không phải số`, error: 'kết quả là lỗi', syntax: 'công thức không đọc được' } as Record<string, string>)[String(p.reason)] ?? 'không rõ'
    }). Hãy mở bằng Excel để tính lại (Ctrl+Alt+F9) rồi lưu, hoặc ghi số trực tiếp.`,
  'W-FORMULA-COMPUTED': (p) => `Ô có công thức =${p.formula} nhưng tệp không lưu kết quả: chương trình đã tự tính ra ${p.value}. Nên mở bằng Excel để tính lại rồi lưu.`,
  'W-EXTERNAL-LINK': (p) => `Ô lấy số từ sổ tính khác (“${p.book}”) qua công thức =${p.formula}: dùng giá trị lưu lần cuối trong tệp này; hãy kiểm tra sổ tính kia chưa thay đổi.`,
  'E-OUT-IS-INPUT': (p) => `Tệp kết quả (--out) chính là tệp gốc ${p.file}: không ghi đè tệp gốc. Dùng --in-place nếu muốn ghi vào chính tệp gốc, hoặc chọn tên khác.`,
  'E-OUT-EXISTS': (p) => `Đã có tệp ${p.file}: không ghi đè. Thêm --force để ghi đè, hoặc chọn tên khác bằng --out.`,
  'E-WRITE-FAILED': (p) =>
    `Không ghi được ${p.file}: ${
      ({ ENOSPC: 'ổ đĩa đã đầy', EDQUOT: 'đã hết hạn mức dung lượng', EFBIG: 'tệp vượt giới hạn kích thước cho phép', EACCES: 'không có quyền ghi vào thư mục này', EPERM: 'không có quyền ghi vào thư mục này', EROFS: 'ổ đĩa chỉ đọc', EBUSY: 'tệp đang được chương trình khác mở', ENOENT: 'thư mục không tồn tại' } as Record<string, string>)[String(p.reason)] ?? `lỗi hệ thống ${p.reason}`
    }. Tệp gốc vẫn nguyên như cũ; không có gì được ghi.`,
  'E-USAGE': (p) => `Dùng sai lệnh: ${p.why}. Không có gì được ghi; xem cách dùng: quy-hoach --help.`,
  'E-INTERNAL': () => 'Lỗi của chương trình (không phải của sổ tính), xin báo cho người phát triển kèm tệp và dòng lệnh đã dùng. Không có gì được ghi.',
};

export const fileMessagesEn: FileMessages = {
  'E-FILE-EMPTY': () => 'The file is empty (0 bytes): there is no workbook to read. It may not have finished saving or copying.',
  'E-FILE-NOT-XLSX': (p) =>
    `${
      ({
        zip: 'The file is a .zip archive, but holds no Excel workbook.',
        odf: 'The file is an OpenDocument text or presentation, not a workbook.',
        docx: 'The file is a Word document (.docx), not an Excel workbook.',
        pptx: 'The file is a PowerPoint presentation (.pptx), not an Excel workbook.',
        ole: 'The file is an old-style Office document, but not an Excel workbook.',
        xml2003: 'The file is an “XML Spreadsheet 2003”, not an .xlsx workbook.',
        html: 'The file is a web page (HTML) named like a workbook, not an .xlsx.',
        text: 'The file is plain text (CSV, for instance), not an .xlsx workbook.',
      } as Record<string, string>)[String(p.kind)] ?? 'The file is not an .xlsx workbook.'
    } ${SAVE_AS_EN}`,
  'E-FILE-XLS': () => `The file is an Excel 97–2003 workbook (.xls); only .xlsx is read. ${SAVE_AS_EN}`,
  'E-FILE-ODS': () => `The file is an OpenDocument spreadsheet (.ods); only .xlsx is read. ${SAVE_AS_EN}`,
  'E-FILE-ENCRYPTED': () => 'The workbook is protected by a password to open (encrypted): it cannot be read. Open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with Password, left empty) and save it.',
  'E-FILE-TRUNCATED': () => 'The file is cut short (its end is missing): a download or copy may not have finished. Get the whole file again.',
  'E-FILE-DAMAGED': (p) => {
    const part = p.part ? ` (the file's part “${p.part}”)` : '';
    const why =
      ({
        zip: 'the zip directory is damaged',
        'multi-disk': 'the zip archive is split into several pieces',
        duplicate: 'two parts of the file have the same name',
        method: 'a part is compressed in a way that cannot be read',
        missing: 'a required part is missing',
        'missing-sheet': `the sheet “${p.sheet}” the workbook declares is missing`,
        'no-sheets': 'the workbook has no sheet',
        xml: 'its XML is damaged',
        root: 'the part does not start with the element Excel expects',
        encoding: 'it holds invalid characters, not UTF-8',
        inflate: 'its compressed data is damaged',
        size: 'its inflated size differs from the zip directory',
        crc: 'its checksum (CRC) does not match: the data was changed or damaged',
        'row-ref': `the row number “${p.cell}” is past Excel's last row`,
        'cell-ref': `the cell address “${p.cell}” is not valid`,
        'string-index': `cell ${p.cell} points to a string missing from the shared strings`,
        unreadable: 'it holds content the program cannot read',
      } as Record<string, string>)[String(p.reason)] ?? 'the file is damaged';
    return `The workbook is damaged: ${why}${part}. Open it in Excel (which offers to repair it) and save it, or use a backup.`;
  },
  'E-FILE-TOO-LARGE': (p) => {
    const limit = grouped(p.limit, ',');
    const actual = grouped(p.actual, ',');
    const what =
      ({
        file: `the file is ${size(p.actual, ',')}, over the limit of ${size(p.limit, ',')}`,
        entries: `the file has ${actual} parts, over the limit of ${limit}`,
        part: `the part “${p.part}” inflates to ${size(p.actual, ',')}, over the limit of ${size(p.limit, ',')} for one part`,
        ratio: `the part “${p.part}” is compressed ${actual} times, over the limit of ${limit} (the sign of a “zip bomb”)`,
        unzipped: `the file inflates to ${size(p.actual, ',')}, over the limit of ${size(p.limit, ',')}`,
        strings: `the shared strings hold more than ${limit} strings`,
        string: `a text is longer than ${limit} characters, the limit of an Excel cell`,
        rows: `the sheet “${p.sheet}” has more than ${limit} rows`,
        cells: `the workbook has more than ${limit} cells`,
      } as Record<string, string>)[String(p.what)] ?? 'the file is too large';
    return `The workbook is too large to read safely: ${what}. Move the data the planning does not need to another workbook.`;
  },
  'E-FILE-UNSUPPORTED': (p) =>
    ({
      xlsb: `The file is an Excel binary workbook (.xlsb); only .xlsx is read. ${SAVE_AS_EN}`,
      strict: `The workbook is saved as “Strict Open XML”, which cannot be read yet. ${SAVE_AS_EN}`,
      patch: `The part “${p.part}” of the workbook is stored in a way the program cannot write results into while keeping every other part as it is; nothing written. ${SAVE_AS_EN}`,
      'part-name': `The workbook keeps ${p.sheet ? `the sheet “${p.sheet}”` : 'a part'} where the program cannot read it (“${p.part}”), so data would be missing. ${SAVE_AS_EN}`,
    } as Record<string, string>)[String(p.what)] ?? `The workbook is in a form that cannot be read yet. ${SAVE_AS_EN}`,
  'E-SHEET-NAME-INVALID': (p) =>
    `The sheet name ${
      ({
        empty: 'is empty',
        long: `“${p.name}” is ${p.length} characters long; Excel allows 31`,
        char: `“${p.name}” holds “${p.char}”; Excel allows none of [ ] : * ? / \\ in a sheet name`,
        apostrophe: `“${p.name}” starts or ends with an apostrophe ('), which Excel does not allow`,
      } as Record<string, string>)[String(p.reason)] ?? `“${p.name}” is not valid`
    }. The file was not saved by Excel; rename the sheet in Excel or LibreOffice and save it.`,
  'E-SHEET-NAME-DUPLICATE': (p) => `The sheets “${p.other}” and “${p.name}” have the same name (Excel ignores case): which one to read is unclear. Rename one of them and save.`,
  'E-FORMULA-NOT-COMPUTED': (p) =>
    `The cell holds the formula =${p.formula} but the file keeps no result, and the program cannot compute it (${
      ({ function: `the function ${p.detail} is not supported`, external: 'it takes a number from another workbook', circular: 'a circular formula', text: `cell ${p.detail} is not a number`, error: 'the result is an error', syntax: 'the formula cannot be read' } as Record<string, string>)[String(p.reason)] ?? 'unknown'
    }). Open it in Excel to recalculate (Ctrl+Alt+F9) and save, or type the number itself.`,
  'W-FORMULA-COMPUTED': (p) => `The cell holds the formula =${p.formula} but the file keeps no result: the program computed ${p.value} itself. Recalculate in Excel and save to be sure.`,
  'W-EXTERNAL-LINK': (p) => `The cell takes its number from another workbook (“${p.book}”) through =${p.formula}: the value last saved in this file is used; check that the other workbook has not changed.`,
  'E-OUT-IS-INPUT': (p) => `The output file (--out) is the input file ${p.file}: the original is not overwritten. Use --in-place to write into the original itself, or choose another name.`,
  'E-OUT-EXISTS': (p) => `The file ${p.file} exists: not overwritten. Add --force to overwrite it, or choose another name with --out.`,
  'E-WRITE-FAILED': (p) =>
    `Could not write ${p.file}: ${
      ({ ENOSPC: 'the disk is full', EDQUOT: 'the disk quota is used up', EFBIG: 'the file is over the size allowed', EACCES: 'no permission to write in this folder', EPERM: 'no permission to write in this folder', EROFS: 'the disk is read-only', EBUSY: 'the file is open in another program', ENOENT: 'the folder does not exist' } as Record<string, string>)[String(p.reason)] ?? `system error ${p.reason}`
    }. The original file is as it was; nothing was written.`,
  'E-USAGE': (p) => `Wrong usage: ${p.why}. Nothing was written; see how to use it: quy-hoach --help.`,
  'E-INTERNAL': () => 'An error in the program (not in the workbook): please report it with the file and the command used. Nothing was written.',
};
