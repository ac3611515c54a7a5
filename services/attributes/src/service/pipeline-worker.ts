// The attributes service's JetStream side: describes the best faces of each finished track
// (pmr.tracks.describe.<job>; which faces: attributeFaceIndices, as in the embedded runtime) and sends expression,
// age and gender with their vote weights to the orchestrator. Stateless: any replica takes any track.
import type { Logger } from '@pmr/common/logger';
import type { ConsumerHandle, JetStreamBus } from '@pmr/common/messaging';
import { PIPELINE_CONSUMERS, startTrackWorker } from '@pmr/common/pipeline';
import type { AttributeAnalyzer } from '../analyzer.ts';
import { attributeFaceIndices } from '../track-faces.ts';
import { attributesToMessage } from './attributes-message.ts';

export interface AttributesWorkerOptions {
  readonly bus: JetStreamBus;
  readonly analyzer: Pick<AttributeAnalyzer, 'analyze'>;
  readonly logger: Logger;
  readonly onChips?: (n: number) => void;
}

export function startAttributesWorker(options: AttributesWorkerOptions): Promise<ConsumerHandle> {
  return startTrackWorker({
    bus: options.bus,
    logger: options.logger,
    consumer: PIPELINE_CONSUMERS.attributes,
    resultName: 'attributes',
    work: async (track, chips) => {
      const qualities = track.selected.map((s) => s.face?.quality?.score ?? 0);
      const faces = [];
      for (const i of attributeFaceIndices(qualities)) {
        const attributes = await options.analyzer.analyze(chips[i]!);
        faces.push({ attributes: attributesToMessage(attributes), weight: qualities[i]! });
      }
      options.onChips?.(faces.length);
      return { attributes: { trackId: track.trackId, faces } };
    },
    empty: (track) => ({ attributes: { trackId: track.trackId, faces: [] } }),
  });
}
