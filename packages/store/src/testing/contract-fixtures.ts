// Fixtures and helpers for the JobStore contract tests.
import assert from 'node:assert/strict';
import type { TestContext } from 'node:test';

export { rejectsWith } from '@pmr/common/testing/rejects';
import type { AnalysisResult, TrackJson } from '@pmr/results';
import type { JobStore } from '../job-store.ts';
import type { CreateJobInput, JobRecord, JobState } from '../job-types.ts';

/** What a contract test gets: a fresh, empty store, and ways to reach the same data again. */
export interface StoreHarness {
  readonly store: JobStore;
  /** Closes `store` and opens a new one on the same data (an orchestrator restart); absent when data does not outlive close. */
  readonly reopen?: () => Promise<JobStore>;
  /** Opens a second, independent connection to the same data; absent when there can be only one. */
  readonly openSecond?: () => Promise<JobStore>;
  /** Closes whatever is still open and removes the data. */
  readonly cleanup: () => Promise<void>;
}

/** Makes a fresh, empty store whose clock is `now` (epoch ms). */
export type MakeStore = (options: { readonly now: () => number }) => Promise<StoreHarness>;

/** A settable clock starting at 2026-01-01T00:00:00Z. */
export class TestClock {
  t = Date.UTC(2026, 0, 1);
  readonly now = (): number => this.t;
}

/** Declares one contract case: `body` runs against a fresh store of the adapter under test. */
export type ContractTest = (
  name: string,
  body: (h: StoreHarness, clock: TestClock, t: TestContext) => Promise<void>,
) => void;

export function request(over: Partial<CreateJobInput> = {}): CreateJobInput {
  return {
    source: { kind: 'uri', uri: '/videos/clip.mp4' },
    options: { fps: 5, skipMethod: 'histogram' },
    tags: { team: 'a', run: '1' },
    ...over,
  };
}

/** Drives a new job to `state` by allowed transitions and returns it. */
export async function jobIn(store: JobStore, state: JobState): Promise<JobRecord> {
  let job = (await store.createJob(request())).job;
  const step = async (to: JobState, error?: { code: string; message: string }): Promise<void> => {
    job = await store.updateState(
      job.id,
      error === undefined ? { to, expectedVersion: job.version } : { to, expectedVersion: job.version, error },
    );
  };
  if (state === 'CANCELLED') await step('CANCELLED');
  if (state === 'RUNNING' || state === 'SUCCEEDED' || state === 'FAILED') await step('RUNNING');
  if (state === 'SUCCEEDED') await step('SUCCEEDED');
  if (state === 'FAILED') await step('FAILED', { code: 'UNAVAILABLE', message: 'decoder gone' });
  assert.equal(job.state, state);
  return job;
}

export function track(id: number, label = `unknown-${id}`): TrackJson {
  return {
    id,
    label,
    identity: { name: null, similarity: 0.21 },
    firstSeen: id,
    lastSeen: id + 1.5,
    frames: { first: id * 10, last: id * 10 + 9, detections: 7 },
    facesAnalysed: 3,
    quality: 0.8,
    attributes: {
      expression: { value: 'happy', confidence: 0.7, shares: { happy: 0.7, neutral: 0.3 } },
      age: { value: 31, low: 27, high: 35 },
      gender: null,
    },
    timeline: [{ t: id, box: [10.5, 20, 64, 64] }],
    bestShot: 'data:image/jpeg;base64,AAAA',
  };
}

export function result(tracks: readonly TrackJson[]): AnalysisResult {
  return {
    video: {
      path: '/videos/clip.mp4',
      width: 640,
      height: 360,
      fps: 25,
      duration: 4,
      frames: 100,
      analysedFrames: 20,
      complete: true,
    },
    gallery: { persons: 2, accepted: 5, rejected: [{ file: 'bob/3.jpg', reason: 'no face found' }] },
    tracks,
    persons: [{ label: 'unknown-1', name: null, tracks: [1], screenTime: 1.5, firstSeen: 1, lastSeen: 2.5 }],
    stats: {
      detections: 40,
      embeddings: 12,
      attributeFaces: 6,
      elapsedSeconds: 2.5,
      stageMs: { decode: 1, detect: 2, track: 3, embed: 4, attributes: 5 },
      peakRssMB: 180,
    },
  };
}
