import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Landmarks5 } from '@pmr/common';
import { applySimilarity } from '../src/similarity.ts';
import {
  centralCandidate,
  chooseRollLandmarks,
  rollCropFor,
  rollCropTransform,
  rollRegion,
  ROLL_ANGLES,
  ROLL_CROP_SIZE,
  type RollView,
} from '../src/roll-refine.ts';

const close = (a: number, b: number, what: string): void => assert.ok(Math.abs(a - b) < 1e-9, `${what}: ${a} vs ${b}`);

test('rollCropTransform: the crop centre maps to the face centre; corners turn with the angle', () => {
  // A 160-px crop of a 320-px span around (100, 50): scale 2 image px per crop px.
  const upright = rollCropTransform({ x: 100, y: 50 }, 320, 0, 160);
  const c = applySimilarity(upright, { x: 80, y: 80 });
  close(c.x, 100, 'centre x');
  close(c.y, 50, 'centre y');
  const corner = applySimilarity(upright, { x: 0, y: 0 });
  close(corner.x, -60, 'top-left x');
  close(corner.y, -110, 'top-left y');
  // Turned 90° (clockwise on screen, y down): the crop's right-hand direction points down the image.
  const turned = rollCropTransform({ x: 100, y: 50 }, 320, 90, 160);
  const right = applySimilarity(turned, { x: 160, y: 80 });
  close(right.x, 100, 'right edge x');
  close(right.y, 210, 'right edge y');
});

test('rollCropFor: span is 1.6 × the longer box side', () => {
  const t = rollCropFor({ x: 0, y: 0, width: 50, height: 100 }, 0, 160);
  close(t.a, 1, 'scale: 160 px of image per 160 px of crop');
  close(t.b, 0, 'no rotation');
});

const lm = (x: number): Landmarks5 => [
  { x, y: 0 },
  { x: x + 1, y: 0 },
  { x, y: 1 },
  { x, y: 2 },
  { x: x + 1, y: 2 },
];
const candidate = (cx: number, cy: number, score: number) => ({
  box: { x: cx - 10, y: cy - 10, width: 20, height: 20 },
  landmarks: lm(cx),
  score,
});

test('centralCandidate picks the box nearest the centre, within a quarter of the crop', () => {
  assert.equal(centralCandidate([candidate(20, 20, 0.9), candidate(85, 78, 0.7)], 160)?.score, 0.7);
  assert.equal(centralCandidate([candidate(20, 20, 0.9)], 160), null, '85 px away is more than 40');
});

test('chooseRollLandmarks: a turned view must beat the upright one by the minimum gain', () => {
  const identity = { a: 1, b: 0, tx: 0, ty: 0 };
  const shift = { a: 1, b: 0, tx: 1000, ty: 0 };
  const views = (upright: number | null, left: number | null, right: number | null): RollView[] => [
    { angle: -30, toImage: shift, candidate: left === null ? null : candidate(80, 80, left) },
    { angle: 0, toImage: identity, candidate: upright === null ? null : candidate(80, 80, upright) },
    { angle: 30, toImage: identity, candidate: right === null ? null : candidate(80, 80, right) },
  ];
  assert.equal(chooseRollLandmarks(views(0.9, 0.91, 0.5), 0.02), null, 'gain 0.01 < 0.02: keep the upright detection');
  const picked = chooseRollLandmarks(views(0.7, 0.9, 0.8), 0.02);
  assert.ok(picked !== null);
  assert.equal(picked[0].x, 1080, 'landmarks mapped back through the -30° view');
  assert.equal(
    chooseRollLandmarks(views(null, 0.6, 0.65), 0.02)?.[0].x,
    80,
    'no upright face: the best turned view wins',
  );
  assert.equal(chooseRollLandmarks(views(0.8, null, null), 0.02), null);
});

test('rollRegion: a square of 2.5 × the longer box side plus 4 px, centred on the box, in whole pixels, clipped to the image', () => {
  // centre (120, 125), half side 2.5 × 50 / 2 + 4 = 66.5
  assert.deepEqual(rollRegion({ x: 100, y: 100, width: 40, height: 50 }, 640, 360), {
    x: 53,
    y: 58,
    width: 134,
    height: 134,
  });
  // at the top-left corner: clipped to the image
  assert.deepEqual(rollRegion({ x: 0, y: 0, width: 40, height: 40 }, 640, 360), { x: 0, y: 0, width: 74, height: 74 });
  // bigger than the image: the whole image
  assert.deepEqual(rollRegion({ x: 10, y: 10, width: 300, height: 300 }, 320, 240), {
    x: 0,
    y: 0,
    width: 320,
    height: 240,
  });
});

test('rollRegion holds every bilinear tap of every turned crop that falls in the image', () => {
  for (const box of [
    { x: 100, y: 80, width: 40, height: 52 },
    { x: 300, y: 200, width: 150, height: 120 },
    { x: 5, y: 7, width: 61, height: 61 },
  ]) {
    const r = rollRegion(box, 10_000, 10_000);
    for (const angle of ROLL_ANGLES) {
      const t = rollCropFor(box, angle);
      for (const [x, y] of [
        [0, 0],
        [ROLL_CROP_SIZE - 1, 0],
        [0, ROLL_CROP_SIZE - 1],
        [ROLL_CROP_SIZE - 1, ROLL_CROP_SIZE - 1],
      ] as const) {
        const p = applySimilarity(t, { x, y });
        if (p.x < 0 || p.y < 0) continue; // outside the image: black whether read from the region or the image
        assert.ok(
          p.x >= r.x && p.y >= r.y && p.x + 1 < r.x + r.width && p.y + 1 < r.y + r.height,
          `box ${JSON.stringify(box)}, ${angle}°: corner (${x}, ${y}) → (${p.x.toFixed(1)}, ${p.y.toFixed(1)}) outside ${JSON.stringify(r)}`,
        );
      }
    }
  }
});
