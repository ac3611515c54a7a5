// PMR's messaging layer: protobuf codecs for the pmr.v1 messages and the JetStream adapter the services use.
export * from './types.ts';
export * from './codec.ts';
export * from './jetstream.ts';
export { PAYLOAD_HEADROOM_BYTES, needsObjectStore, type LargeObjectQuery, type LargeObjectStore, type LargeObjectStoreOptions } from './large-objects.ts';
export * from './pipeline.ts';
export * from './pipeline-frames.ts';
export * from './track-worker.ts';
