// UploadMedia's receiving side. The messages are checked as they come (the first names the file and its size; each
// chunk is at most 1 MiB; never more bytes than announced or than the orchestrator's limit) and their chunks go to
// the UploadSink one at a time: the next message is read only once the sink has stored the last chunk. gRPC's flow
// control then holds the client back, so the orchestrator keeps a few messages of an upload whatever its size. When
// a check fails or the client goes away, the sink gets the error and keeps nothing of the upload.
import { invalidArgument, PmrError, quote } from '@pmr/common';
import type { LargeObjectRef } from '@pmr/common/messaging';
import type { UploadMediaRequest__Output } from '@pmr/common/proto/generated/pmr/v1/UploadMediaRequest.ts';
import type { UploadSink } from '../job-runner.ts';

/** Largest chunk one UploadMedia message may carry. */
export const MAX_UPLOAD_CHUNK_BYTES = 1024 * 1024;

const resourceExhausted = (message: string): PmrError => new PmrError('RESOURCE_EXHAUSTED', message);

/** The checks of one UploadMedia stream; each method throws PmrError as soon as the upload cannot be accepted. */
export class UploadCheck {
  readonly #maxBytes: number;
  #fileName = '';
  #size = -1;
  #received = 0;

  constructor(maxBytes: number) {
    this.#maxBytes = maxBytes;
  }

  get fileName(): string {
    return this.#fileName;
  }

  /** The first message (undefined when the stream ended without one), which names the file and its size. */
  start(first: UploadMediaRequest__Output | undefined): UploadMediaRequest__Output {
    if (first === undefined)
      throw invalidArgument('the upload is empty: the first message must carry file_name, size and the first chunk');
    if (first.fileName === '') throw invalidArgument('the first UploadMedia message must carry file_name');
    const size = Number(first.size);
    if (size > this.#maxBytes)
      throw resourceExhausted(
        `${quote(first.fileName)} is ${first.size} bytes; this orchestrator accepts uploads up to ${this.#maxBytes} bytes`,
      );
    if (size === 0)
      throw invalidArgument(
        `${quote(first.fileName)}: size is 0; set it to the file's size (empty files cannot be analysed)`,
      );
    this.#fileName = first.fileName;
    this.#size = size;
    return first;
  }

  /** A message's chunk, once it is known to fit. */
  chunk(message: UploadMediaRequest__Output): Uint8Array {
    if (message.chunk.length > MAX_UPLOAD_CHUNK_BYTES) {
      throw invalidArgument(
        `${quote(this.#fileName)}: a chunk of ${message.chunk.length} bytes; send chunks of at most ${MAX_UPLOAD_CHUNK_BYTES} bytes`,
      );
    }
    this.#received += message.chunk.length;
    if (this.#received > this.#maxBytes)
      throw resourceExhausted(
        `${quote(this.#fileName)}: more than ${this.#maxBytes} bytes, this orchestrator's upload limit`,
      );
    if (this.#received > this.#size)
      throw invalidArgument(`${quote(this.#fileName)}: more bytes than the announced size ${this.#size}`);
    return message.chunk;
  }

  /** The stream ended: every announced byte must have come. */
  finish(): void {
    if (this.#received !== this.#size)
      throw invalidArgument(
        `${quote(this.#fileName)}: received ${this.#received} bytes, but the announced size is ${this.#size}`,
      );
  }
}

/**
 * Store the upload that `messages` (an UploadMedia call) carries into `uploads`, checking it on the way.
 * @throws PmrError INVALID_ARGUMENT or RESOURCE_EXHAUSTED for an upload that fails a check; the stream's error when
 * the call breaks. Either way `uploads` keeps nothing.
 */
export async function receiveUpload(
  messages: AsyncIterable<UploadMediaRequest__Output>,
  uploads: UploadSink,
  maxBytes: number,
): Promise<LargeObjectRef> {
  const check = new UploadCheck(maxBytes);
  const next = messages[Symbol.asyncIterator]();
  const first = await next.next();
  let held: Uint8Array | undefined = check.chunk(check.start(first.done === true ? undefined : first.value));
  const chunks = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        if (held !== undefined) {
          controller.enqueue(held);
          held = undefined;
          return;
        }
        const message = await next.next();
        if (message.done === true) {
          check.finish();
          controller.close();
        } else {
          controller.enqueue(check.chunk(message.value));
        }
      },
    },
    { highWaterMark: 0 }, // read a message only when the sink asks for the next chunk
  );
  return uploads.put(check.fileName, chunks);
}

/**
 * An upload small by nature (a gallery photo) in memory, read no further than `maxBytes`.
 * @throws what `tooLarge` makes once the object turns out larger.
 */
export async function readSmallUpload(
  bytes: ReadableStream<Uint8Array>,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let total = 0;
  for await (const part of bytes) {
    total += part.length;
    if (total > maxBytes) throw tooLarge(); // leaving the loop cancels the stream
    parts.push(part);
  }
  return Buffer.concat(parts);
}
