// One ffmpeg process decoding to its stdout: the pipe, the errors and frame times it logged, and how it ended.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { FrameTimes, LineSplitter, parseLogLine } from './ffmpeg-log.ts';

export interface FfmpegExit {
  readonly code: number | null;
  readonly signal: string | null;
  /** Set when the process could not be started at all. */
  readonly spawnError?: Error;
}

export interface FfmpegProcess {
  readonly child: ChildProcessByStdio<null, Readable, Readable>;
  /**
   * Its stdout, to be iterated once. Marked as read from the start: Node resumes (and so discards) a child's unread
   * stdout when the child exits, and a short video's ffmpeg, started before its reader comes, may well exit first.
   */
  readonly output: AsyncIterable<Uint8Array>;
  /** Settles once the process has ended and its streams closed; never rejects. */
  readonly exited: Promise<FfmpegExit>;
  /**
   * The first 8 KiB or so of the error lines on its stderr, so far, without their level tags. Only lines tagged with
   * their level count, so the arguments must include LOG_ARGS (ffmpeg-log.ts), as decodeArgs does.
   */
  errors(): string;
  /**
   * Seconds, on ffmpeg's timeline, of the `n`-th frame through the showinfo instance `filter` (asked in increasing `n`
   * per filter): see FrameTimes.time in ffmpeg-log.ts. Only for arguments with showinfo filters, as decodeArgs gives.
   */
  frameTime(filter: string, n: number): Promise<number | null | undefined>;
  /** Kill it unless it has ended. */
  kill(): void;
  /**
   * Kill it and drop its output unread. Needed when nobody will read stdout: an unread stdout never ends, so the
   * process would never count as closed and `exited` would never settle.
   */
  discard(): void;
}

export function startFfmpeg(ffmpeg: string, args: readonly string[]): FfmpegProcess {
  const child = spawn(ffmpeg, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
  const exited = new Promise<FfmpegExit>((done) => {
    child.once('close', (code, signal) => done({ code, signal }));
    child.once('error', (spawnError) => done({ code: null, signal: null, spawnError }));
  });
  // A 'readable' listener marks stdout as read by someone: the data waits for the reader (up to the stream's buffer and
  // the pipe's; then ffmpeg blocks) instead of being resumed away when ffmpeg exits.
  child.stdout.on('readable', () => undefined);
  let errors = '';
  const lines = new LineSplitter();
  const times = new Map<string, FrameTimes>();
  let ended = false;
  const timesOf = (filter: string): FrameTimes => {
    let t = times.get(filter);
    if (t === undefined) {
      t = new FrameTimes(filter);
      if (ended) t.end();
      times.set(filter, t);
    }
    return t;
  };
  const take = (line: string): void => {
    const parsed = parseLogLine(line);
    if (parsed.kind === 'error') {
      if (errors.length < 8192) errors += `${parsed.text}\n`;
    } else if (parsed.kind !== 'other') timesOf(parsed.filter).see(parsed);
  };
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => lines.push(text).forEach(take));
  child.stderr.once('close', () => {
    lines.flush().forEach(take);
    ended = true;
    for (const t of times.values()) t.end();
  });
  const kill = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  return {
    child,
    output: child.stdout,
    exited,
    errors: () => errors,
    frameTime: (filter, n) => timesOf(filter).time(n),
    kill,
    discard: () => {
      kill();
      child.stdout.destroy();
    },
  };
}
