import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeScrfd } from '../src/scrfd-decode.ts';

/** Zeroed SCRFD outputs for a W×H input (strides 8/16/32, two anchors per cell). */
function emptyOutputs(w: number, h: number): Record<string, Float32Array> {
  const out: Record<string, Float32Array> = {};
  for (const s of [8, 16, 32]) {
    const n = (w / s) * (h / s) * 2;
    out[`score_${s}`] = new Float32Array(n);
    out[`bbox_${s}`] = new Float32Array(n * 4);
    out[`kps_${s}`] = new Float32Array(n * 10);
  }
  return out;
}

function close(a: number, b: number, what: string): void {
  assert.ok(Math.abs(a - b) < 1e-5, `${what}: ${a} vs ${b}`);
}

test('decodeScrfd: hand-checked anchors (two per cell, distances in strides)', () => {
  // 32×32 input: stride 8 grid is 4×4 cells, 32 anchors
  const o = emptyOutputs(32, 32);
  // anchor 13 → cell 6 → column 6 % 4 = 2, row 1 → anchor centre (16, 8)
  o.score_8![13] = 0.7;
  o.bbox_8!.set([1, 0.5, 2, 1.5], 13 * 4);
  o.kps_8!.set([0.5, -0.5, 1, 0, 0, 1, -1, 2, 2, 2], 13 * 10);
  // stride 32 has one cell and anchors 0, 1 both at (0, 0)
  o.score_32![1] = 0.9;
  o.bbox_32!.set([0, 0, 1, 1], 4);
  o.score_16![0] = 0.3;

  const got = decodeScrfd(o, 32, 32, 0.5);
  assert.equal(got.length, 2);
  const a = got.find((c) => Math.abs(c.score - 0.7) < 1e-6)!;
  // corners (16 − 8, 8 − 4, 16 + 16, 8 + 12) = (8, 4, 32, 20)
  close(a.box.x, 8, 'x');
  close(a.box.y, 4, 'y');
  close(a.box.width, 24, 'w');
  close(a.box.height, 16, 'h');
  const wantLm = [
    [20, 4],
    [24, 8],
    [16, 16],
    [8, 24],
    [32, 24],
  ];
  a.landmarks.forEach((p, k) => {
    close(p.x, wantLm[k]![0]!, `lm${k}.x`);
    close(p.y, wantLm[k]![1]!, `lm${k}.y`);
  });
  const b = got.find((c) => Math.abs(c.score - 0.9) < 1e-6)!;
  assert.deepEqual(b.box, { x: 0, y: 0, width: 32, height: 32 });
  assert.equal(decodeScrfd(o, 32, 32, 0.25).length, 3);
});

test('decodeScrfd refuses mis-sized outputs', () => {
  assert.throws(() => decodeScrfd(emptyOutputs(32, 32), 32, 64, 0.5), /score_8 has 32 values, expected 64/);
});
