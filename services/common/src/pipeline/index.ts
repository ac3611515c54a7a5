// PMR's distributed pipeline on the JetStream adapter (../messaging): its streams, subjects, consumers and buckets,
// frames with their pixels inline or in the object store, and the worker the track stages (recognizer, attributes)
// share.
export * from './pipeline.ts';
export * from './pipeline-frames.ts';
export * from './track-worker.ts';
export * from './stopped-jobs.ts';
