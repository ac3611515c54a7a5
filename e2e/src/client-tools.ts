// The programs the other-language client tests run: grpcurl (Go) and a Python with grpcio and grpcio-tools. Each is
// found where .ci/run puts it (PMR_GRPCURL, PMR_PYTHON) or where a developer would have it; when it is missing the
// answer is a sentence for requireParts, so such a test skips here with the reason and fails in CI.
import { execFileSync, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { repoRoot } from './paths.ts';

type Env = Readonly<Record<string, string | undefined>>;

/** The pinned Python packages the Python client needs (.ci/run installs them into a virtual environment). */
export const PYTHON_REQUIREMENTS = join(repoRoot, 'e2e', 'clients', 'python', 'requirements.txt');

/** Where .ci/run keeps that virtual environment unless PMR_PYTHON_VENV says otherwise. */
export const DEFAULT_PYTHON_VENV = join(homedir(), '.cache', 'pmr', 'python-grpc');

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

const onPath = (env: Env, name: string): string[] =>
  (env['PATH'] ?? '')
    .split(delimiter)
    .filter((d) => d !== '')
    .map((d) => join(d, name));

/** Go's bin folders: each GOPATH entry's bin (GOPATH from the environment, else ~/go), where `go install` puts programs. */
const goBins = (env: Env): string[] =>
  (env['GOPATH'] || join(homedir(), 'go'))
    .split(delimiter)
    .filter((d) => d !== '')
    .map((d) => join(d, 'bin'));

/** A program named by `variable` when it is set (then the only candidate), else the first executable candidate. */
function find(env: Env, variable: string, candidates: readonly string[]): string | undefined {
  const explicit = env[variable];
  if (explicit !== undefined && explicit !== '') return executable(explicit) ? explicit : undefined;
  return candidates.find(executable);
}

/** The grpcurl to run: PMR_GRPCURL, else `grpcurl` on the PATH, else in Go's bin folder; undefined when none. */
export function findGrpcurl(env: Env = process.env): string | undefined {
  return find(env, 'PMR_GRPCURL', [...onPath(env, 'grpcurl'), ...goBins(env).map((d) => join(d, 'grpcurl'))]);
}

/** Why the grpcurl tests cannot run here (pass it to requireParts), or null when they can. */
export function grpcurlMissing(env: Env = process.env): string | null {
  if (findGrpcurl(env) !== undefined) return null;
  const explicit = env['PMR_GRPCURL'];
  return explicit !== undefined && explicit !== ''
    ? `grpcurl not found: PMR_GRPCURL=${explicit} is not an executable file`
    : 'grpcurl not found on the PATH or in $GOPATH/bin (go install ' +
        'github.com/fullstorydev/grpcurl/cmd/grpcurl@v1.9.4, as .ci/run does, or set PMR_GRPCURL)';
}

/** True when `python` runs and imports grpc and grpc_tools. */
function hasGrpc(python: string): boolean {
  try {
    execFileSync(python, ['-c', 'import grpc, grpc_tools.protoc'], { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
}

/**
 * The Python to run the client with: PMR_PYTHON, else the virtual environment .ci/run makes (PMR_PYTHON_VENV or
 * ~/.cache/pmr/python-grpc), else `python3` on the PATH; in each case only if it imports grpc and grpc_tools.
 */
export function findPython(env: Env = process.env): string | undefined {
  const venv = env['PMR_PYTHON_VENV'] || DEFAULT_PYTHON_VENV;
  const python = find(env, 'PMR_PYTHON', [join(venv, 'bin', 'python'), ...onPath(env, 'python3')]);
  return python !== undefined && hasGrpc(python) ? python : undefined;
}

/** Why the Python client tests cannot run here (pass it to requireParts), or null when they can. */
export function pythonMissing(env: Env = process.env): string | null {
  if (findPython(env) !== undefined) return null;
  const explicit = env['PMR_PYTHON'];
  const install = `python3 -m venv DIR && DIR/bin/pip install -r ${PYTHON_REQUIREMENTS}, as .ci/run does`;
  return explicit !== undefined && explicit !== ''
    ? `PMR_PYTHON=${explicit} does not run or cannot import grpc and grpc_tools (${install})`
    : `no Python with grpcio and grpcio-tools (${install}, or set PMR_PYTHON)`;
}

export interface ToolRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Run `file` with `args` (without blocking this process, whose services log through pipes), `input` on its standard
 * input; settles with the exit code and the output. A run still going after `timeoutMs` is killed (code null).
 */
export function runTool(
  file: string,
  args: readonly string[],
  options: { readonly input?: string; readonly env?: NodeJS.ProcessEnv; readonly timeoutMs?: number } = {},
): Promise<ToolRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: repoRoot, env: options.env ?? process.env, stdio: 'pipe' });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => {
      stderr += `\n[killed: still running after ${(options.timeoutMs ?? 60_000) / 1000} s]`;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 60_000);
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(options.input ?? '');
  });
}
