// Compares two `pmr analyze` results as the distributed tests need: everything but the run statistics must be equal.
// Boxes, times, similarities and attributes are compared exactly: frames travel raw and every number crosses the
// wire as a double or float32, so the two runtimes compute the same values (the documented tolerance is zero).
import assert from 'node:assert/strict';

export interface AnalysisJson {
  readonly video: Record<string, unknown>;
  readonly gallery: unknown;
  readonly tracks: ReadonlyArray<{ readonly id: number; readonly label: string } & Record<string, unknown>>;
  readonly persons: readonly unknown[];
  readonly stats: Record<string, unknown>;
}

/** Assert that `actual` has the same video summary, gallery, tracks and persons as `expected`. */
export function assertSameAnalysis(actual: AnalysisJson, expected: AnalysisJson, what: string): void {
  assert.deepEqual(actual.video, expected.video, `${what}: video summary`);
  assert.deepEqual(actual.gallery, expected.gallery, `${what}: gallery summary`);
  assert.deepEqual(
    actual.tracks.map((t) => `${t.id}:${t.label}`),
    expected.tracks.map((t) => `${t.id}:${t.label}`),
    `${what}: track ids and labels`,
  );
  expected.tracks.forEach((t, i) => assert.deepEqual(actual.tracks[i], t, `${what}: track ${t.id}`));
  assert.deepEqual(actual.persons, expected.persons, `${what}: persons`);
  assert.equal(
    actual.stats['embeddings'],
    expected.stats['embeddings'],
    `${what}: embeddings computed (a duplicated or lost face changes it)`,
  );
  assert.equal(
    actual.stats['detections'],
    expected.stats['detections'],
    `${what}: detections (a lost or repeated frame changes it)`,
  );
}
