// Which faces of an image IndexFaces adds, and why the others are left out. With a person, the gallery enrolment rules
// decide (selectEnrolmentFace: one subject, large and sharp enough, with the padded retry when nothing is found), so
// a collection person indexed photo by photo has the templates `--gallery` enrolment gives; without one, every face
// that passes the quality filter is indexed, up to max_faces, largest first. Every kept face is embedded with its
// augmentations (its templates), as gallery photos are.
import type { DetectedFace } from '@pmr/common';
import type { UnindexedReason } from '@pmr/common/proto/generated/pmr/v1/UnindexedReason.ts';
import { augmentChip, DEFAULT_ENROLMENT_SELECTION, faceSize, selectEnrolmentFace } from '@pmr/recognizer';
import { findSubjectFace } from '@pmr/recognizer/enrol';
import { foundFace, type FaceStages, type FoundFace } from './image-faces.ts';
import type { ReceivedImage } from './received-image.ts';

/** Most chips one Embed call carries (pmr.v1.EmbedRequest). */
const MAX_CHIPS_PER_CALL = 256;

export interface IndexChoice {
  /** The faces to index, largest first. */
  readonly kept: readonly FoundFace[];
  /** The faces left out, largest first, with why. */
  readonly left: ReadonlyArray<{ readonly found: FoundFace; readonly reasons: UnindexedReason[] }>;
}

/** Why a face fails the AUTO quality filter (the enrolment minimums); empty when it passes. */
export function qualityReasons(face: DetectedFace): UnindexedReason[] {
  const s = DEFAULT_ENROLMENT_SELECTION;
  const reasons: UnindexedReason[] = [];
  if (face.score < s.minScore) reasons.push('UNINDEXED_REASON_LOW_CONFIDENCE');
  if (faceSize(face) < s.minFaceSize) reasons.push('UNINDEXED_REASON_TOO_SMALL');
  if (face.quality.sharpness < s.minSharpness) reasons.push('UNINDEXED_REASON_TOO_BLURRY');
  return reasons;
}

/** Every usable face, up to `maxFaces` (faces come largest first). */
export function chooseAll(found: readonly FoundFace[], maxFaces: number, filter: boolean): IndexChoice {
  const kept: FoundFace[] = [];
  const left: Array<{ found: FoundFace; reasons: UnindexedReason[] }> = [];
  for (const f of found) {
    const reasons = filter ? qualityReasons(f.face) : [];
    if (reasons.length === 0 && kept.length >= maxFaces) reasons.push('UNINDEXED_REASON_EXCEEDS_MAX_FACES');
    if (reasons.length === 0) kept.push(f);
    else left.push({ found: f, reasons });
  }
  return { kept, left };
}

const REASON_OF = {
  'several-faces': 'UNINDEXED_REASON_SEVERAL_FACES',
  'too-small': 'UNINDEXED_REASON_TOO_SMALL',
  'too-blurry': 'UNINDEXED_REASON_TOO_BLURRY',
} as const satisfies Partial<Record<string, UnindexedReason>>;

/**
 * The one subject face by the enrolment rules, matched back to the found faces. An ambiguous image leaves every face
 * out as SEVERAL_FACES; a subject too small or too blurry is left out with that reason and the others as NOT_SUBJECT.
 */
export async function chooseSubject(
  stages: Pick<FaceStages, 'detect'>,
  received: ReceivedImage,
  found: readonly FoundFace[],
): Promise<IndexChoice> {
  const direct = selectEnrolmentFace(found.map((f) => f.face));
  const choice =
    direct.accepted || direct.reason !== 'no-face'
      ? direct
      : await findSubjectFace(received.image, (i) => stages.detect(i));
  if (choice.accepted) {
    // A subject found only on the padded retry is not among the faces found directly.
    const subject = found.find((f) => f.face === choice.face);
    const kept = subject ?? foundFace(choice.face, received.scale);
    return {
      kept: [kept],
      left: found.filter((f) => f !== subject).map((f) => ({ found: f, reasons: ['UNINDEXED_REASON_NOT_SUBJECT'] })),
    };
  }
  if (choice.reason === 'several-faces')
    return { kept: [], left: found.map((f) => ({ found: f, reasons: [REASON_OF['several-faces']] })) };
  if (choice.reason === 'too-small' || choice.reason === 'too-blurry') {
    const why = REASON_OF[choice.reason];
    const subject = found[0]; // the largest: what the rules took as the subject
    return {
      kept: [],
      left: found.map((f) => ({ found: f, reasons: [f === subject ? why : 'UNINDEXED_REASON_NOT_SUBJECT'] })),
    };
  }
  return { kept: [], left: found.map((f) => ({ found: f, reasons: qualityReasons(f.face) })) };
}

/** Each face's templates: the embeddings of its chip and of its augmentations, in order; and the model they come from. */
export async function faceTemplates(
  stages: Pick<FaceStages, 'embedChips'>,
  faces: readonly FoundFace[],
): Promise<{ readonly model: string; readonly templates: Float32Array[][] }> {
  const perFace = faces.map((f) => augmentChip(f.face.chip));
  const chips = perFace.flat();
  const embeddings: Float32Array[] = [];
  let model = '';
  for (let i = 0; i < chips.length; i += MAX_CHIPS_PER_CALL) {
    const answer = await stages.embedChips(chips.slice(i, i + MAX_CHIPS_PER_CALL));
    model = answer.model;
    embeddings.push(...answer.embeddings);
  }
  let at = 0;
  const templates = perFace.map((list) => embeddings.slice(at, (at += list.length)));
  return { model, templates };
}
