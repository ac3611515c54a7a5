// The MongoDB job store's documents and their mapping to and from store records. What the store keeps but never
// queries (a job's source, options and tags, a track, a part's value, a result) is kept as its JSON text, as the SQLite
// adapter keeps it: no document then holds an array directly inside an array (FerretDB 1.x refuses those), no key
// taken from a caller (a tag) can contain '.' or start with '$', and every value comes back exactly as it went in.
// Compound _id keys are always built here, so their fields are always in the same order.
import { Binary } from 'mongodb';
import { storedValues } from '@pmr/common';
import { EMPTY_PROGRESS, JOB_STATES } from './job-types.ts';
import type {
  CreateJobInput,
  JobError,
  JobOptions,
  JobProgress,
  JobRecord,
  JobSource,
  JobState,
  StoredPhoto,
} from './job-types.ts';

export interface JobDocument {
  readonly _id: string;
  readonly state: JobState;
  readonly version: number;
  /** Absent, not null, when the job was created without an idempotency token. */
  readonly token?: string;
  readonly fingerprint: string;
  /** JSON text of the JobSource. */
  readonly source: string;
  /** JSON text of the JobOptions. */
  readonly options: string;
  /** JSON text of the tags. */
  readonly tags: string;
  readonly galleryDigest: string | null;
  readonly progress: JobProgress;
  readonly error: JobError | null;
  readonly warnings: readonly JobError[];
  readonly createTime: number;
  readonly updateTime: number;
}

/** One idempotency token: unique because it is the _id. */
export interface TokenDocument {
  readonly _id: string;
  readonly jobId: string;
  readonly fingerprint: string;
}

export interface TrackKey {
  readonly jobId: string;
  readonly trackId: number;
}

export interface TrackDocument {
  readonly _id: TrackKey;
  /** JSON text of the TrackJson. */
  readonly track: string;
}

export interface PartKey {
  readonly jobId: string;
  readonly key: string;
}

export interface PartDocument {
  readonly _id: PartKey;
  /** JSON text of the part's value. */
  readonly value: string;
}

export interface ResultDocument {
  readonly _id: string;
  /** JSON text of the AnalysisResult. */
  readonly result: string;
  readonly updateTime: number;
}

export interface GalleryDocument {
  readonly _id: string;
  readonly createTime: number;
}

export interface PhotoKey {
  readonly digest: string;
  readonly index: number;
}

export interface PhotoDocument {
  readonly _id: PhotoKey;
  readonly person: string;
  readonly name: string;
  /** BSON binary (subtype 0), never a string or an array of numbers. */
  readonly data: Binary;
}

export const trackKey = (jobId: string, trackId: number): TrackKey => ({ jobId, trackId });
export const partKey = (jobId: string, key: string): PartKey => ({ jobId, key });
export const photoKey = (digest: string, index: number): PhotoKey => ({ digest, index });

export function photoDocument(digest: string, index: number, photo: StoredPhoto): PhotoDocument {
  return { _id: photoKey(digest, index), person: photo.person, name: photo.name, data: new Binary(photo.data) };
}

const { corrupt, text, num } = storedValues('job store document', 'field');

function jobError(value: unknown, field: string): JobError {
  if (typeof value !== 'object' || value === null) throw corrupt(field);
  const { code, message } = value as Record<string, unknown>;
  return { code: text(code, field), message: text(message, field) };
}

function progressOf(value: unknown): JobProgress {
  if (typeof value !== 'object' || value === null) throw corrupt('progress');
  const p = value as Record<string, unknown>;
  return {
    framesDecoded: num(p['framesDecoded'], 'progress.framesDecoded'),
    framesAnalysed: num(p['framesAnalysed'], 'progress.framesAnalysed'),
    framesTotal: num(p['framesTotal'], 'progress.framesTotal'),
    fraction: num(p['fraction'], 'progress.fraction'),
    tracksFinished: num(p['tracksFinished'], 'progress.tracksFinished'),
  };
}

/** A job document as read from the server (checked field by field) as a JobRecord. */
export function jobFromDocument(document: object): JobRecord {
  const doc = document as Readonly<Record<string, unknown>>;
  const state = JOB_STATES.find((s) => s === doc['state']);
  if (state === undefined) throw corrupt('state');
  const warnings = doc['warnings'];
  if (!Array.isArray(warnings)) throw corrupt('warnings');
  const token = doc['token'];
  const gallery = doc['galleryDigest'];
  const error = doc['error'];
  return {
    id: text(doc['_id'], '_id'),
    state,
    version: num(doc['version'], 'version'),
    idempotencyToken: token === undefined ? null : text(token, 'token'),
    source: JSON.parse(text(doc['source'], 'source')) as JobSource,
    options: JSON.parse(text(doc['options'], 'options')) as JobOptions,
    tags: JSON.parse(text(doc['tags'], 'tags')) as Record<string, string>,
    galleryDigest: gallery === null || gallery === undefined ? null : text(gallery, 'galleryDigest'),
    progress: progressOf(doc['progress']),
    error: error === null || error === undefined ? null : jobError(error, 'error'),
    warnings: warnings.map((w: unknown) => jobError(w, 'warnings')),
    createTime: num(doc['createTime'], 'createTime'),
    updateTime: num(doc['updateTime'], 'updateTime'),
  };
}

/** The bytes of a photo document's data. */
export function photoBytes(document: object): Uint8Array {
  const data = (document as Readonly<Record<string, unknown>>)['data'];
  if (!(data instanceof Binary)) throw corrupt('data');
  return data.value();
}

/** A new QUEUED job at version 1. */
export function newJobDocument(id: string, input: CreateJobInput, fingerprint: string, now: number): JobDocument {
  return {
    _id: id,
    state: 'QUEUED',
    version: 1,
    ...(input.idempotencyToken !== undefined && { token: input.idempotencyToken }),
    fingerprint,
    source: JSON.stringify(input.source),
    options: JSON.stringify(input.options),
    tags: JSON.stringify(input.tags),
    galleryDigest: input.galleryDigest ?? null,
    progress: { ...EMPTY_PROGRESS },
    error: null,
    warnings: [],
    createTime: now,
    updateTime: now,
  };
}
