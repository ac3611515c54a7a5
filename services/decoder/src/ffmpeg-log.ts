// What a decoding ffmpeg says on stderr, line by line: its errors, and the timestamp of every frame through its showinfo
// filters. Parsing is pure (text in, parsed lines out); FrameTimes hands the times to a reader, waiting for late lines.
//
// Why timestamps from ffmpeg: a frame's time is not index / fps. Phones record at a variable rate (a dark scene drops
// from 30 to 15 fps), screen recorders write frames only when something changes, and AVI marks skipped frames with
// empty chunks; under index / fps every face's time after such a stretch drifts, by seconds on a long phone clip.

/** Every line tagged with its level; info level so that showinfo's lines come through; no progress line. */
export const LOG_ARGS: readonly string[] = ['-loglevel', 'level+info', '-nostats'];

export type LogLine =
  /** An error, fatal or panic line, without its level tag (warnings and info are not errors). */
  | { readonly kind: 'error'; readonly text: string }
  /** A showinfo instance's input time base (`filter`: its name, e.g. Parsed_showinfo_0): seconds per pts tick, null when none (0/0). */
  | { readonly kind: 'timeBase'; readonly filter: string; readonly seconds: number | null }
  /** A showinfo instance's line for the `n`-th frame through it (0, 1, …): its pts in ticks, null when it has none (NOPTS). */
  | { readonly kind: 'frame'; readonly filter: string; readonly n: number; readonly pts: number | null }
  | { readonly kind: 'other' };

const LEVEL_TAG = /\[(panic|fatal|error|warning|info|verbose|debug|trace)\] /;
const SHOWINFO = /^\[(Parsed_showinfo_\d+) @ /;
const TIME_BASE = /^config in time_base: (\d+)\/(\d+)/;
const FRAME = /^n:\s*(\d+)\s+pts:\s*(\S+)\s/;

export function parseLogLine(line: string): LogLine {
  const tag = LEVEL_TAG.exec(line);
  if (tag === null) return { kind: 'other' };
  const level = tag[1];
  if (level === 'panic' || level === 'fatal' || level === 'error') return { kind: 'error', text: line.slice(0, tag.index) + line.slice(tag.index + tag[0].length) };
  const filter = SHOWINFO.exec(line)?.[1];
  if (level !== 'info' || filter === undefined) return { kind: 'other' };
  const message = line.slice(tag.index + tag[0].length);
  const base = TIME_BASE.exec(message);
  if (base !== null) {
    const seconds = Number(base[1]) / Number(base[2]);
    return { kind: 'timeBase', filter, seconds: Number.isFinite(seconds) && seconds > 0 ? seconds : null };
  }
  const frame = FRAME.exec(message);
  if (frame === null) return { kind: 'other' };
  const pts = Number(frame[2]);
  return { kind: 'frame', filter, n: Number(frame[1]), pts: Number.isSafeInteger(pts) ? pts : null };
}

/** Cuts a text stream into whole lines; a partial last line waits for the next chunk. */
export class LineSplitter {
  #rest = '';

  push(text: string): string[] {
    const lines = (this.#rest + text).split(/\r?\n/);
    this.#rest = lines.pop() ?? '';
    return lines;
  }

  /** The unfinished last line, if any (at the end of the stream). */
  flush(): string[] {
    const rest = this.#rest;
    this.#rest = '';
    return rest === '' ? [] : [rest];
  }
}

/** How long `FrameTimes.time` waits for a frame's line before it gives up on the log's timestamps. */
export const FRAME_TIME_WAIT_MS = 2000;

/**
 * The times (seconds) of the frames through one showinfo instance (`filter`), by their number, as it reports them.
 * showinfo logs a frame before ffmpeg writes it, so its line is normally there by the time the frame has been read; a
 * reader still waits for it (up to `waitMs`), and should the lines not come at all (an ffmpeg whose showinfo says
 * something else), it stops waiting and gets undefined from then on instead of stalling every frame.
 */
export class FrameTimes {
  readonly #filter: string;
  readonly #times = new Map<number, number | null>();
  readonly #waitMs: number;
  #secondsPerTick: number | null = null;
  #waiting: { readonly n: number; readonly resolve: (time: number | null | undefined) => void } | null = null;
  #ended = false;
  #givenUp = false;

  constructor(filter: string, waitMs = FRAME_TIME_WAIT_MS) {
    this.#filter = filter;
    this.#waitMs = waitMs;
  }

  /** Take one parsed log line into account (lines of other filters are ignored). */
  see(line: LogLine): void {
    if (line.kind === 'other' || line.kind === 'error' || line.filter !== this.#filter) return;
    if (line.kind === 'timeBase') {
      this.#secondsPerTick = line.seconds;
      return;
    }
    const time = line.pts === null || this.#secondsPerTick === null ? null : line.pts * this.#secondsPerTick;
    if (this.#waiting?.n === line.n) this.#settle(time);
    else this.#times.set(line.n, time);
  }

  /** ffmpeg has ended: frames it never reported get undefined. */
  end(): void {
    this.#ended = true;
    this.#settle(undefined);
  }

  /**
   * Time of frame `n`; null when it has no timestamp, undefined when it was never reported (ffmpeg ended first, or
   * the lines stopped coming). Ask in increasing `n`: the times of earlier frames are dropped.
   */
  time(n: number): Promise<number | null | undefined> {
    for (const k of this.#times.keys()) {
      if (k >= n) break; // reported in increasing order, so the map is too
      this.#times.delete(k);
    }
    const known = this.#times.get(n);
    if (known !== undefined) {
      this.#times.delete(n);
      return Promise.resolve(known);
    }
    if (this.#ended || this.#givenUp) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#givenUp = true;
        this.#settle(undefined);
      }, this.#waitMs);
      this.#waiting = {
        n,
        resolve: (time) => {
          clearTimeout(timer);
          resolve(time);
        },
      };
    });
  }

  #settle(time: number | null | undefined): void {
    const waiting = this.#waiting;
    this.#waiting = null;
    waiting?.resolve(time);
  }
}
