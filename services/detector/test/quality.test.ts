import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Landmarks5, Point, RgbImage } from '@pmr/common';
import {
  combineQuality,
  faceQuality,
  frontalness,
  laplacianVariance,
  poseQuality,
  SHARPNESS_HALF,
  sharpnessQuality,
  sizeQuality,
} from '../src/quality.ts';
import { applySimilarity, ARCFACE_TEMPLATE } from '../src/similarity.ts';

function close(a: number, b: number, eps: number, what: string): void {
  assert.ok(Math.abs(a - b) <= eps, `${what}: ${a} vs ${b}`);
}

function mapLm(l: Landmarks5, f: (p: Point, k: number) => Point): Landmarks5 {
  return [f(l[0], 0), f(l[1], 1), f(l[2], 2), f(l[3], 3), f(l[4], 4)];
}

test('sizeQuality: 0 at 16 px, linear to 1 at 96 px (table)', () => {
  for (const [h, want] of [
    [0, 0],
    [16, 0],
    [36, 0.25],
    [56, 0.5],
    [96, 1],
    [300, 1],
  ] as const)
    close(sizeQuality(h), want, 1e-12, `h=${h}`);
});

test('laplacianVariance: hand-checked images', () => {
  const flat = new Float32Array(25).fill(80);
  assert.equal(laplacianVariance(flat, 5, 5), 0);
  // checkerboard of 0 and 100: the Laplacian is +400 on 0-pixels and −400 on 100-pixels → variance 160000
  const chess = Float32Array.from({ length: 36 }, (_, i) => (((i % 6) + Math.floor(i / 6)) % 2 === 0 ? 0 : 100));
  close(laplacianVariance(chess, 6, 6), 160000, 1e-6, 'checkerboard');
  // a linear ramp has Laplacian 0 everywhere inside
  const ramp = Float32Array.from({ length: 49 }, (_, i) => 3 * (i % 7) + 5 * Math.floor(i / 7));
  close(laplacianVariance(ramp, 7, 7), 0, 1e-9, 'ramp');
  // one bright pixel at (2,2) of a 5×5 zero image: interior 3×3 Laplacians are −400 (centre), +100 (4 neighbours), 0 (4 corners)
  // mean = 0, variance = (160000 + 4·10000)/9
  const dot = new Float32Array(25);
  dot[12] = 100;
  close(laplacianVariance(dot, 5, 5), 200000 / 9, 1e-6, 'dot');
});

test('sharpnessQuality: flat chip 0, checkerboard chip near 1', () => {
  const flat: RgbImage = { width: 112, height: 112, data: new Uint8Array(112 * 112 * 3).fill(128) };
  assert.equal(sharpnessQuality(flat), 0);
  const data = new Uint8Array(112 * 112 * 3);
  for (let i = 0; i < 112 * 112; i++)
    data.fill(((i % 112) + Math.floor(i / 112)) % 2 === 0 ? 0 : 100, i * 3, i * 3 + 3);
  // grey (BT.601) of (100,100,100) is 100 → variance 160000 → 160000 / (160000 + SHARPNESS_HALF)
  close(sharpnessQuality({ width: 112, height: 112, data }), 160000 / (160000 + SHARPNESS_HALF), 1e-4, 'checkerboard');
});

test('poseQuality / frontalness: the template is frontal; roll, yaw and pitch lower it as documented', () => {
  const f0 = poseQuality(ARCFACE_TEMPLATE);
  close(f0.yaw, 1, 1e-4, 'template yaw');
  close(f0.pitch, 1, 1e-4, 'template pitch');
  close(f0.roll, 1, 1e-4, 'template roll');
  // a 30° in-plane rotation (plus scale and shift) changes only roll: cos 30° = 0.866 (the template's own eye
  // line is tilted by −0.32°, so the result is cos 29.68° = 0.8688)
  const t = { a: 2 * Math.cos(Math.PI / 6), b: 2 * Math.sin(Math.PI / 6), tx: 40, ty: 7 };
  const rotated = mapLm(ARCFACE_TEMPLATE, (p) => applySimilarity(t, p));
  const fr = poseQuality(rotated);
  close(fr.roll, Math.cos(Math.PI / 6), 0.005, 'roll 30°');
  close(fr.yaw, f0.yaw, 1e-9, 'yaw unchanged by rotation');
  close(fr.pitch, f0.pitch, 1e-9, 'pitch unchanged by rotation');
  // nose moved sideways by half the inter-ocular distance: atan(1) = 45° → yaw = cos² 45° = 0.5
  const iod = ARCFACE_TEMPLATE[1].x - ARCFACE_TEMPLATE[0].x;
  const turned = mapLm(ARCFACE_TEMPLATE, (p, k) => (k === 2 ? { x: p.x + iod / 2, y: p.y } : p));
  close(poseQuality(turned).yaw, 0.5, 0.01, 'yaw 45°');
  // nose on the eye line: r = 0 → pitch = 1 − (0.494/0.4)² < 0 → 0
  const up = mapLm(ARCFACE_TEMPLATE, (p, k) => (k === 2 ? { x: p.x, y: 51.6 } : p));
  assert.equal(poseQuality(up).pitch, 0);
  assert.equal(frontalness(up), 0);
  // nose 0.2 of the eye–mouth span below its template place: pitch = 1 − (0.2/0.4)² = 0.75
  const span =
    (ARCFACE_TEMPLATE[3].y + ARCFACE_TEMPLATE[4].y) / 2 - (ARCFACE_TEMPLATE[0].y + ARCFACE_TEMPLATE[1].y) / 2;
  const down = mapLm(ARCFACE_TEMPLATE, (p, k) => (k === 2 ? { x: p.x, y: p.y + 0.2 * span } : p));
  close(poseQuality(down).pitch, 0.75, 0.005, 'pitch');
  // upside down (mouth above eyes) and collapsed eyes score 0
  assert.equal(frontalness(mapLm(ARCFACE_TEMPLATE, (p) => ({ x: p.x, y: -p.y }))), 0);
  assert.equal(frontalness(mapLm(ARCFACE_TEMPLATE, () => ({ x: 1, y: 1 }))), 0);
});

test('combineQuality: weighted geometric mean (detector 0.2, size 0.3, sharpness 0.2, frontalness 0.3)', () => {
  const cases = [
    { parts: { detector: 1, size: 1, sharpness: 1, frontalness: 1 }, want: 1 },
    { parts: { detector: 0, size: 1, sharpness: 1, frontalness: 1 }, want: 0 },
    { parts: { detector: 1, size: 0.5, sharpness: 1, frontalness: 1 }, want: 0.5 ** 0.3 },
    { parts: { detector: 0.5, size: 0.5, sharpness: 0.5, frontalness: 0.5 }, want: 0.5 },
    { parts: { detector: 0.9, size: 1, sharpness: 0.25, frontalness: 1 }, want: 0.9 ** 0.2 * 0.25 ** 0.2 },
  ];
  for (const { parts, want } of cases) {
    const q = combineQuality(parts);
    close(q.score, want, 1e-12, JSON.stringify(parts));
    assert.deepEqual({ ...q, score: 0 }, { ...parts, score: 0 }, 'parts are kept');
  }
});

test('faceQuality fills every part in [0, 1]', () => {
  const chip: RgbImage = { width: 112, height: 112, data: new Uint8Array(112 * 112 * 3).fill(90) };
  const q = faceQuality({ score: 0.93, boxHeight: 56, landmarks: ARCFACE_TEMPLATE, chip });
  close(q.detector, 0.93, 1e-12, 'detector');
  close(q.size, 0.5, 1e-12, 'size');
  assert.equal(q.sharpness, 0);
  assert.equal(q.score, 0);
  close(q.frontalness, 1, 1e-3, 'frontalness');
});
