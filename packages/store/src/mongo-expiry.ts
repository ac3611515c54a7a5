// Expiry for the MongoDB job store: the ended jobs older than a cut with everything they hold, then the galleries no
// remaining job names. MongoDB has no multi-document transaction that FerretDB 1.x also has, so each step is its own
// write, ordered so that a step cut short leaves nothing wrong behind and the next expiry pass finishes the work:
// a job's token goes first (a retried create with that token then makes a new job rather than meeting a half-deleted
// one), then its tracks, parts and result, and the job last (so no orphan outlives its job); a gallery's document
// goes before its photos. Work goes in batches, so memory stays bounded however many jobs expire at once.
import type { MongoCollections } from './mongo-schema.ts';

export const ENDED_STATES = ['SUCCEEDED', 'FAILED', 'CANCELLED'] as const;
const BATCH = 500;

/**
 * Deletes the jobs that ended before `before` (by updateTime) and what they hold, `batch` jobs at a time; answers how
 * many jobs went.
 */
export async function deleteEndedJobs(c: MongoCollections, before: number, batch = BATCH): Promise<number> {
  let deleted = 0;
  for (;;) {
    const jobs = await c.jobs
      .find({ state: { $in: [...ENDED_STATES] }, updateTime: { $lt: before } }, { projection: { _id: 1, token: 1 } })
      .limit(batch)
      .toArray();
    if (jobs.length === 0) return deleted;
    const ids = jobs.map((j) => j._id);
    const tokens = jobs.flatMap((j) => (j.token === undefined ? [] : [j.token]));
    if (tokens.length > 0) await c.tokens.deleteMany({ _id: { $in: tokens }, jobId: { $in: ids } });
    await c.tracks.deleteMany({ '_id.jobId': { $in: ids } });
    await c.parts.deleteMany({ '_id.jobId': { $in: ids } });
    await c.results.deleteMany({ _id: { $in: ids } });
    deleted += (await c.jobs.deleteMany({ _id: { $in: ids }, state: { $in: [...ENDED_STATES] } })).deletedCount;
    await c.locks.deleteMany({ _id: { $in: ids } }); // left by writers that died holding them
    if (jobs.length < batch) return deleted;
  }
}

/**
 * Deletes the galleries stored before `before` that no job names, with their photos. A gallery stored for a job being
 * created right now has no job yet: only galleries older than the cut go.
 */
export async function deleteUnusedGalleries(c: MongoCollections, before: number): Promise<void> {
  let after = '';
  for (;;) {
    const batch = await c.galleries
      .find({ createTime: { $lt: before }, _id: { $gt: after } }, { projection: { _id: 1 } })
      .sort({ _id: 1 })
      .limit(BATCH)
      .toArray();
    const digests = batch.map((g) => g._id);
    if (digests.length === 0) return;
    const used = new Set(await c.jobs.distinct('galleryDigest', { galleryDigest: { $in: digests } }));
    const unused = digests.filter((d) => !used.has(d));
    if (unused.length > 0) {
      await c.galleries.deleteMany({ _id: { $in: unused }, createTime: { $lt: before } });
      await c.photos.deleteMany({ '_id.digest': { $in: unused } });
    }
    if (digests.length < BATCH) return;
    after = digests.at(-1) ?? after;
  }
}
