// `pmr detect`: every face in one image with its quality, identity and attributes.
import { readImage } from '@pmr/common/image';
import { decideIdentity } from '@pmr/recognizer';
import type { FaceAttributes } from '@pmr/common';
import type { GallerySummary } from '@pmr/results';
import type { Engines } from './engines.ts';
import type { LoadedGallery } from './gallery.ts';

export interface ImageFaceJson {
  readonly box: readonly [number, number, number, number];
  readonly landmarks: ReadonlyArray<readonly [number, number]>;
  readonly score: number;
  readonly quality: {
    readonly score: number;
    readonly detector: number;
    readonly size: number;
    readonly sharpness: number;
    readonly frontalness: number;
  };
  readonly identity: { readonly name: string | null; readonly similarity: number } | null;
  readonly attributes: FaceAttributes;
}

export interface DetectResult {
  readonly image: { readonly path: string; readonly width: number; readonly height: number };
  readonly gallery: GallerySummary | null;
  readonly faces: readonly ImageFaceJson[];
}

const r1 = (x: number): number => Math.round(x * 10) / 10;
const r3 = (x: number): number => Math.round(x * 1000) / 1000;

function roundAttributes(a: FaceAttributes): FaceAttributes {
  const scores = Object.fromEntries(
    Object.entries(a.expression.scores).map(([k, v]) => [k, r3(v)]),
  ) as FaceAttributes['expression']['scores'];
  return {
    expression: { value: a.expression.value, confidence: r3(a.expression.confidence), scores },
    age:
      a.age === null
        ? null
        : { value: Math.round(a.age.value), low: Math.round(a.age.low), high: Math.round(a.age.high) },
    gender: a.gender === null ? null : { value: a.gender.value, confidence: r3(a.gender.confidence) },
  };
}

export async function detectImage(
  path: string,
  engines: Engines,
  gallery: LoadedGallery | null,
  threshold: number,
): Promise<DetectResult> {
  const image = await readImage(path);
  const faces = await engines.detector.detect(image);
  const out = await Promise.all(
    faces.map(async (face): Promise<ImageFaceJson> => {
      const [embedding, attributes] = await Promise.all([
        engines.embedder.embed(face.chip),
        engines.attributes.analyze(face.chip),
      ]);
      const decision =
        gallery === null
          ? null
          : decideIdentity([{ embedding, quality: face.quality.score }], gallery.gallery, threshold);
      const q = face.quality;
      return {
        box: [r1(face.box.x), r1(face.box.y), r1(face.box.width), r1(face.box.height)],
        landmarks: face.landmarks.map((p) => [r1(p.x), r1(p.y)] as const),
        score: r3(face.score),
        quality: {
          score: r3(q.score),
          detector: r3(q.detector),
          size: r3(q.size),
          sharpness: r3(q.sharpness),
          frontalness: r3(q.frontalness),
        },
        identity: decision === null ? null : { name: decision.name, similarity: r3(Math.max(0, decision.similarity)) },
        attributes: roundAttributes(attributes),
      };
    }),
  );
  return { image: { path, width: image.width, height: image.height }, gallery: gallery?.summary ?? null, faces: out };
}
