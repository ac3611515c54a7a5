// The JobStore contract, written once and run against every adapter (SQLite file, ':memory:', MongoDB).
// Run it from a test file: runJobStoreContract('SqliteJobStore (file)', makeStore, { reopens: true, … }). The cases
// about data outliving a connection are defined only for stores that say they have it. Pass `skip` with the answer
// of requireParts (@pmr/common/testing/require-parts) to report every contract test as skipped with that reason when
// the server the store needs is missing (a failure under PMR_REQUIRE_ALL=1).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { canTransition, VersionConflictError } from '../job-state.ts';
import { JOB_STATES } from '../job-types.ts';
import type { JobRecord, JobState } from '../job-types.ts';
import { jobIn, rejectsWith, request, TestClock } from './contract-fixtures.ts';
import type { ContractTest, MakeStore } from './contract-fixtures.ts';
import { resultContract } from './job-store-contract-results.ts';

export type { ContractTest, MakeStore, StoreHarness } from './contract-fixtures.ts';

export interface ContractOptions {
  /** Report every contract test as skipped with this reason (from requireParts). */
  readonly skip?: string;
  /** The data outlives close() (a file, a server): the harness gives `reopen`, and the close-and-reopen case runs. */
  readonly reopens?: boolean;
  /** Several connections can share the data: the harness gives `openSecond`, and the two-connection case runs. */
  readonly sharedConnections?: boolean;
}

export function runJobStoreContract(name: string, makeStore: MakeStore, options: ContractOptions = {}): void {
  const it: ContractTest = (title, body) => {
    test(title, async (t) => {
      if (options.skip !== undefined) {
        t.skip(options.skip);
        return;
      }
      const clock = new TestClock();
      const h = await makeStore({ now: clock.now });
      try {
        await body(h, clock, t);
      } finally {
        await h.cleanup();
      }
    });
  };
  describe(`JobStore contract: ${name}`, () => {
    jobContract(it);
    resultContract(it, options);
  });
}

function jobContract(it: ContractTest): void {
  it('createJob persists a QUEUED job at version 1 with its request', async ({ store }, clock) => {
    const { job, created } = await store.createJob(request({ galleryDigest: 'abc' }));
    assert.equal(created, true);
    assert.deepEqual(job, {
      id: job.id,
      state: 'QUEUED',
      version: 1,
      idempotencyToken: null,
      source: { kind: 'uri', uri: '/videos/clip.mp4' },
      options: { fps: 5, skipMethod: 'histogram' },
      tags: { team: 'a', run: '1' },
      galleryDigest: 'abc',
      progress: { framesDecoded: 0, framesAnalysed: 0, framesTotal: 0, fraction: 0, tracksFinished: 0 },
      error: null,
      warnings: [],
      createTime: clock.t,
      updateTime: clock.t,
    });
    assert.deepEqual(await store.getJob(job.id), job);
    assert.equal(await store.getJob('no-such-job'), null);
  });

  it('an idempotency token returns the same job for the same request, ALREADY_EXISTS for another', async ({
    store,
  }) => {
    const first = await store.createJob(request({ idempotencyToken: 'tok-1', galleryDigest: 'g1' }));
    const running = await store.updateState(first.job.id, { to: 'RUNNING', expectedVersion: 1 });
    // Same request with tag keys in another order: the same request.
    const again = await store.createJob(
      request({ idempotencyToken: 'tok-1', galleryDigest: 'g1', tags: { run: '1', team: 'a' } }),
    );
    assert.equal(again.created, false);
    assert.deepEqual(again.job, running);
    await rejectsWith(
      store.createJob(request({ idempotencyToken: 'tok-1', galleryDigest: 'g1', options: { fps: 10 } })),
      'ALREADY_EXISTS',
      /tok-1/,
    );
    await rejectsWith(store.createJob(request({ idempotencyToken: 'tok-1', galleryDigest: 'g2' })), 'ALREADY_EXISTS');
    await rejectsWith(store.createJob(request({ idempotencyToken: 'tok-1', tags: { team: 'b' } })), 'ALREADY_EXISTS');
    // Another token, or none, makes new jobs.
    const other = await store.createJob(request({ idempotencyToken: 'tok-2', galleryDigest: 'g1' }));
    const plain1 = await store.createJob(request());
    const plain2 = await store.createJob(request());
    assert.equal(new Set([first.job.id, other.job.id, plain1.job.id, plain2.job.id]).size, 4);
    assert.equal((await store.listJobs()).items.length, 4);
  });

  it('concurrent creates with one token make one job', async ({ store }) => {
    const outs = await Promise.all([1, 2, 3, 4].map(() => store.createJob(request({ idempotencyToken: 'race' }))));
    assert.equal(new Set(outs.map((o) => o.job.id)).size, 1);
    assert.equal(outs.filter((o) => o.created).length, 1);
  });

  it('createJob refuses bad input with INVALID_ARGUMENT and stores nothing', async ({ store }) => {
    const manyTags = Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${i}`, 'v']));
    const cases = [
      request({ idempotencyToken: '' }),
      request({ idempotencyToken: 'x'.repeat(65) }),
      request({ tags: manyTags }),
      request({ tags: { k: 'é'.repeat(129) } }), // 258 bytes
      request({ tags: { '': 'v' } }),
      request({ options: { fps: 0 } }),
      request({ options: { maxFrames: 1.5 } }),
      request({ source: { kind: 'uri', uri: '' } }),
    ];
    for (const input of cases) await rejectsWith(store.createJob(input), 'INVALID_ARGUMENT');
    assert.equal((await store.createJob(request({ idempotencyToken: 'x'.repeat(64) }))).created, true);
    assert.equal((await store.listJobs()).items.length, 1);
  });

  it('updateState allows exactly the state machine and refuses the rest with FAILED_PRECONDITION', async ({
    store,
  }) => {
    const table: Array<[string, string, boolean]> = [];
    for (const from of JOB_STATES) {
      for (const to of JOB_STATES) {
        const job = await jobIn(store, from);
        const input =
          to === 'FAILED'
            ? { to, expectedVersion: job.version, error: { code: 'INTERNAL', message: 'x' } }
            : { to, expectedVersion: job.version };
        const ok = await store.updateState(job.id, input).then(
          (j) => j.state === to && j.version === job.version + 1,
          (err: unknown) => {
            assert.ok(!(err instanceof VersionConflictError));
            assert.equal((err as { code?: unknown }).code, 'FAILED_PRECONDITION');
            return false;
          },
        );
        table.push([from, to, ok]);
      }
    }
    const allowed = table.filter(([, , ok]) => ok).map(([f, t]) => `${f}->${t}`);
    assert.deepEqual(allowed, [
      'QUEUED->RUNNING',
      'QUEUED->FAILED',
      'QUEUED->CANCELLED',
      'RUNNING->QUEUED',
      'RUNNING->SUCCEEDED',
      'RUNNING->FAILED',
      'RUNNING->CANCELLED',
    ]);
    for (const [f, t, ok] of table) assert.equal(ok, canTransition(f as JobRecord['state'], t as JobRecord['state']));
  });

  it('FAILED needs an error and keeps it; other states refuse one', async ({ store }) => {
    const job = await jobIn(store, 'RUNNING');
    await rejectsWith(store.updateState(job.id, { to: 'FAILED', expectedVersion: job.version }), 'INVALID_ARGUMENT');
    await rejectsWith(
      store.updateState(job.id, { to: 'SUCCEEDED', expectedVersion: job.version, error: { code: 'X', message: 'y' } }),
      'INVALID_ARGUMENT',
    );
    const failed = await store.updateState(job.id, {
      to: 'FAILED',
      expectedVersion: job.version,
      error: { code: 'UNAVAILABLE', message: 'broker gone' },
    });
    assert.deepEqual(failed.error, { code: 'UNAVAILABLE', message: 'broker gone' });
    await rejectsWith(store.updateState('no-such-job', { to: 'RUNNING', expectedVersion: 1 }), 'NOT_FOUND');
  });

  it('a stale expectedVersion is a VersionConflictError, and of two concurrent updates one wins', async ({ store }) => {
    const { job } = await store.createJob(request());
    const [a, b] = await Promise.allSettled([
      store.updateState(job.id, { to: 'RUNNING', expectedVersion: 1 }),
      store.updateState(job.id, { to: 'CANCELLED', expectedVersion: 1 }),
    ]);
    assert.equal(a.status, 'fulfilled');
    assert.equal(b.status, 'rejected');
    assert.ok(b.reason instanceof VersionConflictError);
    assert.equal(b.reason.code, 'FAILED_PRECONDITION');
    assert.deepEqual([b.reason.expectedVersion, b.reason.actualVersion], [1, 2]);
    // Progress moves the version on too: a state change decided on an older read conflicts.
    await store.recordProgress(job.id, { framesDecoded: 5 });
    await assert.rejects(store.updateState(job.id, { to: 'SUCCEEDED', expectedVersion: 2 }), VersionConflictError);
    const now = await store.getJob(job.id);
    assert.equal(now?.state, 'RUNNING');
    assert.equal(now?.version, 3);
  });

  it('concurrent progress and warnings on one job lose nothing: each is one version', async ({ store }) => {
    const job = await jobIn(store, 'RUNNING');
    await Promise.all([
      ...Array.from({ length: 6 }, (_, i) => store.addWarning(job.id, { code: 'UNAVAILABLE', message: `w${i}` })),
      store.recordProgress(job.id, { framesDecoded: 7 }),
      store.recordProgress(job.id, { framesAnalysed: 3 }),
      store.recordProgress(job.id, { tracksFinished: 2 }),
    ]);
    const now = await store.getJob(job.id);
    assert.equal(now?.version, job.version + 9);
    assert.deepEqual(now.warnings.map((w) => w.message).sort(), ['w0', 'w1', 'w2', 'w3', 'w4', 'w5']);
    assert.deepEqual([now.progress.framesDecoded, now.progress.framesAnalysed, now.progress.tracksFinished], [7, 3, 2]);
  });

  it('recordProgress merges counters while the job is live and refuses once it is final', async ({ store }, clock) => {
    const job = await jobIn(store, 'RUNNING');
    clock.t += 1000;
    await store.recordProgress(job.id, { framesDecoded: 10, framesTotal: 100, fraction: 0.1 });
    const p = await store.recordProgress(job.id, { framesAnalysed: 4, framesDecoded: 12 });
    assert.deepEqual(p.progress, {
      framesDecoded: 12,
      framesAnalysed: 4,
      framesTotal: 100,
      fraction: 0.1,
      tracksFinished: 0,
    });
    assert.equal(p.version, job.version + 2);
    assert.equal(p.updateTime, job.updateTime + 1000);
    assert.equal(p.createTime, job.createTime);
    await rejectsWith(store.recordProgress(job.id, { fraction: 1.5 }), 'INVALID_ARGUMENT');
    await rejectsWith(store.recordProgress(job.id, { framesDecoded: -1 }), 'INVALID_ARGUMENT');
    const done = await store.updateState(job.id, { to: 'SUCCEEDED', expectedVersion: p.version });
    await rejectsWith(store.recordProgress(done.id, { framesDecoded: 13 }), 'FAILED_PRECONDITION');
    await rejectsWith(store.recordProgress('no-such-job', { framesDecoded: 1 }), 'NOT_FOUND');
  });

  it('addWarning appends problems in order, in any state', async ({ store }) => {
    const job = await jobIn(store, 'SUCCEEDED');
    await store.addWarning(job.id, { code: 'INVALID_ARGUMENT', message: 'frame 7 terminated after 5 deliveries' });
    const w = await store.addWarning(job.id, { code: 'UNAVAILABLE', message: 'recognizer slow' });
    assert.deepEqual(
      w.warnings.map((x) => x.code),
      ['INVALID_ARGUMENT', 'UNAVAILABLE'],
    );
    assert.equal(w.state, 'SUCCEEDED');
  });

  it('listJobs pages by (createTime, id) with no job skipped or repeated, and filters by state', async ({
    store,
  }, clock) => {
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) {
      if (i % 3 === 0) clock.t += 10; // several jobs share a millisecond: the id breaks the tie
      ids.push((await store.createJob(request())).job.id);
    }
    const all = (await store.listJobs()).items;
    const expected = all
      .map((j) => [j.createTime, j.id] as const)
      .sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0));
    assert.deepEqual(
      all.map((j) => j.id),
      expected.map(([, id]) => id),
    );
    assert.deepEqual(new Set(all.map((j) => j.id)), new Set(ids));
    const paged: string[] = [];
    let token = '';
    let pages = 0;
    do {
      const page = await store.listJobs({ pageSize: 3, pageToken: token });
      paged.push(...page.items.map((j) => j.id));
      token = page.nextPageToken;
      pages++;
      if (pages === 1) {
        clock.t += 1000; // a job created while paging lands after the ones already listed
        ids.push((await store.createJob(request())).job.id);
      }
    } while (token !== '');
    assert.deepEqual(paged, [...all.map((j) => j.id), ids.at(-1)]);
    assert.equal(pages, 3); // 8 jobs in pages of 3, the last page not empty
    const running = [await store.updateState(ids[4] ?? '', { to: 'RUNNING', expectedVersion: 1 })];
    const p1 = await store.listJobs({ states: ['RUNNING', 'SUCCEEDED'], pageSize: 1 });
    assert.deepEqual(
      p1.items.map((j) => j.id),
      running.map((j) => j.id),
    );
    assert.equal(p1.nextPageToken, '');
    const q = await store.listJobs({ states: ['QUEUED'], pageSize: 2 });
    await rejectsWith(
      store.listJobs({ states: ['RUNNING'], pageSize: 2, pageToken: q.nextPageToken }),
      'INVALID_ARGUMENT',
      /another filter/,
    );
    await rejectsWith(store.listJobs({ pageToken: 'not a token' }), 'INVALID_ARGUMENT');
    await rejectsWith(store.listJobs({ pageSize: 1001 }), 'INVALID_ARGUMENT');
    assert.equal((await store.listJobs({ pageSize: 1000 })).items.length, 8);
  });

  it('listJobs filters by tags (every tag given, with its value), with states, page by page', async ({
    store,
  }, clock) => {
    const made: Array<{ id: string; tags: Record<string, string> }> = [];
    const tagSets: Array<Record<string, string>> = [
      { team: 'a' },
      { team: 'b' },
      { team: 'a', site: 'x' },
      {},
      { team: 'a', site: 'y' },
      { site: 'x' },
    ];
    for (let round = 0; round < 3; round++) {
      for (const tags of tagSets) {
        clock.t += 1;
        made.push({ id: (await store.createJob(request({ tags }))).job.id, tags });
      }
    }
    const listAll = async (input: { tags: Record<string, string>; states?: JobState[] }): Promise<string[]> => {
      const out: string[] = [];
      let pageToken = '';
      do {
        const page = await store.listJobs({ ...input, pageSize: 2, pageToken });
        assert.ok(page.items.length <= 2);
        out.push(...page.items.map((j) => j.id));
        pageToken = page.nextPageToken;
      } while (pageToken !== '');
      return out;
    };
    const want = (tags: Record<string, string>): string[] =>
      made.filter((m) => Object.entries(tags).every(([k, v]) => m.tags[k] === v)).map((m) => m.id);
    assert.deepEqual(await listAll({ tags: { team: 'a' } }), want({ team: 'a' }));
    assert.deepEqual(await listAll({ tags: { team: 'a', site: 'x' } }), want({ team: 'a', site: 'x' }));
    assert.deepEqual(await listAll({ tags: { site: 'z' } }), []);
    assert.deepEqual(
      await listAll({ tags: {} }),
      made.map((m) => m.id),
    );
    const target = want({ site: 'x' })[1]!;
    await store.updateState(target, { to: 'RUNNING', expectedVersion: 1 });
    assert.deepEqual(await listAll({ tags: { site: 'x' }, states: ['RUNNING'] }), [target]);
    const first = await store.listJobs({ tags: { team: 'a' }, pageSize: 1 });
    await rejectsWith(
      store.listJobs({ tags: { team: 'b' }, pageSize: 1, pageToken: first.nextPageToken }),
      'INVALID_ARGUMENT',
      /another filter/,
    );
    await rejectsWith(store.listJobs({ tags: { '': 'x' } }), 'INVALID_ARGUMENT');
  });

  it('jobsToResume lists the QUEUED and RUNNING jobs, oldest first', async ({ store }, clock) => {
    const made: JobRecord[] = [];
    for (const s of JOB_STATES) {
      clock.t += 5;
      made.push(await jobIn(store, s));
    }
    const resume = await store.jobsToResume();
    assert.deepEqual(
      resume.map((j) => [j.id, j.state]),
      made.filter((j) => j.state === 'QUEUED' || j.state === 'RUNNING').map((j) => [j.id, j.state]),
    );
  });
}
