// The orchestrator service's settings, all from the environment (read once, in main.ts).
import { homedir } from 'node:os';
import { join } from 'node:path';
import { int, str, stageServiceSettings, type ConfigOf } from '@pmr/common/service';

/** Where jobs are kept by default: $XDG_STATE_HOME/pmr/jobs.db, else ~/.local/state/pmr/jobs.db. */
export function defaultStorePath(env: Readonly<Record<string, string | undefined>>): string {
  const state = env.XDG_STATE_HOME !== undefined && env.XDG_STATE_HOME !== '' ? env.XDG_STATE_HOME : join(homedir(), '.local', 'state');
  return join(state, 'pmr', 'jobs.db');
}

/** The orchestrator's settings; the job store's default path comes from `env` (see defaultStorePath). */
export function orchestratorServiceConfig(env: Readonly<Record<string, string | undefined>>) {
  return {
    ...stageServiceSettings({ grpcPort: 50050, metricsPort: 9100 }),
    storePath: str('PMR_STORE_PATH', { description: "job store (SQLite file; the folder is created); ':memory:' keeps nothing across restarts", default: defaultStorePath(env) }),
    detectorAddress: str('PMR_DETECTOR_ADDR', { description: 'host:port of a detector service (gallery enrolment)' }),
    recognizerAddress: str('PMR_RECOGNIZER_ADDR', { description: 'host:port of a recognizer service (gallery enrolment)' }),
    maxUploadBytes: int('PMR_MAX_UPLOAD_BYTES', { description: 'largest file UploadMedia accepts, in bytes', min: 1, max: 2 ** 31 - 1, default: 1024 ** 3 }),
  } as const;
}

export type OrchestratorServiceConfig = ConfigOf<ReturnType<typeof orchestratorServiceConfig>>;
