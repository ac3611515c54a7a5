// Enrols a gallery folder with the loaded engines and summarises the enrolment report for the result.
import type { Gallery } from '@pmr/recognizer';
import { enrolGallery } from '@pmr/recognizer/enrol';
import type { GallerySummary } from '@pmr/results';
import type { Engines } from './engines.ts';

export interface LoadedGallery {
  readonly gallery: Gallery;
  readonly summary: GallerySummary;
}

export async function loadGallery(dir: string, engines: Engines): Promise<LoadedGallery> {
  const { gallery, report } = await enrolGallery(dir, {
    detect: (image) => engines.detector.detect(image),
    embed: (chip) => engines.embedder.embed(chip),
  });
  return {
    gallery,
    summary: {
      persons: gallery.persons.length,
      accepted: report.accepted.length,
      rejected: report.rejected.map((r) => ({ file: r.file, reason: `${r.reason}: ${r.detail}` })),
    },
  };
}
