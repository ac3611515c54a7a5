// The shape both track workers share (the recognizer's embeddings, the attributes service's descriptions): consume
// finished tracks, turn each into one PipelineResult for the orchestrator, publish it with an idempotent message id,
// ack. A track that keeps failing is reported to its job on the last delivery and passed on empty, so the job ends.
import type { Logger } from 'pino';
import { invalidArgument } from '../errors.ts';
import type { RgbImage } from '../types.ts';
import type { FinishedTrack__Output } from '../proto/generated/pmr/v1/FinishedTrack.ts';
import type { PipelineResult } from '../proto/generated/pmr/v1/PipelineResult.ts';
import { chipsFromProto } from '../image/image-messages.ts';
import { messageCodec } from '../messaging/codec.ts';
import type { JetStreamBus } from '../messaging/jetstream.ts';
import { decodeJobMessage, pipelineMsgIds, pipelineSubjects } from './pipeline.ts';
import type { ConsumerHandle, DeliveredMessage, HandlerOutcome } from '../messaging/types.ts';

const finishedCodec = messageCodec('pmr.v1.FinishedTrack');
const resultCodec = messageCodec('pmr.v1.PipelineResult');

export interface TrackWorkerOptions {
  readonly bus: JetStreamBus;
  readonly logger: Logger;
  readonly consumer: { readonly stream: string; readonly durable: string; readonly filterSubject: string };
  /** Names the result in its message id: `embeddings` or `attributes`. */
  readonly resultName: string;
  /** The result for one track, from its selected faces' chips (in track order). */
  readonly work: (track: FinishedTrack__Output, chips: readonly RgbImage[]) => Promise<Omit<PipelineResult, 'jobId'>>;
  /** The result that stands for a track that could not be worked on. */
  readonly empty: (track: FinishedTrack__Output) => Omit<PipelineResult, 'jobId'>;
  readonly concurrency?: number;
  readonly ackWaitMs?: number;
  readonly maxDeliver?: number;
}

export async function startTrackWorker(options: TrackWorkerOptions): Promise<ConsumerHandle> {
  const { bus, logger } = options;
  const publish = (
    jobId: string,
    trackId: number,
    result: Omit<PipelineResult, 'jobId'>,
    name = options.resultName,
  ): Promise<unknown> =>
    bus.publish(pipelineSubjects.results(jobId), resultCodec.encode({ jobId, ...result }), {
      msgId: pipelineMsgIds.result(jobId, `${name}.${trackId}`),
    });

  const handler = async (message: DeliveredMessage): Promise<HandlerOutcome> => {
    const decoded = decodeJobMessage(finishedCodec, message);
    if ('term' in decoded) return decoded;
    const { jobId, body: track } = decoded;
    try {
      const chips = await chipsFromProto(
        track.selected.map((s, i) => {
          if (s.face?.chip === null || s.face?.chip === undefined) throw invalidArgument(`selected[${i}] has no chip`);
          return s.face.chip;
        }),
      );
      await publish(jobId, track.trackId, await options.work(track, chips));
      return 'ack';
    } catch (err) {
      if (!message.lastAttempt) throw err;
      const reason = `track ${track.trackId}: ${options.resultName} failed on its last delivery: ${err instanceof Error ? err.message : String(err)}`;
      logger.error({ err, jobId, track: track.trackId }, 'track dropped');
      await publish(
        jobId,
        track.trackId,
        { warning: { code: 'INTERNAL', message: reason } },
        `warning.${options.resultName}`,
      );
      await publish(jobId, track.trackId, options.empty(track));
      return { term: reason };
    }
  };

  return bus.consume({
    ...options.consumer,
    maxAckPending: options.concurrency ?? 4,
    ackWaitMs: options.ackWaitMs ?? 15_000,
    maxDeliver: options.maxDeliver ?? 5,
    errorNakDelayMs: 500,
    pullExpiresMs: 5000,
    handler,
  });
}
