// The JobStore contract, part two: tracks, idempotent job parts, galleries, expiry, results, and (for stores whose
// data outlives a connection) resuming after the store is closed and opened again, and two connections.
import assert from 'node:assert/strict';
import { VersionConflictError } from '../job-state.ts';
import { jobIn, rejectsWith, request, result, track } from './contract-fixtures.ts';
import type { ContractTest } from './contract-fixtures.ts';

/** `kinds`: what the store under test can do beyond one connection's lifetime (see ContractOptions). */
export function resultContract(
  it: ContractTest,
  kinds: { readonly reopens?: boolean; readonly sharedConnections?: boolean },
): void {
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

  it('putPart keeps the first write of a key (a redelivery changes nothing) and getParts lists by prefix', async ({
    store,
  }) => {
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
    assert.deepEqual(
      (await store.getParts(a.id)).map((p) => p.key),
      ['decoded', 'track/10', 'track/2'],
    );
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

  it('a gallery is kept once per digest: the first write wins, and each photo comes back byte for byte', async ({
    store,
  }) => {
    const photos = [
      { person: 'alice', name: 'a1.jpg', data: Uint8Array.from([0xff, 0xd8, 1, 2, 3]) },
      { person: 'bob', name: 'b1.png', data: Uint8Array.from([0x89, 0x50, 0]) },
    ];
    assert.equal(await store.getGalleryIndex('digest-1'), null);
    await store.putGallery('digest-1', photos);
    await store.putGallery('digest-1', [{ person: 'mallory', name: 'm.jpg', data: Uint8Array.from([9]) }]);
    assert.deepEqual(await store.getGalleryIndex('digest-1'), [
      { person: 'alice', name: 'a1.jpg' },
      { person: 'bob', name: 'b1.png' },
    ]);
    assert.deepEqual(Array.from(await store.getGalleryPhoto('digest-1', 1)), [0x89, 0x50, 0]);
    await rejectsWith(store.getGalleryPhoto('digest-1', 2), 'NOT_FOUND');
    await store.putGallery('empty', []);
    assert.deepEqual(await store.getGalleryIndex('empty'), []);
    await rejectsWith(store.putGallery('', photos), 'INVALID_ARGUMENT');
  });

  it('deleteEndedBefore removes ended jobs older than the cut with everything they hold, and galleries no job uses', async ({
    store,
  }, clock) => {
    const old = await jobIn(store, 'SUCCEEDED');
    await store.putPart(old.id, 'decoded', { frames: 10 });
    await store.putTrack(old.id, track(1));
    await store.putResult(old.id, result([track(1)]));
    const photo = [{ person: 'alice', name: 'a.jpg', data: Uint8Array.from([1]) }];
    await store.putGallery('shared', photo);
    await store.putGallery('only-old', photo);
    const withShared = (await store.createJob(request({ galleryDigest: 'shared' }))).job;
    const withOld = (await store.createJob(request({ galleryDigest: 'only-old', tags: { other: 'request' } }))).job;
    await store.updateState(withOld.id, { to: 'CANCELLED', expectedVersion: withOld.version });
    const failed = await jobIn(store, 'FAILED');
    clock.t += 1000;
    const running = await jobIn(store, 'RUNNING'); // live jobs stay, whatever their age
    const recent = await jobIn(store, 'SUCCEEDED');
    assert.equal(await store.deleteEndedBefore(clock.t), 3); // old, withOld, failed
    for (const gone of [old, withOld, failed]) assert.equal(await store.getJob(gone.id), null);
    await rejectsWith(store.getParts(old.id), 'NOT_FOUND');
    await rejectsWith(store.listTracks(old.id), 'NOT_FOUND');
    for (const kept of [withShared, running, recent]) assert.notEqual(await store.getJob(kept.id), null);
    assert.notEqual(await store.getGalleryIndex('shared'), null); // a QUEUED job still uses it
    assert.equal(await store.getGalleryIndex('only-old'), null);
    await rejectsWith(store.getGalleryPhoto('only-old', 0), 'NOT_FOUND');
    assert.equal(await store.deleteEndedBefore(clock.t), 0);
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
      running = await h.store.recordProgress(job.id, {
        framesDecoded: 40,
        framesAnalysed: 6,
        framesTotal: 100,
        fraction: 0.06,
      });
      await h.store.putPart(job.id, 'tracked/1', { faces: 4 });
      await h.store.putTrack(job.id, track(1));
      await h.store.addWarning(job.id, { code: 'INVALID_ARGUMENT', message: 'poison frame 3' });
      await h.store.putResult(finished.id, result([track(8)]));
      const before = await h.store.getJob(job.id);

      clock.t += 60_000; // the orchestrator restarts a minute later
      const store = await h.reopen();
      assert.deepEqual(await store.getJob(job.id), before);
      assert.deepEqual(
        (await store.jobsToResume()).map((j) => j.id),
        [job.id],
      );
      assert.deepEqual(await store.getParts(job.id), [{ key: 'tracked/1', value: { faces: 4 } }]);
      assert.equal(await store.putPart(job.id, 'tracked/1', { faces: 5 }), false);
      assert.deepEqual((await store.listTracks(job.id)).items, [track(1)]);
      assert.deepEqual(await store.getResult(finished.id), result([track(8)]));
      const retry = await store.createJob(request({ idempotencyToken: 'resume-me' }));
      assert.equal(retry.created, false);
      assert.equal(retry.job.id, job.id);
      // The resumed orchestrator puts the job back in line, then runs it to the end; a stale version still conflicts.
      await assert.rejects(
        store.updateState(job.id, { to: 'QUEUED', expectedVersion: running.version }),
        VersionConflictError,
      );
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
      assert.equal(await second.putPart(job.id, 'decoded', 1), true);
      assert.equal(await h.store.putPart(job.id, 'decoded', 2), false);
      assert.deepEqual(await h.store.getParts(job.id), [{ key: 'decoded', value: 1 }]);
    });
  }
}
