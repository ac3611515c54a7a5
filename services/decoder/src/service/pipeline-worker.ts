// The decoder's JetStream side: takes DecodeJob messages (pmr.decode), decodes the video and publishes its analysed
// frames on pmr.frames.<job> in order, then the end mark on pmr.faces.<job> (so the tracker knows the last index)
// and the video summary to the orchestrator. Backpressure (backlog-gate.ts): it holds frames back while the frames and
// faces not yet consumed would exceed `maxInFlight`, so a two-hour video never floods the broker. A decoder killed
// mid-job leaves the DecodeJob unacked; the one that gets it next decodes again and the message ids drop the frames
// already published. A video that kills every decoder that reads it (FFmpeg crashing on a damaged or crafted file
// takes its process with it) is not read a fourth time: its last delivery fails the job instead (DECODE_ATTEMPTS).
import { setTimeout as sleep } from 'node:timers/promises';
import { PmrError } from '@pmr/common';
import type { Logger } from '@pmr/common/logger';
import {
  messageCodec,
  type ConsumerHandle,
  type DeliveredMessage,
  type HandlerOutcome,
  type JetStreamBus,
} from '@pmr/common/messaging';
import {
  encodePipelineFrame,
  pipelineMsgIds,
  pipelineSubjects,
  PIPELINE_CONSUMERS,
  PIPELINE_STREAMS,
  type StoppedJobs,
} from '@pmr/common/pipeline';
import type { DecodeJob__Output } from '@pmr/common/proto/generated/pmr/v1/DecodeJob.ts';
import type { PipelineResult } from '@pmr/common/proto/generated/pmr/v1/PipelineResult.ts';
import { decodeVideo } from '../decode.ts';
import type { HwaccelChoice } from '../hwaccel-choice.ts';
import { SKIP_METHODS } from './decode-messages.ts';
import { BacklogGate } from './backlog-gate.ts';
import { localVideo } from './local-video.ts';

const jobCodec = messageCodec('pmr.v1.DecodeJob');
const resultCodec = messageCodec('pmr.v1.PipelineResult');
const frameFacesCodec = messageCodec('pmr.v1.FrameFaces');

/**
 * Deliveries of a DecodeJob that may decode. The broker makes one more: that one decodes nothing and fails the job, so
 * a video that crashes the decoder costs DECODE_ATTEMPTS crashes, never a crash loop.
 */
export const DECODE_ATTEMPTS = 3;

/** How long a decoder that stopped answering (crashed) holds a DecodeJob before the broker gives it to another. */
const DECODE_ACK_WAIT_MS = 10_000;

/** Decode progress goes to the orchestrator every this many analysed frames. */
const PROGRESS_EVERY = 25;

export interface DecoderWorkerOptions {
  readonly bus: JetStreamBus;
  readonly logger: Logger;
  readonly roots: readonly string[];
  readonly realRoots: readonly string[];
  /** Where videos are decoded (`--hwaccel`). */
  readonly hwaccel: HwaccelChoice;
  /** Jobs whose work is withdrawn: their decoding stops at once. */
  readonly stopped?: Pick<StoppedJobs, 'has' | 'onStop'>;
  /** Most frames and faces messages waiting in the broker before the decoder pauses (default 48). */
  readonly maxInFlight?: number;
  readonly onFrame?: () => void;
}

/** A job's failure as the orchestrator gets it: the PmrError code (PERMISSION_DENIED for a source outside the roots). */
function failureOf(err: unknown): { code: string; message: string } {
  if (err instanceof PmrError) return { code: err.code, message: err.message };
  return { code: 'INTERNAL', message: err instanceof Error ? err.message : String(err) };
}

/** What the parts of a running worker share. */
interface Worker {
  readonly options: DecoderWorkerOptions;
  /** One gate for every job this decoder runs at once: together they stay under the bound. */
  readonly gate: BacklogGate;
  publishResult(jobId: string, what: string, result: Omit<PipelineResult, 'jobId'>): Promise<unknown>;
}

export async function startDecoderWorker(options: DecoderWorkerOptions): Promise<ConsumerHandle> {
  const { bus } = options;
  const worker: Worker = {
    options,
    gate: new BacklogGate({
      max: options.maxInFlight ?? 48,
      measure: brokerBacklog(options),
      pause: (signal) => sleep(20, undefined, { signal }),
    }),
    publishResult: (jobId, what, result) =>
      bus.publish(pipelineSubjects.results(jobId), resultCodec.encode({ jobId, ...result }), {
        msgId: pipelineMsgIds.result(jobId, what),
      }),
  };
  const controllers = new Set<AbortController>();
  const handle = await bus.consume({
    ...PIPELINE_CONSUMERS.decoder,
    maxAckPending: 2,
    ackWaitMs: DECODE_ACK_WAIT_MS,
    maxDeliver: DECODE_ATTEMPTS + 1,
    errorNakDelayMs: 1000,
    pullExpiresMs: 5000,
    handler: async (message) => {
      const controller = new AbortController();
      controllers.add(controller);
      try {
        return await handleDecodeJob(worker, message, controller);
      } finally {
        controllers.delete(controller);
      }
    },
  });
  return {
    inFlight: () => handle.inFlight(),
    async stop() {
      for (const c of controllers) c.abort(new Error('decoder shutting down'));
      await handle.stop();
    },
  };
}

/** Frames and faces waiting in the broker; while the broker is unreachable, it waits for it. */
function brokerBacklog({ bus, logger }: DecoderWorkerOptions): (signal: AbortSignal) => Promise<number> {
  return async (signal) => {
    for (;;) {
      try {
        const [frames, faces] = await Promise.all([
          bus.streamState(PIPELINE_STREAMS.frames.stream),
          bus.streamState(PIPELINE_STREAMS.faces.stream),
        ]);
        return frames.messages + faces.messages;
      } catch (err) {
        logger.warn({ err }, 'broker backlog unknown; waiting');
        await sleep(500, undefined, { signal });
      }
    }
  };
}

/**
 * One delivery of a DecodeJob: decode it, or fail the job when it cannot succeed (a bad source, a PmrError, the last
 * delivery); other errors are thrown so the broker delivers it again.
 */
async function handleDecodeJob(
  worker: Worker,
  message: DeliveredMessage,
  controller: AbortController,
): Promise<HandlerOutcome> {
  const { stopped } = worker.options;
  const { signal } = controller;
  let job: DecodeJob__Output;
  try {
    job = jobCodec.decode(message.data);
  } catch (err) {
    return { term: `not a DecodeJob message: ${err instanceof Error ? err.message : String(err)}` };
  }
  if (stopped?.has(job.jobId) === true) {
    worker.options.logger.info({ jobId: job.jobId }, 'not decoded: the job was stopped');
    return 'ack';
  }
  const stopListening = stopped?.onStop((jobId) => {
    if (jobId === job.jobId) controller.abort(JOB_STOPPED);
  });
  try {
    return await decodeOrFail(worker, message, job, signal);
  } finally {
    stopListening?.();
  }
}

/** Why a decode was aborted when its job was stopped (not the decoder shutting down). */
const JOB_STOPPED = new Error('the job was stopped');

async function decodeOrFail(
  worker: Worker,
  message: DeliveredMessage,
  job: DecodeJob__Output,
  signal: AbortSignal,
): Promise<HandlerOutcome> {
  const { logger } = worker.options;
  if (message.deliveryCount > DECODE_ATTEMPTS) {
    const failure = {
      code: 'INTERNAL',
      message: `the decoder gave no result in ${DECODE_ATTEMPTS} attempts at this video (each time it crashed, was stopped or failed); it may be damaged or crafted to crash FFmpeg`,
    };
    logger.error({ jobId: job.jobId, attempts: message.deliveryCount - 1 }, 'video given up: no attempt at it ended');
    await worker.publishResult(job.jobId, 'failure.decode', { failure });
    return 'ack';
  }
  try {
    await decodeToPipeline(worker, job, signal);
    return 'ack';
  } catch (err) {
    if (signal.aborted && signal.reason === JOB_STOPPED) {
      logger.info({ jobId: job.jobId }, 'decoding stopped: the job was stopped');
      return 'ack';
    }
    if (signal.aborted) return { nak: 0 }; // shutting down: another decoder takes it over
    const failure = failureOf(err);
    const retryable = !(err instanceof PmrError) && message.deliveryCount < DECODE_ATTEMPTS;
    if (retryable) throw err;
    logger.warn({ jobId: job.jobId, failure }, 'job cannot be decoded');
    await worker.publishResult(job.jobId, 'failure.decode', { failure });
    return 'ack';
  }
}

/** Decodes the job's video and publishes its frames in order, then the end mark and the video summary. */
async function decodeToPipeline(worker: Worker, job: DecodeJob__Output, signal: AbortSignal): Promise<void> {
  const { bus, logger, hwaccel } = worker.options;
  const jobId = job.jobId;
  const method = SKIP_METHODS[String(job.skipMethod)] ?? 'histogram';
  const video = await localVideo(bus, job, worker.options, signal);
  try {
    const decoded = await decodeVideo(video.path, {
      hwaccel,
      signal,
      skip: { method },
      ...(job.fps !== undefined && job.fps !== null ? { fps: job.fps } : {}),
      ...(job.maxFrames !== undefined && job.maxFrames !== null ? { maxFrames: job.maxFrames } : {}),
    });
    const { info } = decoded;
    logger.info({ jobId, decoder: decoded.decoder }, 'decoding');
    let analysed = 0;
    for await (const frame of decoded.frames) {
      await worker.gate.admit(signal);
      const { image, lastDuration, ...meta } = frame;
      const data = await encodePipelineFrame(bus, { ...meta, jobId, frameDuration: lastDuration }, image);
      decoded.recycle(frame); // the message holds a copy of the pixels
      await bus.publish(pipelineSubjects.frames(jobId), data, {
        msgId: pipelineMsgIds.frame(jobId, frame.index),
        attempts: 20,
      });
      worker.options.onFrame?.();
      analysed = frame.index + 1;
      if (analysed % PROGRESS_EVERY === 0) {
        await worker.publishResult(jobId, `progress.decoded.${analysed}`, {
          progress: { framesDecoded: frame.sourceLast + 1, framesTotal: info.frameCount },
        });
      }
    }
    const outcome = await decoded.outcome;
    await bus.publish(
      pipelineSubjects.faces(jobId),
      frameFacesCodec.encode({ jobId, frameIndex: analysed, end: true }),
      {
        msgId: pipelineMsgIds.faces(jobId, analysed),
        attempts: 20,
      },
    );
    await worker.publishResult(jobId, 'decoded', {
      decodeEnded: {
        video: {
          source: video.source,
          width: info.width,
          height: info.height,
          fps: info.fps,
          duration: Math.round((info.startTime + info.duration) * 1000) / 1000,
          frames: outcome.sourceFrames,
          analysedFrames: analysed,
          complete: outcome.complete,
          error: outcome.error ?? '',
        },
      },
    });
    logger.info({ jobId, analysed, complete: outcome.complete }, 'job decoded');
  } catch (err) {
    // An upload is decoded from a temporary copy: a message names the upload, never this machine's temporary path.
    if (video.copied && err instanceof Error)
      err.message = err.message.replaceAll(video.path, `upload ${video.source}`);
    throw err;
  } finally {
    await video.cleanup();
  }
}
