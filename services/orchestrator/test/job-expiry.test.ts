// Retention as the orchestrator runs it: at start, ended jobs older than the retention go (with their gallery), live
// and recent ones stay; a retention of 0 keeps everything.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { silentLogger } from '@pmr/common/logger';
import { SqliteJobStore } from '@pmr/store';
import { expireEndedJobs } from '../src/job-expiry.ts';

const HOUR = 3600_000;

async function storeWithJobs(clock: {
  t: number;
}): Promise<{ store: SqliteJobStore; old: string; live: string; recent: string }> {
  const store = new SqliteJobStore(':memory:', { now: () => clock.t });
  const ended = async (digest?: string): Promise<string> => {
    const { job } = await store.createJob({
      source: { kind: 'uri', uri: '/v.mp4' },
      options: {},
      tags: {},
      ...(digest !== undefined && { galleryDigest: digest }),
    });
    await store.updateState(job.id, { to: 'CANCELLED', expectedVersion: 1 });
    return job.id;
  };
  await store.putGallery('g', [{ person: 'p', name: 'p.jpg', data: Uint8Array.from([1, 2]) }]);
  const old = await ended('g');
  const live = (await store.createJob({ source: { kind: 'uri', uri: '/w.mp4' }, options: {}, tags: {} })).job.id;
  clock.t += 20 * HOUR;
  const recent = await ended();
  clock.t += 5 * HOUR;
  return { store, old, live, recent };
}

test('at start, ended jobs older than the retention are deleted with their gallery; live and recent jobs stay', async () => {
  const clock = { t: Date.UTC(2026, 0, 1) };
  const { store, old, live, recent } = await storeWithJobs(clock);
  const swept = new Promise<number>((resolve) => {
    const timer = expireEndedJobs({ store, hours: 24, logger: silentLogger(), now: () => clock.t, onSwept: resolve });
    clearInterval(timer);
  });
  assert.equal(await swept, 1);
  assert.equal(await store.getJob(old), null);
  assert.equal(await store.getGalleryIndex('g'), null);
  assert.notEqual(await store.getJob(live), null);
  assert.notEqual(await store.getJob(recent), null);
  await store.close();
});

test('a retention of 0 keeps every job and starts no timer', async () => {
  const clock = { t: Date.UTC(2026, 0, 1) };
  const { store, old } = await storeWithJobs(clock);
  assert.equal(
    expireEndedJobs({
      store,
      hours: 0,
      logger: silentLogger(),
      now: () => clock.t,
      onSwept: () => assert.fail('no pass'),
    }),
    undefined,
  );
  assert.notEqual(await store.getJob(old), null);
  await store.close();
});
