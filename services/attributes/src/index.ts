export { createAttributeAnalyzer, type AttributeAnalyzer, type AttributeAnalyzerOptions, type FaceAnalysis } from './analyzer.ts';
export { aggregateAttributes, type TrackAttributes, type WeightedAttributes } from './aggregate.ts';
export { expressionInput, CHIP_SIZE } from './expression-preprocess.ts';
export { expressionFromLogits, type ExpressionResult } from './expression-decode.ts';
export { weightedQuantile, type WeightedValue } from './weighted-quantile.ts';
export {
  FACERES_DESCRIPTOR_DIM,
  loadAgeGenderModel,
  type AgeGenderKind,
  type AgeGenderModel,
  type AgeGenderModelOptions,
  type AgeGenderPrediction,
} from './agegender-model.ts';
export { ageFromDistribution, genderFromMaleProbability, AGE_RANGE_QUANTILES, type AgeResult, type GenderResult } from './agegender-decode.ts';
export { faceresInput, FACERES_SIZE, FACERES_MEAN_BGR } from './faceres-preprocess.ts';
export {
  genderageCrop,
  genderageInput,
  genderageDecode,
  genderageNormalisation,
  GENDERAGE_SIZE,
  GENDERAGE_CONTEXT,
  GENDERAGE_AGE_MARGIN,
  type GenderageNormalisation,
} from './insightface-genderage.ts';
export { ATTRIBUTE_FACES, attributeFaceIndices } from './track-faces.ts';
