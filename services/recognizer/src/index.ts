// Public API of the recognizer stage's pure part: the gallery and its search, the identity decision and its
// thresholds, grouping of unknown tracks, chip preprocessing and augmentation, and a collection's in-memory face index.
// It runs no model and reads no file: the embedder (onnxruntime) is `./embedder`, enrolment from photos (decoded with
// sharp) is `./enrol`.
export { chipToTensorData, CHIP_SIZE, IMAGENET_MEAN, IMAGENET_STD } from './preprocess.ts';
export {
  adjustBrightness,
  adjustContrast,
  adjustGamma,
  applyAugmentation,
  augmentChip,
  DEFAULT_AUGMENTATIONS,
  mapPixels,
  type ChipAugmentation,
} from './augment.ts';
export {
  createGallery,
  DEFAULT_PERSON_SCORING,
  galleryWithout,
  personSimilarity,
  rankMatches,
  searchGallery,
  similarityToEach,
  type Gallery,
  type GalleryPerson,
  type Match,
  type PersonScoring,
  type SearchOptions,
} from './gallery.ts';
export {
  DEFAULT_ENROLMENT_SELECTION,
  faceSize,
  selectEnrolmentFace,
  type EnrolmentSelection,
  type EnrolmentSelectionOptions,
  type RejectionReason,
} from './enrol-selection.ts';
export {
  decideIdentity,
  DEFAULT_TRACK_AGGREGATION,
  type DecideOptions,
  type IdentityDecision,
  type TrackAggregation,
  type TrackFace,
} from './decide.ts';
export { clusterUnknowns, DEFAULT_CLUSTER_THRESHOLD } from './cluster.ts';
export { padImage, unpadFace } from './pad.ts';
export {
  fractionAtLeast,
  galleryOf,
  leaveOneImageOut,
  leaveOnePersonOut,
  pairTracks,
  pairwiseAgreement,
  strangerOutcomes,
  summarise,
  type LabelledImage,
  type QueryOutcome,
  type Summary,
  type TrackOutcome,
} from './evaluation.ts';
export { cosine, dot, normalized, weightedMeanDirection } from './vectors.ts';
export {
  DEFAULT_RERANK,
  FaceIndex,
  MAX_K,
  type FaceHit,
  type FaceIndexOptions,
  type FaceSearchMode,
} from './face-index.ts';
export { DEFAULT_MATCH_THRESHOLD, THRESHOLD_MARGIN } from './threshold.ts';
export { fuseScores, mobilefacenetOnly, scoreNorm, type ScoreFusion, type ScoreNorm } from './fusion.ts';
export {
  calibratedThreshold,
  describedGallery,
  impostorCosines,
  leaveOneImageOut as describedLeaveOneImageOut,
  leaveOnePersonOut as describedLeaveOnePersonOut,
  pairTracks as describedPairTracks,
  scoreFaces,
  strangerOutcomes as describedStrangerOutcomes,
  tarAtFar,
  verificationScores,
  type DescribedFace,
  type DescribedGallery,
  type DescribedImage,
  type FaceAggregation,
  type GalleryTemplates,
  type Outcome,
  type Scorer,
} from './fusion-evaluation.ts';
