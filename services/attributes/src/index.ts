// Public API of the attributes stage's pure part: preprocessing and decoding of the expression and age/gender models,
// and their aggregation over a track. It runs no model: the analyzer that loads them (onnxruntime) is `./analyzer`.
export { aggregateAttributes, type TrackAttributes, type WeightedAttributes } from './aggregate.ts';
export { expressionInput, CHIP_SIZE } from './expression-preprocess.ts';
export { expressionFromLogits, type ExpressionResult } from './expression-decode.ts';
export { weightedQuantile, type WeightedValue } from './weighted-quantile.ts';
export type { AgeGenderKind, AgeGenderModel, AgeGenderModelOptions, AgeGenderPrediction } from './agegender-model.ts';
export {
  ageFromDistribution,
  genderFromMaleProbability,
  AGE_RANGE_QUANTILES,
  type AgeResult,
  type GenderResult,
} from './agegender-decode.ts';
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
