// JobStore on MongoDB (the official driver), and on servers that speak its wire protocol such as FerretDB 1.x. It
// behaves exactly like SqliteJobStore, the reference: the same validation (job-request.ts, job-state.ts) and the same
// errors (store-errors.ts). Without multi-document transactions, every write that must not be lost or doubled is a
// single-document conditional write: an insert whose uniqueness comes from an _id, or a findOneAndUpdate on the
// version or state it expects. docs/store-mongodb.md maps each method.
import { randomUUID } from 'node:crypto';
import type { Db, MongoClient } from 'mongodb';
import { connectMongo, isDuplicateKey, retryDuplicate, storeError, withLock } from '@pmr/mongo';
import type { MongoConnectOptions } from '@pmr/mongo';
import type { AnalysisResult, TrackJson } from '@pmr/results';
import type { JobStore } from './job-store.ts';
import { assertTransition, isFinalState, VersionConflictError } from './job-state.ts';
import {
  assertExpiryTime,
  assertIndex,
  assertPartKey,
  assertStateError,
  decodeJobCursor,
  decodeTrackCursor,
  encodeJobCursor,
  encodeTrackCursor,
  pageSizeOf,
  hasTags,
  jobFilterOf,
  validateProgress,
} from './job-request.ts';
import type {
  CreateJobInput,
  CreateJobOutput,
  JobError,
  JobProgress,
  JobRecord,
  JsonValue,
  ListJobsInput,
  Page,
  StoredPhoto,
  UpdateStateInput,
} from './job-types.ts';
import { createJob } from './mongo-create-job.ts';
import { jobFromDocument, partKey, trackKey } from './mongo-documents.ts';
import type { JobDocument } from './mongo-documents.ts';
import { deleteEndedJobs, deleteUnusedGalleries } from './mongo-expiry.ts';
import { getGalleryIndex, getGalleryPhoto, putGallery } from './mongo-galleries.ts';
import { collectionsOf, prepareMongoDatabase } from './mongo-schema.ts';
import type { MongoCollections } from './mongo-schema.ts';
import { jobNotFound, progressFinal, storeClosed } from './store-errors.ts';

export interface MongoJobStoreOptions extends MongoConnectOptions {
  /** Clock in epoch milliseconds; default Date.now. */
  readonly now?: () => number;
  /** Job id generator; default randomUUID. */
  readonly newId?: () => string;
}

const LIVE_STATES = ['QUEUED', 'RUNNING'] as const;
type WritableFields = Partial<Pick<JobDocument, 'state' | 'error' | 'progress' | 'warnings'>>;
const PROGRESS_FIELDS = ['framesDecoded', 'framesAnalysed', 'framesTotal', 'fraction', 'tracksFinished'] as const;

export class MongoJobStore implements JobStore {
  /** The connection string without its password, and the database: what messages name. */
  readonly name: string;
  readonly #client: MongoClient;
  readonly #c: MongoCollections;
  readonly #now: () => number;
  readonly #newId: () => string;
  #closed = false;

  private constructor(client: MongoClient, db: Db, name: string, options: MongoJobStoreOptions) {
    this.#client = client;
    this.#c = collectionsOf(db);
    this.name = name;
    this.#now = options.now ?? Date.now;
    this.#newId = options.newId ?? randomUUID;
  }

  /**
   * Connects to `url` (mongodb:// or mongodb+srv://) and creates or migrates the store's collections and indexes.
   * Writes use write concern majority and reads go to the primary, so a restarted orchestrator reads its own writes.
   * INVALID_ARGUMENT for a malformed URL, UNAVAILABLE when no server answers, FAILED_PRECONDITION for a database
   * written by a newer build.
   */
  static async open(url: string, options: MongoJobStoreOptions = {}): Promise<MongoJobStore> {
    const { client, db, name } = await connectMongo(url, 'job store', options, prepareMongoDatabase);
    return new MongoJobStore(client, db, name, options);
  }

  createJob(input: CreateJobInput): Promise<CreateJobOutput> {
    return this.#call(() => createJob(this.#c, input, this.#newId, this.#now));
  }

  getJob(jobId: string): Promise<JobRecord | null> {
    return this.#call(async () => {
      const doc = await this.#c.jobs.findOne({ _id: jobId });
      return doc === null ? null : jobFromDocument(doc);
    });
  }

  listJobs(input: ListJobsInput = {}): Promise<Page<JobRecord>> {
    return this.#call(async () => {
      const limit = pageSizeOf(input);
      const filter = jobFilterOf(input);
      const { states, tags } = filter;
      // Tags are kept as JSON text (their keys are the caller's), so they are matched here, batch by batch.
      const found: JobRecord[] = [];
      let after = decodeJobCursor(input.pageToken, filter);
      for (;;) {
        const batch = (limit + 1) * (Object.keys(tags).length > 0 ? 4 : 1);
        const docs = await this.#c.jobs
          .find({
            ...(states.length > 0 && { state: { $in: [...states] } }),
            ...(after !== null && {
              $or: [
                { createTime: { $gt: after.createTime } },
                { createTime: after.createTime, _id: { $gt: after.id } },
              ],
            }),
          })
          .sort({ createTime: 1, _id: 1 })
          .limit(batch)
          .toArray();
        const jobs = docs.map(jobFromDocument);
        found.push(...jobs.filter((job) => hasTags(job, tags)));
        const last = jobs.at(-1);
        if (found.length > limit || jobs.length < batch || last === undefined) break;
        after = last;
      }
      const items = found.slice(0, limit);
      const last = items.at(-1);
      return { items, nextPageToken: found.length > limit && last !== undefined ? encodeJobCursor(last, filter) : '' };
    });
  }

  updateState(jobId: string, input: UpdateStateInput): Promise<JobRecord> {
    return this.#call(async () => {
      assertStateError(input.to, input.error);
      return withLock(this.#c.locks, jobId, `job ${jobId}`, async () => {
        const job = await this.#job(jobId);
        if (job.version !== input.expectedVersion)
          throw new VersionConflictError(jobId, input.expectedVersion, job.version);
        assertTransition(jobId, job.state, input.to);
        const error = input.error === undefined ? null : { code: input.error.code, message: input.error.message };
        return this.#write(job, { state: input.to, error });
      });
    });
  }

  recordProgress(jobId: string, progress: Partial<JobProgress>): Promise<JobRecord> {
    return this.#call(async () => {
      validateProgress(progress);
      return withLock(this.#c.locks, jobId, `job ${jobId}`, async () => {
        const job = await this.#job(jobId);
        if (isFinalState(job.state)) throw progressFinal(jobId, job.state);
        const merged = { ...job.progress };
        for (const field of PROGRESS_FIELDS) merged[field] = progress[field] ?? merged[field];
        return this.#write(job, { progress: merged });
      });
    });
  }

  addWarning(jobId: string, warning: JobError): Promise<JobRecord> {
    return this.#call(() =>
      withLock(this.#c.locks, jobId, `job ${jobId}`, async () => {
        const job = await this.#job(jobId);
        return this.#write(job, { warnings: [...job.warnings, { code: warning.code, message: warning.message }] });
      }),
    );
  }

  putPart(jobId: string, key: string, value: JsonValue): Promise<boolean> {
    return this.#call(async () => {
      assertPartKey(key);
      await this.#assertJob(jobId);
      try {
        const written = await this.#c.parts.updateOne(
          { _id: partKey(jobId, key) },
          { $setOnInsert: { value: JSON.stringify(value) } },
          { upsert: true },
        );
        return written.upsertedCount === 1;
      } catch (err) {
        if (isDuplicateKey(err)) return false; // a concurrent upsert of the same key inserted first
        throw err;
      }
    });
  }

  getParts(jobId: string, prefix = ''): Promise<ReadonlyArray<{ readonly key: string; readonly value: JsonValue }>> {
    return this.#call(async () => {
      await this.#assertJob(jobId);
      const docs = await this.#c.parts
        .find({ '_id.jobId': jobId, ...(prefix !== '' && { '_id.key': { $regex: `^${escapeRegExp(prefix)}` } }) })
        .sort({ '_id.jobId': 1, '_id.key': 1 })
        .toArray();
      return docs.map((d) => ({ key: d._id.key, value: JSON.parse(d.value) as JsonValue }));
    });
  }

  putGallery(digest: string, photos: readonly StoredPhoto[]): Promise<void> {
    return this.#call(() => putGallery(this.#c, digest, photos, this.#now()));
  }

  getGalleryIndex(digest: string): Promise<ReadonlyArray<{ readonly person: string; readonly name: string }> | null> {
    return this.#call(() => getGalleryIndex(this.#c, digest));
  }

  getGalleryPhoto(digest: string, index: number): Promise<Uint8Array> {
    return this.#call(() => getGalleryPhoto(this.#c, digest, index));
  }

  /** Also deletes the galleries no remaining job names. MongoDB reuses the freed space itself: nothing to vacuum. */
  deleteEndedBefore(before: number): Promise<number> {
    return this.#call(async () => {
      assertExpiryTime(before);
      const deleted = await deleteEndedJobs(this.#c, before);
      await deleteUnusedGalleries(this.#c, before);
      return deleted;
    });
  }

  putTrack(jobId: string, track: TrackJson): Promise<void> {
    return this.#call(async () => {
      assertIndex('track id', track.id);
      await this.#assertJob(jobId);
      await retryDuplicate(() =>
        this.#c.tracks.replaceOne(
          { _id: trackKey(jobId, track.id) },
          { track: JSON.stringify(track) },
          { upsert: true },
        ),
      );
    });
  }

  listTracks(
    jobId: string,
    input: { readonly pageSize?: number; readonly pageToken?: string } = {},
  ): Promise<Page<TrackJson>> {
    return this.#call(async () => {
      const limit = pageSizeOf(input);
      const after = decodeTrackCursor(input.pageToken);
      await this.#assertJob(jobId);
      const docs = await this.#c.tracks
        .find({ '_id.jobId': jobId, '_id.trackId': { $gt: after } })
        .sort({ '_id.jobId': 1, '_id.trackId': 1 })
        .limit(limit + 1)
        .toArray();
      const items = docs.slice(0, limit).map((d) => JSON.parse(d.track) as TrackJson);
      const last = items.at(-1);
      return { items, nextPageToken: docs.length > limit && last !== undefined ? encodeTrackCursor(last.id) : '' };
    });
  }

  putResult(jobId: string, result: AnalysisResult): Promise<void> {
    return this.#call(async () => {
      await this.#assertJob(jobId);
      const doc = { result: JSON.stringify(result), updateTime: this.#now() };
      await retryDuplicate(() => this.#c.results.replaceOne({ _id: jobId }, doc, { upsert: true }));
    });
  }

  getResult(jobId: string): Promise<AnalysisResult | null> {
    return this.#call(async () => {
      await this.#assertJob(jobId);
      const doc = await this.#c.results.findOne({ _id: jobId });
      return doc === null ? null : (JSON.parse(doc.result) as AnalysisResult);
    });
  }

  jobsToResume(): Promise<readonly JobRecord[]> {
    return this.#call(async () => {
      const docs = await this.#c.jobs
        .find({ state: { $in: [...LIVE_STATES] } })
        .sort({ createTime: 1, _id: 1 })
        .toArray();
      return docs.map(jobFromDocument);
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#client.close();
  }

  /** Runs `body` unless the store is closed, with the driver's errors as PmrErrors. */
  async #call<T>(body: () => Promise<T>): Promise<T> {
    if (this.#closed) throw storeClosed(this.name);
    try {
      return await body();
    } catch (err) {
      throw this.#closed ? storeClosed(this.name) : storeError(err, `job store ${this.name}`);
    }
  }

  /**
   * Writes `changes` to `job` as read under its lock, at the next version and the current time, on the condition that
   * the job is still at the version read; answers the new record.
   */
  async #write(job: JobRecord, changes: WritableFields): Promise<JobRecord> {
    const next = { ...changes, version: job.version + 1, updateTime: this.#now() };
    const written = await this.#c.jobs.updateOne({ _id: job.id, version: job.version }, { $set: next });
    if (written.matchedCount !== 1) {
      // Moved on or deleted behind the lock (a writer that outlived its lease, or expiry).
      throw new VersionConflictError(job.id, job.version, (await this.#job(job.id)).version);
    }
    return { ...job, ...next };
  }

  async #job(jobId: string): Promise<JobRecord> {
    const doc = await this.#c.jobs.findOne({ _id: jobId });
    if (doc === null) throw jobNotFound(jobId);
    return jobFromDocument(doc);
  }

  async #assertJob(jobId: string): Promise<void> {
    if ((await this.#c.jobs.findOne({ _id: jobId }, { projection: { _id: 1 } })) === null) throw jobNotFound(jobId);
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
