import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { PmrError, type Frame } from '@pmr/common';
import { decodeVideo, openVideoCount, UNCLAIMED_DECODER_MS, type DecodeOutcome } from '../src/decode.ts';
import type { DecodeOptions } from '../src/decode-options.ts';
import type { VideoInfo } from '../src/video-info.ts';
import {
  clipsSkip,
  cutAfterIndex,
  cutFile,
  hamilton,
  makeFaststart,
  makeRotatedMarker,
  makeVariableRate,
  tempFolder,
} from './media-fixtures.ts';

const missing = clipsSkip(hamilton);

/** Hamilton's hard cuts: first frames of new shots (found by eye; the three peaks of both frame distances). */
const CUTS = [20, 82, 211];

async function decodeAll(
  path: string,
  options: DecodeOptions,
): Promise<{ frames: Frame[]; outcome: DecodeOutcome; info: VideoInfo }> {
  const decoding = await decodeVideo(path, options);
  const frames: Frame[] = [];
  for await (const frame of decoding.frames)
    frames.push({ ...frame, image: { width: frame.image.width, height: frame.image.height, data: new Uint8Array(0) } });
  return { frames, outcome: await decoding.outcome, info: decoding.info };
}

/** Hamilton: 2997/100 fps, first video frame 0.844014 s into the container. */
const FPS = 29.97;
const START = 0.852019 - 0.008005;
/**
 * Hamilton's frame times as FFmpeg stamps them: ticks of 1/11988 s, 400 a frame, from tick 10118 (its start shifted by
 * the container's, to the tick, as the ffmpeg tool does). They differ from START + i / FPS by 3 µs, which the coverage
 * checks allow.
 */
const hamiltonTime = (i: number): number => (10118 + 400 * i) / 11988;
const TICK_SLACK = 1e-5;

/** Ranges contiguous from 0 to `last`, indices 0.., pts and ptsLast consistent. */
function assertCoverage(frames: Frame[], last: number, fps = FPS, start = START): void {
  let next = 0;
  frames.forEach((f, i) => {
    assert.equal(f.index, i);
    assert.equal(f.sourceFirst, next, `frame ${i} starts where the previous ended`);
    assert.ok(f.sourceLast >= f.sourceFirst);
    assert.ok(
      f.pts >= start + f.sourceFirst / fps - TICK_SLACK && f.pts <= start + f.sourceLast / fps + TICK_SLACK,
      `frame ${i} pts inside its range`,
    );
    assert.ok(Math.abs(f.ptsLast - (start + f.sourceLast / fps)) < TICK_SLACK);
    if (i > 0) assert.ok(f.pts > frames[i - 1]!.pts, 'pts increasing');
    next = f.sourceLast + 1;
  });
  assert.equal(next, last + 1, 'covers up to the last source frame');
}

const frameHash = (f: Frame): string => createHash('sha1').update(f.image.data).digest('hex');

/** Hash of each hamilton frame → its index: the skip-none test's when it ran first, else decoded here once. */
let hamiltonHashes: Promise<ReadonlyMap<string, number>> | undefined;
function frameIndexByHash(): Promise<ReadonlyMap<string, number>> {
  hamiltonHashes ??= (async () => {
    const decoding = await decodeVideo(hamilton, { skip: { method: 'none', threshold: 0 } });
    const hashes = new Map<string, number>();
    for await (const f of decoding.frames) hashes.set(frameHash(f), f.index);
    assert.equal(hashes.size, 275, 'every frame of hamilton is distinct');
    return hashes;
  })();
  return hamiltonHashes;
}

test('decodeVideo: every frame of hamilton with skip none', async (t) => {
  if (missing !== undefined) return t.skip(missing);
  const decoding = await decodeVideo(hamilton, { skip: { method: 'none', threshold: 0 } });
  const hashes = new Map<string, number>();
  let count = 0;
  let lastPts = -1;
  for await (const f of decoding.frames) {
    assert.deepEqual([f.index, f.sourceFirst, f.sourceLast], [count, count, count]);
    assert.deepEqual([f.image.width, f.image.height, f.image.data.length], [640, 360, 640 * 360 * 3]);
    assert.ok(Math.abs(f.pts - hamiltonTime(count)) < 1e-12 && f.pts > lastPts, `frame ${count} at its own time`);
    assert.ok(Math.abs(f.lastDuration - 400 / 11988) < 1e-12, `frame ${count} lasts one frame period`);
    lastPts = f.pts;
    hashes.set(frameHash(f), count);
    count++;
  }
  assert.equal(count, 275);
  assert.deepEqual(await decoding.outcome, {
    complete: true,
    sourceFrames: 275,
    decodedFrames: 275,
    emittedFrames: 275,
  });
  assert.equal(hashes.size, 275, 'every frame of hamilton is distinct');
  hamiltonHashes ??= Promise.resolve(hashes);
});

test('decodeVideo: recycled frames are refilled, pixels the same as without recycling', async (t) => {
  if (missing !== undefined) return t.skip(missing);
  const hashes = await frameIndexByHash();
  const decoding = await decodeVideo(hamilton, { skip: { method: 'none', threshold: 0 } });
  const buffers = new Set<Uint8Array>();
  let count = 0;
  for await (const f of decoding.frames) {
    // the frame of the same index in the plain decode above (hash → index)
    assert.equal(hashes.get(frameHash(f)), count, `frame ${count} pixels`);
    buffers.add(f.image.data);
    decoding.recycle(f);
    decoding.recycle(f); // a second hand-back of the same frame is ignored, never two frames in one buffer
    count++;
  }
  assert.equal(count, 275);
  assert.ok(buffers.size <= 3, `${buffers.size} frame buffers for 275 frames`);
  assert.equal((await decoding.outcome).complete, true);
});

test('decodeVideo: fps 5 keeps the first frame of each fifth of a second, 47 frames covering the whole clip', async (t) => {
  if (missing !== undefined) return t.skip(missing);
  const hashes = await frameIndexByHash();
  const decoding = await decodeVideo(hamilton, { fps: 5, skip: { method: 'none', threshold: 0 } });
  const frames: Frame[] = [];
  for await (const f of decoding.frames) {
    const shown = hashes.get(frameHash(f));
    assert.equal(shown, f.sourceFirst, `frame ${f.index}: shows the first source frame of its range`);
    assert.ok(Math.abs(f.pts - hamiltonTime(f.sourceFirst)) < 1e-12, `frame ${f.index}: at that frame's time`);
    frames.push(f);
  }
  // slot = round(5·t): frame 0 (0.844 s) is in slot 4, frame 2 (0.911 s) the first in slot 5, frame 8 (1.111 s) in 6;
  // the last, frame 274 (9.99 s), is in slot 50, so slots 4…50 give 47 frames
  assert.equal(frames.length, 47);
  assertCoverage(frames, 274);
  assert.deepEqual(
    frames.slice(0, 3).map((f) => [f.sourceFirst, f.sourceLast]),
    [
      [0, 1],
      [2, 7],
      [8, 13],
    ],
  );
  assert.deepEqual(await decoding.outcome, { complete: true, sourceFrames: 275, decodedFrames: 47, emittedFrames: 47 });
});

test('decodeVideo: default skipping keeps every hard cut and skips most near-duplicates', async (t) => {
  if (missing !== undefined) return t.skip(missing);
  // (ssim at its default 0.4 keeps the cuts too, 36 frames: see bin/calibrate-skip.ts; not repeated here to save time)
  const { frames, outcome } = await decodeAll(hamilton, {});
  console.log(`# hamilton with the default skipping: ${frames.length} of 275 frames kept`);
  assertCoverage(frames, 274);
  const starts = frames.map((f) => f.sourceFirst);
  for (const cut of CUTS) assert.ok(starts.includes(cut), `cut at ${cut} starts a kept frame`);
  assert.deepEqual(
    frames.filter((f) => f.sceneCut).map((f) => f.sourceFirst),
    [...CUTS],
    'exactly the hard cuts are marked as scene cuts',
  );
  assert.ok(frames.length <= 275 / 4, `kept ${frames.length}, want ≤ 68`);
  assert.ok(
    frames.every((f) => f.sourceLast - f.sourceFirst < 7),
    'maxGap of 7 source frames (0.25 s)',
  );
  assert.equal(outcome.complete, true);
  assert.equal(outcome.emittedFrames, frames.length);
});

test('decodeVideo: a variable-rate video keeps its own frame times, and --fps thins it by them, in Matroska and in AVI (whose empty chunks are no missing frames)', async (t) => {
  if (missing !== undefined) return t.skip(missing);
  const tmp = tempFolder();
  t.after(tmp.remove);
  const { mkv, avi, times } = await makeVariableRate(tmp.dir);
  const ms = (s: number): number => Math.round(s * 1000) / 1000;
  for (const path of [mkv, avi]) {
    const every = await decodeAll(path, { skip: { method: 'none', threshold: 0 } });
    // index / fps would put the last frame at 1.9 s (Matroska: fps 10 from r_frame_rate) or 0.1 s (AVI: "200 fps")
    assert.deepEqual(
      every.frames.map((f) => ms(f.pts)),
      times,
      path,
    );
    assert.deepEqual(
      every.frames.map((f) => ms(f.ptsLast)),
      times,
      path,
    );
    // each frame lasts until the next one; the last one nominal frame period (the container's rate)
    const next = [...times.slice(1), times.at(-1)! + 1 / every.info.fps];
    assert.deepEqual(
      every.frames.map((f) => ms(f.lastDuration)),
      times.map((t, i) => ms(next[i]! - t)),
      path,
    );
    assert.deepEqual(every.outcome, { complete: true, sourceFrames: 20, decodedFrames: 20, emittedFrames: 20 }, path);
    const skipped = await decodeAll(path, { skip: { method: 'histogram', threshold: 0.5, maxGap: 4 } });
    assert.ok(skipped.frames.length < 20, `${path}: some frames skipped`);
    for (const f of skipped.frames) {
      assert.equal(ms(f.pts), times[f.sourceFirst], `${path}: a kept frame's time is its own`);
      assert.equal(ms(f.ptsLast), times[f.sourceLast], `${path}: its range ends at the time of its last frame`);
    }
    assert.equal(skipped.frames.at(-1)?.sourceLast, 19);
    // fps 2 by the frames' own times: slot round(2·t) changes at 0.3, 0.8 and then at every half-second frame
    const sampled = await decodeAll(path, { fps: 2, skip: { method: 'none', threshold: 0 } });
    const ranges = [[0, 2], [3, 7], [8, 10], ...Array.from({ length: 9 }, (_, i) => [11 + i, 11 + i])];
    assert.deepEqual(
      sampled.frames.map((f) => [f.sourceFirst, f.sourceLast]),
      ranges,
      path,
    );
    assert.deepEqual(
      sampled.frames.map((f) => ms(f.pts)),
      ranges.map(([first]) => times[first!]),
      path,
    );
    assert.deepEqual(
      sampled.frames.map((f) => ms(f.ptsLast)),
      ranges.map(([, last]) => times[last!]),
      path,
    );
    assert.deepEqual(
      sampled.frames.map((f) => ms(f.ptsLast + f.lastDuration)),
      ranges.map(([, last]) => ms(next[last!]!)),
      path,
    );
    assert.deepEqual(sampled.outcome, { complete: true, sourceFrames: 20, decodedFrames: 12, emittedFrames: 12 }, path);
  }
});

test('decodeVideo: a truncated file gives its frames, then complete=false with a reason', async (t) => {
  if (missing !== undefined) return t.skip(missing);
  const tmp = tempFolder();
  t.after(tmp.remove);
  const half = cutFile(await makeFaststart(tmp.dir), 0.5, 'half.mp4', tmp.dir);
  const { frames, outcome, info } = await decodeAll(half, { skip: { method: 'none', threshold: 0 } });
  console.log(`# truncated: ${frames.length} frames, ${outcome.error ?? ''}`);
  assert.ok(frames.length > 50 && frames.length < 275, `${frames.length} frames`);
  assert.equal(outcome.complete, false);
  assert.equal(outcome.emittedFrames, frames.length);
  assert.match(outcome.error ?? '', new RegExp(`got ${frames.length} of 275 frames`));
  assert.match(outcome.error ?? '', /^(decoding|reading): /);
  assert.ok(!(outcome.error ?? '').includes('\n'));
  assertCoverage(frames, frames.length - 1, FPS, info.startTime);
});

test('decodeVideo: nothing decodable is INVALID_ARGUMENT', async (t) => {
  if (missing !== undefined) return t.skip(missing);
  const tmp = tempFolder();
  t.after(tmp.remove);
  const isInvalid = (err: unknown): boolean => err instanceof PmrError && err.code === 'INVALID_ARGUMENT';
  // moov at the end: the first half has no index at all, so probing already fails
  await assert.rejects(decodeVideo(cutFile(hamilton, 0.5, 'half.mp4', tmp.dir)), isInvalid);
  // index present but no whole frame: iterating throws, the outcome says why
  const decoding = await decodeVideo(cutAfterIndex(await makeFaststart(tmp.dir), tmp.dir));
  await assert.rejects(
    async () => {
      for await (const f of decoding.frames) void f;
    },
    (err: unknown) => isInvalid(err) && /no decodable frame/.test((err as Error).message),
  );
  const outcome = await decoding.outcome;
  assert.deepEqual([outcome.complete, outcome.emittedFrames, outcome.decodedFrames], [false, 0, 0]);
  assert.match(outcome.error ?? '', /no decodable frame/);
  const text = join(tmp.dir, 'x.mp4');
  writeFileSync(text, 'not a video');
  await assert.rejects(decodeVideo(text), isInvalid);
  await assert.rejects(
    decodeVideo(join(tmp.dir, 'missing.mp4')),
    (err: unknown) => isInvalid(err) && /no such file$/.test((err as Error).message),
  );
});

test('decodeVideo: a rotated clip comes out upright with swapped width and height', async (t) => {
  if (missing !== undefined) return t.skip(missing);
  const tmp = tempFolder();
  t.after(tmp.remove);
  const decoding = await decodeVideo(await makeRotatedMarker(tmp.dir), { skip: { method: 'none', threshold: 0 } });
  assert.deepEqual([decoding.info.width, decoding.info.height], [32, 64]);
  const frames: Frame[] = [];
  for await (const f of decoding.frames) frames.push(f);
  assert.equal(frames.length, 10);
  const { image } = frames[0]!;
  assert.deepEqual([image.width, image.height], [32, 64]);
  const mean = (x0: number, y0: number): number => {
    let sum = 0;
    for (let y = y0 + 2; y < y0 + 14; y++)
      for (let x = x0 + 2; x < x0 + 14; x++) sum += image.data[(y * image.width + x) * 3]!;
    return sum / 144;
  };
  // the coded picture's top-left square ends where a clockwise turn of `rotation` degrees puts it
  const corners = { topLeft: mean(0, 0), topRight: mean(16, 0), bottomLeft: mean(0, 48), bottomRight: mean(16, 48) };
  const expected = decoding.info.rotation === 90 ? 'topRight' : 'bottomLeft';
  assert.ok(decoding.info.rotation === 90 || decoding.info.rotation === 270, `rotation ${decoding.info.rotation}`);
  for (const [corner, value] of Object.entries(corners)) {
    if (corner === expected) assert.ok(value > 200, `${corner} should be white: ${value}`);
    else assert.ok(value < 50, `${corner} should be black: ${value}`);
  }
});

test('decodeVideo: breaking off, maxFrames and abort stop the decoding', async (t) => {
  if (missing !== undefined) return t.skip(missing);
  const none = { method: 'none' as const, threshold: 0 };

  const broken = await decodeVideo(hamilton, { skip: none });
  let seen = 0;
  for await (const f of broken.frames) if (++seen === 3 || f.index > 3) break;
  assert.deepEqual(await broken.outcome, {
    complete: false,
    sourceFrames: 3,
    decodedFrames: 4,
    emittedFrames: 3,
    stopped: 'consumer',
  });

  const limited = await decodeAll(hamilton, { skip: none, maxFrames: 4 });
  assert.equal(limited.frames.length, 4);
  assert.deepEqual(limited.outcome, {
    complete: false,
    sourceFrames: 4,
    decodedFrames: 5,
    emittedFrames: 4,
    stopped: 'max-frames',
  });

  const controller = new AbortController();
  const aborted = await decodeVideo(hamilton, { skip: none, signal: controller.signal });
  await assert.rejects(
    async () => {
      for await (const f of aborted.frames) if (f.index === 1) controller.abort();
    },
    { name: 'AbortError' },
  );
  const outcome = await aborted.outcome;
  assert.deepEqual([outcome.complete, outcome.stopped, outcome.emittedFrames], [false, 'aborted', 2]);

  const preAborted = await decodeVideo(hamilton, { signal: AbortSignal.abort() });
  await assert.rejects(
    async () => {
      for await (const f of preAborted.frames) void f;
    },
    { name: 'AbortError' },
  );
  assert.equal((await preAborted.outcome).stopped, 'aborted');
});

test('decodeVideo: a decode never iterated is closed after UNCLAIMED_DECODER_MS; iterating it then fails', async (t) => {
  if (missing !== undefined) return t.skip(missing);
  t.mock.timers.enable({ apis: ['setTimeout'] });
  const open = openVideoCount();
  const unclaimed = await decodeVideo(hamilton);
  assert.equal(openVideoCount(), open + 1);
  t.mock.timers.tick(UNCLAIMED_DECODER_MS);
  t.mock.timers.reset();
  // The release closes the file asynchronously: wait until it has.
  const deadline = Date.now() + 5000;
  while (openVideoCount() > open && Date.now() < deadline) await sleep(5);
  assert.equal(openVideoCount(), open, 'the unclaimed video was closed');
  await assert.rejects(
    async () => {
      for await (const f of unclaimed.frames) void f;
    },
    (err: unknown) =>
      err instanceof PmrError && err.code === 'FAILED_PRECONDITION' && /not read within 30 s/.test(err.message),
  );
  assert.equal((await unclaimed.outcome).complete, false);
});

test('decodeVideo: frames can be iterated once; options are checked', async (t) => {
  if (missing !== undefined) return t.skip(missing);
  const decoding = await decodeVideo(hamilton, { maxFrames: 1 });
  for await (const f of decoding.frames) void f;
  assert.throws(
    () => decoding.frames[Symbol.asyncIterator](),
    (err: unknown) => err instanceof PmrError && err.code === 'FAILED_PRECONDITION',
  );
  await assert.rejects(
    decodeVideo(hamilton, { fps: -1 }),
    (err: unknown) => err instanceof PmrError && err.code === 'INVALID_ARGUMENT',
  );
  await assert.rejects(
    decodeVideo(hamilton, { hwaccel: 'opencl' as 'cuda' }),
    (err: unknown) => err instanceof PmrError && err.code === 'INVALID_ARGUMENT',
  );
});

test('decodeVideo: hwaccel auto falls back to software without a device; a named device that does not open is FAILED_PRECONDITION', async (t) => {
  if (missing !== undefined) return t.skip(missing);
  assert.equal((await decodeVideo(hamilton, { maxFrames: 1 })).decoder, 'software', 'software by default');
  const auto = await decodeVideo(hamilton, { hwaccel: 'auto', skip: { method: 'none' }, maxFrames: 3 });
  let frames = 0;
  for await (const f of auto.frames) frames += f.image.width === 640 ? 1 : 0;
  assert.equal(frames, 3, `decoded on ${auto.decoder}`);
  for (const device of ['cuda', 'vaapi'] as const) {
    const outcome = await decodeVideo(hamilton, { hwaccel: device, maxFrames: 1 }).then(
      (d) => d.decoder,
      (err: unknown) => (err instanceof PmrError && err.code === 'FAILED_PRECONDITION' ? 'refused' : err),
    );
    console.log(`# hwaccel ${device}: ${String(outcome)}`);
    if (auto.decoder.startsWith('software')) assert.equal(outcome, 'refused', `${device}: no device here, so refused`);
    else
      assert.ok(
        outcome === 'refused' || outcome === device || outcome === `software (${device} cannot decode h264)`,
        String(outcome),
      );
  }
});
