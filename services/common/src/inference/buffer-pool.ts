// Spare input buffers handed back by the inference thread, for the next run to fill instead of allocating.

/**
 * Buffers of any size, the most recently given kept: at most `maxCount` of them holding at most `maxBytes` together,
 * the oldest dropped first. Sizes mix (the detector alternates a frame-sized input with face batches whose size follows
 * the face count), so a small pool of the last few buffers would keep losing the frame-sized ones to batches.
 */
export class BufferPool {
  readonly #maxCount: number;
  readonly #maxBytes: number;
  readonly #buffers: ArrayBuffer[] = [];
  #bytes = 0;

  constructor(maxCount: number, maxBytes: number) {
    this.#maxCount = maxCount;
    this.#maxBytes = maxBytes;
  }

  get count(): number {
    return this.#buffers.length;
  }

  get bytes(): number {
    return this.#bytes;
  }

  give(buffers: Iterable<ArrayBuffer>): void {
    for (const buffer of buffers) {
      this.#buffers.push(buffer);
      this.#bytes += buffer.byteLength;
    }
    while (this.#buffers.length > this.#maxCount || this.#bytes > this.#maxBytes)
      this.#bytes -= this.#buffers.shift()!.byteLength;
  }

  /** The most recently given buffer of exactly `byteLength` bytes, taken out of the pool; undefined if none. */
  take(byteLength: number): ArrayBuffer | undefined {
    for (let i = this.#buffers.length - 1; i >= 0; i--) {
      const buffer = this.#buffers[i]!;
      if (buffer.byteLength !== byteLength) continue;
      this.#buffers.splice(i, 1);
      this.#bytes -= byteLength;
      return buffer;
    }
    return undefined;
  }
}
