export * from './types.ts';
export * from './geometry.ts';
export * from './errors.ts';
export * from './logger.ts';
export * from './image-io.ts';
export * from './image-ops.ts';
export * from './onnx.ts';
export * from './resize.ts';
