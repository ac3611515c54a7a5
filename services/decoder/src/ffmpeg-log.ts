// What a decoding ffmpeg says on stderr, line by line: its errors, and the timestamp of every frame it outputs (from
// the showinfo filter). Pure: text in, parsed lines out.
//
// Why timestamps from ffmpeg: a frame's time is not index / fps. Phones record at a variable rate (a dark scene drops
// from 30 to 15 fps), screen recorders write frames only when something changes, and AVI marks skipped frames with
// empty chunks; under index / fps every face's time after such a stretch drifts, by seconds on a long phone clip.

/** Every line tagged with its level; info level so that showinfo's lines come through; no progress line. */
export const LOG_ARGS: readonly string[] = ['-loglevel', 'level+info', '-nostats'];

/** Reports each frame's pts as it leaves the filter graph (checksums off: they would cost a pass over every frame). */
export const FRAME_INFO_FILTER = 'showinfo=checksum=0';

export type LogLine =
  /** An error, fatal or panic line, without its level tag (warnings and info are not errors). */
  | { readonly kind: 'error'; readonly text: string }
  /** showinfo's input time base: seconds per pts tick; null when ffmpeg has none (0/0). */
  | { readonly kind: 'timeBase'; readonly seconds: number | null }
  /** showinfo's line for output frame `n` (0, 1, …): its pts in ticks, null when the frame has none (NOPTS). */
  | { readonly kind: 'frame'; readonly n: number; readonly pts: number | null }
  | { readonly kind: 'other' };

const LEVEL_TAG = /\[(panic|fatal|error|warning|info|verbose|debug|trace)\] /;
const TIME_BASE = /^config in time_base: (\d+)\/(\d+)/;
const FRAME = /^n:\s*(\d+)\s+pts:\s*(\S+)\s/;

export function parseLogLine(line: string): LogLine {
  const tag = LEVEL_TAG.exec(line);
  if (tag === null) return { kind: 'other' };
  const level = tag[1];
  if (level === 'panic' || level === 'fatal' || level === 'error') return { kind: 'error', text: line.slice(0, tag.index) + line.slice(tag.index + tag[0].length) };
  if (level !== 'info' || !line.startsWith('[Parsed_showinfo_')) return { kind: 'other' };
  const message = line.slice(tag.index + tag[0].length);
  const base = TIME_BASE.exec(message);
  if (base !== null) {
    const seconds = Number(base[1]) / Number(base[2]);
    return { kind: 'timeBase', seconds: Number.isFinite(seconds) && seconds > 0 ? seconds : null };
  }
  const frame = FRAME.exec(message);
  if (frame === null) return { kind: 'other' };
  const pts = Number(frame[2]);
  return { kind: 'frame', n: Number(frame[1]), pts: Number.isSafeInteger(pts) ? pts : null };
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
 * The times (seconds) of the frames ffmpeg outputs, by output index, as showinfo reports them. showinfo logs a frame
 * before ffmpeg writes it, so its line is normally there by the time the frame has been read; a reader still waits
 * for it (up to `waitMs`), and should the lines not come at all (an ffmpeg whose showinfo says something else), it
 * stops waiting and gets null from then on instead of stalling every frame.
 */
export class FrameTimes {
  readonly #times = new Map<number, number | null>();
  readonly #waitMs: number;
  #secondsPerTick: number | null = null;
  #waiting: { readonly n: number; readonly resolve: (time: number | null) => void } | null = null;
  #ended = false;
  #givenUp = false;

  constructor(waitMs = FRAME_TIME_WAIT_MS) {
    this.#waitMs = waitMs;
  }

  /** Take one parsed log line into account. */
  see(line: LogLine): void {
    if (line.kind === 'timeBase') this.#secondsPerTick = line.seconds;
    if (line.kind !== 'frame') return;
    const time = line.pts === null || this.#secondsPerTick === null ? null : line.pts * this.#secondsPerTick;
    if (this.#waiting?.n === line.n) this.#settle(time);
    else this.#times.set(line.n, time);
  }

  /** ffmpeg has ended: frames it never reported get null. */
  end(): void {
    this.#ended = true;
    this.#settle(null);
  }

  /**
   * Time of output frame `n`; null when ffmpeg gave it no timestamp or never reported it. Ask in increasing `n`:
   * the times of earlier frames are dropped.
   */
  time(n: number): Promise<number | null> {
    for (const k of this.#times.keys()) if (k < n) this.#times.delete(k);
    const known = this.#times.get(n);
    if (known !== undefined) {
      this.#times.delete(n);
      return Promise.resolve(known);
    }
    if (this.#ended || this.#givenUp) return Promise.resolve(null);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#givenUp = true;
        this.#settle(null);
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

  #settle(time: number | null): void {
    const waiting = this.#waiting;
    this.#waiting = null;
    waiting?.resolve(time);
  }
}
