// Open-set acceptance threshold for MobileFaceNet (foamliu, 128-d) cosine similarities.
//
// Measured with scripts/calibrate.ts on ../shared/data (YuNet detector, no flip TTA, the 7 default enrolment
// augmentations, `centroid` person scoring, 2026-11-28); reproduce with
//   PMR_MODELS_DIR=../shared/models npx node services/recognizer/scripts/calibrate.ts   (from the repo root)
//
//   identities/: 58 single-person images of 14 persons, all accepted by enrolment.
//   leave-one-image-out rank-1 (57 queries; lin_manuel_miranda's single image is only a distractor): 1.000
//   genuine similarity (query vs own person, that image left out): min 0.389, p05 0.517, median 0.737, max 0.929
//   best impostor similarity, leave-one-person-out (58 queries): median 0.164, p95 0.250, max 0.293
//     (bbt_penny/penny4.png -> bbt_amy)
//   42 UTKFace strangers vs the full gallery: median 0.182, p95 0.282, max 0.318 (utkface_20_… -> bbt_raj);
//     2 of them were only found on the padded retry.
//   simulated two-face tracks (mean-embedding): genuine min 0.574, impostor max 0.268.
//
// The decision is made per track (a quality-weighted mean of up to five faces), so the threshold is calibrated on the
// track-level impostor distribution: ceil2(simulated-track impostor max 0.268 + THRESHOLD_MARGIN 0.15) = 0.42.
// Why a wide margin: a wrong name is worse than "unknown", and the largest impostor score grows with the number of
// enrolled persons and of strangers passing the camera, so unseen strangers will score above what this small set shows
// (14 persons, 100 unknown queries). At 0.42: 0 of 58 impostor and 0 of 42 stranger single-image queries are accepted
// (largest 0.318, still 0.10 below), 56 of 57 single-image genuine queries, and all 107 simulated two-face tracks.
// Video check (short_hamilton_clip.mp4, every frame, identities/ gallery): the tracks of people not in the gallery
// score at most 0.35, while Barack Obama's track — three-quarter profile, laughing, hand at his chin — scores
// 0.44–0.49 depending on which of its faces are picked: faces in video sit well below the photos' genuine median
// (0.737), which is why a threshold set on single photos (0.47) missed him half the time. He remains the case closest
// to the line. With SCRFD instead of YuNet (`... calibrate.ts scrfd`): largest unknown 0.296, genuine min 0.527,
// rank-1 1.000.

/** Default minimum similarity for naming a track (see the figures above). */
export const DEFAULT_MATCH_THRESHOLD = 0.42;

/** Margin added to the largest unknown (impostor or stranger) similarity measured by scripts/calibrate.ts. */
export const THRESHOLD_MARGIN = 0.15;
