// JobStore on node:sqlite: one file (or ':memory:'), WAL journal, schema versioned by user_version, every
// statement prepared once, and each read-modify-write in an IMMEDIATE transaction so that several connections
// to the same file (e.g. an orchestrator and a CLI) never lose each other's updates.
import { randomUUID } from 'node:crypto';
import { SqliteDatabase } from '@pmr/common/sqlite';
import type { AnalysisResult, TrackJson } from '@pmr/results';
import type { JobStore } from './job-store.ts';
import { assertTransition, isFinalState, VersionConflictError } from './job-state.ts';
import {
  assertDigest,
  assertExpiryTime,
  assertIndex,
  assertPartKey,
  assertStateError,
  decodeJobCursor,
  decodeTrackCursor,
  encodeJobCursor,
  encodeTrackCursor,
  pageSizeOf,
  requestFingerprint,
  jobFilterOf,
  validateCreateJob,
  validateProgress,
} from './job-request.ts';
import { EMPTY_PROGRESS } from './job-types.ts';
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
import { prepareDatabase } from './sqlite-schema.ts';
import { jobNotFound, photoNotFound, progressFinal, storeClosed, tokenReused } from './store-errors.ts';
import { SQL } from './sqlite-statements.ts';
import type { Statements } from './sqlite-statements.ts';
import { jobFromRow, text } from './sqlite-rows.ts';

export interface SqliteJobStoreOptions {
  /** Clock in epoch milliseconds; default Date.now. */
  readonly now?: () => number;
  /** Job id generator; default randomUUID. */
  readonly newId?: () => string;
  /** How long a write waits for another connection's lock, in ms; default 5000. */
  readonly busyTimeoutMs?: number;
}

export class SqliteJobStore implements JobStore {
  readonly path: string;
  readonly #db: SqliteDatabase<keyof Statements>;
  readonly #st: Statements;
  readonly #now: () => number;
  readonly #newId: () => string;

  /** Opens (creating when absent) the store at `path`, a file path or ':memory:', and migrates its schema. */
  constructor(path: string, options: SqliteJobStoreOptions = {}) {
    this.path = path;
    this.#now = options.now ?? Date.now;
    this.#newId = options.newId ?? randomUUID;
    this.#db = new SqliteDatabase(path, {
      ...(options.busyTimeoutMs !== undefined && { busyTimeoutMs: options.busyTimeoutMs }),
      migrate: prepareDatabase,
      sql: SQL,
      closedError: storeClosed,
    });
    this.#st = this.#db.statements;
  }

  createJob(input: CreateJobInput): Promise<CreateJobOutput> {
    return this.#db.call(() => {
      validateCreateJob(input);
      const fingerprint = requestFingerprint(input);
      const token = input.idempotencyToken ?? null;
      return this.#db.transaction(() => {
        if (token !== null) {
          const row = this.#st.jobByToken.get({ token });
          if (row !== undefined) {
            if (text(row, 'fingerprint') !== fingerprint) {
              throw tokenReused(token, text(row, 'id'));
            }
            return { job: jobFromRow(row), created: false };
          }
        }
        const id = this.#newId();
        this.#st.insertJob.run({
          id,
          token,
          fingerprint,
          source: JSON.stringify(input.source),
          options: JSON.stringify(input.options),
          tags: JSON.stringify(input.tags),
          gallery: input.galleryDigest ?? null,
          progress: JSON.stringify(EMPTY_PROGRESS),
          now: this.#now(),
        });
        return { job: this.#job(id), created: true };
      });
    });
  }

  getJob(jobId: string): Promise<JobRecord | null> {
    return this.#db.call(() => {
      const row = this.#st.jobById.get({ id: jobId });
      return row === undefined ? null : jobFromRow(row);
    });
  }

  listJobs(input: ListJobsInput = {}): Promise<Page<JobRecord>> {
    return this.#db.call(() => {
      const limit = pageSizeOf(input);
      const filter = jobFilterOf(input);
      const after = decodeJobCursor(input.pageToken, filter);
      const rows = this.#st.listJobs.all({
        all: filter.states.length === 0 ? 1 : 0,
        states: JSON.stringify(filter.states),
        tags: JSON.stringify(filter.tags),
        afterTime: after?.createTime ?? null,
        afterId: after?.id ?? '',
        limit: limit + 1,
      });
      const items = rows.slice(0, limit).map(jobFromRow);
      const last = items.at(-1);
      const nextPageToken = rows.length > limit && last !== undefined ? encodeJobCursor(last, filter) : '';
      return { items, nextPageToken };
    });
  }

  updateState(jobId: string, input: UpdateStateInput): Promise<JobRecord> {
    return this.#db.call(() => {
      assertStateError(input.to, input.error);
      return this.#db.transaction(() => {
        const job = this.#job(jobId);
        if (job.version !== input.expectedVersion)
          throw new VersionConflictError(jobId, input.expectedVersion, job.version);
        assertTransition(jobId, job.state, input.to);
        const error =
          input.error === undefined ? null : JSON.stringify({ code: input.error.code, message: input.error.message });
        const { changes } = this.#st.updateState.run({
          id: jobId,
          state: input.to,
          error,
          version: input.expectedVersion,
          now: this.#now(),
        });
        if (changes !== 1) throw new VersionConflictError(jobId, input.expectedVersion, this.#job(jobId).version);
        return this.#job(jobId);
      });
    });
  }

  recordProgress(jobId: string, progress: Partial<JobProgress>): Promise<JobRecord> {
    return this.#db.call(() => {
      validateProgress(progress);
      return this.#db.transaction(() => {
        const job = this.#job(jobId);
        if (isFinalState(job.state)) throw progressFinal(jobId, job.state);
        const merged: JobProgress = { ...job.progress, ...definedOnly(progress) };
        this.#st.updateProgress.run({ id: jobId, progress: JSON.stringify(merged), now: this.#now() });
        return this.#job(jobId);
      });
    });
  }

  addWarning(jobId: string, warning: JobError): Promise<JobRecord> {
    return this.#db.call(() =>
      this.#db.transaction(() => {
        const job = this.#job(jobId);
        const warnings = [...job.warnings, { code: warning.code, message: warning.message }];
        this.#st.updateWarnings.run({ id: jobId, warnings: JSON.stringify(warnings), now: this.#now() });
        return this.#job(jobId);
      }),
    );
  }

  putPart(jobId: string, key: string, value: JsonValue): Promise<boolean> {
    return this.#db.call(() => {
      assertPartKey(key);
      return this.#db.transaction(() => {
        this.#job(jobId);
        return this.#st.putPart.run({ job: jobId, key, value: JSON.stringify(value) }).changes === 1;
      });
    });
  }

  getParts(jobId: string, prefix = ''): Promise<ReadonlyArray<{ readonly key: string; readonly value: JsonValue }>> {
    return this.#db.call(() => {
      this.#job(jobId);
      return this.#st.getParts
        .all({ job: jobId, prefix })
        .map((row) => ({ key: text(row, 'key'), value: JSON.parse(text(row, 'value')) as JsonValue }));
    });
  }

  putGallery(digest: string, photos: readonly StoredPhoto[]): Promise<void> {
    return this.#db.call(() => {
      assertDigest(digest);
      this.#db.transaction(() => {
        if (this.#st.putGallery.run({ digest, now: this.#now() }).changes !== 1) return; // kept already: the first write wins
        photos.forEach((p, idx) =>
          this.#st.putGalleryPhoto.run({ digest, idx, person: p.person, name: p.name, data: p.data }),
        );
      });
    });
  }

  getGalleryIndex(digest: string): Promise<ReadonlyArray<{ readonly person: string; readonly name: string }> | null> {
    return this.#db.call(() => {
      const rows = this.#st.galleryIndex.all({ digest });
      if (rows.length === 0) return null;
      return rows
        .filter((row) => typeof row['name'] === 'string')
        .map((row) => ({ person: text(row, 'person'), name: text(row, 'name') }));
    });
  }

  getGalleryPhoto(digest: string, index: number): Promise<Uint8Array> {
    return this.#db.call(() => {
      assertIndex('photo index', index);
      const data = this.#st.galleryPhoto.get({ digest, idx: index })?.['data'];
      if (!(data instanceof Uint8Array)) throw photoNotFound(digest, index);
      return data;
    });
  }

  deleteEndedBefore(before: number): Promise<number> {
    return this.#db.call(() => {
      assertExpiryTime(before);
      const deleted = this.#db.transaction(() => {
        const { changes } = this.#st.deleteEnded.run({ before });
        // A gallery stored for a job being created right now has no job row yet: only galleries older than the cut go.
        this.#st.deleteUnusedGalleries.run({ before });
        return Number(changes);
      });
      if (deleted > 0) {
        this.#db.exec('PRAGMA incremental_vacuum');
        if (this.path !== ':memory:') this.#db.exec('PRAGMA wal_checkpoint(TRUNCATE)');
      }
      return deleted;
    });
  }

  putTrack(jobId: string, track: TrackJson): Promise<void> {
    return this.#db.call(() => {
      assertIndex('track id', track.id);
      this.#db.transaction(() => {
        this.#job(jobId);
        this.#st.putTrack.run({ job: jobId, track: track.id, json: JSON.stringify(track) });
      });
    });
  }

  listTracks(
    jobId: string,
    input: { readonly pageSize?: number; readonly pageToken?: string } = {},
  ): Promise<Page<TrackJson>> {
    return this.#db.call(() => {
      const limit = pageSizeOf(input);
      const after = decodeTrackCursor(input.pageToken);
      this.#job(jobId);
      const rows = this.#st.listTracks.all({ job: jobId, after, limit: limit + 1 });
      const items = rows.slice(0, limit).map((row) => JSON.parse(text(row, 'track')) as TrackJson);
      const last = items.at(-1);
      return { items, nextPageToken: rows.length > limit && last !== undefined ? encodeTrackCursor(last.id) : '' };
    });
  }

  putResult(jobId: string, result: AnalysisResult): Promise<void> {
    return this.#db.call(() =>
      this.#db.transaction(() => {
        this.#job(jobId);
        this.#st.putResult.run({ job: jobId, result: JSON.stringify(result), now: this.#now() });
      }),
    );
  }

  getResult(jobId: string): Promise<AnalysisResult | null> {
    return this.#db.call(() => {
      this.#job(jobId);
      const row = this.#st.getResult.get({ job: jobId });
      return row === undefined ? null : (JSON.parse(text(row, 'result')) as AnalysisResult);
    });
  }

  jobsToResume(): Promise<readonly JobRecord[]> {
    return this.#db.call(() => this.#st.resume.all().map(jobFromRow));
  }

  close(): Promise<void> {
    this.#db.close();
    return Promise.resolve();
  }

  #job(jobId: string): JobRecord {
    const row = this.#st.jobById.get({ id: jobId });
    if (row === undefined) throw jobNotFound(jobId);
    return jobFromRow(row);
  }
}

function definedOnly(progress: Partial<JobProgress>): Partial<JobProgress> {
  return Object.fromEntries(Object.entries(progress).filter(([, v]) => v !== undefined));
}
