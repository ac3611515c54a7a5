// What happens to a finished track: embed and analyse its selected faces, decide who it is, pick the best shot.
import { encodeJpeg, type DetectedFace, type FaceAttributes } from '@pmr/common';
import { decideIdentity, type Gallery, type IdentityDecision } from '@pmr/recognizer';
import { aggregateAttributes } from '@pmr/attributes';
import type { FinishedTrack } from '@pmr/tracker';
import type { DecidedTrack } from '../assemble.ts';
import type { TrackAttributesJson } from '../result.ts';
import type { Engines } from './engines.ts';
import type { TrackRecord } from './track-log.ts';
import type { StageClock } from './stage-clock.ts';

export interface AnalysedTrack {
  readonly decided: DecidedTrack;
  /** Unit-length aggregate embedding, for grouping unknown tracks into strangers. */
  readonly embedding: Float32Array;
  /** Faces given expression, age and gender. */
  readonly described: number;
}

export interface IdentityPolicy {
  readonly gallery: Gallery;
  readonly threshold: number;
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

/** How many of a track's selected faces (the best by quality) get expression, age and gender. */
export const ATTRIBUTE_FACES = 3;

export async function analyseTrack(
  track: FinishedTrack<DetectedFace>,
  record: TrackRecord,
  engines: Engines,
  identity: IdentityPolicy,
  clock: StageClock,
): Promise<AnalysedTrack> {
  const faces = track.selected.map((s) => s.face);
  // Attributes come from the best faces only: their models cost four times an embedding, and a median age or a vote
  // gains little from the poorer views, while identity gains from every view it can average.
  const forAttributes = new Set(faces.toSorted((a, b) => b.quality.score - a.quality.score).slice(0, ATTRIBUTE_FACES));
  // One face at a time (its embedding and attributes side by side), so analysis never crowds out detection.
  const embedded: Array<{ embedding: Float32Array; quality: number }> = [];
  const described: Array<{ attributes: FaceAttributes; weight: number }> = [];
  for (const face of faces) {
    const [embedding, attributes] = await Promise.all([
      clock.time('embed', () => engines.embedder.embed(face.chip)),
      forAttributes.has(face) ? clock.time('attributes', () => engines.attributes.analyze(face.chip)) : null,
    ]);
    embedded.push({ embedding, quality: face.quality.score });
    if (attributes !== null) described.push({ attributes, weight: face.quality.score });
  }
  const decision: IdentityDecision = decideIdentity(embedded, identity.gallery, identity.threshold);
  const agg = aggregateAttributes(described);
  const attributes: TrackAttributesJson = {
    expression:
      agg.expression === null
        ? null
        : {
            value: agg.expression.value,
            confidence: r3(agg.expression.confidence),
            shares: Object.fromEntries(
              Object.entries(agg.expression.shares)
                .filter(([, v]) => v >= 0.005)
                .map(([k, v]) => [k, r3(v)]),
            ),
          },
    age: agg.age === null ? null : { value: Math.round(agg.age.value), low: Math.round(agg.age.low), high: Math.round(agg.age.high) },
    gender: agg.gender === null ? null : { value: agg.gender.value, confidence: r3(agg.gender.confidence) },
  };
  const best = faces.reduce((a, b) => (b.quality.score > a.quality.score ? b : a));
  const bestShot = `data:image/jpeg;base64,${(await encodeJpeg(best.chip, 90)).toString('base64')}`;
  return {
    embedding: decision.embedding,
    described: described.length,
    decided: {
      id: track.trackId,
      firstSeen: record.firstSeen,
      lastSeen: record.lastSeen,
      firstFrame: record.firstFrame,
      lastFrame: record.lastFrame,
      detections: record.detections,
      facesAnalysed: faces.length,
      quality: best.quality.score,
      identity: { name: decision.name, similarity: Math.max(0, decision.similarity) },
      attributes,
      timeline: record.timeline,
      bestShot,
    },
  };
}
