import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeVideo } from '../src/decode.ts';
import { clipsSkip, crowd1080p } from './media-fixtures.ts';

const missing = clipsSkip(crowd1080p);

const MB = 1024 * 1024;

test('decodeVideo: the 1080p clip streams in bounded memory', async (t) => {
  if (missing !== undefined) return t.skip(missing);
  // skip none: every frame is a fresh 6 MiB buffer handed to the consumer, the hardest case for retention
  {
    const skip = { method: 'none' as const, threshold: 0 };
    const before = process.memoryUsage().rss;
    let peak = before;
    const decoding = await decodeVideo(crowd1080p, { skip });
    assert.deepEqual([decoding.info.width, decoding.info.height, decoding.info.frameCount], [1920, 1080, 105]);
    let checksum = 0;
    for await (const frame of decoding.frames) {
      checksum += frame.image.data[0]!;
      peak = Math.max(peak, process.memoryUsage().rss);
    }
    const outcome = await decoding.outcome;
    const whole = 105 * 1920 * 1080 * 3;
    const growth = peak - before;
    console.log(
      `# 1080p, skip ${skip.method}: ${outcome.emittedFrames} frames emitted, rss growth ${(growth / MB).toFixed(0)} MiB (whole video ${(whole / MB).toFixed(0)} MiB), checksum ${checksum}`,
    );
    assert.equal(outcome.complete, true);
    assert.equal(outcome.decodedFrames, 105);
    assert.ok(growth < whole / 4, `rss grew ${(growth / MB).toFixed(0)} MiB; bound ${(whole / 4 / MB).toFixed(0)} MiB`);
  }
});
