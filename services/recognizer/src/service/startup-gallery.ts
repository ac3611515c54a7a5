// The gallery enrolled at start-up from PMR_GALLERY_DIR: a detector is loaded for the enrolment only, each
// person's photos are embedded with the service's embedder, and the detector is released again.
import type { Logger } from '@pmr/common/logger';
import { createDetector } from '@pmr/detector';
import { resolveModel } from '@pmr/models';
import type { Embedder } from '../embedder.ts';
import { enrolGallery } from '../enrol.ts';
import { staticGalleryStore, type GalleryStore } from './gallery-store.ts';
import type { RecognizerServiceConfig } from './config.ts';

type GallerySettings = Pick<RecognizerServiceConfig, 'galleryDir' | 'galleryId' | 'detector' | 'modelsDir' | 'threads'>;

/** The store of galleries the service starts with: empty without PMR_GALLERY_DIR. @throws PmrError when enrolment fails */
export async function enrolStartupGallery(
  config: GallerySettings,
  embedder: Pick<Embedder, 'embed'>,
  logger: Logger,
): Promise<GalleryStore> {
  if (config.galleryDir === undefined) {
    logger.info('no PMR_GALLERY_DIR: serving no gallery');
    return staticGalleryStore([]);
  }
  const started = performance.now();
  const modelPath = await resolveModel(config.detector, { modelsDir: config.modelsDir });
  const detector = await createDetector({ kind: config.detector, modelPath, threads: config.threads });
  try {
    const { gallery, report } = await enrolGallery(config.galleryDir, {
      detect: (image) => detector.detect(image),
      embed: (chip) => embedder.embed(chip),
    });
    logger.info(
      {
        galleryId: config.galleryId,
        galleryDir: config.galleryDir,
        persons: report.persons.map((p) => `${p.name}:${p.accepted}/${p.accepted + p.rejected}`),
        rejected: report.rejected.map((r) => `${r.file}: ${r.reason}`),
        ms: Math.round(performance.now() - started),
      },
      'gallery enrolled',
    );
    return staticGalleryStore([[config.galleryId, gallery]]);
  } finally {
    await detector.release();
  }
}
