import { test } from 'node:test';
import assert from 'node:assert/strict';
import { median, medianBy, parseBenchArgs } from '../src/bench-args.ts';
import { repoRoot, video } from '../src/paths.ts';

test('median and medianBy', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.throws(() => median([]), RangeError);
  const runs = [{ s: 4.1 }, { s: 3.6 }, { s: 3.9 }];
  assert.equal(
    medianBy(runs, (r) => r.s),
    runs[2],
  );
  assert.equal(medianBy([{ s: 2 }, { s: 1 }], (r) => r.s).s, 1, 'even count: the lower middle run');
});

test('parseBenchArgs: runs, clip names under the data folder, defaults', () => {
  assert.deepEqual(parseBenchArgs([], ['a.mp4']), {
    runs: 3,
    clips: [video('a.mp4')],
    named: false,
    baseline: undefined,
  });
  assert.deepEqual(parseBenchArgs(['--runs', '5', 'b.mp4'], ['a.mp4']), {
    runs: 5,
    clips: [video('b.mp4')],
    named: true,
    baseline: undefined,
  });
  assert.equal(parseBenchArgs(['--baseline', repoRoot], []).baseline, repoRoot, 'a PMR checkout to compare with');
  assert.throws(() => parseBenchArgs(['--baseline', '/nonexistent'], []), /not a PMR checkout/);
  assert.deepEqual(parseBenchArgs(['package.json'], []).clips, ['package.json'], 'an existing path is kept as it is');
  assert.throws(() => parseBenchArgs(['--runs', '0'], []), /whole number/);
  assert.throws(() => parseBenchArgs(['--runs', 'x'], []), /whole number/);
});
