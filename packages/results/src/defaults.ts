// The default settings that decide a video's result, in one place. The thresholds' measurements are documented where
// they are defined.
import { DEFAULT_CLUSTER_THRESHOLD, DEFAULT_MATCH_THRESHOLD } from '@pmr/recognizer';

export interface DecisionSettings {
  /** Lowest similarity that names a track after a gallery person. */
  readonly matchThreshold: number;
  /** Lowest similarity that groups two unknown tracks as one person. */
  readonly clusterThreshold: number;
  /** Unknown tracks whose best face has a lower quality are never grouped with another track. */
  readonly clusterMinQuality: number;
  /** Seconds between box-timeline samples per track. */
  readonly timelineInterval: number;
}

export const DEFAULT_ANALYSIS: DecisionSettings = {
  matchThreshold: DEFAULT_MATCH_THRESHOLD,
  clusterThreshold: DEFAULT_CLUSTER_THRESHOLD,
  // Dark, blurred, tiny or side-on faces give embeddings that look alike whoever they show: on
  // short_hamilton_clip.mp4, tracks of different audience members with best-face quality 0.30–0.46 grouped together
  // across shots. Merging two strangers is worse than splitting one, so such tracks stay separate.
  clusterMinQuality: 0.5,
  timelineInterval: 0.5,
};
