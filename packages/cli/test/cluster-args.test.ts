// Command-line parsing of `pmr cluster` and `pmr analyze --remote HOST:PORT`: defaults, every flag, and the usage
// errors (bad ports and addresses, flags that do not apply, flags a remote analysis cannot honour).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_CLUSTER_PORT, hostPort, parseCommand, USAGE, UsageError } from '../src/args.ts';

function usageError(argv: string[], message: RegExp): void {
  assert.throws(
    () => parseCommand(argv),
    (err: unknown) => err instanceof UsageError && message.test(err.message),
    argv.join(' '),
  );
}

test('cluster: defaults', () => {
  assert.equal(DEFAULT_CLUSTER_PORT, 50050);
  assert.deepEqual(parseCommand(['cluster']), {
    command: 'cluster',
    listen: '127.0.0.1',
    port: 50050,
    mediaRoots: [],
    natsStore: undefined,
    store: undefined,
    logLevel: undefined,
  });
});

test('cluster: every flag, --media-root repeatable', () => {
  const argv = [
    'cluster',
    '--listen',
    '0.0.0.0',
    '--port',
    '6000',
    '--media-root',
    '/videos',
    '--media-root',
    'clips',
    '--nats-store',
    '/var/nats',
    '--store',
    'jobs.db',
    '--log-level',
    'debug',
  ];
  assert.deepEqual(parseCommand(argv), {
    command: 'cluster',
    listen: '0.0.0.0',
    port: 6000,
    mediaRoots: ['/videos', 'clips'],
    natsStore: '/var/nats',
    store: 'jobs.db',
    logLevel: 'debug',
  });
  assert.equal((parseCommand(['cluster', '--port', '0']) as { port: number }).port, 0, 'port 0: any free port');
  for (const address of ['::', '::1', '192.168.1.20', 'fe80::1'])
    assert.equal((parseCommand(['cluster', '--listen', address]) as { listen: string }).listen, address);
});

test('cluster: bad values and flags of other commands are usage errors, all listed at once', () => {
  usageError(
    ['cluster', '--port', '70000', '--log-level', 'loud'],
    /--port must be a port from 0 to 65535, got "70000".*--log-level must be one of fatal, error, warn, info, debug, trace, silent, got "loud"/,
  );
  usageError(['cluster', '--port', '12.5'], /--port must be a port from 0 to 65535/);
  for (const bad of ['localhost', '0.0.0.0:50050', '[::1]', '256.1.1.1', '']) {
    usageError(
      ['cluster', `--listen=${bad}`],
      /^--listen must be an IP address of this machine to listen on \(127\.0\.0\.1, 0\.0\.0\.0 for every interface, ::, …\), got "/,
    );
  }
  usageError(['analyze', 'v.mp4', '--listen', '0.0.0.0'], /--listen does not apply to analyze/);
  usageError(['cluster', '--port=-1'], /--port must be a port/);
  usageError(['cluster', 'extra'], /cluster takes no arguments, got "extra"$/);
  usageError(['cluster', '--media-root', 'a:b'], /--media-root must name a folder whose path has no ':'/);
  usageError(
    ['cluster', '--gallery', 'g', '--fps', '2'],
    /--gallery does not apply to cluster; --fps does not apply to cluster/,
  );
  usageError(['analyze', 'v.mp4', '--port', '1'], /--port does not apply to analyze/);
  usageError(['detect', 'i.jpg', '--media-root', '/x'], /--media-root does not apply to detect/);
  usageError(['detect', 'i.jpg', '--remote', 'h:1'], /--remote does not apply to detect/);
});

test('analyze --remote: HOST:PORT with the flags a remote analysis takes', () => {
  const cmd = parseCommand([
    'analyze',
    'v.mp4',
    '--remote',
    'pmr.example.org:50050',
    '--gallery',
    'g',
    '--fps',
    '5',
    '--skip',
    'ssim',
    '--json',
    'o.json',
  ]);
  assert.equal(cmd.command, 'analyze');
  if (cmd.command !== 'analyze') return;
  assert.equal(cmd.remote, 'pmr.example.org:50050');
  assert.deepEqual([cmd.gallery, cmd.fps, cmd.skip, cmd.json], ['g', 5, 'ssim', 'o.json']);
  for (const address of ['127.0.0.1:1', 'localhost:65535', '[::1]:50050', 'a-b.c:80']) {
    const parsed = parseCommand(['analyze', 'v.mp4', '--remote', address]);
    assert.equal(parsed.command === 'analyze' && parsed.remote, address);
  }
});

test('analyze --remote: bad addresses and flags it cannot honour are refused on one line', () => {
  for (const bad of [
    'localhost',
    ':50050',
    'host:',
    'host:0',
    'host:65536',
    'host:port',
    'http://host:1',
    'ho st:1',
    '::1:50050',
    '-host:1',
  ]) {
    usageError(
      ['analyze', 'v.mp4', `--remote=${bad}`],
      new RegExp(
        `^--remote must be HOST:PORT \\(port 1-65535\\), got ${JSON.stringify(JSON.stringify(bad))
          .slice(1, -1)
          .replace(/[.[\]()]/g, '\\$&')}$`,
      ),
    );
  }
  usageError(
    ['analyze', 'v.mp4', '--remote', 'h:1', '--annotate', 'a.mp4'],
    /^--annotate cannot be used with --remote \(the cluster does not draw videos\)$/,
  );
  usageError(
    ['analyze', 'v.mp4', '--remote', 'h:1', '--detector', 'scrfd'],
    /^--detector cannot be used with --remote/,
  );
  usageError(
    [
      'analyze',
      'v.mp4',
      '--remote',
      'h:1',
      '--annotate',
      'a.mp4',
      '--detector',
      'yunet',
      '--threshold',
      '0.5',
      '--skip-threshold',
      '0.2',
      '--age-gender',
      'faceres',
    ],
    /^--annotate cannot.*; --detector cannot.*; --threshold cannot.*; --skip-threshold cannot.*; --age-gender cannot be used with --remote[^\n]*$/,
  );
});

test('hostPort collects a problem and returns undefined for a bad address', () => {
  const problems: string[] = [];
  assert.equal(hostPort('remote', undefined, problems), undefined);
  assert.equal(hostPort('remote', '10.0.0.2:7', problems), '10.0.0.2:7');
  assert.deepEqual(problems, []);
  assert.equal(hostPort('remote', 'nope', problems), undefined);
  assert.equal(problems.length, 1);
});

test('the usage text shows cluster and --remote', () => {
  assert.match(USAGE, /pmr cluster \[--listen ADDR\] \[--port PORT\] \[--media-root DIR\]\.\.\./);
  assert.match(USAGE, /--listen ADDR +the interface of the public port \(default 127\.0\.0\.1: this machine only/);
  assert.match(USAGE, /a service that dies is restarted \(5 times in a row at most, then the cluster stops\)/);
  assert.match(
    USAGE,
    /--store FILE\|URL +the orchestrator's job store: a SQLite file, or a mongodb:\/\/ or mongodb\+srv:\/\/ URL\n +\(default: a temporary file, removed when the cluster stops\)/,
  );
  assert.match(
    USAGE,
    /--nats-store DIR +the local nats-server's JetStream store \(default: a temporary folder, removed likewise\)/,
  );
  assert.match(USAGE, /pmr analyze VIDEO --remote HOST:PORT/);
});
