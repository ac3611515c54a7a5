import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeArgs, formatRate } from '../src/ffmpeg-args.ts';

test('decodeArgs: passthrough with showinfo timestamps; select between two showinfos when sampling; input kept as one argument', () => {
  const input = 'file:/tmp/a b; rm -rf $HOME.mp4';
  const all = decodeArgs(input);
  assert.equal(all[all.indexOf('-i') + 1], input);
  assert.deepEqual(all.slice(all.indexOf('-fps_mode'), all.indexOf('-fps_mode') + 2), ['-fps_mode', 'passthrough']);
  assert.deepEqual(all.slice(-5), ['-f', 'rawvideo', '-pix_fmt', 'rgb24', 'pipe:1']);
  assert.deepEqual(all.slice(all.indexOf('-vf'), all.indexOf('-vf') + 2), ['-vf', 'showinfo=checksum=0']);
  assert.deepEqual(all.slice(all.indexOf('-enc_time_base'), all.indexOf('-enc_time_base') + 2), ['-enc_time_base', '-1']);
  assert.deepEqual(all.slice(all.indexOf('-loglevel'), all.indexOf('-loglevel') + 2), ['-loglevel', 'level+info']);
  const sampled = decodeArgs(input, 2.5);
  assert.deepEqual(sampled.slice(sampled.indexOf('-vf'), sampled.indexOf('-vf') + 2), [
    '-vf',
    'showinfo=checksum=0,select=isnan(prev_selected_t)+gte(floor(t*2.5+0.5)-floor(prev_selected_t*2.5+0.5)\\,1),showinfo=checksum=0',
  ]);
  assert.ok(sampled.includes('passthrough'), 'no frame duplication at the start');
});

test('formatRate', () => {
  assert.equal(formatRate(5), '5');
  assert.equal(formatRate(2.5), '2.5');
  assert.throws(() => formatRate(1e-7), RangeError);
  assert.equal(formatRate(1 / 3), '0.333333');
  assert.throws(() => formatRate(0), RangeError);
  assert.throws(() => formatRate(Number.NaN), RangeError);
});
