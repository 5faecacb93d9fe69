import type { TableSpec } from './table';

/**
 * The columns of the sheets HR staff keep, by the words their headers use (folded: no case,
 * no diacritics, punctuation as spaces). More specific fields come first: a column is taken
 * by the first field that names it.
 */

const birth = ['ngay thang nam sinh', 'ngay sinh', 'nam sinh', 'sinh ngay'];
const name = ['ho va ten', 'ho ten', 'ho va ten can bo', 'ten can bo', 'ho va ten nguoi duoc gioi thieu'];
const stt = { key: 'stt', phrases: ['stt', 'so tt', 'so thu tu', 'tt'] };
const code = ['ma can bo', 'ma so', 'ma cb', 'so hieu can bo', 'ma nhan su', 'ma'];

/** Who a row is: number, name, code, birth date (one column, or "Nam"/"Nữ" columns that also give the gender). */
const IDENTITY = [
  stt,
  { key: 'birthMale', phrases: birth.map((b) => `${b} nam`) },
  { key: 'birthFemale', phrases: birth.map((b) => `${b} nu`) },
  { key: 'name', phrases: name },
  { key: 'code', phrases: code },
  { key: 'birth', phrases: birth },
];

export const ROSTER: TableSpec = {
  fields: [
    ...IDENTITY,
    { key: 'gender', phrases: ['gioi tinh', 'nam nu', 'nam hay nu'] },
    { key: 'titles', phrases: ['chuc danh quy hoach', 'quy hoach chuc danh', 'chuc danh du kien quy hoach', 'chuc danh de nghi quy hoach', 'quy hoach vao chuc danh'] },
    { key: 'inPlanning', phrases: ['dang trong quy hoach', 'trong quy hoach', 'da duoc quy hoach', 'dang quy hoach', 'da quy hoach'] },
    { key: 'post', phrases: ['chuc vu hien tai', 'chuc vu', 'chuc danh hien tai', 'chuc vu chuc danh', 'chuc vu hien nay'] },
    { key: 'unit', phrases: ['don vi cong tac', 'don vi', 'phong ban', 'co quan', 'noi cong tac'] },
    { key: 'training', phrases: ['trinh do chuyen mon', 'trinh do dao tao', 'chuyen mon nghiep vu', 'trinh do chuyen mon nghiep vu', 'chuyen mon'] },
    { key: 'politicalTheory', phrases: ['ly luan chinh tri', 'llct', 'trinh do ly luan chinh tri', 'trinh do llct'] },
    { key: 'discipline', phrases: ['ky luat', 'hinh thuc ky luat'] },
  ],
  required: [['name'], ['birth', 'birthMale', 'birthFemale', 'gender'], ['titles', 'inPlanning', 'post', 'unit', 'training', 'politicalTheory']],
};

/** Words a title's label starts with, where count columns are grouped under the title they count for. */
const TITLE_WORDS = ['truong', 'pho', 'chanh', 'giam doc', 'chu tich', 'bi thu', 'chi huy', 'hieu truong', 'doi truong', 'tong bien tap', 'thu truong', 'uy vien', 'ke toan truong'];

/**
 * A vote-count sheet: nomination votes, removal votes, or both in two columns; or a group of count
 * columns per title ("Chức danh Trưởng phòng" over "Số phiếu | Tỷ lệ %"). A percent column is the
 * sheet's own arithmetic: recognised, never read (the rules work the percent out from the counts).
 */
export const VOTES: TableSpec = {
  fields: [
    { key: 'removeAgree', phrases: ['dua ra khoi quy hoach', 'dong y dua ra khoi quy hoach', 'so phieu dong y dua ra khoi quy hoach', 'dua ra', 'ra khoi quy hoach'], exclude: ['khong dong y', 'ty le', 'ti le', 'phan tram'] },
    ...IDENTITY,
    { key: 'gender', phrases: ['gioi tinh'] },
    { key: 'agree', phrases: ['so phieu dong y', 'phieu dong y', 'dong y', 'so phieu', 'so phieu gioi thieu', 'so phieu tan thanh', 'tan thanh', 'so phieu bau'], exclude: ['khong dong y', 'ty le', 'ti le', 'phan tram', 'khong tan thanh', 'co quan', 'y kien', 'dua ra', 'phat ra', 'thu vao', 'hop le'] },
    { key: 'title', phrases: ['chuc danh gioi thieu', 'chuc danh quy hoach', 'gioi thieu quy hoach chuc danh', 'chuc danh de nghi', 'chuc danh'] },
  ],
  required: [['name'], ['agree', 'removeAgree']],
  choose: ['agree', 'removeAgree'],
  groups: { fields: ['agree', 'removeAgree'], titleWords: TITLE_WORDS },
  computed: { key: 'percent', phrases: ['ty le', 'phan tram', 'ti le'] },
};

/** External candidates (II.2) with the consultation facts (CONSULT). */
export const CANDIDATES: TableSpec = {
  fields: [
    ...IDENTITY,
    { key: 'gender', phrases: ['gioi tinh'] },
    // Where the person works now, in words a roster's "Đơn vị công tác" does not use.
    { key: 'agency', phrases: ['co quan dang cong tac', 'noi dang cong tac', 'co quan don vi dang cong tac', 'don vi dang cong tac', 'noi cong tac hien nay', 'co quan cong tac hien nay', 'co quan hien nay', 'co quan noi cong tac'] },
    { key: 'metOn', phrases: ['gap go trao doi', 'ngay gap go', 'gap go'] },
    { key: 'letterSentOn', phrases: ['gui van ban lay y kien', 'ngay gui van ban', 'van ban lay y kien', 'gui van ban'] },
    { key: 'opinionAgrees', phrases: ['y kien dong y', 'co quan dong y', 'dong y khong', 'dong y'] },
    { key: 'opinionReceivedOn', phrases: ['ngay nhan y kien', 'nhan y kien', 'y kien cua co quan', 'y kien tra loi'] },
    { key: 'dossierReceivedOn', phrases: ['nhan ho so', 'ngay nhan ho so', 'ho so'] },
    { key: 'title', phrases: ['chuc danh du kien quy hoach', 'chuc danh quy hoach', 'chuc danh du kien', 'chuc danh'] },
    { key: 'post', phrases: ['chuc vu hien tai', 'chuc vu'] },
    { key: 'training', phrases: ['trinh do chuyen mon', 'trinh do dao tao', 'chuyen mon'] },
    { key: 'politicalTheory', phrases: ['ly luan chinh tri', 'llct'] },
    { key: 'discipline', phrases: ['ky luat'] },
  ],
  required: [['name'], ['agency']],
};


/** The tables a run reads, by role: what the column-mapping dialog asks about (src/workbook/reader/column-map.ts). */
export type TableRole = 'roster' | 'votes' | 'candidates';
export const SPECS: Record<TableRole, TableSpec> = { roster: ROSTER, votes: VOTES, candidates: CANDIDATES };
