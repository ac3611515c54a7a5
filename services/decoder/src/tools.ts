// Where the ffmpeg binaries are, and running one to completion. No shell is ever involved.
import { execFile } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { failedPrecondition, invalidArgument } from '@pmr/common';

export interface ToolPaths {
  /** ffmpeg binary; default env PMR_FFMPEG, else "ffmpeg" on PATH. */
  readonly ffmpegPath?: string;
  /** ffprobe binary; default env PMR_FFPROBE, else "ffprobe" on PATH. */
  readonly ffprobePath?: string;
}

export function ffmpegBinary(opts?: ToolPaths): string {
  return opts?.ffmpegPath ?? process.env.PMR_FFMPEG ?? 'ffmpeg';
}

export function ffprobeBinary(opts?: ToolPaths): string {
  return opts?.ffprobePath ?? process.env.PMR_FFPROBE ?? 'ffprobe';
}

/**
 * Check that `path` is a string naming an existing regular file and return the argument to give ffmpeg:
 * the absolute path behind the `file:` protocol, so that names like "concat:…", "http://…" or "-x" are read
 * as plain files and never as protocols or options.
 */
export async function mediaInput(path: unknown): Promise<{ path: string; input: string }> {
  if (typeof path !== 'string' || path.length === 0) throw invalidArgument('video path must be a non-empty string');
  if (path.includes('\0')) throw invalidArgument('video path must not contain NUL characters');
  let info;
  try {
    info = await stat(path);
  } catch {
    throw invalidArgument(`${path}: no such file`);
  }
  if (!info.isFile()) throw invalidArgument(`${path}: not a regular file`);
  return { path, input: `file:${resolve(path)}` };
}

export interface ToolResult {
  /** Exit code; null when killed (`timedOut` then says whether by the time limit). */
  readonly code: number | null;
  readonly timedOut: boolean;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Run a binary with an argument array (no shell) and collect its output, killing it after `timeoutMs`;
 * a binary that cannot start is FAILED_PRECONDITION.
 */
export function runTool(binary: string, args: readonly string[], timeoutMs = 60_000, maxBuffer = 16 * 1024 * 1024): Promise<ToolResult> {
  return new Promise((done, fail) => {
    execFile(binary, args, { maxBuffer, timeout: timeoutMs, killSignal: 'SIGKILL', encoding: 'utf8', windowsHide: true }, (err, stdout, stderr) => {
      if (err !== null && (err.code === 'ENOENT' || err.code === 'EACCES')) {
        fail(failedPrecondition(`cannot run ${binary}: ${err.code === 'ENOENT' ? 'not found' : 'permission denied'}`, err));
        return;
      }
      done({ code: err === null ? 0 : typeof err.code === 'number' ? err.code : null, timedOut: err?.killed === true, stdout, stderr });
    });
  });
}

/** The first meaningful line of ffmpeg/ffprobe stderr, without the "[h264 @ 0x…] " / "file:/…: " prefixes. */
export function firstErrorLine(stderr: string, input?: string): string {
  for (const raw of stderr.split('\n')) {
    let line = raw.replace(/^\[[^\]]*@ 0x[0-9a-f]+\]\s*/i, '').trim();
    if (input !== undefined && line.startsWith(`${input}: `)) line = line.slice(input.length + 2);
    if (line.length > 0) return line.length > 200 ? `${line.slice(0, 200)}…` : line;
  }
  return '';
}
