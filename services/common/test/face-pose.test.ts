// poseFromLandmarks on the ArcFace template (frontal), the template turned in the plane, and with the nose moved
// sideways and downwards: zero pose for the frontal face, the exact roll, and the signs the proto documents.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { poseFromLandmarks, type Landmarks5, type Point } from '../src/index.ts';

const TEMPLATE: Landmarks5 = [
  { x: 38.2946, y: 51.6963 },
  { x: 73.5318, y: 51.5014 },
  { x: 56.0252, y: 71.7366 },
  { x: 41.5493, y: 92.3655 },
  { x: 70.7299, y: 92.2041 },
];

const map = (l: Landmarks5, f: (p: Point, i: number) => Point): Landmarks5 =>
  [f(l[0], 0), f(l[1], 1), f(l[2], 2), f(l[3], 3), f(l[4], 4)] as const;

test('a frontal face (the ArcFace template) has a pose of about zero', () => {
  const pose = poseFromLandmarks(TEMPLATE);
  for (const axis of ['yaw', 'pitch', 'roll'] as const) assert.ok(Math.abs(pose[axis]) < 1, `${axis} ${pose[axis]}`);
});

test('roll is the eye line turned clockwise in the image, whatever the rotation', () => {
  const base = poseFromLandmarks(TEMPLATE).roll; // the template's eyes are not quite level
  for (const degrees of [-170, -30, 15, 40, 120]) {
    const a = (degrees * Math.PI) / 180;
    const turned = map(TEMPLATE, (p) => ({
      x: 56 + (p.x - 56) * Math.cos(a) - (p.y - 72) * Math.sin(a),
      y: 72 + (p.x - 56) * Math.sin(a) + (p.y - 72) * Math.cos(a),
    }));
    const pose = poseFromLandmarks(turned);
    assert.ok(Math.abs(pose.roll - (degrees + base)) < 0.01, `${degrees}: ${pose.roll}`);
    assert.ok(Math.abs(pose.yaw) < 1 && Math.abs(pose.pitch) < 1, `${degrees}: ${JSON.stringify(pose)}`);
  }
});

test('yaw follows the nose sideways and pitch follows it up and down, with the documented signs', () => {
  const noseAt = (dx: number, dy: number): Landmarks5 =>
    map(TEMPLATE, (p, i) => (i === 2 ? { x: p.x + dx, y: p.y + dy } : p));
  assert.ok(poseFromLandmarks(noseAt(8, 0)).yaw > 20, 'nose towards image-right: positive yaw');
  assert.ok(poseFromLandmarks(noseAt(-8, 0)).yaw < -20, 'nose towards image-left: negative yaw');
  assert.ok(poseFromLandmarks(noseAt(0, 8)).pitch < -15, 'nose towards the mouth: looking down, negative pitch');
  assert.ok(poseFromLandmarks(noseAt(0, -8)).pitch > 15, 'nose towards the eyes: looking up, positive pitch');
  assert.deepEqual(poseFromLandmarks(map(TEMPLATE, () => ({ x: 5, y: 5 }))), { yaw: 0, pitch: 0, roll: 0 });
});
