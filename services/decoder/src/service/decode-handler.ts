// DecoderService over gRPC: confine the source to the media roots, probe it, and stream its frames with
// backpressure. A write that returns false waits for 'drain'; a cancelled call aborts the decode, which closes
// the video at once. Domain errors keep their status (a source outside the roots: PERMISSION_DENIED); anything
// else is logged and answered INTERNAL without details.
import type { StatusObject } from '@grpc/grpc-js';
import { PmrError } from '@pmr/common';
import type { Logger } from '@pmr/common/logger';
import { toServiceError } from '@pmr/common/proto';
import { decodeVideo } from '../decode.ts';
import { probeVideo } from '../probe.ts';
import type { HwaccelChoice } from '../hwaccel-choice.ts';
import type { VideoInfo } from '../video-info.ts';
import type { DecoderServiceHandlers, DecodeVideoRequest__Output, DecodeVideoResponse } from './common-bridge.ts';
import { decodePlan, frameToMessage, outcomeToMessage, videoInfoToMessage } from './decode-messages.ts';
import { resolveSource } from './source-policy.ts';

export interface DecoderHandlerOptions {
  /** The media roots as configured (normalised absolute folders). */
  readonly roots: readonly string[];
  /** The same roots with symlinks resolved (realRoots()). */
  readonly realRoots: readonly string[];
  /** Where videos are decoded (`--hwaccel`). */
  readonly hwaccel: HwaccelChoice;
  readonly jpegQuality: number;
  readonly logger: Logger;
  /** Called once per frame sent (metrics). */
  readonly onFrame?: () => void;
  /** The stage functions; tests replace them. */
  readonly probe?: typeof probeVideo;
  readonly decode?: typeof decodeVideo;
}

type CallEvent = 'drain' | 'cancelled' | 'close';

/** The part of a grpc-js server-streaming call that DecodeVideo uses. */
export interface DecodeCall {
  readonly request: DecodeVideoRequest__Output;
  readonly cancelled: boolean;
  write(message: DecodeVideoResponse): boolean;
  end(): void;
  emit(event: 'error', error: Partial<StatusObject>): boolean;
  on(event: CallEvent, listener: () => void): unknown;
  off(event: CallEvent, listener: () => void): unknown;
}

/** Resolves when the call can take more (drain) or will take nothing more (cancelled, closed). */
export function writable(call: DecodeCall): Promise<void> {
  return new Promise((resolve) => {
    const events: CallEvent[] = ['drain', 'cancelled', 'close'];
    const done = (): void => {
      for (const e of events) call.off(e, done);
      resolve();
    };
    for (const e of events) call.on(e, done);
  });
}

/** Probe a source allowed by the roots. @throws PmrError, SourceDenied */
export async function probeSource(source: string, options: DecoderHandlerOptions): Promise<VideoInfo> {
  const path = await resolveSource(source, options.roots, options.realRoots);
  return (options.probe ?? probeVideo)(path);
}

/** Serve one DecodeVideo call to its end; never throws. */
export async function streamDecode(call: DecodeCall, options: DecoderHandlerOptions, log: Logger): Promise<void> {
  const controller = new AbortController();
  const onCancel = (): void => controller.abort(new Error('DecodeVideo cancelled by the client'));
  call.on('cancelled', onCancel);
  const { request } = call;
  const send = async (message: DecodeVideoResponse): Promise<void> => {
    if (!call.write(message)) await writable(call);
  };
  try {
    const plan = decodePlan(request);
    const path = await resolveSource(request.source, options.roots, options.realRoots);
    const video = await (options.decode ?? decodeVideo)(path, {
      ...plan.options,
      hwaccel: options.hwaccel,
      signal: controller.signal,
    });
    if (call.cancelled) return;
    await send({ info: videoInfoToMessage(video.info, request.source) });
    for await (const frame of video.frames) {
      if (call.cancelled) break;
      const message = await frameToMessage(frame, request.jobId, plan.encoding, options.jpegQuality);
      if (call.cancelled) break;
      options.onFrame?.();
      await send({ frame: message });
      if (call.cancelled) break;
    }
    if (call.cancelled) {
      log.debug({ source: request.source, jobId: request.jobId }, 'DecodeVideo cancelled');
      return;
    }
    const outcome = await video.outcome;
    call.write({ outcome: outcomeToMessage(outcome) });
    call.end();
  } catch (err) {
    if (call.cancelled) return;
    if (err instanceof PmrError) log.debug({ reason: err.message }, 'DecodeVideo rejected');
    else log.error({ err }, 'DecodeVideo failed');
    call.emit('error', toServiceError(err, 'decoding failed; see the decoder log'));
  } finally {
    call.off('cancelled', onCancel);
  }
}

export function createDecoderHandlers(options: DecoderHandlerOptions): DecoderServiceHandlers {
  const log = options.logger.child({ component: 'DecoderService' });
  return {
    ProbeVideo(call, callback) {
      const { source } = call.request;
      probeSource(source, options).then(
        (info) => callback(null, { info: videoInfoToMessage(info, source) }),
        (err: unknown) => {
          if (err instanceof PmrError) log.debug({ reason: err.message }, 'ProbeVideo rejected');
          else log.error({ err }, 'ProbeVideo failed');
          callback(toServiceError(err, 'probing failed; see the decoder log'));
        },
      );
    },
    DecodeVideo(call) {
      void streamDecode(call, options, log);
    },
  };
}
