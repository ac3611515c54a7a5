// Payloads larger than the broker's max_payload (a 1080p RGB24 frame is 6.2 MB; NATS's default limit is 1 MiB) and
// uploaded videos (up to the orchestrator's upload limit, 1 GiB by default) are kept in the NATS object store and
// travel as a reference (pmr.v1.ObjectRef: bucket, name, size, SHA-256 as hex).
//
// The store is @nats-io/obj's: stream OBJ_<bucket>; an object's bytes in chunks on $O.<bucket>.C.<nuid>, its
// description (size, chunk count, digest) on $O.<bucket>.M.<name, base64url>, written after the last chunk.
//  - Writing streams: obj's put reads its source one chunk at a time and waits for the stream's ack of each chunk
//    before it reads on, so a writer holds about one chunk whatever the object's size, and a slow broker slows the
//    source. An object exists only once its description is written; a source that fails leaves no chunk behind.
//  - Reading streams too, but not through obj's get: that one pushes every chunk into its ReadableStream as fast as
//    the broker sends them, whatever the reader's pace (a 300 MB object read at 1 ms per chunk grew the reader's RSS
//    by 290 MB). read() asks the broker for the next chunk (a direct get) only when its reader wants more, so a
//    reader holds a few chunks, and checks the size and SHA-256 before it ends the stream.
import { createHash } from 'node:crypto';
import { JetStreamApiCodes, JetStreamApiError, type JetStreamClient, type JetStreamManager } from '@nats-io/jetstream';
import {
  Base64UrlPaddedCodec,
  Objm,
  setSha256Backend,
  StorageType,
  type ObjectInfo,
  type ObjectStore,
} from '@nats-io/obj';
import { nanos } from '@nats-io/transport-node';
import { PmrError, invalidArgument, notFound } from '../errors.ts';
import type { LargeObjectRef } from './types.ts';

/** Bytes kept free below max_payload for the subject, headers and protocol framing. */
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
/** Chunks a reader asks for ahead of what it has handed on. */
const READ_AHEAD_CHUNKS = 2;

function checkBucket(bucket: string): void {
  if (!BUCKET_PATTERN.test(bucket))
    throw invalidArgument(`bucket must match ${String(BUCKET_PATTERN)}, got ${JSON.stringify(bucket)}`);
}

// @nats-io/obj's layout (the NATS object store's, ADR-20), for reading chunks and removing objects.
const streamOf = (bucket: string): string => `OBJ_${bucket}`;
const chunkSubject = (bucket: string, nuid: string): string => `$O.${bucket}.C.${nuid}`;
const metaSubject = (bucket: string, name: string): string => `$O.${bucket}.M.${Base64UrlPaddedCodec.encode(name)}`;

/** An ObjectInfo digest (`SHA-256=` and base64url, or hex from other clients) as lower-case hex. */
function digestHex(digest: string): string {
  const value = digest.replace(/^SHA-256=/i, '');
  return /^[0-9a-f]{64}$/i.test(value) ? value.toLowerCase() : Buffer.from(value, 'base64url').toString('hex');
}

/** The bucket's stream is missing: a typed JetStream API error, not a message to match. */
function isStreamNotFound(error: unknown): boolean {
  return error instanceof JetStreamApiError && error.code === JetStreamApiCodes.StreamNotFound;
}

/** A stream of `bytes` in one piece (no copy). */
function wholeStream(bytes: Uint8Array): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(bytes);
      controller.close();
    },
  });
}

const corrupt = (ref: Pick<LargeObjectRef, 'bucket' | 'name'>, what: string): PmrError =>
  new PmrError('INTERNAL', `object ${ref.bucket}/${ref.name} ${what}`);

export interface LargeObjectStoreOptions {
  /** Bytes per chunk (default 256 KiB); never more than the server's max_payload less PAYLOAD_HEADROOM_BYTES. */
  readonly chunkSize?: number;
}

export interface BucketOptions {
  readonly maxAgeMs?: number;
  readonly maxBytes?: number;
}

/**
 * nats-server's JSStreamStoreFailedF: what a publish to a full stream that discards new messages (an object store
 * bucket at its max_bytes) answers ("maximum bytes exceeded"); nats.js names no constant for it.
 */
const STREAM_STORE_FAILED = 10077;

/** Which object to read; size and sha256, when given (non-empty), must match the stored object's. */
export type LargeObjectQuery = Pick<LargeObjectRef, 'bucket' | 'name'> & Partial<LargeObjectRef>;

export interface LargeObjectStore {
  /**
   * Create the bucket if missing. maxAgeMs drops objects older than that; maxBytes, when given, is the bucket's quota
   * (set on an existing bucket too; 0 removes it): a put that would go over it fails with RESOURCE_EXHAUSTED and
   * stores nothing. Without maxBytes an existing bucket's quota is left as it is.
   */
  ensureBucket(bucket: string, options?: BucketOptions): Promise<void>;
  /**
   * Store the bytes (or everything `source` yields, read as fast as the broker takes it) under name, replacing an
   * older object of that name. When `source` fails, put rejects with its error and leaves no object and no chunk.
   */
  put(bucket: string, name: string, source: Uint8Array | ReadableStream<Uint8Array>): Promise<LargeObjectRef>;
  /**
   * The object's bytes as a stream that fetches each chunk when its reader wants it. The stream errors with PmrError
   * INTERNAL when the bytes fail the size or SHA-256 check (before it would end).
   * @throws PmrError NOT_FOUND when absent; INTERNAL when it differs from the query's size or sha256.
   */
  read(query: LargeObjectQuery): Promise<ReadableStream<Uint8Array>>;
  /** The whole object in memory (frames, gallery photos); errors as read(). */
  get(query: LargeObjectQuery): Promise<Uint8Array>;
  /** Remove the object (no error when absent). */
  delete(bucket: string, name: string): Promise<void>;
}

export function largeObjectStore(
  js: JetStreamClient,
  jsm: JetStreamManager,
  options: LargeObjectStoreOptions = {},
  maxPayload = Infinity,
): LargeObjectStore {
  const chunkSize = Math.max(1024, Math.min(options.chunkSize ?? 256 * 1024, maxPayload - PAYLOAD_HEADROOM_BYTES));
  setSha256Backend('native'); // node:crypto instead of obj's default pure-JS SHA-256 (process-wide, idempotent)
  const objm = new Objm(js);
  const opened = new Map<string, Promise<ObjectStore>>();
  const bucketOf = (bucket: string): Promise<ObjectStore> => {
    checkBucket(bucket);
    let store = opened.get(bucket);
    if (store === undefined) {
      store = objm.open(bucket, false);
      opened.set(bucket, store);
      void store.catch(() => opened.delete(bucket)); // a failed open (no broker yet) is tried again next time
    }
    return store;
  };

  /** The object's description; NOT_FOUND for a missing object or bucket. */
  async function describe(query: LargeObjectQuery): Promise<ObjectInfo> {
    if (query.name === '') throw invalidArgument('object name must not be empty');
    let info: ObjectInfo | null;
    try {
      info = await (await bucketOf(query.bucket)).info(query.name);
    } catch (error) {
      if (isStreamNotFound(error))
        throw notFound(`object ${query.bucket}/${query.name} not found: no bucket ${query.bucket}`);
      throw error;
    }
    if (info === null || info.deleted) throw notFound(`object ${query.bucket}/${query.name} not found`);
    if ((info.options?.link ?? null) !== null) throw corrupt(query, 'is a link; PMR stores none and follows none');
    if (query.size !== undefined && query.size !== '' && query.size !== '0' && query.size !== String(info.size)) {
      throw corrupt(query, `has ${info.size} bytes, not ${query.size}`);
    }
    if (query.sha256 !== undefined && query.sha256 !== '' && query.sha256.toLowerCase() !== digestHex(info.digest))
      throw corrupt(query, 'does not match its sha256');
    return info;
  }

  /** The chunks of `info` in order, each fetched when the stream's queue has room for it. */
  function chunks(query: LargeObjectQuery, info: ObjectInfo): ReadableStream<Uint8Array> {
    const stream = streamOf(info.bucket);
    const subject = chunkSubject(info.bucket, info.nuid);
    const expected = digestHex(info.digest);
    const hash = createHash('sha256');
    let seq = 0;
    let received = 0;
    const verify = (): void => {
      if (hash.digest('hex') !== expected) throw corrupt(query, 'failed its SHA-256 check');
    };
    return new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          if (received === info.size) {
            verify(); // an empty object
            controller.close();
            return;
          }
          const chunk = await jsm.direct.getMessage(stream, { seq: seq + 1, next_by_subj: subject });
          if (chunk === null || chunk.data.length === 0 || received + chunk.data.length > info.size) {
            throw corrupt(
              query,
              `is damaged: chunk ${chunk === null ? 'missing' : 'of a wrong size'} after ${received} of ${info.size} bytes`,
            );
          }
          seq = chunk.seq;
          received += chunk.data.length;
          hash.update(chunk.data);
          if (received === info.size) verify();
          controller.enqueue(chunk.data);
          if (received === info.size) controller.close();
        },
      },
      new CountQueuingStrategy({ highWaterMark: READ_AHEAD_CHUNKS }),
    );
  }

  return {
    async ensureBucket(bucket, bucketOptions = {}) {
      checkBucket(bucket);
      await objm.create(bucket, {
        storage: StorageType.File,
        ...(bucketOptions.maxAgeMs !== undefined ? { ttl: nanos(bucketOptions.maxAgeMs) } : {}),
      });
      // create() leaves an existing bucket's limits as they were: a quota given is set on it here (0: none).
      if (bucketOptions.maxBytes === undefined) return;
      const maxBytes = bucketOptions.maxBytes === 0 ? -1 : bucketOptions.maxBytes;
      const { config } = await jsm.streams.info(streamOf(bucket));
      if (config.max_bytes !== maxBytes) await jsm.streams.update(streamOf(bucket), { max_bytes: maxBytes });
    },

    async put(bucket, name, source) {
      if (name === '') throw invalidArgument('object name must not be empty');
      const store = await bucketOf(bucket);
      // obj reads through this stream, so the source stays ours to release when put fails half way.
      const reader = (source instanceof Uint8Array ? wholeStream(source) : source).getReader();
      const feed = new ReadableStream<Uint8Array>(
        {
          async pull(controller) {
            const next = await reader.read();
            if (next.done) controller.close();
            else controller.enqueue(next.value);
          },
        },
        { highWaterMark: 0 },
      );
      try {
        const info = await store.put({ name, options: { max_chunk_size: chunkSize } }, feed);
        return { bucket, name, size: String(info.size), sha256: digestHex(info.digest) };
      } catch (error) {
        await reader.cancel(error).catch(() => undefined);
        if (isStreamNotFound(error)) throw notFound(`object store bucket ${bucket} not found`);
        if (error instanceof JetStreamApiError && error.code === STREAM_STORE_FAILED) {
          throw new PmrError(
            'RESOURCE_EXHAUSTED',
            `object store bucket ${bucket} is full (its quota is reached): try again when jobs have ended`,
          );
        }
        throw error;
      }
    },

    async read(query) {
      return chunks(query, await describe(query));
    },

    async get(query) {
      const info = await describe(query);
      const out = new Uint8Array(info.size);
      let offset = 0;
      for await (const chunk of chunks(query, info)) {
        out.set(chunk, offset);
        offset += chunk.length;
      }
      return out;
    },

    async delete(bucket, name) {
      // Not obj's delete: that leaves a "deleted" description per object for watchers, which per-frame objects
      // would pile up until the bucket's max age. Removing the description first makes the object gone at once.
      const store = await bucketOf(bucket);
      const info = await store.info(name).catch((error: unknown) => {
        if (isStreamNotFound(error)) return null;
        throw error;
      });
      if (info === null) return;
      await jsm.streams.purge(streamOf(bucket), { filter: metaSubject(bucket, name) });
      await jsm.streams.purge(streamOf(bucket), { filter: chunkSubject(bucket, info.nuid) });
    },
  };
}
