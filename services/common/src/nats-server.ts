// A local nats-server on a free loopback port, with JetStream on a temporary store: `pmr cluster` starts its broker
// with it, and tests start theirs (and stop and start it again on the same port and store for broker-restart tests).
// Everything is set in a generated config file, because max_payload cannot be given as a flag.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findProgram, isExecutable, onPath, waitExit } from './programs.ts';

export interface NatsServerOptions {
  /** Enable JetStream (default true). */
  readonly jetstream?: boolean;
  /** JetStream store folder; default a fresh temporary folder removed by stop({ removeStore: true }). */
  readonly storeDir?: string;
  /** Largest message payload in bytes (default: the server's 1 MiB). */
  readonly maxPayload?: number;
  /** The nats-server binary; default NATS_SERVER_BIN in `env`, else `nats-server` on env's PATH, /usr/sbin or /usr/local/bin. */
  readonly binary?: string;
  /** The environment the binary is looked up in when `binary` is not given (the caller's, from its composition root). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** How long to wait for "Server is ready" (default 10 s). */
  readonly startTimeoutMs?: number;
  /** Run the server in its own process group, so a terminal's Ctrl-C reaches only its parent (default false). */
  readonly ownProcessGroup?: boolean;
  /** Called when the running server exits other than through stop()/restart() (it crashed or was killed). */
  readonly onUnexpectedExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
}

export interface NatsServerHandle {
  /** nats://127.0.0.1:PORT */
  readonly url: string;
  readonly port: number;
  readonly storeDir: string;
  /** SIGTERM and wait for exit (SIGKILL after 5 s); removes the temporary folder unless keepFiles is set. */
  stop(options?: { readonly keepFiles?: boolean }): Promise<void>;
  /** Stop (keeping the store) and start again on the same port and store. */
  restart(): Promise<void>;
  /** Start again after stop({ keepFiles: true }). */
  start(): Promise<void>;
}

/**
 * The nats-server binary to use, or undefined when there is none (tests then skip with the reason). `binary`, else
 * NATS_SERVER_BIN in `env`, is the only candidate when given; otherwise `nats-server` on env's PATH, /usr/sbin or
 * /usr/local/bin.
 */
export function findNatsServer(env: Readonly<Record<string, string | undefined>>, binary?: string): string | undefined {
  if (binary !== undefined) return isExecutable(binary) ? binary : undefined;
  return findProgram(env, 'NATS_SERVER_BIN', [
    ...onPath(env, 'nats-server'),
    '/usr/sbin/nats-server',
    '/usr/local/bin/nats-server',
  ]);
}

/** A TCP port free on 127.0.0.1 at the moment of asking. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolve(port) : reject(new Error('no port assigned'))));
    });
  });
}

function configText(port: number, storeDir: string, options: NatsServerOptions): string {
  const lines = [`host: "127.0.0.1"`, `port: ${port}`];
  if (options.maxPayload !== undefined) lines.push(`max_payload: ${options.maxPayload}`);
  if (options.jetstream ?? true) lines.push(`jetstream {`, `  store_dir: ${JSON.stringify(storeDir)}`, `}`);
  return `${lines.join('\n')}\n`;
}

function waitReady(child: ChildProcess, timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    const timer = setTimeout(
      () => finish(new Error(`nats-server not ready after ${timeoutMs} ms:\n${log}`)),
      timeoutMs,
    );
    const onData = (chunk: Buffer): void => {
      log += chunk.toString();
      if (log.includes('Server is ready')) finish();
    };
    const onExit = (code: number | null): void =>
      finish(new Error(`nats-server exited (${String(code)}) before ready:\n${log}`));
    function finish(error?: Error): void {
      clearTimeout(timer);
      child.stderr?.off('data', onData);
      child.off('exit', onExit);
      // Keep draining stderr so a chatty server never blocks on a full pipe.
      child.stderr?.resume();
      if (error !== undefined) reject(error);
      else resolve();
    }
    child.stderr?.on('data', onData);
    child.once('exit', onExit);
  });
}

/**
 * Start nats-server on a free port. @throws Error when no binary is found (check natsServerSkipReason first)
 * or the server does not become ready.
 */
export async function startNatsServer(options: NatsServerOptions): Promise<NatsServerHandle> {
  const binary = findNatsServer(options.env, options.binary);
  if (binary === undefined) throw new Error('nats-server not found');
  const workDir = mkdtempSync(join(tmpdir(), 'pmr-nats-'));
  const storeDir = options.storeDir ?? join(workDir, 'jetstream');
  const port = await freePort();
  const configPath = join(workDir, 'nats.conf');
  writeFileSync(configPath, configText(port, storeDir, options));
  let child: ChildProcess | undefined;
  let ready = false;

  async function start(): Promise<void> {
    if (child !== undefined) throw new Error('nats-server already running');
    const started = spawn(binary as string, ['-c', configPath], {
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: options.ownProcessGroup ?? false,
    });
    child = started;
    ready = false;
    started.once('exit', (code, signal) => {
      if (child !== started) return;
      child = undefined;
      if (ready) options.onUnexpectedExit?.(code, signal);
    });
    try {
      await waitReady(started, options.startTimeoutMs ?? 10_000);
      ready = true;
    } catch (error) {
      started.kill('SIGKILL');
      throw error;
    }
  }

  async function stopProcess(): Promise<void> {
    const running = child;
    if (running === undefined) return;
    ready = false;
    running.kill('SIGTERM');
    await waitExit(running, 5_000);
    child = undefined;
  }

  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    port,
    storeDir,
    start,
    async stop(stopOptions) {
      await stopProcess();
      if (!(stopOptions?.keepFiles ?? false)) rmSync(workDir, { recursive: true, force: true });
    },
    async restart() {
      await stopProcess();
      await start();
    },
  };
}
