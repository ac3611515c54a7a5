// The tracker service's settings, all from the environment (read once, in main.ts).
import { type ConfigOf, stageServiceSettings } from './common-bridge.ts';

export const TRACKER_SERVICE_CONFIG = {
  ...stageServiceSettings({ grpcPort: 50052, metricsPort: 9102 }),
} as const;

export type TrackerServiceConfig = ConfigOf<typeof TRACKER_SERVICE_CONFIG>;
