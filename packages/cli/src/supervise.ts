// `pmr analyze` in the embedded runtime decodes with FFmpeg's libraries inside the process. A damaged or crafted file
// that makes a demuxer or decoder crash ends the process with a signal, not an exception, and nothing inside it can say
// why. So the analysis runs in a child process of its own, and this parent, which loads nothing but the command line,
// turns such an end into one line naming the file. Everything else passes through: the child's stdout, stderr and exit
// code are the command's.
import { spawn } from 'node:child_process';

/** Set in the child's environment: it runs the command itself. */
export const CHILD_ENV = 'PMR_CLI_CHILD';

/** What the child tells its parent (over the IPC channel) before it reads a file FFmpeg might choke on. */
export interface ReadingMessage {
  readonly reading: string;
}

/** Signals that mean the process crashed (rather than was stopped or killed from outside). */
const CRASHES = new Set(['SIGSEGV', 'SIGBUS', 'SIGILL', 'SIGFPE', 'SIGABRT']);

/** The one line for a child that ended by `signal` while reading `file` (null: before it read any). */
export function crashLine(signal: string, file: string | null): string {
  if (!CRASHES.has(signal))
    return `pmr: the analysis was stopped by ${signal}${signal === 'SIGKILL' ? ' (out of memory?)' : ''}`;
  if (file === null) return `pmr: the analysis crashed (${signal})`;
  const name = [...file].map((c) => (c.charCodeAt(0) < 0x20 ? '?' : c)).join(''); // one line, whatever the name holds
  return `pmr: ${name}: reading this file crashed the video decoder (${signal}); it is damaged, or not a video PMR can read`;
}

/** Tell the parent, if there is one, that `file` is about to be read. */
export function announceReading(file: string): void {
  const message: ReadingMessage = { reading: file };
  process.send?.(message);
}

/** In the child: let the process end while the IPC channel to the parent is still open. */
export function releaseParentChannel(): void {
  process.channel?.unref();
}

function isReading(message: unknown): message is ReadingMessage {
  return typeof message === 'object' && message !== null && typeof (message as ReadingMessage).reading === 'string';
}

/**
 * Run this same command (`entry` with `args`, the same node flags, and `env`: the caller's environment) in a child
 * process and return its exit code; a child ended by a signal gives exit code 1 and the one line of crashLine on stderr. SIGINT reaches the
 * child from the terminal by itself (the parent ignores it meanwhile); SIGTERM is passed on.
 */
export async function runSupervised(entry: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
  const child = spawn(process.execPath, [...process.execArgv, entry, ...args], {
    stdio: ['inherit', 'inherit', 'inherit', 'ipc'],
    env: { ...env, [CHILD_ENV]: '1' },
  });
  let reading: string | null = null;
  child.on('message', (message) => {
    if (isReading(message)) reading = message.reading;
  });
  const ignore = (): void => undefined;
  const forward = (): void => void child.kill('SIGTERM');
  process.on('SIGINT', ignore);
  process.on('SIGTERM', forward);
  try {
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (c, s) => resolve([c, s]));
    });
    if (signal === null) return code ?? 1;
    if (signal === 'SIGINT') return 130; // interrupted from the terminal, which the user knows
    process.stderr.write(`${crashLine(signal, reading)}\n`);
    return 1;
  } finally {
    process.off('SIGINT', ignore);
    process.off('SIGTERM', forward);
  }
}
