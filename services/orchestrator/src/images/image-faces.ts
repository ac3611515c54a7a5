// The faces of one received image, found and described on the stage services: Detect on the detector, then, for the
// faces a call asks about, Embed on the recognizer and Analyze on the attributes service (one call each for all the
// faces). Boxes and landmarks are mapped back to the image's own pixels; faces come largest first.
import { boxArea, poseFromLandmarks, type Box, type DetectedFace, type Landmarks5, type Point } from '@pmr/common';
import type { FaceAttributes__Output } from '@pmr/common/proto/generated/pmr/v1/FaceAttributes.ts';
import type { FaceDetail } from '@pmr/common/proto/generated/pmr/v1/FaceDetail.ts';
import type { ReceivedImage } from './received-image.ts';
import type { StageClients } from '../pipeline/stage-clients.ts';

export type FaceStages = Pick<StageClients, 'detect' | 'embedMany' | 'embedChips' | 'analyze'>;

/** A face of the image: what the detector found, in the image's own pixels. */
export interface FoundFace {
  readonly face: DetectedFace;
  /** Box in the image's own pixels. */
  readonly box: Box;
  /** Landmarks in the image's own pixels. */
  readonly landmarks: Landmarks5;
}

/** A found face with its embedding and the message that describes it. */
export interface DescribedFace extends FoundFace {
  /** Unit-length embedding of its aligned chip. */
  readonly embedding: Float32Array;
  readonly detail: FaceDetail;
}

/** A face found in the analysed pixels, placed in the image's own pixels (`scale` of them per analysed pixel). */
export function foundFace(face: DetectedFace, scale: number): FoundFace {
  const at = (p: Point): Point => ({ x: p.x * scale, y: p.y * scale });
  const { box: b, landmarks: l } = face;
  const box = { x: b.x * scale, y: b.y * scale, width: b.width * scale, height: b.height * scale };
  return { face, box, landmarks: [at(l[0]), at(l[1]), at(l[2]), at(l[3]), at(l[4])] };
}

/** Every face of the image, largest first (ties: higher detector score first). */
export async function findFaces(stages: Pick<FaceStages, 'detect'>, received: ReceivedImage): Promise<FoundFace[]> {
  const faces = await stages.detect(received.image);
  return faces
    .map((face) => foundFace(face, received.scale))
    .sort((a, b) => boxArea(b.box) - boxArea(a.box) || b.face.score - a.face.score);
}

/** Embeddings and attributes of the faces, in order (two calls, whatever the number of faces). */
export async function describeFaces(stages: FaceStages, found: readonly FoundFace[]): Promise<DescribedFace[]> {
  if (found.length === 0) return [];
  const chips = found.map((f) => f.face.chip);
  const [embeddings, attributes] = await Promise.all([stages.embedMany(chips), stages.analyze(chips)]);
  return found.map((f, i) => ({ ...f, embedding: embeddings[i]!, detail: faceDetail(f, attributes[i]!) }));
}

function faceDetail(found: FoundFace, attributes: FaceAttributes__Output): FaceDetail {
  const { face, box, landmarks: l } = found;
  const point = (p: Point): { x: number; y: number } => ({ x: p.x, y: p.y });
  return {
    box,
    landmarks: {
      leftEye: point(l[0]),
      rightEye: point(l[1]),
      noseTip: point(l[2]),
      leftMouth: point(l[3]),
      rightMouth: point(l[4]),
    },
    confidence: face.score,
    pose: poseFromLandmarks(l),
    quality: { ...face.quality },
    attributes,
  };
}
