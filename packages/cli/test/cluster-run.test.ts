// `pmr cluster`'s command (runCluster) with the real six-service list and environment, each service played by
// test/fixtures/fake-service.ts (which echoes the environment it was given), and a real nats-server: what it prints,
// what each service is told, where the job store is, stopping on the stop signal, a service that dies (restarted and
// reported) or keeps dying (the cluster ends), a failed start, bad media roots.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Writable } from 'node:stream';
import { test } from 'node:test';
import { freePort, natsServerSkipReason, startNatsServer } from '@pmr/common/testing/nats-server';
import { requireParts } from '@pmr/common/testing/require-parts';
import { processAlive } from '@pmr/common/testing/service-process';
import type { ServiceSpec } from '../src/cluster/cluster.ts';
import type { RestartPolicy } from '../src/cluster/restart-policy.ts';
import { runCluster, type ClusterCommandOptions } from '../src/cluster/run-cluster.ts';
import { clusterServiceSpecs, type ClusterSettings } from '../src/cluster/service-specs.ts';

const FAKE = join(import.meta.dirname, 'fixtures', 'fake-service.ts');
const skip = requireParts(natsServerSkipReason());
const QUICK: RestartPolicy = { maxRestarts: 3, initialDelayMs: 50, maxDelayMs: 200, stableMs: 60_000 };

/** A stream that keeps what is written and can wait for a pattern. */
class Capture extends Writable {
  text = '';
  #waiters: Array<() => void> = [];
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    for (const wake of this.#waiters.splice(0)) wake();
    done();
  }
  /** The first match of `pattern` in what was written; rejects with the text so far after `timeoutMs`. */
  async waitFor(pattern: RegExp, timeoutMs = 30_000): Promise<RegExpExecArray> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const match = pattern.exec(this.text);
      if (match !== null) return match;
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`no ${String(pattern)} in ${timeoutMs / 1000} s; got:\n${this.text}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.#waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }
}

/** The real specs, each service played by the fake, with `extra` added to the named services' environment. */
function fakes(
  extra: Readonly<Record<string, Record<string, string>>> = {},
): (settings: ClusterSettings) => ServiceSpec[] {
  return (settings) =>
    clusterServiceSpecs(settings).map((spec) => ({
      ...spec,
      bin: FAKE,
      env: (peers, previous) => ({ ...spec.env?.(peers, previous), ...extra[spec.name] }),
    }));
}

/** The environment the fake named `service` echoed in its `listening` line (forwarded on stderr). */
function echoedEnv(stderr: string, service: string): Record<string, string> {
  const line = stderr
    .split('\n')
    .find((l) => l.startsWith(`${service.padEnd(12)} | `) && l.includes('"msg":"listening"'));
  assert.ok(line !== undefined, `${service} listening line in:\n${stderr}`);
  return (JSON.parse(line.slice(15)) as { env: Record<string, string> }).env;
}

/** The first line nats-server sends a client (INFO {...}); rejects when nothing listens. */
function natsGreeting(url: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().split('\r\n')[0] ?? '');
    });
    socket.once('error', reject);
  });
}

function options(overrides: Partial<ClusterCommandOptions> = {}): ClusterCommandOptions {
  return {
    listen: '127.0.0.1',
    port: 0,
    mediaRoots: [],
    natsStore: undefined,
    store: undefined,
    logLevel: 'info',
    ...overrides,
  };
}

function environment(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env.NATS_URL;
  return env;
}

test(
  'pmr cluster: a local nats-server, six services told where things are, printed, then stopped in order',
  { skip },
  async () => {
    const work = mkdtempSync(join(tmpdir(), 'pmr-cluster-run-'));
    const stdout = new Capture();
    const stderr = new Capture();
    const stop = new AbortController();
    const port = await freePort();
    try {
      const store = join(work, 'jobs.db');
      const run = runCluster(options({ port, mediaRoots: ['.', work], store }), {
        env: environment(),
        cwd: work,
        stdout,
        stderr,
        stopSignal: stop.signal,
        services: fakes(),
      });
      await stdout.waitFor(/^ready .*\n/m);
      const lines = stdout.text.trimEnd().split('\n');
      assert.equal(lines.length, 7, stdout.text);
      const names = ['decoder', 'detector', 'tracker', 'recognizer', 'attributes', 'orchestrator'];
      const addresses = new Map<string, string>();
      lines.slice(0, 6).forEach((line, i) => {
        const match = /^(\w+) +pid (\d+) {2}grpc (127\.0\.0\.1:\d+) {2}metrics (127\.0\.0\.1:\d+)$/.exec(line);
        assert.ok(match !== null, line);
        assert.equal(match[1], names[i]);
        addresses.set(match[1]!, match[3]!);
      });
      assert.equal(addresses.get('orchestrator'), `127.0.0.1:${port}`, 'the orchestrator on --port');
      assert.equal(lines[6], `ready 127.0.0.1:${port}`);

      const natsUrl = (
        await stderr.waitFor(/started nats-server at (nats:\/\/127\.0\.0\.1:\d+), JetStream store (\S+)\n/)
      )[1]!;
      assert.ok(
        stderr.text.includes(`\npmr: job store ${store}\n`),
        'the job store where --store says, not called temporary',
      );
      const natsStore = /JetStream store (\S+)\n/.exec(stderr.text)![1]!;
      assert.match(await natsGreeting(natsUrl), /^INFO \{.*"jetstream":true/);
      const decoder = echoedEnv(stderr.text, 'decoder');
      assert.deepEqual(decoder, {
        NATS_URL: natsUrl,
        PMR_GRPC_HOST: '127.0.0.1',
        PMR_GRPC_PORT: '0',
        PMR_METRICS_HOST: '127.0.0.1',
        PMR_METRICS_PORT: '0',
        PMR_LOG_LEVEL: 'info',
        PMR_MEDIA_ROOTS: `${work}:${work}`,
      });
      const orchestrator = echoedEnv(stderr.text, 'orchestrator');
      assert.deepEqual(orchestrator, {
        NATS_URL: natsUrl,
        PMR_GRPC_HOST: '127.0.0.1',
        PMR_GRPC_PORT: String(port),
        PMR_METRICS_HOST: '127.0.0.1',
        PMR_METRICS_PORT: '0',
        PMR_LOG_LEVEL: 'info',
        PMR_DETECTOR_ADDR: addresses.get('detector'),
        PMR_RECOGNIZER_ADDR: addresses.get('recognizer'),
        PMR_ATTRIBUTES_ADDR: addresses.get('attributes'),
        PMR_STORE_PATH: store,
        PMR_MEDIA_ROOTS: `${work}:${work}`,
      });
      assert.match(stderr.text, /^tracker {6}\| a line on stdout$/m, 'service output on stderr, prefixed');

      stop.abort();
      assert.equal(await run, 0);
      const stopping = stderr.text
        .split('\n')
        .filter((l) => l.includes('"msg":"stopping"'))
        .map((l) => l.split(' ')[0]);
      assert.deepEqual(stopping, ['orchestrator', 'decoder', 'tracker', 'detector', 'recognizer', 'attributes']);
      await assert.rejects(natsGreeting(natsUrl), /ECONNREFUSED/, 'nats-server stopped');
      assert.equal(existsSync(dirname(natsStore)), false, 'the temporary folder is removed');
    } finally {
      stop.abort();
      rmSync(work, { recursive: true, force: true });
    }
  },
);

test(
  'pmr cluster --listen 0.0.0.0: only the public port is widened, printed as bound, with a warning',
  { skip },
  async () => {
    const stdout = new Capture();
    const stderr = new Capture();
    const stop = new AbortController();
    // A user's own PMR_GRPC_HOST / PMR_METRICS_HOST must not widen what the cluster starts.
    const env = { ...environment(), PMR_GRPC_HOST: '0.0.0.0', PMR_METRICS_HOST: '0.0.0.0' };
    try {
      const run = runCluster(options({ listen: '0.0.0.0' }), {
        env,
        cwd: process.cwd(),
        stdout,
        stderr,
        stopSignal: stop.signal,
        services: fakes(),
      });
      const ready = (await stdout.waitFor(/^ready (\S+)\n/m))[1]!;
      const orchestrator = /^orchestrator +pid \d+ {2}grpc (\S+) {2}metrics (\S+)$/m.exec(stdout.text);
      assert.ok(orchestrator !== null, stdout.text);
      assert.match(orchestrator[1]!, /^0\.0\.0\.0:\d+$/, 'the address the orchestrator bound');
      assert.equal(ready, orchestrator[1]);
      for (const line of stdout.text.split('\n').filter((l) => / pid /.test(l) && !l.startsWith('orchestrator'))) {
        assert.match(line, /grpc 127\.0\.0\.1:\d+ {2}metrics 127\.0\.0\.1:\d+$/, line);
      }
      assert.match(
        stderr.text,
        /^pmr: warning: the orchestrator at 0\.0\.0\.0:\d+ accepts connections from other machines, without authentication/m,
      );
      const told = echoedEnv(stderr.text, 'orchestrator');
      assert.deepEqual([told.PMR_GRPC_HOST, told.PMR_METRICS_HOST], ['0.0.0.0', '127.0.0.1']);
      const detector = echoedEnv(stderr.text, 'detector');
      assert.deepEqual([detector.PMR_GRPC_HOST, detector.PMR_METRICS_HOST], ['127.0.0.1', '127.0.0.1']);
      stop.abort();
      assert.equal(await run, 0);
    } finally {
      stop.abort();
    }
  },
);

test(
  'pmr cluster: NATS_URL is used as given; a service that dies is restarted on its address and reported',
  { skip },
  async () => {
    const nats = await startNatsServer();
    const stdout = new Capture();
    const stderr = new Capture();
    const stop = new AbortController();
    try {
      const run = runCluster(options({ logLevel: 'warn' }), {
        env: { ...environment(), NATS_URL: nats.url },
        cwd: process.cwd(),
        stdout,
        stderr,
        stopSignal: stop.signal,
        services: fakes(),
        restart: QUICK,
      });
      const [, pid, grpc] = await stdout.waitFor(/^detector +pid (\d+) {2}grpc (\S+)/m);
      await stdout.waitFor(/^ready /m);
      assert.ok(stderr.text.includes(`pmr: using NATS at ${nats.url}\n`));
      assert.equal(stderr.text.includes('"msg":"listening"'), false, 'info lines are not shown at warn');
      process.kill(Number(pid), 'SIGKILL');
      const restarted = await stderr.waitFor(/^pmr: detector restarted: pid (\d+) {2}grpc (\S+) {2}metrics \S+$/m);
      assert.match(stderr.text, /^pmr: detector was killed by SIGKILL; restarting it in 0\.05 s \(restart 1 of 3\)$/m);
      assert.notEqual(restarted[1], pid);
      assert.equal(restarted[2], grpc, 'on the address the orchestrator was given');
      stop.abort();
      assert.equal(await run, 0, stderr.text);
      assert.match(await natsGreeting(nats.url), /^INFO /, 'a nats-server pmr did not start is left running');
    } finally {
      stop.abort();
      await nats.stop();
    }
  },
);

test(
  'pmr cluster: a service that keeps dying ends the cluster after N restarts, exit 1, saying why; the temporary job store is announced and removed',
  { skip },
  async () => {
    const stdout = new Capture();
    const stderr = new Capture();
    const run = runCluster(options({ logLevel: 'warn' }), {
      env: environment(),
      cwd: process.cwd(),
      stdout,
      stderr,
      stopSignal: new AbortController().signal,
      services: fakes({ orchestrator: { FAKE_MODE: 'die', FAKE_DIE_AFTER_MS: '200' } }),
      restart: QUICK,
    });
    assert.equal(await run, 1);
    const store = /^pmr: job store (\S+) \(temporary: removed when the cluster stops; --store FILE keeps it\)$/m.exec(
      stderr.text,
    );
    assert.ok(store !== null, stderr.text);
    assert.equal(existsSync(dirname(store[1]!)), false, 'the temporary folder is removed');
    assert.equal(
      stderr.text.match(/^pmr: orchestrator exited with code 3 \(boom\); restarting it/gm)?.length,
      3,
      stderr.text,
    );
    assert.match(
      stderr.text,
      /^pmr: orchestrator exited with code 3 after 3 restarts in a row \(last error: boom\); gave up and stopped the other services$/m,
    );
    const pids = [...stdout.text.matchAll(/ pid (\d+) /g)].map((m) => Number(m[1]));
    assert.equal(pids.length, 6, stdout.text);
    for (const pid of pids) assert.equal(processAlive(pid), false, `pid ${pid} is gone`);
  },
);

test('pmr cluster: a service that fails to start stops the others; the error is one line', { skip }, async () => {
  const stderr = new Capture();
  await assert.rejects(
    runCluster(options(), {
      env: environment(),
      cwd: process.cwd(),
      stdout: new Capture(),
      stderr,
      stopSignal: new AbortController().signal,
      services: fakes({ recognizer: { FAKE_MODE: 'fail', FAKE_FAIL_DELAY_MS: '1500' } }),
    }),
    (err: Error) =>
      err.message ===
      'recognizer exited with code 2 before listening: invalid configuration (1 problem): PMR_THING is required (a thing)',
  );
  const stopping = stderr.text
    .split('\n')
    .filter((l) => l.includes('"msg":"stopping"'))
    .map((l) => l.split(' ')[0]);
  assert.deepEqual(
    stopping.sort(),
    ['attributes', 'decoder', 'detector', 'tracker'],
    'the other stage services were stopped',
  );
  assert.equal(stderr.text.includes('orchestrator'), false, 'the orchestrator never started');
});

test('pmr cluster: a media root that is not a folder is refused before anything starts', async () => {
  const stderr = new Capture();
  await assert.rejects(
    runCluster(options({ mediaRoots: ['/no/such/folder'] }), {
      env: environment(),
      cwd: process.cwd(),
      stdout: new Capture(),
      stderr,
      stopSignal: new AbortController().signal,
      services: fakes(),
    }),
    /^PmrError: --media-root \/no\/such\/folder is not a folder$/,
  );
  assert.equal(stderr.text, '');
});

/** The pid of the nats-server listening on `port` (its config file names the port), from /proc. */
function natsServerPid(port: number): number {
  for (const entry of readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
    let argv: string[];
    try {
      argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue; // gone meanwhile
    }
    const config = argv[argv.indexOf('-c') + 1];
    if (!argv[0]?.endsWith('nats-server') || config === undefined || argv.indexOf('-c') < 0) continue;
    if (readFileSync(config, 'utf8').includes(`port: ${port}\n`)) return Number(entry);
  }
  throw new Error(`no nats-server on port ${port}`);
}

test(
  'pmr cluster: the nats-server it started, killed, is restarted on its port and store, reported; killed too often, the cluster ends',
  { skip: skip ?? (process.platform === 'linux' ? false : 'reads /proc') },
  async () => {
    const work = mkdtempSync(join(tmpdir(), 'pmr-cluster-run-'));
    const stdout = new Capture();
    const stderr = new Capture();
    const stop = new AbortController();
    try {
      const run = runCluster(options({ mediaRoots: [work] }), {
        env: environment(),
        cwd: work,
        stdout,
        stderr,
        stopSignal: stop.signal,
        services: fakes(),
        restart: { ...QUICK, maxRestarts: 1 },
      });
      await stdout.waitFor(/^ready .*\n/m);
      const natsUrl = (await stderr.waitFor(/started nats-server at (nats:\/\/127\.0\.0\.1:\d+)/))[1]!;
      const port = Number(new URL(natsUrl).port);
      process.kill(natsServerPid(port), 'SIGKILL');
      await stderr.waitFor(/pmr: nats-server was killed by SIGKILL; restarting it in 0\.05 s \(restart 1 of 1\)\n/);
      await stderr.waitFor(/pmr: nats-server restarted at nats:\/\/127\.0\.0\.1:\d+\n/);
      assert.match(await natsGreeting(natsUrl), /^INFO \{.*"jetstream":true/, 'on the same port, with JetStream');
      process.kill(natsServerPid(port), 'SIGKILL'); // the second death in a row is one too many
      assert.equal(await run, 1);
      assert.match(
        stderr.text,
        /pmr: nats-server was killed by SIGKILL after 1 restarts in a row; gave up and stopped the services\n/,
      );
    } finally {
      stop.abort();
      rmSync(work, { recursive: true, force: true });
    }
  },
);
