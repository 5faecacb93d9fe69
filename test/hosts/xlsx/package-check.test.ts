/**
 * The package check (src/hosts/xlsx/package-check.ts) on every hostile file of
 * test/fixtures/make-hostile.ts, through both inflaters (the browser's DecompressionStream, the
 * command's zlib): each refused with its code before ExcelJS sees it; and on every real workbook
 * of the project — the golden fixtures, the samples, a workbook saved by LibreOffice — none refused.
 */
import { execFileSync } from 'child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { nodeInflate } from '../../../src/hosts/xlsx/node-zlib';
import { checkPackage, currentInflater, useInflater } from '../../../src/hosts/xlsx/package-check';
import { readXlsx, WorkbookRefused } from '../../../src/hosts/xlsx/read';
import { LIMITS } from '../../../src/hosts/xlsx/limits';
import { makeHostile, type HostileFile } from '../../fixtures/make-hostile';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..', '..');
let hostile: HostileFile[];
const streamInflate = currentInflater();
beforeAll(async () => {
  hostile = await makeHostile();
});

describe.each([
  ['DecompressionStream', false],
  ['zlib', true],
])('every hostile file refused with its code (%s)', (_name, node) => {
  beforeAll(async () => {
    if (node) useInflater(nodeInflate);
  });
  afterAll(() => useInflater(streamInflate));
  test('by the package check, and readXlsx throws WorkbookRefused with the same diagnostic', async () => {
    const got: string[] = [];
    const want: string[] = [];
    for (const f of hostile) {
      const r = await checkPackage(f.bytes);
      got.push(`${f.name} ${r.ok ? 'READ' : r.diagnostic.code}`);
      want.push(`${f.name} ${f.code}`);
      if (!r.ok) await expect(readXlsx(f.bytes)).rejects.toEqual(new WorkbookRefused(r.diagnostic));
    }
    expect(got).toEqual(want);
    expect(hostile.length).toBeGreaterThanOrEqual(50);
  });
});

test('every workbook of the project passes: the golden fixtures, the samples, one saved by LibreOffice', async () => {
  const files = [
    ...readdirSync(join(ROOT, 'test', 'fixtures')).filter((n) => n.endsWith('.xlsx')).map((n) => join(ROOT, 'test', 'fixtures', n)),
    ...readdirSync(join(ROOT, 'samples')).filter((n) => n.endsWith('.xlsx')).map((n) => join(ROOT, 'samples', n)),
  ];
  const dir = mkdtempSync(join(tmpdir(), 'quy-hoach-lo-'));
  try {
    copyFileSync(join(ROOT, 'test', 'fixtures', 'next-term-3-leadership.xlsx'), join(dir, 'lo.ods.xlsx'));
    execFileSync('soffice', ['--headless', '--convert-to', 'ods', '--outdir', dir, join(dir, 'lo.ods.xlsx')], { stdio: 'ignore' });
    execFileSync('soffice', ['--headless', '--convert-to', 'xlsx', '--outdir', join(dir, 'out'), join(dir, 'lo.ods.ods')], { stdio: 'ignore' });
    files.push(join(dir, 'out', 'lo.ods.xlsx'));
    const refused: string[] = [];
    for (const f of files) {
      const r = await checkPackage(readFileSync(f));
      if (!r.ok) refused.push(`${f}: ${r.diagnostic.code} ${JSON.stringify(r.diagnostic.params)}`);
    }
    expect(refused).toEqual([]);
    expect(files.length).toBeGreaterThan(20);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the limits are far past an office workbook: 25,000 people on 20 columns fit', () => {
  expect(LIMITS.cells).toBeGreaterThanOrEqual(25_000 * 20);
  expect(LIMITS.rows).toBeGreaterThanOrEqual(100_000);
  expect(LIMITS.stringChars).toBe(32_767);
});
