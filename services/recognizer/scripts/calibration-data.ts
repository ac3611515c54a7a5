// Loading the calibration media (../shared/data beside the checkout) as labelled embeddings, for scripts/calibrate.ts and the model
// tests. The detector and embedder are passed in.

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { readImage } from '@pmr/common/image';
import { DEFAULT_AUGMENTATIONS, type ChipAugmentation } from '../src/augment.ts';
import { DEFAULT_ENROLMENT_SELECTION, selectEnrolmentFace } from '../src/enrol-selection.ts';
import { enrolGallery, findSubjectFace, type DetectFn, type EmbedFn, type EnrolmentReport } from '../src/enrol.ts';
import type { LabelledImage } from '../src/evaluation.ts';

/** Enrol identities/ (single-person images; `_groups` is skipped) and keep every accepted image's embeddings. */
export async function loadIdentityImages(
  dataDir: string,
  detect: DetectFn,
  embed: EmbedFn,
  augmentations: readonly ChipAugmentation[] = DEFAULT_AUGMENTATIONS,
): Promise<{ images: LabelledImage[]; report: EnrolmentReport }> {
  const { report } = await enrolGallery(join(dataDir, 'identities'), { detect, embed, augmentations });
  const images = report.accepted.map((a) => ({
    person: a.person,
    file: a.file,
    query: a.embeddings[0]!,
    templates: a.embeddings,
    quality: a.quality.score,
  }));
  return { images, report };
}

/**
 * The 42 UTKFace strangers (attributes/utkface_*): 200×200 aligned chips, run through the same detector and face
 * selection as enrolment, including its retry on a padded copy when the tight chip yields no face.
 */
export async function loadStrangers(
  dataDir: string,
  detect: DetectFn,
  embed: EmbedFn,
): Promise<{ strangers: LabelledImage[]; missed: string[]; padded: string[] }> {
  const dir = join(dataDir, 'attributes');
  const files = (await readdir(dir)).filter((f) => f.startsWith('utkface_')).sort();
  const strangers: LabelledImage[] = [];
  const missed: string[] = [];
  const padded: string[] = [];
  for (const file of files) {
    const image = await readImage(join(dir, file));
    const unpadded = selectEnrolmentFace(await detect(image), DEFAULT_ENROLMENT_SELECTION);
    const choice = unpadded.accepted ? unpadded : await findSubjectFace(image, detect);
    if (!choice.accepted) {
      missed.push(`${file} (${choice.reason})`);
      continue;
    }
    if (!unpadded.accepted) padded.push(file);
    const e = await embed(choice.face.chip);
    strangers.push({ person: `stranger:${file}`, file, query: e, templates: [e], quality: choice.face.quality.score });
  }
  return { strangers, missed, padded };
}
