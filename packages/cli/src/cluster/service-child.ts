// One supervised service process: `node <bin>` in its own process group (so a terminal's Ctrl-C reaches only the
// supervisor, which stops the services in order), its stdout and stderr read line by line, the `listening` log line
// awaited, and a bounded stop (SIGTERM, then SIGKILL). The last error a service logged is kept for a one-line report.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { launchEnv, nodeArgs, PmrError } from '@pmr/common';

/** How a process ended. */
export interface ExitStatus {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
}

/** Where a started service listens, as it bound (from its `listening` log line). */
export interface Listening {
  /** `host:port` of its gRPC server. */
  readonly grpcAddress: string;
  readonly grpcPort: number;
  /** `host:port` of its /metrics endpoint. */
  readonly metricsAddress: string;
  readonly metricsPort: number;
}

export interface ServiceChildOptions {
  readonly name: string;
  /** The service's entry file, run as `execPath bin` with PMR's launch settings (launch.ts in @pmr/common). */
  readonly bin: string;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly execPath: string;
  /** Every line the service writes, on either stream. */
  readonly onLine: (line: string) => void;
}

const ERROR_LEVEL = 50; // pino: 50 error, 60 fatal
const STREAM_DRAIN_MS = 1000;

/** One line saying what a pino error line (or a bare Node error line) reports; undefined for other lines. */
export function problemOf(line: string): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return /^\s*(\w+)?Error\b/.test(line) ? line.trim() : undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record = parsed as Record<string, unknown>;
  if (typeof record.level !== 'number' || record.level < ERROR_LEVEL) return undefined;
  const msg = typeof record.msg === 'string' ? record.msg : '';
  const parts = [(msg.split('\n')[0] ?? '').replace(/:$/, '')];
  if (Array.isArray(record.problems)) parts.push(record.problems.map(String).join('; '));
  else if (typeof record.reason === 'string') parts.push(record.reason);
  else if (
    typeof record.err === 'object' &&
    record.err !== null &&
    typeof (record.err as { message?: unknown }).message === 'string'
  ) {
    parts.push((record.err as { message: string }).message.split('\n')[0] ?? '');
  }
  return parts.filter((p) => p !== '').join(': ');
}

/** The addresses and ports of a `listening` log line, or undefined for any other line. */
export function listeningOf(line: string): Listening | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(line);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const { msg, grpcAddress, grpcPort, metricsAddress, metricsPort } = parsed as Record<string, unknown>;
  if (msg !== 'listening' || typeof grpcPort !== 'number' || typeof metricsPort !== 'number') return undefined;
  if (typeof grpcAddress !== 'string' || typeof metricsAddress !== 'string') return undefined;
  return { grpcAddress, grpcPort, metricsAddress, metricsPort };
}

/** "exited with code N" or "was killed by SIGNAL". */
export function describeExit(status: ExitStatus): string {
  return status.signal !== null ? `was killed by ${status.signal}` : `exited with code ${String(status.code)}`;
}

export class ServiceChild {
  readonly name: string;
  readonly process: ChildProcess;
  /** Resolves once the process has ended (also when it could not be spawned: code null, signal null). */
  readonly exited: Promise<ExitStatus>;
  #status: ExitStatus | undefined;
  #lastProblem: string | undefined;
  #listening: Listening | undefined;
  #onListening: ((listening: Listening) => void) | undefined;
  #streamsClosed: Promise<unknown>;

  constructor(options: ServiceChildOptions) {
    this.name = options.name;
    const child = spawn(options.execPath, nodeArgs(options.bin), {
      cwd: options.cwd,
      env: launchEnv(options.env),
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    this.process = child;
    const onText = (text: string): void => {
      options.onLine(text);
      this.#lastProblem = problemOf(text) ?? this.#lastProblem;
      const listening = this.#listening === undefined ? listeningOf(text) : undefined;
      if (listening !== undefined) {
        this.#listening = listening;
        this.#onListening?.(listening);
      }
    };
    const out = createInterface({ input: child.stdout });
    const err = createInterface({ input: child.stderr });
    out.on('line', onText);
    err.on('line', onText);
    this.#streamsClosed = Promise.all([once(out, 'close'), once(err, 'close')]);
    this.exited = new Promise((resolve) => {
      const settle = (status: ExitStatus): void => {
        this.#status ??= status;
        resolve(this.#status);
      };
      // Its last lines (why it stopped) are read before it counts as ended; a grandchild holding the pipes open is
      // not waited for long.
      child.once('exit', (code, signal) => {
        const timer = setTimeout(() => settle({ code, signal }), STREAM_DRAIN_MS);
        void this.#streamsClosed.then(() => {
          clearTimeout(timer);
          settle({ code, signal });
        });
      });
      child.once('error', (error) => {
        this.#lastProblem = error.message;
        if (child.pid === undefined) settle({ code: null, signal: null });
      });
    });
  }

  get pid(): number {
    return this.process.pid ?? -1;
  }

  /** The last error the service reported (a pino error/fatal line or a Node error line), on one line. */
  get lastProblem(): string | undefined {
    return this.#lastProblem;
  }

  /**
   * Resolves with where it listens once the service logs `listening`; rejects with a one-line PmrError when it exits
   * first or does not listen within `timeoutMs`.
   */
  async listening(timeoutMs: number): Promise<Listening> {
    if (this.#listening !== undefined) return this.#listening;
    let timer: NodeJS.Timeout | undefined;
    const listened = new Promise<Listening>((resolve) => (this.#onListening = resolve));
    const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
    const outcome = await Promise.race([listened, this.exited, timedOut]).finally(() => clearTimeout(timer));
    if (outcome === 'timeout')
      throw new PmrError('UNAVAILABLE', `${this.name} did not report listening within ${timeoutMs / 1000} s`);
    if ('grpcPort' in outcome) return outcome;
    const why = this.#lastProblem === undefined ? '' : `: ${this.#lastProblem}`;
    throw new PmrError('UNAVAILABLE', `${this.name} ${describeExit(outcome)} before listening${why}`);
  }

  /** SIGTERM, then SIGKILL when it has not ended after `timeoutMs`; resolves with how it ended. */
  async stop(timeoutMs: number): Promise<ExitStatus> {
    if (this.#status !== undefined) return this.#status;
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill('SIGTERM');
    const timer = setTimeout(() => this.kill(), timeoutMs);
    try {
      return await this.exited;
    } finally {
      clearTimeout(timer);
    }
  }

  /** SIGKILL now, if it is still running. */
  kill(): void {
    if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill('SIGKILL');
  }
}
