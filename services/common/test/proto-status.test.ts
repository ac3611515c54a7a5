// Domain error codes to gRPC status codes at the edge.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { PmrError, type ErrorCode } from '../src/errors.ts';
import { messageSizeOptions } from '../src/proto/limits.ts';
import { grpcStatusOf, toServiceError } from '../src/proto/status.ts';

// gRPC's numeric codes, from the gRPC status code table (doc/statuscodes.md).
const CODES: ReadonlyArray<readonly [ErrorCode, number]> = [
  ['INVALID_ARGUMENT', 3],
  ['NOT_FOUND', 5],
  ['ALREADY_EXISTS', 6],
  ['RESOURCE_EXHAUSTED', 8],
  ['FAILED_PRECONDITION', 9],
  ['INTERNAL', 13],
  ['UNAVAILABLE', 14],
];

test('grpcStatusOf maps every domain code to the gRPC code of the same name', () => {
  for (const [code, number] of CODES) {
    assert.equal(grpcStatusOf(code), number, code);
    assert.equal(status[grpcStatusOf(code)], code);
  }
});

test('toServiceError keeps a PmrError message and hides any other error behind INTERNAL', () => {
  assert.deepEqual(toServiceError(new PmrError('NOT_FOUND', 'job j-1 not found')), {
    code: status.NOT_FOUND,
    details: 'job j-1 not found',
  });
  assert.deepEqual(toServiceError(new TypeError('x is undefined at /srv/secret/path.ts')), {
    code: status.INTERNAL,
    details: 'internal error',
  });
  assert.deepEqual(toServiceError('boom', 'detection failed'), { code: status.INTERNAL, details: 'detection failed' });
});

test('messageSizeOptions sets both directions and rejects a non-positive size', () => {
  assert.deepEqual(messageSizeOptions(), {
    'grpc.max_receive_message_length': 67108864,
    'grpc.max_send_message_length': 67108864,
  });
  assert.deepEqual(messageSizeOptions(1024), {
    'grpc.max_receive_message_length': 1024,
    'grpc.max_send_message_length': 1024,
  });
  assert.throws(() => messageSizeOptions(0), RangeError);
  assert.throws(() => messageSizeOptions(1.5), RangeError);
});
