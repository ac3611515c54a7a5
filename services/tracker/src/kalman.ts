// Constant-velocity Kalman filter on a face box, time measured in seconds.
//
// State (as in SORT / ByteTrack, but with width instead of aspect ratio so that every part is linear):
// centre x, centre y, width, height and the velocity of each, in pixels and pixels per second.
// The process noise, measurement noise and starting covariance are all diagonal per coordinate and the
// transition only couples a coordinate with its own velocity, so the 8-dimensional filter splits exactly into
// four independent (position, velocity) filters. Each is solved in closed form below; no matrix code needed.
//
// Noise model: continuous white-noise acceleration of spectral density (accelerationStd·h)² and a measurement
// standard deviation of measurementStd·h, where h is the current box height — noise scales with face size,
// as DeepSORT/ByteTrack do, so a large close face may jitter more pixels than a small far one.

import type { Box } from '@pmr/common';

/** One coordinate's estimate: position, velocity and the 2×2 covariance [[pp, pv], [pv, vv]]. */
export interface AxisState {
  readonly p: number;
  readonly v: number;
  readonly pp: number;
  readonly pv: number;
  readonly vv: number;
}

/**
 * Advance one coordinate by `dt` seconds: p += v·dt; P = F·P·Fᵀ + Q with
 * Q = q·[[dt³/3, dt²/2], [dt²/2, dt]] (white-noise acceleration of spectral density `q`).
 */
export function predictAxis(s: AxisState, dt: number, q: number): AxisState {
  const dt2 = dt * dt;
  return {
    p: s.p + s.v * dt,
    v: s.v,
    pp: s.pp + 2 * s.pv * dt + s.vv * dt2 + (q * dt2 * dt) / 3,
    pv: s.pv + s.vv * dt + (q * dt2) / 2,
    vv: s.vv + q * dt,
  };
}

/** Correct one coordinate with a position measurement `z` of variance `r`. */
export function updateAxis(s: AxisState, z: number, r: number): AxisState {
  const innovationVar = s.pp + r;
  const kp = s.pp / innovationVar;
  const kv = s.pv / innovationVar;
  const y = z - s.p;
  return {
    p: s.p + kp * y,
    v: s.v + kv * y,
    pp: (s.pp * r) / innovationVar,
    pv: (s.pv * r) / innovationVar,
    vv: s.vv - (s.pv * s.pv) / innovationVar,
  };
}

/** Tuning of {@link BoxKalman}; every standard deviation is relative to the box height. */
export interface KalmanNoise {
  /** Measurement standard deviation, in box heights (default 0.05). */
  readonly measurementStd: number;
  /** Acceleration noise, in box heights per second² (default 2). */
  readonly accelerationStd: number;
  /** Starting velocity standard deviation, in box heights per second (default 3). */
  readonly initialVelocityStd: number;
}

export const DEFAULT_KALMAN_NOISE: KalmanNoise = { measurementStd: 0.05, accelerationStd: 2, initialVelocityStd: 3 };

/** Smallest width/height the filter will report, in pixels, so a shrinking prediction never inverts. */
const MIN_SIZE = 1;

type Axes = readonly [AxisState, AxisState, AxisState, AxisState]; // cx, cy, w, h

/** A {@link BoxKalman}'s whole state as plain data: its four axes (cx, cy, w, h) and its noise. */
export interface KalmanSnapshot {
  readonly axes: Axes;
  readonly noise: KalmanNoise;
}

/** Constant-velocity Kalman filter on (cx, cy, w, h). Immutable steps are hidden behind a small mutable shell. */
export class BoxKalman {
  private axes: Axes;
  private readonly noise: KalmanNoise;

  /** Start from a first measurement, with zero velocity and a wide velocity uncertainty. */
  constructor(box: Box, noise: KalmanNoise = DEFAULT_KALMAN_NOISE) {
    this.noise = noise;
    const h = box.height;
    const pVar = (2 * noise.measurementStd * h) ** 2;
    const vVar = (noise.initialVelocityStd * h) ** 2;
    const start = (p: number): AxisState => ({ p, v: 0, pp: pVar, pv: 0, vv: vVar });
    this.axes = [start(box.x + box.width / 2), start(box.y + box.height / 2), start(box.width), start(box.height)];
  }

  /** A filter in exactly the state of `snapshot`. */
  static restore(snapshot: KalmanSnapshot): BoxKalman {
    const k = new BoxKalman({ x: 0, y: 0, width: 1, height: 1 }, { ...snapshot.noise });
    const [cx, cy, w, h] = snapshot.axes;
    k.axes = [{ ...cx }, { ...cy }, { ...w }, { ...h }];
    return k;
  }

  /** The state as plain data (see {@link BoxKalman.restore}). */
  snapshot(): KalmanSnapshot {
    return { axes: this.axes, noise: { ...this.noise } };
  }

  /** Move the estimate forward by `dt` seconds (0 leaves it unchanged). */
  predict(dt: number): void {
    if (dt <= 0) return;
    const h = this.scale();
    const q = (this.noise.accelerationStd * h) ** 2;
    const [cx, cy, w, hh] = this.axes;
    this.axes = [predictAxis(cx, dt, q), predictAxis(cy, dt, q), predictSize(w, dt, q), predictSize(hh, dt, q)];
  }

  /** Correct the estimate with a measured box. */
  update(box: Box): void {
    const h = this.scale();
    const r = (this.noise.measurementStd * h) ** 2;
    const [cx, cy, w, hh] = this.axes;
    this.axes = [
      updateAxis(cx, box.x + box.width / 2, r),
      updateAxis(cy, box.y + box.height / 2, r),
      updateAxis(w, box.width, r),
      updateAxis(hh, box.height, r),
    ];
  }

  /** The current estimate as a box. */
  box(): Box {
    const [cx, cy, w, h] = this.axes;
    const width = Math.max(MIN_SIZE, w.p);
    const height = Math.max(MIN_SIZE, h.p);
    return { x: cx.p - width / 2, y: cy.p - height / 2, width, height };
  }

  /** Estimated velocity of the centre and size, in pixels per second. */
  velocity(): { readonly cx: number; readonly cy: number; readonly width: number; readonly height: number } {
    const [cx, cy, w, h] = this.axes;
    return { cx: cx.v, cy: cy.v, width: w.v, height: h.v };
  }

  private scale(): number {
    return Math.max(MIN_SIZE, this.axes[3].p);
  }
}

/** As {@link predictAxis}, but a size about to shrink below the minimum stops shrinking (as SORT does). */
function predictSize(s: AxisState, dt: number, q: number): AxisState {
  const next = predictAxis(s, dt, q);
  return next.p < MIN_SIZE && s.v < 0 ? { ...next, p: s.p, v: 0 } : next;
}
