// The cluster supervisor on real processes (test/fixtures/fake-service.ts, which behaves as a service does on
// start-up and SIGTERM): start waves and `needs`, the stop order, SIGKILL after the stop timeout, a failed start, a
// service that dies (restarted with backoff on its own ports; a crash loop given up after N restarts; with restarts
// off, the others stopped), an interrupted start-up; and the pure start-wave, stop-order and backoff planning.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { PmrError } from '@pmr/common';
import {
  startCluster,
  startWaves,
  stopSequence,
  type ServiceSpec,
  type SupervisorEvent,
} from '../src/cluster/cluster.ts';
import { DEFAULT_RESTART_POLICY, restartDelay, type RestartPolicy } from '../src/cluster/restart-policy.ts';
import { processAlive } from '@pmr/common/testing/service-process';

const FAKE = join(import.meta.dirname, 'fixtures', 'fake-service.ts');

/** The fake as `name`; restarted, it is told to listen where it did (as the real specs do). */
function fake(name: string, env: Record<string, string> = {}, needs?: string[]): ServiceSpec {
  return {
    name,
    bin: FAKE,
    env: (_peers, previous) => ({ PMR_GRPC_PORT: String(previous?.grpcPort ?? 0), ...env }),
    ...(needs !== undefined && { needs }),
  };
}

/** Lines per service, in arrival order, as the supervisor reports them. */
function recorder(): {
  lines: Array<{ service: string; line: string }>;
  onOutput: (service: string, line: string) => void;
} {
  const lines: Array<{ service: string; line: string }> = [];
  return { lines, onOutput: (service, line) => lines.push({ service, line }) };
}

function messages(lines: ReadonlyArray<{ service: string; line: string }>, msg: string): string[] {
  return lines
    .filter((l) => l.line.startsWith('{') && (JSON.parse(l.line) as { msg: string }).msg === msg)
    .map((l) => l.service);
}

test('startWaves: services start after those they need; bad lists are refused', () => {
  const a = fake('a');
  const b = fake('b', {}, ['c']);
  const c = fake('c');
  const d = fake('d', {}, ['a', 'b']);
  assert.deepEqual(
    startWaves([a, b, c, d]).map((w) => w.map((s) => s.name)),
    [['a', 'c'], ['b'], ['d']],
  );
  assert.deepEqual(startWaves([]), []);
  assert.throws(() => startWaves([a, fake('a')]), /service "a" is listed twice/);
  assert.throws(() => startWaves([fake('x', {}, ['nope'])]), /x needs unknown services: nope/);
  assert.throws(() => startWaves([fake('x', {}, ['y']), fake('y', {}, ['x'])]), /services need each other: x, y/);
});

test('stopSequence: the given order first, then the rest last started first; only started services', () => {
  assert.deepEqual(stopSequence(['a', 'b', 'c', 'd'], ['c', 'a']), ['c', 'a', 'd', 'b']);
  assert.deepEqual(stopSequence(['a', 'b'], ['z', 'b']), ['b', 'a']);
  assert.deepEqual(stopSequence(['a', 'b', 'c'], []), ['c', 'b', 'a']);
});

test('start in waves, peers passed to env, output forwarded, stop in the given order', async () => {
  const { lines, onOutput } = recorder();
  const seenPeers: string[][] = [];
  const front: ServiceSpec = {
    name: 'front',
    bin: FAKE,
    needs: ['one', 'two'],
    env: (peers) => {
      seenPeers.push([...peers.keys()].sort());
      return { PMR_DETECTOR_ADDR: peers.get('one')!.grpcAddress };
    },
  };
  const cluster = await startCluster({
    env: process.env,
    services: [fake('one'), fake('two'), front],
    stopOrder: ['front', 'one', 'two'],
    onOutput,
  });
  assert.deepEqual(
    cluster.services.map((s) => s.name),
    ['one', 'two', 'front'],
  );
  assert.deepEqual(seenPeers, [['one', 'two']]);
  for (const s of cluster.services) {
    assert.ok(s.grpcPort > 0 && s.metricsPort === s.grpcPort && processAlive(s.pid), JSON.stringify(s));
    assert.equal(s.grpcAddress, `127.0.0.1:${s.grpcPort}`);
  }
  const frontListening = lines.find((l) => l.service === 'front' && l.line.includes('"listening"'))!;
  const frontEnv = (JSON.parse(frontListening.line) as { env: Record<string, string> }).env;
  assert.equal(frontEnv.PMR_DETECTOR_ADDR, cluster.services[0]!.grpcAddress);
  assert.ok(
    lines.some((l) => l.service === 'two' && l.line === 'a line on stdout'),
    'stdout lines are forwarded',
  );

  const end = await cluster.stop();
  assert.deepEqual(end, { reason: 'stopped' });
  assert.deepEqual(await cluster.stop(), { reason: 'stopped' }, 'stop() again answers the same');
  assert.deepEqual(messages(lines, 'stopping'), ['front', 'one', 'two']);
  for (const s of cluster.services) assert.equal(processAlive(s.pid), false, `${s.name} is gone`);
});

test('a service that ignores SIGTERM is killed after the stop timeout', async () => {
  const { lines, onOutput } = recorder();
  const cluster = await startCluster({
    env: process.env,
    services: [fake('stubborn', { FAKE_MODE: 'ignore-term' }), fake('polite')],
    stopTimeoutMs: 300,
    onOutput,
  });
  // Markers on the same clock, due just before the 300 ms stop timeout and long after it: the stop ends between them.
  const events: string[] = [];
  const markers = [setTimeout(() => events.push('at 290 ms'), 290), setTimeout(() => events.push('at 5000 ms'), 5000)];
  await cluster.stop();
  events.push('stopped');
  for (const m of markers) clearTimeout(m);
  assert.deepEqual(events, ['at 290 ms', 'stopped']);
  assert.deepEqual(messages(lines, 'stopping').sort(), ['polite', 'stubborn'], 'both were sent SIGTERM');
  for (const s of cluster.services) assert.equal(processAlive(s.pid), false, `${s.name} is gone`);
});

test('a failed start stops what had started and rejects with one line saying why', async () => {
  const { lines, onOutput } = recorder();
  const specs = [fake('first'), fake('broken', { FAKE_MODE: 'fail' }, ['first']), fake('never', {}, ['broken'])];
  let pmrError: PmrError | undefined;
  await assert.rejects(startCluster({ env: process.env, services: specs, onOutput }), (err: unknown) => {
    pmrError = err as PmrError;
    return true;
  });
  assert.ok(pmrError instanceof PmrError);
  assert.equal(
    pmrError.message,
    'broken exited with code 2 before listening: invalid configuration (1 problem): PMR_THING is required (a thing)',
  );
  assert.equal(pmrError.message.includes('\n'), false);
  assert.deepEqual(messages(lines, 'stopping'), ['first'], 'the started service was stopped');
  assert.equal(
    lines.some((l) => l.service === 'never'),
    false,
    'services after the failure never start',
  );
  const firstPid = (
    JSON.parse(lines.find((l) => l.service === 'first' && l.line.startsWith('{'))!.line) as { pid: number }
  ).pid;
  assert.equal(processAlive(firstPid), false);
});

test('a missing entry file is reported before anything starts', async () => {
  const { lines, onOutput } = recorder();
  await assert.rejects(
    startCluster({
      env: process.env,
      services: [fake('fine'), { name: 'ghost', bin: join(import.meta.dirname, 'fixtures', 'no-such-service.ts') }],
      onOutput,
    }),
    /^PmrError: ghost cannot start: .*no-such-service\.ts does not exist$/,
  );
  assert.deepEqual(lines, []);
});

test('a service that does not listen in time fails the start', async () => {
  await assert.rejects(
    startCluster({ env: process.env, services: [fake('slow', { FAKE_START_DELAY_MS: '10000' })], startTimeoutMs: 300 }),
    /^PmrError: slow did not report listening within 0.3 s$/,
  );
});

/** Quick restarts for tests: 3 in a row at most, 50 ms doubling to 200 ms. */
const QUICK: RestartPolicy = { maxRestarts: 3, initialDelayMs: 50, maxDelayMs: 200, stableMs: 60_000 };
const NO_RESTARTS: RestartPolicy = { ...QUICK, maxRestarts: 0 };

/** Resolves with the first event `events` receives that `match` accepts. */
function eventStream(): {
  events: SupervisorEvent[];
  onEvent: (e: SupervisorEvent) => void;
  next: (match: (e: SupervisorEvent) => boolean) => Promise<SupervisorEvent>;
} {
  const events: SupervisorEvent[] = [];
  const waiters: Array<{ match: (e: SupervisorEvent) => boolean; resolve: (e: SupervisorEvent) => void }> = [];
  return {
    events,
    onEvent(e) {
      events.push(e);
      for (const w of waiters.filter((w) => w.match(e))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(e);
      }
    },
    next: (match) => new Promise((resolve) => waiters.push({ match, resolve })),
  };
}

test('restartDelay: doubling from the first delay up to the cap, none after maxRestarts', () => {
  const policy: RestartPolicy = { maxRestarts: 5, initialDelayMs: 500, maxDelayMs: 3000, stableMs: 60_000 };
  assert.deepEqual(
    [1, 2, 3, 4, 5, 6].map((n) => restartDelay(policy, n)),
    [500, 1000, 2000, 3000, 3000, undefined],
  );
  assert.equal(restartDelay(NO_RESTARTS, 1), undefined);
  assert.deepEqual(DEFAULT_RESTART_POLICY, { maxRestarts: 5, initialDelayMs: 500, maxDelayMs: 8000, stableMs: 60_000 });
});

test('a service that dies is restarted after a backoff, on its own ports, and reported; the others run on', async (t) => {
  const { events, onEvent, next } = eventStream();
  const cluster = await startCluster({
    env: process.env,
    services: [fake('a'), fake('b'), fake('c')],
    restart: QUICK,
    onEvent,
  });
  t.after(() => cluster.kill());
  const before = new Map(cluster.services.map((s) => [s.name, s]));
  const victim = before.get('b')!;
  const restarted = next((e) => e.kind === 'restarted');
  process.kill(victim.pid, 'SIGKILL');
  const event = await restarted;
  assert.equal(event.kind, 'restarted');
  if (event.kind !== 'restarted') return;
  assert.deepEqual(events[0], {
    kind: 'exited',
    service: 'b',
    code: null,
    signal: 'SIGKILL',
    problem: undefined,
    restart: 1,
    of: 3,
    delayMs: 50,
  });
  const now = new Map(cluster.services.map((s) => [s.name, s]));
  assert.deepEqual(event.service, now.get('b'));
  assert.notEqual(now.get('b')!.pid, victim.pid);
  assert.ok(processAlive(now.get('b')!.pid), 'the new process runs');
  assert.deepEqual({ ...now.get('b'), pid: 0 }, { ...victim, pid: 0 }, 'the same addresses and ports');
  for (const name of ['a', 'c']) assert.equal(now.get(name)!.pid, before.get(name)!.pid, `${name} untouched`);
  assert.deepEqual(await cluster.stop(), { reason: 'stopped' });
  for (const s of cluster.services) assert.equal(processAlive(s.pid), false, `${s.name} is gone`);
});

test('a crash loop is given up after N restarts: the others are stopped and the end says why', async () => {
  const { lines, onOutput } = recorder();
  const { events, onEvent } = eventStream();
  const cluster = await startCluster({
    env: process.env,
    services: [fake('steady'), fake('flaky', { FAKE_MODE: 'die', FAKE_DIE_AFTER_MS: '100' })],
    restart: QUICK,
    onEvent,
    onOutput,
  });
  const end = await cluster.ended;
  assert.deepEqual(end, {
    reason: 'service-exited',
    service: 'flaky',
    code: 3,
    signal: null,
    restarts: 3,
    problem: 'boom',
  });
  assert.deepEqual(
    events.map((e) => (e.kind === 'exited' ? `exited ${e.restart}/${e.of} in ${e.delayMs} ms` : e.kind)),
    ['exited 1/3 in 50 ms', 'restarted', 'exited 2/3 in 100 ms', 'restarted', 'exited 3/3 in 200 ms', 'restarted'],
  );
  assert.deepEqual(messages(lines, 'stopping'), ['steady']);
  for (const s of cluster.services) assert.equal(processAlive(s.pid), false, `${s.name} is gone`);
});

test('a restart that cannot start counts as a try: retried, then given up with its reason', async () => {
  const work = mkdtempSync(join(tmpdir(), 'pmr-supervisor-'));
  try {
    const marker = join(work, 'broken');
    const { events, onEvent } = eventStream();
    const cluster = await startCluster({
      env: process.env,
      services: [fake('x', { FAKE_FAIL_IF_EXISTS: marker })],
      restart: { ...QUICK, maxRestarts: 2 },
      onEvent,
    });
    writeFileSync(marker, ''); // from now on it fails to start
    process.kill(cluster.services[0]!.pid, 'SIGKILL');
    const end = await cluster.ended;
    assert.deepEqual(end, {
      reason: 'service-exited',
      service: 'x',
      code: 2,
      signal: null,
      restarts: 2,
      problem: 'invalid configuration (1 problem): PMR_THING is required (a thing)',
    });
    assert.deepEqual(
      events.map((e) => e.kind),
      ['exited', 'exited'],
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('a service that stays up long enough starts its count again', async (t) => {
  const { events, onEvent, next } = eventStream();
  const cluster = await startCluster({
    env: process.env,
    services: [fake('a')],
    restart: { ...QUICK, maxRestarts: 1, stableMs: 300 },
    onEvent,
  });
  t.after(() => cluster.kill());
  for (let round = 0; round < 3; round++) {
    await new Promise((resolve) => setTimeout(resolve, 400)); // stable by now
    const restarted = next((e) => e.kind === 'restarted');
    process.kill(cluster.services[0]!.pid, 'SIGKILL');
    await restarted;
  }
  assert.deepEqual(
    events.filter((e) => e.kind === 'exited').map((e) => e.kind === 'exited' && e.restart),
    [1, 1, 1],
  );
  assert.deepEqual(await cluster.stop(), { reason: 'stopped' });
});

test('stop() during a restart backoff stops the cluster and starts nothing more', async (t) => {
  const { onEvent, next } = eventStream();
  const cluster = await startCluster({
    env: process.env,
    services: [fake('a'), fake('b')],
    restart: { ...QUICK, initialDelayMs: 10_000, maxDelayMs: 10_000 },
    onEvent,
  });
  t.after(() => cluster.kill());
  const exited = next((e) => e.kind === 'exited');
  process.kill(cluster.services[1]!.pid, 'SIGKILL');
  await exited;
  const t0 = performance.now();
  assert.deepEqual(await cluster.stop(), { reason: 'stopped' });
  assert.ok(performance.now() - t0 < 5000, 'no wait for the backoff');
  for (const s of cluster.services) assert.equal(processAlive(s.pid), false, `${s.name} is gone`);
});

test('with restarts off, a service that dies makes the supervisor stop the others and report it', async () => {
  const { lines, onOutput } = recorder();
  const cluster = await startCluster({
    env: process.env,
    services: [fake('a'), fake('b'), fake('c')],
    stopOrder: ['c', 'a', 'b'],
    restart: NO_RESTARTS,
    onOutput,
  });
  const victim = cluster.services.find((s) => s.name === 'b')!;
  process.kill(victim.pid, 'SIGKILL');
  const end = await cluster.ended;
  assert.deepEqual(end, {
    reason: 'service-exited',
    service: 'b',
    code: null,
    signal: 'SIGKILL',
    restarts: 0,
    problem: undefined,
  });
  assert.deepEqual(messages(lines, 'stopping'), ['c', 'a']);
  for (const s of cluster.services) assert.equal(processAlive(s.pid), false, `${s.name} is gone`);
  assert.deepEqual(await cluster.stop(), end, 'stop() after the failure answers with it');
});

test('aborting during start-up stops what had started', async () => {
  const controller = new AbortController();
  const { lines, onOutput } = recorder();
  const started = startCluster({
    env: process.env,
    services: [fake('quick'), fake('slow', { FAKE_START_DELAY_MS: '10000' })],
    signal: controller.signal,
    onOutput: (service, line) => {
      onOutput(service, line);
      // Abort once quick listens and slow is up but not yet listening (its SIGTERM handler is in place).
      if (
        messages(lines, 'listening').includes('quick') &&
        lines.some((l) => l.service === 'slow' && l.line === 'a line on stdout')
      ) {
        controller.abort();
      }
    },
  });
  await assert.rejects(started, /start-up interrupted/);
  assert.deepEqual(messages(lines, 'stopping').sort(), ['quick', 'slow']);
});
