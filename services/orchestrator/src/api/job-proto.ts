// Mappings between the store's job records and pmr.v1.Job.
import type { Job } from '@pmr/common/proto/generated/pmr/v1/Job.ts';
import type { JobState as JobStateProto, JobState__Output } from '@pmr/common/proto/generated/pmr/v1/JobState.ts';
import type { Timestamp } from '@pmr/common/proto/generated/google/protobuf/Timestamp.ts';
import type { SkipMethod } from '@pmr/common/proto/generated/pmr/v1/SkipMethod.ts';
import type { JobOptions, JobRecord, JobSource, JobState } from '@pmr/store';
import { galleryRefOf } from '../pipeline/gallery-ref.ts';

export function jobStateToProto(state: JobState): JobStateProto {
  return `JOB_STATE_${state}`;
}

/** The store's state of a pmr.v1.JobState; null for JOB_STATE_UNSPECIFIED. */
export function jobStateFromProto(state: JobState__Output): JobState | null {
  return state === 'JOB_STATE_UNSPECIFIED' ? null : (state.slice('JOB_STATE_'.length) as JobState);
}

/** A google.protobuf.Timestamp of an epoch-milliseconds time. */
export function timestampFromMillis(ms: number): Timestamp {
  const seconds = Math.floor(ms / 1000);
  return { seconds: String(seconds), nanos: Math.round((ms - seconds * 1000) * 1e6) };
}

/** The store's skip method of each pmr.v1.SkipMethod; undefined: the orchestrator's default. */
export const SKIP_METHODS: Readonly<Record<string, JobOptions['skipMethod']>> = {
  SKIP_METHOD_UNSPECIFIED: undefined,
  SKIP_METHOD_NONE: 'none',
  SKIP_METHOD_HISTOGRAM: 'histogram',
  SKIP_METHOD_SSIM: 'ssim',
};

function skipMethodToProto(method: JobOptions['skipMethod']): SkipMethod {
  return method === undefined
    ? 'SKIP_METHOD_UNSPECIFIED'
    : `SKIP_METHOD_${method.toUpperCase() as Uppercase<typeof method>}`;
}

function videoToProto(source: JobSource): Job['video'] {
  if (source.kind === 'uri') return { uri: source.uri };
  return { upload: { bucket: source.bucket, name: source.name, size: source.size, sha256: source.sha256 } };
}

export function jobToProto(job: JobRecord): Job {
  const gallery = galleryRefOf(job.galleryDigest);
  return {
    id: job.id,
    state: jobStateToProto(job.state),
    progress: { ...job.progress },
    error: job.error === null ? null : { code: job.error.code, message: job.error.message },
    warnings: job.warnings.map((w) => ({ code: w.code, message: w.message })),
    createTime: timestampFromMillis(job.createTime),
    updateTime: timestampFromMillis(job.updateTime),
    tags: { ...job.tags },
    video: videoToProto(job.source),
    options: {
      ...(job.options.fps !== undefined && { fps: job.options.fps }),
      skipMethod: skipMethodToProto(job.options.skipMethod),
      ...(job.options.maxFrames !== undefined && { maxFrames: job.options.maxFrames }),
    },
    collectionId: gallery.kind === 'collection' ? gallery.collectionId : '',
  };
}
