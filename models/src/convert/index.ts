export { convertGraphModel, SUPPORTED_OPS, type ConvertOptions } from './convert.ts';
export { encodeOnnxModel, IR_VERSION, OPSET, type EncodeOptions } from './onnx-encode.ts';
export { loadGraphModelFiles, type LoadedGraphModel } from './load-tfjs.ts';
export {
  parseGraphModel,
  type TfjsGraphModel,
  type TfjsNode,
  type TfjsWeightEntry,
  type TfjsWeightGroup,
} from './tfjs-model.ts';
export { decodeWeight, decodeWeights, elementCount, type DecodedTensor } from './weights.ts';
export { float16ToFloat32 } from './float16.ts';
export { tfPadding, type Padding1d } from './padding.ts';
export { convKernelToOihw, depthwiseKernelToOihw, transposeData } from './layout.ts';
export type { IrGraph, IrNode, IrInitializer, IrValueInfo, IrAttr } from './graph-ir.ts';
export { onnxNodes, type OnnxNodeSummary } from './onnx-inspect.ts';
