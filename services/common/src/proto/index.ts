// PMR's gRPC contracts: loading, generated types, and the edge helpers every service uses.
export * from './load.ts';
export * from './limits.ts';
export * from './status.ts';
export * from './image.ts';
export * from './timeline.ts';
export { CHIP_SIDE, MAX_CHIPS } from './chips.ts';
