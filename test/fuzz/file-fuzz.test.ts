/**
 * The file fuzzer (issue 15): 10,000 mutations of real fixtures (test/fuzz/mutate.ts: the zip, the
 * XML of a part, the cells of a sheet) through the xlsx host's read and the pipeline, one case in
 * 200 through the command itself with the file on disk. For every case: no crash (only a
 * WorkbookRefused may come out of the read), a refusal carries a known code and a message in
 * words (no library text, no trace), the input bytes unchanged; through the command, exit 0 or 1,
 * one JSON object, nothing written on refusal.
 *
 * Seeded and reproducible: the seed is printed (QUY_HOACH_FUZZ_SEED=n to run it again, "random"
 * for a new one); QUY_HOACH_FUZZ_CASE=i replays case i alone and keeps its file in the temp folder.
 * QUY_HOACH_FUZZ_CASES=n changes the number of cases.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { performance } from 'perf_hooks';
import { main } from '../../src/cli/main';
import { readXlsx, WorkbookRefused } from '../../src/hosts/xlsx/read';
import { nodeInflate } from '../../src/hosts/xlsx/node-zlib';
import { useInflater } from '../../src/hosts/xlsx/package-check';
import { describeDiagnostic } from '../../src/i18n';
import { WORKBOOK_CODES } from '../../src/workbook/codes';
import { runPipeline } from '../../src/workbook/pipeline';
import { partsOf } from '../fixtures/make-hostile';
import { caseSeed, generator, mutate, type Mutation } from './mutate';

jest.setTimeout(600_000);
// The command's inflater (src/cli/main.ts sets it too); DecompressionStream is the browser's, tested there.
useInflater(nodeInflate);

const FIXTURES = ['next-term-3-leadership.xlsx', 'next-term-2-staff.xlsx', 'annual-local-1-review.xlsx'].map((f) => join(__dirname, '..', 'fixtures', f));
const env = process.env;
const SEED = env.QUY_HOACH_FUZZ_SEED === 'random' ? (Math.random() * 2 ** 32) >>> 0 : Number(env.QUY_HOACH_FUZZ_SEED ?? 20_260_115);
const CASES = Number(env.QUY_HOACH_FUZZ_CASES ?? 10_000);
const ONLY = env.QUY_HOACH_FUZZ_CASE === undefined ? undefined : Number(env.QUY_HOACH_FUZZ_CASE);
/** One case in this many also runs the command on a file. */
const THROUGH_COMMAND = Number(env.QUY_HOACH_FUZZ_EVERY ?? 200);

interface Failure {
  i: number;
  mutation: string;
  problem: string;
}

test(`file fuzzer: ${ONLY === undefined ? CASES : 1} cases, seed ${SEED}`, async () => {
  const bases = await Promise.all(
    FIXTURES.map(async (f) => {
      const bytes = readFileSync(f);
      // The fixture's own snapshot: a mutation that reads the same needs no run of its own.
      return { bytes, parts: await partsOf(f), values: JSON.stringify((await readXlsx(bytes)).snapshot) };
    }),
  );
  const dir = mkdtempSync(join(tmpdir(), 'quy-hoach-fuzz-'));
  const refusals = new Map<string, number>();
  const levels = new Map<string, number>();
  const failures: Failure[] = [];
  let accepted = 0;
  let commands = 0;
  const started = performance.now();
  const cases = ONLY === undefined ? [...Array(CASES).keys()] : [ONLY];
  for (const i of cases) {
    const rng = generator(caseSeed(SEED, i));
    const base = bases[Math.floor(rng() * bases.length)];
    let m: Mutation;
    try {
      m = mutate(rng, base.bytes, base.parts);
    } catch (e) {
      failures.push({ i, mutation: '(mutating)', problem: String(e) });
      continue;
    }
    levels.set(m.level, (levels.get(m.level) ?? 0) + 1);
    const fail = (problem: string) => failures.push({ i, mutation: `${m.level}: ${m.what}`, problem });
    const copy = Buffer.from(m.bytes);
    if (ONLY !== undefined) writeFileSync(join(tmpdir(), `quy-hoach-fuzz-${SEED}-${i}.xlsx`), m.bytes);
    try {
      const { snapshot } = await readXlsx(m.bytes);
      accepted++;
      // A mutation that reads as the fixture reads needs no run: the golden tests run that one.
      if (JSON.stringify(snapshot) !== base.values) {
        const run = runPipeline(snapshot, { procedure: 'next-term', lang: 'vi', now: '2026-01-15T09:00' });
        for (const d of run.diagnostics) if (!describeDiagnostic(d, 'vi')) fail(`${d.code} without words`);
      }
    } catch (e) {
      if (e instanceof WorkbookRefused) {
        const d = e.diagnostic;
        refusals.set(d.code, (refusals.get(d.code) ?? 0) + 1);
        const text = describeDiagnostic(d, 'vi');
        if (!(d.code in WORKBOOK_CODES) || !text || /undefined|\[object|Error|https?:/.test(text)) fail(`refused ${d.code} with "${text}"`);
      } else fail(`crash: ${(e as Error)?.stack ?? String(e)}`);
    }
    if (!m.bytes.equals(copy)) fail('the input bytes changed');

    if (i % THROUGH_COMMAND === 0 || ONLY !== undefined) {
      commands++;
      const input = join(dir, `case-${i}.xlsx`);
      const out = join(dir, `case-${i}.out.xlsx`);
      writeFileSync(input, m.bytes);
      const lines: string[] = [];
      const err: string[] = [];
      const code = await main(['run', input, '--json', '--out', out], { out: (s) => lines.push(s), err: (s) => err.push(s) });
      let json: { output: string | null; diagnostics: { code: string }[] } | undefined;
      try {
        json = JSON.parse(lines.join('\n'));
      } catch {
        fail(`the command printed no JSON: ${lines.join('\n').slice(0, 200)}`);
      }
      if (code !== 0 && code !== 1) fail(`exit ${code}: ${err.join(' ').slice(0, 300)}`);
      if (code === 1 && (existsSync(out) || json?.output !== null)) fail('written although refused');
      if (code === 0 && !existsSync(out)) fail('exit 0 but nothing written');
      if (/\n\s+at /.test(err.join('\n'))) fail('a stack trace on stderr');
      if (!readFileSync(input).equals(copy)) fail('the input file changed');
      rmSync(input, { force: true });
      rmSync(out, { force: true });
    }
  }
  const seconds = (performance.now() - started) / 1000;
  rmSync(dir, { recursive: true, force: true });
  const byCode = [...refusals].sort((a, b) => b[1] - a[1]).map(([c, n]) => `${c} ${n}`).join(', ');
  process.stdout.write(
    `file fuzzer, seed ${SEED}: ${cases.length} cases (${[...levels].map(([l, n]) => `${l} ${n}`).join(', ')}) in ${seconds.toFixed(1)} s; ` +
      `read ${accepted}, refused ${cases.length - accepted} (${byCode}); through the command ${commands}; failures ${failures.length}\n`,
  );
  const shown = failures.slice(0, 5).map((f) => `case ${f.i} (QUY_HOACH_FUZZ_SEED=${SEED} QUY_HOACH_FUZZ_CASE=${f.i}) ${f.mutation}: ${f.problem.slice(0, 600)}`);
  expect(shown).toEqual([]);
});
