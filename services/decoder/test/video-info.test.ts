import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PmrError } from '@pmr/common';
import {
  displayMatrix,
  matrixRotationDegrees,
  normaliseRotation,
  videoInfoOf,
  type StreamFacts,
} from '../src/video-info.ts';

const hamilton: StreamFacts = {
  container: 'mov,mp4,m4a,3gp,3g2,mj2',
  codec: 'h264',
  codedWidth: 640,
  codedHeight: 360,
  averageFrameRate: 29.97,
  baseFrameRate: 29.97,
  matrixRotation: null,
  rotateTag: null,
  streamStart: 0.852019,
  containerStart: 0.008005,
  streamDuration: 9.175843,
  containerDuration: 10.008,
  frameCount: 275,
  hasAudio: true,
};

test('normaliseRotation rounds to a right angle', () => {
  const angles: [number, number][] = [
    [0, 0],
    [90, 90],
    [-90, 270],
    [180, 180],
    [-180, 180],
    [270, 270],
    [360, 0],
    [89.9, 90],
    [-270, 90],
  ];
  for (const [deg, want] of angles) assert.equal(normaliseRotation(deg), want, String(deg));
});

test("display matrices: clockwise turns written and read back; FFmpeg's own matrix for a 90° turn", () => {
  for (const turn of [0, 90, 180, 270] as const)
    assert.equal(normaliseRotation(matrixRotationDegrees(displayMatrix(turn))!), turn, String(turn));
  // what av_display_rotation_set(m, 90) writes (a clockwise quarter turn): b = 1, c = −1 in 16.16, w = 1 in 2.30
  assert.deepEqual([...displayMatrix(90)], [0, 65536, 0, -65536, 0, 0, 0, 0, 1 << 30]);
  assert.equal(matrixRotationDegrees(new Int32Array(9)), null, 'a degenerate matrix');
});

test('videoInfoOf: an ordinary clip', () => {
  const { startTime, ...rest } = videoInfoOf('clip.mp4', hamilton);
  assert.deepEqual(rest, {
    path: 'clip.mp4',
    container: hamilton.container,
    codec: 'h264',
    width: 640,
    height: 360,
    rotation: 0,
    fps: 29.97,
    duration: 9.175843,
    frameCount: 275,
    frameCountExact: true,
    hasAudio: true,
  });
  assert.ok(Math.abs(startTime - 0.844014) < 1e-9, `startTime ${startTime}`);
});

test('videoInfoOf: rotation from the display matrix, else the legacy tag (both clockwise); display size turned', () => {
  const cases = [
    { facts: { matrixRotation: 90 }, rotation: 90, width: 360, height: 640 },
    { facts: { matrixRotation: -90 }, rotation: 270, width: 360, height: 640 },
    { facts: { matrixRotation: 180 }, rotation: 180, width: 640, height: 360 },
    { facts: { rotateTag: '90' }, rotation: 90, width: 360, height: 640 },
    { facts: { rotateTag: 'sideways' }, rotation: 0, width: 640, height: 360 },
  ];
  for (const { facts, rotation, width, height } of cases) {
    const info = videoInfoOf('r.mp4', { ...hamilton, ...facts });
    assert.deepEqual(
      { rotation: info.rotation, width: info.width, height: info.height },
      { rotation, width, height },
      JSON.stringify(facts),
    );
  }
});

test('videoInfoOf: fallbacks for frame rate, duration and frame count', () => {
  const info = videoInfoOf('v.webm', {
    ...hamilton,
    container: 'matroska,webm',
    codec: 'vp9',
    codedWidth: 320,
    codedHeight: 240,
    averageFrameRate: 0,
    baseFrameRate: 25,
    streamStart: null,
    containerStart: null,
    streamDuration: null,
    containerDuration: 4,
    frameCount: 0,
    hasAudio: false,
  });
  assert.deepEqual(
    [info.fps, info.duration, info.frameCount, info.frameCountExact, info.hasAudio, info.startTime],
    [25, 4, 100, false, false, 0],
  );
});

test("videoInfoOf: AVI's frame count is an estimate (it counts the empty chunks of skipped frames)", () => {
  const info = videoInfoOf('v.avi', {
    ...hamilton,
    container: 'avi',
    averageFrameRate: 200,
    streamDuration: 5.51,
    frameCount: 1102,
  });
  assert.deepEqual([info.frameCount, info.frameCountExact], [1102, false]);
});

test('videoInfoOf: rejects what is not a video', () => {
  const cases: Array<{ name: string; facts: StreamFacts | null; container?: string; message: RegExp }> = [
    {
      name: 'single JPEG',
      facts: { ...hamilton, container: 'jpeg_pipe', codec: 'mjpeg' },
      message: /is a still image \(jpeg_pipe\)/,
    },
    { name: 'image2 with no stream read', facts: null, container: 'image2', message: /still image/ },
    { name: 'audio only or cover art only', facts: null, container: 'mp3', message: /no video stream/ },
    { name: 'no size', facts: { ...hamilton, codedWidth: 0 }, message: /no picture size/ },
    { name: 'no rate', facts: { ...hamilton, averageFrameRate: 0, baseFrameRate: 0 }, message: /no frame rate/ },
  ];
  for (const { name, facts, container, message } of cases) {
    assert.throws(
      () => videoInfoOf('x', facts, container),
      (err: unknown) =>
        err instanceof PmrError &&
        err.code === 'INVALID_ARGUMENT' &&
        message.test(err.message) &&
        err.message.startsWith('x: '),
      name,
    );
  }
});
