// Command-line parsing and validation, in one place. Every problem is reported at once.
import { parseArgs } from 'node:util';
import type { AgeGenderChoice, DetectorKind } from '../runtime/engines.ts';

export const USAGE = `usage:
  pmr analyze VIDEO [--gallery DIR] [--json OUT.json] [--annotate OUT.mp4] [--fps N] [--detector yunet|scrfd]
                    [--skip histogram|ssim|none] [--skip-threshold X] [--threshold X] [--age-gender faceres|insightface:PATH]
  pmr detect IMAGE [--gallery DIR] [--detector yunet|scrfd] [--threshold X] [--age-gender faceres|insightface:PATH]
  pmr models build      build the age/gender model from its npm package into the model cache

Models come from PMR_MODELS_DIR when set, else they are downloaded once into ~/.cache/pmr/models.`;

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

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
}

export interface DetectCommand {
  readonly command: 'detect';
  readonly image: string;
  readonly gallery: string | undefined;
  readonly detector: DetectorKind;
  readonly threshold: number | undefined;
  readonly ageGender: AgeGenderChoice;
}

export interface ModelsBuildCommand {
  readonly command: 'models-build';
}

export interface HelpCommand {
  readonly command: 'help';
}

export type Command = AnalyzeCommand | DetectCommand | ModelsBuildCommand | HelpCommand;

function positiveNumber(name: string, raw: string | undefined, problems: string[]): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) problems.push(`--${name} must be a positive number, got ${JSON.stringify(raw)}`);
  return n;
}

function unitNumber(name: string, raw: string | undefined, problems: string[]): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < -1 || n > 1) problems.push(`--${name} must be a number in [-1, 1], got ${JSON.stringify(raw)}`);
  return n;
}

function ageGenderChoice(raw: string | undefined, problems: string[]): AgeGenderChoice {
  if (raw === undefined || raw === 'faceres') return { kind: 'faceres' };
  if (raw.startsWith('insightface:') && raw.length > 'insightface:'.length) return { kind: 'insightface', path: raw.slice('insightface:'.length) };
  problems.push(`--age-gender must be faceres or insightface:PATH (a genderage.onnx you supply), got ${JSON.stringify(raw)}`);
  return { kind: 'faceres' };
}

function oneOf<T extends string>(name: string, raw: string | undefined, allowed: readonly T[], fallback: T, problems: string[]): T {
  if (raw === undefined) return fallback;
  if ((allowed as readonly string[]).includes(raw)) return raw as T;
  problems.push(`--${name} must be one of ${allowed.join(', ')}, got ${JSON.stringify(raw)}`);
  return fallback;
}

export function parseCommand(argv: readonly string[]): Command {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: {
        gallery: { type: 'string' },
        json: { type: 'string' },
        annotate: { type: 'string' },
        fps: { type: 'string' },
        detector: { type: 'string' },
        skip: { type: 'string' },
        'skip-threshold': { type: 'string' },
        threshold: { type: 'string' },
        'age-gender': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (err) {
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
  const { values, positionals } = parsed;
  const [command, target, ...extra] = positionals;
  if (values.help === true || command === undefined || command === 'help') return { command: 'help' };
  const problems: string[] = [];
  if (command === 'models') {
    if (target !== 'build' || extra.length > 0) throw new UsageError('the models command takes one action: pmr models build');
    return { command: 'models-build' };
  }
  if (command !== 'analyze' && command !== 'detect') throw new UsageError(`unknown command ${JSON.stringify(command)}`);
  if (target === undefined) problems.push(`${command} needs ${command === 'analyze' ? 'a VIDEO' : 'an IMAGE'} argument`);
  if (extra.length > 0) problems.push(`unexpected arguments: ${extra.join(' ')}`);
  const detector = oneOf('detector', values.detector, ['yunet', 'scrfd'] as const, 'yunet', problems);
  const threshold = unitNumber('threshold', values.threshold, problems);
  const ageGender = ageGenderChoice(values['age-gender'], problems);
  if (command === 'detect') {
    for (const flag of ['json', 'annotate', 'fps', 'skip', 'skip-threshold'] as const) {
      if (values[flag] !== undefined) problems.push(`--${flag} does not apply to detect`);
    }
    if (problems.length > 0) throw new UsageError(problems.join('; '));
    return { command, image: target!, gallery: values.gallery, detector, threshold, ageGender };
  }
  const fps = positiveNumber('fps', values.fps, problems);
  const skip = oneOf('skip', values.skip, ['histogram', 'ssim', 'none'] as const, 'histogram', problems);
  const skipThreshold = positiveNumber('skip-threshold', values['skip-threshold'], problems);
  if (values.annotate !== undefined && !values.annotate.toLowerCase().endsWith('.mp4')) problems.push('--annotate must name an .mp4 file');
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
  };
}
