// The decoder service's configuration: PMR_MEDIA_ROOTS parsing, and every problem listed at once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, readServiceConfig } from '../src/service/common-bridge.ts';
import { DECODER_SERVICE_CONFIG } from '../src/service/config.ts';

const ROOTS: ReadonlyArray<[string, readonly string[] | string]> = [
  ['/srv/videos', ['/srv/videos']],
  ['/srv/videos/:/data//in', ['/srv/videos/', '/data/in']],
  ['/a::/b:', ['/a', '/b']],
  ['videos:/b', 'PMR_MEDIA_ROOTS="videos:/b" must hold absolute folders only, got videos'],
  [':', 'PMR_MEDIA_ROOTS=":" must list at least one folder'],
];

for (const [raw, expected] of ROOTS) {
  test(`PMR_MEDIA_ROOTS=${JSON.stringify(raw)}`, () => {
    if (typeof expected !== 'string') {
      assert.deepEqual(readServiceConfig({ PMR_MEDIA_ROOTS: raw }, DECODER_SERVICE_CONFIG).mediaRoots, expected);
      return;
    }
    assert.throws(
      () => readServiceConfig({ PMR_MEDIA_ROOTS: raw }, DECODER_SERVICE_CONFIG),
      (err: unknown) =>
        err instanceof ConfigError && err.problems.length === 1 && err.problems[0]!.startsWith(expected),
    );
  });
}

test('defaults, and every problem at once', () => {
  const config = readServiceConfig({ PMR_MEDIA_ROOTS: '/v' }, DECODER_SERVICE_CONFIG);
  assert.deepEqual(
    [config.grpcPort, config.metricsPort, config.jpegQuality, config.hwaccel],
    [50051, 9101, 90, 'auto'],
  );
  assert.throws(
    () => readServiceConfig({ PMR_GRPC_PORT: 'x', PMR_JPEG_QUALITY: '0' }, DECODER_SERVICE_CONFIG),
    (err: unknown) =>
      err instanceof ConfigError &&
      err.problems.length === 3 &&
      err.problems[0] === 'PMR_MEDIA_ROOTS is required (colon-separated absolute folders videos may be read from)',
  );
});
