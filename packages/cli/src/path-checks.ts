// What `pmr analyze` and `pmr detect` read and where they write, checked before anything is loaded or analysed: a
// video or image that is missing, not a file or empty, a gallery that is no folder, and a result (--json) or drawn video (--annotate) that would go to a folder, a missing folder, a
// place the user may not write or over the input video are refused at once, not found out after the analysis. Paths
// are quoted capped, so a message stays one short line whatever was typed.
import { accessSync, constants, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { quoted } from './quoting.ts';

/** The output flags of `pmr analyze` and the files they name. */
export interface Outputs {
  readonly json?: string | undefined;
  readonly annotate?: string | undefined;
}

const PATH_SHOWN = 120;

/** `path` as a message shows it: as typed when short and printable, else quoted and capped. */
export function shownPath(path: string): string {
  const printable = [...path].every((c) => c.charCodeAt(0) >= 0x20 && c.charCodeAt(0) !== 0x7f);
  return path.length <= PATH_SHOWN && printable ? path : quoted(path, PATH_SHOWN);
}

/** Why the video or image at `path` cannot be read, seen before it is opened (missing, not a file, empty), or undefined. */
export function inputFileProblem(path: string): string | undefined {
  const info = statOf(path);
  if (info === undefined) return `${shownPath(path)}: no such file`;
  if (!info.isFile()) return `${shownPath(path)}: not a regular file`;
  if (info.size === 0) return `${shownPath(path)}: the file is empty (0 bytes)`;
  return undefined;
}

/** Why `dir` cannot be a gallery, seen before it is read (missing, not a folder), or undefined. */
export function galleryProblem(dir: string): string | undefined {
  const info = statOf(dir);
  if (info === undefined) return `gallery folder ${shownPath(dir)}: no such folder`;
  if (!info.isDirectory()) return `gallery folder ${shownPath(dir)}: not a folder`;
  return undefined;
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/** Why the user cannot write at `path` (`access` W_OK), or undefined when they can. */
function notWritable(path: string, mode: number): string | undefined {
  try {
    accessSync(path, mode);
    return undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === 'EROFS'
      ? 'read-only file system'
      : code === 'EACCES' || code === 'EPERM'
        ? 'permission denied'
        : (code ?? 'not writable');
  }
}

/** The file itself when it exists (links followed), else its absolute path. */
function identity(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return resolve(path);
  }
}

function problemOf(flag: string, path: string, video: string): string | undefined {
  if (path === '') return `--${flag} needs a file name`;
  const shown = quoted(path, PATH_SHOWN);
  const info = statOf(path);
  if (info?.isDirectory() === true) return `--${flag} ${shown} is a folder: name a file to write`;
  if (identity(path) === identity(video)) return `--${flag} ${shown} is the input video: name another file`;
  if (info !== undefined) {
    const why = notWritable(path, constants.W_OK);
    return why === undefined ? undefined : `--${flag} ${shown} cannot be written (${why})`;
  }
  const parent = dirname(resolve(path));
  const parentInfo = statOf(parent);
  const parentShown = quoted(parent, PATH_SHOWN);
  if (parentInfo === undefined) return `--${flag} ${shown}: there is no folder ${parentShown} to write it in`;
  if (!parentInfo.isDirectory()) return `--${flag} ${shown}: ${parentShown} is not a folder`;
  const why = notWritable(parent, constants.W_OK | constants.X_OK);
  return why === undefined ? undefined : `--${flag} ${shown}: cannot create a file in ${parentShown} (${why})`;
}

/** One line per output that cannot be written, each naming its flag; empty when all can. */
export function outputPathProblems(outputs: Outputs, video: string): string[] {
  const problems: string[] = [];
  for (const flag of ['json', 'annotate'] as const) {
    const path = outputs[flag];
    if (path === undefined) continue;
    const problem = problemOf(flag, path, video);
    if (problem !== undefined) problems.push(problem);
  }
  if (
    problems.length === 0 &&
    outputs.json !== undefined &&
    outputs.annotate !== undefined &&
    identity(outputs.json) === identity(outputs.annotate)
  ) {
    problems.push('--json and --annotate name the same file');
  }
  return problems;
}
