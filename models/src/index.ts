export { manifest, modelId, type ModelEntry, type ModelName } from './manifest.ts';
export { resolveModel, defaultCacheDir, sha256File, type ResolveOptions } from './resolve.ts';
export {
  buildAgeGenderModel,
  convertFaceres,
  humanModelsDir,
  FACERES_INPUT,
  FACERES_OUTPUTS,
  type BuildAgeGenderOptions,
  type BuiltModel,
} from './agegender-build.ts';
export {
  convertGraphModel,
  encodeOnnxModel,
  loadGraphModelFiles,
  onnxNodes,
  SUPPORTED_OPS,
  OPSET,
  IR_VERSION,
  type OnnxNodeSummary,
} from './convert/index.ts';
