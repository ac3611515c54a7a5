// Runs the real `pmr` command as a child process, as a user would (with the launch settings of its `#!` line).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { launchEnv, nodeArgs } from '@pmr/common';
import { repoRoot } from './paths.ts';

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The `pmr` entry file of a checkout: packages/cli/bin/pmr.ts, or where checkouts before the package split kept it. */
export function pmrBin(root = repoRoot): string {
  const bin = join(root, 'packages/cli/bin/pmr.ts');
  return existsSync(bin) ? bin : join(root, 'services/orchestrator/bin/pmr.ts');
}

/**
 * Run `pmr` with `args`; `root`: the checkout whose `pmr` it is (default this one; benchmarks compare another).
 * `timeoutMs`: a run still going then is killed (SIGKILL) and settles with code null and a note on stderr.
 */
export function runCli(
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
  root = repoRoot,
  timeoutMs?: number,
): Promise<CliRun> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, nodeArgs(pmrBin(root), args), {
      cwd: root,
      env: launchEnv({ ...process.env, ...env }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            stderr += `\n[killed: still running after ${timeoutMs / 1000} s]`;
            child.kill('SIGKILL');
          }, timeoutMs);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}
