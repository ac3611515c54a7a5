// What the benchmark scripts share: their command line and the median of repeated runs.
import { existsSync } from 'node:fs';
import { video } from './paths.ts';
import { pmrBin } from './run-cli.ts';

/**
 * `[--runs N] [--baseline DIR] [clip …]`: a clip is a path, or a file name under ../shared/data/videos. `named`:
 * whether clips were given (else `clips` are the defaults). `baseline`: another PMR checkout (with its node_modules)
 * to run beside this one.
 */
export function parseBenchArgs(
  argv: readonly string[],
  defaultClips: readonly string[],
  defaultRuns = 3,
): { runs: number; clips: string[]; named: boolean; baseline: string | undefined } {
  let runs = defaultRuns;
  let baseline: string | undefined;
  const clips: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--runs') runs = Number(argv[++i]);
    else if (argv[i] === '--baseline') baseline = argv[++i];
    else clips.push(existsSync(argv[i]!) ? argv[i]! : video(argv[i]!));
  }
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number of at least 1');
  if (baseline !== undefined && !existsSync(pmrBin(baseline)))
    throw new Error(`--baseline ${String(baseline)} is not a PMR checkout`);
  return { runs, clips: clips.length > 0 ? clips : defaultClips.map(video), named: clips.length > 0, baseline };
}

export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The item whose key is the median (the lower middle one for an even count): a whole run to report, not a blend. */
export function medianBy<T>(items: readonly T[], key: (item: T) => number): T {
  if (items.length === 0) throw new RangeError('median of no items');
  const sorted = [...items].sort((a, b) => key(a) - key(b));
  return sorted[(sorted.length - 1) >> 1]!;
}
