// The orchestrator's persistence port. Everything a restarted orchestrator needs to resume its jobs lives
// behind it: the embedded default is SqliteJobStore (node:sqlite, one file); a MongoDB adapter must implement
// the same interface and pass the same contract (runJobStoreContract); docs/store-mongodb.md says how each method
// maps onto MongoDB.
//
// Errors are PmrError: INVALID_ARGUMENT (bad input, bad page token), NOT_FOUND (unknown job id),
// ALREADY_EXISTS (idempotency token reused with another request), FAILED_PRECONDITION (illegal transition, or a
// write to a job in a final state; VersionConflictError, a subclass, for a stale expectedVersion). Every method
// that names a job throws NOT_FOUND for an unknown job id, except getJob, which answers null.
import type { AnalysisResult, TrackJson } from '@pmr/results';
import type {
  CreateJobInput,
  CreateJobOutput,
  JobError,
  JobProgress,
  JobRecord,
  JsonValue,
  ListJobsInput,
  Page,
  StoredPhoto,
  UpdateStateInput,
} from './job-types.ts';

export interface JobStore {
  /**
   * Persists a new QUEUED job at version 1. With an idempotency token (Rekognition's ClientRequestToken): the
   * same token with the same request (source, options, tags, gallery digest) returns the existing job, whatever
   * its state, with `created: false`; the same token with a different request throws ALREADY_EXISTS. Tokens are
   * kept as long as their job.
   */
  createJob(input: CreateJobInput): Promise<CreateJobOutput>;
  /** The job, or null when there is none with this id. */
  getJob(jobId: string): Promise<JobRecord | null>;
  /** Jobs by (createTime, id) ascending, optionally only in some states; keyset-paginated, so pages neither skip nor repeat jobs. */
  listJobs(input?: ListJobsInput): Promise<Page<JobRecord>>;
  /** Moves the job along the state machine (job-state.ts) if it is still at `expectedVersion`; returns the new record. */
  updateState(jobId: string, input: UpdateStateInput): Promise<JobRecord>;
  /**
   * Merges progress counters into a QUEUED or RUNNING job (fields left out keep their values) and bumps its
   * version. FAILED_PRECONDITION once the job is final.
   */
  recordProgress(jobId: string, progress: Partial<JobProgress>): Promise<JobRecord>;
  /** Appends a problem that did not stop the job (e.g. a poison message). Allowed in every state. */
  addWarning(jobId: string, warning: JobError): Promise<JobRecord>;

  /** Stores a finished track, replacing what was stored for (jobId, track.id). */
  putTrack(jobId: string, track: TrackJson): Promise<void>;
  /** Tracks by ascending id, paginated like GetJobResult (page size 1–1000, 0 for 100). */
  listTracks(
    jobId: string,
    input?: { readonly pageSize?: number; readonly pageToken?: string },
  ): Promise<Page<TrackJson>>;

  /** Stores the job's assembled result (the `pmr analyze` JSON), replacing any earlier one. */
  putResult(jobId: string, result: AnalysisResult): Promise<void>;
  /** The stored result, or null when none was stored yet. */
  getResult(jobId: string): Promise<AnalysisResult | null>;

  /**
   * Keeps one piece of a running job's partial results under `key` (1–200 characters). The first write of a key
   * wins and answers true; a later write of the same key (a redelivered message) changes nothing and answers false.
   */
  putPart(jobId: string, key: string, value: JsonValue): Promise<boolean>;
  /** The job's parts whose key starts with `prefix` (all when empty), by key. */
  getParts(jobId: string, prefix?: string): Promise<ReadonlyArray<{ readonly key: string; readonly value: JsonValue }>>;

  /**
   * Keeps a gallery's photos under its digest (the job's galleryDigest). The first write of a digest wins: the same
   * gallery sent with many jobs is stored once.
   */
  putGallery(digest: string, photos: readonly StoredPhoto[]): Promise<void>;
  /** The people and file names of the photos kept under `digest`, in the order given, or null when none are kept. */
  getGalleryIndex(digest: string): Promise<ReadonlyArray<{ readonly person: string; readonly name: string }> | null>;
  /** The bytes of photo `index` (0-based, as listed by getGalleryIndex) of the gallery `digest`; NOT_FOUND without it. */
  getGalleryPhoto(digest: string, index: number): Promise<Uint8Array>;

  /**
   * Deletes the jobs that ended (SUCCEEDED, FAILED, CANCELLED) before `before` (epoch ms, by updateTime) with their
   * parts, tracks and results, and the galleries no remaining job uses; gives the space back to the file system.
   * Answers how many jobs were deleted.
   */
  deleteEndedBefore(before: number): Promise<number>;

  /** QUEUED and RUNNING jobs by (createTime, id): the jobs a freshly started orchestrator must resume. */
  jobsToResume(): Promise<readonly JobRecord[]>;
  /** Releases the store; further calls fail. Closing twice is harmless. */
  close(): Promise<void>;
}
