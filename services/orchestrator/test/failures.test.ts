// classifyFailure: what a failed job step means for the job — table-driven over gRPC codes and error kinds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { status } from '@grpc/grpc-js';
import { PmrError } from '@pmr/common';
import { classifyFailure, StageCallError, StepError } from '../src/pipeline/failures.ts';

const detect = (code: status, details: string): StageCallError =>
  new StageCallError('Detect', '10.0.0.7:50052', code, details, 'the 2048×2048 image');

test('stage calls: down, slow or aborted is retried; a request the stage refuses fails the job', () => {
  const cases: ReadonlyArray<[status, boolean]> = [
    [status.UNAVAILABLE, true],
    [status.DEADLINE_EXCEEDED, true],
    [status.ABORTED, true],
    [status.CANCELLED, true],
    [status.UNKNOWN, true],
    [status.INTERNAL, true],
    [status.RESOURCE_EXHAUSTED, false],
    [status.INVALID_ARGUMENT, false],
    [status.FAILED_PRECONDITION, false],
    [status.UNIMPLEMENTED, false],
    [status.OUT_OF_RANGE, false],
    [status.PERMISSION_DENIED, false],
    [status.UNAUTHENTICATED, false],
    [status.NOT_FOUND, false],
  ];
  for (const [code, retryable] of cases) {
    const failure = classifyFailure(detect(code, 'why'));
    assert.equal(failure.retryable, retryable, status[code]);
    assert.equal(failure.code, status[code]);
    assert.doesNotMatch(failure.message, /10\.0\.0\.7/, 'no server address in what the user reads');
  }
});

test('a message over the limit names what was sent and the limit; step context prefixes the message', () => {
  const failure = classifyFailure(
    new StepError(
      'gallery photo "ann/1.jpg"',
      detect(status.RESOURCE_EXHAUSTED, 'Attempted to send message with a size larger than 2097152'),
    ),
  );
  assert.deepEqual(failure, {
    code: 'RESOURCE_EXHAUSTED',
    message:
      'gallery photo "ann/1.jpg": Detect cannot take the 2048×2048 image: it is over the gRPC message limit (Attempted to send message with a size larger than 2097152); send a smaller one',
    retryable: false,
  });
  assert.equal(
    classifyFailure(detect(status.INVALID_ARGUMENT, 'image.width must be an integer from 1 to 8192\n  at x')).message,
    'Detect refused the 2048×2048 image (INVALID_ARGUMENT: image.width must be an integer from 1 to 8192)',
  );
});

test('domain errors keep their code (UNAVAILABLE retried); anything else is the broker or the store, retried without its text', () => {
  assert.deepEqual(classifyFailure(new PmrError('INVALID_ARGUMENT', "the job's gallery is empty")), {
    code: 'INVALID_ARGUMENT',
    message: "the job's gallery is empty",
    retryable: false,
  });
  assert.equal(classifyFailure(new PmrError('UNAVAILABLE', 'object store unreachable')).retryable, true);
  assert.equal(classifyFailure(new PmrError('INTERNAL', 'detector answered a face without box')).retryable, false);
  const other = classifyFailure(new Error('SQLITE_BUSY: database is locked at /var/lib/pmr/jobs.db'));
  assert.equal(other.retryable, true);
  assert.doesNotMatch(other.message, /\/var\/lib/);
});
