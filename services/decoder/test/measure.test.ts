import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { measureDecodeFps } from '../src/measure.ts';
import { clipsSkip, videosDir } from './media-fixtures.ts';

const clip = join(videosDir, 'faceapi_bbt_5frames.mp4');
const missing = clipsSkip(clip);

test('measureDecodeFps decodes every frame of a clip and times it', async (t) => {
  if (missing !== undefined) return t.skip(missing);
  const speed = await measureDecodeFps(clip);
  console.log(`# faceapi_bbt_5frames.mp4 (820x460): ${speed.fps.toFixed(1)} fps including opening the decoder`);
  assert.deepEqual([speed.decodedFrames, speed.emittedFrames, speed.complete], [5, 5, true]);
  assert.ok(speed.seconds > 0 && Math.abs(speed.fps - 5 / speed.seconds) < 1e-9);
});
