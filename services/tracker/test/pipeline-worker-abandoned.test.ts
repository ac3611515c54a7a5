// A job whose faces stop coming (its decoder died after frame 2 was detected, before frame 0's faces arrived) is dropped
// by the tracker's worker after the idle time, with the messages it held terminated: a failed job never holds memory.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { silentLogger } from '@pmr/common/logger';
import { messageCodec } from '@pmr/common/messaging';
import { pipelineMsgIds, pipelineSubjects } from '@pmr/common/pipeline';
import { natsServerSkipReason } from '@pmr/common/testing/nats-server';
import { requireParts } from '@pmr/common/testing/require-parts';
import { usePipelineBroker } from '@pmr/common/testing/pipeline-broker';
import { startTrackerWorker } from '../src/service/pipeline-worker.ts';

const skip = requireParts(natsServerSkipReason());

const broker = usePipelineBroker('tracker-abandoned-test', { skip });
const facesCodec = messageCodec('pmr.v1.FrameFaces');

test(
  'a job with a gap no message fills is dropped after the idle time, its held messages released',
  { skip: skip ?? false },
  async () => {
    const b = broker.bus();
    const counts: number[] = [];
    let reached: ((n: number) => void) | undefined;
    const worker = await startTrackerWorker({
      bus: b,
      logger: silentLogger(),
      timelineInterval: 0,
      sessionIdleMs: 300,
      onOpenJobs: (n) => {
        counts.push(n);
        reached?.(n);
      },
    });
    const openJobsBecome = (want: number): Promise<void> =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`open jobs never became ${want}: ${counts.join(' → ')}`)),
          10_000,
        );
        reached = (n) => {
          if (n !== want) return;
          clearTimeout(timer);
          resolve();
        };
      });
    try {
      const job = 'job-abandoned';
      const opened = openJobsBecome(1);
      for (const i of [1, 2]) {
        const frame = {
          jobId: job,
          frameIndex: i,
          pts: i / 10,
          ptsLast: i / 10,
          sourceFirst: i,
          sourceLast: i,
          width: 64,
          height: 64,
          frameDuration: 0.1,
          faces: [],
        };
        await b.publish(pipelineSubjects.faces(job), facesCodec.encode(frame), { msgId: pipelineMsgIds.faces(job, i) });
      }
      await opened;
      assert.equal(worker.inFlight() > 0, true, 'frames 1 and 2 are held, waiting for frame 0');
      await openJobsBecome(0);
      assert.deepEqual(counts, [1, 0]);
      // The consumer terminates the settled messages on its next turn.
      for (const deadline = Date.now() + 2000; worker.inFlight() > 0 && Date.now() < deadline;)
        await new Promise((r) => setImmediate(r));
      assert.equal(worker.inFlight(), 0, 'the held messages were settled when the job was dropped');
    } finally {
      await worker.stop();
    }
  },
);
