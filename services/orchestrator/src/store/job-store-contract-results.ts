// The JobStore contract, part two: idempotent result writes, frames done and missing, results, and (for stores
// whose data outlives a connection) resuming after the store is closed and opened again, and two connections.
import assert from 'node:assert/strict';
import { VersionConflictError } from './job-state.ts';
import { jobIn, rejectsWith, request, result, track } from './contract-fixtures.ts';
import type { ContractTest } from './job-store-contract.ts';

/** `kinds`: what the store under test can do beyond one connection's lifetime (see ContractOptions). */
export function resultContract(it: ContractTest, kinds: { readonly reopens?: boolean; readonly sharedConnections?: boolean }): void {
  it('putFrameFaces upserts by (jobId, frameIndex): a redelivered frame leaves one row', async ({ store }) => {
    const a = await jobIn(store, 'RUNNING');
    const b = await jobIn(store, 'RUNNING');
    await store.putFrameFaces(a.id, 3, [{ box: [1, 2, 3, 4], score: 0.9 }]);
    await store.putFrameFaces(a.id, 3, [{ box: [1, 2, 3, 4], score: 0.9 }]);
    await store.putFrameFaces(a.id, 1, []);
    await store.putFrameFaces(a.id, 9, [{ box: [5, 5, 5, 5], score: 0.8 }, { box: [9, 9, 9, 9], score: 0.7 }]);
    await store.putFrameFaces(a.id, 9, [{ box: [5, 5, 5, 5], score: 0.85 }]); // the latest write wins
    await store.putFrameFaces(b.id, 3, [{ box: [0, 0, 1, 1], score: 0.5 }]);
    assert.deepEqual(await store.getFrameFaces(a.id, { start: 0, end: 100 }), [
      { frameIndex: 1, faces: [] },
      { frameIndex: 3, faces: [{ box: [1, 2, 3, 4], score: 0.9 }] },
      { frameIndex: 9, faces: [{ box: [5, 5, 5, 5], score: 0.85 }] },
    ]);
    assert.deepEqual((await store.getFrameFaces(a.id, { start: 2, end: 9 })).map((f) => f.frameIndex), [3]);
    assert.deepEqual((await store.getFrameFaces(b.id, { start: 0, end: 100 })).map((f) => f.frameIndex), [3]);
    await rejectsWith(store.putFrameFaces(a.id, -1, []), 'INVALID_ARGUMENT');
    await rejectsWith(store.putFrameFaces(a.id, 1.5, []), 'INVALID_ARGUMENT');
    await rejectsWith(store.getFrameFaces(a.id, { start: 5, end: 4 }), 'INVALID_ARGUMENT');
    await rejectsWith(store.putFrameFaces('no-such-job', 0, []), 'NOT_FOUND');
  });

  it('putTrack upserts by (jobId, trackId) and listTracks pages by ascending id', async ({ store }) => {
    const job = await jobIn(store, 'RUNNING');
    for (const id of [5, 2, 9, 2, 7, 1]) await store.putTrack(job.id, track(id));
    await store.putTrack(job.id, track(9, 'alice'));
    const ids: number[] = [];
    const labels: string[] = [];
    let token = '';
    do {
      const page = await store.listTracks(job.id, { pageSize: 2, pageToken: token });
      ids.push(...page.items.map((t) => t.id));
      labels.push(...page.items.map((t) => t.label));
      token = page.nextPageToken;
    } while (token !== '');
    assert.deepEqual(ids, [1, 2, 5, 7, 9]);
    assert.deepEqual(labels, ['unknown-1', 'unknown-2', 'unknown-5', 'unknown-7', 'alice']);
    assert.deepEqual((await store.listTracks(job.id)).items[0], track(1));
    await rejectsWith(store.listTracks(job.id, { pageToken: '%%%' }), 'INVALID_ARGUMENT');
    await rejectsWith(store.listTracks('no-such-job'), 'NOT_FOUND');
    await rejectsWith(store.putTrack(job.id, track(-2)), 'INVALID_ARGUMENT');
  });

  it('markFrameDone counts each frame once and missingFrames lists what is left as ranges', async ({ store }) => {
    const job = await jobIn(store, 'RUNNING');
    const other = await jobIn(store, 'RUNNING');
    const firsts: boolean[] = [];
    for (const f of [0, 1, 2, 5, 2, 7, 8, 0, 12]) firsts.push(await store.markFrameDone(job.id, f));
    assert.deepEqual(firsts, [true, true, true, true, false, true, true, false, true]);
    await store.markFrameDone(other.id, 3);
    assert.equal(await store.countFramesDone(job.id), 7);
    assert.equal(await store.countFramesDone(other.id), 1);
    assert.deepEqual(await store.missingFrames(job.id, { start: 0, end: 10 }), [{ start: 3, end: 5 }, { start: 6, end: 7 }, { start: 9, end: 10 }]);
    assert.deepEqual(await store.missingFrames(job.id, { start: 4, end: 13 }), [{ start: 4, end: 5 }, { start: 6, end: 7 }, { start: 9, end: 12 }]);
    assert.deepEqual(await store.missingFrames(job.id, { start: 0, end: 3 }), []);
    assert.deepEqual(await store.missingFrames(other.id, { start: 0, end: 5 }), [{ start: 0, end: 3 }, { start: 4, end: 5 }]);
    await rejectsWith(store.markFrameDone(job.id, -1), 'INVALID_ARGUMENT');
    await rejectsWith(store.markFrameDone('no-such-job', 1), 'NOT_FOUND');
    await rejectsWith(store.missingFrames(job.id, { start: 3, end: 2 }), 'INVALID_ARGUMENT');
  });

  it('putPart keeps the first write of a key (a redelivery changes nothing) and getParts lists by prefix', async ({ store }) => {
    const a = await jobIn(store, 'RUNNING');
    const b = await jobIn(store, 'RUNNING');
    assert.equal(await store.putPart(a.id, 'track/2', { first: 1 }), true);
    assert.equal(await store.putPart(a.id, 'track/2', { first: 2 }), false);
    assert.equal(await store.putPart(a.id, 'track/10', [1, 2]), true);
    assert.equal(await store.putPart(a.id, 'decoded', { frames: 5 }), true);
    assert.equal(await store.putPart(b.id, 'track/2', 'other job'), true);
    assert.deepEqual(await store.getParts(a.id, 'track/'), [
      { key: 'track/10', value: [1, 2] },
      { key: 'track/2', value: { first: 1 } },
    ]);
    assert.deepEqual((await store.getParts(a.id)).map((p) => p.key), ['decoded', 'track/10', 'track/2']);
    assert.deepEqual(await store.getParts(a.id, 'nothing/'), []);
    await rejectsWith(store.putPart(a.id, '', 1), 'INVALID_ARGUMENT');
    await rejectsWith(store.putPart(a.id, 'k'.repeat(201), 1), 'INVALID_ARGUMENT');
    await rejectsWith(store.putPart('no-such-job', 'x', 1), 'NOT_FOUND');
    await rejectsWith(store.getParts('no-such-job'), 'NOT_FOUND');
  });

  it('putResult stores the analysis JSON, replacing an earlier one', async ({ store }) => {
    const job = await jobIn(store, 'RUNNING');
    assert.equal(await store.getResult(job.id), null);
    await store.putResult(job.id, result([track(1)]));
    await store.putResult(job.id, result([track(1), track(2)]));
    assert.deepEqual(await store.getResult(job.id), result([track(1), track(2)]));
    await rejectsWith(store.getResult('no-such-job'), 'NOT_FOUND');
    await rejectsWith(store.putResult('no-such-job', result([])), 'NOT_FOUND');
  });

  it('a closed store refuses calls, and closing twice is harmless', async ({ store }) => {
    await store.close();
    await store.close();
    await rejectsWith(store.getJob('x'), 'FAILED_PRECONDITION', /closed/);
    await rejectsWith(store.createJob(request()), 'FAILED_PRECONDITION', /closed/);
  });

  if (kinds.reopens === true) {
    it('everything survives close and reopen, and the reopened store resumes the job', async (h, clock) => {
      assert.ok(h.reopen !== undefined, 'a store that reopens gives reopen()');
      const { job } = await h.store.createJob(request({ idempotencyToken: 'resume-me' }));
      const finished = await jobIn(h.store, 'SUCCEEDED');
      let running = await h.store.updateState(job.id, { to: 'RUNNING', expectedVersion: 1 });
      running = await h.store.recordProgress(job.id, { framesDecoded: 40, framesAnalysed: 6, framesTotal: 100, fraction: 0.06 });
      for (const f of [0, 1, 2, 4]) await h.store.markFrameDone(job.id, f);
      await h.store.putFrameFaces(job.id, 4, [{ box: [1, 1, 2, 2] }]);
      await h.store.putTrack(job.id, track(1));
      await h.store.addWarning(job.id, { code: 'INVALID_ARGUMENT', message: 'poison frame 3' });
      await h.store.putResult(finished.id, result([track(8)]));
      const before = await h.store.getJob(job.id);

      clock.t += 60_000; // the orchestrator restarts a minute later
      const store = await h.reopen();
      assert.deepEqual(await store.getJob(job.id), before);
      assert.deepEqual((await store.jobsToResume()).map((j) => j.id), [job.id]);
      assert.deepEqual(await store.missingFrames(job.id, { start: 0, end: 6 }), [{ start: 3, end: 4 }, { start: 5, end: 6 }]);
      assert.equal(await store.markFrameDone(job.id, 2), false);
      assert.deepEqual(await store.getFrameFaces(job.id, { start: 0, end: 10 }), [{ frameIndex: 4, faces: [{ box: [1, 1, 2, 2] }] }]);
      assert.deepEqual((await store.listTracks(job.id)).items, [track(1)]);
      assert.deepEqual(await store.getResult(finished.id), result([track(8)]));
      const retry = await store.createJob(request({ idempotencyToken: 'resume-me' }));
      assert.equal(retry.created, false);
      assert.equal(retry.job.id, job.id);
      // The resumed orchestrator puts the job back in line, then runs it to the end; a stale version still conflicts.
      await assert.rejects(store.updateState(job.id, { to: 'QUEUED', expectedVersion: running.version }), VersionConflictError);
      const requeued = await store.updateState(job.id, { to: 'QUEUED', expectedVersion: before?.version ?? 0 });
      const again = await store.updateState(job.id, { to: 'RUNNING', expectedVersion: requeued.version });
      const done = await store.updateState(job.id, { to: 'SUCCEEDED', expectedVersion: again.version });
      assert.equal(done.updateTime, clock.t);
      assert.deepEqual(await store.jobsToResume(), []);
    });
  }

  if (kinds.sharedConnections === true) {
    it('two connections to the same data see each other and conflict by version', async (h) => {
      assert.ok(h.openSecond !== undefined, 'a store with shared connections gives openSecond()');
      const second = await h.openSecond();
      const { job } = await h.store.createJob(request({ idempotencyToken: 'shared' }));
      assert.deepEqual(await second.getJob(job.id), job);
      const dup = await second.createJob(request({ idempotencyToken: 'shared' }));
      assert.equal(dup.job.id, job.id);
      await second.updateState(job.id, { to: 'RUNNING', expectedVersion: 1 });
      await assert.rejects(h.store.updateState(job.id, { to: 'CANCELLED', expectedVersion: 1 }), VersionConflictError);
      assert.equal(await second.markFrameDone(job.id, 0), true);
      assert.equal(await h.store.markFrameDone(job.id, 0), false);
    });
  }
}
