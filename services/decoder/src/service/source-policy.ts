// Where a requested video may come from. Sources are confined to the configured media roots:
// - a URL (anything with a scheme, `file:` included) is INVALID_ARGUMENT: this decoder reads local files only
//   (no PMR_ALLOWED_URL_SCHEMES yet, so no request can make it open a network address);
// - an empty, relative or NUL-holding path is INVALID_ARGUMENT;
// - a `..` segment, a path outside every root, or one whose real path (symlinks followed) leaves the roots is
//   PERMISSION_DENIED — decided before the file is looked at, so nothing outside the roots is probed;
// - a path inside the roots that does not exist is NOT_FOUND; a folder or device is INVALID_ARGUMENT.
// The checks that need no filesystem (checkSourcePath) are also the orchestrator's, in the StartVideoJob call itself
// (the @pmr/decoder/source-policy entry point loads no FFmpeg). Messages quote the source capped (quote()).
import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, normalize, relative, sep } from 'node:path';
import { invalidArgument, notFound, PmrError, quote } from '@pmr/common';
import type { ConfigVar } from '@pmr/common/service';

/**
 * A media-roots setting (PMR_MEDIA_ROOTS): colon-separated absolute folders, the only places videos are read from.
 * Required for a decoder: one with no roots could serve nothing, and a default such as `/` would open the whole
 * filesystem.
 */
export function mediaRoots(env: string, description: string): ConfigVar<readonly string[]> {
  return {
    env,
    description,
    fallback: undefined,
    secret: false,
    parse: (raw) => {
      const roots = raw.split(':').filter((r) => r !== '');
      if (roots.length === 0) return { problem: 'must list at least one folder' };
      const relative = roots.filter((r) => !isAbsolute(r));
      if (relative.length > 0) return { problem: `must hold absolute folders only, got ${relative.join(', ')}` };
      return { value: roots.map((r) => normalize(r)) };
    },
  };
}

/** A source the roots do not allow: a PmrError with code PERMISSION_DENIED. */
export class SourceDenied extends PmrError {
  constructor(message: string) {
    super('PERMISSION_DENIED', message);
    this.name = 'SourceDenied';
  }
}

/** A URL-like source: a scheme of two or more characters followed by ':' (one letter would be a Windows drive). */
const URL_SCHEME = /^[a-z][a-z0-9+.-]+:/i;

/** True when `path` is `root` or inside it (both absolute and normalised). Pure. */
export function isWithin(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

/**
 * The checks that need no filesystem: the normalised absolute path when `source` names a place inside one of
 * `roots`; without `roots`, every check but that one (the form: no URL, absolute, no NUL, no `..`). Pure.
 * `field` names the source in messages. @throws PmrError INVALID_ARGUMENT | SourceDenied
 */
export function checkSourcePath(source: string, roots: readonly string[] | undefined, field = 'source'): string {
  if (source === '') throw invalidArgument(`${field} is required: a path under one of the decoder media roots`);
  if (source.includes('\0')) throw invalidArgument(`${field} must not contain NUL characters`);
  if (URL_SCHEME.test(source)) {
    throw invalidArgument(
      `${field} ${quote(source)} is a URL; this decoder reads files under its media roots only (URL sources are not enabled)`,
    );
  }
  if (!isAbsolute(source))
    throw invalidArgument(`${field} ${quote(source)} must be an absolute path under one of the decoder media roots`);
  if (source.split(/[\\/]/).includes('..'))
    throw new SourceDenied(`${field} ${quote(source)} holds a ".." segment; give a direct path under the media roots`);
  const path = normalize(source);
  if (roots !== undefined && !roots.some((root) => isWithin(root, path)))
    throw new SourceDenied(`${field} ${quote(source)} is outside the decoder media roots`);
  return path;
}

/** The media roots with their symlinks resolved (once, at start-up); a missing root is an error. */
export async function realRoots(roots: readonly string[]): Promise<string[]> {
  return Promise.all(roots.map((root) => realpath(root)));
}

/**
 * The real path of the file `source` names, checked against the roots (given as realRoots() returns them, and
 * as configured for the lexical check). @throws PmrError INVALID_ARGUMENT | NOT_FOUND, SourceDenied
 */
export async function resolveSource(
  source: string,
  roots: readonly string[],
  real: readonly string[],
): Promise<string> {
  const path = checkSourcePath(source, roots);
  let resolved: string;
  try {
    resolved = await realpath(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw notFound(`source ${quote(source)}: no such file`);
    throw new SourceDenied(`source ${quote(source)} cannot be read (${code ?? 'error'})`);
  }
  if (!real.some((root) => isWithin(root, resolved))) {
    throw new SourceDenied(`source ${quote(source)} leads outside the decoder media roots (through a symbolic link)`);
  }
  const info = await stat(resolved);
  if (!info.isFile()) throw invalidArgument(`source ${quote(source)} is not a regular file`);
  return resolved;
}
