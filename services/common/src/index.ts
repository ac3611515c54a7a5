// @pmr/common's core: the data shapes, geometry, errors and pure pixel and vector maths every stage shares, and how a
// PMR process is launched. It imports no npm package; the native and messaging parts have their own entry points.
export * from './types.ts';
export * from './geometry.ts';
export * from './face-pose.ts';
export * from './errors.ts';
export * from './stored-values.ts';
export * from './paging.ts';
export * from './image-ops.ts';
export * from './resize.ts';
export * from './vector-math.ts';
export * from './launch.ts';
