// A finished track's verdict from its evidence: the embeddings of its selected faces decide who it is (against the
// gallery), the attributes of its best faces are aggregated, and its best face becomes the best shot. Both runtimes
// end here: the embedded one computes the evidence in process, the distributed one collects it from the
// recognizer and attributes services. Pure: the caller gives the JPEG encoder for the best shot.
import type { FaceAttributes, RgbImage } from '@pmr/common';
import { decideIdentity, type Gallery } from '@pmr/recognizer';
import { aggregateAttributes } from '@pmr/attributes';
import type { TrackRecord } from '@pmr/tracker';
import type { DecidedTrack } from './assemble.ts';
import type { TrackAttributesJson } from './result.ts';

/** Encodes the best shot as JPEG at `quality` (both runtimes pass @pmr/common/image's encodeJpeg). */
export type JpegEncoder = (image: RgbImage, quality: number) => Promise<Buffer>;

export interface IdentityPolicy {
  readonly gallery: Gallery;
  readonly threshold: number;
}

export interface TrackEvidence {
  readonly trackId: number;
  readonly record: Pick<TrackRecord, 'firstSeen' | 'lastSeen' | 'firstFrame' | 'lastFrame' | 'detections' | 'timeline'>;
  /** One per selected face, in the track's order. */
  readonly embedded: ReadonlyArray<{ readonly embedding: Float32Array; readonly quality: number }>;
  /** One per described face (the best few), in the track's order. */
  readonly described: ReadonlyArray<{ readonly attributes: FaceAttributes; readonly weight: number }>;
  /** Quality and aligned chip of the best selected face. */
  readonly best: { readonly quality: number; readonly chip: RgbImage };
}

export interface AnalysedTrack {
  readonly decided: DecidedTrack;
  /** Unit-length aggregate embedding, for grouping unknown tracks into strangers. */
  readonly embedding: Float32Array;
  /** Faces given expression, age and gender. */
  readonly described: number;
}

const r3 = (x: number): number => Math.round(x * 1000) / 1000;

export function attributesJson(described: TrackEvidence['described']): TrackAttributesJson {
  const agg = aggregateAttributes(described);
  return {
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
    age:
      agg.age === null
        ? null
        : { value: Math.round(agg.age.value), low: Math.round(agg.age.low), high: Math.round(agg.age.high) },
    gender: agg.gender === null ? null : { value: agg.gender.value, confidence: r3(agg.gender.confidence) },
  };
}

export async function decideTrack(
  evidence: TrackEvidence,
  identity: IdentityPolicy,
  encodeJpeg: JpegEncoder,
): Promise<AnalysedTrack> {
  const decision = decideIdentity(evidence.embedded, identity.gallery, identity.threshold);
  const { record } = evidence;
  const bestShot = `data:image/jpeg;base64,${(await encodeJpeg(evidence.best.chip, 90)).toString('base64')}`;
  return {
    embedding: decision.embedding,
    described: evidence.described.length,
    decided: {
      id: evidence.trackId,
      firstSeen: record.firstSeen,
      lastSeen: record.lastSeen,
      firstFrame: record.firstFrame,
      lastFrame: record.lastFrame,
      detections: record.detections,
      facesAnalysed: evidence.embedded.length,
      quality: evidence.best.quality,
      identity: { name: decision.name, similarity: Math.max(0, decision.similarity) },
      attributes: attributesJson(evidence.described),
      timeline: record.timeline,
      bestShot,
    },
  };
}
