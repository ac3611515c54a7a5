// An UploadSink that keeps uploads in a Map, named by a counter (for handler and client tests; not a test file itself).
// Like the object store, it reads a chunk at a time and keeps nothing of an upload whose chunks fail.
import { createHash } from 'node:crypto';
import { notFound } from '@pmr/common';
import type { LargeObjectRef } from '@pmr/common/messaging';
import type { UploadSink } from '../job-runner.ts';

export class MemoryUploads implements UploadSink {
  readonly bucket = 'uploads';
  readonly objects = new Map<string, Uint8Array>();
  #count = 0;

  async put(fileName: string, chunks: ReadableStream<Uint8Array>): Promise<LargeObjectRef> {
    const name = `${++this.#count}-${fileName}`;
    const hash = createHash('sha256');
    const parts: Uint8Array[] = [];
    for await (const chunk of chunks) {
      hash.update(chunk);
      parts.push(chunk);
    }
    const data = Buffer.concat(parts);
    this.objects.set(name, data);
    return { bucket: this.bucket, name, size: String(data.length), sha256: hash.digest('hex') };
  }

  read(ref: Pick<LargeObjectRef, 'bucket' | 'name'>): Promise<ReadableStream<Uint8Array>> {
    const data = this.objects.get(ref.name);
    if (data === undefined) return Promise.reject(notFound(`no upload ${ref.bucket}/${ref.name}`));
    return Promise.resolve(new Blob([data]).stream());
  }
}
