// Test helper: run a stage service's bin as a real process on loopback with free ports, and wait until it logs
// where it listens (the `listening` line every service writes through startStageService).
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { launchEnv, nodeArgs } from '../launch.ts';

/** One pino log line from the service's stderr (a line that is not JSON becomes `{ msg: line }`). */
export interface LogLine {
  readonly msg: string;
  readonly [key: string]: unknown;
}

export interface ServiceProcess {
  readonly child: ChildProcess;
  /** Every log line so far; the array keeps filling while the process runs. */
  readonly logs: LogLine[];
  readonly grpcPort: number;
  readonly metricsPort: number;
}

/**
 * Spawn `node <bin>` with PMR's launch settings (as deployed), gRPC and metrics on 127.0.0.1 port 0 and `env` on top of the process environment; resolves
 * once the service logs `listening`, rejects if it exits first or takes longer than `timeoutMs`.
 */
export function startServiceProcess(
  bin: string,
  options: { readonly cwd: string; readonly env?: Readonly<Record<string, string>>; readonly timeoutMs?: number },
): Promise<ServiceProcess> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const child = spawn(process.execPath, nodeArgs(bin), {
    cwd: options.cwd,
    env: launchEnv({
      ...process.env,
      PMR_GRPC_HOST: '127.0.0.1',
      PMR_GRPC_PORT: '0',
      PMR_METRICS_HOST: '127.0.0.1',
      PMR_METRICS_PORT: '0',
      ...options.env,
    }),
    stdio: ['ignore', 'inherit', 'pipe'],
  });
  const logs: LogLine[] = [];
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no "listening" log line in ${timeoutMs / 1000} s: ${JSON.stringify(logs)}`)),
      timeoutMs,
    );
    child.once('exit', (code) =>
      reject(new Error(`the service exited with ${code} before listening: ${JSON.stringify(logs)}`)),
    );
    createInterface({ input: child.stderr }).on('line', (text) => {
      let line: LogLine;
      try {
        line = JSON.parse(text) as LogLine;
      } catch {
        line = { msg: text };
      }
      logs.push(line);
      if (line.msg === 'listening') {
        clearTimeout(timer);
        resolve({ child, logs, grpcPort: Number(line.grpcPort), metricsPort: Number(line.metricsPort) });
      }
    });
  });
}

/** Whether a process with this pid is still running (signal 0 tests for it without touching it). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Resolves when the child exits, with its exit code and the moment (performance.now()). */
export function exitOf(child: ChildProcess): Promise<{ code: number | null; at: number }> {
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, at: performance.now() })));
}

/** The steps of the service's shutdown report (its `stopped` log line) as `step:outcome`, or undefined without one. */
export function stopSteps(logs: readonly LogLine[]): string[] | undefined {
  const report = logs.find((l) => l.msg === 'stopped')?.report as
    { steps: Array<{ step: string; outcome: string }> } | undefined;
  return report?.steps.map((s) => `${s.step}:${s.outcome}`);
}

/**
 * Run `node <bin>` with exactly `env` until it exits (a service given a bad configuration exits at once): its exit
 * code and the `problems` its last log line lists.
 */
export async function runWithConfig(
  bin: string,
  options: { readonly cwd: string; readonly env: Readonly<Record<string, string | undefined>> },
): Promise<{ code: number | null; problems: string[] | undefined }> {
  const child = spawn(process.execPath, [bin], {
    cwd: options.cwd,
    env: options.env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const { code } = await exitOf(child);
  const line = JSON.parse(stderr.trim().split('\n').at(-1) ?? '{}') as { problems?: string[] };
  return { code, problems: line.problems };
}
