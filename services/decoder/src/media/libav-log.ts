// FFmpeg's own log, which by default prints to the process's stderr (it would break the CLI's one-line errors and the
// services' JSON logs): routed once, at error level, to a sink the composition root may set.
import { Log } from 'node-av/lib';
import { AV_LOG_ERROR } from 'node-av/constants';

/** Receives FFmpeg's error lines (decoder and demuxer complaints about damaged data), without their trailing newline. */
export type LibavLogSink = (message: string) => void;

let sink: LibavLogSink | null = null;
let routed = false;

/** Route FFmpeg's log (idempotent); called before any media is opened or written. */
export function routeLibavLog(): void {
  if (routed) return;
  routed = true;
  Log.setLevel(AV_LOG_ERROR);
  Log.setCallback((_level, message) => sink?.(message.trimEnd()), { maxLevel: AV_LOG_ERROR });
}

/** Where FFmpeg's error lines go from now on (null: nowhere, the default). Composition roots only. */
export function setLibavLogSink(next: LibavLogSink | null): void {
  routeLibavLog();
  sink = next;
}
