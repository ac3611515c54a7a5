// The recognizer's JetStream side: embeds the selected faces of each finished track (pmr.tracks.embed.<job>) and
// sends the embeddings, with the faces' qualities, to the orchestrator, which decides identity against the job's
// gallery. Stateless: any replica takes any track.
import type { Logger } from '@pmr/common/logger';
import type { ConsumerHandle, JetStreamBus } from '@pmr/common/messaging';
import { PIPELINE_CONSUMERS, startTrackWorker } from '@pmr/common/pipeline';
import type { Embedder } from '../embedder.ts';

export interface RecognizerWorkerOptions {
  readonly bus: JetStreamBus;
  readonly embedder: Pick<Embedder, 'embed'>;
  readonly logger: Logger;
  readonly onChips?: (n: number) => void;
}

export function startRecognizerWorker(options: RecognizerWorkerOptions): Promise<ConsumerHandle> {
  return startTrackWorker({
    bus: options.bus,
    logger: options.logger,
    consumer: PIPELINE_CONSUMERS.recognizer,
    resultName: 'embeddings',
    work: async (track, chips) => {
      const faces = [];
      for (const [i, chip] of chips.entries()) {
        const embedding = await options.embedder.embed(chip);
        faces.push({
          embedding: { values: Array.from(embedding) },
          quality: track.selected[i]?.face?.quality?.score ?? 0,
        });
      }
      options.onChips?.(chips.length);
      return { embeddings: { trackId: track.trackId, faces } };
    },
    empty: (track) => ({ embeddings: { trackId: track.trackId, faces: [] } }),
  });
}
