import { formatDate, formulaOf, joinNames, list, ratio, sheetName } from './format';
import type { Messages } from './messages';
import { fileMessagesVi } from './file';
import { workbenchVi } from './workbench';
import { printViewVi } from './print-view';
import { readerDiagnosticsVi, readerVi } from './reader';
import { columnMapVi, columnOf, fieldGroups } from './column-map';

/** Tiếng Việt — the product's first language. */
export const vi: Messages = {
  workbench: workbenchVi,
  printView: printViewVi,
  columnMap: columnMapVi,
  reader: readerVi,
  lang: 'vi',
  appName: 'Quy Hoạch cán bộ',
  outcomes: {
    pass: 'Đạt',
    fail: 'Không đạt',
    selected: 'Được giới thiệu',
    'passed-not-selected': 'Đạt nhưng ngoài số lượng',
    'awaiting-head': 'Chờ người đứng đầu quyết định',
    removed: 'Đưa ra khỏi quy hoạch',
    kept: 'Giữ lại',
    eligible: 'Đủ điều kiện',
    ineligible: 'Không đủ điều kiện',
  },
  bases: { present: 'số người có mặt', convened: 'số người được triệu tập' },
  rules: {
    QUORUM: 'Điều kiện hợp lệ của hội nghị',
    N30: 'Giới thiệu tại hội nghị cán bộ, công chức, viên chức',
    RM50: 'Đưa ra khỏi quy hoạch',
    L50: 'Biểu quyết của tập thể lãnh đạo',
    L50C: 'Biểu quyết của tập thể lãnh đạo (nguồn từ nơi khác)',
    TOP: 'Lấy từ trên xuống cho đủ số lượng',
    TIE: 'Số phiếu bằng nhau',
    ANNOUNCE: 'Công bố kết quả kiểm phiếu',
    ELIG: 'Tiêu chuẩn, điều kiện',
    STRUCT: 'Cơ cấu cán bộ trẻ, cán bộ nữ',
    GAP: 'Xác định chức danh còn thiếu nguồn',
    CONSULT: 'Lấy ý kiến nơi công tác',
    COMPOSE: 'Thành phần hội nghị',
    INPUT: 'Dữ liệu đầu vào',
  },
  clause: (c) => `mục ${c}`,
  ruleRef: (rule, clause) => `quy tắc ${rule}, mục ${clause}`,
  procedures: {
    'next-term': 'Xây dựng quy hoạch giai đoạn kế tiếp (nguồn tại chỗ)',
    'annual-local': 'Rà soát, bổ sung quy hoạch hằng năm — nguồn tại chỗ',
    'annual-external': 'Rà soát, bổ sung quy hoạch hằng năm — nguồn từ nơi khác',
  },
  steps: {
    'next-term:1': 'Bước 1: Rà soát, đánh giá nguồn cán bộ đáp ứng tiêu chuẩn, điều kiện',
    'next-term:2': 'Bước 2: Hội nghị cán bộ, công chức, viên chức',
    'next-term:3': 'Bước 3: Hội nghị tập thể lãnh đạo',
    'annual-local:1': 'Bước 1: Hội nghị cán bộ, công chức, viên chức (đưa ra khỏi và giới thiệu bổ sung)',
    'annual-local:2': 'Bước 2: Hội nghị tập thể lãnh đạo',
    'annual-external:1': 'Bước 1: Chuẩn bị và xác định nguồn quy hoạch',
    'annual-external:2': 'Bước 2: Hội nghị tập thể lãnh đạo (lần 1)',
    'annual-external:3': 'Bước 3: Trao đổi với nhân sự và lấy ý kiến nơi công tác',
    'annual-external:4': 'Bước 4: Hội nghị tập thể lãnh đạo (lần 2)',
  },
  comparison: { gt: 'trên', ge: 'ít nhất' },
  explain: {
    threshold: (f) => `${f.verdict}: ${f.numerator}/${f.base} = ${f.percent} ${f.op} ${f.threshold} ${f.baseName}`,
    top: (f) => (f.within ? `xếp thứ ${f.rank}, trong số lượng ${f.quota} người` : `xếp thứ ${f.rank}, ngoài số lượng ${f.quota} người`),
    tie: (f) => `${f.count} người bằng ${f.votes} phiếu tranh ${f.seats} chỗ còn lại`,
    decision: (d) => `người đứng đầu (${d.by}) đã quyết định ngày ${d.on}`,
    age: (f) =>
      `${f.met ? 'Đủ' : 'Không đủ'} tuổi: nghỉ hưu ngày ${f.retirementDate}, còn ${f.monthsRemaining} tháng công tác kể từ ${f.termStart} (cần ${f.requiredMonths} tháng, đến ${f.termEnd})`,
    criterion: (f) =>
      f.missing ? `${f.label}: chưa có dữ liệu (yêu cầu ${f.required})` : `${f.label}: ${f.value ?? '—'} — ${f.met ? 'đạt' : 'không đạt'} (yêu cầu ${f.required})`,
  },
  criteria: {
    age: 'Tuổi',
    birth: 'Ngày sinh',
    gender: 'Giới tính',
    training: 'Trình độ chuyên môn',
    politicalTheory: 'Lý luận chính trị',
    ratings: 'Xếp loại hằng năm',
    discipline: 'Kỷ luật',
  },
  fields: {
    convened: 'số người được triệu tập',
    present: 'số người có mặt',
    agree: 'số phiếu đồng ý',
    removeAgree: 'số phiếu đồng ý đưa ra khỏi quy hoạch',
    'ballots.issued': 'số phiếu phát ra',
    'ballots.returned': 'số phiếu thu vào',
    'ballots.valid': 'số phiếu hợp lệ',
    'ballots.invalid': 'số phiếu không hợp lệ',
  },
  consultSteps: {
    metOn: 'gặp gỡ, trao đổi',
    letterSentOn: 'gửi văn bản lấy ý kiến',
    opinionReceivedOn: 'nhận ý kiến',
    dossierReceivedOn: 'nhận hồ sơ',
  },
  diagnostics: {
    'E-QUORUM': (p) => `Hội nghị không hợp lệ: có mặt ${p.present}/${p.convened} người, cần ít nhất ${p.required} người (${p.num}/${p.den} số người được triệu tập). Không xét kết quả.`,
    'E-COUNT-NOT-WHOLE': (p) => `“${p.value}” không phải số nguyên không âm (${fieldVi(String(p.field))}${p.name ? ` của ${p.name}` : ''}).`,
    'E-PRESENT-GT-CONVENED': (p) => `Số người có mặt (${p.present}) lớn hơn số người được triệu tập (${p.convened}).`,
    'E-AGREE-GT-PRESENT': (p) => `${p.name}: ${p.agree} phiếu đồng ý nhiều hơn số người có mặt (${p.present}).`,
    'E-BALLOTS-SUM': (p) => `Phiếu hợp lệ (${p.valid}) + không hợp lệ (${p.invalid}) khác số phiếu thu vào (${p.returned}).`,
    'E-BALLOTS-RETURNED-GT-ISSUED': (p) => `Số phiếu thu vào (${p.returned}) lớn hơn số phiếu phát ra (${p.issued}).`,
    'E-BALLOTS-ISSUED-GT-PRESENT': (p) => `Số phiếu phát ra (${p.issued}) lớn hơn số người có mặt (${p.present}).`,
    'E-DUPLICATE-ROW': (p) => `${p.name} có hai dòng cho chức danh “${p.title}”${p.firstCell ? ` (dòng trước ở ${p.firstCell})` : ''}.`,
    'E-REMOVAL-NOT-IN-PLANNING': (p) => `${p.name} không có trong quy hoạch chức danh “${p.title}” nên không thể bỏ phiếu đưa ra khỏi quy hoạch.`,
    'E-TERM-START-MISSING': () => 'Chưa có ngày bắt đầu nhiệm kỳ quy hoạch: cần để tính tuổi nghỉ hưu.',
    'E-CONFERENCE-MISSING': () => 'Chưa có số người được triệu tập và số người có mặt của hội nghị.',
    'E-STEP-UNKNOWN': (p) => `Quy trình “${p.procedure}” không có bước ${p.step}.`,
    'E-DECISION-NO-TIE': (p) => `Chức danh “${p.title}” không có trường hợp bằng phiếu cần người đứng đầu quyết định, nhưng có quyết định chọn ${list(p.chosen)}.`,
    'E-DECISION-NOT-IN-TIE': (p) => `Quyết định của người đứng đầu (chức danh “${p.title}”) chọn ${list(p.chosen)}, không thuộc nhóm bằng phiếu (${list(p.tied)}).`,
    'E-DECISION-TOO-MANY': (p) => `Quyết định của người đứng đầu (chức danh “${p.title}”) chọn ${p.chosen} người, chỉ còn ${p.seats} chỗ.`,
    'W-DECISION-FEWER': (p) => `Quyết định của người đứng đầu (chức danh “${p.title}”) chọn ${p.chosen} người trong ${p.seats} chỗ còn lại.`,
    'W-ELIG-NO-BIRTH': (p) => `${p.name}: thiếu ngày sinh, chưa xác định được tuổi nghỉ hưu.`,
    'W-ELIG-NO-GENDER': (p) => `${p.name}: thiếu giới tính, chưa xác định được tuổi nghỉ hưu.`,
    'W-ELIG-NO-COLUMN': (p) => `Danh sách không có cột “${criterionVi(String(p.criterion))}”: tiêu chuẩn này chưa được kiểm tra.`,
    'W-STRUCT-YOUNG': (p) => `Chức danh “${p.title}”: cán bộ trẻ (dưới ${p.age} tuổi) ${p.young}/${p.count}, chưa đạt ${ratio(p)}.`,
    'W-STRUCT-WOMEN': (p) => `Chức danh “${p.title}”: cán bộ nữ ${p.women}/${p.count}, chưa đạt ${ratio(p)}.`,
    'W-STRUCT-TITLES-PER-PERSON': (p) => `${p.name} được giới thiệu cho ${p.count} chức danh (${list(p.titles)}), quá ${p.max} chức danh cùng cấp.`,
    'W-GAP-SHORTFALL': (p) => `Chức danh “${p.title}”: cần ${p.quota} người, hiện có ${p.have} người trong quy hoạch đủ điều kiện, còn thiếu ${p.shortfall}.`,
    'W-CONSULT-INCOMPLETE': (p) => `${p.name}: chưa đủ các bước lấy ý kiến (${list(p.missing, consultVi)}).`,
    'W-CONSULT-DISAGREE': (p) => `${p.name}: cơ quan nơi công tác không đồng ý.`,
    'W-APPROVAL-MISSING': () => 'Chưa ghi ngày tập thể lãnh đạo thông qua danh sách nguồn từ nơi khác.',
    'E-SHEET-NOT-FOUND': (p) => (p.sheet ? `Không có trang tính “${p.sheet}” (${sheetKind(p.kind)}).` : `Không tìm thấy trang tính ${sheetKind(p.kind)}: cần một bảng có tiêu đề cột như “Họ và tên”${p.kind === 'votes' ? ', “Số phiếu đồng ý”' : ''}.`),
    'E-SHEET-AMBIGUOUS': (p) => `Có nhiều trang tính giống ${sheetKind(p.kind)} (${list(p.sheets)}): hãy chọn một trang.`,
    'E-NO-TABLE': (p) => `Trang tính “${p.sheet}” không có bảng ${sheetKind(p.kind)} (không thấy dòng tiêu đề cột).`,
    'E-NOT-A-NUMBER': (p) => `“${p.value}” không phải là số (${vi.fields[String(p.field)] ?? p.field}${p.name ? ` của ${p.name}` : ''}).`,
    'E-NAME-MISSING': () => 'Dòng có số liệu nhưng không có họ và tên.',
    'E-NO-MATCH': (p) => `${p.name}${p.birth ? ` (sinh ${formatDate(String(p.birth))})` : ''} không có trong danh sách trích ngang.`,
    'E-AMBIGUOUS-MATCH': (p) => `${p.name} khớp với nhiều người trong danh sách trích ngang (${list(p.cells)}): cần thêm ngày sinh hoặc mã cán bộ.`,
    'E-TARGET-NOT-EMPTY': (p) => `Các cột kết quả (${p.range}) đang có dữ liệu của người dùng: không ghi đè. Hãy để trống các cột bên phải bảng.`,
    'E-NO-VOTE-COLUMN': (p) => `Trang tính “${p.sheet}” không có cột “Số phiếu đồng ý” cho bước này.`,
    'E-DECISION-UNSIGNED': (p) => `Chức danh “${p.title}”: đã đánh dấu người được chọn nhưng thiếu họ tên người đứng đầu hoặc ngày quyết định (ngày/tháng/năm).`,
    'E-NOTHING-TO-UNDO': () => 'Không có lần chạy nào để hoàn tác (chưa chạy, hoặc lần chạy gần nhất đã được hoàn tác).',
    'E-MAP-FIELD-MISSING': (p) => `Trang tính “${p.sheet}”: chưa chọn cột cho ${fieldGroups(p, columnMapVi, 'hoặc')}. Hãy chọn lại cột (nút “Chọn cột…”).`,
    'E-MAP-SAME-COLUMN': (p) => `Trang tính “${p.sheet}”: cột${columnOf(p)} được chọn cho nhiều thông tin (${fieldGroups(p, columnMapVi, 'hoặc')}); mỗi thông tin cần một cột riêng.`,
    'E-MAP-COLUMN-EMPTY': (p) => `Trang tính “${p.sheet}”: cột${columnOf(p)} chọn cho “${columnMapVi.field(String(p.field ?? ''))}” không có dữ liệu dưới dòng tiêu đề. Hãy chọn lại cột.`,
    'W-MAP-COLUMN-EMPTY': (p) => `Trang tính “${p.sheet}”: cột${columnOf(p)} chọn cho “${columnMapVi.field(String(p.field ?? ''))}” để trống, thông tin này không được đọc.`,
    'E-SETTINGS-DAMAGED': (p) =>
      `Thiết lập đã lưu trong sổ tính bị hỏng (trang ẩn “${p.sheet}”${p.problem ? `: ${p.problem}` : ''}): không chạy. Chạy lại với --save để ghi thiết lập mới thay thế.`,
    'E-SHEET-NAME-TAKEN': (p) => `Sổ tính đã có trang “${p.sheet}” do người dùng tạo: không ghi đè. Hãy đổi tên trang đó.`,
    'W-BAD-DATE': (p) => `${p.name}: “${p.value}” không đọc được là ngày (dd/mm/yyyy).`,
    'W-BAD-GENDER': (p) => `${p.name}: giới tính “${p.value}” không rõ (Nam/Nữ).`,
    'W-BAD-MARK': (p) => `${p.name}: “${p.value}” không rõ là có hay không.`,
    'W-COUNT-BLANK': (p) => `${p.name}: ô số phiếu để trống, không xét.`,
    'W-NO-ROSTER': (p) => `Không có danh sách trích ngang: người trong “${p.sheet}” được xét theo chính trang đó.`,
    'W-SETTINGS-REPLACED': (p) => `Thiết lập đã lưu bị hỏng (trang ẩn “${p.sheet}”): không dùng, thay bằng thiết lập của lần chạy này.`,
    ...fileMessagesVi,
    'E-UNDO-DAMAGED': (p) =>
      `Bản ghi hoàn tác trong sổ tính bị hỏng (trang ẩn “${p.sheet}”${p.problem ? `: ${p.problem}` : ''}): không hoàn tác được. Lần chạy sau sẽ ghi bản ghi mới thay thế.`,
    'E-UNDO-TOO-LARGE': (p) =>
      `Bản ghi hoàn tác của lần chạy này quá lớn (${Number(p.size).toLocaleString('vi-VN')} ký tự, tối đa ${Number(p.cap).toLocaleString('vi-VN')}): không ghi gì, vì không đọc lại được bản ghi đó để hoàn tác. Hãy tách danh sách thành các sổ tính nhỏ hơn.`,
    'W-UNDO-REPLACED': (p) => `Bản ghi hoàn tác bị hỏng (trang ẩn “${p.sheet}”): thay bằng bản ghi của lần chạy này; lần chạy trước không hoàn tác được nữa.`,
    'W-NO-VOTES': () => 'Không có dòng kết quả kiểm phiếu nào.',
    ...readerDiagnosticsVi,
    'W-LEFT-UNUSED': (p) =>
      `Trang tính “${p.sheet}”${p.column ? `, cột ${p.column}` : ''}: ${p.what === 'removal-column' ? `số phiếu đưa ra khỏi quy hoạch — thuộc bước 1 của “${vi.procedures['annual-local']}” (II.1)` : `danh sách nguồn từ nơi khác — thuộc “${vi.procedures['annual-external']}” (II.2)`}, không dùng ở bước đang chạy (${vi.procedures[p.procedure as 'next-term'] ?? p.procedure}, bước ${p.step}). Chọn quy trình và bước đó nếu cần dùng.`,
  },
  columns: { percent: 'Tỷ lệ (%)', outcome: 'Kết quả', rank: 'Xếp hạng', removalPercent: 'Tỷ lệ đưa ra (%)', removalOutcome: 'Kết quả (đưa ra khỏi quy hoạch)', forTitle: (label, title) => `${label} — ${title}` },
  sheets: {
    shortlist: (procedure, step) => sheetName('KQ', procedure, step),
    announced: 'DANH SÁCH KẾT QUẢ KIỂM PHIẾU',
    notAnnounced: 'KẾT QUẢ KIỂM PHIẾU — KHÔNG CÔNG BỐ TẠI HỘI NGHỊ',
    notAnnouncedNote: 'Báo cáo tập thể lãnh đạo; không công bố tại hội nghị (Phụ lục 12, phần Lưu ý).',
    conference: (c) => `Số người được triệu tập: ${c.convened}; có mặt: ${c.present}; hội nghị ${c.quorate ? 'hợp lệ' : 'không hợp lệ'} (cần ít nhất ${c.required} người).`,
    title: (t, quota) => `Chức danh: ${t || '—'}${quota ? ` (số lượng ${quota} người)` : ''}`,
    quotaLine: (quota) => `— Hết số lượng ${quota} người —`,
    columns: ['Xếp hạng', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Chức vụ hiện tại', 'Số phiếu', 'Tỷ lệ (%)', 'Kết quả'],
    genders: { male: 'Nam', female: 'Nữ' },
    footer: 'Trang &P/&N',
    decisionColumn: 'Quyết định của người đứng đầu',
    decidedBy: 'Người đứng đầu (họ tên):',
    decidedOn: 'Ngày quyết định:',
    decisionHint: 'Bằng phiếu ở ranh giới số lượng: người đứng đầu đánh dấu “x” vào người được chọn, ghi họ tên và ngày quyết định rồi chạy lại.',
    decided: (d) => `Bằng phiếu ở ranh giới số lượng: ngày ${d.on}, người đứng đầu (${d.by}) đã quyết định lựa chọn ${joinNames(d.chosen, 'và')}; ghi nhận tại trang “${d.record}”.`,
    chosenMark: 'x',
  },
  decidedOutcome: (outcome) => `${outcome} (người đứng đầu quyết định)`,
  decisionRecord: {
    sheet: (procedure, step) => sheetName('QĐ', procedure, step),
    title: 'GHI NHẬN QUYẾT ĐỊNH CỦA NGƯỜI ĐỨNG ĐẦU',
    subtitle: 'Lựa chọn nhân sự có số phiếu bằng nhau ở ranh giới số lượng',
    place: (date) => `……, ${date ? ngayThangNam(date) : 'ngày …… tháng …… năm ……'}`,
    basis: (b) => [
      `Căn cứ Phụ lục 12, mục ${b.clause}: “Trường hợp có từ 02 người trở lên có số phiếu bằng nhau trên 50%, thì giao cho người đứng đầu xem xét, quyết định lựa chọn nhân sự.”;`,
      `Căn cứ Biên bản kiểm phiếu của hội nghị (trang “${b.minutes}”),`,
    ],
    intro: (decided) => (decided ? 'Người đứng đầu đã xem xét, quyết định lựa chọn như sau:' : 'Người đứng đầu xem xét, quyết định lựa chọn như sau (ghi “Được lựa chọn” vào người được chọn):'),
    tie: (t) => `${t.index}. Chức danh ${t.title}: ${t.count} người cùng ${t.votes} phiếu cho ${t.seats} chỗ còn lại trong số lượng`,
    columns: ['STT', 'Họ và tên', 'Ngày sinh', 'Số phiếu\nđồng ý', 'Quyết định'],
    chosen: 'Được lựa chọn',
    notChosen: 'Không lựa chọn',
    decidedBy: (by, on) => `Người đứng đầu: ${by ?? '…………………………'}; ngày quyết định: ${on ?? '…… / …… / ……'}.`,
    signer: 'NGƯỜI ĐỨNG ĐẦU',
    sign: '(Ký, ghi rõ họ tên)',
    fingerprint: (hex) => `Mã kiểm tra dữ liệu của kết quả kiểm phiếu (SHA-256): ${hex}`,
    none: 'Kết quả kiểm phiếu lần này không có trường hợp bằng phiếu ở ranh giới số lượng: không cần người đứng đầu quyết định.',
  },
  audit: {
    sheet: 'Nhật ký Quy Hoạch',
    heading: 'NHẬT KÝ CÁC LẦN CHẠY',
    note: 'Mỗi lần chạy hoặc hoàn tác ghi một dòng. Mã kiểm tra (SHA-256) tính trên giá trị các trang đã đọc và thiết lập của lần kiểm phiếu (không gồm quyết định của người đứng đầu); trùng mã ở chân biên bản nghĩa là bản in khớp dữ liệu.',
    columns: ['STT', 'Thời điểm', 'Thao tác', 'Quy trình, bước', 'Bộ quy tắc và thiết lập', 'Trang đã đọc', 'Mã kiểm tra (SHA-256)', 'Kết quả'],
    run: 'Chạy',
    undo: 'Hoàn tác lần chạy gần nhất',
    changed: (path, from, to) => `${path}: ${from} → ${to}`,
    convened: (n) => `triệu tập ${n} (nhập tay)`,
    present: (n) => `có mặt ${n} (nhập tay)`,
    quota: (q) => `số lượng ${q}`,
    termStart: (d) => `nhiệm kỳ từ ${d}`,
    decision: (title, by, on, chosen) => `người đứng đầu quyết định (${title}): ${chosen} — ${by}, ${on}`,
    record: 'Bản ghi để hoàn tác lần chạy gần nhất — do Quy Hoạch quản lý, xin đừng sửa.',
    savedSettings: 'Thiết lập đã lưu cho các lần chạy sau — do Quy Hoạch quản lý, xin đừng sửa.',
  },
  cli: {
    usage: `Cách dùng: quy-hoach run <sổ-tính.xlsx> [tuỳ chọn]
           quy-hoach undo <sổ-tính.xlsx> [--out TỆP.xlsx | --in-place]   hoàn tác lần chạy gần nhất

Tuỳ chọn:
  --procedure next-term|annual-local|annual-external   quy trình (mặc định: suy ra từ sổ tính)
  --step N              bước của quy trình (mặc định: suy ra từ các trang tìm thấy)
  --roster TÊN-TRANG    trang danh sách trích ngang
  --votes TÊN-TRANG     trang kết quả kiểm phiếu
  --candidates TÊN-TRANG  trang danh sách nguồn từ nơi khác
  --column votes=CỘT    cột số phiếu đồng ý, khi nhiều cột có thể là số phiếu (ví dụ --column votes=E)
  --column removal=CỘT  cột số phiếu đồng ý đưa ra khỏi quy hoạch
  --convened N          số người được triệu tập (ghi đè số trong sổ tính)
  --present N           số người có mặt (ghi đè số trong sổ tính)
  --quota N             số lượng quy hoạch mỗi chức danh (mặc định theo bộ quy tắc)
  --term-start YYYY-MM-DD  ngày bắt đầu nhiệm kỳ quy hoạch
  --profile TỆP.json    bộ quy tắc khác bộ mặc định
  --save                lưu thiết lập của lần chạy này vào tệp kết quả (trang ẩn QuyHoach_CaiDat);
                        lần chạy sau dùng chúng cho các tuỳ chọn không ghi trên dòng lệnh
  --out TỆP.xlsx        tệp kết quả (mặc định: <tên>.ket-qua.xlsx cạnh tệp gốc); không được là tệp gốc
  --in-place            ghi vào chính tệp gốc
  --force               ghi đè tệp kết quả đã có (không có thì dừng, không ghi đè)
  --json                in kết quả dạng JSON
  --lang vi|en          ngôn ngữ
  --help                trợ giúp

Tệp được ghi an toàn: ghi ra tệp tạm cùng thư mục, đẩy xuống đĩa rồi mới thay tên; ghi hỏng thì tệp cũ còn nguyên.

Mã thoát: 0 đã ghi kết quả; 1 sổ tính có lỗi hoặc tệp không đọc được (không ghi gì);
          2 dùng sai lệnh (kể cả --out trùng tệp gốc, tệp kết quả đã có mà không --force);
          3 ghi tệp không được (đĩa đầy, quá giới hạn kích thước, không có quyền; tệp gốc còn nguyên);
          70 lỗi của chương trình (xin báo lỗi).`,
    badUsage: (why) => `Dùng sai lệnh: ${why}`,
    unknownOption: (option) => `không có tuỳ chọn ${option}`,
    optionValue: (option) => `tuỳ chọn ${option} cần một giá trị`,
    seeHelp: 'Xem cách dùng: quy-hoach --help',
    noWorkbook: 'thiếu tên tệp sổ tính (.xlsx) sau lệnh',
    tooMany: (extra) => `chỉ chạy một sổ tính mỗi lần; thừa: ${extra} (tên tệp có dấu cách thì đặt trong ngoặc kép)`,
    outExtension: (file, ext) => `tệp kết quả ${file} phải có đuôi ${ext}, như tệp gốc`,
    unknownCommand: (word) => `không có lệnh “${word}”; viết quy-hoach run <sổ-tính.xlsx> để chạy, quy-hoach undo <sổ-tính.xlsx> để hoàn tác`,
    written: (file) => `Đã ghi kết quả vào ${file}`,
    undone: (file) => `Đã hoàn tác lần chạy gần nhất, ghi vào ${file}`,
    noFile: (file) => `không mở được tệp ${file}`,
    isFolder: (path) => `${path} là một thư mục, không phải tệp .xlsx`,
    nothingWritten: 'Không ghi gì vì sổ tính có lỗi.',
    bugTrace: 'Chi tiết kỹ thuật (gửi kèm khi báo lỗi):',
    conference: (c) => `Hội nghị: triệu tập ${c.convened}, có mặt ${c.present} — ${c.quorate ? 'hợp lệ' : 'không hợp lệ'}${c.announced ? '' : ' — KHÔNG CÔNG BỐ TẠI HỘI NGHỊ'}`,
    counts: 'Kết quả',
    badProfile: (file) => `Bộ quy tắc ${file} không hợp lệ:`,
    savedSettings: (list) => `Dùng thiết lập đã lưu trong sổ tính: ${list}`,
    saved: {
      procedure: (id) => `quy trình ${id}`,
      step: (n) => `bước ${n}`,
      sheet: (kind, name) => `${({ roster: 'trang trích ngang', votes: 'trang kiểm phiếu', candidates: 'trang nguồn nơi khác' } as const)[kind]} “${name}”`,
      convened: (n) => `triệu tập ${n}`,
      present: (n) => `có mặt ${n}`,
      quota: (q) => `số lượng ${q}`,
      termStart: (d) => `nhiệm kỳ từ ${d}`,
      profile: (name) => `bộ quy tắc “${name}”`,
    },
  },
  minutes: {
    sheet: (procedure, step) => sheetName('BB', procedure, step),
    nation: 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    motto: 'Độc lập - Tự do - Hạnh phúc',
    unitBlank: '…………………………',
    title: 'BIÊN BẢN KIỂM PHIẾU',
    opening: (date) =>
      `Hôm nay, ${date ? ngayThangNam(date) : 'ngày …… tháng …… năm ……'}, tại ………………………………………, Tổ kiểm phiếu đã tiến hành kiểm phiếu (bỏ phiếu kín) tại hội nghị; kết quả như sau:`,
    team: ['Tổ kiểm phiếu gồm:', '1. ……………………………………………… — Tổ trưởng', '2. ……………………………………………… — Thành viên', '3. ……………………………………………… — Thành viên'],
    numbersHeading: 'I. SỐ NGƯỜI DỰ HỘI NGHỊ VÀ SỐ PHIẾU',
    convened: (n) => `Tổng số người được triệu tập: ${n} người.`,
    present: (present, absent) => `Số người có mặt: ${present} người; vắng mặt: ${absent} người.`,
    quorum: (c) =>
      `Có mặt ${c.present}/${c.convened} người, ${c.quorate ? 'bảo đảm' : 'không bảo đảm'} ${c.cmp} ${c.ratio} số người được triệu tập (cần ít nhất ${c.required} người) — hội nghị ${c.quorate ? 'hợp lệ' : 'không hợp lệ'} (${c.ref}).`,
    ballots: (b) => [
      `Số phiếu phát ra: ${b.issued ?? '……'} phiếu; số phiếu thu vào: ${b.returned ?? '……'} phiếu.`,
      `Số phiếu hợp lệ: ${b.valid ?? '……'} phiếu; số phiếu không hợp lệ: ${b.invalid ?? '……'} phiếu.`,
    ],
    rulesHeading: 'II. NGUYÊN TẮC XÉT KẾT QUẢ',
    ref: (clause) => `mục ${clause}, Phụ lục 12`,
    noteRef: 'Lưu ý, Phụ lục 12',
    threshold: (r) =>
      r.removal
        ? `- ${r.name}: đề xuất đưa ra khỏi quy hoạch khi có ${r.cmp} ${r.ratio} tổng ${r.baseName} (${r.base} người) đồng ý, tức từ ${r.votes} phiếu trở lên (${r.ref}).`
        : `- ${r.name}: phải đạt ${r.cmp} ${r.ratio} tổng ${r.baseName} (${r.base} người), tức từ ${r.votes} phiếu trở lên (${r.ref}).`,
    rule: (r) => `- ${r.text.replace(/\.$/, '')} (${r.ref}).`,
    quota: (q) => `Trong số người đạt, lấy từ trên xuống cho đủ số lượng của từng chức danh: ${q.map((x) => `${x.title || '—'} ${x.quota} người`).join('; ')}`,
    tie: (t) =>
      `Chức danh ${t.title || '—'}: ${joinNames(t.names, 'và')} có số phiếu bằng nhau ${t.cmp} ${t.ratio} (cùng ${t.votes} phiếu) cho ${t.seats} chỗ còn lại trong số lượng; đề nghị người đứng đầu xem xét, quyết định (${t.ref}).`,
    resultsHeading: 'III. KẾT QUẢ KIỂM PHIẾU',
    part: (removal, base) => `${removal ? 'a) Đưa ra khỏi quy hoạch' : 'b) Giới thiệu bổ sung quy hoạch'} (tỷ lệ tính trên ${base})`,
    columns: ['STT', 'Họ và tên', 'Số phiếu\nđồng ý', 'Tỷ lệ (%)', 'Kết quả'],
    closing: 'Việc kiểm phiếu kết thúc lúc …… giờ …… phút cùng ngày. Biên bản được lập thành …… bản, đã đọc lại cho các thành viên Tổ kiểm phiếu cùng nghe và nhất trí ký tên.',
    signers: { counter: 'TỔ TRƯỞNG\nTỔ KIỂM PHIẾU', chair: 'CHỦ TRÌ HỘI NGHỊ', sign: '(Ký, ghi rõ họ tên)' },
    fingerprint: (hex) => `Mã kiểm tra dữ liệu (SHA-256): ${hex}`,
  },
  report: {
    sheet: (procedure, step) => `${({ 'next-term': 'Rà soát Kế tiếp', 'annual-local': 'Rà soát Hằng năm', 'annual-external': 'Thiếu hụt Nơi khác' } as Record<string, string>)[procedure] ?? `Rà soát ${procedure}`} B${step}`,
    heading: (gap) => (gap ? 'BÁO CÁO RÀ SOÁT NGUỒN QUY HOẠCH VÀ ĐỀ XUẤT NGUỒN TỪ NƠI KHÁC' : 'DANH SÁCH RÀ SOÁT NGUỒN CÁN BỘ ĐÁP ỨNG TIÊU CHUẨN, ĐIỀU KIỆN QUY HOẠCH'),
    term: (t) =>
      `Nhiệm kỳ quy hoạch từ ngày ${t.start} đến ngày ${t.end}: phải còn đủ ${t.months} tháng công tác trước tuổi nghỉ hưu (Nghị định 135/2020/NĐ-CP); cán bộ trẻ là người dưới ${t.age} tuổi tính đến ngày ${t.start}.`,
    summary: (gap) => (gap ? 'I. CHỨC DANH CÒN THIẾU NGUỒN QUY HOẠCH' : 'I. SỐ LƯỢNG, CƠ CẤU THEO CHỨC DANH'),
    summaryColumns: (t) => [
      'Chức danh',
      'Số lượng quy hoạch',
      t.gap ? 'Trong quy hoạch còn đủ điều kiện' : 'Đủ điều kiện',
      t.gap ? 'Còn thiếu (bổ sung từ nơi khác)' : 'Không đủ điều kiện',
      `Cán bộ nữ (phấn đấu từ ${t.women})`,
      `Cán bộ trẻ dưới ${t.age} tuổi (phấn đấu từ ${t.young})`,
    ],
    share: (count, percent) => `${count} (${percent})`,
    belowTarget: (target) => `chưa đạt ${target}`,
    needed: (n) => `cần thêm ${n}`,
    targetsNote: (gap) =>
      `Tỷ lệ cán bộ nữ, cán bộ trẻ là chỉ tiêu phấn đấu: chức danh chưa đạt được ghi “chưa đạt” để lưu ý, không loại ai khỏi danh sách${gap ? '; số “cần thêm” tính trên số lượng quy hoạch' : ''}.`,
    ineligible: 'II. NHỮNG NGƯỜI KHÔNG ĐỦ TIÊU CHUẨN, ĐIỀU KIỆN',
    eligible: 'III. DANH SÁCH ĐỦ TIÊU CHUẨN, ĐIỀU KIỆN THEO CHỨC DANH',
    groups: { inPlanning: 'a) Đang trong quy hoạch', external: 'b) Nguồn từ nơi khác' },
    noTitle: 'Chưa ghi chức danh quy hoạch',
    none: '(Không có)',
    title: (t) =>
      t.shortfall === undefined
        ? `${t.index}. Chức danh ${t.title}: ${t.count} người đủ tiêu chuẩn, điều kiện (số lượng quy hoạch ${t.quota})`
        : `${t.index}. Chức danh ${t.title}: số lượng quy hoạch ${t.quota}; trong quy hoạch còn đủ tiêu chuẩn, điều kiện ${t.inPlanning ?? 0}; còn thiếu ${t.shortfall}`,
    columns: ['STT', 'Họ và tên', 'Ngày sinh', 'Giới tính', 'Chức vụ, đơn vị công tác', 'Chức danh quy hoạch', 'Kết quả', 'Lý do / Ghi chú'],
    notes: { inPlanning: 'Đang trong quy hoạch', external: 'Nguồn từ nơi khác' },
    resultColumns: { outcome: 'Kết quả rà soát', reason: 'Lý do không đủ điều kiện' },
    reasons: {
      retires: (r) => `Nghỉ hưu ${r.date}, thiếu ${r.short} tháng`,
      retiredBefore: (date) => `Nghỉ hưu ${date}, trước nhiệm kỳ`,
      noBirth: 'Chưa có ngày sinh',
      noGender: 'Chưa có giới tính',
      missing: (label) => `${label}: chưa có`,
      notMet: (label, value, atLeast) => `${label}: ${value}${atLeast ? ` (yêu cầu từ ${atLeast} trở lên)` : ''}`,
      rating: (year, value) => `Xếp loại ${year}: ${value}`,
    },
    signature: { place: '……, ngày …… tháng …… năm ……', left: 'NGƯỜI LẬP BIỂU', right: 'THỦ TRƯỞNG ĐƠN VỊ', sign: '(Ký, ghi rõ họ tên)' },
  },
  severity: { error: 'Lỗi', warning: 'Lưu ý' },
  at: (where, message) => `${where}: ${message}`,
  excel: {
    missing: 'Phiên bản Excel này chưa hỗ trợ đủ, nên lần chạy sẽ bỏ qua:',
    capabilities: {
      pageLayout: 'định dạng trang in (khổ A4, lề, vùng in, dòng tiêu đề lặp lại, ngắt trang, đầu trang và chân trang) trên các trang tính được tạo',
      fonts: 'nhận biết phông chữ cũ (.VnTime, VNI) khi đọc họ tên',
      hidden: 'nhận biết dòng, cột đang ẩn (dữ liệu ẩn được đọc như dữ liệu hiện)',
      widths: 'trả lại độ rộng cột khi hoàn tác',
      merges: 'đọc các ô đã gộp',
      notes: 'ghi chú giải thích trên các ô kết quả',
    },
    needs: (version) =>
      `Quy Hoạch cần Excel hỗ trợ bộ API ExcelApi ${version} trở lên (Microsoft 365, Excel 2019 trở lên, Excel trên web, Excel cho Mac). Excel này chưa đủ nên ngăn tác vụ không đọc sổ tính. Hãy cập nhật Office, hoặc dùng lệnh quy-hoach hay trang làm việc trên trình duyệt với tệp .xlsx.`,
    cellEdit: 'Excel đang chờ bạn sửa xong một ô: nhấn Enter (hoặc Esc) để rời ô rồi bấm lại. Chưa ghi gì.',
    changed: (where) => `Sổ tính đã thay đổi sau khi Quy Hoạch đọc (${where}): chưa ghi gì. Bấm lại để chạy trên số liệu mới.`,
    notWritten: (reason) => `Không ghi được kết quả (${reason}): các trang của bạn không bị thay đổi. Bấm lại để chạy lần nữa.`,
    partlyWritten: (where, reason) =>
      `Lần ghi bị gián đoạn giữa chừng (${reason}), có thể đã ghi một phần vào: ${where.join(', ')}. Bấm “Hoàn tác lần chạy gần nhất” để trả sổ tính về như trước lần chạy này.`,
  },
  profile: {
    heading: 'Bộ quy tắc đang dùng',
    source: 'Căn cứ',
    quorum: (s) => `Hội nghị hợp lệ khi có ${s.cmp} ${s.ratio} số người được triệu tập có mặt${formulaOf(s)}.`,
    threshold: (s) => `Phải đạt tỷ lệ phiếu đồng ý ${s.cmp} ${s.ratio} ${s.baseName}${formulaOf(s)}.`,
    removal: (s) => `Đề xuất đưa ra khỏi quy hoạch khi có ${s.cmp} ${s.ratio} ${s.baseName} đồng ý${formulaOf(s)}.`,
    quota: (s) => `Lấy từ trên xuống cho đủ ${s.quota} người mỗi chức danh${s.perTitle ? ` (${s.perTitle})` : ''}; một người không quá ${s.max} chức danh cùng cấp.`,
    tie: (mode) =>
      mode === 'straddle'
        ? 'Khi từ 02 người trở lên bằng phiếu ở ranh giới số lượng, người đứng đầu quyết định; bằng phiếu trong số lượng thì đều được giới thiệu.'
        : 'Mọi trường hợp từ 02 người trở lên bằng phiếu (đã đạt trên ngưỡng) đều do người đứng đầu quyết định.',
    announce: (s) => `Công bố tại hội nghị: ${s.yes}. Không công bố: ${s.no}.`,
    eligibility: (s) =>
      `Còn đủ tuổi công tác ít nhất ${s.months} tháng (một nhiệm kỳ ${s.term} tháng) tính từ ngày bắt đầu nhiệm kỳ; tuổi nghỉ hưu theo Nghị định 135/2020: nam ${s.male}, nữ ${s.female}.`,
    criteria: (s) => `Tiêu chuẩn khác: ${s}.`,
    structure: (s) => `Phấn đấu cán bộ trẻ (dưới ${s.age} tuổi) ít nhất ${s.young}, cán bộ nữ ít nhất ${s.women} mỗi chức danh.`,
    schedule: (s) => `${s.start} năm ${s.year}, mỗi năm tăng ${s.step} tháng đến ${s.final}`,
    years: (y, m) => (m ? `${y} tuổi ${m} tháng` : `${y} tuổi`),
    defaultBadge: 'Mặc định',
    changedBadge: (n) => `Đã sửa ${n} thiết lập so với mặc định`,
  },
  profileUsed: {
    text: (name, changes) => `Bộ quy tắc: ${name}${changes.length ? ` — khác Phụ lục 12: ${changes.join(' ')}` : ''}`,
    differs: 'khác Phụ lục 12',
  },
  profileEditor: {
    copy: 'Sao chép để sửa',
    copyName: (name) => `${name} — bản sửa của đơn vị`,
    heading: 'Sửa bộ quy tắc',
    name: 'Tên bộ quy tắc',
    source: 'Căn cứ (văn bản của đơn vị)',
    quotaDefault: 'Số lượng quy hoạch mỗi chức danh',
    perTitle: 'Số lượng riêng theo chức danh',
    perTitleHint: 'Mỗi dòng một chức danh: Trưởng phòng = 2',
    thresholds: 'Tỷ lệ phiếu',
    numerator: 'Tử số',
    denominator: 'Mẫu số',
    comparison: 'So sánh',
    strict: 'trên (>)',
    atLeast: 'từ … trở lên (≥)',
    tie: 'Người đứng đầu quyết định khi bằng phiếu (TIE)',
    tieModes: { straddle: 'Ở ranh giới số lượng', all: 'Mọi trường hợp bằng phiếu' },
    announce: 'Công bố kết quả tại hội nghị (ANNOUNCE)',
    structure: 'Cơ cấu phấn đấu (STRUCT)',
    youngBelowAge: 'Cán bộ trẻ: dưới (tuổi)',
    youngMin: 'Tỷ lệ cán bộ trẻ',
    womenMin: 'Tỷ lệ cán bộ nữ',
    save: 'Lưu vào sổ tính',
    cancel: 'Huỷ',
    reset: 'Về mặc định',
    saved: 'Đã lưu bộ quy tắc vào sổ tính: các lần chạy sau, bằng task pane hay lệnh quy-hoach, dùng bộ này.',
    savedHere: 'Đã áp dụng bộ quy tắc (chưa có sổ tính để lưu).',
    resetDone: 'Đã trở về bộ quy tắc Phụ lục 12.',
    invalid: 'Bộ quy tắc chưa hợp lệ:',
    differs: 'Khác Phụ lục 12',
    same: 'Đúng Phụ lục 12',
    fromWorkbook: 'Lưu trong sổ tính',
  },
  taskpane: {
    title: 'Quy Hoạch cán bộ',
    subtitle: 'Quy trình nhân sự quy hoạch (Phụ lục 12)',
    notInExcel: 'Trang đang mở ngoài Excel: chỉ xem bộ quy tắc. Để chạy quy trình trên tệp .xlsx không cần Excel, dùng trang làm việc trên trình duyệt hoặc lệnh quy-hoach.',
    inExcel: 'Đã kết nối với Excel.',
    loading: 'Đang tải…',
    procedures: 'Quy trình và các bước',
    needsWorkbook: 'Cần mở một sổ tính trong Excel để chạy quy trình. Ngoài Excel: trang làm việc trên trình duyệt, hoặc lệnh quy-hoach trên tệp .xlsx.',
    workbenchLink: 'Mở trang làm việc trên trình duyệt',
    form: 'Chạy một bước của quy trình',
    procedureShort: { 'next-term': 'I. Quy hoạch giai đoạn kế tiếp', 'annual-local': 'II.1. Bổ sung hằng năm, tại chỗ', 'annual-external': 'II.2. Bổ sung hằng năm, nơi khác' },
    stepShort: {
      'next-term:1': 'Bước 1: Rà soát nguồn cán bộ',
      'next-term:2': 'Bước 2: Hội nghị cán bộ',
      'next-term:3': 'Bước 3: Hội nghị lãnh đạo',
      'annual-local:1': 'Bước 1: Hội nghị cán bộ',
      'annual-local:2': 'Bước 2: Hội nghị lãnh đạo',
      'annual-external:1': 'Bước 1: Xác định nguồn',
      'annual-external:2': 'Bước 2: Hội nghị lãnh đạo (1)',
      'annual-external:3': 'Bước 3: Lấy ý kiến nơi công tác',
      'annual-external:4': 'Bước 4: Hội nghị lãnh đạo (2)',
    },
    procedure: 'Quy trình',
    step: 'Bước',
    sheets: 'Các trang tính sẽ đọc',
    sheetKinds: { roster: 'Danh sách trích ngang', votes: 'Kết quả kiểm phiếu', candidates: 'Nguồn từ nơi khác' },
    automatic: '(tự tìm)',
    conference: 'Hội nghị',
    convened: 'Số người được triệu tập',
    present: 'Số người có mặt',
    quorum: (c) =>
      c.quorate
        ? `Hội nghị hợp lệ: ${c.present}/${c.convened} có mặt, cần ít nhất ${c.required}`
        : `Hội nghị không hợp lệ: ${c.present}/${c.convened} có mặt, cần ít nhất ${c.required} — không xét kết quả`,
    quorumUnknown: 'Nhập số người được triệu tập và số người có mặt.',
    quotas: 'Số lượng quy hoạch mỗi chức danh',
    quotaLabel: (title) => `${title}: số lượng quy hoạch`,
    quotaHint: (people) => `Danh sách có ${people} người`,
    dateHint: 'Ngày/tháng/năm, ví dụ 04/12/2026',
    dateReads: (iso) => `Tức ${ngayThangNam(iso)}`,
    dateInvalid: 'Chưa phải một ngày: ghi ngày/tháng/năm, ví dụ 04/12/2026.',
    run: 'Chạy',
    working: 'Đang chạy…',
    written: 'Đã ghi kết quả vào sổ tính.',
    nothingWritten: 'Sổ tính có lỗi: chưa ghi gì. Sửa các ô dưới đây rồi chạy lại.',
    counts: 'Kết quả',
    diagnostics: 'Lỗi và lưu ý',
    awaiting: 'Chờ người đứng đầu quyết định',
    awaitingTitle: (title, seats) => `${title}: chọn ${seats} người`,
    headName: 'Họ tên người đứng đầu',
    headDate: 'Ngày quyết định',
    recordDecision: 'Ghi quyết định và chạy lại',
    decisionHeading: 'Quyết định của người đứng đầu',
    decision: (d) =>
      `${d.title}: ngày ${d.on}, người đứng đầu ${d.by} đã chọn ${joinNames(d.chosen, 'và')}${d.notChosen.length ? `; không chọn ${joinNames(d.notChosen, 'và')}` : ''}.`,
    showDecision: 'Xem quyết định của người đứng đầu',
    results: 'Các trang kết quả',
    showShortlist: 'Xem danh sách kết quả',
    showMinutes: 'Xem biên bản kiểm phiếu',
    showReview: 'Xem báo cáo rà soát',
    undo: 'Hoàn tác lần chạy gần nhất',
    undone: 'Đã hoàn tác lần chạy gần nhất.',
    printHint: 'Chọn trang kết quả rồi nhấn Ctrl+P: trang đã dàn sẵn khổ A4.',
  },
};

/** A date as Nghị định 30/2020 writes it: "ngày 05 tháng 01 năm 2026", "ngày 12 tháng 3 năm 2026" (a leading 0 for days below 10 and months 1, 2). */
function ngayThangNam(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `ngày ${d} tháng ${Number(m) <= 2 ? m : Number(m)} năm ${y}`;
}
function fieldVi(field: string): string {
  return vi.fields[field] ?? field;
}
function criterionVi(id: string): string {
  return vi.criteria[id] ?? id;
}
function consultVi(k: string): string {
  return vi.consultSteps[k] ?? k;
}
function sheetKind(kind: unknown): string {
  const kinds: Record<string, string> = { roster: 'danh sách trích ngang', votes: 'kết quả kiểm phiếu', candidates: 'danh sách nguồn từ nơi khác' };
  return kinds[String(kind)] ?? String(kind);
}
