import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PmrError } from '@pmr/common';
import { normaliseRotation, parseProbeJson, parseRate } from '../src/video-info.ts';

const h264 = { codec_type: 'video', codec_name: 'h264', width: 640, height: 360, avg_frame_rate: '2997/100', r_frame_rate: '2997/100', duration: '9.175843', nb_frames: '275', start_time: '0.852019' };
const mp4 = { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '10.008', start_time: '0.008005' };

test('parseRate and normaliseRotation', () => {
  const rates: [string | undefined, number][] = [['2997/100', 29.97], ['25/1', 25], ['24', 24], ['0/0', 0], [undefined, 0], ['x', 0], ['-5/1', 0]];
  for (const [text, want] of rates) assert.equal(parseRate(text), want, String(text));
  const angles: [number, number][] = [[0, 0], [90, 90], [-90, 270], [180, 180], [-180, 180], [270, 270], [360, 0], [89.9, 90], [-270, 90]];
  for (const [deg, want] of angles) assert.equal(normaliseRotation(deg), want, String(deg));
});

test('parseProbeJson: an ordinary clip', () => {
  const info = parseProbeJson('clip.mp4', { streams: [h264, { codec_type: 'audio', codec_name: 'aac' }], format: mp4 });
  const { startTime, ...rest } = info;
  assert.deepEqual(rest, {
    path: 'clip.mp4', container: mp4.format_name, codec: 'h264', width: 640, height: 360, rotation: 0,
    fps: 29.97, duration: 9.175843, frameCount: 275, frameCountExact: true, hasAudio: true,
  });
  assert.ok(Math.abs(startTime - 0.844014) < 1e-9, `startTime ${startTime}`);
});

test('parseProbeJson: rotation from the display matrix (counter-clockwise) or the legacy tag (clockwise)', () => {
  const cases = [
    { stream: { ...h264, side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }] }, rotation: 90, width: 360, height: 640 },
    { stream: { ...h264, side_data_list: [{ side_data_type: 'Display Matrix', rotation: 90 }] }, rotation: 270, width: 360, height: 640 },
    { stream: { ...h264, side_data_list: [{ side_data_type: 'Display Matrix', rotation: 180 }] }, rotation: 180, width: 640, height: 360 },
    { stream: { ...h264, tags: { rotate: '90' } }, rotation: 90, width: 360, height: 640 },
    { stream: { ...h264, side_data_list: [{ side_data_type: 'Mastering display metadata' }] }, rotation: 0, width: 640, height: 360 },
  ];
  for (const { stream, rotation, width, height } of cases) {
    const info = parseProbeJson('r.mp4', { streams: [stream], format: mp4 });
    assert.deepEqual({ rotation: info.rotation, width: info.width, height: info.height }, { rotation, width, height }, JSON.stringify(stream));
  }
});

test('parseProbeJson: fallbacks for frame rate, duration and frame count', () => {
  const info = parseProbeJson('v.webm', {
    streams: [{ codec_type: 'video', codec_name: 'vp9', width: 320, height: 240, avg_frame_rate: '0/0', r_frame_rate: '25/1' }],
    format: { format_name: 'matroska,webm', duration: '4.0' },
  });
  assert.deepEqual([info.fps, info.duration, info.frameCount, info.frameCountExact, info.hasAudio, info.startTime], [25, 4, 100, false, false, 0]);
});

test("parseProbeJson: AVI's frame count is an estimate (it counts the empty chunks of skipped frames)", () => {
  const info = parseProbeJson('v.avi', {
    streams: [{ codec_type: 'video', codec_name: 'mpeg4', width: 64, height: 48, avg_frame_rate: '200/1', r_frame_rate: '100/1', duration: '5.51', nb_frames: '1102' }],
    format: { format_name: 'avi', duration: '5.51' },
  });
  assert.deepEqual([info.frameCount, info.frameCountExact], [1102, false]);
});

test('parseProbeJson: rejects what is not a video', () => {
  const cases = [
    { name: 'text (tty demuxer)', json: { streams: [{ ...h264, codec_name: 'ansi' }], format: { format_name: 'tty' } }, message: /is a still image or text \(tty\)/ },
    { name: 'single JPEG', json: { streams: [{ ...h264, codec_name: 'mjpeg' }], format: { format_name: 'image2' } }, message: /still image/ },
    { name: 'audio only', json: { streams: [{ codec_type: 'audio' }], format: { format_name: 'mp3' } }, message: /no video stream/ },
    { name: 'cover art only', json: { streams: [{ ...h264, codec_name: 'mjpeg', disposition: { attached_pic: 1 } }], format: { format_name: 'mp3' } }, message: /no video stream/ },
    { name: 'empty', json: {}, message: /no video stream/ },
    { name: 'not an object', json: null, message: /no video stream/ },
    { name: 'no size', json: { streams: [{ ...h264, width: 0 }], format: mp4 }, message: /no picture size/ },
    { name: 'no rate', json: { streams: [{ ...h264, avg_frame_rate: '0/0', r_frame_rate: '0/0' }], format: mp4 }, message: /no frame rate/ },
  ];
  for (const { name, json, message } of cases) {
    assert.throws(() => parseProbeJson('x', json), (err: unknown) => err instanceof PmrError && err.code === 'INVALID_ARGUMENT' && message.test(err.message) && err.message.startsWith('x: '), name);
  }
});
