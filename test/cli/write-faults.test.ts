/**
 * Writes that fail, for real (issue 15: "a write completes or leaves the original exactly as it
 * was"): the command run as a child process with `--in-place` (run and undo) on a disk that is full
 * (a 64 KB tmpfs mounted in a private mount namespace, `unshare -rm`; where the sandbox allows no
 * mount, ENOSPC injected through writeAtomic's fs seam instead — the test says which), under a
 * file-size limit (`ulimit -f` in a child shell → EFBIG), and killed (SIGKILL) at five moments of
 * the write. Each time: the original byte-identical, exit 3 with E-WRITE-FAILED where the write
 * failed, and no temporary file left once a later run has written to that folder.
 */
import { execFileSync, spawn, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import * as nodeFs from 'fs';
import { WriteFailed, writeAtomic, type WriteFs } from '../../src/cli/write';
import { main } from '../../src/cli/main';
import { readXlsx } from '../../src/hosts/xlsx/read';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..');
const CLI = join(ROOT, 'bin', 'quy-hoach.cjs');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'next-term-3-leadership.xlsx');
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const temps = (dir: string) => readdirSync(dir).filter((n) => n.endsWith('.tmp'));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'quy-hoach-faults-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The fixture after one run: a workbook with an undo record, to undo in place. */
async function ranOnce(): Promise<string> {
  const file = join(dir, 'so.xlsx');
  const io = { out: () => undefined, err: () => undefined };
  expect(await main(['run', FIXTURE, '--step', '3', '--out', file], io)).toBe(0);
  return file;
}

const canMount = spawnSync('unshare', ['-rm', 'sh', '-c', 'mkdir -p /tmp/.qh-probe && mount -t tmpfs -o size=64k tmpfs /tmp/.qh-probe'], { encoding: 'utf8' }).status === 0;

describe('disk full', () => {
  const full = canMount ? test : test.skip;
  full.each([
    ['run --in-place', ['run', 'so.xlsx', '--step', '3', '--in-place', '--json']],
    ['undo --in-place', ['undo', 'so.xlsx', '--in-place']],
  ])('%s on a full disk (a 64 KB tmpfs): exit 3, E-WRITE-FAILED, the original byte-identical, no temporary file', async (_name, args) => {
    const source = args[0] === 'undo' ? await ranOnce() : FIXTURE;
    // In a private mount namespace: the small disk exists for this shell only, and goes with it.
    const script = [
      'set -e',
      'mnt=$(mktemp -d)',
      'mount -t tmpfs -o size=64k tmpfs "$mnt"',
      `cp "$SOURCE" "$mnt/so.xlsx"`,
      // Fill the disk but for a few KB: the workbook (≈ 9–30 KB) fits, its rewrite does not.
      `dd if=/dev/zero of="$mnt/fill" bs=1k count=$((64 - $(du -k "$mnt/so.xlsx" | cut -f1) - 8)) 2>/dev/null || true`,
      'before=$(sha256sum "$mnt/so.xlsx" | cut -d" " -f1)',
      `cd "$mnt"; set +e; node "$CLI" ${args.join(' ')} >"$OUT/stdout" 2>"$OUT/stderr"; echo $? >"$OUT/code"; set -e`,
      'after=$(sha256sum "$mnt/so.xlsx" | cut -d" " -f1)',
      'echo "$before $after" >"$OUT/sums"',
      'ls -A "$mnt" >"$OUT/files"',
    ].join('\n');
    execFileSync('unshare', ['-rm', 'sh', '-c', script], { env: { ...process.env, SOURCE: source, CLI, OUT: dir } });
    const [before, after] = readFileSync(join(dir, 'sums'), 'utf8').trim().split(' ');
    expect(Number(readFileSync(join(dir, 'code'), 'utf8'))).toBe(3);
    expect(after).toBe(before);
    expect(readFileSync(join(dir, 'files'), 'utf8').split('\n').filter((n) => n.endsWith('.tmp'))).toEqual([]);
    const text = readFileSync(join(dir, args.includes('--json') ? 'stdout' : 'stderr'), 'utf8');
    expect(text).toContain('E-WRITE-FAILED');
    expect(text).toContain('ổ đĩa đã đầy');
    if (args.includes('--json')) expect(JSON.parse(text)).toMatchObject({ output: null, diagnostics: [{ code: 'E-WRITE-FAILED' }] });
    expect(text + readFileSync(join(dir, 'stderr'), 'utf8')).not.toMatch(/\n\s+at /);
  });

  test(`ENOSPC through the write's fs seam${canMount ? '' : ' (this sandbox allows no mount: the only disk-full test here)'}: the target untouched, the temporary file removed`, () => {
    const target = join(dir, 'so.xlsx');
    copyFileSync(FIXTURE, target);
    const before = sha(target);
    let written = 0;
    const fs: WriteFs = {
      ...nodeFs,
      writeSync: ((fd: number, buffer: Uint8Array, offset: number, length: number) => {
        if (written + length > 4096) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
        written += length;
        return nodeFs.writeSync(fd, buffer, offset, length);
      }) as WriteFs['writeSync'],
    };
    expect(() => writeAtomic(target, new Uint8Array(100_000), fs)).toThrow(WriteFailed);
    expect(sha(target)).toBe(before);
    expect(temps(dir)).toEqual([]);
  });
});

test('a file-size limit (ulimit -f 8 → EFBIG): run --in-place and undo --in-place exit 3, the original byte-identical, no temporary file', async () => {
  const undoable = await ranOnce();
  for (const [file, args] of [
    [FIXTURE, 'run so.xlsx --step 3 --in-place'],
    [undoable, 'undo so.xlsx --in-place'],
  ] as const) {
    const target = join(dir, 'target.xlsx');
    copyFileSync(file, target);
    const before = sha(target);
    const r = spawnSync('sh', ['-c', `ulimit -f 8; exec node "${CLI}" ${args.replace('so.xlsx', target)}`], { encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('E-WRITE-FAILED');
    expect(r.stderr).toContain('vượt giới hạn kích thước');
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(sha(target)).toBe(before);
    expect(temps(dir)).toEqual([]);
    rmSync(target);
  }
});

test('killed (SIGKILL) at five moments of a write in place: the original byte-identical every time; a later run removes the temporary file left', async () => {
  // A workbook large enough that its write takes a while (5,000 people).
  const { workbook } = await import('../../bench/pipeline');
  const big = join(dir, 'lon.xlsx');
  const bytes = await workbook(5_000);
  writeFileSync(big, bytes);
  const original = sha(big);
  const moments: string[] = [];
  // From the moment the temporary file appears: at once, then a little later each time.
  for (const delay of [0, 2, 5, 10, 20]) {
    const child = spawn(process.execPath, [CLI, 'run', big, '--step', '2', '--in-place'], { stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    let seen = false;
    while (!seen && child.exitCode === null) {
      seen = temps(dir).length > 0;
      if (!seen) await new Promise((r) => setTimeout(r, 1));
    }
    if (delay) await new Promise((r) => setTimeout(r, delay));
    child.kill('SIGKILL');
    await exited;
    const midWrite = temps(dir).length > 0;
    moments.push(`${delay} ms after the temporary file appeared: ${midWrite ? 'killed mid-write, original intact' : 'killed after the rename'}`);
    if (midWrite) expect(sha(big)).toBe(original);
    else {
      // Killed after the rename: the run had completed, and the file is a whole workbook (put back for the next try).
      await expect(readXlsx(readFileSync(big))).resolves.toBeDefined();
      writeFileSync(big, bytes);
    }
  }
  process.stdout.write(`SIGKILL during the write: ${moments.join('; ')}\n`);
  expect(moments.filter((m) => m.includes('mid-write')).length).toBeGreaterThanOrEqual(1);
  expect(sha(big)).toBe(original);
  // The next write to the folder removes what the killed ones left.
  const io = { out: () => undefined, err: () => undefined };
  expect(await main(['run', FIXTURE, '--step', '3', '--out', join(dir, 'khac.xlsx')], io)).toBe(0);
  expect(temps(dir)).toEqual([]);
  expect(existsSync(join(dir, 'khac.xlsx'))).toBe(true);
});
