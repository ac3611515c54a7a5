// Job change announcements (job-changes.ts): a waiter wakes at its job's announcement only; the announcing store
// announces every write to a job and no read; over NATS, an announcement by one orchestrator wakes a watcher in
// another.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, test } from 'node:test';
import { connectJetStream } from '@pmr/common/messaging';
import { natsServerSkipReason, startNatsServer } from '@pmr/common/testing/nats-server';
import { requireParts } from '@pmr/common/testing/require-parts';
import { SqliteJobStore } from '@pmr/store';
import { request } from '@pmr/store/testing';
import { announcingStore, jobChanges } from '../src/job-changes.ts';

const cleanups: Array<() => Promise<void> | void> = [];
after(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** Whether `promise` settles within `ms`. */
async function settlesWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return Promise.race([promise.then(() => true), sleep(ms).then(() => false)]);
}

test("a waiter wakes at its job's announcement, not another job's, and at the fallback or abort otherwise", async () => {
  const changes = jobChanges();
  const signal = new AbortController();
  const waiting = changes.next('a', signal.signal, 60_000);
  changes.announce('b');
  assert.equal(await settlesWithin(waiting, 50), false, 'another job wakes nobody here');
  changes.announce('a');
  assert.equal(await settlesWithin(waiting, 1000), true);
  assert.equal(await settlesWithin(changes.next('a', signal.signal, 10), 1000), true, 'the fallback');
  const aborted = changes.next('a', signal.signal, 60_000);
  signal.abort();
  assert.equal(await settlesWithin(aborted, 1000), true, 'an abort');
});

test('the announcing store announces each write to a job, after it is stored, and no read', async () => {
  const store = new SqliteJobStore(':memory:');
  cleanups.push(() => store.close());
  const announced: string[] = [];
  const announcing = announcingStore(store, { announce: (jobId) => announced.push(jobId) });
  const { job } = await announcing.createJob(request());
  await announcing.getJob(job.id);
  await announcing.listJobs();
  assert.deepEqual(announced, [], 'creating and reading announce nothing');
  const running = await announcing.updateState(job.id, { to: 'RUNNING', expectedVersion: job.version });
  await announcing.recordProgress(job.id, { framesAnalysed: 3 });
  await announcing.addWarning(job.id, { code: 'INTERNAL', message: 'x' });
  assert.equal(running.state, 'RUNNING');
  assert.deepEqual(announced, [job.id, job.id, job.id]);
  await assert.rejects(announcing.updateState(job.id, { to: 'RUNNING', expectedVersion: 1 }));
  assert.equal(announced.length, 3, 'a write that failed announces nothing');
});

const skip = requireParts(natsServerSkipReason());

test('over NATS, one orchestrator announcing wakes a watcher in another', { skip: skip ?? false }, async () => {
  const nats = await startNatsServer({ jetstream: true });
  cleanups.push(() => nats.stop());
  const [busA, busB] = await Promise.all([
    connectJetStream({ servers: nats.url }),
    connectJetStream({ servers: nats.url }),
  ]);
  cleanups.push(
    () => busA.close(),
    () => busB.close(),
  );
  const [a, b] = [jobChanges(busA), jobChanges(busB)];
  cleanups.push(
    () => a.close(),
    () => b.close(),
  );
  const waiting = b.next('job-1', new AbortController().signal, 60_000);
  let woke = false;
  void waiting.then(() => (woke = true));
  // Announced until heard: the other connection's subscription reaches the server in its own time.
  for (let i = 0; i < 100 && !woke; i++) {
    a.announce('job-1');
    await sleep(50);
  }
  assert.equal(woke, true);
});
