// Cutting a byte stream of packed raw frames into whole frames. Pure with respect to its input iterable.

/**
 * Yield each complete `frameSize`-byte frame of `chunks`, copied into a buffer from `allocate()` (called once per
 * frame, just before its first byte is copied, i.e. after the previous frame was handed on). Reading is pulled by
 * the consumer: with a Node Readable as `chunks`, the stream stays paused while the consumer works, so the
 * producer (ffmpeg) blocks on its pipe and memory stays at one frame plus the stream's buffer.
 * Trailing bytes that do not make a whole frame are dropped; `onTail` is told how many.
 */
export async function* readRawFrames(
  chunks: AsyncIterable<Uint8Array>,
  frameSize: number,
  allocate: () => Uint8Array = () => new Uint8Array(frameSize),
  onTail?: (bytes: number) => void,
): AsyncGenerator<Uint8Array, void, undefined> {
  if (!Number.isInteger(frameSize) || frameSize <= 0) throw new RangeError(`frameSize must be a positive integer, got ${frameSize}`);
  let frame: Uint8Array | null = null;
  let filled = 0;
  for await (const chunk of chunks) {
    let offset = 0;
    while (offset < chunk.length) {
      if (frame === null) {
        frame = allocate();
        if (frame.length !== frameSize) throw new RangeError(`allocate() gave ${frame.length} bytes, need ${frameSize}`);
      }
      const n = Math.min(frameSize - filled, chunk.length - offset);
      frame.set(chunk.subarray(offset, offset + n), filled);
      filled += n;
      offset += n;
      if (filled === frameSize) {
        const done = frame;
        frame = null;
        filled = 0;
        yield done;
      }
    }
  }
  if (filled > 0) onTail?.(filled);
}
