// The job state machine, checked against a hand-written table of every pair.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertTransition, canTransition, isFinalState, VersionConflictError } from '../src/job-state.ts';
import { JOB_STATES } from '../src/job-types.ts';

test('allowed transitions: QUEUED -> RUNNING -> final, RUNNING -> QUEUED to resume, QUEUED may fail or be cancelled', () => {
  //            to: QUEUED RUNNING SUCCEEDED FAILED CANCELLED
  const table = {
    QUEUED: [false, true, false, true, true],
    RUNNING: [true, false, true, true, true],
    SUCCEEDED: [false, false, false, false, false],
    FAILED: [false, false, false, false, false],
    CANCELLED: [false, false, false, false, false],
  } as const;
  for (const from of JOB_STATES) {
    JOB_STATES.forEach((to, i) => assert.equal(canTransition(from, to), table[from][i], `${from} -> ${to}`));
  }
  assert.deepEqual(JOB_STATES.filter(isFinalState), ['SUCCEEDED', 'FAILED', 'CANCELLED']);
});

test('assertTransition explains a refusal with FAILED_PRECONDITION', () => {
  assert.doesNotThrow(() => assertTransition('j1', 'RUNNING', 'QUEUED'));
  assert.throws(() => assertTransition('j1', 'SUCCEEDED', 'RUNNING'), {
    code: 'FAILED_PRECONDITION',
    message: /j1 cannot go from SUCCEEDED to RUNNING \(it is final\)/,
  });
  assert.throws(() => assertTransition('j1', 'QUEUED', 'SUCCEEDED'), {
    message: /allowed from QUEUED: RUNNING, FAILED, CANCELLED/,
  });
});

test('VersionConflictError carries both versions', () => {
  const err = new VersionConflictError('j2', 3, 5);
  assert.equal(err.code, 'FAILED_PRECONDITION');
  assert.deepEqual([err.expectedVersion, err.actualVersion], [3, 5]);
  assert.match(err.message, /j2 is at version 5, not 3/);
});
