// Roll refinement (the detector's turned crops that redo a rolled head's landmarks) for the faces a track keeps only,
// beside the detection of the next frames. Detection scored every face's quality unrefined, so the tracks keep the
// same faces as when every face is refined at detection, and the results are the same (the distributed detector
// refines every face).
import type { DetectedFace, RgbImage } from '@pmr/common';
import type { Detector } from '@pmr/detector';
import type { FinishedTrack } from '@pmr/tracker';
import type { StageClock } from '@pmr/results';

export class KeptFaceRefiner {
  readonly #detector: Detector;
  readonly #clock: StageClock;
  /** A kept face's refined version. */
  readonly #refined = new WeakMap<DetectedFace, Promise<DetectedFace>>();
  /** The refinements still running, so none outlives the analysis. */
  readonly #running = new Set<Promise<void>>();

  constructor(detector: Detector, clock: StageClock) {
    this.#detector = detector;
    this.#clock = clock;
  }

  /**
   * Copies, synchronously, the parts of `image` the kept faces' refinement reads (so the frame can go back to the
   * decoder as soon as this returns) and starts refining them.
   */
  start(image: RgbImage, kept: readonly DetectedFace[]): void {
    if (kept.length === 0) return;
    const input = this.#detector.refinementInput(image, kept);
    const done = this.#clock.time('detect', () => this.#detector.refine(input));
    kept.forEach((face, i) => {
      const one = done.then((faces) => faces[i]!);
      one.catch(() => undefined); // a face displaced later is never awaited; one still kept surfaces it
      this.#refined.set(face, one);
    });
    const settled = done.then(
      () => undefined,
      () => undefined, // surfaced by the analysis of the track that keeps the face
    );
    this.#running.add(settled);
    void settled.then(() => this.#running.delete(settled));
  }

  /** The track with its selected faces replaced by their refined versions. */
  async refinedTrack(track: FinishedTrack<DetectedFace>): Promise<FinishedTrack<DetectedFace>> {
    const selected = await Promise.all(
      track.selected.map(async (s) => ({ ...s, face: (await this.#refined.get(s.face)) ?? s.face })),
    );
    return { ...track, selected };
  }

  /** Settles when every refinement started so far has. */
  settled(): Promise<unknown> {
    return Promise.allSettled([...this.#running]);
  }
}
