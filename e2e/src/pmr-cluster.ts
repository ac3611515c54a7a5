// `pmr cluster` as a user runs it, for end-to-end tests: the real command as a child process (without NATS_URL, so it
// starts its own nats-server), its printed service lines parsed, its stderr kept and searchable.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { launchEnv, nodeArgs } from '@pmr/common';
import { repoRoot } from './paths.ts';
import { pmrBin } from './run-cli.ts';

/** One service as `pmr cluster` printed it. */
export interface PrintedService {
  readonly name: string;
  readonly pid: number;
  readonly grpcAddress: string;
  readonly metricsAddress: string;
}

export interface PmrCluster {
  readonly child: ChildProcess;
  /** The services as printed at start-up, by name. */
  readonly services: ReadonlyMap<string, PrintedService>;
  /** The address after `ready`. */
  readonly address: string;
  /** Everything written on stderr so far. */
  stderr(): string;
  /** The first match of `pattern` on stderr; rejects after `timeoutMs` or when the cluster exits first. */
  waitForStderr(pattern: RegExp, timeoutMs?: number): Promise<RegExpExecArray>;
  /** Resolves with the exit code once it has exited. */
  readonly exited: Promise<number | null>;
}

/** `pmr cluster ARGS`; resolves once it prints `ready`. */
export async function startPmrCluster(args: readonly string[], timeoutMs = 120_000): Promise<PmrCluster> {
  const { NATS_URL: _ignored, ...env } = process.env;
  void _ignored;
  const child = spawn(process.execPath, nodeArgs(pmrBin(), ['cluster', ...args]), {
    cwd: repoRoot,
    env: launchEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let stderr = '';
  const wakers = new Set<() => void>();
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
    for (const wake of wakers) wake();
  });
  const services = new Map<string, PrintedService>();
  const address = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no "ready" line in ${timeoutMs / 1000} s: ${stderr.slice(-2000)}`)),
      timeoutMs,
    );
    void exited.then((code) => reject(new Error(`pmr cluster exited with ${code}: ${stderr.slice(-2000)}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      const service = /^(\w+) +pid (\d+) {2}grpc (\S+) {2}metrics (\S+)$/.exec(line);
      if (service !== null)
        services.set(service[1]!, {
          name: service[1]!,
          pid: Number(service[2]),
          grpcAddress: service[3]!,
          metricsAddress: service[4]!,
        });
      const ready = /^ready (\S+)$/.exec(line);
      if (ready !== null) {
        clearTimeout(timer);
        resolve(ready[1]!);
      }
    });
  });
  return {
    child,
    services,
    address,
    stderr: () => stderr,
    exited,
    async waitForStderr(pattern, waitMs = 120_000) {
      const deadline = performance.now() + waitMs;
      let ended = false;
      void exited.then(() => (ended = true));
      for (;;) {
        const match = pattern.exec(stderr);
        if (match !== null) return match;
        if (ended || performance.now() > deadline)
          throw new Error(
            `no ${String(pattern)} on stderr${ended ? ' before pmr cluster exited' : ''}: ${stderr.slice(-3000)}`,
          );
        await new Promise<void>((resolve) => {
          const wake = (): void => {
            wakers.delete(wake);
            clearTimeout(timer);
            resolve();
          };
          const timer = setTimeout(wake, 200);
          wakers.add(wake);
        });
      }
    },
  };
}

/** A Prometheus counter (summed over its label sets) from a /metrics address. */
export async function readMetricsCounter(metricsAddress: string, name: string): Promise<number> {
  const text = await (await fetch(`http://${metricsAddress}/metrics`)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name} `) || line.startsWith(`${name}{`))
      total += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return total;
}
