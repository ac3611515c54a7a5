// The detector's JetStream side: consumes pmr.frames.<job> (shared by every detector replica), detects the faces of
// each frame and publishes them as one FrameFaces on pmr.faces.<job>, then acks the frame. A replica killed mid-frame
// leaves the frame unacked: the broker redelivers it to another replica after the ack wait, and the message id
// makes a second publish of the same frame's faces a duplicate. A frame that fails on its last delivery is reported
// to the job as a warning and passed on with no faces, so the job completes.
import type { Logger } from '@pmr/common/logger';
import {
  messageCodec,
  type ConsumerHandle,
  type DeliveredMessage,
  type HandlerOutcome,
  type JetStreamBus,
} from '@pmr/common/messaging';
import {
  framePixels,
  pipelineMsgIds,
  pipelineSubjects,
  decodeJobMessage,
  PIPELINE_CONSUMERS,
} from '@pmr/common/pipeline';
import type { Frame__Output } from '@pmr/common/proto/generated/pmr/v1/Frame.ts';
import type { FrameFaces } from '@pmr/common/proto/generated/pmr/v1/FrameFaces.ts';
import type { Detector } from '../detector.ts';
import { faceToMessage } from './face-message.ts';

const frameFacesCodec = messageCodec('pmr.v1.FrameFaces');
const resultCodec = messageCodec('pmr.v1.PipelineResult');
const frameCodec = messageCodec('pmr.v1.Frame');

export interface DetectorWorkerOptions {
  readonly bus: JetStreamBus;
  readonly detector: Pick<Detector, 'detect'>;
  readonly logger: Logger;
  /** Frames this replica works on at once (they queue for the one inference session). */
  readonly concurrency?: number;
  readonly ackWaitMs?: number;
  readonly maxDeliver?: number;
  readonly onFrame?: (faces: number) => void;
}

function frameFaces(
  frame: Frame__Output,
  size: { readonly width: number; readonly height: number },
  faces: FrameFaces['faces'],
): FrameFaces {
  return {
    jobId: frame.jobId,
    frameIndex: frame.index,
    pts: frame.pts,
    ptsLast: frame.ptsLast,
    sourceFirst: frame.sourceFirst,
    sourceLast: frame.sourceLast,
    sceneCut: frame.sceneCut,
    width: size.width,
    height: size.height,
    frameDuration: frame.frameDuration,
    faces,
  };
}

export async function startDetectorWorker(options: DetectorWorkerOptions): Promise<ConsumerHandle> {
  const { bus, logger } = options;
  const publishFaces = (message: FrameFaces): Promise<unknown> =>
    bus.publish(pipelineSubjects.faces(String(message.jobId)), frameFacesCodec.encode(message), {
      msgId: pipelineMsgIds.faces(String(message.jobId), Number(message.frameIndex)),
    });

  const handler = async (message: DeliveredMessage): Promise<HandlerOutcome> => {
    const decoded = decodeJobMessage(frameCodec, message);
    if ('term' in decoded) return decoded;
    const { jobId, body: frame } = decoded;
    try {
      const { image, stored } = await framePixels(bus, frame);
      const faces = await options.detector.detect(image);
      await publishFaces(frameFaces(frame, image, faces.map(faceToMessage)));
      options.onFrame?.(faces.length);
      if (stored !== null) void bus.deleteLarge(stored.bucket, stored.name).catch(() => undefined);
      return 'ack';
    } catch (err) {
      if (!message.lastAttempt) throw err; // nak: retried after a delay, maybe by another replica
      const reason = `frame ${frame.index}: detection failed on its last delivery (${message.deliveryCount}): ${err instanceof Error ? err.message : String(err)}`;
      logger.error({ err, jobId, frame: frame.index }, 'frame dropped');
      await bus.publish(
        pipelineSubjects.results(jobId),
        resultCodec.encode({ jobId, warning: { code: 'INTERNAL', message: reason } }),
        {
          msgId: pipelineMsgIds.result(jobId, `warning.frame.${frame.index}`),
        },
      );
      await publishFaces(frameFaces(frame, { width: frame.image?.width ?? 0, height: frame.image?.height ?? 0 }, []));
      return { term: reason };
    }
  };

  return bus.consume({
    ...PIPELINE_CONSUMERS.detector,
    maxAckPending: options.concurrency ?? 4,
    ackWaitMs: options.ackWaitMs ?? 10_000,
    maxDeliver: options.maxDeliver ?? 5,
    errorNakDelayMs: 500,
    pullExpiresMs: 5000,
    handler,
  });
}
