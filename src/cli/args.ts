/**
 * CLI arguments (SPEC 14), parsed as the legacy argparse parser did: `--flag value`, `--flag=value`, short flags
 * with attached values (`-d30`, `-ad30`), any unambiguous prefix of a long flag (`--out`), last value wins.
 * Messages carry no `error: ` prefix; the caller adds it. Argument errors (E_ARG, `--workers`) are reported on
 * their own, before scenario validation: once the command line is malformed its values cannot be trusted.
 */
import { TABLE_KEYS, type TableKey } from '../generators/tables';
import type { RawValue, ScenarioField, ScenarioInput } from '../generators/scenario';
import { ALL_PRESET, describeValue, shortenValue } from '../generators/scenario';

interface FlagSpec {
  long: string;
  short?: string;
  /** Metavar when the flag takes a value; absent for a switch. */
  value?: string;
  help: string;
}

const TABLE_ROWS: Record<TableKey, string> = {
  slots: 'slot-machine events',
  tables: 'table-game events',
  players: 'player profiles',
  financial: 'cage transactions',
  security: 'security events',
  compliance: 'compliance filings',
};

const COUNT_FLAGS: FlagSpec[] = TABLE_KEYS.map((table) => ({
  long: `--${table}`,
  value: 'N',
  help: `number of ${TABLE_ROWS[table]}; selects the table and overrides preset counts; 0 = an empty file`,
}));

/** The flags of SPEC 14, in table order (the order ambiguity candidates are listed in). */
export const FLAGS: readonly FlagSpec[] = [
  { long: '--output', short: '-o', value: 'DIR', help: 'output folder, created with parents (default: ./output)' },
  { long: '--format', short: '-f', value: '{parquet,json,csv,delta}', help: 'output format; delta = a Delta Lake table folder per table (default: parquet)' },
  {
    long: '--days',
    short: '-d',
    value: 'N',
    help: "window length in whole days, 1..731 (default: 30, or the preset's days); wins over the preset's",
  },
  { long: '--seed', short: '-s', value: 'N', help: 'random seed, 0..4294967295 (default: 42)' },
  { long: '--all', short: '-a', help: 'all six tables; counts from --preset (default: legacy)' },
  ...COUNT_FLAGS,
  { long: '--include-pii', help: 'raw player PII instead of masked (default: masked)' },
  {
    long: '--start',
    value: 'DATE',
    help: 'window start: YYYY-MM-DD (UTC midnight) or an ISO-8601 instant with Z or an offset (default: end - days)',
  },
  {
    long: '--end',
    value: 'DATE',
    help: 'window end, exclusive, same forms (default: start + days, or the UTC midnight that began today)',
  },
  { long: '--as-of', value: 'INSTANT', help: 'snapshot instant, end .. end + 400 days (default: end)' },
  { long: '--preset', value: '{small,demo,production,legacy}', help: 'volume preset; implies --all (default: none)' },
  { long: '--compression', value: '{snappy,zstd,none}', help: 'Parquet and Delta only (default: snappy for parquet and delta, none otherwise)' },
  { long: '--jurisdiction', value: '{US-2025,US-2026}', help: 'W-2G thresholds and withholding (default: US-2025)' },
  { long: '--zip', help: 'write one zip bundle instead of loose files (default: off)' },
  {
    long: '--dictionary',
    help: 'also write data_dictionary.md and data_dictionary.csv: every column with its type, nullability, meaning and example values (default: off)',
  },
  { long: '--workers', value: 'N', help: 'worker threads, >= 1; never changes output (default: number of CPU cores)' },
  {
    long: '--partition-by',
    value: '{none,day}',
    help: 'day: each table with a timestamp in Hive-style daily folders <table>/<column>=YYYY-MM-DD/part-00000.<ext> (default: none)',
  },
  {
    long: '--shard',
    value: 'K/N',
    help: 'write only shard K of N (0 <= K < N) as part files <table>-part-<K>; the N shards together are the single run (default: none)',
  },
  {
    long: '--from-manifest',
    value: 'FILE',
    help: 'generate again the run a manifest.json describes, byte for byte (same engine version only); only -o and --workers can be given with it (default: none)',
  },
  { long: '--help', short: '-h', help: 'show this help message and exit' },
];

/** The flags that can be given with --from-manifest: where to write and how many threads (never the output). */
const WITH_MANIFEST = ['--output', '--workers', '--from-manifest'];

/** `<field>` names in scenario messages: the CLI flags (SPEC 15). */
export const CLI_LABELS: Readonly<Record<ScenarioField, string>> = {
  ...(Object.fromEntries(TABLE_KEYS.map((t) => [t, `--${t}`])) as Record<TableKey, string>),
  seed: '--seed',
  days: '--days',
  start: '--start',
  end: '--end',
  as_of: '--as-of',
  preset: '--preset',
  pii: '--include-pii',
  pii_key: 'CDS_PII_SECRET',
  format: '--format',
  compression: '--compression',
  jurisdiction: '--jurisdiction',
  bundle: '--zip',
};

export const DEFAULT_OUTPUT = './output';

export type CliArgs =
  | { kind: 'help' }
  | {
      kind: 'run';
      input: ScenarioInput;
      output: string;
      workers: number | null;
      zip: boolean;
      dictionary: boolean;
      shard: Shard | null;
      partitioning: 'none' | 'day';
      nothingSelected: boolean;
    }
  | { kind: 'manifest'; path: string; output: string; workers: number | null }
  | { kind: 'error'; errors: string[] };

/** What the scan collected: last value per value flag, switches seen, and argument errors. */
interface Scan {
  values: Map<string, string>;
  switches: Set<string>;
  errors: string[];
  /** Errors argparse raised before it reached `--help` (ambiguity is found before any flag runs). */
  blocksHelp: boolean;
  help: boolean;
}

/** argparse's rule: a token starting with `-` is an option unless it is `-`, a negative number, or has a space. */
function looksLikeOption(token: string): boolean {
  return token.length > 1 && token.startsWith('-') && !/^-\d+$|^-\d*\.\d+$/.test(token) && !token.includes(' ');
}

/** Null for an unknown or ambiguous flag (error recorded). */
function findLong(name: string, scan: Scan): FlagSpec | null {
  const exact = FLAGS.find((f) => f.long === name);
  if (exact) return exact;
  const candidates = name.length > 2 ? FLAGS.filter((f) => f.long.startsWith(name)) : [];
  if (candidates.length === 1) return candidates[0];
  if (candidates.length > 1) {
    scan.errors.push(`option ${shortenValue(name)} is ambiguous (${candidates.map((f) => f.long).join(', ')})`);
    scan.blocksHelp = true;
  } else {
    scan.errors.push(`unknown option ${shortenValue(name)}`);
  }
  return null;
}

/** Applies one flag; returns how many following tokens it consumed (0 or 1). */
function applyFlag(flag: FlagSpec, written: string, attached: string | undefined, next: string | undefined, scan: Scan): number {
  if (!flag.value) {
    if (attached !== undefined) fatal(scan, `option ${shortenValue(written)} does not take a value`);
    else if (flag.long === '--help') scan.help = true;
    else scan.switches.add(flag.long);
    return 0;
  }
  if (attached !== undefined) {
    scan.values.set(flag.long, attached);
    return 0;
  }
  if (next === undefined || next === '--' || looksLikeOption(next)) {
    fatal(scan, `option ${shortenValue(written)} needs a value`);
    return 0;
  }
  scan.values.set(flag.long, next);
  return 1;
}

function fatal(scan: Scan, message: string): void {
  scan.errors.push(message);
  if (!scan.help) scan.blocksHelp = true;
}

/** `-abc`: switches may be clustered; a value flag takes the rest of the token (`-d30`, `-d=30`) or the next one. */
function scanShort(token: string, next: string | undefined, scan: Scan): number {
  let rest = token.slice(1);
  while (rest.length > 0) {
    const flag = FLAGS.find((f) => f.short === `-${rest[0]}`);
    if (!flag) {
      const whole = rest === token.slice(1);
      scan.errors.push(`unknown option ${shortenValue(whole ? token : `-${rest[0]}`)}`);
      return whole ? skipValue(next) : 0;
    }
    const tail = rest.slice(1);
    if (flag.value) {
      const attached = tail === '' ? undefined : rest === token.slice(1) ? tail.replace(/^=/, '') : tail;
      return applyFlag(flag, `-${rest[0]}`, attached, next, scan);
    }
    applyFlag(flag, `-${rest[0]}`, undefined, undefined, scan);
    rest = tail;
  }
  return 0;
}

/** After an unknown or ambiguous flag, its probable value is skipped rather than reported as a second error. */
function skipValue(next: string | undefined): number {
  return next !== undefined && next !== '--' && !looksLikeOption(next) ? 1 : 0;
}

function scanArgs(argv: readonly string[]): Scan {
  const scan: Scan = { values: new Map(), switches: new Set(), errors: [], blocksHelp: false, help: false };
  for (let i = 0; i < argv.length; i += 1) {
    const token = argv[i];
    if (token === '--') {
      for (const extra of argv.slice(i + 1)) scan.errors.push(`unknown option ${describeValue(extra)}`);
      break;
    }
    if (!looksLikeOption(token)) {
      scan.errors.push(`unknown option ${describeValue(token)}`);
    } else if (token.startsWith('--')) {
      const cut = token.indexOf('=');
      const name = cut < 0 ? token : token.slice(0, cut);
      const flag = findLong(name, scan);
      if (flag) i += applyFlag(flag, name, cut < 0 ? undefined : token.slice(cut + 1), argv[i + 1], scan);
      else if (cut < 0) i += skipValue(argv[i + 1]);
    } else {
      i += scanShort(token, argv[i + 1], scan);
    }
  }
  return scan;
}

/** One of N shards of a run (0-based index), e.g. a Kubernetes Indexed Job's completion index. */
export interface Shard {
  readonly index: number;
  readonly count: number;
}

/** The largest shard count: more shards than chunk groups just write empty parts. */
const MAX_SHARDS = 100_000;

function readShard(raw: string | undefined, zip: boolean, errors: string[]): Shard | null {
  if (raw === undefined) return null;
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  const index = m ? Number(m[1]) : NaN;
  const count = m ? Number(m[2]) : NaN;
  if (!(count >= 1 && count <= MAX_SHARDS && index >= 0 && index < count)) {
    errors.push(`--shard must be K/N with whole numbers 0 <= K < N <= ${MAX_SHARDS.toLocaleString('en-US')} (got ${describeValue(raw)})`);
    return null;
  }
  if (zip) {
    errors.push('--shard writes part files and cannot be combined with --zip');
    return null;
  }
  return { index, count };
}

function readPartitioning(raw: string | undefined, errors: string[]): 'none' | 'day' {
  if (raw === undefined || raw === 'none' || raw === 'day') return raw ?? 'none';
  errors.push(`unknown partitioning "${shortenValue(raw)}": use none or day`);
  return 'none';
}

function readWorkers(raw: string | undefined, errors: string[]): number | null {
  if (raw === undefined) return null;
  const text = raw.trim();
  const n = /^\+?\d+$/.test(text) ? Number(text) : NaN;
  if (Number.isSafeInteger(n) && n >= 1) return n;
  errors.push(`--workers must be a whole number of at least 1 (got ${describeValue(raw)})`);
  return null;
}

/** `--from-manifest FILE`: the manifest holds the scenario and output options, so other flags would contradict it. */
function readFromManifest(scan: Scan): string | null {
  const path = scan.values.get('--from-manifest');
  if (path === undefined) return null;
  const others = [...scan.values.keys(), ...scan.switches].filter((f) => !WITH_MANIFEST.includes(f));
  if (others.length > 0) {
    scan.errors.push(`--from-manifest takes the scenario and output options from the manifest: only -o/--output and --workers can be given with it (got ${others.join(', ')})`);
  }
  if (path.trim() === '') scan.errors.push('--from-manifest needs the path of a manifest.json (got "")');
  return path;
}

/**
 * Parses CLI arguments (SPEC 14) into raw scenario input; validation is `resolveScenario(result.input)`.
 * `env.CDS_PII_SECRET`, when set and non-empty, makes `pii_key` = secret. `today` (UTC midnight, µs) is copied
 * into the input; the caller may instead set `input.today` before resolving.
 * Example: `parseCliArgs(['--all', '-d7'], {}, today)` selects the legacy volumes over 7 days.
 */
export function parseCliArgs(
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
  today: number = Number.NaN,
): CliArgs {
  const scan = scanArgs(argv);
  if (scan.help && !scan.blocksHelp) return { kind: 'help' };
  const workers = readWorkers(scan.values.get('--workers'), scan.errors);
  const shard = readShard(scan.values.get('--shard'), scan.switches.has('--zip'), scan.errors);
  const partitioning = readPartitioning(scan.values.get('--partition-by'), scan.errors);
  // A shard has only its own rows: the dictionary's row counts and first-chunk examples are the whole run's.
  if (shard && scan.switches.has('--dictionary')) scan.errors.push('--dictionary describes a whole run and cannot be combined with --shard');
  const manifest = readFromManifest(scan);
  if (scan.errors.length > 0) return { kind: 'error', errors: scan.errors };
  if (manifest !== null) return { kind: 'manifest', path: manifest, output: scan.values.get('--output') ?? DEFAULT_OUTPUT, workers };
  const value = (long: string): RawValue => scan.values.get(long);
  const counts: Partial<Record<TableKey, RawValue>> = {};
  for (const table of TABLE_KEYS) {
    if (scan.values.has(`--${table}`)) counts[table] = value(`--${table}`);
  }
  const presetGiven = scan.values.has('--preset');
  const all = presetGiven || scan.switches.has('--all');
  const hasSecret = (env.CDS_PII_SECRET ?? '') !== '';
  const zip = scan.switches.has('--zip');
  const input: ScenarioInput = {
    seed: value('--seed'),
    days: value('--days'),
    start: value('--start'),
    end: value('--end'),
    as_of: value('--as-of'),
    counts,
    preset: presetGiven ? value('--preset') : all ? ALL_PRESET : undefined,
    pii: scan.switches.has('--include-pii') ? 'raw' : 'masked',
    pii_key: hasSecret ? 'secret' : 'seed',
    has_secret: hasSecret,
    format: value('--format'),
    compression: value('--compression'),
    jurisdiction: value('--jurisdiction'),
    bundle: zip ? 'zip' : 'files',
    labels: CLI_LABELS,
    today,
  };
  const nothingSelected = !all && Object.keys(counts).length === 0;
  return { kind: 'run', input, output: scan.values.get('--output') ?? DEFAULT_OUTPUT, workers, zip, dictionary: scan.switches.has('--dictionary'), shard, partitioning, nothingSelected };
}

/** argparse-style `usage:` line, wrapped under the program name. */
function usageLine(prog: string): string {
  const lead = `usage: ${prog} `;
  const items = FLAGS.map((f) => `[${f.short ?? f.long}${f.value ? ` ${f.value}` : ''}]`);
  const ordered = ['[-h]', ...items.filter((i) => i !== '[-h]')];
  return wrapItems(ordered, 80 - lead.length).map((l, i) => (i === 0 ? lead : ' '.repeat(lead.length)) + l).join('\n');
}

/** Items joined by spaces in lines of at most `width` characters; an item is never split. */
function wrapItems(items: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of items) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  return [...lines, line];
}

/** One argparse-style option entry: names in a 24-column gutter, help wrapped to 80 columns. */
function optionLine(flag: FlagSpec): string {
  const gutter = 24;
  const names = `  ${flag.short ? `${flag.short}, ` : ''}${flag.long}${flag.value ? ` ${flag.value}` : ''}`;
  const help = wrapItems(flag.help.split(' '), 80 - gutter).map((l) => ' '.repeat(gutter) + l);
  if (names.length <= gutter - 2) help[0] = names.padEnd(gutter) + help[0].trimStart();
  else help.unshift(names);
  return help.join('\n');
}

/** The `--help` text (SPEC 14): every flag with its meaning and default. */
export const USAGE = [
  usageLine('casino-data-studio'),
  '',
  'Generate the six bronze tables of one fictional casino, deterministically.',
  '',
  'options:',
  ...[FLAGS[FLAGS.length - 1], ...FLAGS.slice(0, -1)].map(optionLine),
  '',
  'Environment: CDS_PII_SECRET, when set, keys the PII tokens instead of the seed.',
  '',
].join('\n');
