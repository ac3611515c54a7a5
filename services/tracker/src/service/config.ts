// The tracker service's settings, all from the environment (read once, in main.ts).
import { type ConfigOf, int, stageServiceSettings } from './common-bridge.ts';

export const TRACKER_SERVICE_CONFIG = {
  ...stageServiceSettings({ grpcPort: 50052, metricsPort: 9102 }),
  jobIdleSeconds: int('PMR_TRACKER_JOB_IDLE_SECONDS', {
    description:
      'seconds without a faces message after which a pipeline job is dropped (its decoder failed or it was cancelled)',
    min: 1,
    max: 86_400,
    default: 900,
  }),
  timelineIntervalMs: int('PMR_TIMELINE_INTERVAL_MS', {
    description: 'milliseconds between box-timeline samples of a track (pipeline jobs)',
    min: 0,
    max: 3_600_000,
    default: 500,
  }),
} as const;

export type TrackerServiceConfig = ConfigOf<typeof TRACKER_SERVICE_CONFIG>;
