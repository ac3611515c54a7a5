// The service's UploadSink: each upload goes into the pipeline's uploads bucket of the NATS object store under a name
// of its own (`<uuid>/<file name>`), streamed in as UploadMedia receives it; the decoder reads it from there, and the
// runner deletes it when the job ends.
import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import type { JetStreamBus } from '@pmr/common/messaging';
import { PIPELINE_BUCKETS } from '@pmr/common/pipeline';
import type { UploadSink } from '../job-runner.ts';

export function objectStoreUploads(bus: Pick<JetStreamBus, 'putLarge' | 'readLarge'>): UploadSink {
  return {
    bucket: PIPELINE_BUCKETS.uploads,
    put: (fileName, chunks) =>
      bus.putLarge(PIPELINE_BUCKETS.uploads, `${randomUUID()}/${basename(fileName) || 'upload'}`, chunks),
    read: (ref) => bus.readLarge(ref),
  };
}
