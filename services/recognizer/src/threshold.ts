// Open-set acceptance threshold for MobileFaceNet (foamliu, 128-d) cosine similarities.

/** Placeholder until calibration. */
export const DEFAULT_MATCH_THRESHOLD = 0.47;

/** Margin added to the largest unknown (impostor or stranger) similarity measured by scripts/calibrate.ts. */
export const THRESHOLD_MARGIN = 0.15;
