// Payloads larger than the broker's max_payload (a 1080p RGB24 frame is 6.2 MB; NATS's default limit is 1 MiB)
// are stored in chunks on a JetStream stream and travel as a reference (pmr.v1.ObjectRef).
//
// Layout (PMR's own, because the @nats-io/obj package is not among the installed dependencies; the reference
// shape is the same, so the store can later move to @nats-io/obj without touching messages):
//   stream  PMR_OBJ_<bucket>, file storage, one message kept per subject
//   chunk i pmr.obj.<bucket>.c.<nuid>.<i>     the bytes, chunkSize at most each
//   meta    pmr.obj.<bucket>.m.<name token>  JSON { name, nuid, size, chunks, sha256 }
// A reader fetches the meta, then every chunk by subject, and checks the size and SHA-256.
import { createHash } from 'node:crypto';
import { DiscardPolicy, RetentionPolicy, StorageType, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import { nanos, nuid } from '@nats-io/transport-node';
import { PmrError, invalidArgument } from '../errors.ts';
import type { LargeObjectRef } from './types.ts';

/** Bytes kept free below max_payload for the subject, headers (Nats-Msg-Id) and protocol framing. */
export const PAYLOAD_HEADROOM_BYTES = 4096;

/**
 * Whether a message of `messageBytes` must travel through the object store: true when it would not fit in
 * max_payload with PAYLOAD_HEADROOM_BYTES to spare. The sender then putLarge()s the pmr.v1.Image and publishes a
 * Frame whose `imageRef` points at it; the receiver getLarge()s it and deletes it once the job is done.
 */
export function needsObjectStore(messageBytes: number, maxPayload: number): boolean {
  return messageBytes > maxPayload - PAYLOAD_HEADROOM_BYTES;
}

const BUCKET_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

interface ObjectMeta {
  readonly name: string;
  readonly nuid: string;
  readonly size: number;
  readonly chunks: number;
  readonly sha256: string;
}

function checkBucket(bucket: string): void {
  if (!BUCKET_PATTERN.test(bucket)) throw invalidArgument(`bucket must match ${String(BUCKET_PATTERN)}, got ${JSON.stringify(bucket)}`);
}

const streamOf = (bucket: string): string => `PMR_OBJ_${bucket}`;
const metaSubject = (bucket: string, name: string): string =>
  `pmr.obj.${bucket}.m.${Buffer.from(name, 'utf8').toString('base64url') || '_'}`;
const chunkPrefix = (bucket: string, id: string): string => `pmr.obj.${bucket}.c.${id}`;

export interface LargeObjectStoreOptions {
  /** Bytes per chunk (default 256 KiB); never more than the server's max_payload less PAYLOAD_HEADROOM_BYTES. */
  readonly chunkSize?: number;
}

export interface LargeObjectStore {
  /** Create the bucket's stream if missing. maxAgeMs drops objects older than that. */
  ensureBucket(bucket: string, options?: { readonly maxAgeMs?: number }): Promise<void>;
  /** Store bytes under name (replacing an older object of that name). */
  put(bucket: string, name: string, bytes: Uint8Array): Promise<LargeObjectRef>;
  /** @throws PmrError NOT_FOUND when absent; INTERNAL when the bytes fail the size or SHA-256 check. */
  get(ref: Pick<LargeObjectRef, 'bucket' | 'name'> & Partial<LargeObjectRef>): Promise<Uint8Array>;
  /** Remove the object (no error when absent). */
  delete(bucket: string, name: string): Promise<void>;
}

export function largeObjectStore(js: JetStreamClient, jsm: JetStreamManager, options: LargeObjectStoreOptions = {}, maxPayload = Infinity): LargeObjectStore {
  const chunkSize = Math.max(1024, Math.min(options.chunkSize ?? 256 * 1024, maxPayload - PAYLOAD_HEADROOM_BYTES));

  async function readMeta(bucket: string, name: string): Promise<ObjectMeta | undefined> {
    const stored = await jsm.streams.getMessage(streamOf(bucket), { last_by_subj: metaSubject(bucket, name) });
    return stored === null ? undefined : stored.json<ObjectMeta>();
  }

  async function purgeChunks(bucket: string, id: string): Promise<void> {
    await jsm.streams.purge(streamOf(bucket), { filter: `${chunkPrefix(bucket, id)}.>` });
  }

  return {
    async ensureBucket(bucket, bucketOptions = {}) {
      checkBucket(bucket);
      const name = streamOf(bucket);
      try {
        await jsm.streams.info(name);
        return;
      } catch (error) {
        if (!(error instanceof Error && /stream not found/i.test(error.message))) throw error;
      }
      await jsm.streams.add({
        name,
        subjects: [`pmr.obj.${bucket}.>`],
        storage: StorageType.File,
        retention: RetentionPolicy.Limits,
        discard: DiscardPolicy.New,
        max_msgs_per_subject: 1,
        ...(bucketOptions.maxAgeMs !== undefined ? { max_age: nanos(bucketOptions.maxAgeMs) } : {}),
      });
    },

    async put(bucket, name, bytes) {
      checkBucket(bucket);
      if (name === '') throw invalidArgument('object name must not be empty');
      const previous = await readMeta(bucket, name).catch(() => undefined);
      const id = nuid.next();
      const chunks = Math.ceil(bytes.length / chunkSize);
      for (let i = 0; i < chunks; i++) {
        await js.publish(`${chunkPrefix(bucket, id)}.${i}`, bytes.subarray(i * chunkSize, Math.min(bytes.length, (i + 1) * chunkSize)));
      }
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const meta: ObjectMeta = { name, nuid: id, size: bytes.length, chunks, sha256 };
      await js.publish(metaSubject(bucket, name), JSON.stringify(meta));
      if (previous !== undefined && previous.nuid !== id) await purgeChunks(bucket, previous.nuid);
      return { bucket, name, size: String(bytes.length), sha256 };
    },

    async get(ref) {
      checkBucket(ref.bucket);
      const meta = await readMeta(ref.bucket, ref.name);
      if (meta === undefined) throw new PmrError('NOT_FOUND', `object ${ref.bucket}/${ref.name} not found`);
      const out = new Uint8Array(meta.size);
      let offset = 0;
      for (let i = 0; i < meta.chunks; i++) {
        const chunk = await jsm.streams.getMessage(streamOf(ref.bucket), { last_by_subj: `${chunkPrefix(ref.bucket, meta.nuid)}.${i}` });
        if (chunk === null || offset + chunk.data.length > meta.size) {
          throw new PmrError('INTERNAL', `object ${ref.bucket}/${ref.name}: chunk ${i} missing or too long`);
        }
        out.set(chunk.data, offset);
        offset += chunk.data.length;
      }
      const sha256 = createHash('sha256').update(out).digest('hex');
      if (offset !== meta.size || sha256 !== meta.sha256 || (ref.sha256 !== undefined && ref.sha256 !== sha256)) {
        throw new PmrError('INTERNAL', `object ${ref.bucket}/${ref.name} failed its size or SHA-256 check`);
      }
      return out;
    },

    async delete(bucket, name) {
      checkBucket(bucket);
      const meta = await readMeta(bucket, name).catch(() => undefined);
      if (meta === undefined) return;
      await purgeChunks(bucket, meta.nuid);
      await jsm.streams.purge(streamOf(bucket), { filter: metaSubject(bucket, name) });
    },
  };
}
