// The orchestrator service's settings, all from the environment (read once, in main.ts).
import { homedir } from 'node:os';
import { join } from 'node:path';
import { int, optional, str, stageServiceSettings, type ConfigOf } from '@pmr/common/service';
import { mediaRoots } from '@pmr/decoder/source-policy';

/** Where jobs are kept by default: $XDG_STATE_HOME/pmr/jobs.db, else ~/.local/state/pmr/jobs.db. */
export function defaultStorePath(env: Readonly<Record<string, string | undefined>>): string {
  const state =
    env.XDG_STATE_HOME !== undefined && env.XDG_STATE_HOME !== ''
      ? env.XDG_STATE_HOME
      : join(homedir(), '.local', 'state');
  return join(state, 'pmr', 'jobs.db');
}

/** The orchestrator's settings; the job store's default path comes from `env` (see defaultStorePath). */
export function orchestratorServiceConfig(env: Readonly<Record<string, string | undefined>>) {
  return {
    ...stageServiceSettings({ grpcPort: 50050, metricsPort: 9100 }),
    /**
     * Where jobs and face collections are kept: a SQLite file (its folder is created), ':memory:' (nothing kept across
     * restarts), or a MongoDB connection string (mongodb:// or mongodb+srv://, the database in its path, default
     * `pmr`). A password in it is never logged.
     */
    storePath: str('PMR_STORE_PATH', {
      description:
        "job and collection store: a SQLite file (the folder is created), ':memory:' (keeps nothing), or a mongodb:// or mongodb+srv:// URL",
      default: defaultStorePath(env),
    }),
    detectorAddress: str('PMR_DETECTOR_ADDR', {
      description: 'host:port of a detector service (gallery enrolment, images)',
    }),
    recognizerAddress: str('PMR_RECOGNIZER_ADDR', {
      description: 'host:port of a recognizer service (gallery enrolment, images)',
    }),
    attributesAddress: str('PMR_ATTRIBUTES_ADDR', {
      description: 'host:port of an attributes service (images)',
    }),
    maxUploadBytes: int('PMR_MAX_UPLOAD_BYTES', {
      description: 'largest file UploadMedia accepts, in bytes',
      min: 1,
      max: 2 ** 31 - 1,
      default: 1024 ** 3,
    }),
    /**
     * The most bytes the uploads waiting for their jobs may take in the object store; an upload that would go over it
     * is refused with RESOURCE_EXHAUSTED. 0: no quota but the broker's own storage limit. Must fit what the broker's
     * JetStream may store.
     */
    uploadQuotaBytes: int('PMR_UPLOAD_QUOTA_BYTES', {
      description: 'bytes the uploads bucket may hold (0: no quota but the broker storage limit)',
      min: 0,
      max: Number.MAX_SAFE_INTEGER,
      default: 0,
    }),
    /**
     * The decoders' PMR_MEDIA_ROOTS, so that StartVideoJob refuses a path outside them in the call (PERMISSION_DENIED).
     * Unset: paths are checked for their form only (absolute, no URL, no `..`) and a job on a path outside the
     * decoders' roots is accepted, then fails when the decoder refuses it.
     */
    mediaRoots: optional(
      mediaRoots(
        'PMR_MEDIA_ROOTS',
        "colon-separated absolute folders video paths may name (the decoders' PMR_MEDIA_ROOTS)",
      ),
    ),
    /**
     * Jobs this orchestrator drives at once (enrolling the gallery, then the video on the pipeline); further jobs wait
     * QUEUED, first come first served. Each running job enrols its gallery here, a photo at a time (its decoded
     * pixels and the Detect message: up to 12.6 MB each), and keeps its parts while it runs; see
     * e2e/bench/concurrent-jobs.ts.
     */
    maxRunningJobs: int('PMR_MAX_RUNNING_JOBS', {
      description: 'jobs run at once; further jobs wait QUEUED in order',
      min: 1,
      max: 1000,
      default: 4,
    }),
    /**
     * A running job that has made no progress for this long fails (DEADLINE_EXCEEDED, with why): no photo enrolled, no
     * stage reporting on it, its steps failing with retryable errors. A job whose video waits for a free decoder while
     * other jobs move on is not stalled. Generous by default: the safety net that every job ends, not a time limit.
     */
    jobStallTimeoutS: int('PMR_JOB_STALL_TIMEOUT_S', {
      description: 'seconds without progress after which a running job fails',
      min: 1,
      max: 7 * 24 * 3600,
      default: 600,
    }),
    /**
     * How long an ended job (with its parts, tracks, result and a gallery no other job uses) is kept after it ended;
     * 0 keeps jobs for ever. Expired jobs are deleted at start and every hour.
     */
    jobRetentionHours: int('PMR_JOB_RETENTION_HOURS', {
      description: 'hours an ended job is kept (0: for ever)',
      min: 0,
      max: 100 * 365 * 24,
      default: 7 * 24,
    }),
  } as const;
}

export type OrchestratorServiceConfig = ConfigOf<ReturnType<typeof orchestratorServiceConfig>>;
