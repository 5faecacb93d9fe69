/**
 * The real command line, once: `node bin/quy-hoach.cjs run <fixture> --json` as a child process
 * (the way `npx quy-hoach` runs it), stdout parsed as the one JSON object the README documents.
 */
import { execFile } from 'child_process';
import { existsSync, mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '..', '..');

function node(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'bin', 'quy-hoach.cjs'), ...args], { cwd: ROOT, encoding: 'utf8' }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as { code?: unknown }).code === 'number' ? ((error as { code: number }).code) : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

test('node bin/quy-hoach.cjs run next-term-3-leadership.xlsx --json', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'quy-hoach-cli-'));
  try {
    const out = join(dir, 'ket-qua.xlsx');
    const r = await node(['run', join(ROOT, 'test', 'fixtures', 'next-term-3-leadership.xlsx'), '--json', '--step', '3', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json).toMatchObject({ procedure: 'next-term', step: 3, conference: { convened: 9, present: 8, quorate: true, announced: true }, output: out });
    expect(json.results.filter((x: { outcome: string }) => x.outcome === 'awaiting-head').map((x: { name: string }) => x.name)).toEqual(['Lê Văn Cường', 'Phạm Thị Dung']);
    expect(existsSync(out)).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
