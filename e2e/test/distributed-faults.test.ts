// Faults during a distributed job: a worker killed with SIGKILL (one of two detectors, one of two recognizers), the
// broker stopped and started again (JetStream on disk), the orchestrator killed and restarted; and a video on which the
// decoder crashes every time, which must fail its job after a bounded number of attempts. Each time the job
// completes with exactly the clean run's results: no frame lost (detections equal), no face or track duplicated
// (embeddings, track ids and labels equal). The clip is analysed at every frame (--skip none) so the job runs long
// enough for the fault to land in its middle; the fault is triggered from the services' own /metrics counters.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { natsServerSkipReason } from '@pmr/common/testing/nats-server';
import { assertSameAnalysis, type AnalysisJson } from '../src/compare-results.ts';
import { readCounter, startDeployment, type Deployment, type RunningService } from '../src/deployment.ts';
import { dataDir, missingData, missingModels, video } from '../src/paths.ts';
import { requireParts } from '@pmr/common/testing/require-parts';
import { runCli } from '../src/run-cli.ts';

const skipReason = requireParts(missingModels(), missingData(), natsServerSkipReason());

const clip = video('short_hamilton_clip.mp4');
const gallery = join(dataDir, 'identities');
const args = [clip, '--gallery', gallery, '--skip', 'none'];

async function analyze(extra: string[]): Promise<AnalysisJson> {
  const run = await runCli(['analyze', ...args, ...extra]);
  assert.equal(run.code, 0, `pmr analyze failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as AnalysisJson;
}

/** Resolves once `counter` on `service` reaches `atLeast` (polled every 50 ms). */
async function whenCounter(service: RunningService, counter: string, atLeast: number): Promise<number> {
  for (;;) {
    const value = await readCounter(service, counter);
    if (value >= atLeast) return value;
    await sleep(50);
  }
}

/** Runs the job remotely while `fault` runs beside it; returns the job's result. */
async function withFault(deployment: Deployment, fault: () => Promise<void>): Promise<AnalysisJson> {
  const job = analyze(['--remote', deployment.orchestratorAddress()]);
  const done = job.then(
    () => 'done',
    () => 'done',
  );
  const faulted = await Promise.race([fault().then(() => 'faulted'), done]);
  assert.equal(faulted, 'faulted', 'the job ended before the fault could be injected');
  return job;
}

let clean: AnalysisJson | undefined;
const cleanRun = async (): Promise<AnalysisJson> => (clean ??= await analyze([]));

test(
  'one of two detectors killed mid-job: the other takes over its frames, nothing lost or repeated',
  { skip: skipReason },
  async () => {
    const expected = await cleanRun();
    const deployment = await startDeployment({ replicas: { detector: 2 } });
    try {
      const [victim, survivor] = deployment.services.get('detector')!;
      let framesAtKill = 0;
      const result = await withFault(deployment, async () => {
        framesAtKill = await whenCounter(victim!, 'pmr_detector_pipeline_frames_total', 20);
        await deployment.kill(victim!);
      });
      assertSameAnalysis(result, expected, 'detector killed');
      assert.ok(
        framesAtKill >= 20 && framesAtKill < Number(expected.video['analysedFrames']),
        `killed after ${framesAtKill} frames`,
      );
      assert.ok(
        (await readCounter(survivor!, 'pmr_detector_pipeline_frames_total')) > 0,
        'the survivor detected frames',
      );
    } finally {
      await deployment.stop();
    }
  },
);

test(
  'one of two recognizers killed mid-job: its tracks are embedded by the other, none twice',
  { skip: skipReason },
  async () => {
    const expected = await cleanRun();
    const deployment = await startDeployment({ replicas: { recognizer: 2 } });
    try {
      const replicas = deployment.services.get('recognizer')!;
      const result = await withFault(deployment, async () => {
        // Whichever replica embeds a pipeline track first is killed.
        const first = await Promise.race(
          replicas.map(async (r) => (await whenCounter(r, 'pmr_recognizer_pipeline_tracks_total', 1), r)),
        );
        await deployment.kill(first);
      });
      assertSameAnalysis(result, expected, 'recognizer killed');
    } finally {
      await deployment.stop();
    }
  },
);

test(
  'the broker stopped and started again mid-job: every service reconnects and the job completes the same',
  { skip: skipReason },
  async () => {
    const expected = await cleanRun();
    const deployment = await startDeployment();
    try {
      const detector = deployment.services.get('detector')![0]!;
      const result = await withFault(deployment, async () => {
        await whenCounter(detector, 'pmr_detector_pipeline_frames_total', 40);
        await deployment.nats.restart();
      });
      assertSameAnalysis(result, expected, 'broker restarted');
      for (const [name, list] of deployment.services)
        for (const s of list) assert.equal(s.child.exitCode, null, `${name} exited`);
    } finally {
      await deployment.stop();
    }
  },
);

test(
  'the orchestrator killed and restarted mid-job: the job resumes from its store and completes the same',
  { skip: skipReason },
  async () => {
    const expected = await cleanRun();
    const deployment = await startDeployment();
    try {
      const detector = deployment.services.get('detector')![0]!;
      const result = await withFault(deployment, async () => {
        await whenCounter(detector, 'pmr_detector_pipeline_frames_total', 40);
        const restarted = await deployment.restartOrchestrator();
        assert.ok(
          restarted.logs.some((l) => l.msg === 'resuming jobs'),
          'the new orchestrator resumed the job',
        );
      });
      assertSameAnalysis(result, expected, 'orchestrator restarted');
    } finally {
      await deployment.stop();
    }
  },
);

test(
  'a video that crashes the decoder every time: its job fails after 3 attempts, never a crash loop; the decoder comes back',
  { skip: skipReason },
  async () => {
    const deployment = await startDeployment();
    try {
      // No file at hand crashes FFmpeg 8, so the crash is dealt from outside: SIGSEGV to the decoder each time it starts
      // on the job (what a crashing demuxer does to its process), and a new decoder started in its place, as Kubernetes
      // would restart the pod.
      const job = runCli(['analyze', clip, '--skip', 'none', '--remote', deployment.orchestratorAddress()]);
      let crashes = 0;
      let ended = false;
      void job.then(() => (ended = true));
      while (!ended) {
        const decoder = deployment.services.get('decoder')![0]!;
        if (!decoder.logs.some((l) => l.msg === 'decoding')) {
          await sleep(50);
          continue;
        }
        await deployment.kill(decoder, 'SIGSEGV');
        crashes++;
        await deployment.start('decoder');
      }
      const run = await job;
      assert.notEqual(run.code, 0, 'the job failed');
      assert.match(run.stderr, /gave no result in 3 attempts at this video/);
      assert.equal(crashes, 3, 'three attempts, each crashed; the fourth delivery decoded nothing');
      const decoder = deployment.services.get('decoder')![0]!;
      assert.ok(
        decoder.logs.some((l) => l.msg === 'video given up: no attempt at it ended'),
        'the decoder that got the last delivery gave it up',
      );
      const after = await runCli([
        'analyze',
        video('head-pose-face-detection-female.mp4'),
        '--remote',
        deployment.orchestratorAddress(),
      ]);
      assert.equal(after.code, 0, `a good video still decodes afterwards: ${after.stderr}`);
    } finally {
      await deployment.stop();
    }
  },
);
