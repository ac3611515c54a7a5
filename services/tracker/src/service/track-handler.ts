// TrackerService over gRPC: one TrackSession per Track stream. Each request is answered in order; a write that
// returns false pauses reading until 'drain'. The client's half-close finishes the tracker and ends the stream.
// A bad message ends the stream with its status (INVALID_ARGUMENT for out-of-order frames); anything else is
// logged and answered INTERNAL without details.
import type { StatusObject } from '@grpc/grpc-js';
import { PmrError } from '@pmr/common';
import type { Logger } from '@pmr/common/logger';
import { toServiceError } from '@pmr/common/proto';
import type { TrackerServiceHandlers, TrackRequest__Output, TrackResponse } from './common-bridge.ts';
import { TrackSession } from './track-session.ts';

export interface TrackHandlerOptions {
  readonly logger: Logger;
  /** Called after each stream with the faces it received and the tracks it finished (metrics). */
  readonly onStreamEnd?: (faces: number, tracks: number) => void;
}

/** The part of a grpc-js duplex call that Track uses. */
export interface TrackCall {
  readonly cancelled: boolean;
  write(message: TrackResponse): boolean;
  end(): void;
  pause(): unknown;
  resume(): unknown;
  emit(event: 'error', error: Partial<StatusObject>): boolean;
  on(event: 'data', listener: (request: TrackRequest__Output) => void): unknown;
  on(event: 'end' | 'drain' | 'cancelled', listener: () => void): unknown;
  once(event: 'drain', listener: () => void): unknown;
}

/** Serve one Track stream. */
export function serveTrack(call: TrackCall, options: TrackHandlerOptions, log: Logger): void {
  const session = new TrackSession();
  let closed = false;
  const close = (): void => {
    if (closed) return;
    closed = true;
    options.onStreamEnd?.(session.faces, session.finishedTracks);
  };
  const fail = (err: unknown): void => {
    if (err instanceof PmrError) log.debug({ code: err.code, reason: err.message }, 'Track rejected');
    else log.error({ err }, 'Track failed');
    close();
    call.emit('error', toServiceError(err, 'tracking failed; see the tracker log'));
  };
  const send = (response: TrackResponse): void => {
    if (!call.write(response)) {
      call.pause();
      call.once('drain', () => call.resume());
    }
  };
  call.on('data', (request) => {
    if (closed) return;
    try {
      send(session.update(request));
    } catch (err) {
      fail(err);
    }
  });
  call.on('end', () => {
    if (closed) return;
    try {
      send(session.finish());
      close();
      call.end();
    } catch (err) {
      fail(err);
    }
  });
  call.on('cancelled', () => {
    log.debug('Track cancelled');
    close();
  });
}

export function createTrackerHandlers(options: TrackHandlerOptions): TrackerServiceHandlers {
  const log = options.logger.child({ component: 'TrackerService' });
  return {
    Track(call) {
      serveTrack(call, options, log);
    },
  };
}
