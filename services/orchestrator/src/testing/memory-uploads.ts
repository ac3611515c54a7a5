// An UploadSink that keeps uploads in a Map, named by a counter (for handler and client tests; not a test file itself).
import { createHash } from 'node:crypto';
import { notFound } from '@pmr/common';
import type { LargeObjectRef } from '@pmr/common/messaging';
import type { UploadSink } from '../job-runner.ts';

export class MemoryUploads implements UploadSink {
  readonly objects = new Map<string, Uint8Array>();
  put(fileName: string, data: Uint8Array): Promise<LargeObjectRef> {
    const name = `${this.objects.size + 1}-${fileName}`;
    this.objects.set(name, data);
    return Promise.resolve({ bucket: 'uploads', name, size: String(data.length), sha256: createHash('sha256').update(data).digest('hex') });
  }
  get(ref: Pick<LargeObjectRef, 'bucket' | 'name'>): Promise<Uint8Array> {
    const data = this.objects.get(ref.name);
    return data === undefined ? Promise.reject(notFound(`no upload ${ref.bucket}/${ref.name}`)) : Promise.resolve(data);
  }
}
