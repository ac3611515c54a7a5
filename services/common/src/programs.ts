// Finding the programs PMR starts (nats-server) and the tools its tests run (ferretdb, grpcurl, a Python), and waiting
// for a child process to end: one set of rules for every one of them. Only node built-ins.
import { execFileSync, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

export type Env = Readonly<Record<string, string | undefined>>;

export function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `name` in each folder of env's PATH, in order. */
export function onPath(env: Env, name: string): string[] {
  return (env['PATH'] ?? '')
    .split(delimiter)
    .filter((d) => d !== '')
    .map((d) => join(d, name));
}

/**
 * Go's bin folders, where `go install` puts programs: each GOPATH entry's bin (GOPATH from `env`, else `go env GOPATH`,
 * else ~/go).
 */
export function goBinDirs(env: Env): string[] {
  let gopath = env['GOPATH'] ?? '';
  if (gopath === '') {
    try {
      gopath = execFileSync('go', ['env', 'GOPATH'], { encoding: 'utf8', timeout: 10_000 }).trim();
    } catch {
      gopath = join(homedir(), 'go');
    }
  }
  return gopath
    .split(delimiter)
    .filter((d) => d !== '')
    .map((d) => join(d, 'bin'));
}

/** The program `variable` names when it is set (then the only candidate), else the first executable candidate. */
export function findProgram(env: Env, variable: string, candidates: readonly string[]): string | undefined {
  const explicit = env[variable];
  if (explicit !== undefined && explicit !== '') return isExecutable(explicit) ? explicit : undefined;
  return candidates.find(isExecutable);
}

/**
 * Why a program `findProgram` did not find is missing: the file `variable` names is not executable, or else `hint`
 * (where it was looked for and how to get it).
 */
export function programMissing(env: Env, name: string, variable: string, hint: string): string {
  const explicit = env[variable];
  return explicit !== undefined && explicit !== ''
    ? `${name} not found: ${variable}=${explicit} is not an executable file`
    : `${name} not found ${hint}`;
}

/** Resolves once the child has exited; SIGKILL after `killAfterMs` (the caller has asked it to stop). */
export function waitExit(child: ChildProcess, killAfterMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), killAfterMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}
