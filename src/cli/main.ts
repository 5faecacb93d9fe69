import { readFileSync, writeFileSync } from 'fs';
import { basename, dirname, extname, join, resolve } from 'path';
import { parseArgs } from 'util';
import { applyPlan } from '../hosts/xlsx/apply';
import { readXlsx } from '../hosts/xlsx/read';
import { describeDiagnostic, describeSaved, messages, outcomeCounts, type Lang } from '../i18n';
import { DEFAULT_PROFILE, isIsoDate, loadProfile, type ProcedureId, type RuleProfile } from '../rules';
import { runJson, runPipeline } from '../workbook/pipeline';
import { workbookDiagnostic } from '../workbook/codes';
import { effectiveSettings, readSettings, type RunSettings } from '../workbook/bookkeeping/settings';
import { planUndo } from '../workbook/bookkeeping/undo';

/** `quy-hoach run <workbook.xlsx> [options]`: the whole pipeline on an .xlsx file (ExcelJS host). */

const PROCEDURES: ProcedureId[] = ['next-term', 'annual-local', 'annual-external'];

class UsageError extends Error {}

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
async function undo(input: string, target: () => string, lang: Lang, io: Io): Promise<number> {
  const m = messages(lang);
  const bytes = readFileSync(input);
  const { snapshot } = await readXlsx(bytes);
  const outcome = planUndo(snapshot, { lang, now: localNow() });
  for (const d of outcome.diagnostics) io.err(`${m.severity[d.severity]} ${d.code}: ${describeDiagnostic(d, lang)}`);
  if (!outcome.ok || !outcome.plan) {
    io.out(m.cli.nothingWritten);
    return 1;
  }
  const out = await applyPlan(bytes, outcome.plan);
  const written = target();
  writeFileSync(written, out);
  io.out(m.cli.undone(written));
  return 0;
}

const stdio: Io = { out: (s) => process.stdout.write(`${s}\n`), err: (s) => process.stderr.write(`${s}\n`) };

export async function main(argv: string[], io: Io = stdio): Promise<number> {
  let lang: Lang = 'vi';
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
        convened: { type: 'string' },
        present: { type: 'string' },
        quota: { type: 'string' },
        'term-start': { type: 'string' },
        profile: { type: 'string' },
        out: { type: 'string' },
        'in-place': { type: 'boolean' },
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
    const m = messages(lang);
    if (values.help) {
      io.out(m.cli.usage);
      return 0;
    }
    const [command, file, ...rest] = positionals;
    if ((command !== 'run' && command !== 'undo') || !file || rest.length) throw new UsageError(positionals.join(' ') || '—');
    if (values.out && values['in-place']) throw new UsageError('--out / --in-place');
    const input = resolve(file);
    // The default output keeps the input's extension: a macro-enabled workbook (.xlsm) stays one.
    const ext = /^\.xls[xm]$/i.test(extname(input)) ? extname(input) : '.xlsx';
    const target = (): string => (values['in-place'] ? input : resolve(values.out ?? join(dirname(input), `${basename(input, extname(input))}.ket-qua${ext}`)));
    if (command === 'undo') return await undo(input, target, lang, io);
    if (values.procedure !== undefined && !PROCEDURES.includes(values.procedure as ProcedureId)) throw new UsageError(`--procedure ${values.procedure}`);
    const termStart = values['term-start'];
    if (termStart !== undefined && !isIsoDate(termStart)) throw new UsageError(`--term-start ${termStart}`);
    const step = whole('step', values.step);
    const convened = whole('convened', values.convened);
    const present = whole('present', values.present);
    const quota = whole('quota', values.quota);

    let profile: RuleProfile | undefined;
    if (values.profile) {
      const loaded = loadProfile(readFileSync(values.profile, 'utf8'));
      if (!loaded.ok) {
        io.err(m.cli.badProfile(values.profile));
        for (const i of loaded.issues) io.err(`  ${i.path || '(root)'}: ${i.expected}`);
        return 2;
      }
      profile = loaded.profile;
    }

    const bytes = readFileSync(input);
    const { snapshot } = await readXlsx(bytes);
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
      const out = await applyPlan(bytes, run.plan);
      written = target();
      writeFileSync(written, out);
    }

    if (values.json) {
      io.out(JSON.stringify({ ...runJson(run, lang, profile), output: written ?? null }, null, 2));
    } else {
      const c = run.result?.conference;
      if (c) io.out(m.cli.conference(c));
      const counts = outcomeCounts(run.result?.people ?? [], lang);
      if (counts) io.out(`${m.cli.counts}: ${counts}`);
      for (const d of run.diagnostics) (d.severity === 'error' ? io.err : io.out)(`${m.severity[d.severity]} ${d.code}: ${describeDiagnostic(d, lang)}`);
      io.out(written ? m.cli.written(written) : m.cli.nothingWritten);
    }
    return run.ok ? 0 : 1;
  } catch (e) {
    const m = messages(lang);
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(m.cli.badUsage((e as Error).message));
      io.err(m.cli.usage);
      return 2;
    }
    if ((e as { code?: string }).code === 'ENOENT' || (e as { code?: string }).code === 'EISDIR') {
      io.err(m.cli.badUsage(m.cli.noFile((e as { path?: string }).path ?? '')));
      return 2;
    }
    throw e;
  }
}
