export { createAttributeAnalyzer, type AttributeAnalyzer, type AttributeAnalyzerOptions } from './analyzer.ts';
export { aggregateAttributes, type TrackAttributes, type WeightedAttributes } from './aggregate.ts';
export { expressionInput, CHIP_SIZE } from './expression-preprocess.ts';
export { expressionFromLogits, type ExpressionResult } from './expression-decode.ts';
export { weightedQuantile, type WeightedValue } from './weighted-quantile.ts';
