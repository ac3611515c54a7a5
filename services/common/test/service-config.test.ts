import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ConfigError,
  int,
  LOG_LEVELS,
  oneOf,
  optional,
  port,
  readServiceConfig,
  secret,
  str,
} from '../src/service/config.ts';

const SPEC = {
  modelsDir: optional(str('PMR_MODELS_DIR', { description: 'model folder' })),
  host: str('PMR_GRPC_HOST', { description: 'interface', default: '0.0.0.0' }),
  grpcPort: port('PMR_GRPC_PORT', { description: 'gRPC port', default: 50053 }),
  kind: oneOf('PMR_DETECTOR', ['yunet', 'scrfd'], { description: 'detector', default: 'yunet' }),
  logLevel: oneOf('PMR_LOG_LEVEL', LOG_LEVELS, { description: 'log level', default: 'info' }),
  timeoutMs: int('PMR_SHUTDOWN_TIMEOUT_MS', { description: 'deadline', min: 0, max: 600_000, default: 10_000 }),
  apiKey: secret('PMR_API_KEY', { description: 'API key' }),
} as const;

test('defaults fill unset and empty variables; set ones are parsed', () => {
  const config = readServiceConfig(
    { PMR_API_KEY: 's3cret', PMR_GRPC_HOST: '', PMR_GRPC_PORT: '0', PMR_DETECTOR: 'scrfd' },
    SPEC,
  );
  assert.deepEqual(config, {
    modelsDir: undefined,
    host: '0.0.0.0',
    grpcPort: 0,
    kind: 'scrfd',
    logLevel: 'info',
    timeoutMs: 10_000,
    apiKey: 's3cret',
  });
});

const BAD: ReadonlyArray<{ name: string; env: Record<string, string>; problem: string }> = [
  {
    name: 'port not a number',
    env: { PMR_GRPC_PORT: 'abc' },
    problem: 'PMR_GRPC_PORT="abc" must be an integer from 0 to 65535 (gRPC port)',
  },
  {
    name: 'port too big',
    env: { PMR_GRPC_PORT: '65536' },
    problem: 'PMR_GRPC_PORT="65536" must be an integer from 0 to 65535 (gRPC port)',
  },
  {
    name: 'port fractional',
    env: { PMR_GRPC_PORT: '80.5' },
    problem: 'PMR_GRPC_PORT="80.5" must be an integer from 0 to 65535 (gRPC port)',
  },
  {
    name: 'negative port',
    env: { PMR_GRPC_PORT: '-1' },
    problem: 'PMR_GRPC_PORT="-1" must be an integer from 0 to 65535 (gRPC port)',
  },
  {
    name: 'unknown word',
    env: { PMR_DETECTOR: 'mtcnn' },
    problem: 'PMR_DETECTOR="mtcnn" must be one of yunet, scrfd (detector)',
  },
  {
    name: 'int out of range',
    env: { PMR_SHUTDOWN_TIMEOUT_MS: '600001' },
    problem: 'PMR_SHUTDOWN_TIMEOUT_MS="600001" must be an integer from 0 to 600000 (deadline)',
  },
];

for (const { name, env, problem } of BAD) {
  test(`one bad variable: ${name}`, () => {
    assert.throws(
      () => readServiceConfig({ PMR_API_KEY: 'k', ...env }, SPEC),
      (err: unknown) => err instanceof ConfigError && err.problems.length === 1 && err.problems[0] === problem,
    );
  });
}

test('every problem is listed at once, and a secret is required with its value never shown', () => {
  const env = { PMR_GRPC_PORT: '99999', PMR_DETECTOR: 'x', PMR_LOG_LEVEL: 'loud', PMR_SHUTDOWN_TIMEOUT_MS: 'soon' };
  assert.throws(
    () => readServiceConfig(env, SPEC),
    (err: unknown) => {
      assert.ok(err instanceof ConfigError);
      assert.deepEqual(err.problems, [
        'PMR_GRPC_PORT="99999" must be an integer from 0 to 65535 (gRPC port)',
        'PMR_DETECTOR="x" must be one of yunet, scrfd (detector)',
        'PMR_LOG_LEVEL="loud" must be one of fatal, error, warn, info, debug, trace, silent (log level)',
        'PMR_SHUTDOWN_TIMEOUT_MS="soon" must be an integer from 0 to 600000 (deadline)',
        'PMR_API_KEY is required (API key); it is a secret and has no default',
      ]);
      assert.ok(err.message.startsWith('invalid configuration (5 problems):\n  - PMR_GRPC_PORT'));
      return true;
    },
  );
});

test('a bad secret is reported without its value', () => {
  const spec = {
    key: secret('PMR_KEY', { description: 'key' }),
    n: int('PMR_N', { description: 'n', min: 1, max: 2 }),
  };
  // A secret's parse never fails; a required int next to it does, and only its own value is shown.
  assert.throws(
    () => readServiceConfig({ PMR_KEY: 'hunter2', PMR_N: '3' }, spec),
    (err: unknown) =>
      err instanceof ConfigError &&
      !err.message.includes('hunter2') &&
      err.problems[0] === 'PMR_N="3" must be an integer from 1 to 2 (n)',
  );
});
