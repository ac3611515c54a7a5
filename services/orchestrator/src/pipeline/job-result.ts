// A distributed job's result from its collected parts: every track decided against the job's gallery, strangers
// grouped, statistics summed — the same steps and functions as the embedded runtime's last stage.
import { encodeJpeg } from '@pmr/common/image';
import { createGallery, type Gallery } from '@pmr/recognizer';
import { decideTrack } from '@pmr/results';
import { groupTracks, type GroupingOptions } from '@pmr/results';
import type { AnalysisResult } from '@pmr/results';
import type { CollectedJob, GalleryPart } from './job-parts.ts';

export interface JobResultOptions extends GroupingOptions {
  readonly matchThreshold: number;
}

/** The enrolled gallery kept in a job part (templates as plain numbers) as a Gallery; empty when the job had none. */
export function galleryOfPart(part: GalleryPart | undefined): Gallery {
  return createGallery(
    (part?.persons ?? []).map((p) => [p.name, p.templates.map((t) => Float32Array.from(t))] as const),
  );
}

export async function jobResult(
  collected: CollectedJob,
  gallery: GalleryPart | undefined,
  options: JobResultOptions,
  elapsedSeconds: number,
): Promise<AnalysisResult> {
  const identity = { gallery: galleryOfPart(gallery), threshold: options.matchThreshold };
  const analysed = [];
  for (const evidence of collected.evidence) analysed.push(await decideTrack(evidence, identity, encodeJpeg));
  const { tracks, persons } = groupTracks(analysed, options);
  return {
    video: collected.video,
    gallery: gallery?.summary ?? null,
    tracks,
    persons,
    stats: {
      detections: collected.tracked.detections,
      embeddings: collected.evidence.reduce((n, e) => n + e.embedded.length, 0),
      attributeFaces: analysed.reduce((n, a) => n + a.described, 0),
      elapsedSeconds,
      // Spread over processes: the per-stage split and one peak RSS do not apply (see the services' /metrics).
      stageMs: { decode: 0, detect: 0, track: 0, embed: 0, attributes: 0 },
      peakRssMB: 0,
    },
  };
}
