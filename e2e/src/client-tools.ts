// The programs the other-language client tests run: grpcurl (Go) and a Python with grpcio and grpcio-tools. Each is
// found where .ci/run puts it (PMR_GRPCURL, PMR_PYTHON) or where a developer would have it; when it is missing the
// answer is a sentence for requireParts, so such a test skips here with the reason and fails in CI.
import { execFileSync, spawn } from 'node:child_process';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { findProgram, goBinDirs, onPath, programMissing, type Env } from '@pmr/common/programs';
import { repoRoot } from './paths.ts';

/** The pinned Python packages the Python client needs (.ci/run installs them into a virtual environment). */
export const PYTHON_REQUIREMENTS = join(repoRoot, 'e2e', 'clients', 'python', 'requirements.txt');

/** Where .ci/run keeps that virtual environment unless PMR_PYTHON_VENV says otherwise. */
export const DEFAULT_PYTHON_VENV = join(homedir(), '.cache', 'pmr', 'python-grpc');

/** The grpcurl to run: PMR_GRPCURL, else `grpcurl` on the PATH, else in Go's bin folder; undefined when none. */
export function findGrpcurl(env: Env = process.env): string | undefined {
  return findProgram(env, 'PMR_GRPCURL', [...onPath(env, 'grpcurl'), ...goBinDirs(env).map((d) => join(d, 'grpcurl'))]);
}

/** Why the grpcurl tests cannot run here (pass it to requireParts), or null when they can. */
export function grpcurlMissing(env: Env = process.env): string | null {
  if (findGrpcurl(env) !== undefined) return null;
  return programMissing(
    env,
    'grpcurl',
    'PMR_GRPCURL',
    'on the PATH or in $GOPATH/bin (go install ' +
      'github.com/fullstorydev/grpcurl/cmd/grpcurl@v1.9.4, as .ci/run does, or set PMR_GRPCURL)',
  );
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
  const python = findProgram(env, 'PMR_PYTHON', [join(venv, 'bin', 'python'), ...onPath(env, 'python3')]);
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
