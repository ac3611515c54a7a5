// Records the job store keeps. Plain JSON-friendly data (times are epoch milliseconds) so that the SQLite and
// MongoDB adapters store and return exactly the same shapes. They mirror pmr.v1.Job (proto/pmr/v1/job.proto).

/** pmr.v1.JobState without UNSPECIFIED. */
export type JobState = 'QUEUED' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';

export const JOB_STATES: readonly JobState[] = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'];

/** Where the video comes from: pmr.v1.VideoSource. */
export type JobSource =
  | { readonly kind: 'uri'; readonly uri: string }
  | {
      readonly kind: 'upload';
      readonly bucket: string;
      readonly name: string;
      readonly size: number;
      readonly sha256: string;
    };

/** pmr.v1.VideoJobOptions; an absent field takes the orchestrator's default. */
export interface JobOptions {
  readonly fps?: number;
  readonly skipMethod?: 'none' | 'histogram' | 'ssim';
  readonly maxFrames?: number;
}

/** pmr.v1.JobProgress. */
export interface JobProgress {
  readonly framesDecoded: number;
  readonly framesAnalysed: number;
  readonly framesTotal: number;
  readonly fraction: number;
  readonly tracksFinished: number;
}

/** pmr.v1.JobError: a gRPC status code name and a message a person can act on. */
export interface JobError {
  readonly code: string;
  readonly message: string;
}

export interface JobRecord {
  readonly id: string;
  readonly state: JobState;
  /** Starts at 1 and grows by one on every change to the record (state, progress, warnings). */
  readonly version: number;
  readonly idempotencyToken: string | null;
  readonly source: JobSource;
  readonly options: JobOptions;
  readonly tags: Readonly<Record<string, string>>;
  /** Digest of the job's gallery photos given at creation (part of the request the token stands for), or null. */
  readonly galleryDigest: string | null;
  readonly progress: JobProgress;
  /** Set when state is FAILED. */
  readonly error: JobError | null;
  readonly warnings: readonly JobError[];
  readonly createTime: number;
  readonly updateTime: number;
}

export interface CreateJobInput {
  /** pmr.v1.StartVideoJobRequest.client_token: 1 to 64 characters; absent: no idempotency. */
  readonly idempotencyToken?: string;
  readonly source: JobSource;
  readonly options: JobOptions;
  readonly tags: Readonly<Record<string, string>>;
  /** A digest (e.g. sha256) of the gallery photos, so that the same token with another gallery is a different request. */
  readonly galleryDigest?: string;
}

export interface CreateJobOutput {
  readonly job: JobRecord;
  /** False when the idempotency token matched an existing job made by the same request. */
  readonly created: boolean;
}

export interface UpdateStateInput {
  readonly to: JobState;
  /** The version the caller read; the update fails with a VersionConflictError when the record has moved on. */
  readonly expectedVersion: number;
  /** Required when `to` is FAILED, refused otherwise. */
  readonly error?: JobError;
}

export interface ListJobsInput {
  /** Only jobs in one of these states; absent or empty: every state. */
  readonly states?: readonly JobState[];
  /** Only jobs carrying every one of these tags with the same value; absent or empty: no filter. */
  readonly tags?: Readonly<Record<string, string>>;
  /** 1 to 1000; absent or 0: 100. */
  readonly pageSize?: number;
  /** nextPageToken of the previous page, listed with the same states and tags. */
  readonly pageToken?: string;
}

export type { Page } from '@pmr/common';

/** A gallery photo as the store keeps it, once per gallery digest however many jobs use the gallery. */
export interface StoredPhoto {
  /** The person the photo shows (the folder name in a `<dir>/<person>/<image>` gallery). */
  readonly person: string;
  /** The photo's file name, for the enrolment report. */
  readonly name: string;
  readonly data: Uint8Array;
}

/** Any JSON value; what the store keeps as a job part. */
export type JsonValue = string | number | boolean | null | readonly JsonValue[] | { readonly [key: string]: JsonValue };

export const EMPTY_PROGRESS: JobProgress = {
  framesDecoded: 0,
  framesAnalysed: 0,
  framesTotal: 0,
  fraction: 0,
  tracksFinished: 0,
};
