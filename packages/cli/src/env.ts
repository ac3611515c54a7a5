// The CLI's settings from the environment, read and checked once.
import { existsSync, statSync } from 'node:fs';
import { shownPath } from './path-checks.ts';

export interface CliEnv {
  readonly modelsDir: string | undefined;
  readonly logLevel: string;
  readonly threads: number | undefined;
  /** PMR_DEBUG=1: print the stack trace after the one-line error. */
  readonly debug: boolean;
}

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export function readCliEnv(env: NodeJS.ProcessEnv): CliEnv {
  const problems: string[] = [];
  const modelsDir = env.PMR_MODELS_DIR === undefined || env.PMR_MODELS_DIR === '' ? undefined : env.PMR_MODELS_DIR;
  if (modelsDir !== undefined && !(existsSync(modelsDir) && statSync(modelsDir).isDirectory())) {
    problems.push(`PMR_MODELS_DIR=${shownPath(modelsDir)} is not a folder`);
  }
  const logLevel = env.PMR_LOG_LEVEL ?? 'warn';
  if (!LEVELS.includes(logLevel)) problems.push(`PMR_LOG_LEVEL must be one of ${LEVELS.join(', ')}`);
  let threads: number | undefined;
  if (env.PMR_THREADS !== undefined && env.PMR_THREADS !== '') {
    threads = Number(env.PMR_THREADS);
    if (!Number.isInteger(threads) || threads < 1) problems.push('PMR_THREADS must be a positive integer');
  }
  if (problems.length > 0) throw new Error(`bad environment: ${problems.join('; ')}`);
  return { modelsDir, logLevel, threads, debug: env.PMR_DEBUG === '1' };
}
