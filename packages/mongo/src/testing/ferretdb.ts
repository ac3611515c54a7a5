// FerretDB for tests: a MongoDB-wire-protocol server on its SQLite backend, started on a free loopback port with its
// data and state in a fresh temporary folder, so the MongoDB stores' contracts (and end-to-end runs on a MongoDB
// store) run where no MongoDB server can be installed. The binary is PMR_FERRETDB when set, else `ferretdb` on the
// PATH, else in Go's bin folder, where `go install` (and .ci/run) put it. Telemetry is off (it would reach an outside
// host) and so is the debug HTTP port.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@pmr/common/nats-server';
import { findProgram, goBinDirs, onPath, programMissing, waitExit, type Env } from '@pmr/common/programs';

export interface FerretDbHandle {
  /** mongodb://127.0.0.1:PORT/ */
  readonly url: string;
  readonly port: number;
  /** The folder holding the SQLite files and FerretDB's state; removed by stop(). */
  readonly dataDir: string;
  /** SIGTERM and wait for exit (SIGKILL after 5 s), then remove the data folder. */
  stop(): Promise<void>;
}

/** The ferretdb binary to use, or undefined when there is none. PMR_FERRETDB, when set, is the only candidate. */
export function findFerretDb(env: Env = process.env): string | undefined {
  return findProgram(env, 'PMR_FERRETDB', [
    ...onPath(env, 'ferretdb'),
    ...goBinDirs(env).map((d) => join(d, 'ferretdb')),
  ]);
}

/** Why FerretDB tests must skip here (pass it through requireParts), or undefined when a binary is available. */
export function ferretDbMissing(env: Env = process.env): string | undefined {
  if (findFerretDb(env) !== undefined) return undefined;
  return programMissing(
    env,
    'ferretdb',
    'PMR_FERRETDB',
    'on the PATH or in $(go env GOPATH)/bin (build it: go install ' +
      'github.com/FerretDB/FerretDB/cmd/ferretdb@v1.24.2, as .ci/run does, or set PMR_FERRETDB)',
  );
}

/** Resolves once something accepts TCP connections on 127.0.0.1:`port`; rejects if `child` exits or time runs out. */
function waitListening(child: ChildProcess, port: number, timeoutMs: number, log: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    let done = false;
    const onExit = (code: number | null, signal: NodeJS.Signals | null): void =>
      finish(new Error(`ferretdb exited (${String(code ?? signal)}) before it listened:\n${log()}`));
    const finish = (error?: Error): void => {
      if (done) return;
      done = true;
      child.off('exit', onExit);
      if (error === undefined) resolve();
      else reject(error);
    };
    child.once('exit', onExit);
    const attempt = (): void => {
      if (done) return;
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        finish();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) finish(new Error(`ferretdb not listening after ${timeoutMs} ms:\n${log()}`));
        else setTimeout(attempt, 50);
      });
    };
    attempt();
  });
}

/**
 * Starts FerretDB on a free port with a fresh SQLite data folder and waits until it accepts connections.
 * @throws Error when no binary is found (check ferretDbMissing first) or the server does not come up.
 */
export async function startFerretDb(
  options: { readonly binary?: string; readonly startTimeoutMs?: number } = {},
): Promise<FerretDbHandle> {
  const binary = options.binary ?? findFerretDb();
  if (binary === undefined) throw new Error(ferretDbMissing() ?? 'ferretdb not found');
  const dataDir = mkdtempSync(join(tmpdir(), 'pmr-ferretdb-'));
  const port = await freePort();
  const child = spawn(
    binary,
    [
      '--handler=sqlite',
      `--sqlite-url=file:${dataDir}/`,
      `--listen-addr=127.0.0.1:${port}`,
      '--debug-addr=-',
      `--state-dir=${dataDir}`,
      '--telemetry=disable',
      '--log-level=warn',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-8000);
  });
  const stop = async (): Promise<void> => {
    child.kill('SIGTERM');
    await waitExit(child, 5_000);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitListening(child, port, options.startTimeoutMs ?? 15_000, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `mongodb://127.0.0.1:${port}/`, port, dataDir, stop };
}
