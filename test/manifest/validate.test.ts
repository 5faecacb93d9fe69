/**
 * @jest-environment node
 */
// The add-in manifest: the committed manifest.xml passes the offline validator
// (scripts/validate-manifest.mjs: schema + resid + build outputs + icon sizes), and each kind of
// breakage is reported by name. The validator is an ES module; it runs as a child process with
// --json so that ts-jest's CommonJS output need not import it.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const repoRoot = path.resolve(__dirname, '..', '..');
const validator = path.join(repoRoot, 'scripts', 'validate-manifest.mjs');
const manifestPath = path.join(repoRoot, 'manifest.xml');

interface Result {
  errors: string[];
  warnings: string[];
}

function validate(file: string): Result & { status: number | null } {
  const run = spawnSync(process.execPath, [validator, file, '--json'], { cwd: repoRoot, encoding: 'utf8' });
  if (run.error) throw run.error;
  let parsed: Result;
  try {
    parsed = JSON.parse(run.stdout) as Result;
  } catch {
    throw new Error(`validator printed no JSON (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
  }
  return { ...parsed, status: run.status };
}

let tmpDir: string;
const original = fs.readFileSync(manifestPath, 'utf8');

/** Writes a variant of the committed manifest (after `edit`) to the temp dir and validates it. */
function validateVariant(name: string, edit: (xml: string) => string): Result & { status: number | null } {
  const changed = edit(original);
  expect(changed).not.toBe(original); // the edit must hit something
  const file = path.join(tmpDir, `${name}.xml`);
  fs.writeFileSync(file, changed, 'utf8');
  return validate(file);
}

beforeAll(() => {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'quy-hoach-manifest-'));
});

afterAll(() => {
  fs.rmSync(tmpDir, { recursive: true, force: true });
});

jest.setTimeout(60_000);

describe('manifest.xml', () => {
  test('the committed manifest validates with no errors', () => {
    const result = validate(manifestPath);
    expect(result.errors).toEqual([]);
    expect(result.status).toBe(0);
  });

  test('a resid that names no resource is an error naming that resid', () => {
    const result = validateVariant('broken-resid', (xml) =>
      xml.replace('<Label resid="OpenPane.Label"/>', '<Label resid="OpenPane.Nowhere"/>'),
    );
    expect(result.status).toBe(1);
    expect(result.errors).toEqual(
      expect.arrayContaining([expect.stringMatching(/^resid: "OpenPane\.Nowhere" on <Label> .*not defined/)]),
    );
  });

  test('a resid pointing at the wrong kind of resource is an error', () => {
    const result = validateVariant('wrong-kind-resid', (xml) =>
      xml.replace('<SourceLocation resid="Taskpane.Url"/>', '<SourceLocation resid="OpenPane.Label"/>'),
    );
    expect(result.status).toBe(1);
    expect(result.errors).toEqual(
      expect.arrayContaining([expect.stringMatching(/^resid: "OpenPane\.Label" on <SourceLocation> .*needs a bt:Url/)]),
    );
  });

  test('an icon whose file does not exist is an error naming the file', () => {
    const result = validateVariant('missing-icon', (xml) =>
      xml.replace('https://localhost:3000/assets/icon-80.png', 'https://localhost:3000/assets/icon-81.png'),
    );
    expect(result.status).toBe(1);
    expect(result.errors).toEqual(
      expect.arrayContaining([expect.stringMatching(/^url: https:\/\/localhost:3000\/assets\/icon-81\.png .*assets\/icon-81\.png does not exist/)]),
    );
  });

  test('an icon of the wrong size is an error giving both sizes', () => {
    const result = validateVariant('wrong-icon-size', (xml) =>
      xml.replace(
        '<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-16.png"/>',
        '<bt:Image id="Icon.16x16" DefaultValue="https://localhost:3000/assets/icon-32.png"/>',
      ),
    );
    expect(result.status).toBe(1);
    expect(result.errors).toEqual(
      expect.arrayContaining([expect.stringMatching(/^icon: assets\/icon-32\.png .* is 32×32 px, expected 16×16/)]),
    );
  });

  test('a URL the build does not produce is an error', () => {
    const result = validateVariant('unknown-page', (xml) =>
      xml.replace('https://localhost:3000/commands.html', 'https://localhost:3000/functions.html'),
    );
    expect(result.status).toBe(1);
    expect(result.errors).toEqual(
      expect.arrayContaining([expect.stringMatching(/^url: https:\/\/localhost:3000\/functions\.html .*the build produces no \/functions\.html/)]),
    );
  });

  test('a duplicate resource id is an error', () => {
    const result = validateVariant('duplicate-id', (xml) => xml.replace('<bt:String id="Group.Label"', '<bt:String id="OpenPane.Label"'));
    expect(result.status).toBe(1);
    expect(result.errors).toEqual(
      expect.arrayContaining([expect.stringMatching(/^resource: id "OpenPane\.Label" is defined more than once/)]),
    );
  });

  test('a manifest the schema rejects (bad Permissions value) is an error naming the element and value', () => {
    const result = validateVariant('bad-permissions', (xml) =>
      xml.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>ReadWriteEverything</Permissions>'),
    );
    expect(result.status).toBe(1);
    expect(result.errors).toEqual(
      expect.arrayContaining([expect.stringMatching(/^schema: line \d+: .*Permissions.*'ReadWriteEverything'/)]),
    );
  });
});
