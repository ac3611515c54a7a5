import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BoxKalman, predictAxis, updateAxis, type AxisState } from '../src/kalman.ts';

const close = (a: number, b: number, tol: number, msg: string): void =>
  assert.ok(Math.abs(a - b) <= tol, `${msg}: ${a} vs ${b}`);

test('predictAxis: hand-computed table', () => {
  const cases: { s: AxisState; dt: number; q: number; want: AxisState }[] = [
    // p += v·dt; pp = 1 + 2·0.5·2 + 3·4 = 15; pv = 0.5 + 3·2 = 6.5; vv = 3
    { s: { p: 10, v: 5, pp: 1, pv: 0.5, vv: 3 }, dt: 2, q: 0, want: { p: 20, v: 5, pp: 15, pv: 6.5, vv: 3 } },
    // noise only: pp = q·dt³/3 = 6·8/3 = 16; pv = q·dt²/2 = 12; vv = q·dt = 12
    { s: { p: 0, v: 0, pp: 0, pv: 0, vv: 0 }, dt: 2, q: 6, want: { p: 0, v: 0, pp: 16, pv: 12, vv: 12 } },
    // dt = 0 changes nothing
    { s: { p: 3, v: -1, pp: 2, pv: 1, vv: 4 }, dt: 0, q: 9, want: { p: 3, v: -1, pp: 2, pv: 1, vv: 4 } },
  ];
  for (const { s, dt, q, want } of cases) assert.deepEqual(predictAxis(s, dt, q), want);
});

test('updateAxis: hand-computed table', () => {
  const cases: { s: AxisState; z: number; r: number; want: AxisState }[] = [
    // S = 8, gains 0.5 and 0.25; y = 10 → p 5, v 2.5; pp = 4·4/8 = 2, pv = 2·4/8 = 1, vv = 3 − 4/8 = 2.5
    { s: { p: 0, v: 0, pp: 4, pv: 2, vv: 3 }, z: 10, r: 4, want: { p: 5, v: 2.5, pp: 2, pv: 1, vv: 2.5 } },
    // a measurement with no uncertainty is taken as is
    { s: { p: 7, v: 1, pp: 9, pv: 0, vv: 1 }, z: 4, r: 0, want: { p: 4, v: 1, pp: 0, pv: 0, vv: 1 } },
    // a certain state ignores the measurement
    { s: { p: 7, v: 1, pp: 0, pv: 0, vv: 1 }, z: 4, r: 5, want: { p: 7, v: 1, pp: 0, pv: 0, vv: 1 } },
  ];
  for (const { s, z, r, want } of cases) assert.deepEqual(updateAxis(s, z, r), want);
});

test('BoxKalman: starts at the first box with zero velocity', () => {
  const k = new BoxKalman({ x: 10, y: 20, width: 40, height: 50 });
  assert.deepEqual(k.box(), { x: 10, y: 20, width: 40, height: 50 });
  k.predict(1);
  assert.deepEqual(k.box(), { x: 10, y: 20, width: 40, height: 50 });
});

test('BoxKalman: a box at constant velocity is predicted exactly after convergence, for any frame gaps', () => {
  // centre moves (120, −45) px/s, size grows 6 px/s in width and 8 px/s in height; irregular gaps in time.
  const truth = (t: number) => ({
    x: 100 + 120 * t - (60 + 6 * t) / 2,
    y: 300 - 45 * t - (80 + 8 * t) / 2,
    width: 60 + 6 * t,
    height: 80 + 8 * t,
  });
  const gaps = [0.04, 0.04, 0.12, 0.04, 0.4, 0.08];
  const k = new BoxKalman(truth(0));
  let t = 0;
  const errors: number[] = [];
  for (let i = 0; i < 120; i++) {
    const dt = gaps[i % gaps.length] ?? 0.04;
    t += dt;
    k.predict(dt);
    const p = k.box();
    const want = truth(t);
    errors.push(
      Math.max(
        Math.abs(p.x - want.x),
        Math.abs(p.y - want.y),
        Math.abs(p.width - want.width),
        Math.abs(p.height - want.height),
      ),
    );
    k.update(want);
  }
  // Early predictions are off (velocity unknown at first), later ones exact to 1e-6 px.
  assert.ok((errors[1] ?? 0) > 1, `second prediction should still be wrong, error ${errors[1]}`);
  for (let i = 100; i < errors.length; i++) assert.ok((errors[i] ?? 1) < 1e-6, `prediction ${i} error ${errors[i]} px`);
  const v = k.velocity();
  close(v.cx, 120, 1e-6, 'vx');
  close(v.cy, -45, 1e-6, 'vy');
  close(v.width, 6, 1e-6, 'vw');
  close(v.height, 8, 1e-6, 'vh');
  // A 1 s coast (no detections) lands on the true box.
  k.predict(1);
  const coast = k.box();
  const want = truth(t + 1);
  close(coast.x, want.x, 1e-5, 'coast x');
  close(coast.y, want.y, 1e-5, 'coast y');
});

test('BoxKalman: update pulls the state part-way toward the measurement', () => {
  const k = new BoxKalman({ x: 0, y: 0, width: 100, height: 100 });
  k.predict(0.04);
  k.update({ x: 20, y: -10, width: 100, height: 100 });
  const b = k.box();
  assert.ok(b.x > 0 && b.x < 20, `x ${b.x} strictly between prior 0 and measurement 20`);
  assert.ok(b.y < 0 && b.y > -10, `y ${b.y} strictly between prior 0 and measurement −10`);
  assert.equal(b.width, 100);
  assert.ok(k.velocity().cx > 0 && k.velocity().cy < 0, 'velocity follows the innovation');
});

test('BoxKalman: a shrinking box never inverts when coasting', () => {
  const k = new BoxKalman({ x: 0, y: 0, width: 20, height: 20 });
  for (let i = 1; i <= 10; i++) {
    k.predict(0.1);
    k.update({ x: i, y: i, width: 20 - 1.5 * i, height: 20 - 1.5 * i });
  }
  k.predict(10);
  const b = k.box();
  assert.ok(b.width >= 1 && b.height >= 1, `size stays positive: ${b.width}x${b.height}`);
});
