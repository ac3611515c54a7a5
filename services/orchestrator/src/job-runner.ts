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
  /**
   * Stops a QUEUED or RUNNING job: it ends CANCELLED and its work is withdrawn from the stages. A job already final
   * is left as it is.
   */
  cancel(jobId: string): Promise<void>;
}

/** Where UploadMedia puts files: the NATS object store in the service, anything equivalent in tests. */
export interface UploadSink {
  /** The one bucket uploads go into; a reference to any other bucket is refused. */
  readonly bucket: string;
  /**
   * Store everything `chunks` yields as one object named after fileName, reading the next chunk only once the last
   * is stored (so the sender is paced by the store, and memory is bounded whatever the file's size). When `chunks`
   * errors, put rejects with that error and leaves no object, whole or partial.
   */
  put(fileName: string, chunks: ReadableStream<Uint8Array>): Promise<LargeObjectRef>;
  /** An object's bytes, read as the stream is consumed. @throws PmrError NOT_FOUND for an unknown object. */
  read(ref: Pick<LargeObjectRef, 'bucket' | 'name'>): Promise<ReadableStream<Uint8Array>>;
}
