// Helpers to build synthetic detection sequences for the tracker tests.

import type { Box, FaceQuality } from '@pmr/common';
import { Tracker } from '../src/tracker.ts';
import type { FinishedTrack, TrackedFace } from '../src/types.ts';
import type { TrackerOptions } from '../src/options.ts';

/** A face carrying a tag naming the synthetic person it belongs to (the tracker must pass it through). */
export interface TestFace {
  readonly box: Box;
  readonly score: number;
  readonly quality: FaceQuality;
  readonly tag: string;
}

export function quality(score: number): FaceQuality {
  return { score, detector: score, size: 1, sharpness: 1, frontalness: 1 };
}

/** A square face of side `size` centred at (cx, cy). */
export function face(
  tag: string,
  cx: number,
  cy: number,
  opts: { size?: number; score?: number; q?: number } = {},
): TestFace {
  const size = opts.size ?? 60;
  return {
    box: { x: cx - size / 2, y: cy - size / 2, width: size, height: size },
    score: opts.score ?? 0.9,
    quality: quality(opts.q ?? 0.5),
    tag,
  };
}

export interface SyntheticFrame {
  readonly pts: number;
  readonly faces: readonly TestFace[];
}

export interface RunResult {
  /** Every assigned entry, in the order returned. */
  readonly assigned: TrackedFace<TestFace>[];
  /** Finished tracks from update() calls, then from finish(). */
  readonly died: FinishedTrack<TestFace>[];
  readonly flushed: FinishedTrack<TestFace>[];
  /** For each tag, the set of track ids its faces were assigned to. */
  readonly idsByTag: Map<string, Set<number>>;
}

/** Run a whole sequence through a fresh tracker on a 1280×720 frame. */
export function runSequence(frames: readonly SyntheticFrame[], options: TrackerOptions = {}): RunResult {
  const tracker = new Tracker<TestFace>(options);
  const assigned: TrackedFace<TestFace>[] = [];
  const died: FinishedTrack<TestFace>[] = [];
  frames.forEach((f, index) => {
    const r = tracker.update({ index, pts: f.pts, width: 1280, height: 720 }, f.faces);
    assigned.push(...r.assigned);
    died.push(...r.finished);
  });
  const flushed = tracker.finish();
  const idsByTag = new Map<string, Set<number>>();
  for (const a of [...assigned, ...flushed.flatMap((t) => t.lateAssigned)]) {
    const set = idsByTag.get(a.face.tag) ?? new Set<number>();
    set.add(a.trackId);
    idsByTag.set(a.face.tag, set);
  }
  return { assigned, died, flushed, idsByTag };
}

/** Deterministic pseudo-random numbers in [0, 1). */
export function seeded(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}
