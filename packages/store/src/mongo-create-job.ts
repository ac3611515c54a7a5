// createJob on MongoDB without transactions. An idempotency token is made unique by being the _id of its own
// `job_tokens` document ({ _id: token, jobId, fingerprint }; FerretDB 1.x has no partial index that could make a
// `jobs.token` field unique instead). A create with a token inserts the token, then the job. A create that finds the
// token kept compares fingerprints (another request: ALREADY_EXISTS); when the token's job is not written yet (its
// creator is between its two writes, or failed after the first), it inserts the job itself under the token's job id,
// and whichever insert of that id lands first made the job. Never a read and then an upsert without a unique key
// behind it: two concurrent creates would both succeed.
import { isDuplicateKey } from '@pmr/mongo';
import { requestFingerprint, validateCreateJob } from './job-request.ts';
import type { CreateJobInput, CreateJobOutput } from './job-types.ts';
import { jobFromDocument, newJobDocument } from './mongo-documents.ts';
import type { TokenDocument } from './mongo-documents.ts';
import type { MongoCollections } from './mongo-schema.ts';
import { jobNotFound, tokenReused } from './store-errors.ts';

/** How often a create looks again when its token is deleted (by expiry) between its read and its insert. */
const TOKEN_ATTEMPTS = 3;

export async function createJob(
  c: MongoCollections,
  input: CreateJobInput,
  newId: () => string,
  now: () => number,
): Promise<CreateJobOutput> {
  validateCreateJob(input);
  const fingerprint = requestFingerprint(input);
  const token = input.idempotencyToken;
  if (token === undefined) return insertJob(c, newId(), input, fingerprint, now());
  for (let attempt = 1; ; attempt++) {
    const kept = await c.tokens.findOne({ _id: token });
    if (kept !== null) return jobOfToken(c, kept, input, fingerprint, now);
    const jobId = newId();
    try {
      await c.tokens.insertOne({ _id: token, jobId, fingerprint });
    } catch (err) {
      if (isDuplicateKey(err) && attempt < TOKEN_ATTEMPTS) continue; // a concurrent create inserted it first
      throw err;
    }
    return insertJob(c, jobId, input, fingerprint, now());
  }
}

async function jobOfToken(
  c: MongoCollections,
  kept: TokenDocument,
  input: CreateJobInput,
  fingerprint: string,
  now: () => number,
): Promise<CreateJobOutput> {
  if (kept.fingerprint !== fingerprint) throw tokenReused(kept._id, kept.jobId);
  const doc = await c.jobs.findOne({ _id: kept.jobId });
  if (doc !== null) return { job: jobFromDocument(doc), created: false };
  return insertJob(c, kept.jobId, input, fingerprint, now());
}

/** Inserts a new job; when one with this id exists already (see jobOfToken), answers that one, not created. */
async function insertJob(
  c: MongoCollections,
  jobId: string,
  input: CreateJobInput,
  fingerprint: string,
  now: number,
): Promise<CreateJobOutput> {
  const doc = newJobDocument(jobId, input, fingerprint, now);
  try {
    await c.jobs.insertOne(doc);
    return { job: jobFromDocument(doc), created: true };
  } catch (err) {
    if (!isDuplicateKey(err)) throw err;
    const kept = await c.jobs.findOne({ _id: jobId });
    if (kept === null) throw jobNotFound(jobId);
    return { job: jobFromDocument(kept), created: false };
  }
}
