// The orchestrator service's settings, all from the environment (read once, in main.ts).
import { homedir } from 'node:os';
import { join } from 'node:path';
import { int, optional, str, stageServiceSettings, type ConfigOf } from '@pmr/common/service';
import { mediaRoots } from '@pmr/decoder/source-policy';

/** Where jobs are kept by default: $XDG_STATE_HOME/pmr/jobs.db, else ~/.local/state/pmr/jobs.db. */
export function defaultStorePath(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const state = env.XDG_STATE_HOME !== undefined && env.XDG_STATE_HOME !== '' ? env.XDG_STATE_HOME : join(homedir(), '.local', 'state');
  return join(state, 'pmr', 'jobs.db');
}

export const ORCHESTRATOR_SERVICE_CONFIG = {
  ...stageServiceSettings({ grpcPort: 50050, metricsPort: 9100 }),
  storePath: str('PMR_STORE_PATH', { description: "job store (SQLite file; the folder is created); ':memory:' keeps nothing across restarts", default: defaultStorePath() }),
  detectorAddress: str('PMR_DETECTOR_ADDR', { description: 'host:port of a detector service (gallery enrolment)' }),
  recognizerAddress: str('PMR_RECOGNIZER_ADDR', { description: 'host:port of a recognizer service (gallery enrolment)' }),
  maxUploadBytes: int('PMR_MAX_UPLOAD_BYTES', { description: 'largest file UploadMedia accepts, in bytes', min: 1, max: 2 ** 31 - 1, default: 1024 ** 3 }),
  /**
   * The decoders' PMR_MEDIA_ROOTS, so that StartVideoJob refuses a path outside them in the call (PERMISSION_DENIED).
   * Unset: paths are checked for their form only (absolute, no URL, no `..`) and a job on a path outside the decoders'
   * roots is accepted, then fails when the decoder refuses it.
   */
  mediaRoots: optional(mediaRoots('PMR_MEDIA_ROOTS', "colon-separated absolute folders video paths may name (the decoders' PMR_MEDIA_ROOTS)")),
} as const;

export type OrchestratorServiceConfig = ConfigOf<typeof ORCHESTRATOR_SERVICE_CONFIG>;
