export { chipToTensorData, CHIP_SIZE, IMAGENET_MEAN, IMAGENET_STD } from './preprocess.ts';
export { createEmbedder, DEFAULT_FLIP, type Embedder, type EmbedderOptions } from './embedder.ts';
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
  DEFAULT_PAD_RETRY,
  enrolGallery,
  findSubjectFace,
  IMAGE_EXTENSIONS,
  galleryFolder,
  galleryFromPhotos,
  enrolGallerySource,
  GALLERY_IMAGE_LIMITS,
  type GalleryPhoto,
  type PhotoData,
  type GallerySource,
  type AcceptedImage,
  type DetectFn,
  type EmbedFn,
  type EnrolmentReport,
  type EnrolOptions,
  type PersonCount,
  type RejectedImage,
} from './enrol.ts';
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
export { DEFAULT_MATCH_THRESHOLD, THRESHOLD_MARGIN } from './threshold.ts';
