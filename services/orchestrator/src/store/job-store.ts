// The orchestrator's persistence port. Everything a restarted orchestrator needs to resume its jobs lives
// behind it: the embedded default is SqliteJobStore (node:sqlite, one file); a MongoDB adapter must implement
// the same interface and pass the same contract (runJobStoreContract). How each method maps onto MongoDB is
// written down in docs/store-mongodb.md.
//
// Errors are PmrError: INVALID_ARGUMENT (bad input, bad page token), NOT_FOUND (unknown job id),
// ALREADY_EXISTS (idempotency token reused with another request), FAILED_PRECONDITION (illegal transition, or a
// write to a job in a final state; VersionConflictError, a subclass, for a stale expectedVersion). Every method
// that names a job throws NOT_FOUND for an unknown job id, except getJob, which answers null.
import type { AnalysisResult, TrackJson } from '../result.ts';
import type {
  CreateJobInput,
  CreateJobOutput,
  FrameRange,
  JobError,
  JobProgress,
  JobRecord,
  JsonValue,
  ListJobsInput,
  Page,
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

  /**
   * Stores the faces found in one analysed frame, replacing what was stored for (jobId, frameIndex): a
   * redelivered frame message never adds a second copy.
   */
  putFrameFaces(jobId: string, frameIndex: number, faces: readonly JsonValue[]): Promise<void>;
  /** Stored frames with frameIndex in [range.start, range.end), ascending. */
  getFrameFaces(jobId: string, range: FrameRange): Promise<ReadonlyArray<{ readonly frameIndex: number; readonly faces: readonly JsonValue[] }>>;
  /** Stores a finished track, replacing what was stored for (jobId, track.id). */
  putTrack(jobId: string, track: TrackJson): Promise<void>;
  /** Tracks by ascending id, paginated like GetJobResult (page size 1–1000, 0 for 100). */
  listTracks(jobId: string, input?: { readonly pageSize?: number; readonly pageToken?: string }): Promise<Page<TrackJson>>;

  /** Marks a frame fully processed. True the first time, false when it was already done (a redelivery). */
  markFrameDone(jobId: string, frameIndex: number): Promise<boolean>;
  /** How many distinct frames are done. */
  countFramesDone(jobId: string): Promise<number>;
  /** Frames in [range.start, range.end) not yet done, as ascending ranges: what a resumed job must still publish. */
  missingFrames(jobId: string, range: FrameRange): Promise<readonly FrameRange[]>;

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

  /** QUEUED and RUNNING jobs by (createTime, id): the jobs a freshly started orchestrator must resume. */
  jobsToResume(): Promise<readonly JobRecord[]>;
  /** Releases the store; further calls fail. Closing twice is harmless. */
  close(): Promise<void>;
}
