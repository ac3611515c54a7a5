// Default analysis settings, in one place. The thresholds' measurements are documented where they are defined.
import { DEFAULT_MATCH_THRESHOLD } from '@pmr/recognizer';
import type { AnalyseOptions } from './analyse-video.ts';

export const DEFAULT_ANALYSIS: AnalyseOptions = {
  fps: undefined,
  skip: undefined,
  matchThreshold: DEFAULT_MATCH_THRESHOLD,
  // Grouping strangers uses the same bar as naming people: two tracks whose aggregate embeddings are as similar as
  // a gallery match would need to be are taken to be one person.
  clusterThreshold: DEFAULT_MATCH_THRESHOLD,
  timelineInterval: 0.5,
};
