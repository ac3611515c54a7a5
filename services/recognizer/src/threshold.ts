// Open-set acceptance threshold for MobileFaceNet (foamliu, 128-d) cosine similarities, applied per track.
//
// Calibrated with scripts/calibrate.ts on the shared test data: a simulated two-face track of someone not in the
// gallery scores at most 0.268, and the threshold sits THRESHOLD_MARGIN above that, rounded up to 0.42. The margin is
// wide because a wrong name is worse than "unknown" and unseen strangers score higher than a small set shows. The
// figures, and the check on video, are in docs/calibration.md.

/** Default minimum similarity for naming a track (see docs/calibration.md). */
export const DEFAULT_MATCH_THRESHOLD = 0.42;

/** Margin added to the largest unknown (impostor or stranger) similarity measured by scripts/calibrate.ts. */
export const THRESHOLD_MARGIN = 0.15;
