// Job records map to pmr.v1.Job with state names and timestamps.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { JobRecord } from '@pmr/store';
import { jobStateFromProto, jobToProto, timestampFromMillis } from '../src/api/job-proto.ts';

test('a JobRecord maps to pmr.v1.Job: state names, progress, error, warnings, tags, request and millisecond timestamps', () => {
  const record: JobRecord = {
    id: 'job-1',
    state: 'FAILED',
    version: 7,
    idempotencyToken: 'tok',
    source: { kind: 'uri', uri: '/v.mp4' },
    options: {},
    tags: { team: 'a' },
    galleryDigest: null,
    progress: { framesDecoded: 100, framesAnalysed: 40, framesTotal: 250, fraction: 0.4, tracksFinished: 3 },
    error: { code: 'UNAVAILABLE', message: 'decoder gone' },
    warnings: [{ code: 'INTERNAL', message: 'frame 7 poisoned' }],
    createTime: Date.UTC(2026, 0, 1, 0, 0, 0, 123),
    updateTime: Date.UTC(2026, 0, 1, 0, 0, 5),
  };
  assert.deepEqual(jobToProto(record), {
    id: 'job-1',
    state: 'JOB_STATE_FAILED',
    progress: { framesDecoded: 100, framesAnalysed: 40, framesTotal: 250, fraction: 0.4, tracksFinished: 3 },
    error: { code: 'UNAVAILABLE', message: 'decoder gone' },
    warnings: [{ code: 'INTERNAL', message: 'frame 7 poisoned' }],
    createTime: { seconds: '1767225600', nanos: 123_000_000 },
    updateTime: { seconds: '1767225605', nanos: 0 },
    tags: { team: 'a' },
    video: { uri: '/v.mp4' },
    options: { skipMethod: 'SKIP_METHOD_UNSPECIFIED' },
    collectionId: '',
  });
  assert.equal(jobToProto({ ...record, state: 'RUNNING', error: null }).error, null);
  assert.deepEqual(timestampFromMillis(999), { seconds: '0', nanos: 999_000_000 });
  assert.equal(jobStateFromProto('JOB_STATE_SUCCEEDED'), 'SUCCEEDED');
  assert.equal(jobStateFromProto('JOB_STATE_UNSPECIFIED'), null);
});

test('pmr.v1.Job says what was asked: an uploaded video, the options given, the collection recognised', () => {
  const record: JobRecord = {
    id: 'job-2',
    state: 'QUEUED',
    version: 1,
    idempotencyToken: null,
    source: { kind: 'upload', bucket: 'pmr-uploads', name: 'u1', size: 1234, sha256: 'ab'.repeat(32) },
    options: { fps: 2, skipMethod: 'ssim', maxFrames: 50 },
    tags: {},
    galleryDigest: 'collection:family',
    progress: { framesDecoded: 0, framesAnalysed: 0, framesTotal: 0, fraction: 0, tracksFinished: 0 },
    error: null,
    warnings: [],
    createTime: 0,
    updateTime: 0,
  };
  const job = jobToProto(record);
  assert.deepEqual(job.video, { upload: { bucket: 'pmr-uploads', name: 'u1', size: 1234, sha256: 'ab'.repeat(32) } });
  assert.deepEqual(job.options, { fps: 2, skipMethod: 'SKIP_METHOD_SSIM', maxFrames: 50 });
  assert.equal(job.collectionId, 'family');
  assert.equal(jobToProto({ ...record, galleryDigest: 'f'.repeat(64) }).collectionId, '', 'photos sent with the job');
  assert.deepEqual(jobToProto({ ...record, options: { skipMethod: 'none' } }).options, {
    skipMethod: 'SKIP_METHOD_NONE',
  });
});
