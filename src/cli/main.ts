import { existsSync, readFileSync, realpathSync, statSync } from 'fs';
import { basename, dirname, extname, join, resolve } from 'path';
import { parseArgs } from 'util';
import { applyPlan } from '../hosts/xlsx/apply';
import { useNodeZlib } from '../hosts/xlsx/node-zlib';
import { LIMITS } from '../hosts/xlsx/limits';
import { readXlsx, WorkbookRefused } from '../hosts/xlsx/read';
import { describeDiagnostic, describeInference, describeRead, describeSaved, messages, outcomeCounts, type Lang } from '../i18n';
import { DEFAULT_PROFILE, isIsoDate, loadProfile, type Diagnostic, type ProcedureId, type RuleProfile } from '../rules';
import { diagnosticJson, runJson, runPipeline, type RunRequest } from '../workbook/pipeline';
import { workbookDiagnostic, type WorkbookCode } from '../workbook/codes';
import { WriteFailed, writeAtomic } from './write';
import { effectiveSettings, readSettings, type RunSettings } from '../workbook/bookkeeping/settings';
import { planUndo } from '../workbook/bookkeeping/undo';

/** `quy-hoach run <workbook.xlsx> [options]`: the whole pipeline on an .xlsx file (ExcelJS host). */

// Node's zlib inflates the parts the package check reads (bounded, as the browser's stream is) and deflates the undo record.
useNodeZlib();

const PROCEDURES: ProcedureId[] = ['next-term', 'annual-local', 'annual-external'];

class UsageError extends Error {}

/** The command's exit codes (README, --help). */
export const EXIT = {
  /** The results (or the undo) written. */
  written: 0,
  /** The workbook has errors, or the file cannot be read: nothing written. */
  refused: 1,
  /** The command was misused (options, --out on the input, an output that exists): nothing done. */
  usage: 2,
  /** Writing the output failed (disk full, size limit, permissions): the original is as it was. */
  writeFailed: 3,
  /** A bug of the program (EX_SOFTWARE): the message says so, the trace follows for the report. */
  bug: 70,
} as const;

/** Stops the command with a coded diagnostic and an exit code, nothing written. */
class Stop extends Error {
  constructor(
    readonly diagnostic: Diagnostic,
    readonly exit: number,
  ) {
    super(diagnostic.code);
  }
}

const stop = (code: WorkbookCode, params: Diagnostic['params'], exit: number): never => {
  throw new Stop(workbookDiagnostic(code, params), exit);
};

/** The same file, whatever the spelling (., .., symbolic links, hard links); `b` may not exist yet. */
function sameFile(a: string, b: string): boolean {
  try {
    if (existsSync(b)) {
      const [x, y] = [statSync(a), statSync(b)];
      return x.dev === y.dev && x.ino === y.ino;
    }
    return realpathSync(a) === join(realpathSync(dirname(b)), basename(b));
  } catch {
    return false;
  }
}

/** An .xlsx file's workbook, or a Stop with the coded reason the file is refused. */
async function readInput(input: string) {
  // Too large to take into memory at all: refused by its size alone.
  const size = statSync(input).size;
  if (size > LIMITS.fileBytes) stop('E-FILE-TOO-LARGE', { what: 'file', limit: LIMITS.fileBytes, actual: size }, EXIT.refused);
  const bytes = readFileSync(input);
  try {
    return { bytes, ...(await readXlsx(bytes)) };
  } catch (e) {
    if (e instanceof WorkbookRefused) throw new Stop(e.diagnostic, EXIT.refused);
    throw e;
  }
}

/** The plan patched into the file's bytes, or a Stop where a part cannot be patched (nothing written). */
async function patched(bytes: Uint8Array, plan: Parameters<typeof applyPlan>[1]): Promise<Uint8Array> {
  try {
    return await applyPlan(bytes, plan);
  } catch (e) {
    if (e instanceof WorkbookRefused) throw new Stop(e.diagnostic, EXIT.refused);
    throw e;
  }
}

/** The workbook written to `target` atomically (src/cli/write.ts), or a Stop saying why not. */
async function writeOutput(target: string, bytes: Uint8Array): Promise<void> {
  try {
    writeAtomic(target, bytes);
  } catch (e) {
    if (e instanceof WriteFailed) stop('E-WRITE-FAILED', { file: e.file, reason: e.code }, EXIT.writeFailed);
    throw e;
  }
}

function whole(name: string, v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new UsageError(`--${name} ${v}`);
  return Number(v);
}

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** The machine's local date and time, 'YYYY-MM-DDTHH:MM', for the audit log. */
function localNow(): string {
  const d = new Date();
  const two = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}T${two(d.getHours())}:${two(d.getMinutes())}`;
}

/** `quy-hoach undo <workbook.xlsx>`: the last run's parts out, what they replaced back in. */
async function undo(input: string, written: string, lang: Lang, io: Io, json: boolean): Promise<number> {
  const m = messages(lang);
  const { bytes, snapshot } = await readInput(input);
  const outcome = planUndo(snapshot, { lang, now: localNow() });
  const plan = outcome.ok ? outcome.plan : undefined;
  if (plan) await writeOutput(written, await patched(bytes, plan));
  const done = plan ? written : undefined;
  if (json) io.out(JSON.stringify({ command: 'undo', ok: Boolean(done), diagnostics: outcome.diagnostics.map((d) => diagnosticJson(d, lang)), output: done ?? null }, null, 2));
  else {
    for (const d of outcome.diagnostics) io.err(`${m.severity[d.severity]} ${d.code}: ${describeDiagnostic(d, lang)}`);
    io.out(done ? m.cli.undone(done) : m.cli.nothingWritten);
  }
  return done ? EXIT.written : EXIT.refused;
}

/** What node's parseArgs refused, in the user's words: an option there is none of, an option without its value. */
function argsProblem(e: Error & { code?: string }, lang: Lang): string {
  const m = messages(lang);
  const option = /'(-{1,2}[^'\s]+)/.exec(e.message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return m.cli.unknownOption(option);
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return m.cli.optionValue(option);
  return e.message;
}

/** `--column votes=E`, `--column removal=F`: the vote columns chosen on the vote sheet, where several could be. */
function columnChoice(given: string[] | undefined): RunRequest['voteColumns'] {
  if (!given?.length) return undefined;
  const out: NonNullable<RunRequest['voteColumns']> = {};
  for (const g of given) {
    const m = /^(votes|agree|removal|removeAgree)=([A-Za-z]{1,3})$/.exec(g.trim());
    if (!m) throw new UsageError(`--column ${g}`);
    out[m[1] === 'votes' || m[1] === 'agree' ? 'agree' : 'removeAgree'] = m[2].toUpperCase();
  }
  return out;
}

const stdio: Io = { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) };

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  let lang: Lang = 'vi';
  let json = false;
  /** The procedure given (--procedure), for the JSON of a run that stopped before any was known. */
  let procedure: ProcedureId | undefined;
  let input: string | undefined;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        procedure: { type: 'string' },
        step: { type: 'string' },
        roster: { type: 'string' },
        votes: { type: 'string' },
        candidates: { type: 'string' },
        column: { type: 'string', multiple: true },
        convened: { type: 'string' },
        present: { type: 'string' },
        quota: { type: 'string' },
        'term-start': { type: 'string' },
        profile: { type: 'string' },
        out: { type: 'string' },
        'in-place': { type: 'boolean' },
        force: { type: 'boolean' },
        save: { type: 'boolean' },
        json: { type: 'boolean' },
        lang: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.lang !== undefined) {
      if (values.lang !== 'vi' && values.lang !== 'en') throw new UsageError(`--lang ${values.lang}`);
      lang = values.lang;
    }
    json = Boolean(values.json);
    const m = messages(lang);
    if (values.help) {
      io.out(m.cli.usage);
      return 0;
    }
    const [command, file, ...rest] = positionals;
    if (command === undefined && !json) {
      // The bare command: how to use it.
      io.err(m.cli.usage);
      return EXIT.usage;
    }
    if (command !== undefined && command !== 'run' && command !== 'undo') throw new UsageError(m.cli.unknownCommand(command));
    if (!file) throw new UsageError(m.cli.noWorkbook);
    if (rest.length) throw new UsageError(m.cli.tooMany(rest.join(' ')));
    if (values.out && values['in-place']) throw new UsageError('--out / --in-place');
    input = resolve(file);
    // The default output keeps the input's extension: a macro-enabled workbook (.xlsm) stays one.
    const ext = /^\.xls[xm]$/i.test(extname(input)) ? extname(input) : '.xlsx';
    const out = values['in-place'] ? input : resolve(values.out ?? join(dirname(input), `${basename(input, extname(input))}.ket-qua${ext}`));
    // The output is the same kind of package as the input: Excel will not open a macro-enabled one named .xlsx, nor any under .csv.
    if (!values['in-place'] && extname(out).toLowerCase() !== ext.toLowerCase()) throw new UsageError(m.cli.outExtension(out, ext.toLowerCase()));
    if (values.procedure !== undefined && !PROCEDURES.includes(values.procedure as ProcedureId)) throw new UsageError(`--procedure ${values.procedure}`);
    if (values.procedure) procedure = values.procedure as ProcedureId;
    if (!existsSync(input)) throw Object.assign(new Error(input), { code: 'ENOENT', path: input });
    // The original is written only on --in-place; an existing output only on --force.
    if (!values['in-place'] && sameFile(input, out)) stop('E-OUT-IS-INPUT', { file: out }, EXIT.usage);
    if (!values['in-place'] && !values.force && existsSync(out)) stop('E-OUT-EXISTS', { file: out }, EXIT.usage);
    if (command === 'undo') return await undo(input, out, lang, io, json);
    const termStart = values['term-start'];
    if (termStart !== undefined && !isIsoDate(termStart)) throw new UsageError(`--term-start ${termStart}`);
    const step = whole('step', values.step);
    const convened = whole('convened', values.convened);
    const present = whole('present', values.present);
    const quota = whole('quota', values.quota);
    const voteColumns = columnChoice(values.column);

    let profile: RuleProfile | undefined;
    if (values.profile) {
      const loaded = loadProfile(readFileSync(values.profile, 'utf8'));
      if (!loaded.ok) {
        io.err(m.cli.badProfile(values.profile));
        for (const i of loaded.issues) io.err(`  ${i.path || '(root)'}: ${i.expected}`);
        return EXIT.usage;
      }
      profile = loaded.profile;
    }

    const { bytes, snapshot } = await readInput(input);
    // The settings saved in the workbook stand for the options not given (src/workbook/bookkeeping/settings.ts).
    const saved = readSettings(snapshot);
    const damaged = saved.diagnostics.find((d) => d.severity === 'error');
    const explicit: RunSettings = {
      procedure: values.procedure as ProcedureId | undefined,
      step,
      rosterSheet: values.roster,
      votesSheet: values.votes,
      candidatesSheet: values.candidates,
      quota,
      termStart,
      profile,
    };
    const s = effectiveSettings(snapshot, saved.settings, explicit, { convened, present });
    if (s.used.length) (values.json ? io.err : io.out)(m.cli.savedSettings(describeSaved(s.used, lang)));
    const request = {
      now: localNow(),
      procedure: s.procedure,
      step: s.settings.step,
      rosterSheet: s.settings.rosterSheet,
      votesSheet: s.settings.votesSheet,
      candidatesSheet: s.settings.candidatesSheet,
      columns: s.settings.columns,
      profile: s.settings.profile ?? DEFAULT_PROFILE,
      lang,
      overrides: { ...s.numbers, quota: s.settings.quota, termStart: s.settings.termStart },
      saveSettings: values.save,
      ...(voteColumns ? { voteColumns } : {}),
    };
    profile = request.profile;
    let run = runPipeline(snapshot, request);
    if (damaged) {
      // Damaged settings stop the run, unless it saves new ones over them.
      if (values.save) run = { ...run, diagnostics: [workbookDiagnostic('W-SETTINGS-REPLACED', damaged.params, damaged.at), ...run.diagnostics] };
      else run = { ...run, result: undefined, plan: undefined, ok: false, diagnostics: [damaged, ...run.diagnostics] };
    }

    let written: string | undefined;
    if (run.ok && run.plan) {
      await writeOutput(out, await patched(bytes, run.plan));
      written = out;
    }

    if (values.json) {
      io.out(JSON.stringify({ ...runJson(run, lang, profile), output: written ?? null }, null, 2));
    } else {
      // What was inferred and why, then what was read: a line per sheet.
      const inferred = describeInference(run.inferred, run.procedure, run.step, lang);
      if (inferred) io.out(inferred);
      for (const line of describeRead(run.parsed.read, lang)) io.out(line);
      const c = run.result?.conference;
      if (c) io.out(m.cli.conference(c));
      const counts = outcomeCounts(run.result?.people ?? [], lang);
      if (counts) io.out(`${m.cli.counts}: ${counts}`);
      for (const d of run.diagnostics) (d.severity === 'error' ? io.err : io.out)(`${m.severity[d.severity]} ${d.code}: ${describeDiagnostic(d, lang)}`);
      io.out(written ? m.cli.written(written) : m.cli.nothingWritten);
    }
    return run.ok ? EXIT.written : EXIT.refused;
  } catch (e) {
    // parseArgs may have refused the line before --lang was read: look for it as typed.
    const typedLang = argv.find((a, i) => a.startsWith('--lang=') || argv[i - 1] === '--lang')?.replace('--lang=', '');
    if (typedLang === 'en' || typedLang === 'vi') lang = typedLang;
    const m = messages(lang);
    // A coded stop: the file refused, the output refused, the write failed. The run's JSON shape, output null.
    const report = (d: Diagnostic, exit: number) => {
      if (json) io.out(JSON.stringify({ ...runJson({ procedure: procedure ?? 'next-term', step: 0, inferred: {}, read: { sheets: [] }, parsed: { owned: [], diagnostics: [], read: { sheets: [] } }, diagnostics: [d], ok: false }, lang), procedure: procedure ?? null, step: null, output: null }, null, 2));
      else {
        io.err(`${m.severity[d.severity]} ${d.code}: ${describeDiagnostic(d, lang)}`);
        if (exit === EXIT.refused) io.err(m.cli.nothingWritten);
      }
    };
    if (e instanceof Stop) {
      report(e.diagnostic, e.exit);
      return e.exit;
    }
    // Wrong usage (exit 2): said in words, with --json as the run's JSON too (E-USAGE). --json is
    // looked for in argv as well: parseArgs may have refused the line before it was read.
    const code = (e as { code?: string }).code ?? '';
    const path = input ?? (e as { path?: string }).path ?? '';
    const why =
      e instanceof UsageError ? e.message
      : code.startsWith('ERR_PARSE_ARGS') ? argsProblem(e as Error, lang)
      : code === 'EISDIR' ? m.cli.isFolder(path)
      : ['ENOENT', 'EACCES', 'EPERM'].includes(code) ? m.cli.noFile(path)
      : undefined;
    if (why !== undefined) {
      if (json || argv.includes('--json')) {
        json = true;
        report(workbookDiagnostic('E-USAGE', { why }), EXIT.usage);
      } else {
        io.err(m.cli.badUsage(why));
        io.err(m.cli.seeHelp);
      }
      return EXIT.usage;
    }
    // Anything else is the program's own fault: said so, with the trace for the report.
    report(workbookDiagnostic('E-INTERNAL', {}), EXIT.bug);
    io.err(`${m.cli.bugTrace}\n${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return EXIT.bug;
  }
}
