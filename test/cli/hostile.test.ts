/**
 * Every damaged or hostile workbook (test/fixtures/make-hostile.ts) through the command, as a user
 * would meet it (issue 15): a coded message, exit 1, with --json one valid JSON object (the run's
 * shape, output null), no stack trace, nothing written, the file unchanged. Also the output rules:
 * --out on the input (however spelled) refused unless --in-place, an existing output kept unless
 * --force.
 */
import { execFile } from 'child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, truncateSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { EXIT, main } from '../../src/cli/main';
import { makeHostile, type HostileFile } from '../fixtures/make-hostile';
import * as pipeline from '../../src/workbook/pipeline';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'next-term-3-leadership.xlsx');
let dir: string;
let files: HostileFile[];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quy-hoach-hostile-'));
  files = await makeHostile();
  for (const f of files) writeFileSync(join(dir, f.name), f.bytes);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (s) => out.push(s), err: (s) => err.push(s) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

test('every hostile file: exit 1, one JSON object with its code and output null, no trace, nothing written, the file unchanged', async () => {
  const seen: string[] = [];
  for (const f of files) {
    const file = join(dir, f.name);
    const out = join(dir, `${f.name}.out.xlsx`);
    const r = await run(['run', file, '--json', '--out', out]);
    const json = JSON.parse(r.stdout);
    seen.push(`${f.name} ${json.diagnostics[0]?.code}`);
    expect({ file: f.name, code: r.code, diagnostic: json.diagnostics.map((d: { code: string }) => d.code) }).toEqual({ file: f.name, code: EXIT.refused, diagnostic: [f.code] });
    expect(json).toMatchObject({ output: null, results: [], conference: null });
    expect(json.diagnostics[0].message).toMatch(/[àáảãạăâđêôơư]/);
    expect(r.stdout + r.stderr).not.toMatch(/\n\s+at |Error:|https?:/);
    expect(existsSync(out)).toBe(false);
    expect(readFileSync(file).equals(f.bytes)).toBe(true);
  }
  expect(seen.length).toBeGreaterThanOrEqual(50);
});

test('without --json the message is Vietnamese on stderr, then "nothing written"; with --lang en, English', async () => {
  const r = await run(['run', join(dir, 'du-lieu-nen-hong.xlsx'), '--out', join(dir, 'x.xlsx')]);
  expect(r.code).toBe(1);
  expect(r.stderr).toBe('Lỗi E-FILE-DAMAGED: Sổ tính bị hỏng: dữ liệu nén bị hỏng (phần “xl/worksheets/sheet1.xml” của tệp). Hãy mở bằng Excel (Excel sẽ đề nghị sửa) rồi lưu lại, hoặc dùng bản sao lưu.\nKhông ghi gì vì sổ tính có lỗi.');
  const en = await run(['run', join(dir, 'bom-1gb.xlsx'), '--out', join(dir, 'x.xlsx'), '--lang', 'en']);
  expect(en.stderr).toContain('Error E-FILE-TOO-LARGE: The workbook is too large to read safely: the part “xl/worksheets/sheet1.xml” inflates to 1,024 MB, over the limit of 100 MB for one part.');
});

test('the real command on three of them: exit 1, JSON on stdout, nothing on stderr', async () => {
  for (const name of ['van-ban.xlsx', 'cut-mot-nua.xlsx', 'ten-trung.xlsx']) {
    const r = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) =>
      execFile(process.execPath, [join(ROOT, 'bin', 'quy-hoach.cjs'), 'run', join(dir, name), '--json', '--out', join(dir, 'y.xlsx')], { encoding: 'utf8' }, (e, stdout, stderr) =>
        resolve({ code: e ? Number((e as { code?: number }).code) : 0, stdout, stderr }),
      ),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).diagnostics[0].code).toBe(files.find((f) => f.name === name)?.code);
  }
});

describe('the output file', () => {
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'quy-hoach-out-'));
    copyFileSync(FIXTURE, join(work, 'so.xlsx'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  test.each([
    ['the same path', (w: string) => join(w, 'so.xlsx')],
    ['another spelling', (w: string) => join(w, '.', 'sub', '..', 'so.xlsx')],
    ['a symbolic link to it', (w: string) => {
      symlinkSync(join(w, 'so.xlsx'), join(w, 'link.xlsx'));
      return join(w, 'link.xlsx');
    }],
  ])('--out naming the input (%s) is refused, exit 2, the input unchanged', async (_n, out) => {
    const before = readFileSync(join(work, 'so.xlsx'));
    const r = await run(['run', join(work, 'so.xlsx'), '--step', '3', '--out', out(work), '--json']);
    expect(r.code).toBe(EXIT.usage);
    expect(JSON.parse(r.stdout)).toMatchObject({ output: null, diagnostics: [{ code: 'E-OUT-IS-INPUT' }] });
    expect(readFileSync(join(work, 'so.xlsx')).equals(before)).toBe(true);
  });

  test('an existing output is not overwritten without --force (exit 2); with --force it is; --in-place writes the input', async () => {
    const out = join(work, 'so.ket-qua.xlsx');
    writeFileSync(out, 'của người dùng');
    const r = await run(['run', join(work, 'so.xlsx'), '--step', '3']);
    expect(r.code).toBe(EXIT.usage);
    expect(r.stderr).toContain('E-OUT-EXISTS');
    expect(readFileSync(out, 'utf8')).toBe('của người dùng');
    expect((await run(['run', join(work, 'so.xlsx'), '--step', '3', '--force'])).code).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    const before = readFileSync(join(work, 'so.xlsx'));
    expect((await run(['run', join(work, 'so.xlsx'), '--step', '3', '--in-place'])).code).toBe(0);
    expect(readFileSync(join(work, 'so.xlsx')).equals(before)).toBe(false);
    expect(readdirSync(work).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

test('a file over 100 MB is refused by its size, before it is read into memory', async () => {
  const big = join(dir, 'qua-lon.xlsx');
  writeFileSync(big, readFileSync(FIXTURE));
  truncateSync(big, 101 * 1024 * 1024);
  const r = await run(['run', big, '--json', '--out', join(dir, 'z.xlsx')]);
  expect(r.code).toBe(EXIT.refused);
  expect(JSON.parse(r.stdout).diagnostics[0]).toMatchObject({ code: 'E-FILE-TOO-LARGE', message: expect.stringContaining('101 MB, quá giới hạn 100 MB') });
});

test('a bug of the program is worded as one: exit 70, E-INTERNAL (JSON with --json), the trace after "Chi tiết kỹ thuật"', async () => {
  const spy = jest.spyOn(pipeline, 'runPipeline').mockImplementation(() => {
    throw new TypeError('boom');
  });
  try {
    const out = join(dir, 'bug.xlsx');
    const r = await run(['run', FIXTURE, '--step', '3', '--json', '--out', out]);
    expect(r.code).toBe(EXIT.bug);
    expect(JSON.parse(r.stdout)).toMatchObject({ output: null, diagnostics: [{ code: 'E-INTERNAL', message: expect.stringContaining('Lỗi của chương trình') }] });
    expect(r.stderr).toMatch(/^Chi tiết kỹ thuật \(gửi kèm khi báo lỗi\):\nTypeError: boom\n\s+at /);
    expect(existsSync(out)).toBe(false);
  } finally {
    spy.mockRestore();
  }
});
