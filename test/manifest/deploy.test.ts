/**
 * @jest-environment node
 */
// `npm run manifest -- --url …`: the manifest for an office's own server (shared-folder catalog).
// It must pass the same offline checks, point every URL at that server, and keep the add-in's Id
// (so Excel sees the same add-in, not a second one).
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const repoRoot = path.resolve(__dirname, '..', '..');
const script = path.join(repoRoot, 'scripts', 'deploy-manifest.mjs');
let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qh-manifest-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function deploy(url: string, name = 'manifest.xml') {
  const out = path.join(dir, name);
  const run = spawnSync(process.execPath, [script, '--url', url, '--out', out], { cwd: repoRoot, encoding: 'utf8' });
  return { ...run, out, text: fs.existsSync(out) ? fs.readFileSync(out, 'utf8') : undefined };
}

const idOf = (xml: string) => /<Id>([^<]+)<\/Id>/.exec(xml)?.[1];

test.each([
  ['https://may-chu.so-noi-vu.gov.vn/quy-hoach/', 'https://may-chu.so-noi-vu.gov.vn/quy-hoach/'],
  ['https://may-chu.so-noi-vu.gov.vn/quy-hoach', 'https://may-chu.so-noi-vu.gov.vn/quy-hoach/'],
  ['https://10.0.0.5:8443/', 'https://10.0.0.5:8443/'],
])('%s: every URL under %s, the Id kept, the checks pass', (url, base) => {
  const r = deploy(url);
  expect(r.status).toBe(0);
  const text = r.text as string;
  expect(text).not.toContain('localhost');
  const urls = [...text.matchAll(/(?:DefaultValue|Value)="(https?:[^"]+)"/g)].map((m) => m[1]);
  expect(urls.length).toBe(9);
  for (const u of urls) expect(u.startsWith(base)).toBe(true);
  expect(text).toContain(`${base}taskpane.html`);
  expect(idOf(text)).toBe(idOf(fs.readFileSync(path.join(repoRoot, 'manifest.xml'), 'utf8')));
  const check = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'validate-manifest.mjs'), r.out, '--base', base, '--json'], { cwd: repoRoot, encoding: 'utf8' });
  expect(JSON.parse(check.stdout).errors).toEqual([]);
});

test.each([
  ['http://may-chu/quy-hoach/', 'HTTPS'],
  ['may-chu/quy-hoach', 'không hợp lệ'],
  ['https://may-chu/quy-hoach/?v=1', '?…'],
])('%s is refused with a message and nothing written', (url, words) => {
  const r = deploy(url, 'refused.xml');
  expect(r.status).toBe(2);
  expect(r.stderr).toContain(words);
  expect(r.text).toBeUndefined();
});

test('the dev manifest checked against another server fails by name', () => {
  const check = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'validate-manifest.mjs'), path.join(repoRoot, 'manifest.xml'), '--base', 'https://may-chu/quy-hoach/', '--json'], {
    cwd: repoRoot,
    encoding: 'utf8',
  });
  expect(check.status).toBe(1);
  expect(JSON.parse(check.stdout).errors.join('\n')).toContain('is not under https://may-chu/quy-hoach/');
});
