import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeYunet } from '../src/yunet-decode.ts';

/** Zeroed YuNet outputs for a W×H input (strides 8/16/32, one prior per cell). */
function emptyOutputs(w: number, h: number): Record<string, Float32Array> {
  const out: Record<string, Float32Array> = {};
  for (const s of [8, 16, 32]) {
    const n = (w / s) * (h / s);
    out[`cls_${s}`] = new Float32Array(n);
    out[`obj_${s}`] = new Float32Array(n);
    out[`bbox_${s}`] = new Float32Array(n * 4);
    out[`kps_${s}`] = new Float32Array(n * 10);
  }
  return out;
}

function close(a: number, b: number, what: string): void {
  assert.ok(Math.abs(a - b) < 1e-5, `${what}: ${a} vs ${b}`);
}

test('decodeYunet: hand-checked cells at strides 8 and 32', () => {
  // 64×32 input: stride 8 grid is 4 rows × 8 cols, stride 32 grid is 1 × 2
  const o = emptyOutputs(64, 32);
  // stride 8, cell r=1, c=2 → i = 1·8 + 2 = 10; cls·obj = 0.81 → score 0.9
  o.cls_8![10] = 0.81;
  o.obj_8![10] = 1;
  o.bbox_8!.set([0.5, 0.5, Math.log(2), Math.log(4)], 40);
  // landmarks: (c + kx)·8, (r + ky)·8
  o.kps_8!.set([0, 0, 1, 1, -1, 0.5, 0.25, 2, 3, -1], 100);
  // stride 32, cell c=1: cls 1.5 is clamped to 1, obj 0.64 → score 0.8
  o.cls_32![1] = 1.5;
  o.obj_32![1] = 0.64;
  o.bbox_32!.set([0, 0, 0, 0], 4);
  // a cell below the threshold: sqrt(0.25·0.25) = 0.25
  o.cls_16![0] = 0.25;
  o.obj_16![0] = 0.25;

  const got = decodeYunet(o, 64, 32, 0.5);
  assert.equal(got.length, 2);
  const [a, b] = got;
  close(a!.score, 0.9, 'score a');
  // centre ((2 + 0.5)·8, (1 + 0.5)·8) = (20, 12), size (2·8, 4·8) = (16, 32) → top-left (12, −4)
  close(a!.box.x, 12, 'x');
  close(a!.box.y, -4, 'y');
  close(a!.box.width, 16, 'w');
  close(a!.box.height, 32, 'h');
  const wantLm = [
    [16, 8],
    [24, 16],
    [8, 12],
    [18, 24],
    [40, 0],
  ];
  a!.landmarks.forEach((p, k) => {
    close(p.x, wantLm[k]![0]!, `lm${k}.x`);
    close(p.y, wantLm[k]![1]!, `lm${k}.y`);
  });
  close(b!.score, 0.8, 'score b');
  // centre ((1 + 0)·32, 0) = (32, 0), size 32 → top-left (16, −16)
  assert.deepEqual(b!.box, { x: 16, y: -16, width: 32, height: 32 });
  close(b!.landmarks[0].x, 32, 'b lm x');

  assert.equal(decodeYunet(o, 64, 32, 0.95).length, 0, 'nothing above 0.95');
  assert.equal(decodeYunet(o, 64, 32, 0.2).length, 3, 'the weak cell passes 0.2');
});

test('decodeYunet: negative probabilities clamp to 0', () => {
  const o = emptyOutputs(32, 32);
  o.cls_8![0] = -0.5;
  o.obj_8![0] = 1;
  assert.equal(decodeYunet(o, 32, 32, 0).filter((c) => c.score > 0).length, 0);
});

test('decodeYunet refuses missing or mis-sized outputs', () => {
  const o = emptyOutputs(32, 32);
  delete o.kps_16;
  assert.throws(() => decodeYunet(o, 32, 32, 0.5), /kps_16 is missing/);
  assert.throws(() => decodeYunet(emptyOutputs(32, 32), 64, 32, 0.5), /cls_8 has 16 values, expected 32/);
});
