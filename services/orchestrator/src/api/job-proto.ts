// Mappings between the store's job records and pmr.v1.Job.
import type { Job } from '@pmr/common/proto/generated/pmr/v1/Job.ts';
import type { JobState as JobStateProto, JobState__Output } from '@pmr/common/proto/generated/pmr/v1/JobState.ts';
import type { Timestamp } from '@pmr/common/proto/generated/google/protobuf/Timestamp.ts';
import type { JobRecord, JobState } from '@pmr/store';

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

export function jobToProto(job: JobRecord): Job {
  return {
    id: job.id,
    state: jobStateToProto(job.state),
    progress: { ...job.progress },
    error: job.error === null ? null : { code: job.error.code, message: job.error.message },
    warnings: job.warnings.map((w) => ({ code: w.code, message: w.message })),
    createTime: timestampFromMillis(job.createTime),
    updateTime: timestampFromMillis(job.updateTime),
    tags: { ...job.tags },
  };
}
