// PMR's messaging layer: protobuf codecs for the pmr.v1 messages and the JetStream adapter the services use (connect,
// streams, consumers, large objects). Which streams and subjects the pipeline uses is ../pipeline.
export * from './types.ts';
export * from './codec.ts';
export * from './jetstream.ts';
export {
  PAYLOAD_HEADROOM_BYTES,
  needsObjectStore,
  type BucketOptions,
  type LargeObjectQuery,
  type LargeObjectStore,
  type LargeObjectStoreOptions,
} from './large-objects.ts';
