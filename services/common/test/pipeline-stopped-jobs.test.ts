// Withdrawn jobs on a real nats-server: a stop is kept in the PMR_STOPPED_JOBS log, so a service that starts after it
// (a replica scaled up, a restarted stage) knows the job is stopped as well as one that was running; a follower running
// at the time hears it at once; the same stop recorded twice is one entry; consumers skip a stopped job's messages.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { connectJetStream, type JetStreamBus } from '../src/messaging/jetstream.ts';
import type { DeliveredMessage } from '../src/messaging/types.ts';
import { ensurePipeline, STOPPED_JOBS_LOG } from '../src/pipeline/pipeline.ts';
import { followStoppedJobs, skippingStoppedJobs, withdrawJobWork } from '../src/pipeline/stopped-jobs.ts';
import { natsServerSkipReason } from '../src/testing/nats-server.ts';
import { usePipelineBroker } from '../src/testing/pipeline-broker.ts';
import { requireParts } from '../src/testing/require-parts.ts';

const skip = requireParts(natsServerSkipReason());
const services: JetStreamBus[] = [];
after(() => Promise.allSettled(services.map((b) => b.close())));
const broker = usePipelineBroker('orchestrator', { skip });

/** Another service's connection to the broker, the pipeline ensured as a service ensures it. */
async function service(): Promise<JetStreamBus> {
  const bus = await connectJetStream({ servers: broker.url(), name: 'service' });
  services.push(bus);
  await ensurePipeline(bus);
  return bus;
}

test(
  'a service started after a stop knows it; one running hears it at once; a stop recorded twice is kept once',
  { skip },
  async () => {
    const orchestrator = broker.bus();
    const running = await followStoppedJobs(await service());
    const heard: string[] = [];
    running.onStop((jobId) => heard.push(jobId));

    await withdrawJobWork(orchestrator, 'job-a');
    await withdrawJobWork(orchestrator, 'job-a'); // a retried withdrawal
    await withdrawJobWork(orchestrator, 'job-b');
    for (let i = 0; i < 100 && heard.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
    assert.deepEqual(heard, ['job-a', 'job-b'], 'the running follower hears each stop once');

    const later = await followStoppedJobs(await service()); // started after the stops
    assert.equal(later.has('job-a'), true, 'a service started later knows job-a is stopped');
    assert.equal(later.has('job-b'), true);
    assert.equal(later.has('job-c'), false);
    assert.equal((await orchestrator.streamState(STOPPED_JOBS_LOG.stream)).messages, 2);
    running.close();
    later.close();
  },
);

test(
  'a consumer of a service started after the stop acks the stopped job’s messages without handling them',
  { skip },
  async () => {
    const orchestrator = broker.bus();
    await withdrawJobWork(orchestrator, 'job-x');
    const stopped = await followStoppedJobs(await service());
    const handled: string[] = [];
    const handler = skippingStoppedJobs(stopped, (message) => {
      handled.push(message.subject);
      return Promise.resolve('ack');
    });
    const message = (subject: string): DeliveredMessage => ({ subject }) as DeliveredMessage;
    assert.equal(await handler(message('pmr.frames.job-x')), 'ack');
    assert.equal(await handler(message('pmr.frames.job-y')), 'ack');
    assert.deepEqual(handled, ['pmr.frames.job-y']);
    stopped.close();
  },
);
