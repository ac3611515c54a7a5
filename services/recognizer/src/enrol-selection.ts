// Which detected face (if any) of an enrolment image becomes a template, and why an image is rejected. Pure.

import { boxArea, type DetectedFace } from '@pmr/common';

export type RejectionReason = 'unreadable' | 'no-face' | 'several-faces' | 'too-small' | 'too-blurry';

export interface EnrolmentSelectionOptions {
  /** Smallest accepted face: min(box width, box height) in source pixels. */
  readonly minFaceSize: number;
  /**
   * Smallest accepted `quality.sharpness` (0..1) of the chosen face. Blurring identity photos (Gaussian blur, then
   * YuNet + this embedder against the rest of identities/): the similarity to the own person held (0.54-0.91) down to
   * sharpness 0.12-0.21 and fell to 0.25-0.51 at 0.04-0.07, so 0.15 keeps templates that still match.
   */
  readonly minSharpness: number;
  /** Detections below this score are ignored altogether. */
  readonly minScore: number;
  /**
   * Detections scoring below this fraction of the image's best score are taken as false positives (e.g. faces in a
   * painting behind the subject: 0.71 and 0.61 next to a real 0.94 in identities/joe_biden/biden2.jpg) and can
   * neither be the subject nor make the image ambiguous. Relative, so it holds for detectors with different score
   * scales.
   */
  readonly relativeScore: number;
  /**
   * A face whose box area is at least this many times that of the next largest face is taken as the subject even
   * when other faces are present (a portrait with someone small in the background); below that the image is
   * ambiguous and rejected as 'several-faces'.
   */
  readonly dominanceRatio: number;
}

export const DEFAULT_ENROLMENT_SELECTION: EnrolmentSelectionOptions = {
  minFaceSize: 40,
  minSharpness: 0.15,
  minScore: 0.5,
  relativeScore: 0.8,
  dominanceRatio: 2,
};

export type EnrolmentSelection =
  | { readonly accepted: true; readonly face: DetectedFace }
  | { readonly accepted: false; readonly reason: RejectionReason; readonly detail: string };

export function faceSize(face: DetectedFace): number {
  return Math.min(face.box.width, face.box.height);
}

/**
 * Pick the enrolment face of one image:
 * 1. detections under `minScore` are ignored; none left -> 'no-face';
 * 2. of the rest, those scoring at least `relativeScore` × the best score are the confident faces; the subject is
 *    the largest of them;
 * 3. any other confident face of at least `minFaceSize` whose area is more than 1/`dominanceRatio` of the subject's
 *    -> 'several-faces' (a much larger subject wins; faces below the size bar never make an image ambiguous);
 * 4. the subject must be at least `minFaceSize` ('too-small') and `minSharpness` sharp ('too-blurry').
 */
export function selectEnrolmentFace(
  faces: readonly DetectedFace[],
  options: EnrolmentSelectionOptions = DEFAULT_ENROLMENT_SELECTION,
): EnrolmentSelection {
  const candidates = faces.filter((f) => f.score >= options.minScore);
  if (candidates.length === 0) {
    return { accepted: false, reason: 'no-face', detail: `no face detected with score >= ${options.minScore}` };
  }
  const bar = options.relativeScore * Math.max(...candidates.map((f) => f.score));
  const confident = candidates.filter((f) => f.score >= bar).sort((a, b) => boxArea(b.box) - boxArea(a.box));
  const face = confident[0]!;
  const rivals = confident.slice(1).filter((f) => faceSize(f) >= options.minFaceSize);
  if (rivals.some((f) => boxArea(face.box) < options.dominanceRatio * boxArea(f.box))) {
    return {
      accepted: false,
      reason: 'several-faces',
      detail: `${rivals.length + 1} faces of at least ${options.minFaceSize} px and none is ${options.dominanceRatio}x the area of the others`,
    };
  }
  const size = faceSize(face);
  if (size < options.minFaceSize) {
    return {
      accepted: false,
      reason: 'too-small',
      detail: `face is ${Math.round(size)} px, minimum ${options.minFaceSize} px`,
    };
  }
  if (face.quality.sharpness < options.minSharpness) {
    return {
      accepted: false,
      reason: 'too-blurry',
      detail: `sharpness ${face.quality.sharpness.toFixed(3)} below ${options.minSharpness}`,
    };
  }
  return { accepted: true, face };
}
