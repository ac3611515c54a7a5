// measureDecodeFps, the benchmark's decode-only measure: what it decodes and looks at by default, and that the decode
// options it is given change what it measures. On a clip made here, so it needs no shared media.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { measureDecodeFps } from '../src/measure.ts';
import { writeClip } from '../src/testing/media.ts';
import { tempFolder, testPattern } from './media-fixtures.ts';

const FRAMES = 12;
const tmp = tempFolder();
const clip = join(tmp.dir, 'still-then-moving.mp4');
before(async () => {
  // The same picture for six frames, then a square moving 4 px a frame: a clip similar-frame skipping thins.
  const frames = Array.from({ length: FRAMES }, (_, k) => ({
    image: testPattern(64, 48, k < 6 ? 0 : k),
    time: k / 10,
  }));
  await writeClip(clip, frames, { fps: 10 });
});
after(() => tmp.remove());

test('measureDecodeFps: by default every frame is decoded and looked at (no similar-frame skipping), in a measured time', async () => {
  const speed = await measureDecodeFps(clip);
  assert.deepEqual([speed.decodedFrames, speed.emittedFrames, speed.complete], [FRAMES, FRAMES, true]);
  assert.ok(speed.seconds > 0 && Number.isFinite(speed.fps) && speed.fps > 0, JSON.stringify(speed));
});

test('measureDecodeFps: the decode options change what is measured (skipping keeps fewer frames, fps decodes fewer)', async () => {
  const skipping = await measureDecodeFps(clip, { skip: { method: 'histogram' } });
  assert.equal(skipping.decodedFrames, FRAMES, 'every frame is still decoded to be compared');
  assert.ok(
    skipping.emittedFrames < FRAMES,
    `the repeated picture is skipped: ${skipping.emittedFrames} of ${FRAMES} kept`,
  );
  assert.equal(skipping.complete, true);
  const sampled = await measureDecodeFps(clip, { fps: 5 });
  assert.ok(sampled.decodedFrames < FRAMES, `at 5 fps from 10: ${sampled.decodedFrames} frames looked at`);
  assert.equal(sampled.emittedFrames, sampled.decodedFrames);
});
