// The seam between the orchestrator's public API (gRPC handlers) and the pipeline that runs jobs over NATS.
// The handlers create jobs in the JobStore and hand them to a JobRunner; the runner publishes the work, collects
// the stages' results into the store, and moves the job to SUCCEEDED or FAILED.
import type { LargeObjectRef } from '@pmr/common/messaging';
import type { JobRecord } from '@pmr/store';

/** A gallery photo as StartVideoJob carries it (inline bytes; uploads are fetched by the handler first). */
export interface GalleryPhotoInput {
  readonly person: string;
  readonly fileName: string;
  readonly data: Uint8Array;
}

export interface JobSubmission {
  /** The job as just created in the store (QUEUED). */
  readonly job: JobRecord;
  readonly gallery: readonly GalleryPhotoInput[];
}

export interface JobRunner {
  /**
   * Accepts a newly created job. Resolves once everything the job needs survives an orchestrator restart (the
   * gallery photos are stored); the job then runs in the background and its outcome lands in the store.
   */
  submit(submission: JobSubmission): Promise<void>;
}

/** Where UploadMedia puts files: the NATS object store in the service, anything equivalent in tests. */
export interface UploadSink {
  put(fileName: string, data: Uint8Array): Promise<LargeObjectRef>;
  get(ref: Pick<LargeObjectRef, 'bucket' | 'name'>): Promise<Uint8Array>;
}
