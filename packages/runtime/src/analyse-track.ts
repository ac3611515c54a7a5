// What happens to a finished track in the embedded runtime: embed and describe its selected faces in process, then
// decide (decide-track.ts, shared with the distributed runtime).
import type { DetectedFace, FaceAttributes } from '@pmr/common';
import { encodeJpeg } from '@pmr/common/image';
import { attributeFaceIndices } from '@pmr/attributes';
import { bestFace, type FinishedTrack, type TrackRecord } from '@pmr/tracker';
import { decideTrack, type AnalysedTrack, type IdentityPolicy } from '@pmr/results';
import type { Engines } from './engines.ts';
import type { StageClock } from '@pmr/results';

export type { AnalysedTrack, IdentityPolicy } from '@pmr/results';

/**
 * Sees each analysed track's selected faces (aligned chips, qualities) and their embeddings, in the track's order, before
 * the track is decided: for evaluation scripts that study identity decisions on real tracks (e2e/bench/recognition.ts).
 */
export type TrackFacesObserver = (
  trackId: number,
  faces: readonly DetectedFace[],
  embeddings: readonly Float32Array[],
) => void;

export async function analyseTrack(
  track: FinishedTrack<DetectedFace>,
  record: TrackRecord,
  engines: Engines,
  identity: IdentityPolicy,
  clock: StageClock,
  onTrackFaces?: TrackFacesObserver,
): Promise<AnalysedTrack> {
  const faces = track.selected.map((s) => s.face);
  // Attributes come from the best faces only: their models cost four times an embedding, and a median age or a vote
  // gains little from the poorer views, while identity gains from every view it can average.
  const forAttributes = new Set(attributeFaceIndices(faces.map((f) => f.quality.score)));
  // One face at a time (its embedding and attributes side by side), so analysis never crowds out detection.
  const embedded: Array<{ embedding: Float32Array; quality: number }> = [];
  const described: Array<{ attributes: FaceAttributes; weight: number }> = [];
  for (const [i, face] of faces.entries()) {
    const [embedding, attributes] = await Promise.all([
      clock.time('embed', () => engines.embedder.embed(face.chip)),
      forAttributes.has(i) ? clock.time('attributes', () => engines.attributes.analyze(face.chip)) : null,
    ]);
    embedded.push({ embedding, quality: face.quality.score });
    if (attributes !== null) described.push({ attributes, weight: face.quality.score });
  }
  onTrackFaces?.(
    track.trackId,
    faces,
    embedded.map((e) => e.embedding),
  );
  const best = bestFace(faces);
  return decideTrack(
    { trackId: track.trackId, record, embedded, described, best: { quality: best.quality.score, chip: best.chip } },
    identity,
    encodeJpeg,
  );
}
