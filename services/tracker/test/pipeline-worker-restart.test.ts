// The tracker's JetStream worker killed mid-job (SIGKILL, in a child process: nothing is nak'ed, nothing flushed) and
// started again: the new worker resumes the job from its last checkpoint and everything published for the job — each
// finished track to the recognizers and the attributes service, each summary, progress and the end to the orchestrator
// — is byte for byte what an uninterrupted worker publishes, each once. A checkpoint it cannot read fails the job.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { launchEnv, nodeArgs } from '@pmr/common';
import { silentLogger } from '@pmr/common/logger';
import { messageCodec, type ConsumerHandle } from '@pmr/common/messaging';
import { PIPELINE_BUCKETS, pipelineMsgIds, pipelineSubjects } from '@pmr/common/pipeline';
import { natsServerSkipReason } from '@pmr/common/testing/nats-server';
import { requireParts } from '@pmr/common/testing/require-parts';
import { usePipelineBroker } from '@pmr/common/testing/pipeline-broker';
import { startTrackerWorker, type TrackerWorkerOptions } from '../src/service/pipeline-worker.ts';
import { JOB_FRAMES, jobFrame } from './service-fixtures.ts';

const skip = requireParts(natsServerSkipReason());
const broker = usePipelineBroker('tracker-restart-test', { skip });
const facesCodec = messageCodec('pmr.v1.FrameFaces');
const resultCodec = messageCodec('pmr.v1.PipelineResult');

const FRAMES = JOB_FRAMES;
/** The crashed worker is killed once it has tracked this many frames: after its checkpoint at frame 40. */
const KILL_AFTER = 45;
const SETTINGS = { timelineInterval: 0.3, checkpointEvery: 10, checkpointWaitMs: 60_000, ackWaitMs: 1500 } as const;
/** Same length, so that a job's messages can be compared byte for byte with the job id swapped. */
const CLEAN = 'job-clean';
const CRASH = 'job-crash';

async function publishFrames(jobId: string, from: number, to: number): Promise<void> {
  const b = broker.bus();
  for (let i = from; i < to; i++)
    await b.publish(pipelineSubjects.faces(jobId), facesCodec.encode(jobFrame(jobId, i)), {
      msgId: pipelineMsgIds.faces(jobId, i),
    });
}

async function publishEnd(jobId: string): Promise<void> {
  await broker
    .bus()
    .publish(pipelineSubjects.faces(jobId), facesCodec.encode({ jobId, frameIndex: FRAMES, end: true }), {
      msgId: pipelineMsgIds.faces(jobId, FRAMES),
    });
}

/** Every message the tracker publishes (tracks and results), by message id, as bytes; a second copy is an error. */
async function collect(): Promise<{
  readonly byMsgId: Map<string, Uint8Array>;
  readonly repeats: string[];
  ended(jobId: string): Promise<void>;
  stop(): Promise<void>;
}> {
  const b = broker.bus();
  const byMsgId = new Map<string, Uint8Array>();
  const repeats: string[] = [];
  const ends = new Map<string, () => void>();
  const consumers: ConsumerHandle[] = [];
  for (const [stream, durable, filterSubject] of [
    ['PMR_RESULTS', 'test-results', 'pmr.results.>'],
    ['PMR_TRACKS', 'test-embed', 'pmr.tracks.embed.>'],
    ['PMR_TRACKS', 'test-describe', 'pmr.tracks.describe.>'],
  ] as const) {
    consumers.push(
      await b.consume({
        stream,
        durable,
        filterSubject,
        maxAckPending: 100,
        ackWaitMs: 5000,
        maxDeliver: 1,
        handler: (m) => {
          const key = `${m.subject} ${m.msgId ?? ''}`;
          if (byMsgId.has(key)) repeats.push(key);
          byMsgId.set(key, m.data);
          if (stream === 'PMR_RESULTS' && resultCodec.decode(m.data).result === 'trackingDone') ends.get(m.subject)?.();
          return Promise.resolve('ack');
        },
      }),
    );
  }
  return {
    byMsgId,
    repeats,
    ended: (jobId) =>
      new Promise<void>((resolve, reject) => {
        const subject = pipelineSubjects.results(jobId);
        if ([...byMsgId.keys()].some((k) => k.startsWith(`${subject} `) && k.endsWith('.tracked'))) return resolve();
        const timer = setTimeout(() => reject(new Error(`job ${jobId} not tracked in 20 s`)), 20_000);
        ends.set(subject, () => (clearTimeout(timer), resolve()));
      }),
    stop: async () => {
      for (const c of consumers) await c.stop();
    },
  };
}

/** The job's messages with the job id swapped for `as`, keyed likewise. */
function messagesOf(all: ReadonlyMap<string, Uint8Array>, jobId: string, as: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, data] of all) {
    if (!key.includes(jobId)) continue;
    out.set(key.replaceAll(jobId, as), Buffer.from(data).toString('latin1').replaceAll(jobId, as));
  }
  return out;
}

/** A worker in a child process; resolves once it consumes. */
async function startWorkerProcess(): Promise<{ kill(): Promise<void>; tracked(n: number): Promise<void> }> {
  const script = join(import.meta.dirname, 'worker-process.ts');
  const child = spawn(process.execPath, nodeArgs(script, [broker.url(), JSON.stringify(SETTINGS)]), {
    env: launchEnv(process.env),
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let count = 0;
  const waiters = new Set<{ n: number; resolve: () => void }>();
  const ready = new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the worker process exited with ${code}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line === 'ready') resolve();
      if (line !== 'tracked') return;
      count++;
      for (const w of waiters) {
        if (count < w.n) continue;
        waiters.delete(w);
        w.resolve();
      }
    });
  });
  await ready;
  return {
    tracked: (n) => (count >= n ? Promise.resolve() : new Promise((resolve) => waiters.add({ n, resolve }))),
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGKILL');
      await exited;
    },
  };
}

test(
  'a worker SIGKILLed mid-job: the next one resumes from the checkpoint and publishes what a clean run does, once',
  { skip: skip ?? false },
  async () => {
    const b = broker.bus();
    const published = await collect();
    const running = new Set<ConsumerHandle>();
    const worker = async (extra: Partial<TrackerWorkerOptions> = {}): Promise<ConsumerHandle> => {
      const w = await startTrackerWorker({ ...SETTINGS, bus: b, logger: silentLogger(), ...extra });
      running.add(w);
      return w;
    };
    const stop = async (w: ConsumerHandle): Promise<void> => {
      running.delete(w);
      await w.stop();
    };
    let doomed: Awaited<ReturnType<typeof startWorkerProcess>> | undefined;
    try {
      // The clean run.
      const clean = await worker();
      await publishFrames(CLEAN, 0, FRAMES);
      await publishEnd(CLEAN);
      await published.ended(CLEAN);
      await broker.emptied(['PMR_FACES']);
      await stop(clean);

      // The crash: frames 0..44 tracked, a checkpoint stored after frame 39, track B published at frame 42.
      doomed = await startWorkerProcess();
      await publishFrames(CRASH, 0, KILL_AFTER);
      await doomed.tracked(KILL_AFTER);
      await doomed.kill();
      assert.ok(
        (await b.streamState('PMR_FACES')).messages >= KILL_AFTER - 40,
        'the frames tracked after the last checkpoint are not acked',
      );
      await publishFrames(CRASH, KILL_AFTER, FRAMES);
      await publishEnd(CRASH);

      // The restart.
      let tracked = 0;
      const next = await worker({ onFrame: () => tracked++ });
      await published.ended(CRASH);
      await broker.emptied(['PMR_FACES', 'PMR_TRACKS', 'PMR_RESULTS']);
      await stop(next);

      assert.equal(tracked, FRAMES - 40 + 1, 'the new worker tracked from the checkpoint on (and the end mark)');
      const expected = messagesOf(published.byMsgId, CLEAN, 'job');
      assert.ok(
        [...expected.keys()].some((k) => k.includes('.embed.2')),
        'track B (2) was published',
      );
      assert.deepStrictEqual(messagesOf(published.byMsgId, CRASH, 'job'), expected);
      assert.deepEqual(published.repeats, [], 'nothing was delivered twice');
      assert.equal(
        (await b.streamState(`OBJ_${PIPELINE_BUCKETS.trackerState}`)).messages,
        0,
        'the checkpoints are deleted when their job ends',
      );
    } finally {
      await doomed?.kill();
      for (const w of running) await stop(w);
      await published.stop();
    }
  },
);

test(
  'a checkpoint the tracker cannot read fails the job, its messages terminated',
  { skip: skip ?? false },
  async () => {
    const b = broker.bus();
    const job = 'job-unreadable';
    await b.putLarge(PIPELINE_BUCKETS.trackerState, job, new Uint8Array([1, 2, 3]));
    const results: string[] = [];
    const collector = await b.consume({
      stream: 'PMR_RESULTS',
      durable: 'test-results', // a work queue takes one consumer per subject: the one the test above used
      filterSubject: 'pmr.results.>',
      maxAckPending: 10,
      ackWaitMs: 5000,
      maxDeliver: 1,
      handler: (m) => {
        const r = resultCodec.decode(m.data);
        results.push(`${r.failure?.code ?? ''}: ${r.failure?.message ?? ''}`);
        return Promise.resolve('ack');
      },
    });
    const worker = await startTrackerWorker({ ...SETTINGS, bus: b, logger: silentLogger() });
    try {
      await publishFrames(job, 3, 5);
      await broker.emptied(['PMR_FACES', 'PMR_RESULTS']);
      assert.equal(results.length, 1);
      assert.match(results[0]!, /^DATA_LOSS: the tracker's checkpoint of job job-unreadable is unusable/);
    } finally {
      await worker.stop();
      await collector.stop();
      await b.deleteLarge(PIPELINE_BUCKETS.trackerState, job);
    }
  },
);
