import { formatDate, formulaOf, joinNames, list, ratio, sheetName } from './format';
import type { Messages } from './messages';
import { fileMessagesEn } from './file';
import { workbenchEn } from './workbench';
import { printViewEn } from './print-view';
import { readerDiagnosticsEn, readerEn } from './reader';
import { columnMapEn, columnOf, fieldGroups } from './column-map';

/** English — used when Office's display language is not Vietnamese. */
export const en: Messages = {
  workbench: workbenchEn,
  printView: printViewEn,
  columnMap: columnMapEn,
  reader: readerEn,
  lang: 'en',
  appName: 'Cadre Planning',
  outcomes: {
    pass: 'Pass',
    fail: 'Fail',
    selected: 'Selected',
    'passed-not-selected': 'Passed, beyond the quota',
    'awaiting-head': "Awaiting the head's decision",
    removed: 'Removed from planning',
    kept: 'Kept in planning',
    eligible: 'Eligible',
    ineligible: 'Not eligible',
  },
  bases: { present: 'of those present', convened: 'of those convened' },
  rules: {
    QUORUM: 'Conference quorum',
    N30: 'Nomination at the staff conference',
    RM50: 'Removal from planning',
    L50: 'Leadership vote',
    L50C: 'Leadership vote (external source)',
    TOP: 'Top vote-getters down to the quota',
    TIE: 'Equal votes',
    ANNOUNCE: 'Announcing the count',
    ELIG: 'Standards and conditions',
    STRUCT: 'Share of young and women cadres',
    GAP: 'Titles lacking a source',
    CONSULT: "Consulting the person's agency",
    COMPOSE: 'Conference composition',
    INPUT: 'Input data',
  },
  clause: (c) => `clause ${c}`,
  ruleRef: (rule, clause) => `rule ${rule}, clause ${clause}`,
  procedures: {
    'next-term': 'Next-term planning (on-site source)',
    'annual-local': 'Annual review — on-site source',
    'annual-external': 'Annual review — external source',
  },
  steps: {
    'next-term:1': 'Step 1: Review of cadres meeting the standards',
    'next-term:2': 'Step 2: Conference of cadres, civil servants and public employees',
    'next-term:3': 'Step 3: Leadership conference',
    'annual-local:1': 'Step 1: Staff conference (removal and nomination)',
    'annual-local:2': 'Step 2: Leadership conference',
    'annual-external:1': 'Step 1: Preparing and identifying the source',
    'annual-external:2': 'Step 2: Leadership conference (first)',
    'annual-external:3': "Step 3: Meeting the person and consulting their agency",
    'annual-external:4': 'Step 4: Leadership conference (second)',
  },
  comparison: { gt: 'more than', ge: 'at least' },
  explain: {
    threshold: (f) => `${f.verdict}: ${f.numerator}/${f.base} = ${f.percent} ${f.op} ${f.threshold} ${f.baseName}`,
    top: (f) => (f.within ? `ranked ${f.rank}, within the quota of ${f.quota}` : `ranked ${f.rank}, beyond the quota of ${f.quota}`),
    tie: (f) => `${f.count} people with ${f.votes} votes each for ${f.seats} remaining place(s)`,
    decision: (d) => `decided by the head (${d.by}) on ${d.on}`,
    age: (f) =>
      `${f.met ? 'Age allows' : 'Age does not allow'} a full term: retires on ${f.retirementDate}, ${f.monthsRemaining} months of work from ${f.termStart} (needs ${f.requiredMonths}, to ${f.termEnd})`,
    criterion: (f) =>
      f.missing ? `${f.label}: no data (requires ${f.required})` : `${f.label}: ${f.value ?? '—'} — ${f.met ? 'met' : 'not met'} (requires ${f.required})`,
  },
  criteria: {
    age: 'Age',
    birth: 'Birth date',
    gender: 'Gender',
    training: 'Professional training',
    politicalTheory: 'Political theory',
    ratings: 'Annual ratings',
    discipline: 'Discipline',
  },
  fields: {
    convened: 'people convened',
    present: 'people present',
    agree: 'agree votes',
    removeAgree: 'votes to remove from planning',
    'ballots.issued': 'ballots issued',
    'ballots.returned': 'ballots returned',
    'ballots.valid': 'valid ballots',
    'ballots.invalid': 'invalid ballots',
  },
  consultSteps: {
    metOn: 'meeting the person',
    letterSentOn: 'letter to the agency',
    opinionReceivedOn: "agency's opinion",
    dossierReceivedOn: 'dossier',
  },
  diagnostics: {
    'E-QUORUM': (p) => `The conference is not valid: ${p.present} of ${p.convened} present, at least ${p.required} needed (${p.num}/${p.den} of those convened). No results.`,
    'E-COUNT-NOT-WHOLE': (p) => `“${p.value}” is not a whole number ≥ 0 (${field(String(p.field))}${p.name ? ` of ${p.name}` : ''}).`,
    'E-PRESENT-GT-CONVENED': (p) => `People present (${p.present}) exceed people convened (${p.convened}).`,
    'E-AGREE-GT-PRESENT': (p) => `${p.name}: ${p.agree} agree votes exceed the ${p.present} people present.`,
    'E-BALLOTS-SUM': (p) => `Valid (${p.valid}) + invalid (${p.invalid}) ballots differ from ballots returned (${p.returned}).`,
    'E-BALLOTS-RETURNED-GT-ISSUED': (p) => `Ballots returned (${p.returned}) exceed ballots issued (${p.issued}).`,
    'E-BALLOTS-ISSUED-GT-PRESENT': (p) => `Ballots issued (${p.issued}) exceed people present (${p.present}).`,
    'E-DUPLICATE-ROW': (p) => `${p.name} has two rows for the title “${p.title}”${p.firstCell ? ` (the first at ${p.firstCell})` : ''}.`,
    'E-REMOVAL-NOT-IN-PLANNING': (p) => `${p.name} is not in planning for “${p.title}”, so cannot be voted out of it.`,
    'E-TERM-START-MISSING': () => 'The planning term start date is missing: it is needed to compute retirement ages.',
    'E-CONFERENCE-MISSING': () => 'The numbers of people convened and present are missing.',
    'E-STEP-UNKNOWN': (p) => `Procedure “${p.procedure}” has no step ${p.step}.`,
    'E-DECISION-NO-TIE': (p) => `Title “${p.title}” has no tie for the head to decide, yet a decision chooses ${list(p.chosen)}.`,
    'E-DECISION-NOT-IN-TIE': (p) => `The head's decision for “${p.title}” chooses ${list(p.chosen)}, who are not in the tie (${list(p.tied)}).`,
    'E-DECISION-TOO-MANY': (p) => `The head's decision for “${p.title}” chooses ${p.chosen} people for ${p.seats} place(s).`,
    'W-DECISION-FEWER': (p) => `The head's decision for “${p.title}” chooses ${p.chosen} people for ${p.seats} place(s).`,
    'W-ELIG-NO-BIRTH': (p) => `${p.name}: birth date missing; retirement age unknown.`,
    'W-ELIG-NO-GENDER': (p) => `${p.name}: gender missing; retirement age unknown.`,
    'W-ELIG-NO-COLUMN': (p) => `The list has no “${en.criteria[String(p.criterion)] ?? p.criterion}” column: that standard was not checked.`,
    'W-STRUCT-YOUNG': (p) => `Title “${p.title}”: young cadres (under ${p.age}) ${p.young}/${p.count}, below the ${ratio(p)} target.`,
    'W-STRUCT-WOMEN': (p) => `Title “${p.title}”: women ${p.women}/${p.count}, below the ${ratio(p)} target.`,
    'W-STRUCT-TITLES-PER-PERSON': (p) => `${p.name} is selected for ${p.count} titles (${list(p.titles)}), more than ${p.max} at the same level.`,
    'W-GAP-SHORTFALL': (p) => `Title “${p.title}”: ${p.quota} needed, ${p.have} eligible in planning, ${p.shortfall} short.`,
    'W-CONSULT-INCOMPLETE': (p) => `${p.name}: consultation incomplete (${list(p.missing, (k) => en.consultSteps[k] ?? k)}).`,
    'W-CONSULT-DISAGREE': (p) => `${p.name}: the current agency does not agree.`,
    'W-APPROVAL-MISSING': () => "The date of the leadership's approval of the external list is missing.",
    'E-SHEET-NOT-FOUND': (p) => (p.sheet ? `There is no sheet “${p.sheet}” (${sheetKind(p.kind)}).` : `No ${sheetKind(p.kind)} sheet found: a table with column headers such as “Họ và tên”${p.kind === 'votes' ? ', “Số phiếu đồng ý”' : ''} is needed.`),
    'E-SHEET-AMBIGUOUS': (p) => `Several sheets look like the ${sheetKind(p.kind)} (${list(p.sheets)}): choose one.`,
    'E-NO-TABLE': (p) => `Sheet “${p.sheet}” holds no ${sheetKind(p.kind)} table (no header row found).`,
    'E-NOT-A-NUMBER': (p) => `“${p.value}” is not a number (${en.fields[String(p.field)] ?? p.field}${p.name ? ` of ${p.name}` : ''}).`,
    'E-NAME-MISSING': () => 'A row has figures but no name.',
    'E-NO-MATCH': (p) => `${p.name}${p.birth ? ` (born ${formatDate(String(p.birth), 'en')})` : ''} is not on the roster.`,
    'E-AMBIGUOUS-MATCH': (p) => `${p.name} matches several people on the roster (${list(p.cells)}): add a birth date or a code.`,
    'E-TARGET-NOT-EMPTY': (p) => `The result columns (${p.range}) hold the user's data: nothing is overwritten. Leave the columns right of the table empty.`,
    'E-NO-VOTE-COLUMN': (p) => `Sheet “${p.sheet}” has no agree-votes column for this step.`,
    'E-DECISION-UNSIGNED': (p) => `Title “${p.title}”: people are marked as chosen, but the head's name or the date of the decision (dd/mm/yyyy) is missing.`,
    'E-NOTHING-TO-UNDO': () => 'There is no run to undo (none yet, or the last one was already undone).',
    'E-MAP-FIELD-MISSING': (p) => `Sheet “${p.sheet}”: no column chosen for ${fieldGroups(p, columnMapEn, 'or')}. Choose the columns again (“Choose columns…”).`,
    'E-MAP-SAME-COLUMN': (p) => `Sheet “${p.sheet}”: column${columnOf(p)} is chosen for several items (${fieldGroups(p, columnMapEn, 'or')}); each needs a column of its own.`,
    'E-MAP-COLUMN-EMPTY': (p) => `Sheet “${p.sheet}”: column${columnOf(p)}, chosen for “${columnMapEn.field(String(p.field ?? ''))}”, holds no data below the header row. Choose the column again.`,
    'W-MAP-COLUMN-EMPTY': (p) => `Sheet “${p.sheet}”: column${columnOf(p)}, chosen for “${columnMapEn.field(String(p.field ?? ''))}”, is empty; that item is not read.`,
    'E-SETTINGS-DAMAGED': (p) =>
      `The settings saved in the workbook are damaged (hidden sheet “${p.sheet}”${p.problem ? `: ${p.problem}` : ''}): not run. Run again with --save to replace them.`,
    'E-SHEET-NAME-TAKEN': (p) => `The workbook already has a sheet “${p.sheet}” of the user's: it is not overwritten. Rename that sheet.`,
    'W-BAD-DATE': (p) => `${p.name}: “${p.value}” is not a date (dd/mm/yyyy).`,
    'W-BAD-GENDER': (p) => `${p.name}: gender “${p.value}” is unclear (Nam/Nữ).`,
    'W-BAD-MARK': (p) => `${p.name}: “${p.value}” is neither yes nor no.`,
    'W-COUNT-BLANK': (p) => `${p.name}: the vote count is blank; not counted.`,
    'W-NO-ROSTER': (p) => `No roster: the people in “${p.sheet}” are taken as that sheet lists them.`,
    'W-SETTINGS-REPLACED': (p) => `The saved settings are damaged (hidden sheet “${p.sheet}”): not used, replaced by this run's.`,
    ...fileMessagesEn,
    'E-UNDO-DAMAGED': (p) => `The undo record in the workbook is damaged (hidden sheet “${p.sheet}”${p.problem ? `: ${p.problem}` : ''}): nothing can be undone. The next run writes a new record over it.`,
    'E-UNDO-TOO-LARGE': (p) =>
      `This run's undo record is too large (${Number(p.size).toLocaleString('en-US')} characters, at most ${Number(p.cap).toLocaleString('en-US')}): nothing written, since that record could not be read back to undo the run. Split the list into smaller workbooks.`,
    'W-UNDO-REPLACED': (p) => `The undo record is damaged (hidden sheet “${p.sheet}”): replaced by this run's; the run before can no longer be undone.`,
    'W-NO-VOTES': () => 'There are no vote rows.',
    ...readerDiagnosticsEn,
    'W-LEFT-UNUSED': (p) =>
      `Sheet “${p.sheet}”${p.column ? `, column ${p.column}` : ''}: ${p.what === 'removal-column' ? `votes to remove from planning — they belong to step 1 of “${en.procedures['annual-local']}” (II.1)` : `external candidates — they belong to “${en.procedures['annual-external']}” (II.2)`}; not used by the step run (${en.procedures[p.procedure as 'next-term'] ?? p.procedure}, step ${p.step}). Choose that procedure and step to use them.`,
  },
  columns: { percent: 'Share (%)', outcome: 'Result', rank: 'Rank', removalPercent: 'Removal share (%)', removalOutcome: 'Removal result', forTitle: (label, title) => `${label} — ${title}` },
  sheets: {
    shortlist: (procedure, step) => sheetName('KQ', procedure, step),
    announced: 'VOTE COUNT RESULTS',
    notAnnounced: 'VOTE COUNT RESULTS — NOT ANNOUNCED AT THE CONFERENCE',
    notAnnouncedNote: 'Reported to the leadership; not announced at the conference (Phụ lục 12, Note).',
    conference: (c) => `Convened: ${c.convened}; present: ${c.present}; the conference is ${c.quorate ? 'valid' : 'not valid'} (at least ${c.required} needed).`,
    title: (t, quota) => `Title: ${t || '—'}${quota ? ` (quota ${quota})` : ''}`,
    quotaLine: (quota) => `— End of the quota of ${quota} —`,
    columns: ['Rank', 'Name', 'Born', 'Gender', 'Current post', 'Votes', 'Share (%)', 'Result'],
    genders: { male: 'Male', female: 'Female' },
    footer: 'Page &P/&N',
    decisionColumn: "Head's decision",
    decidedBy: 'Head (full name):',
    decidedOn: 'Date of decision:',
    decisionHint: 'Tied at the quota line: the head marks “x” against each person chosen, writes their name and the date, then runs again.',
    decided: (d) => `Tied at the quota line: on ${d.on} the head (${d.by}) chose ${joinNames(d.chosen, 'and')}; recorded on the sheet “${d.record}”.`,
    chosenMark: 'x',
  },
  decidedOutcome: (outcome) => `${outcome} (head’s decision)`,
  decisionRecord: {
    sheet: (procedure, step) => sheetName('QĐ', procedure, step),
    title: 'RECORD OF THE HEAD’S DECISION',
    subtitle: 'Choice among people with equal votes at the quota line',
    place: (date) => `……, ${date ? longDate(date) : '…… / …… / ……'}`,
    basis: (b) => [
      `Under Phụ lục 12, clause ${b.clause}: “Where two or more people have equal votes above 50%, the head considers and decides whom to choose.”;`,
      `On the vote-count minutes of the conference (sheet “${b.minutes}”),`,
    ],
    intro: (decided) => (decided ? 'The head has considered and chosen as follows:' : 'The head considers and chooses as follows (write “Chosen” against each person chosen):'),
    tie: (t) => `${t.index}. Title ${t.title}: ${t.count} people with ${t.votes} votes each for ${t.seats} remaining place(s)`,
    columns: ['No.', 'Full name', 'Born', 'Votes in\nfavour', 'Decision'],
    chosen: 'Chosen',
    notChosen: 'Not chosen',
    decidedBy: (by, on) => `The head: ${by ?? '…………………………'}; date of decision: ${on ?? '…… / …… / ……'}.`,
    signer: 'THE HEAD',
    sign: '(Signature, full name)',
    fingerprint: (hex) => `Data check code of the count (SHA-256): ${hex}`,
    none: 'This count has no tie at the quota line: no decision of the head is needed.',
  },
  audit: {
    sheet: 'Nhật ký Quy Hoạch',
    heading: 'RUN LOG',
    note: 'One row per run or undo. The check code (SHA-256) is computed over the values of the sheets read and the count’s settings (not the head’s decision); the same code at the foot of the minutes means the printout matches the data.',
    columns: ['No.', 'When', 'Action', 'Procedure, step', 'Rule profile and settings', 'Sheets read', 'Check code (SHA-256)', 'Results'],
    run: 'Run',
    undo: 'Undo the last run',
    changed: (path, from, to) => `${path}: ${from} → ${to}`,
    convened: (n) => `convened ${n} (typed in)`,
    present: (n) => `present ${n} (typed in)`,
    quota: (q) => `quota ${q}`,
    termStart: (d) => `term from ${d}`,
    decision: (title, by, on, chosen) => `head's decision (${title}): ${chosen} — ${by}, ${on}`,
    record: 'Record for undoing the last run — kept by Quy Hoạch, please do not edit.',
    savedSettings: 'Settings saved for the next runs — kept by Quy Hoạch, please do not edit.',
  },
  cli: {
    usage: `Usage: quy-hoach run <workbook.xlsx> [options]
       quy-hoach undo <workbook.xlsx> [--out FILE.xlsx | --in-place]   undo the last run

Options:
  --procedure next-term|annual-local|annual-external   procedure (default: inferred from the workbook)
  --step N              step of the procedure (default: inferred from the sheets found)
  --roster SHEET        the roster sheet
  --votes SHEET         the vote-count sheet
  --candidates SHEET    the external candidates sheet
  --column votes=COL    the agree-votes column, where several columns could be (e.g. --column votes=E)
  --column removal=COL  the column of the votes to remove from planning
  --convened N          people convened (over the workbook's figure)
  --present N           people present (over the workbook's figure)
  --quota N             people per title (default from the profile)
  --term-start YYYY-MM-DD  first day of the planning term
  --profile FILE.json   a rule profile other than the default
  --save                save this run's settings in the output workbook (hidden sheet QuyHoach_CaiDat);
                        later runs use them for the options not given on the command line
  --out FILE.xlsx       the output file (default: <name>.ket-qua.xlsx beside the input); never the input
  --in-place            write into the input file itself
  --force               overwrite an output file that exists (otherwise: stop, nothing overwritten)
  --json                print the result as JSON
  --lang vi|en          language
  --help                this help

Files are written safely: to a temporary file in the same folder, flushed to the disk, then renamed;
a write that fails leaves the old file as it was.

Exit codes: 0 written; 1 the workbook has errors or the file cannot be read (nothing written);
            2 wrong usage (--out naming the input, an output that exists without --force);
            3 the file could not be written (disk full, size limit, permissions; the original is as it was);
            70 a bug of the program (please report it).`,
    badUsage: (why) => `Wrong usage: ${why}`,
    unknownOption: (option) => `there is no option ${option}`,
    optionValue: (option) => `the option ${option} needs a value`,
    seeHelp: 'How to use it: quy-hoach --help',
    noWorkbook: 'the workbook (.xlsx) is missing after the command',
    tooMany: (extra) => `one workbook a run; left over: ${extra} (put a file name with spaces in double quotes)`,
    outExtension: (file, ext) => `the output ${file} must end in ${ext}, as the input does`,
    unknownCommand: (word) => `there is no command “${word}”; write quy-hoach run <workbook.xlsx> to run, quy-hoach undo <workbook.xlsx> to undo`,
    written: (file) => `Results written to ${file}`,
    undone: (file) => `The last run was undone, written to ${file}`,
    noFile: (file) => `cannot open the file ${file}`,
    isFolder: (path) => `${path} is a folder, not an .xlsx file`,
    nothingWritten: 'Nothing written: the workbook has errors.',
    bugTrace: 'Technical details (send them with the report):',
    conference: (c) => `Conference: ${c.convened} convened, ${c.present} present — ${c.quorate ? 'valid' : 'not valid'}${c.announced ? '' : ' — NOT ANNOUNCED AT THE CONFERENCE'}`,
    counts: 'Results',
    badProfile: (file) => `The profile ${file} is not valid:`,
    savedSettings: (list) => `Using the settings saved in the workbook: ${list}`,
    saved: {
      procedure: (id) => `procedure ${id}`,
      step: (n) => `step ${n}`,
      sheet: (kind, name) => `${({ roster: 'roster sheet', votes: 'vote-count sheet', candidates: 'external candidates sheet' } as const)[kind]} “${name}”`,
      convened: (n) => `${n} convened`,
      present: (n) => `${n} present`,
      quota: (q) => `quota ${q}`,
      termStart: (d) => `term from ${d}`,
      profile: (name) => `rule profile “${name}”`,
    },
  },
  minutes: {
    sheet: (procedure, step) => sheetName('BB', procedure, step),
    nation: 'SOCIALIST REPUBLIC OF VIETNAM',
    motto: 'Independence - Freedom - Happiness',
    unitBlank: '…………………………',
    title: 'VOTE-COUNT MINUTES',
    opening: (date) => `Today, ${date ? longDate(date) : '…… / …… / ……'}, at ………………………………………, the vote-counting team counted the conference's secret ballots, as follows:`,
    team: ['The vote-counting team:', '1. ……………………………………………… — Head', '2. ……………………………………………… — Member', '3. ……………………………………………… — Member'],
    numbersHeading: 'I. ATTENDANCE AND BALLOTS',
    convened: (n) => `Convened: ${n}.`,
    present: (present, absent) => `Present: ${present}; absent: ${absent}.`,
    quorum: (c) =>
      `${c.present} of ${c.convened} present, ${c.quorate ? '' : 'not '}${c.cmp} ${c.ratio} of those convened (at least ${c.required} needed) — the conference is ${c.quorate ? 'valid' : 'not valid'} (${c.ref}).`,
    ballots: (b) => [
      `Ballots issued: ${b.issued ?? '……'}; returned: ${b.returned ?? '……'}.`,
      `Valid ballots: ${b.valid ?? '……'}; invalid: ${b.invalid ?? '……'}.`,
    ],
    rulesHeading: 'II. RULES APPLIED',
    ref: (clause) => `clause ${clause}, Phụ lục 12`,
    noteRef: 'Note, Phụ lục 12',
    threshold: (r) =>
      r.removal
        ? `- ${r.name}: proposed for removal when ${r.cmp} ${r.ratio} ${r.baseName} (${r.base}) agree, that is ${r.votes} votes or more (${r.ref}).`
        : `- ${r.name}: must reach ${r.cmp} ${r.ratio} ${r.baseName} (${r.base}), that is ${r.votes} votes or more (${r.ref}).`,
    rule: (r) => `- ${r.text.replace(/\.$/, '')} (${r.ref}).`,
    quota: (q) => `Among those who pass, the top vote-getters are taken down to each title's quota: ${q.map((x) => `${x.title || '—'} ${x.quota}`).join('; ')}`,
    tie: (t) =>
      `Title ${t.title || '—'}: ${joinNames(t.names, 'and')} have equal votes ${t.cmp} ${t.ratio} (${t.votes} each) for ${t.seats} remaining place(s); the head is asked to consider and decide (${t.ref}).`,
    resultsHeading: 'III. RESULTS OF THE COUNT',
    part: (removal, base) => `${removal ? 'a) Removal from planning' : 'b) Nomination'} (share ${base})`,
    columns: ['No.', 'Full name', 'Votes in\nfavour', 'Share (%)', 'Result'],
    closing: 'The count ended at …… h …… the same day. These minutes were made in …… copies, read out to the vote-counting team and signed by them.',
    signers: { counter: 'HEAD OF THE\nVOTE-COUNTING TEAM', chair: 'CHAIR OF THE CONFERENCE', sign: '(Signature, full name)' },
    fingerprint: (hex) => `Data check code (SHA-256): ${hex}`,
  },
  report: {
    sheet: (procedure, step) => `${({ 'next-term': 'Rà soát Kế tiếp', 'annual-local': 'Rà soát Hằng năm', 'annual-external': 'Thiếu hụt Nơi khác' } as Record<string, string>)[procedure] ?? `Rà soát ${procedure}`} B${step}`,
    heading: (gap) => (gap ? 'REVIEW OF THE PLANNING SOURCE AND PROPOSED EXTERNAL SOURCE' : 'REVIEW OF CADRES MEETING THE PLANNING STANDARDS'),
    term: (t) =>
      `Planning term ${t.start} to ${t.end}: at least ${t.months} months of service left before retirement age (Decree 135/2020); young means under ${t.age} on ${t.start}.`,
    summary: (gap) => (gap ? 'I. TITLES LACKING A SOURCE' : 'I. NUMBERS AND COMPOSITION BY TITLE'),
    summaryColumns: (t) => [
      'Title',
      'Quota',
      t.gap ? 'In planning, still eligible' : 'Eligible',
      t.gap ? 'Shortfall, to fill from outside' : 'Not eligible',
      `Women (target ${t.women} or more)`,
      `Young, under ${t.age} (target ${t.young} or more)`,
    ],
    share: (count, percent) => `${count} (${percent})`,
    belowTarget: (target) => `below ${target}`,
    needed: (n) => `${n} more needed`,
    targetsNote: (gap) =>
      `The shares of women and young cadres are targets to strive for: a title below target is marked “below” as a warning, and nobody is left off the list${gap ? '; “more needed” is counted on the quota' : ''}.`,
    ineligible: 'II. PEOPLE NOT MEETING THE STANDARDS',
    eligible: 'III. PEOPLE MEETING THE STANDARDS, BY TITLE',
    groups: { inPlanning: 'a) Currently in planning', external: 'b) External source' },
    noTitle: 'No title planned',
    none: '(None)',
    title: (t) =>
      t.shortfall === undefined
        ? `${t.index}. ${t.title}: ${t.count} eligible (quota ${t.quota})`
        : `${t.index}. ${t.title}: quota ${t.quota}; in planning and still eligible ${t.inPlanning ?? 0}; short ${t.shortfall}`,
    columns: ['No.', 'Name', 'Born', 'Gender', 'Post and unit', 'Planned for', 'Result', 'Reason / note'],
    notes: { inPlanning: 'In planning', external: 'External source' },
    resultColumns: { outcome: 'Review result', reason: 'Why not eligible' },
    reasons: {
      retires: (r) => `Retires ${r.date}, ${r.short} months short`,
      retiredBefore: (date) => `Retires ${date}, before the term`,
      noBirth: 'No birth date',
      noGender: 'No gender',
      missing: (label) => `${label}: not given`,
      notMet: (label, value, atLeast) => `${label}: ${value}${atLeast ? ` (required: ${atLeast} or higher)` : ''}`,
      rating: (year, value) => `Rating ${year}: ${value}`,
    },
    signature: { place: '……, date ……', left: 'PREPARED BY', right: 'HEAD OF THE UNIT', sign: '(Signature and full name)' },
  },
  severity: { error: 'Error', warning: 'Warning' },
  at: (where, message) => `${where}: ${message}`,
  excel: {
    missing: 'This version of Excel lacks some features, so the run will leave out:',
    capabilities: {
      pageLayout: 'print layout (A4, margins, print area, repeated title rows, page breaks, header and footer) on the sheets it creates',
      fonts: 'recognising legacy fonts (.VnTime, VNI) when reading names',
      hidden: 'recognising hidden rows and columns (hidden data is read as if shown)',
      widths: 'putting column widths back on undo',
      merges: 'reading merged cells',
      notes: 'explanatory notes on the result cells',
    },
    needs: (version) =>
      `Quy Hoạch needs an Excel with the ExcelApi ${version} requirement set or later (Microsoft 365, Excel 2019 or later, Excel on the web, Excel for Mac). This Excel lacks it, so the pane reads nothing. Update Office, or use the quy-hoach command or the browser workbench on the .xlsx file.`,
    cellEdit: 'Excel is waiting for you to finish editing a cell: press Enter (or Esc) to leave it, then try again. Nothing was written.',
    changed: (where) => `The workbook changed after Quy Hoạch read it (${where}): nothing was written. Try again to run on the new figures.`,
    notWritten: (reason) => `The results could not be written (${reason}): your sheets are unchanged. Try again.`,
    partlyWritten: (where, reason) =>
      `The write stopped part way (${reason}) and may have written part of: ${where.join(', ')}. Choose “Undo the last run” to put the workbook back as it was before this run.`,
  },
  profile: {
    heading: 'Rules in use',
    source: 'Source',
    quorum: (s) => `A conference is valid when ${s.cmp} ${s.ratio} of those convened are present${formulaOf(s)}.`,
    threshold: (s) => `Agree votes must be ${s.cmp} ${s.ratio} ${s.baseName}${formulaOf(s)}.`,
    removal: (s) => `Proposed for removal when ${s.cmp} ${s.ratio} ${s.baseName} agree${formulaOf(s)}.`,
    quota: (s) => `Top vote-getters down to ${s.quota} people per title${s.perTitle ? ` (${s.perTitle})` : ''}; one person at most ${s.max} titles at the same level.`,
    tie: (mode) =>
      mode === 'straddle'
        ? 'When two or more people tie across the quota line, the head decides; a tie within the quota selects them all.'
        : 'Every tie of two or more people who pass goes to the head.',
    announce: (s) => `Announced at the conference: ${s.yes}. Not announced: ${s.no}.`,
    eligibility: (s) =>
      `At least ${s.months} months of work left (one ${s.term}-month term) from the term's start; retirement age after Decree 135/2020: men ${s.male}, women ${s.female}.`,
    criteria: (s) => `Other standards: ${s}.`,
    structure: (s) => `Targets: young cadres (under ${s.age}) at least ${s.young}, women at least ${s.women} per title.`,
    schedule: (s) => `${s.start} in ${s.year}, rising ${s.step} months a year to ${s.final}`,
    years: (y, m) => (m ? `${y}y ${m}m` : `${y}y`),
    defaultBadge: 'Default',
    changedBadge: (n) => `${n} setting(s) changed from the default`,
  },
  profileUsed: {
    text: (name, changes) => `Rule profile: ${name}${changes.length ? ` — differs from Phụ lục 12: ${changes.join(' ')}` : ''}`,
    differs: 'differs from Phụ lục 12',
  },
  profileEditor: {
    copy: 'Copy to edit',
    copyName: (name) => `${name} — unit's copy`,
    heading: 'Edit the rule profile',
    name: 'Profile name',
    source: 'Source (the unit’s document)',
    quotaDefault: 'Planning quota per title',
    perTitle: 'Quota by title',
    perTitleHint: 'One title a line: Trưởng phòng = 2',
    thresholds: 'Vote thresholds',
    numerator: 'Numerator',
    denominator: 'Denominator',
    comparison: 'Comparison',
    strict: 'more than (>)',
    atLeast: 'at least (≥)',
    tie: 'The head decides a tie (TIE)',
    tieModes: { straddle: 'Across the quota line', all: 'Every tie' },
    announce: 'Counts announced at the conference (ANNOUNCE)',
    structure: 'Structure targets (STRUCT)',
    youngBelowAge: 'Young: below (age)',
    youngMin: 'Share of young cadres',
    womenMin: 'Share of women',
    save: 'Save in the workbook',
    cancel: 'Cancel',
    reset: 'Back to the default',
    saved: 'Rule profile saved in the workbook: the next runs, from the task pane or the quy-hoach command, use it.',
    savedHere: 'Rule profile applied (no workbook to save it in).',
    resetDone: 'Back to the Phụ lục 12 rule profile.',
    invalid: 'The rule profile is not valid:',
    differs: 'Differs from Phụ lục 12',
    same: 'As Phụ lục 12',
    fromWorkbook: 'Saved in the workbook',
  },
  taskpane: {
    title: 'Cadre Planning',
    subtitle: 'Planning procedure (Phụ lục 12)',
    notInExcel: 'Opened outside Excel: showing the rules only. To run a procedure on an .xlsx file without Excel, use the browser workbench or the quy-hoach command.',
    inExcel: 'Connected to Excel.',
    loading: 'Loading…',
    procedures: 'Procedures and steps',
    needsWorkbook: 'Open a workbook in Excel to run a procedure. Outside Excel: the browser workbench, or the quy-hoach command on an .xlsx file.',
    workbenchLink: 'Open the browser workbench',
    form: 'Run one step of a procedure',
    procedureShort: { 'next-term': 'I. Next-term planning', 'annual-local': 'II.1. Annual review, on site', 'annual-external': 'II.2. Annual review, external' },
    stepShort: {
      'next-term:1': 'Step 1: Reviewing the source',
      'next-term:2': 'Step 2: Staff conference',
      'next-term:3': 'Step 3: Leadership conference',
      'annual-local:1': 'Step 1: Staff conference',
      'annual-local:2': 'Step 2: Leadership conference',
      'annual-external:1': 'Step 1: Identifying the source',
      'annual-external:2': 'Step 2: Leadership (first)',
      'annual-external:3': 'Step 3: Consulting the agency',
      'annual-external:4': 'Step 4: Leadership (second)',
    },
    procedure: 'Procedure',
    step: 'Step',
    sheets: 'Sheets to read',
    sheetKinds: { roster: 'Staff roster', votes: 'Vote count', candidates: 'External candidates' },
    automatic: '(find automatically)',
    conference: 'Conference',
    convened: 'Number convened',
    present: 'Number present',
    quorum: (c) =>
      c.quorate
        ? `Conference valid: ${c.present}/${c.convened} present, at least ${c.required} needed`
        : `Conference not valid: ${c.present}/${c.convened} present, at least ${c.required} needed — results are not considered`,
    quorumUnknown: 'Enter the number convened and the number present.',
    quotas: 'Planning quota per title',
    quotaLabel: (title) => `${title}: planning quota`,
    quotaHint: (people) => `${people} ${people === 1 ? 'person' : 'people'} on the list`,
    dateHint: 'Day/month/year, e.g. 04/12/2026',
    dateReads: (iso) => `That is ${longDate(iso)}`,
    dateInvalid: 'Not a date: write day/month/year, e.g. 04/12/2026.',
    run: 'Run',
    working: 'Running…',
    written: 'The results were written to the workbook.',
    nothingWritten: 'The workbook has errors: nothing was written. Correct the cells below and run again.',
    counts: 'Results',
    diagnostics: 'Errors and warnings',
    awaiting: 'Awaiting the head’s decision',
    awaitingTitle: (title, seats) => `${title}: choose ${seats}`,
    headName: 'Head’s full name',
    headDate: 'Date of decision',
    recordDecision: 'Record the decision and run again',
    decisionHeading: 'The head’s decision',
    decision: (d) => `${d.title}: on ${d.on} the head, ${d.by}, chose ${joinNames(d.chosen, 'and')}${d.notChosen.length ? `; not chosen: ${joinNames(d.notChosen, 'and')}` : ''}.`,
    showDecision: 'Show the head’s decision',
    results: 'Result sheets',
    showShortlist: 'Show the results list',
    showMinutes: 'Show the vote-count minutes',
    showReview: 'Show the review report',
    undo: 'Undo the last run',
    undone: 'The last run was undone.',
    printHint: 'Select a result sheet and press Ctrl+P: it is laid out for A4.',
  },
};

/** 'YYYY-MM-DD' → "5 January 2026". */
function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  return `${d} ${months[m - 1]} ${y}`;
}
function field(f: string): string {
  return en.fields[f] ?? f;
}
function sheetKind(kind: unknown): string {
  const kinds: Record<string, string> = { roster: 'roster', votes: 'vote count', candidates: 'external candidates' };
  return kinds[String(kind)] ?? String(kind);
}
