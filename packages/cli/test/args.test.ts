import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isEmbeddedAnalysis, parseCommand, UsageError } from '../src/args.ts';
import { quoted } from '../src/quoting.ts';

function usageError(argv: string[], message: RegExp): void {
  assert.throws(
    () => parseCommand(argv),
    (err: unknown) => err instanceof UsageError && message.test(err.message),
    argv.join(' '),
  );
}

test('analyze: defaults and flags', () => {
  assert.deepEqual(parseCommand(['analyze', 'v.mp4']), {
    command: 'analyze',
    video: 'v.mp4',
    gallery: undefined,
    json: undefined,
    annotate: undefined,
    fps: undefined,
    detector: 'yunet',
    skip: 'histogram',
    skipThreshold: undefined,
    threshold: undefined,
    ageGender: { kind: 'faceres' },
    hwaccel: 'auto',
    remote: undefined,
    collection: undefined,
  });
  const cmd = parseCommand([
    'analyze',
    'v.mp4',
    '--gallery',
    'g',
    '--fps',
    '5',
    '--detector',
    'scrfd',
    '--json',
    'o.json',
    '--annotate',
    'a.mp4',
  ]);
  assert.equal(cmd.command, 'analyze');
  if (cmd.command !== 'analyze') return;
  assert.equal(cmd.fps, 5);
  assert.equal(cmd.detector, 'scrfd');
  assert.equal(cmd.gallery, 'g');
  const software = parseCommand(['analyze', 'v.mp4', '--hwaccel', 'none']);
  assert.equal(software.command === 'analyze' && software.hwaccel, 'none');
  const insight = parseCommand(['detect', 'i.jpg', '--age-gender', 'insightface:/models/genderage.onnx']);
  assert.deepEqual(insight.command === 'detect' && insight.ageGender, {
    kind: 'insightface',
    path: '/models/genderage.onnx',
  });
  assert.deepEqual(parseCommand(['models', 'build']), { command: 'models-build' });
  const remote = parseCommand(['analyze', 'v.mp4', '--remote', 'h:1', '--collection', 'staff.2026']);
  assert.equal(remote.command === 'analyze' && remote.collection, 'staff.2026');
});

test('bad arguments are usage errors that list every problem', () => {
  const cases: Array<{ argv: string[]; message: RegExp }> = [
    { argv: ['frobnicate'], message: /unknown command "frobnicate"/ },
    { argv: ['analyze'], message: /analyze needs a VIDEO/ },
    {
      argv: ['analyze', 'v.mp4', '--fps', '0', '--detector', 'haar'],
      message:
        /--detector must be one of yunet, scrfd, got "haar"; --fps must be a number of frames per second, at least 0\.001, got "0"$/,
    },
    { argv: ['analyze', 'v.mp4', '--annotate', 'out.avi'], message: /--annotate must name an \.mp4 file/ },
    { argv: ['detect', 'i.jpg', '--fps', '3'], message: /--fps does not apply to detect/ },
    { argv: ['analyze', 'v.mp4', '--bogus'], message: /Unknown option '--bogus'/ },
    { argv: ['analyze', 'v.mp4', '--threshold', '2'], message: /--threshold must be a number in \[-1, 1\]/ },
    {
      argv: ['analyze', 'v.mp4', '--age-gender', 'insightface:'],
      message: /--age-gender must be faceres or insightface:PATH/,
    },
    { argv: ['models', 'fetch'], message: /pmr models build/ },
    { argv: ['analyze', 'v.mp4', '--hwaccel', 'nvdec'], message: /--hwaccel must be one of auto, cuda, vaapi, none/ },
    {
      argv: ['analyze', 'v.mp4', '--remote', 'h:1', '--hwaccel', 'cuda'],
      message: /--hwaccel cannot be used with --remote/,
    },
    { argv: ['analyze', 'v.mp4', '--collection', 'staff'], message: /--collection needs --remote/ },
    {
      argv: ['analyze', 'v.mp4', '--remote', 'h:1', '--collection', 'staff', '--gallery', 'g'],
      message: /--collection and --gallery cannot be used together/,
    },
    {
      argv: ['analyze', 'v.mp4', '--remote', 'h:1', '--collection', 'a b'],
      message: /--collection must be a collection id/,
    },
  ];
  for (const c of cases) {
    assert.throws(
      () => parseCommand(c.argv),
      (err: unknown) => err instanceof UsageError && c.message.test(err.message),
      c.argv.join(' '),
    );
  }
});

test('--fps below what the decoder takes, negative or not a number: a usage error saying what it must be', () => {
  const must = (got: string): RegExp =>
    new RegExp(
      `^--fps must be a number of frames per second, at least 0\\.001, got ${JSON.stringify(got).replace(/[.[\]()+-]/g, '\\$&')}$`,
    );
  for (const bad of ['1e-9', '0', '0.0009', 'NaN', 'Infinity', 'five', '-1']) {
    usageError(['analyze', 'v.mp4', '--fps', bad], must(bad));
    usageError(['analyze', 'v.mp4', `--fps=${bad}`], must(bad));
  }
  usageError(['analyze', 'v.mp4', '--remote', 'h:1', '--fps', '-2'], must('-2'));
  for (const good of ['0.001', '1', '29.97'])
    assert.equal((parseCommand(['analyze', 'v.mp4', '--fps', good]) as { fps: number }).fps, Number(good));
});

test('a negative number after a flag is its value, not an unknown option', () => {
  assert.equal((parseCommand(['analyze', 'v.mp4', '--threshold', '-0.5']) as { threshold: number }).threshold, -0.5);
  assert.equal((parseCommand(['detect', 'i.jpg', '--threshold', '-.25']) as { threshold: number }).threshold, -0.25);
  usageError(['analyze', 'v.mp4', '--skip-threshold', '-3'], /^--skip-threshold must be a positive number, got "-3"$/);
  usageError(['cluster', '--port', '-1'], /^--port must be a port from 0 to 65535, got "-1"$/);
  usageError(['analyze', 'v.mp4', '--json', '-x'], /argument is ambiguous/); // not a number: a forgotten value, as before
});

test('user input quoted in a message is capped', () => {
  assert.equal(quoted('abc'), '"abc"');
  assert.equal(quoted('x'.repeat(100_000)), `"${'x'.repeat(60)}…" (100000 characters)`);
  assert.equal(quoted('a\nb'), '"a\\nb"', 'control characters escaped: one line');
  const long = 'y'.repeat(100_000);
  const cases: string[][] = [
    ['analyze', 'v.mp4', '--fps', long],
    ['analyze', 'v.mp4', '--detector', long],
    ['analyze', 'v.mp4', '--remote', long],
    ['cluster', '--listen', long],
    [long],
    ['analyze', 'v.mp4', long, long],
    ['cluster', long],
    ['analyze', 'v.mp4', `--${long}`],
    ['analyze', 'v.mp4', `--age-gender`, long],
  ];
  for (const argv of cases) {
    assert.throws(
      () => parseCommand(argv),
      (err: unknown) => err instanceof UsageError && err.message.length < 400 && !err.message.includes('\n'),
      argv[0]!.slice(0, 20),
    );
  }
});

test('no command or --help asks for help', () => {
  assert.deepEqual(parseCommand([]), { command: 'help' });
  assert.deepEqual(parseCommand(['analyze', '--help']), { command: 'help' });
});

test('isEmbeddedAnalysis: only analyze without --remote runs in a supervised child', () => {
  assert.equal(isEmbeddedAnalysis(['analyze', 'v.mp4']), true);
  assert.equal(isEmbeddedAnalysis(['analyze', 'v.mp4', '--remote', 'h:1']), false);
  assert.equal(isEmbeddedAnalysis(['detect', 'i.jpg']), false);
  assert.equal(isEmbeddedAnalysis(['analyze']), false, 'a usage error is for the command itself to report');
  assert.equal(isEmbeddedAnalysis([]), false);
});
