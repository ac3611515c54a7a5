// A clip analysed by the embedded runtime, keeping each track's selected faces with both descriptors, so identity
// decisions and the grouping of unknowns can be studied offline on real tracks (e2e/bench/recognition.ts).
import type { DetectedFace, RgbImage } from '@pmr/common';
import { attributeFaceIndices } from '@pmr/attributes';
import type { DescribedFace } from '@pmr/recognizer';
import { analyseVideo, type Engines, type LoadedGallery } from '@pmr/runtime';
import { DEFAULT_ANALYSIS } from '@pmr/results';

export interface ClipTrack {
  readonly id: number;
  readonly firstSeen: number;
  readonly lastSeen: number;
  /** Quality of the track's best face (grouping leaves tracks below DEFAULT_ANALYSIS.clusterMinQuality alone). */
  readonly quality: number;
  /** Every selected face with its FaceRes descriptor, in the track's order. */
  readonly faces: readonly DescribedFace[];
  /** The faces production gives attributes to (and so has a FaceRes descriptor for at no extra cost). */
  readonly attributeFaces: readonly number[];
  /** What the runtime decided (MobileFaceNet): the name or null, and the similarity. */
  readonly runtime: { readonly name: string | null; readonly similarity: number; readonly label: string };
}

export interface AnalysedClip {
  readonly tracks: ClipTrack[];
  /** Unknown persons in the runtime's result. */
  readonly unknownPersons: number;
}

export async function describeClip(
  path: string,
  engines: Engines,
  faceres: (chip: RgbImage) => Promise<Float32Array>,
  gallery: LoadedGallery | null,
): Promise<AnalysedClip> {
  const seen = new Map<number, { faces: readonly DetectedFace[]; embeddings: readonly Float32Array[] }>();
  const result = await analyseVideo({
    path,
    engines,
    gallery,
    options: { ...DEFAULT_ANALYSIS, skip: { method: 'histogram' } },
    onTrackFaces: (trackId, faces, embeddings) => seen.set(trackId, { faces, embeddings }),
  });
  const tracks: ClipTrack[] = [];
  for (const t of result.tracks) {
    const s = seen.get(t.id);
    if (s === undefined) throw new Error(`${path}: track ${t.id} was decided without its faces being seen`);
    const faces: DescribedFace[] = [];
    for (const [i, face] of s.faces.entries()) {
      faces.push({ mobilefacenet: s.embeddings[i]!, faceres: await faceres(face.chip), quality: face.quality.score });
    }
    tracks.push({
      id: t.id,
      firstSeen: t.firstSeen,
      lastSeen: t.lastSeen,
      quality: t.quality,
      faces,
      attributeFaces: attributeFaceIndices(faces.map((f) => f.quality)),
      runtime: { name: t.identity.name, similarity: t.identity.similarity, label: t.label },
    });
  }
  return { tracks, unknownPersons: result.persons.filter((p) => p.name === null).length };
}
