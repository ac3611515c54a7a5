// `pmr cluster` supervising its services under a real job, as a user runs it: the detector, then the tracker, killed
// with SIGKILL in the middle of a job are restarted and reported, and each job completes with exactly the clean
// (embedded) run's result; the job store stays where --store says. The clip is analysed at every frame (--skip none)
// so a job runs long enough for a kill to land in its middle; each kill is triggered from the victim's own /metrics
// counter (the tracker's after a few of its checkpoints, so the restarted tracker resumes from one).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { test } from 'node:test';
import { natsServerSkipReason } from '@pmr/common/testing/nats-server';
import { processAlive } from '@pmr/common/testing/service-process';
import { assertSameAnalysis, type AnalysisJson } from '../src/compare-results.ts';
import { requireParts } from '@pmr/common/testing/require-parts';
import { dataDir, missingData, missingModels, video } from '../src/paths.ts';
import { readMetricsCounter, startPmrCluster } from '../src/pmr-cluster.ts';
import { runCli } from '../src/run-cli.ts';

const skipReason = requireParts(missingModels(), missingData(), natsServerSkipReason());

const args = [video('short_hamilton_clip.mp4'), '--gallery', join(dataDir, 'identities'), '--skip', 'none'];

test(
  'pmr cluster: a detector, then a tracker, killed mid-job is restarted and the job ends with the clean result; the store stays',
  { skip: skipReason ?? false },
  async () => {
    const clean = await runCli(['analyze', ...args]);
    assert.equal(clean.code, 0, clean.stderr);
    const expected = JSON.parse(clean.stdout) as AnalysisJson;

    const work = mkdtempSync(join(tmpdir(), 'pmr-supervision-'));
    const store = join(work, 'state', 'jobs.db');
    const cluster = await startPmrCluster(['--port', '0', '--media-root', dataDir, '--store', store]);
    try {
      assert.ok(cluster.stderr().includes(`pmr: job store ${store}\n`), 'the store where --store says');
      const detector = cluster.services.get('detector')!;
      const job = runCli(['analyze', ...args, '--remote', cluster.address]);
      let jobEnded = false;
      void job.then(() => (jobEnded = true));
      let framesAtKill = 0;
      while (
        !jobEnded &&
        (framesAtKill = await readMetricsCounter(detector.metricsAddress, 'pmr_detector_pipeline_frames_total')) < 20
      )
        await sleep(50);
      assert.equal(jobEnded, false, 'the job ended before the detector could be killed');
      process.kill(detector.pid, 'SIGKILL');

      const [, pid, grpc] = await cluster.waitForStderr(
        /^pmr: detector restarted: pid (\d+) {2}grpc (\S+) {2}metrics \S+$/m,
      );
      assert.match(
        cluster.stderr(),
        /^pmr: detector was killed by SIGKILL; restarting it in 0\.5 s \(restart 1 of 5\)$/m,
      );
      assert.equal(grpc, detector.grpcAddress, 'on the address the orchestrator was given');
      assert.ok(processAlive(Number(pid)));
      const run = await job;
      assert.equal(run.code, 0, `the job failed: ${run.stderr}\n${cluster.stderr().slice(-3000)}`);
      const result = JSON.parse(run.stdout) as AnalysisJson;
      assertSameAnalysis(result, expected, 'detector killed under pmr cluster');
      assert.ok(
        framesAtKill >= 20 && framesAtKill < Number(expected.video['analysedFrames']),
        `killed after ${framesAtKill} frames`,
      );
      assert.ok(
        (await readMetricsCounter(detector.metricsAddress, 'pmr_detector_pipeline_frames_total')) > 0,
        'the restarted detector detected frames',
      );

      // The tracker's counter includes the first job's frames: the kill comes 60 frames into the second job.
      const tracker = cluster.services.get('tracker')!;
      const trackedFrames = (): Promise<number> =>
        readMetricsCounter(tracker.metricsAddress, 'pmr_tracker_pipeline_frames_total');
      const trackedBefore = await trackedFrames();
      const second = runCli(['analyze', ...args, '--remote', cluster.address], {}, undefined, 240_000);
      let secondEnded = false;
      void second.then(() => (secondEnded = true));
      let trackedAtKill = 0;
      while (!secondEnded && (trackedAtKill = (await trackedFrames()) - trackedBefore) < 60) await sleep(50);
      assert.equal(secondEnded, false, 'the job ended before the tracker could be killed');
      process.kill(tracker.pid, 'SIGKILL');
      await cluster.waitForStderr(/^pmr: tracker restarted: pid \d+/m);
      assert.match(
        cluster.stderr(),
        /^pmr: tracker was killed by SIGKILL; restarting it in 0\.5 s \(restart 1 of 5\)$/m,
      );
      const resumed = await second;
      assert.equal(resumed.code, 0, `the job failed: ${resumed.stderr}\n${cluster.stderr().slice(-3000)}`);
      assertSameAnalysis(JSON.parse(resumed.stdout) as AnalysisJson, expected, 'tracker killed under pmr cluster');
      const analysed = Number(expected.video['analysedFrames']);
      assert.ok(trackedAtKill < analysed, `killed after ${trackedAtKill} frames`);
      // The killed tracker had stored a checkpoint at most 25 frames before the last one it tracked: the restarted one
      // went on from there, not from frame 0 (its counter starts at 0; the end mark counts too).
      const resumedFrames = await trackedFrames();
      assert.ok(
        resumedFrames > 0 && resumedFrames <= analysed + 1 - (trackedAtKill - 25),
        `the restarted tracker tracked ${resumedFrames} frames, the killed one ${trackedAtKill}`,
      );

      cluster.child.kill('SIGTERM');
      assert.equal(await cluster.exited, 0, cluster.stderr().slice(-2000));
      assert.ok(existsSync(store) && statSync(store).size > 0, `the job store is kept at ${store}`);
    } finally {
      if (cluster.child.exitCode === null) {
        cluster.child.kill('SIGTERM'); // it stops its services; SIGKILL would leave them running
        const timer = setTimeout(() => cluster.child.kill('SIGKILL'), 60_000);
        await cluster.exited;
        clearTimeout(timer);
      }
      rmSync(work, { recursive: true, force: true });
    }
  },
);
