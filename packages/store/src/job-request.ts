// Pure checks and encodings shared by every JobStore adapter: input validation, the request fingerprint an
// idempotency token stands for, page sizes and the opaque list cursor.
import { createHash } from 'node:crypto';
import { invalidArgument, validateTags } from '@pmr/common';

export { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, MAX_TAG_BYTES, MAX_TAGS, pageSizeOf } from '@pmr/common';
import { JOB_STATES } from './job-types.ts';
import type { CreateJobInput, JobProgress, JobRecord, JobState, ListJobsInput } from './job-types.ts';

export const MAX_TOKEN_LENGTH = 64;

/** Throws INVALID_ARGUMENT for input pmr.v1.StartVideoJobRequest would refuse. */
export function validateCreateJob(input: CreateJobInput): void {
  const token = input.idempotencyToken;
  if (token !== undefined && (token.length < 1 || token.length > MAX_TOKEN_LENGTH)) {
    throw invalidArgument(`idempotency token must have 1 to ${MAX_TOKEN_LENGTH} characters, got ${token.length}`);
  }
  validateTags(input.tags);
  const { fps, maxFrames } = input.options;
  if (fps !== undefined && !(Number.isFinite(fps) && fps > 0))
    throw invalidArgument(`options.fps must be a positive number, got ${fps}`);
  if (maxFrames !== undefined && !(Number.isInteger(maxFrames) && maxFrames > 0)) {
    throw invalidArgument(`options.maxFrames must be a positive integer, got ${maxFrames}`);
  }
  const source = input.source;
  if (source.kind === 'uri' ? source.uri.length === 0 : source.bucket.length === 0 || source.name.length === 0) {
    throw invalidArgument('the job needs a video source: a uri, or an uploaded object (bucket and name)');
  }
}

/** JSON with object keys sorted at every level and undefined fields dropped, so equal requests give equal text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** sha256 (hex) of what an idempotency token stands for: source, options, tags and gallery digest. */
export function requestFingerprint(input: CreateJobInput): string {
  const request = {
    source: input.source,
    options: input.options,
    tags: input.tags,
    gallery: input.galleryDigest ?? null,
  };
  return createHash('sha256').update(canonicalJson(request)).digest('hex');
}

/** Which jobs a listing takes: states sorted and de-duplicated (empty: every state), and tags every job must carry. */
export interface JobFilter {
  readonly states: readonly JobState[];
  readonly tags: Readonly<Record<string, string>>;
}

/** The listing's filter, checked. @throws PmrError INVALID_ARGUMENT for an unknown state or a bad tag */
export function jobFilterOf(input: ListJobsInput): JobFilter {
  const states = input.states ?? [];
  for (const s of states) if (!JOB_STATES.includes(s)) throw invalidArgument(`unknown job state ${String(s)}`);
  const tags = input.tags ?? {};
  validateTags(tags);
  return { states: JOB_STATES.filter((s) => states.includes(s)), tags };
}

/** Whether the job carries every tag of the filter with its value. */
export function hasTags(job: Pick<JobRecord, 'tags'>, tags: Readonly<Record<string, string>>): boolean {
  return Object.entries(tags).every(([key, value]) => Object.hasOwn(job.tags, key) && job.tags[key] === value);
}

function filterKey(filter: JobFilter): string {
  return `${filter.states.join(',')}|${canonicalJson(filter.tags)}`;
}

export interface JobCursor {
  readonly createTime: number;
  readonly id: string;
}

export function encodeJobCursor(cursor: JobCursor, filter: JobFilter): string {
  return Buffer.from(JSON.stringify({ t: cursor.createTime, i: cursor.id, s: filterKey(filter) })).toString(
    'base64url',
  );
}

/** Null for an empty token; INVALID_ARGUMENT for a token that is malformed or was made for another filter. */
export function decodeJobCursor(token: string | undefined, filter: JobFilter): JobCursor | null {
  if (token === undefined || token === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch (cause) {
    throw invalidArgument('page token is malformed: pass the nextPageToken of the previous page unchanged', cause);
  }
  if (typeof parsed !== 'object' || parsed === null)
    throw invalidArgument('page token is malformed: pass the nextPageToken of the previous page unchanged');
  const { t, i, s } = parsed as { t?: unknown; i?: unknown; s?: unknown };
  if (typeof t !== 'number' || !Number.isFinite(t) || typeof i !== 'string' || typeof s !== 'string') {
    throw invalidArgument('page token is malformed: pass the nextPageToken of the previous page unchanged');
  }
  if (s !== filterKey(filter))
    throw invalidArgument('page token was made for another filter: list with the same states and tags');
  return { createTime: t, id: i };
}

/** The page token after the track with id `lastId` (tracks are listed by ascending id). */
export function encodeTrackCursor(lastId: number): string {
  return Buffer.from(JSON.stringify({ tr: lastId })).toString('base64url');
}

/** The id after which the page starts; -1 for the first page. INVALID_ARGUMENT for a malformed token. */
export function decodeTrackCursor(token: string | undefined): number {
  if (token === undefined || token === '') return -1;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8'));
  } catch (cause) {
    throw invalidArgument(
      'track page token is malformed: pass the nextPageToken of the previous page unchanged',
      cause,
    );
  }
  const tr = typeof parsed === 'object' && parsed !== null ? (parsed as { tr?: unknown }).tr : undefined;
  if (typeof tr !== 'number' || !Number.isInteger(tr)) {
    throw invalidArgument('track page token is malformed: pass the nextPageToken of the previous page unchanged');
  }
  return tr;
}

/** INVALID_ARGUMENT unless `value` is a non-negative integer (a frame index or track id). */
export function assertIndex(what: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw invalidArgument(`${what} must be a non-negative integer, got ${value}`);
}

/** INVALID_ARGUMENT unless every given counter is a non-negative integer and fraction is in [0, 1]. */
export function validateProgress(progress: Partial<JobProgress>): void {
  for (const key of ['framesDecoded', 'framesAnalysed', 'framesTotal', 'tracksFinished'] as const) {
    const v = progress[key];
    if (v !== undefined) assertIndex(`progress.${key}`, v);
  }
  const f = progress.fraction;
  if (f !== undefined && !(f >= 0 && f <= 1)) throw invalidArgument(`progress.fraction must be in [0, 1], got ${f}`);
}

export const MAX_PART_KEY_LENGTH = 200;

/** Throws INVALID_ARGUMENT for a job-part key that is empty or too long. */
export function assertPartKey(key: string): void {
  if (key.length === 0 || key.length > MAX_PART_KEY_LENGTH) {
    throw invalidArgument(`part key must have 1 to ${MAX_PART_KEY_LENGTH} characters, got ${key.length}`);
  }
}

/** INVALID_ARGUMENT unless `digest` (a gallery's) is 1 to 128 characters. */
export function assertDigest(digest: string): void {
  if (digest.length === 0 || digest.length > 128)
    throw invalidArgument(`gallery digest must have 1 to 128 characters, got ${digest.length}`);
}

/** INVALID_ARGUMENT unless `before` (an expiry cut, epoch ms) is finite. */
export function assertExpiryTime(before: number): void {
  if (!Number.isFinite(before)) throw invalidArgument(`expiry time must be a finite epoch-ms time, got ${before}`);
}

/** INVALID_ARGUMENT when `to` and `error` disagree: FAILED needs an error, every other state refuses one. */
export function assertStateError(to: JobState, error: unknown): void {
  if ((to === 'FAILED') !== (error !== undefined)) {
    throw invalidArgument(
      to === 'FAILED' ? 'a job moved to FAILED needs an error' : `an error is only kept for FAILED, not ${to}`,
    );
  }
}
